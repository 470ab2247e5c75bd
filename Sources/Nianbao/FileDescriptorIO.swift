import FoundationEssentials
import Glibc

/// Whole writes and reads on a file descriptor through write(2) and read(2), retried when a signal
/// interrupts them: a failure is an errno to report, never a trap.
public enum FileDescriptorIO {
    /// Writes all of `bytes`; the errno of the write that failed, or nil.
    public static func write(_ descriptor: Int32, _ bytes: some ContiguousBytes) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Reads until the end of input, or until more than `limit` bytes have come; a failed read ends it.
    public static func read(_ descriptor: Int32, limit: Int = .max) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let got = Glibc.read(descriptor, &chunk, chunk.count)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            bytes += chunk[..<got]
        }
        return bytes
    }
}

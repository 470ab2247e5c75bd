import FoundationEssentials
import Glibc

/// Reads an input file with POSIX calls, so that every failure is an errno with a plain sentence
/// (a folder, a missing file, no permission) and the file is read once.
enum InputFile {
    /// The file's bytes; `refuse(head, size)` may turn the file down from its first 4 KiB and its size.
    static func read(_ path: String, refuse: ([UInt8], Int) -> ReaderError?) throws(ReaderError) -> [UInt8] {
        // Without O_NONBLOCK, opening a named pipe no program writes to waits forever; once open, reads
        // block again, and a pipe without a writer reads as empty.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw failure(EISDIR) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return try readStream(descriptor, refuse: refuse) }
        let size = Int(status.st_size)
        let head = try readUp(to: min(size, 4096), from: descriptor)
        if let refusal = refuse(head, size) { throw refusal }
        guard size > head.count else { return head }
        // A file that shrank while being read is taken as far as it went.
        return head + (try readUp(to: size - head.count, from: descriptor))
    }

    /// A pipe or device (`<(curl …)`, /dev/stdin): no size to go by, so read until the end or until
    /// the bytes so far pass the limit of the format their head shows.
    private static func readStream(_ descriptor: Int32, refuse: ([UInt8], Int) -> ReaderError?) throws(ReaderError) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk = try readUp(to: 1 << 20, from: descriptor)
            bytes += chunk
            if let refusal = refuse(Array(bytes.prefix(4096)), bytes.count) { throw refusal }
            if chunk.count < 1 << 20 { return bytes }
        }
    }

    private static func readUp(to count: Int, from descriptor: Int32) throws(ReaderError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, min(count - filled, 1 << 24))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if got == 0 { break }
            filled += got
        }
        if filled < count { bytes.removeLast(count - filled) }
        return bytes
    }

    private static func failure(_ code: Int32) -> ReaderError {
        .unreadable(SystemErrorText.chinese(errno: code), SystemErrorText.english(errno: code))
    }
}

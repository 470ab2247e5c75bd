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
        // The rest is read straight after the head, into one buffer of the file's size: a DOCX's
        // images are its bulk, and each copy of them cost as much as reading them.
        var failure: ReaderError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            _ = buffer.initialize(fromContentsOf: head)
            filled = head.count
            // A file that shrank while being read is taken as far as it went.
            let rest = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[head.count...]))
            switch Result(catching: { () throws(ReaderError) in try readUp(into: rest, from: descriptor) }) {
            case .success(let count): filled += count
            case .failure(let error): failure = error
            }
        }
        if let failure { throw failure }
        return bytes
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
        let filled = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(ReaderError) in try readUp(into: buffer, from: descriptor) }
        }.get()
        if filled < count { bytes.removeLast(count - filled) }
        return bytes
    }

    /// Fills `buffer` from the descriptor, or as far as the input goes; gives how many bytes it read.
    private static func readUp(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) throws(ReaderError) -> Int {
        var filled = 0
        while filled < buffer.count, let start = buffer.baseAddress {
            let got = Glibc.read(descriptor, start + filled, min(buffer.count - filled, 1 << 24))
            if got < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    private static func failure(_ code: Int32) -> ReaderError {
        .unreadable(SystemErrorText.chinese(errno: code), SystemErrorText.english(errno: code))
    }
}

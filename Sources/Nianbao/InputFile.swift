import FoundationEssentials
import Glibc

/// Reads an input file with POSIX calls, so that every failure is an errno with a plain sentence
/// (a folder, a missing file, no permission) and the file is read once, or left open for a reader
/// that takes it where it lies.
enum InputFile {
    /// What was read of an input: its bytes, or the file itself, left open for a reader that reads
    /// it where it lies.
    enum Contents {
        case bytes([UInt8])
        case inPlace(OpenInput)
    }

    /// The file's bytes; `refuse(head, size)` may turn the file down from its first 4 KiB and its size.
    static func read(_ path: String, refuse: ([UInt8], Int) -> ReaderError?) throws(ReaderError) -> [UInt8] {
        if case .bytes(let bytes) = try contents(path, refuse: refuse, inPlace: { _, _ in false }) { return bytes }
        preconditionFailure("a file is left open only where asked")
    }

    /// The file's bytes, or the open file where `inPlace(head, size)` says a reader takes it as it
    /// lies (a regular file only); `refuse` as for `read`.
    static func contents(_ path: String, refuse: ([UInt8], Int) -> ReaderError?,
                         inPlace: ([UInt8], Int) -> Bool) throws(ReaderError) -> Contents {
        let file = try OpenInput(path)
        let descriptor = file.descriptor
        guard let size = file.size else { return .bytes(try readStream(descriptor, refuse: refuse)) }
        let head = try readUp(to: min(size, 4096), from: descriptor)
        if let refusal = refuse(head, size) { throw refusal }
        if inPlace(head, size) { return .inPlace(file) }
        guard size > head.count else { return .bytes(head) }
        return .bytes(try readRest(of: size, after: head, from: descriptor))
    }

    /// The rest is read straight after the head, into one buffer of the file's size: a DOCX's
    /// images are its bulk, and each copy of them cost as much as reading them.
    fileprivate static func readRest(of size: Int, after head: [UInt8], from descriptor: Int32) throws(ReaderError) -> [UInt8] {
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
    fileprivate static func readUp(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) throws(ReaderError) -> Int {
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

    fileprivate static func failure(_ code: Int32) -> ReaderError {
        .unreadable(SystemErrorText.chinese(errno: code), SystemErrorText.english(errno: code))
    }
}

/// An input file open for reading, closed when released; a reader that takes a file where it lies
/// (DocxReader) reads it through `descriptor`.
final class OpenInput {
    let descriptor: Int32
    private let opened: stat

    init(_ path: String) throws(ReaderError) {
        // Without O_NONBLOCK, opening a named pipe no program writes to waits forever; once open, reads
        // block again, and a pipe without a writer reads as empty.
        descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw InputFile.failure(errno) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw InputFile.failure(code)
        }
        opened = status
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw InputFile.failure(EISDIR)
        }
    }

    deinit { close(descriptor) }

    /// The size of a regular file; nil for a pipe or device, which has none to go by.
    var size: Int? { (opened.st_mode & S_IFMT) == S_IFREG ? Int(opened.st_size) : nil }

    /// SHA-256 of the file's bytes, read a megabyte at a time, so that a large file is never held whole.
    func digest() throws(ReaderError) -> String {
        var digest = SHA256()
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let got = piece.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputFile.failure(errno)
            }
            if got == 0 { return digest.hex() }
            piece.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[..<got])) }
            offset += got
        }
    }

    /// Throws when the file's size or modification time is no longer what it was when opened: what was
    /// read of it and its digest might then not be of one file.
    func checkUnchanged() throws(ReaderError) {
        var now = stat()
        guard fstat(descriptor, &now) == 0 else { throw InputFile.failure(errno) }
        guard now.st_size == opened.st_size, now.st_mtim.tv_sec == opened.st_mtim.tv_sec,
              now.st_mtim.tv_nsec == opened.st_mtim.tv_nsec else {
            throw .unreadable("文件在读取过程中被改动", "the file changed while it was read")
        }
    }
}

import Foundation

/// Writes a file whole or not at all: the bytes go to a temporary file on the same file system,
/// which is then renamed over the target.
public enum AtomicFile {
    /// A hidden name of fixed length: one built from the target's name outgrew the 255 bytes a name may have.
    static func temporaryName() -> String { ".nianbao-\(UUID().uuidString).tmp" }

    public static func write(_ data: Data, to target: URL, temporaryDirectory: URL? = nil) throws {
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporaryFolder = temporaryDirectory ?? folder
        try FileManager.default.createDirectory(at: temporaryFolder, withIntermediateDirectories: true)
        let temporary = temporaryFolder.appendingPathComponent(AtomicFile.temporaryName())
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

/// A file written piece by piece into a temporary file and renamed into place when finished.
/// A write that fails (a full disk) is remembered and thrown by `finish`, which then leaves no file.
public final class StreamingFile {
    private let target: URL
    private let temporaryURL: URL
    private let handle: FileHandle
    private var failure: Error?

    public init(_ target: URL, temporary: URL) throws {
        self.target = target
        temporaryURL = temporary.appendingPathComponent(AtomicFile.temporaryName())
        let descriptor = open(temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    public func write(_ text: String) { write(Data(text.utf8)) }

    public func write(_ data: Data) {
        guard failure == nil else { return }
        do { try handle.write(contentsOf: data) } catch { failure = error }
    }

    /// Removes the unfinished file.
    public func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporaryURL)
    }

    public func finish() throws {
        if let failure {
            abandon()
            throw failure
        }
        do { try handle.close() } catch {
            abandon()
            throw error
        }
        guard rename(temporaryURL.path, target.path) == 0 else {
            let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            abandon()
            throw error
        }
    }
}

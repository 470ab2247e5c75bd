import Foundation

/// Writes a file whole or not at all: the bytes go to a temporary file on the same file system,
/// which is then renamed over the target.
public enum AtomicFile {
    public static func write(_ data: Data, to target: URL, temporaryDirectory: URL? = nil) throws {
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporaryFolder = temporaryDirectory ?? folder
        try FileManager.default.createDirectory(at: temporaryFolder, withIntermediateDirectories: true)
        let temporary = temporaryFolder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
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
public final class StreamingFile {
    private let target: URL
    private let temporaryURL: URL
    private let handle: FileHandle

    public init(_ target: URL, temporary: URL) throws {
        self.target = target
        temporaryURL = temporary.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporaryURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        handle = try FileHandle(forWritingTo: temporaryURL)
    }

    public func write(_ text: String) { handle.write(Data(text.utf8)) }

    /// Removes the unfinished file.
    public func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporaryURL)
    }

    public func finish() throws {
        try handle.close()
        guard rename(temporaryURL.path, target.path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}

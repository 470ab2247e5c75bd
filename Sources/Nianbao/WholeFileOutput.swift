import FoundationEssentials
import Glibc
import Synchronization

/// Writes a file whole or not at all: the bytes go to a temporary file on the same file system,
/// which is then renamed over the target.
public enum AtomicFile {
    /// A hidden name of at most 46 bytes: one built from the target's name outgrew the 255 bytes a name
    /// may have. A random part drawn once per process and a count: a UUID for each file read
    /// /dev/urandom three system calls at a time. The files are made with O_EXCL, so a name met twice
    /// fails, never overwrites.
    static func temporaryName() -> String {
        let count = temporaryCount.add(1, ordering: .relaxed).newValue
        return ".nianbao-\(temporaryPrefix)-\(String(count, radix: 16)).tmp"
    }

    private static let temporaryPrefix = String(UInt64.random(in: .min ... .max), radix: 16)
    private static let temporaryCount = Atomic<Int>(0)

    public static func write(_ data: Data, to target: URL, temporaryDirectory: URL? = nil) throws {
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporaryFolder = temporaryDirectory ?? folder
        try FileManager.default.createDirectory(at: temporaryFolder, withIntermediateDirectories: true)
        let temporary = temporaryFolder.appendingPathComponent(AtomicFile.temporaryName(), isDirectory: false)
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

/// The files of one batch input, put in place together and made durable by one sync instead of one
/// per file: each is written to a temporary file, `commit` syncs them, then renames them into place in
/// the order they were added (the input's record last). After a crash each file is whole or absent,
/// and an input without its record is converted again by --resume.
final class StagedFiles {
    private let temporaryFolder: URL
    private var staged: [StreamingFile] = []

    init(temporaryFolder: URL) {
        self.temporaryFolder = temporaryFolder
    }

    /// Writes `data` to a temporary file for `target`; nothing is in place before `commit`. Written as
    /// StreamingFile writes, not with Foundation's Data.write, which fsyncs every file: the cost saved here.
    func add(_ data: Data, for target: URL) throws {
        // Most targets' folders are there already or one level short: mkdir says which in one call, where
        // FileManager looks at each folder of the path first.
        let folder = target.deletingLastPathComponent()
        if mkdir(folder.path, 0o777) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let file = try StreamingFile(target, temporary: temporaryFolder)
        staged.append(file)
        file.write(data)
        try file.close()
    }

    /// Syncs the staged files, then renames each into place; on failure the ones not yet in place are removed.
    func commit() throws {
        defer { abandon() }
        try FileSystemSync.sync(staged.map(\.temporaryURL), in: temporaryFolder)
        while let file = staged.first {
            try file.place()
            staged.removeFirst()
        }
    }

    /// Removes the temporary files not put in place.
    func abandon() {
        staged.forEach { $0.abandon() }
        staged = []
    }
}

/// A file written piece by piece into a temporary file and renamed into place when finished.
/// A write that fails (a full disk) is remembered and thrown by `finish`, which then leaves no file.
public final class StreamingFile {
    private let target: URL
    let temporaryURL: URL
    private var descriptor: Int32
    private var failure: Error?

    public init(_ target: URL, temporary: URL) throws {
        self.target = target
        temporaryURL = temporary.appendingPathComponent(AtomicFile.temporaryName(), isDirectory: false)
        descriptor = open(temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    public func write(_ text: String) { write(Data(text.utf8)) }

    public func write(_ data: Data) {
        guard failure == nil else { return }
        if let code = FileDescriptorIO.write(descriptor, data) { failure = POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
    }

    deinit { closeDescriptor() }

    /// Removes the unfinished file.
    public func abandon() {
        closeDescriptor()
        try? FileManager.default.removeItem(at: temporaryURL)
    }

    public func finish() throws {
        try close()
        try place()
    }

    /// Ends the writing: throws the write that failed, or a failed close, and then leaves no file.
    func close() throws {
        if let failure {
            abandon()
            throw failure
        }
        guard closeDescriptor() else {
            let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            abandon()
            throw error
        }
    }

    /// Closes the file once (false when close failed); later calls do nothing.
    @discardableResult
    private func closeDescriptor() -> Bool {
        guard descriptor >= 0 else { return true }
        defer { descriptor = -1 }
        return Glibc.close(descriptor) == 0
    }

    /// Renames the closed file into place; on failure it is removed.
    func place() throws {
        guard rename(temporaryURL.path, target.path) == 0 else {
            let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            abandon()
            throw error
        }
    }
}

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

/// A file written whole under a temporary name, to be renamed to its target once it is synced. Paths,
/// not URLs: a URL works its path out anew each time it is asked, at tens of thousands of instructions.
struct StagedFile: Equatable {
    var temporary: String
    var target: String
}

/// The files of one batch input, written to temporary files and handed to a GroupCommit, which
/// syncs them and renames them into place in the order they were added (the input's record last).
final class StagedFiles {
    private let temporaryFolder: URL
    private var staged: [StreamingFile] = []

    init(temporaryFolder: URL) {
        self.temporaryFolder = temporaryFolder
    }

    /// Writes `data` to a temporary file for `target`; nothing is in place before the commit. Written as
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

    /// The written files, in the order they were added, for a GroupCommit to put in place.
    func handOver() -> [StagedFile] {
        defer { staged = [] }
        return staged.map { StagedFile(temporary: $0.temporaryURL.path, target: $0.target.path) }
    }

    /// Removes the temporary files not handed over.
    func abandon() {
        staged.forEach { $0.abandon() }
        staged = []
    }
}

/// A file written piece by piece into a temporary file and renamed into place when finished.
/// A write that fails (a full disk) is remembered and thrown by `finish`, which then leaves no file.
public final class StreamingFile {
    let target: URL
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

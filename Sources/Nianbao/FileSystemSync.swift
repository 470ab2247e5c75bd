import FoundationEssentials
import Glibc

/// Makes written files durable. syncfs(2) flushes the whole file system a folder is on in one call;
/// Glibc declares it only under _GNU_SOURCE, which Swift's Glibc module does not set, so it is looked
/// up by name. Where it is missing, each file is fsync'ed.
enum FileSystemSync {
    private typealias SyncFS = @convention(c) (Int32) -> Int32
    private static let syncfs: SyncFS? = dlsym(nil, "syncfs").map { unsafeBitCast($0, to: SyncFS.self) }

    /// Flushes `files`, all inside `folder`, to the disk.
    static func sync(_ files: [String], in folder: URL) throws {
        if let syncfs {
            let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(descriptor) }
            guard syncfs(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            return
        }
        for file in files {
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
    }
}

import FoundationEssentials
import Synchronization
import Glibc
import Nianbao

/// Standard output and error (or a device named by -o) written with write(2), so a full disk or a
/// closed pipe is an error value, never a trap: a stream remembers its first failure, which ends
/// the command with exit 1.
final class StandardStream: Sendable {
    static let output = StandardStream(STDOUT_FILENO)
    static let error = StandardStream(STDERR_FILENO)

    private let descriptor: Int32
    /// The errno of the first write that failed; writes hold it while they write, one at a time.
    private let failure = Mutex<Int32?>(nil)

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    /// The errno of the first write that failed; later writes are dropped.
    var failedErrno: Int32? { failure.withLock { $0 } }

    func write(_ data: Data) {
        failure.withLock { failure in
            guard failure == nil else { return }
            failure = FileDescriptorIO.write(descriptor, data)
        }
    }
}

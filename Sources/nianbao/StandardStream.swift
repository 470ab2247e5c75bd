import Foundation

/// Standard output and error (or a device named by -o) written with write(2), so a full disk or a
/// closed pipe is an error value, never a trap: a stream remembers its first failure, which ends
/// the command with exit 1.
final class StandardStream: @unchecked Sendable {
    static let output = StandardStream(STDOUT_FILENO)
    static let error = StandardStream(STDERR_FILENO)

    private let descriptor: Int32
    private let lock = NSLock()
    private var failure: Int32?

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    /// The errno of the first write that failed; later writes are dropped.
    var failedErrno: Int32? { lock.withLock { failure } }

    func write(_ data: Data) {
        lock.withLock {
            guard failure == nil else { return }
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += written
                }
            }
        }
    }
}

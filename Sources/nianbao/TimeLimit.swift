import ArgumentParser
import Foundation
import Nianbao

/// Runs one input's conversion on a thread of its own and waits for it at most `seconds`. A conversion
/// past its time is given up and left running: a C library stuck inside a hostile file cannot be
/// stopped from outside, and the command ends once its other inputs are done. The input is then an
/// error like any other (`file.timeout`), and the output stays whole.
struct TimeLimit {
    var seconds: Double
    /// The threads get a main thread's stack: readers and writers recurse.
    private static let stackSize = 8 << 20

    /// What `work` gave, or nil when it took longer than `seconds`.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T? {
        let slot = Slot<T>()
        let done = DispatchSemaphore(value: 0)
        let job = Job {
            slot.value = work()
            done.signal()
        }
        guard job.start(stackSize: TimeLimit.stackSize) else { return work() }
        // The signal orders the write of `slot` before this read.
        return done.wait(timeout: .now() + seconds) == .success ? slot.value : nil
    }

    private final class Slot<T>: @unchecked Sendable {
        var value: T?
    }

    /// A detached POSIX thread running `body`: lighter to start than Foundation's Thread, which cost
    /// a one-line convert 2.3 M instructions.
    private final class Job: Sendable {
        let body: @Sendable () -> Void

        init(_ body: @escaping @Sendable () -> Void) { self.body = body }

        /// False when no thread could be made.
        func start(stackSize: Int) -> Bool {
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, stackSize)
            pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
            let context = Unmanaged.passRetained(self).toOpaque()
            var thread = pthread_t()
            let made = pthread_create(&thread, &attributes, { context in
                Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().body()
                return nil
            }, context)
            if made != 0 { Unmanaged<Job>.fromOpaque(context).release() }
            return made == 0
        }
    }
}

extension TimeLimit {
    /// `--timeout`'s help, the same in every command that converts.
    static let help: ArgumentHelp = "Seconds one input may take before its conversion is stopped and marked as timed out. 单个输入的最长转换时间（秒）。"
    static let defaultSeconds = 60.0

    /// The check of `--timeout`.
    static func validate(_ seconds: Double) throws {
        if !(seconds > 0) { throw ValidationError("--timeout 须大于 0 (must be more than 0)") }
    }
}

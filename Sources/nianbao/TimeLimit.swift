import ArgumentParser
import FoundationEssentials
import Glibc
import Dispatch
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
        let started = DetachedThread.start(stackSize: TimeLimit.stackSize) {
            slot.value = work()
            done.signal()
        }
        guard started else { return work() }
        // The signal orders the write of `slot` before this read.
        return done.wait(timeout: .now() + seconds) == .success ? slot.value : nil
    }

    private final class Slot<T>: @unchecked Sendable {
        var value: T?
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

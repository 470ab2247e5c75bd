import FoundationEssentials
import Glibc

/// How nianbao starts a worker process (batch's and serve's) and words its death: one place, so
/// that both keep the same environment and messages.
public enum WorkerLaunch {
    /// Starts `command` with its standard input and output on pipes, and its standard error on a
    /// pipe when `capturingMessages` (else nowhere).
    public static func start(_ command: [String], capturingMessages: Bool) throws -> ChildProcess {
        // A worker that died leaves a closed pipe: writing to it must fail, not end this process.
        signal(SIGPIPE, SIG_IGN)
        // A crash is reported to the user; the runtime's backtrace would only cost time.
        return try ChildProcess(command, environment: ["SWIFT_BACKTRACE": "enable=no"], capturingMessages: capturingMessages)
    }

    /// How an exited worker ended, in both languages, for `ReaderError.crashed`.
    public static func ending(_ termination: ChildProcess.Termination) -> String {
        switch termination {
        case .signalled(let signal): "信号 \(signal) (signal \(signal))"
        case .exited(let status): "退出码 \(status) (exit status \(status))"
        }
    }

    /// The words for a worker that could not be started.
    public static let notStarted = "无法启动转换进程 (the worker could not start)"
}

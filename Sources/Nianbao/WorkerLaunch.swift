import Foundation

/// How nianbao starts a worker process (batch's and serve's) and words its death: one place, so
/// that both keep the same launch lock, environment and messages.
public enum WorkerLaunch {
    /// Foundation's Process is not documented as safe to launch from several threads at once.
    private static let lock = NSLock()

    /// Starts `command` with the pipes given (nil: nothing, for standard error) and closes this
    /// process's copies of the child's ends, so that the child's exit reads as the end of its output.
    public static func start(_ command: [String], input: Pipe, output: Pipe, messages: Pipe?) throws -> Process {
        // A worker that died leaves a closed pipe: writing to it must fail, not end this process.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        // A crash is reported to the user; the runtime's backtrace would only cost time.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = messages ?? FileHandle.nullDevice
        try lock.withLock { try process.run() }
        try? input.fileHandleForReading.close()
        try? output.fileHandleForWriting.close()
        try? messages?.fileHandleForWriting.close()
        return process
    }

    /// How an exited worker ended, in both languages, for `ReaderError.crashed`.
    public static func ending(of process: Process) -> String {
        let status = process.terminationStatus
        return process.terminationReason == .uncaughtSignal
            ? "信号 \(status) (signal \(status))" : "退出码 \(status) (exit status \(status))"
    }

    /// The words for a worker that could not be started.
    public static let notStarted = "无法启动转换进程 (the worker could not start)"
}

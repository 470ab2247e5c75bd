import FoundationEssentials
import Glibc
import Synchronization

/// A process started with posix_spawn, its standard input and output (and, when asked, its standard
/// error) on pipes: what batch and serve need of a worker, without Foundation's Process, which
/// brings the whole of Foundation and ICU into the command line's start.
public final class ChildProcess {
    /// How a process ended.
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// The process id.
    public let id: pid_t
    /// This process's end of the child's standard input (written), -1 once closed.
    public private(set) var input: Int32
    /// This process's end of the child's standard output (read).
    public let output: Int32
    /// This process's end of the child's standard error (read), or -1 when it goes to /dev/null.
    public let messages: Int32
    private var ended: Termination?

    /// Starts `command` (an executable's path, then its arguments) with `environment` added to this
    /// process's own.
    public init(_ command: [String], environment: [String: String] = [:], capturingMessages: Bool) throws {
        precondition(!command.isEmpty, "a command names its executable")
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, given in given }
        let arguments = command.map { strdup($0) } + [nil]
        let variables = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (arguments + variables).forEach { free($0) } }
        // Every pipe end opened here is closed on the way out, but for the three this process keeps.
        var opened: [Int32] = []
        defer { opened.forEach { Glibc.close($0) } }
        // Pipes are made close-on-exec and children spawned under one lock: Glibc does not give Swift
        // pipe2, and a pipe end leaked into a second child would keep the first child's pipes open
        // after it died, so that its crash would never read as the end of its output.
        let started = try ChildProcess.spawning.withLock { _ throws -> (pid: pid_t, input: Int32, output: Int32, messages: Int32) in
            let input = try ChildProcess.pipe(&opened)
            let output = try ChildProcess.pipe(&opened)
            let messages = capturingMessages ? try ChildProcess.pipe(&opened) : nil
            let pid = try ChildProcess.spawn(command[0], arguments, variables,
                                             standardStreams: (input.read, output.write, messages?.write))
            return (pid, input.write, output.read, messages?.read ?? -1)
        }
        (id, input, output, messages) = started
        opened.removeAll { [input, output, messages].contains($0) }
    }

    private static let spawning = Mutex(())

    /// A pipe whose two ends are close-on-exec, added to `opened`.
    private static func pipe(_ opened: inout [Int32]) throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard Glibc.pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        opened += ends
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Spawns `path` with the descriptors given as its standard input, output and error (nil: /dev/null).
    private static func spawn(_ path: String, _ arguments: [UnsafeMutablePointer<CChar>?], _ variables: [UnsafeMutablePointer<CChar>?],
                              standardStreams: (Int32, Int32, Int32?)) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardStreams.0, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, standardStreams.1, STDOUT_FILENO)
        if let messages = standardStreams.2 {
            posix_spawn_file_actions_adddup2(&actions, messages, STDERR_FILENO)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        }
        // The child starts with every signal at its default and none blocked, whatever this process
        // ignores (SIGPIPE) or blocks.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let failed = posix_spawn(&pid, path, &actions, &attributes, arguments, variables)
        guard failed == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failed) ?? .EIO) }
        return pid
    }

    deinit {
        stop()
        [input, output, messages].filter { $0 >= 0 }.forEach { Glibc.close($0) }
    }

    /// Closes the child's standard input, so that it reads its end.
    public func closeInput() {
        if input >= 0 { Glibc.close(input) }
        input = -1
    }

    /// Hands this process's end of the child's standard input to the caller, who closes it: for a
    /// writer on another thread.
    public func takeInput() -> Int32 {
        defer { input = -1 }
        return input
    }

    /// Waits for the process to end.
    @discardableResult
    public func wait() -> Termination {
        if let ended { return ended }
        var status: Int32 = 0
        while waitpid(id, &status, 0) < 0 {
            // Only EINTR can come here: the pid is this process's own child, waited for once.
            guard errno == EINTR else { break }
        }
        // WIFEXITED and its kin are C macros, which Swift does not import.
        let signal = status & 0x7F
        let result: Termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        ended = result
        return result
    }

    /// Kills the process if it has not ended, and waits for it.
    public func stop() {
        if ended == nil { kill(id, SIGKILL) }
        wait()
    }
}

import Foundation

/// How a batch converts its inputs: in its own process, or each in a worker process, so that an
/// input that crashes or hangs costs that input and not the batch.
public enum BatchWorkers: Sendable {
    case inProcess
    /// The command that starts a worker (`nianbao batch-worker …`); it reads input paths, one JSON
    /// string a line, converts each and answers a line when its outputs and record are written.
    case processes(command: [String], timeout: Double)
}

/// One worker process a batch thread talks to, started on first use and again after a crash.
final class WorkerProcess {
    enum Outcome: Equatable {
        case done
        case crashed(String)
        case timedOut
    }

    private let command: [String]
    private let timeout: Double
    private var process: Process?
    private var requests: FileHandle?
    private var answers: Int32 = -1
    /// The pipes, kept open for as long as the worker runs.
    private var pipes: (Pipe, Pipe)?

    init(command: [String], timeout: Double) {
        self.command = command
        self.timeout = timeout
    }

    deinit { stop() }

    /// Has the worker convert `relative`; the outcome says whether it answered in time.
    func convert(_ relative: String) -> Outcome {
        do {
            if process == nil { try start() }
            var line = Data(JSONValue.string(relative).rendered(pretty: false).utf8)
            line.append(0x0A)
            try requests?.write(contentsOf: line)
        } catch {
            return finishCrashed()
        }
        let deadline = Date().addingTimeInterval(timeout)
        var answer: [UInt8] = []
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                if let process { kill(process.processIdentifier, SIGKILL) }
                stop()
                return .timedOut
            }
            var poller = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left * 1000, 1_000)))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 256)
            let got = read(answers, &buffer, buffer.count)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return finishCrashed() }
            answer += buffer[0..<got]
            if answer.last == 0x0A { return .done }
        }
    }

    private func start() throws {
        let input = Pipe(), output = Pipe()
        process = try WorkerLaunch.start(command, input: input, output: output, messages: nil)
        requests = input.fileHandleForWriting
        answers = output.fileHandleForReading.fileDescriptor
        pipes = (input, output)
    }

    private func finishCrashed() -> Outcome {
        guard let process else { return .crashed(WorkerLaunch.notStarted) }
        try? requests?.close()
        process.waitUntilExit()
        let how = WorkerLaunch.ending(of: process)
        stop()
        return .crashed(how)
    }

    private func stop() {
        try? requests?.close()
        if let process {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        process = nil
        requests = nil
        pipes = nil
        answers = -1
    }
}

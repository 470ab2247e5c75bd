import FoundationEssentials
import Glibc

/// How a batch converts its inputs: in its own process, or each in a worker process, so that an
/// input that crashes or hangs costs that input and not the batch.
public enum BatchWorkers: Sendable {
    case inProcess
    /// The command that starts a worker (`nianbao batch-worker …`); it reads input paths, one JSON
    /// string a line, converts each and answers a line naming the files it staged (`convertInWorker`).
    case processes(command: [String], timeout: Double)
}

/// One worker process a batch thread talks to, started on first use and again after a crash.
final class WorkerProcess {
    enum Outcome: Equatable {
        /// The worker's answer line, without its line end.
        case done([UInt8])
        case crashed(String)
        case timedOut
    }

    private let command: [String]
    private let timeout: Double
    private var process: ChildProcess?

    init(command: [String], timeout: Double) {
        self.command = command
        self.timeout = timeout
    }

    /// Has the worker convert `relative`; the outcome says whether it answered in time.
    func convert(_ relative: String) -> Outcome {
        let process: ChildProcess
        do {
            process = try self.process ?? WorkerLaunch.start(command, capturingMessages: false)
        } catch {
            return .crashed(WorkerLaunch.notStarted)
        }
        self.process = process
        var line = Data(JSONValue.string(relative).rendered(pretty: false).utf8)
        line.append(0x0A)
        if FileDescriptorIO.write(process.input, line) != nil { return finishCrashed(process) }
        let deadline = Date().addingTimeInterval(timeout)
        var answer: [UInt8] = []
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                process.stop()
                self.process = nil
                return .timedOut
            }
            var poller = pollfd(fd: process.output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left * 1000, 1_000)))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 256)
            let got = read(process.output, &buffer, buffer.count)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return finishCrashed(process) }
            answer += buffer[0..<got]
            if answer.last == 0x0A { return .done(answer.dropLast()) }
        }
    }

    private func finishCrashed(_ process: ChildProcess) -> Outcome {
        process.closeInput()
        let how = WorkerLaunch.ending(process.wait())
        self.process = nil
        return .crashed(how)
    }
}

import Foundation
import Nianbao

/// One `nianbao serve-worker` process over the files of one request: the files go in framed on its
/// standard input, the answer comes back on its standard output. Each file has `timeout` seconds
/// from the moment the worker says it starts on it; a worker past that is killed, and a crash or a
/// kill is laid at the file it was working on.
struct WorkerRun {
    /// How the run ended.
    enum Outcome {
        /// The worker finished (exit status 0, 1 some input failed, or 3 problems found): its answer,
        /// and the error document of each input that failed.
        case finished(body: [UInt8], failures: [String])
        /// The worker was stopped, or died, while on the file at `index`.
        case stopped(index: Int, ReaderError)
        /// The answer grew past the limit.
        case outputTooLarge(bytes: Int)
    }

    let command: [String]
    let timeout: Double
    let maximumOutputBytes: Int

    func run(_ files: [UploadedFile]) -> Outcome {
        let process: ChildProcess
        do {
            process = try WorkerLaunch.start(command, capturingMessages: true)
        } catch {
            return .stopped(index: 0, .crashed(WorkerLaunch.notStarted))
        }

        // Written from another thread: a worker that dies early must not leave this one blocked.
        let framed = UploadFraming.encode(files)
        let written = DispatchSemaphore(value: 0)
        let input = process.takeInput()
        DispatchQueue.global().async {
            _ = FileDescriptorIO.write(input, framed)
            close(input)
            written.signal()
        }
        defer { written.wait() }

        var reader = AnswerReader(answer: process.output, messages: process.messages)
        var deadline = Date().addingTimeInterval(timeout)
        var current = 0
        while !reader.finished {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                process.stop()
                return .stopped(index: current, .timedOut(seconds: timeout))
            }
            for event in reader.readAvailable(waitingAtMost: left) {
                if case .starting(let index) = event {
                    current = index
                    deadline = Date().addingTimeInterval(timeout)
                }
            }
            if reader.body.count > maximumOutputBytes {
                process.stop()
                return .outputTooLarge(bytes: reader.body.count)
            }
        }
        let ending = process.wait()
        guard [.exited(0), .exited(1), .exited(3)].contains(ending) else {
            return .stopped(index: current, .crashed(WorkerLaunch.ending(ending)))
        }
        return .finished(body: reader.body, failures: reader.failures)
    }
}

/// Reads a worker's two pipes as they fill: the answer whole, the messages line by line for events.
private struct AnswerReader {
    let answer: Int32
    let messages: Int32
    var body: [UInt8] = []
    var failures: [String] = []
    private var pendingLine: [UInt8] = []
    private var answerOpen = true
    private var messagesOpen = true

    init(answer: Int32, messages: Int32) {
        self.answer = answer
        self.messages = messages
    }

    var finished: Bool { !answerOpen && !messagesOpen }

    /// Waits up to `seconds` for either pipe, reads what is there, and returns the events it completed.
    mutating func readAvailable(waitingAtMost seconds: Double) -> [UploadFraming.Event] {
        var pollers = [pollfd(fd: answerOpen ? answer : -1, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: messagesOpen ? messages : -1, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&pollers, 2, Int32(min(seconds * 1000, 1000).rounded(.up)))
        guard ready > 0 else { return [] }
        var events: [UploadFraming.Event] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        if pollers[0].revents != 0 {
            let got = read(answer, &buffer, buffer.count)
            if got > 0 { body += buffer[0..<got] } else if got == 0 || errno != EINTR { answerOpen = false }
        }
        if pollers[1].revents != 0 {
            let got = read(messages, &buffer, buffer.count)
            if got > 0 {
                pendingLine += buffer[0..<got]
                while let end = pendingLine.firstIndex(of: 0x0A) {
                    let line = String(decoding: pendingLine[..<end], as: UTF8.self)
                    pendingLine.removeSubrange(...end)
                    guard let event = UploadFraming.Event(line: line[...]) else { continue }
                    if case .failed(let document) = event { failures.append(document) }
                    events.append(event)
                }
            } else if got == 0 || errno != EINTR {
                messagesOpen = false
            }
        }
        return events
    }
}

import ArgumentParser
import FoundationEssentials
import Synchronization
import Glibc
import Nianbao

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert a folder tree into a mirrored output folder, with summary.csv and all.csv. 转换整个目录，输出按原目录结构存放，附汇总表。",
        discussion: """
            Outputs: per input NAME.EXT.json, .csv, .wide.csv, .norm.txt, .xlsx as --to asks; then summary.csv, \
            problems.csv, all.csv, and when asked all-wide.csv (csv-wide), all.ndjson (ndjson), all.xlsx (xlsx). \
            Word lock files (~$*.docx), Thumbs.db and desktop.ini are skipped, not failed; hidden files are not read.
            """)

    @Argument(help: "The folder of inputs (any mix of .docx, .pdf, .html, .htm, .txt, .md; formats are told by content). 输入目录（任意混合，按内容识别格式）。")
    var input: String

    @Option(name: .shortAndLong, help: "The output folder (not inside the input folder). 输出目录（不得位于输入目录之内）。")
    var output: String

    @Option(name: [.short, .long], help: "Outputs, comma-separated: json, ndjson, csv, csv-wide, text, xlsx. 输出格式，逗号分隔。",
            transform: { list in
                try list.split(separator: ",").map {
                    guard let f = BatchFormat(rawValue: String($0).trimmingBlanks()) else {
                        throw ValidationError("未知格式 unknown format '\($0)': json, ndjson, csv, csv-wide, text, xlsx")
                    }
                    return f
                }
            })
    var to: [BatchFormat] = [.json]

    @Option(name: .shortAndLong, help: "How many inputs to convert at once (default: the number of cores). 同时转换的输入数（默认为核数）。")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Skip inputs whose outputs are complete and current from an earlier run. 跳过上次已完成且未改动的输入。")
    var resume = false

    @Flag(inversion: .prefixedNo,
          help: "Start CSV files with a UTF-8 byte-order mark (the default, for Excel and WPS); --no-bom for scripts. 默认带字节顺序标记，供表格软件打开。")
    var bom = true

    @Option(help: "The least severity that counts as something to fix: error, warning (default), info. 计为问题的最低级别。")
    var failOn: Severity = .warning

    @Option(help: TimeLimit.help)
    var timeout = TimeLimit.defaultSeconds

    @OptionGroup var limits: LimitOptions
    @OptionGroup var outputLimit: OutputLimitOption

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs 至少为 1 (must be at least 1)") }
        try TimeLimit.validate(timeout)
    }

    /// The batch's settings; each input is converted in a worker process started from this
    /// executable, so that a crash or a hang costs that input and the batch goes on.
    var options: BatchOptions {
        var options = BatchOptions(input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output),
                                   formats: to, jobs: jobs, resume: resume, bom: bom, failOn: failOn)
        options.limits = limits.readerLimits
        options.maximumOutputBytes = outputLimit.maximumOutputBytes
        options.workers = .processes(command: [BatchCommand.executable, "batch-worker"] + workerArguments,
                                        timeout: timeout)
        return options
    }

    /// The settings a worker needs, as its arguments.
    private var workerArguments: [String] {
        [input, "-o", output, "-t", to.map(\.rawValue).joined(separator: ","), "--fail-on", failOn.rawValue,
         bom ? "--bom" : "--no-bom", "--max-output-mb", String(outputLimit.maxOutputMb)] + limits.arguments
    }

    /// This program's own file, so that workers run the same build whatever PATH says.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    func run() throws {
        let runner = BatchRunner(options)
        let progress = ProgressBar(enabled: StandardError.isTerminal)
        let summary: BatchSummary
        do {
            summary = try runner.run { done, total, errors in progress.update(done, total, errors) }
        } catch let error as BatchError {
            StandardError.write("nianbao: \(error)\n")
            throw ExitCode(error.isUsage ? 2 : 1)
        } catch {
            StandardError.write("nianbao: \(output)：无法写入汇总文件：\(SystemErrorText.sentence(error)) (cannot write the summaries)\n")
            throw ExitCode(1)
        }
        progress.clear()
        let out = try Output(path: nil)
        out.write("""
            文件 \(summary.files) 个：转换 \(summary.converted)，沿用上次结果 \(summary.resumed)，出错 \(summary.errors)；未读取 \(summary.skipped) 项（非报告、隐藏、链接等，原因见 summary.csv）
            识别为年度报告 \(summary.recognised) 份，其中核对不通过 \(summary.reportsWithFailedChecks) 份
            需修改 \(summary.reportsWithProblems) 份，问题 \(summary.problems) 条，见 \(output)/problems.csv
            用时 \(BatchCommand.oneDecimal(summary.seconds)) 秒；明细见 \(output)/summary.csv，全部数值见 \(output)/all.csv

            """)
        try out.finish()
        // As `check`: something to fix is not hidden by a file that could not be read.
        if summary.reportsWithProblems > 0 { throw ExitCode(3) }
        if summary.errors > 0 { throw ExitCode(1) }
    }
}

extension BatchCommand {
    /// `value` with one decimal, as printf's %.1f writes it.
    static func oneDecimal(_ value: Double) -> String {
        withVaList([value]) { arguments in
            var buffer = [CChar](repeating: 0, count: 64)
            vsnprintf(&buffer, buffer.count, "%.1f", arguments)
            return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
    }
}

/// A one-line progress bar on standard error, drawn only on a terminal.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let lastDraw = Mutex(Date.distantPast)

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int, _ errors: Int) {
        guard enabled else { return }
        lastDraw.withLock { lastDraw in
            guard done == total || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = Date()
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            StandardError.write("\r\(bar) \(done)/\(total)  出错 \(errors)")
        }
    }

    func clear() {
        if enabled { StandardError.write("\r\u{1B}[2K") }
    }
}

/// `nianbao batch-worker`, started by `batch` and not for people: reads input paths (one JSON string
/// a line) on standard input, converts each with the batch's settings, writes its outputs and record
/// under temporary names, and answers a line naming them on standard output; the batch puts them in place.
struct BatchWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-worker", abstract: "Internal: converts inputs for a running batch; not for direct use.", shouldDisplay: false)

    @Argument var input: String
    @Option(name: .shortAndLong) var output: String
    @Option(name: [.short, .long], transform: { list in
        try list.split(separator: ",").map {
            guard let format = BatchFormat(rawValue: String($0)) else { throw ValidationError("unknown format \($0)") }
            return format
        }
    })
    var to: [BatchFormat] = [.json]
    @Option var failOn: Severity = .warning
    @Flag(inversion: .prefixedNo) var bom = true
    @OptionGroup var limits: LimitOptions
    @OptionGroup var outputLimit: OutputLimitOption

    func run() throws {
        var options = BatchOptions(input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output),
                                   formats: to, jobs: 1, bom: bom, failOn: failOn)
        options.limits = limits.readerLimits
        options.maximumOutputBytes = outputLimit.maximumOutputBytes
        let runner = BatchRunner(options)
        // A worker whose batch is gone (killed) stops at once rather than finishing its input: the
        // batch's end of the answer pipe closing shows as an error on this end.
        DetachedThread.start {
            var watch = pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)
            while poll(&watch, 1, -1) < 0 && errno == EINTR {}
            _exit(1)
        }
        while let line = readLine(strippingNewline: true) {
            guard let relative = try? JSONDecoder().decode(String.self, from: Data(line.utf8)) else { continue }
            StandardStream.output.write(Data((runner.convertInWorker(relative) + "\n").utf8))
            if StandardStream.output.failedErrno != nil { return }
        }
    }
}

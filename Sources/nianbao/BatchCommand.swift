import ArgumentParser
import Foundation
import Nianbao

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert a folder tree into a mirrored output folder, with summary.csv and all.csv.")

    @Argument(help: "The folder of inputs (.docx, .html, .htm, .txt, any mix; formats are told by content).")
    var input: String

    @Option(name: .shortAndLong, help: "The output folder (not inside the input folder).")
    var output: String

    @Option(help: "Outputs per input, comma-separated: json, csv, csv-wide, text.",
            transform: { list in
                try list.split(separator: ",").map {
                    guard let f = BatchFormat(rawValue: $0.trimmingCharacters(in: .whitespaces)) else {
                        throw ValidationError("unknown format '\($0)': use json, csv, csv-wide, text")
                    }
                    return f
                }
            })
    var to: [BatchFormat] = [.json]

    @Option(help: "How many inputs to convert at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Skip inputs whose outputs are complete and current from an earlier run.")
    var resume = false

    @Flag(help: "Start CSV files with a UTF-8 byte-order mark, for Excel and WPS.")
    var bom = false

    @Option(help: "The least severity that counts as something to fix: error, warning (default) or info.")
    var failOn: Severity = .warning

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let runner = BatchRunner(BatchOptions(
            input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output),
            formats: to, jobs: jobs, resume: resume, bom: bom, failOn: failOn))
        let progress = ProgressBar(enabled: StandardError.isTerminal)
        let summary: BatchSummary
        do {
            summary = try runner.run { done, total, errors in progress.update(done, total, errors) }
        } catch let error as BatchError {
            StandardError.write("nianbao: \(error)\n")
            throw ExitCode(2)
        } catch {
            StandardError.write("nianbao: \(output)：无法写入汇总文件 (cannot write the summaries: \(error))\n")
            throw ExitCode(1)
        }
        progress.clear()
        print("""
            文件 \(summary.files) 个：转换 \(summary.converted)，沿用上次结果 \(summary.resumed)，出错 \(summary.errors)
            识别为年度报告 \(summary.recognised) 份，其中核对不通过 \(summary.reportsWithFailedChecks) 份
            需修改 \(summary.reportsWithProblems) 份，问题 \(summary.problems) 条，见 \(output)/problems.csv
            用时 \(String(format: "%.1f", summary.seconds)) 秒；明细见 \(output)/summary.csv，全部数值见 \(output)/all.csv
            """)
        // As `check`: something to fix is not hidden by a file that could not be read.
        if summary.reportsWithProblems > 0 { throw ExitCode(3) }
        if summary.errors > 0 { throw ExitCode(1) }
    }
}

/// A one-line progress bar on standard error, drawn only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int, _ errors: Int) {
        guard enabled else { return }
        lock.withLock {
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

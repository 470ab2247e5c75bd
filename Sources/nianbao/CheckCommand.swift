import ArgumentParser
import Foundation
import Nianbao

/// `nianbao check`: convert and say, per report, which checks fail and what needs a look.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports: failed arithmetic and warnings (exit 3 when a check fails).")

    @Argument(help: "Input files; `-` or none reads standard input.")
    var inputs: [String] = []

    @Option(help: "Input format: auto, docx, html, text.")
    var from: FromFormat = .auto

    func run() throws {
        var failedReports = 0
        let converted = Inputs(paths: inputs).convert(from: from.format) { report in
            let failed = report.checks.filter { $0.status == .fail }
            let notes = report.diagnostics.filter { $0.severity != .info }
            if !failed.isEmpty { failedReports += 1 }
            let name = report.source.path ?? "<stdin>"
            let identity = [report.meta.organ, report.meta.year.map { "\($0)年" }].compactMap { $0 }.joined(separator: " ")
            print("\(name)：\(identity.isEmpty ? "未识别机关" : identity)，核对 \(report.checks.count) 项，"
                  + "不通过 \(failed.count) 项，提示 \(notes.count) 条")
            for check in failed { print("  ✗ [\(check.id) \(check.scope)] \(check.message)") }
            for note in notes {
                let line = note.location?.line.map { "第 \($0) 行：" } ?? ""
                print("  ! [\(note.code)] \(line)\(note.message)")
            }
        }
        if !converted { throw ExitCode(1) }
        if failedReports > 0 { throw ExitCode(3) }
    }
}

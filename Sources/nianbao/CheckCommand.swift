import ArgumentParser
import FoundationEssentials
import Nianbao

/// `--fail-on error|warning|info`: the severity from which a finding is something to fix.
extension Severity: ExpressibleByArgument, CaseIterable {
    public static var allCases: [Severity] { [.error, .warning, .info] }
}

/// How `check` writes its problem list.
enum ProblemFormat: String, ChoiceArgument {
    case text, json, csv, xlsx
}

/// `nianbao check`: convert, check each report and the reports of one organ across years, and list
/// what to fix. Exit 0 nothing to fix, 3 something to fix, 1 only that some file could not be read.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports and list what to fix (exit 0 nothing to fix, 3 something to fix, 1 a file unreadable). 核对报告，列出需修改之处。")

    @Argument(help: "Input files; `-` or none reads standard input. 输入文件；不给或给出减号时读标准输入。")
    var inputs: [String] = []

    @Option(name: [.short, .long], help: "Input format: auto, docx, html, text, pdf. 输入格式。")
    var from: FromFormat = .auto

    @Option(help: "The problem list as text (for people), json, csv (with a BOM, for Excel and WPS) or xlsx (a workbook; give -o). 问题清单格式。")
    var format: ProblemFormat = .text

    @Option(name: .shortAndLong, help: "Write the problem list to this file (whole, or not at all). 写入此文件（完整写成或不写）。")
    var output: String?

    @Option(help: "The name of the report read from standard input. 标准输入的报告以此为文件名。")
    var name: String?

    @Option(help: "The least severity that counts as something to fix: error, warning (default), info. 计为问题的最低级别。")
    var failOn: Severity = .warning

    @Option(help: TimeLimit.help)
    var timeout = TimeLimit.defaultSeconds

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if format == .xlsx { try Output.requireFileForWorkbook("--format xlsx", output: output) }
        try TimeLimit.validate(timeout)
    }

    func run() throws {
        var source = Inputs(paths: inputs, standardInputName: name, limits: limits.readerLimits)
        source.timeLimit = TimeLimit(seconds: timeout)
        try write(source, to: Output(path: output))
    }

    /// Checks `source` and writes the problem list into `out`; `withReports` (the web page's JSON) puts
    /// each report's own document into its file's entry.
    func write(_ source: Inputs, to out: Output, withReports: Bool = false) throws {
        var reports: [Report] = []
        var unreadable: [Problem] = []
        _ = source.convert(from: from.format, failed: { error in
            unreadable.append(.unreadable(error.path, reason: error.reason.description, code: error.reason.code))
        }) { reports.append($0) }
        for (index, chained) in YearChain.checks(reports).enumerated() { reports[index].checks += chained }

        let perReport = reports.map { $0.problems(failingAt: failOn) }
        let all = perReport.flatMap { $0 } + unreadable
        switch format {
        case .text: writeText(reports, perReport, unreadable, to: out)
        case .json:
            out.write(ProblemList.document(reports: reports, problems: perReport, unreadable: unreadable, failOn: failOn,
                                           withReports: withReports) + "\n")
        case .csv:
            out.write(CSVFormat.byteOrderMark + CSVFormat.record(ProblemList.header)
                      + all.map { CSVFormat.record(ProblemList.record($0)) }.joined())
        case .xlsx:
            guard out.write(ProblemList.workbook(reports: reports, problems: perReport, unreadable: unreadable),
                            of: output ?? "<stdout>") else {
                out.abandon()
                throw ExitCode(1)
            }
        }
        try out.finish()
        if perReport.contains(where: { !$0.isEmpty }) { throw ExitCode(3) }
        if !unreadable.isEmpty { throw ExitCode(1) }
    }

    private func identity(_ report: Report) -> String {
        let words = [report.meta.organ, report.meta.year.map { "\($0)年" }].compactMap { $0 }.joined(separator: " ")
        return words.isEmpty ? "未识别机关" : words
    }

    private func writeText(_ reports: [Report], _ perReport: [[Problem]], _ unreadable: [Problem], to out: Output) {
        func print(_ line: String) { out.write(line + "\n") }
        for (report, problems) in zip(reports, perReport) {
            let tally = report.checkTally
            let verdict = problems.isEmpty ? "无需修改" : "需修改 \(problems.count) 处"
            print("\(report.source.path ?? "<stdin>")：\(identity(report))，\(verdict)"
                  + "（核对 \(report.checks.count) 项：通过 \(tally.passed)，不通过 \(tally.failed)，未能核对 \(tally.skipped)）")
            for problem in problems {
                let mark = problem.severity == .error ? "✗" : "!"
                let place = problem.place.isEmpty ? "" : "\(problem.place)："
                print("  \(mark) \(ProblemList.severityName(problem.severity)) [\(problem.code)] \(place)\(problem.message)")
            }
            // Skipped is not passed: say which were not checked and why, briefly.
            let skipped = report.checks.filter { $0.status == .skipped }
            for check in skipped.prefix(3) { print("  · 未能核对 [\(check.id)] \(check.message)") }
            if skipped.count > 3 { print("  · 另有 \(skipped.count - 3) 项未能核对，详见 --format json") }
        }
        for problem in unreadable { print("\(problem.file ?? "<stdin>")：\(problem.message)") }
        let all = perReport.flatMap { $0 } + unreadable
        let errors = all.filter { $0.severity == .error }.count
        print("合计 \(reports.count + unreadable.count) 份：无需修改 \(perReport.filter(\.isEmpty).count) 份，"
              + "需修改 \(perReport.filter { !$0.isEmpty }.count) 份，无法读取 \(unreadable.count) 份；"
              + "问题 \(all.count) 条（错误 \(errors)，警告及提示 \(all.count - errors)）")
    }
}

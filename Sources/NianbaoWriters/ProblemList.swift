import NianbaoModel

/// An office's problem list: one line per problem, as CSV (for Excel and WPS) or JSON.
public enum ProblemList {
    public static let header = ["file", "organ", "year", "severity", "code", "table", "row", "column",
                                "found", "expected", "message", "place"]

    /// Severity in the words an office reads.
    public static func severityName(_ severity: Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }

    /// The CSV record of one problem, in `header` order.
    public static func record(_ p: Problem) -> [String] {
        [p.file ?? "-", p.organ ?? "", p.year.map(String.init) ?? "", severityName(p.severity), p.code,
         p.subject?.table ?? "", p.subject?.row ?? "", p.subject?.column ?? "", p.found ?? "", p.expected ?? "",
         p.message, p.place]
    }

    /// The workbook line of one problem, in `header` order, the year a number.
    public static func cells(_ p: Problem) -> [WorkbookCell] { cells(record: record(p)) }

    /// The workbook line of a problem's CSV record (`record`).
    public static func cells(record: [String]) -> [WorkbookCell] {
        ReportWorkbook.cells(record, header: header, numbers: ["year"])
    }

    /// The JSON object of one problem, keys as `header` (severity in English, the line for the place).
    public static func value(_ p: Problem) -> JSONValue {
        .object([
            ("file", .optional(p.file)), ("organ", .optional(p.organ)), ("year", .optional(p.year)),
            ("severity", .string(p.severity.rawValue)), ("code", .string(p.code)),
            ("table", .optional(p.subject?.table)), ("row", .optional(p.subject?.row)), ("column", .optional(p.subject?.column)),
            ("found", .optional(p.found)), ("expected", .optional(p.expected)), ("message", .string(p.message)),
            ("line", .optional(p.location?.line)), ("place", .string(p.place)),
        ])
    }

    /// The whole list as pretty JSON text ("nianbao.problems/1"): each report with its status and check
    /// counts, the files that could not be read, then every problem. `problems[i]` are the problems of
    /// `reports[i]`; `withReports` adds each report's whole document to its file's entry as `report`.
    public static func document(reports: [Report], problems: [[Problem]], unreadable: [Problem], failOn: Severity,
                                withReports: Bool = false) -> String {
        var w = JSONWriter(pretty: true)
        w.object { w in
            w.member("schema", "nianbao.problems/1")
            w.member("fail_on", failOn.rawValue)
            w.member("files") { w in
                w.array { w in
                    for (report, found) in zip(reports, problems) {
                        let tally = report.checkTally
                        w.item()
                        w.object { w in
                            w.member("file", report.source.path)
                            w.member("organ", report.meta.organ)
                            w.member("year", report.meta.year)
                            w.member("status", found.isEmpty ? "ok" : "problems")
                            w.member("checks") { w in
                                w.object { w in
                                    w.member("passed", tally.passed)
                                    w.member("failed", tally.failed)
                                    w.member("skipped", tally.skipped)
                                }
                            }
                            w.member("problems", found.count)
                            if withReports { w.member("report") { ReportJSON.write(report, to: &$0) } }
                        }
                    }
                    for problem in unreadable {
                        w.item()
                        w.object { w in
                            w.member("file", problem.file)
                            w.member("status", "unreadable")
                        }
                    }
                }
            }
            w.member("problems") { $0.array(problems.flatMap { $0 } + unreadable) { $0.value(value($1)) } }
        }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The list as a workbook for an office: 文件 (each file, its status and check counts) and 问题
    /// (one line per problem, the CSV's columns).
    public static func workbook(reports: [Report], problems: [[Problem]], unreadable: [Problem]) -> Workbook {
        let fileHeader = ["file", "organ", "year", "status", "checks_passed", "checks_failed", "checks_skipped", "problems"]
        let files: [[WorkbookCell]] = zip(reports, problems).map { report, found in
            let tally = report.checkTally
            return [ReportWorkbook.text(report.source.path ?? "<stdin>"), ReportWorkbook.text(report.meta.organ ?? ""),
                    report.meta.year.map { .number(String($0)) } ?? .empty, .text(found.isEmpty ? "无需修改" : "需修改")]
                + [tally.passed, tally.failed, tally.skipped, found.count].map { .number(String($0)) }
        } + unreadable.map { [ReportWorkbook.text($0.file ?? "<stdin>"), .empty, .empty, .text("无法读取")] }
        let lines = (problems.flatMap { $0 } + unreadable).map(cells)
        return Workbook(sheets: [
            Worksheet(name: "文件", rows: [fileHeader.map(ReportWorkbook.header)] + files),
            Worksheet(name: "问题", rows: [header.map(ReportWorkbook.header)] + lines),
        ])
    }
}

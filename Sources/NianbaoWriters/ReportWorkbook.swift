import NianbaoModel
import NianbaoTables

/// A report as an Excel workbook: what it is, each standard table in the template's own layout with
/// its merged cells, every value on one long sheet, the checks and the problems.
public enum ReportWorkbook {
    /// The workbook of one report; problems are findings at `failOn` or above, as `check` lists them.
    public static func single(_ report: Report, failOn: Severity = .warning) -> Workbook {
        var sheets = [aboutSheet(report)]
        for table in report.tables {
            sheets.append(tableSheet(table))
        }
        sheets.append(Worksheet(name: "数值", rows: [ReportCSV.longHeader.map(header)] + longRows(report)))
        sheets.append(Worksheet(name: "核对", rows: [checkHeader.map(header)] + report.checks.map(checkRow)))
        let problems = report.problems(failingAt: failOn)
        sheets.append(Worksheet(name: "问题", rows: [ProblemList.header.map(header)]
                                + problems.map(ProblemList.cells)))
        return Workbook(sheets: sheets)
    }

    static let checkHeader = ["id", "scope", "status", "severity", "table", "row", "column", "found", "expected", "message"]

    /// A header cell.
    public static func header(_ text: String) -> WorkbookCell { .text(text, style: .header) }

    /// A plain text cell, empty when the text is.
    public static func text(_ text: String) -> WorkbookCell { text.isEmpty ? .empty : .text(text) }

    /// A CSV record as workbook cells: the fields under the `numbers` columns of `header` as numbers.
    public static func cells(_ record: [String], header: [String], numbers: Set<String>) -> [WorkbookCell] {
        zip(header, record).map { column, field in
            numbers.contains(column) && !field.isEmpty ? .number(field) : text(field)
        }
    }

    private static func aboutSheet(_ report: Report) -> Worksheet {
        let meta = report.meta
        let lines: [(String, String)] = [
            ("文件 source", report.source.path ?? "<stdin>"), ("格式 format", report.source.format.rawValue),
            ("标题 title", meta.title ?? ""), ("机关 organ", meta.organ ?? ""), ("年度 year", meta.year.map(String.init) ?? ""),
            ("统计期 period", meta.period.map { "\($0.from) — \($0.to)" } ?? ""), ("发布日期 published", meta.published ?? ""),
            ("模板 template", meta.template ?? ""), ("SHA-256", report.source.sha256),
        ]
        let tally = report.checkTally
        let counts: [(String, Int)] = [("核对通过 checks passed", tally.passed), ("核对不通过 checks failed", tally.failed),
                                       ("未能核对 checks skipped", tally.skipped)]
        return Worksheet(name: "报告", rows: lines.map { [header($0.0), text($0.1)] }
                         + counts.map { [header($0.0), .number(String($0.1))] })
    }

    /// A standard table in the layout of the edition it is drawn in: header and labels as the template
    /// prints them, merged as it merges them; each value a number, a blank or unresolved value empty.
    private static func tableSheet(_ table: StandardTable) -> Worksheet {
        let name = "表\(table.numeral)"
        guard table.present, let values = table.values, let template = Edition.template(table.key, edition: table.edition) else {
            return Worksheet(name: name, rows: [[text("\(table.name)：报告中没有此表，或此表为图片，未能读取 (absent or an image)")]])
        }
        let (columns, laidOut) = template.layout(values)
        var rows = Array(repeating: Array(repeating: WorkbookCell.empty, count: columns), count: laidOut.count)
        var taken = Set<Int>()
        var merges: [CellRange] = []
        for (r, line) in laidOut.enumerated() {
            // A row without values is a header row; label cells of value rows are drawn as labels.
            let isHeader = line.allSatisfy { $0.value == nil }
            var c = 0
            for laid in line {
                while taken.contains(r * columns + c) { c += 1 }
                guard c < columns else { break }
                if let key = laid.value {
                    rows[r][c] = values[key.row, key.column].map { .number(numberText($0)) } ?? .empty
                } else {
                    rows[r][c] = .text(laid.cell.text, style: isHeader ? .header : .label)
                }
                let span = CellRange(row: r, column: c, rows: laid.cell.rowSpan, columns: min(laid.cell.colSpan, columns - c))
                for dr in 0..<span.rows { for dc in 0..<span.columns { taken.insert((r + dr) * columns + c + dc) } }
                if span.rows > 1 || span.columns > 1 { merges.append(span) }
                c += span.columns
            }
        }
        return Worksheet(name: name, rows: [[.text(table.name, style: .plain)]] + rows,
                         merges: merges.map { CellRange(row: $0.row + 1, column: $0.column, rows: $0.rows, columns: $0.columns) },
                         bordered: true)
    }

    private static func longRows(_ report: Report) -> [[WorkbookCell]] {
        ReportCSV.longRecords(report).map { cells($0, header: ReportCSV.longHeader, numbers: ["year", "value"]) }
    }

    private static func checkRow(_ check: Check) -> [WorkbookCell] {
        [check.id, check.scope, check.status.rawValue, check.status == .fail ? ProblemList.severityName(check.severity) : "",
         check.subject?.table ?? "", check.subject?.row ?? "", check.subject?.column ?? "",
         check.found ?? "", check.expected ?? "", check.message].map(text)
    }
}

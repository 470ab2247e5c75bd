import NianbaoModel
import NianbaoTables

/// The report as CSV: long (one line per value) and wide (one line per report), DESIGN.md's columns.
public enum ReportCSV {
    /// Columns of the long form; the labels follow the contract's seven columns.
    public static let longHeader = ["source", "organ", "year", "table", "row", "column", "value", "row_label", "column_label"]

    /// One line per canonical value of every present standard table; a blank cell has an empty value.
    public static func longRecords(_ report: Report, templates: [TableTemplate] = Template2021.tables) -> [[String]] {
        let identity = identity(report)
        return templates.flatMap { template -> [[String]] in
            guard let values = report.table(template.key)?.values else { return [] }
            return template.rows.flatMap { row in
                row.columns.map { column in
                    identity + [template.key, row.key, column.key, values[row.key, column.key].map(numberText) ?? "",
                                row.label, column.label]
                }
            }
        }
    }

    /// Count columns that close each wide line.
    public static let countColumns = ["checks_passed", "checks_failed", "checks_skipped",
                                      "diagnostics_error", "diagnostics_warning", "diagnostics_info"]

    /// Columns of the wide form: identity, `table.row.column` for every canonical value, counts.
    public static func wideHeader(templates: [TableTemplate] = Template2021.tables) -> [String] {
        ["source", "organ", "year"]
            + templates.flatMap { t in t.rows.flatMap { r in r.columns.map { "\(t.key).\(r.key).\($0.key)" } } }
            + countColumns
    }

    /// The report's wide line; values of absent tables are empty.
    public static func wideRecord(_ report: Report, templates: [TableTemplate] = Template2021.tables) -> [String] {
        let values = templates.flatMap { template -> [String] in
            let table = report.table(template.key)?.values
            return template.rows.flatMap { row in
                row.columns.map { table?[row.key, $0.key].map(numberText) ?? "" }
            }
        }
        let checks = [CheckStatus.pass, .fail, .skipped].map { status in report.checks.filter { $0.status == status }.count }
        let diagnostics = [Severity.error, .warning, .info].map { s in report.diagnostics.filter { $0.severity == s }.count }
        return identity(report) + values + (checks + diagnostics).map(String.init)
    }

    private static func identity(_ report: Report) -> [String] {
        [report.source.path ?? "-", report.meta.organ ?? "", report.meta.year.map(String.init) ?? ""]
    }
}

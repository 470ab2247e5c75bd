import NianbaoModel
import NianbaoTables

/// The report as CSV: long (one line per value) and wide (one line per report), DESIGN.md's columns.
public enum ReportCSV {
    /// Columns of the long form; the labels follow the contract's seven columns.
    public static let longHeader = ["source", "organ", "year", "table", "row", "column", "value", "row_label", "column_label"]

    /// One line per canonical value of every present standard table; a blank cell has an empty value.
    public static func longRecords(_ report: Report) -> [[String]] {
        let identity = identity(report)
        return report.tables.flatMap { table -> [[String]] in
            (table.values?.rows ?? []).flatMap { row in
                row.cells.map { cell in
                    identity + [table.key, row.key, cell.key, cell.value.map(numberText) ?? "", row.label, cell.label]
                }
            }
        }
    }

    /// Count columns that close the wide line's first part.
    public static let countColumns = ["checks_passed", "checks_failed", "checks_skipped",
                                      "diagnostics_error", "diagnostics_warning", "diagnostics_info"]

    /// Columns of the wide form: identity, `table.row.column` for every value of the current edition,
    /// the counts, then the values only older editions have (so the earlier columns keep their places).
    public static let wideHeader: [String] = {
        func columns(_ edition: Edition) -> [String] {
            edition.tables.flatMap { t in t.rows.flatMap { r in r.columns.map { "\(t.key).\(r.key).\($0.key)" } } }
        }
        let current = columns(Edition.current)
        let older = Edition.all.dropFirst().flatMap(columns).reduce(into: [String]()) { list, name in
            if !current.contains(name) && !list.contains(name) { list.append(name) }
        }
        return ["source", "organ", "year"] + current + countColumns + older
    }()

    /// The report's wide line; values the report does not have are empty.
    public static func wideRecord(_ report: Report) -> [String] {
        var values: [String: String] = [:]
        for table in report.tables {
            for row in table.values?.rows ?? [] {
                for cell in row.cells { values["\(table.key).\(row.key).\(cell.key)"] = cell.value.map(numberText) }
            }
        }
        let checks = [CheckStatus.pass, .fail, .skipped].map { status in report.checks.filter { $0.status == status }.count }
        let diagnostics = [Severity.error, .warning, .info].map { s in report.diagnostics.filter { $0.severity == s }.count }
        let counts = Dictionary(uniqueKeysWithValues: zip(countColumns, (checks + diagnostics).map(String.init)))
        return identity(report) + wideHeader.dropFirst(3).map { counts[$0] ?? values[$0] ?? "" }
    }

    private static func identity(_ report: Report) -> [String] {
        [report.source.path ?? "-", report.meta.organ ?? "", report.meta.year.map(String.init) ?? ""]
    }
}

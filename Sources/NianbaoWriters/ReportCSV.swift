import NianbaoModel
import NianbaoTables

/// The report as CSV: long (one line per value) and wide (one line per report), DESIGN.md's columns.
public enum ReportCSV {
    /// Columns of the long form; the labels follow the contract's seven columns.
    public static let longHeader = ["source", "organ", "year", "table", "row", "column", "value", "row_label", "column_label"]

    /// One line per canonical value of every present standard table; a blank cell has an empty value.
    public static func longRecords(_ report: Report) -> [[String]] {
        let identity = identity(report)
        var records: [[String]] = []
        forEachValue(of: report) { records.append(identity + $0) }
        return records
    }

    /// The long form's lines as CSV, header excluded.
    /// Written without making `longRecords` first: its arrays of strings cost more than the bytes.
    public static func longCSV(_ report: Report) -> [UInt8] {
        var prefix: [UInt8] = []
        for field in identity(report) {
            CSVFormat.append(field: field, to: &prefix)
            prefix.append(UInt8(ascii: ","))
        }
        var out: [UInt8] = []
        forEachValue(of: report) { fields in
            out += prefix
            CSVFormat.append(fields, to: &out)
        }
        return out
    }

    /// The fields of each value's long line after the report's own (table, row, column, value, labels).
    private static func forEachValue(of report: Report, _ body: ([String]) -> Void) {
        for table in report.tables {
            for row in table.values?.rows ?? [] {
                for cell in row.cells {
                    body([table.key, row.key, cell.key, cell.value.map(numberText) ?? "", row.label, cell.label])
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

    /// Where each column of the wide form is.
    private static let wideColumn = Dictionary(uniqueKeysWithValues: wideHeader.enumerated().map { ($1, $0) })

    /// Where each value's column is, by table, row and column key: looked up by its three keys, a value
    /// needs no `table.row.column` name made for it.
    private static let valueColumn: [String: [String: [String: Int]]] = {
        var columns: [String: [String: [String: Int]]] = [:]
        for edition in Edition.all {
            for t in edition.tables {
                for r in t.rows {
                    for c in r.columns {
                        columns[t.key, default: [:]][r.key, default: [:]][c.key] = wideColumn["\(t.key).\(r.key).\(c.key)"]
                    }
                }
            }
        }
        return columns
    }()

    /// The report's wide line; values the report does not have are empty.
    public static func wideRecord(_ report: Report) -> [String] {
        var line = identity(report) + Array(repeating: "", count: wideHeader.count - 3)
        for table in report.tables {
            guard let rows = valueColumn[table.key] else { continue }
            for row in table.values?.rows ?? [] {
                guard let columns = rows[row.key] else { continue }
                for cell in row.cells {
                    guard let column = columns[cell.key] else { continue }
                    line[column] = cell.value.map(numberText) ?? ""
                }
            }
        }
        let checks = [CheckStatus.pass, .fail, .skipped].map { status in report.checks.filter { $0.status == status }.count }
        let diagnostics = [Severity.error, .warning, .info].map { s in report.diagnostics.filter { $0.severity == s }.count }
        for (name, count) in zip(countColumns, checks + diagnostics) { line[wideColumn[name]!] = String(count) }
        return line
    }

    private static func identity(_ report: Report) -> [String] {
        [report.source.path ?? "-", report.meta.organ ?? "", report.meta.year.map(String.init) ?? ""]
    }
}

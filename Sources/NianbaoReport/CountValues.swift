import NianbaoModel
import NianbaoTables

/// Counts are whole numbers, amounts are numbers, and neither is below zero but where a column holds a
/// change from the year before (2019's 本年增/减). One passing check per table
/// when every value is such, one failing check per value that is not.
struct CountValues: ReportCheck {
    static let id = "values.kind"

    func checks(of report: Report) -> [Check] {
        report.tables.flatMap { table -> [Check] in
            guard table.present, let values = table.values else {
                return [Check(id: Self.id, scope: table.key, status: .skipped,
                              message: "\(table.name)：该表未能读取，无法核对数值", subject: Subject(table: table.name))]
            }
            // Each row's columns found once by key, not searched for again at every cell.
            let columnsByRow = Dictionary((Edition.template(table.key, edition: table.edition)?.rows ?? []).map { ($0.key, $0.columns) },
                                          uniquingKeysWith: { first, _ in first })
            let failures = values.rows.flatMap { row in
                let columns = columnsByRow[row.key] ?? []
                return row.cells.compactMap { cell -> Check? in
                    guard let value = cell.value else { return nil }
                    let column = columns.first { $0.key == cell.key }
                    let unit = column?.unit
                    let problem: String
                    if value < 0, column?.signed != true {
                        problem = "为负数"
                    } else if unit != .tenThousandYuan, value.rounded() != value {
                        problem = "不是整数，此处应为件数"
                    } else {
                        return nil
                    }
                    return Check(id: Self.id, scope: "\(row.key).\(cell.key)", status: .fail,
                                 message: "\(table.name)“\(row.label)”行“\(cell.label)”列的数值 \(numberText(value)) \(problem)",
                                 cells: ["\(table.key).\(row.key).\(cell.key)"],
                                 subject: Subject(table: table.name, row: row.label, column: cell.label),
                                 found: numberText(value), expected: unit == .tenThousandYuan ? "不小于 0" : "不小于 0 的整数")
                }
            }
            return failures.isEmpty
                ? [Check(id: Self.id, scope: table.key, status: .pass,
                         message: "\(table.name)：件数均为整数，除增减外均不为负",
                         subject: Subject(table: table.name))]
                : failures
        }
    }
}

import NianbaoModel
import NianbaoTables

/// Applies the sum rules to a report's tables; a blank cell counts as 0 but stays blank.
public struct ArithmeticChecks: ReportCheck {
    public init() {}

    public func checks(of report: Report) -> [Check] { Self.run(report.tables) }

    /// One check per rule and scope (column, row or group), table by table in template order, each
    /// table under the rules of the edition it is drawn in (an absent one under the current edition's).
    public static func run(_ tables: [StandardTable]) -> [Check] {
        Edition.current.tables.flatMap { current in
            let table = tables.first { $0.key == current.key }
            let template = Edition.template(current.key, edition: table?.edition) ?? current
            return Edition.rules(for: template).flatMap { rule in
                scopes(of: rule, in: template).map { scope in
                    check(rule, template, scope: scope, values: table?.present == true ? table?.values : nil)
                }
            }
        }
    }

    /// A scope and, for each side, the (row, column) cells it adds up.
    private struct Scope {
        var key: String
        var name: String
        var left: [(row: String, column: String)]
        var right: [(row: String, column: String)]
        /// Names of the cells of each side, for messages.
        var leftNames: [String]
        var rightNames: [String]
        /// The row and column the scope names, as the table prints them.
        var subject: Subject
    }

    private static func scopes(of rule: SumRule, in template: TableTemplate) -> [Scope] {
        switch rule.axis {
        case .eachColumn:
            let columns = template.rows.first?.columns ?? []
            let rowName = { (key: String) in template.rows.first { $0.key == key }?.shortLabel ?? key }
            return columns.map { column in
                Scope(key: column.key, name: "“\(column.label)”列",
                      left: rule.left.map { ($0, column.key) }, right: rule.right.map { ($0, column.key) },
                      leftNames: rule.left.map(rowName), rightNames: rule.right.map(rowName),
                      subject: Subject(table: template.name, row: rule.leftName, column: column.label))
            }
        case .eachRow:
            return template.rows.map { row in
                let columnName = { (key: String) in row.columns.first { $0.key == key }?.label ?? key }
                return Scope(key: row.key, name: "“\(row.shortLabel)”行",
                             left: rule.left.map { (row.key, $0) }, right: rule.right.map { (row.key, $0) },
                             leftNames: rule.left.map(columnName), rightNames: rule.right.map(columnName),
                             subject: Subject(table: template.name, row: row.label, column: rule.leftName))
            }
        }
    }

    private static func check(_ rule: SumRule, _ template: TableTemplate, scope: Scope, values: TableValues?) -> Check {
        let cellNames = (scope.left + scope.right).map { "\(rule.table).\($0.row).\($0.column)" }
        let prefix = "\(template.name)\(scope.name)"
        func make(_ status: CheckStatus, _ message: String, found: Double? = nil, expected: Double? = nil) -> Check {
            Check(id: rule.id, scope: scope.key, status: status, message: message, cells: cellNames,
                  subject: scope.subject, found: found.map(numberText), expected: expected.map(numberText))
        }
        guard let values else {
            return make(.skipped, "\(prefix)：该表未能读取，无法核对")
        }
        let unresolved = (scope.left + scope.right).filter { values.isUnresolved(row: $0.row, column: $0.column) }
        if !unresolved.isEmpty {
            let names = unresolved.prefix(3).map { "\($0.row).\($0.column)" }.joined(separator: "、")
            return make(.skipped, "\(prefix)：\(names)\(unresolved.count > 3 ? "等" : "")的数值无法从原文确定，无法核对")
        }
        let left = scope.left.map { values[$0.row, $0.column] }
        let right = scope.right.map { values[$0.row, $0.column] }
        guard (left + right).contains(where: { $0 != nil }) else {
            return make(.skipped, "\(prefix)：所涉单元格均为空，无法核对")
        }
        let l = left.reduce(0) { $0 + ($1 ?? 0) }
        let r = right.reduce(0) { $0 + ($1 ?? 0) }
        if abs(l - r) < 1e-6 {
            return make(.pass, "\(prefix)：\(rule.leftName)（\(numberText(l))）等于\(rule.rightName)（\(numberText(r))）")
        }
        return make(.fail, "\(prefix)：\(rule.leftName)为 \(numberText(l))（\(terms(scope.leftNames, left))），"
                        + "\(rule.rightName)为 \(numberText(r))（\(terms(scope.rightNames, right))），"
                        + "相差 \(numberText(abs(l - r)))", found: l, expected: r)
    }

    /// "自然人 3 + 商业企业 空 + …": each cell of a side with its value; of a long side (the 21 outcome
    /// rows) only the cells that hold more than 0, so the message stays readable.
    private static func terms(_ names: [String], _ values: [Double?]) -> String {
        let all = Array(zip(names, values))
        let shown = all.count > 7 ? all.filter { ($0.1 ?? 0) != 0 } : all
        let text = shown.map { "\($0.0) \($0.1.map(numberText) ?? "空")" }.joined(separator: " + ")
        return shown.count == all.count ? text : (text.isEmpty ? "" : text + "，") + "其余各项为 0 或空"
    }
}

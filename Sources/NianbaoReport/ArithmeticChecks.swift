import NianbaoModel
import NianbaoTables
import Synchronization

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
            let values = table?.present == true ? table?.values.map(CellValues.init) : nil
            return plans(for: template).flatMap { plan in
                plan.scopes.map { check(plan.rule, scope: $0, values: values) }
            }
        }
    }

    /// A rule and the scopes it holds in.
    private struct Plan: Sendable {
        var rule: SumRule
        var scopes: [Scope]
    }

    /// Each template's plans, worked out when a report first needs them: they depend on the template
    /// alone, and making their names and messages anew for every report was most of the cost of
    /// checking, while making them for every template at start-up cost more than a short report.
    private static let plansByTemplate = Mutex<[String: [Plan]]>([:])

    private static func planKey(_ template: TableTemplate) -> String {
        ([template.key] + template.editions).joined(separator: "|")
    }

    private static func plans(for template: TableTemplate) -> [Plan] {
        let key = planKey(template)
        if let known = plansByTemplate.withLock({ $0[key] }) { return known }
        let made = makePlans(template)
        plansByTemplate.withLock { $0[key] = made }
        return made
    }

    private static func makePlans(_ template: TableTemplate) -> [Plan] {
        Edition.rules(for: template).map { Plan(rule: $0, scopes: scopes(of: $0, in: template)) }
    }

    /// One cell a scope adds up: its row and column keys and their places in the template, and its
    /// name "table.row.column".
    private struct Cell: Sendable {
        var row: String
        var column: String
        var place: (row: Int, column: Int)
        var name: String
    }

    /// A scope and, for each side, the cells it adds up.
    private struct Scope: Sendable {
        var key: String
        /// The table and the scope as messages begin ("表三…“自然人”列").
        var prefix: String
        var left: [Cell]
        var right: [Cell]
        /// Both sides' cells, left first.
        var cells: [Cell]
        /// Names of the cells of each side, for messages.
        var leftNames: [String]
        var rightNames: [String]
        /// The row and column the scope names, as the table prints them.
        var subject: Subject

        init(key: String, prefix: String, left: [Cell], right: [Cell], leftNames: [String], rightNames: [String], subject: Subject) {
            (self.key, self.prefix, self.left, self.right, cells) = (key, prefix, left, right, left + right)
            (self.leftNames, self.rightNames, self.subject) = (leftNames, rightNames, subject)
        }
    }

    /// A table's values, a cell looked for first where the template places it: values are laid out
    /// as the template's rows and columns, and searching by key for every cell of every scope cost
    /// more than the checks' messages.
    private struct CellValues {
        var values: TableValues

        subscript(cell: Cell) -> ColumnValue? {
            if values.rows.indices.contains(cell.place.row), values.rows[cell.place.row].key == cell.row {
                let cells = values.rows[cell.place.row].cells
                if cells.indices.contains(cell.place.column), cells[cell.place.column].key == cell.column {
                    return cells[cell.place.column]
                }
            }
            return values.rows.first { $0.key == cell.row }?.cells.first { $0.key == cell.column }
        }
    }

    private static func scopes(of rule: SumRule, in template: TableTemplate) -> [Scope] {
        // Each row's place found once, and each name made in one piece: searching the rows and
        // interpolating the name for every cell of every scope was a tenth of a short convert.
        let rowPlaces = Dictionary(template.rows.enumerated().map { ($0.element.key, $0.offset) }) { first, _ in first }
        let cell = { (row: String, column: String) -> Cell in
            let r = rowPlaces[row] ?? -1
            let c = r < 0 ? -1 : template.rows[r].columns.firstIndex { $0.key == column } ?? -1
            return Cell(row: row, column: column, place: (r, c), name: cellName(rule.table, row, column))
        }
        switch rule.axis {
        case .eachColumn:
            let columns = template.rows.first?.columns ?? []
            let rowName = { (key: String) in template.rows.first { $0.key == key }?.shortLabel ?? key }
            let (leftNames, rightNames) = (rule.left.map(rowName), rule.right.map(rowName))
            return columns.map { column in
                Scope(key: column.key, prefix: "\(template.name)“\(column.label)”列",
                      left: rule.left.map { cell($0, column.key) }, right: rule.right.map { cell($0, column.key) },
                      leftNames: leftNames, rightNames: rightNames,
                      subject: Subject(table: template.name, row: rule.leftName, column: column.label))
            }
        case .eachRow:
            return template.rows.map { row in
                let columnName = { (key: String) in row.columns.first { $0.key == key }?.label ?? key }
                return Scope(key: row.key, prefix: "\(template.name)“\(row.shortLabel)”行",
                             left: rule.left.map { cell(row.key, $0) }, right: rule.right.map { cell(row.key, $0) },
                             leftNames: rule.left.map(columnName), rightNames: rule.right.map(columnName),
                             subject: Subject(table: template.name, row: row.label, column: rule.leftName))
            }
        }
    }

    /// "table.row.column", its bytes copied once into the string.
    private static func cellName(_ parts: String...) -> String {
        String(unsafeUninitializedCapacity: parts.reduce(parts.count - 1) { $0 + $1.utf8.count }) { buffer in
            var end = 0
            for (index, part) in parts.enumerated() {
                if index > 0 {
                    buffer[end] = UInt8(ascii: ".")
                    end += 1
                }
                var part = part
                part.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: bytes)
                    end += bytes.count
                }
            }
            return end
        }
    }

    private static func check(_ rule: SumRule, scope: Scope, values: CellValues?) -> Check {
        func make(_ status: CheckStatus, _ message: String, found: Double? = nil, expected: Double? = nil) -> Check {
            Check(id: rule.id, scope: scope.key, status: status, message: message, cells: scope.cells.map(\.name),
                  subject: scope.subject, found: found.map(numberText), expected: expected.map(numberText))
        }
        guard let values else {
            return make(.skipped, "\(scope.prefix)：该表未能读取，无法核对")
        }
        let unresolved = scope.cells.filter { values[$0]?.unresolved ?? false }
        if !unresolved.isEmpty {
            let names = unresolved.prefix(3).map { "\($0.row).\($0.column)" }.joined(separator: "、")
            return make(.skipped, "\(scope.prefix)：\(names)\(unresolved.count > 3 ? "等" : "")的数值无法从原文确定，无法核对")
        }
        let left = scope.left.map { values[$0]?.value ?? nil }
        let right = scope.right.map { values[$0]?.value ?? nil }
        guard (left + right).contains(where: { $0 != nil }) else {
            return make(.skipped, "\(scope.prefix)：所涉单元格均为空，无法核对")
        }
        let l = left.reduce(0) { $0 + ($1 ?? 0) }
        let r = right.reduce(0) { $0 + ($1 ?? 0) }
        if abs(l - r) < 1e-6 {
            return make(.pass, "\(scope.prefix)：\(rule.leftName)（\(numberText(l))）等于\(rule.rightName)（\(numberText(r))）")
        }
        return make(.fail, "\(scope.prefix)：\(rule.leftName)为 \(numberText(l))（\(terms(scope.leftNames, left))），"
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

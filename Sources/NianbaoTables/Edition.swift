/// One edition of the report template as data: its standard tables and the sums that hold in them.
/// Adding an edition is adding one of these to `all`.
public struct Edition: Sendable {
    public let name: String
    public let tables: [TableTemplate]
    public let rules: [SumRule]

    public init(name: String, tables: [TableTemplate], rules: [SumRule]) {
        self.name = name
        self.tables = tables
        self.rules = rules
    }

    /// Every edition, the current one first: where a table cannot tell its edition, its values are
    /// keyed as the first edition keys them.
    public static let all: [Edition] = [Template2021.edition, Template2019.edition]

    /// The current edition.
    public static var current: Edition { all[0] }

    /// Every standard table of every edition, once: a table two editions draw alike is one template.
    public static let allTables: [TableTemplate] = all.flatMap(\.tables).reduce(into: []) { unique, table in
        if !unique.contains(where: { $0.key == table.key && $0.editions == table.editions }) { unique.append(table) }
    }

    /// The template of a table key as an edition draws it; the current edition's when `edition` is nil or unknown.
    public static func template(_ key: String, edition: String?) -> TableTemplate? {
        let chosen = all.first { $0.name == edition } ?? current
        return chosen.tables.first { $0.key == key } ?? current.tables.first { $0.key == key }
    }

    /// The sum rules over a table as it is drawn in `template`.
    public static func rules(for template: TableTemplate) -> [SumRule] {
        let edition = all.first { template.editions.contains($0.name) } ?? current
        return rulesByTable[edition.name]?[template.key] ?? []
    }

    /// Each edition's rules by table, grouped once: placement asks for a table's rules at every row.
    private static let rulesByTable = Dictionary(uniqueKeysWithValues: all.map { edition in
        (edition.name, Dictionary(grouping: edition.rules) { $0.table })
    })
}

extension TableTemplate {
    /// The keys of the rows from one key through another, in row order: a rule's run of rows, named by key.
    public func keys(from first: String, through last: String) -> [String] {
        let keys = rows.map(\.key)
        guard let start = keys.firstIndex(of: first), let end = keys.firstIndex(of: last), start <= end else {
            preconditionFailure("\(key) has no rows \(first) … \(last)")
        }
        return Array(keys[start...end])
    }
}

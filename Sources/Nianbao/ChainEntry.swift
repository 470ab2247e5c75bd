import NianbaoModel
import NianbaoTables

/// What the checks across years (YearChain) read of one batch input, kept small, since a batch holds
/// one per input until its end: the numbers of the chain's rows in the template's order, and the
/// table's key and edition. Names, labels and cell keys come back from the template in `report`.
struct ChainEntry: Sendable {
    enum Table: Sendable, Equatable {
        /// The chain rows' cells, row by row in the template's order; `values` nil for a table without values.
        case compact(key: String, present: Bool, edition: String?, values: [Double?]?, unresolved: [Bool])
        /// The table as it was, where its rows are not the template's chain rows in the template's order;
        /// boxed, since a StandardTable inline would make every entry as large.
        indirect case whole(StandardTable)
    }

    var path: String
    var organ: String?
    var year: Int?
    var tables: [Table]

    /// The rows YearChain reads.
    static let rows: Set<String> = ["carried_over", "carried_forward", "regulations", "normative_documents"]

    init(path: String, organ: String?, year: Int?, tables: [Table]) {
        self.path = path
        self.organ = organ
        self.year = year
        self.tables = tables
    }

    init(path: String, organ: String?, year: Int?, chain: [StandardTable]) {
        self.init(path: path, organ: organ, year: year, tables: ChainEntry.tables(chain))
    }

    /// What an entry keeps of the report's tables.
    static func tables(of report: Report) -> [Table] { tables(chainTables(report)) }

    /// The report's tables cut to the rows the chain across years reads, without grids.
    static func chainTables(_ report: Report) -> [StandardTable] {
        report.tables.map { table in
            var cut = table
            cut.grid = nil
            cut.values?.rows.removeAll { !rows.contains($0.key) }
            return cut
        }
    }

    /// Cut tables kept compact where their rows are the template's chain rows in its order.
    private static func tables(_ chain: [StandardTable]) -> [Table] {
        chain.map { table in
            guard table.present, let values = table.values else {
                return .compact(key: table.key, present: table.present, edition: table.edition, values: nil, unresolved: [])
            }
            let layout = ChainEntry.chainRows(table.key, edition: table.edition)
            guard values.rows.map(\.key) == layout.map(\.key),
                  values.rows.map({ $0.cells.map(\.key) }) == layout.map({ $0.columns.map(\.key) }) else { return .whole(table) }
            let cells = values.rows.flatMap(\.cells)
            return .compact(key: table.key, present: true, edition: table.edition, values: cells.map(\.value),
                            unresolved: cells.map(\.unresolved))
        }
    }

    private static func chainRows(_ key: String, edition: String?) -> [RowTemplate] {
        Edition.template(key, edition: edition)?.rows.filter { rows.contains($0.key) } ?? []
    }

    /// A report holding only what YearChain reads: the input's path, organ, year and chain rows.
    var report: Report {
        Report(source: SourceInfo(path: path, format: .text, encoding: "", layout: nil, sha256: ""),
               meta: Meta(organ: organ, year: year), sections: [],
               tables: tables.map { kept in
                   switch kept {
                   case .whole(let table): table
                   case .compact(let key, let present, let edition, let numbers, let unresolved):
                       ChainEntry.rebuilt(key, present: present, edition: edition, numbers: numbers, unresolved: unresolved)
                   }
               },
               otherTables: [], checks: [], diagnostics: [])
    }

    private static func rebuilt(_ key: String, present: Bool, edition: String?, numbers: [Double?]?,
                                unresolved: [Bool]) -> StandardTable {
        let template = Edition.template(key, edition: edition)
        guard present else { return .absent(key, name: template?.name ?? "", numeral: template?.numeral ?? "") }
        var values: TableValues?
        if let numbers {
            var next = 0
            values = TableValues(rows: chainRows(key, edition: edition).map { row in
                RowValues(key: row.key, cells: row.columns.map { column in
                    defer { next += 1 }
                    return ColumnValue(key: column.key, value: numbers[next], unresolved: unresolved[next], label: column.label)
                }, label: row.label)
            })
        }
        return StandardTable(key: key, present: true, values: values, grid: nil, location: nil,
                             edition: edition, name: template?.name ?? "", numeral: template?.numeral ?? "")
    }
}

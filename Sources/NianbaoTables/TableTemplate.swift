import NianbaoModel

/// A standard table of the report template, as data: its rows with their label paths and
/// columns, and the shape its values take. Adding a format or an alias is an edit of this data.
public struct TableTemplate: Sendable {
    /// Canonical key ("applications").
    public let key: String
    /// The section numeral the table belongs to ("三").
    public let numeral: String
    /// Chinese name used in messages ("表三（收到和处理政府信息公开申请情况）").
    public let name: String
    /// The editions that draw the table this way (table 四 is the same in both).
    public let editions: [String]
    public let shape: TableShape
    public let rows: [RowTemplate]
    /// Words of the header that identify the table even where its rows carry no labels.
    public let signature: [String]
    /// The canonical header rows of the grid.
    public let header: [[GridCell]]
    /// Every value cell in row order, as (row key, column key): a single-row table's one line.
    public var cells: [(row: String, column: String)] {
        rows.flatMap { row in row.columns.map { (row: row.key, column: $0.key) } }
    }
    /// The labels reduced for matching, computed once.
    let keys: TemplateKeys

    public init(key: String, numeral: String, name: String, editions: [String], shape: TableShape,
                rows: [RowTemplate], signature: [String], header: [[GridCell]]) {
        self.key = key
        self.numeral = numeral
        self.name = name
        self.editions = editions
        self.shape = shape
        self.rows = rows
        self.signature = signature
        self.header = header
        keys = TemplateKeys(rows: rows, signature: signature, header: header)
    }
}

/// A template's labels as LabelKeys, made once rather than at every comparison.
struct TemplateKeys: Sendable {
    /// Per row: its own label, then its aliases.
    let leaves: [[LabelKey]]
    /// Per row: every label of its path.
    let paths: [[LabelKey]]
    /// Group labels by depth in the paths.
    let parents: [[LabelKey]]
    let signature: [LabelKey]
    /// Words only header rows hold: column labels, header cells, signature words, without markers.
    let headerWords: Set<LabelKey>
    /// Per row, per column: its header label, then its aliases.
    let columns: [[[LabelKey]]]

    init(rows: [RowTemplate], signature: [String], header: [[GridCell]]) {
        // The same labels recur in every row (group labels, column headers): each is reduced once,
        // found by its bytes, since hashing a Chinese String normalises it first and cost more than
        // reducing it again.
        var reduced: [LabelBytes: LabelKey] = [:]
        reduced.reserveCapacity(4 * rows.count)
        func key(_ label: String) -> LabelKey {
            let bytes = LabelBytes(bytes: Array(label.utf8))
            if let known = reduced[bytes] { return known }
            let made = LabelKey(label)
            reduced[bytes] = made
            return made
        }
        leaves = rows.map { ([$0.label] + $0.aliases).map(key) }
        let paths = rows.map { $0.path.map(key) }
        self.paths = paths
        let depth = rows.map(\.path.count).max() ?? 0
        parents = (0..<depth).map { d in paths.compactMap { keys in keys.count - 1 > d ? keys[d] : nil } }
        self.signature = signature.map(key)
        // Rows of a table mostly share one list of columns: its keys are made once and shared.
        var columns: [[[LabelKey]]] = []
        var headerWords = Set(self.signature.map(\.words))
        for (index, row) in rows.enumerated() {
            if index > 0, row.columns == rows[index - 1].columns {
                columns.append(columns[index - 1])
                continue
            }
            let keys = row.columns.map { ([$0.label] + $0.aliases).map(key) }
            columns.append(keys)
            for column in keys { headerWords.formUnion(column.lazy.map(\.words)) }
        }
        self.columns = columns
        for cell in header.joined() { headerWords.insert(key(cell.text).words) }
        self.headerWords = headerWords
    }

    /// Whether labels are a header row's: a word of the header without a list marker.
    func isHeader(_ keys: [LabelKey]) -> Bool {
        keys.contains { $0.marker == nil && headerWords.contains($0) }
    }
}

/// A label's UTF-8 bytes, hashed as one run of bytes: an array of bytes is hashed a byte at a time,
/// and finding the templates' labels so took 0.4 M of the 11 M instructions of a start.
private struct LabelBytes: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// How a standard table lays out its values.
public enum TableShape: Sendable, Equatable {
    /// One row a line, labelled by a path of `labelColumns` label cells (table 三).
    case labelledRows(labelColumns: Int)
    /// Blocks headed by a full-width row, each with its own column header (table 二).
    case blocks
    /// One line of values under a header; the rows are groups of columns (table 四).
    case singleValueRow
}

/// One canonical row: its key, its label path from the outermost group to the row's own label,
/// other names the row's own label goes by, and its columns.
public struct RowTemplate: Sendable {
    public let key: String
    public let path: [String]
    public let aliases: [String]
    public let columns: [ColumnTemplate]

    public init(_ key: String, _ path: [String], aliases: [String] = [], columns: [ColumnTemplate]) {
        self.key = key
        self.path = path
        self.aliases = aliases
        self.columns = columns
    }

    /// The row's own label (the last of its path).
    public var label: String { path.last ?? key }
    /// The row's own label without its list marker and punctuation, for messages; made when a
    /// message needs it, not for each of the templates' rows at every start.
    public var shortLabel: String { LabelKey(label).text }
}

/// One canonical column: its key, its header label, other names the header goes by, and the unit
/// its values are stated in.
public struct ColumnTemplate: Sendable, Equatable {
    public var key: String
    public var label: String
    public var aliases: [String]
    public var unit: ValueUnit
    /// Whether a value may be below zero: a change from the year before (本年增/减) may.
    public var signed: Bool

    public init(_ key: String, _ label: String, aliases: [String] = [], unit: ValueUnit = .count, signed: Bool = false) {
        self.key = key
        self.label = label
        self.aliases = aliases
        self.unit = unit
        self.signed = signed
    }
}

/// What a column's numbers count.
public enum ValueUnit: Sendable, Equatable {
    /// Items, cases, documents: the number as written.
    case count
    /// Money in 万元: a cell or header that says 元 is converted (251000元 → 25.1).
    case tenThousandYuan
}

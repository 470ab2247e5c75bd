import NianbaoModel

/// A standard table of the report template, as data: its rows with their label paths and
/// columns, and the shape its values take. Adding a format or an alias is an edit of this data.
public struct TableTemplate: Sendable {
    /// Canonical key ("applications").
    public var key: String
    /// The section numeral the table belongs to ("三").
    public var numeral: String
    /// Chinese name used in messages ("表三（收到和处理政府信息公开申请情况）").
    public var name: String
    public var edition: String
    public var shape: TableShape
    public var rows: [RowTemplate]
    /// Words of the header that identify the table even where its rows carry no labels.
    public var signature: [String]
    /// The canonical header rows of the grid.
    public var header: [[GridCell]]

    public init(key: String, numeral: String, name: String, edition: String, shape: TableShape,
                rows: [RowTemplate], signature: [String], header: [[GridCell]]) {
        self.key = key
        self.numeral = numeral
        self.name = name
        self.edition = edition
        self.shape = shape
        self.rows = rows
        self.signature = signature
        self.header = header
    }

    /// All column labels, which mark a row as a header row.
    var columnLabels: Set<String> {
        Set(rows.flatMap { $0.columns.map { LabelKey($0.label).text } })
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
    public var key: String
    public var path: [String]
    public var aliases: [String]
    public var columns: [ColumnTemplate]

    public init(_ key: String, _ path: [String], aliases: [String] = [], columns: [ColumnTemplate]) {
        self.key = key
        self.path = path
        self.aliases = aliases
        self.columns = columns
    }

    /// The row's own label (the last of its path).
    public var label: String { path.last ?? key }
}

/// One canonical column: its key and its header label.
public struct ColumnTemplate: Sendable, Equatable {
    public var key: String
    public var label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

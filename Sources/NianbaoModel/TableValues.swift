/// The values of one standard table at their canonical keys, rows and columns in template order.
public struct TableValues: Sendable, Equatable, Codable {
    public var rows: [RowValues]

    public init(rows: [RowValues]) {
        self.rows = rows
    }

    /// The value at a canonical (row, column); nil when blank or when the key is unknown.
    public subscript(row: String, column: String) -> Double? {
        get { rows.first { $0.key == row }?.cells.first { $0.key == column }?.value ?? nil }
        set {
            guard let r = rows.firstIndex(where: { $0.key == row }),
                  let c = rows[r].cells.firstIndex(where: { $0.key == column }) else { return }
            rows[r].cells[c].value = newValue
        }
    }
}

/// One canonical row of a standard table.
public struct RowValues: Sendable, Equatable, Codable {
    public var key: String
    public var cells: [ColumnValue]

    public init(key: String, cells: [ColumnValue]) {
        self.key = key
        self.cells = cells
    }
}

/// One canonical column's value; nil stands for a blank cell.
public struct ColumnValue: Sendable, Equatable, Codable {
    public var key: String
    public var value: Double?

    public init(key: String, value: Double?) {
        self.key = key
        self.value = value
    }
}

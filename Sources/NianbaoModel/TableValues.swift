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

    /// Whether the cell at a canonical (row, column) is one the source does not settle.
    public func isUnresolved(row: String, column: String) -> Bool {
        rows.first { $0.key == row }?.cells.first { $0.key == column }?.unresolved ?? false
    }

    /// Marks every cell of a row unresolved, its values nil.
    public mutating func unresolve(row: String) {
        for cell in rows.first(where: { $0.key == row })?.cells ?? [] { unresolve(row: row, column: cell.key) }
    }

    /// Marks one cell unresolved, its value nil.
    public mutating func unresolve(row: String, column: String) {
        guard let r = rows.firstIndex(where: { $0.key == row }),
              let c = rows[r].cells.firstIndex(where: { $0.key == column }) else { return }
        rows[r].cells[c].value = nil
        rows[r].cells[c].unresolved = true
    }
}

/// One canonical row of a standard table.
public struct RowValues: Sendable, Equatable, Codable {
    public var key: String
    public var cells: [ColumnValue]
    /// The row's label in the template ("（一）予以公开").
    public var label: String

    public init(key: String, cells: [ColumnValue], label: String = "") {
        self.key = key
        self.cells = cells
        self.label = label
    }
}

/// One canonical column's value; nil stands for a blank cell, or for one the source does not settle.
public struct ColumnValue: Sendable, Equatable, Codable {
    public var key: String
    public var value: Double?
    /// The source has this cell but does not settle its number (digits run together with more than one
    /// reading, a row cut off): the value is nil and a diagnostic says why; checks over it are skipped.
    public var unresolved: Bool
    /// The column's header label in the template ("自然人").
    public var label: String

    public init(key: String, value: Double?, unresolved: Bool = false, label: String = "") {
        self.key = key
        self.value = value
        self.unresolved = unresolved
        self.label = label
    }
}

/// A rectangular table with explicit spans: every row covers `columns` grid columns once
/// its cells' column spans and the row spans of cells above are counted.
public struct Grid: Sendable, Equatable, Codable {
    public var columns: Int
    public var rows: [[GridCell]]

    public init(columns: Int, rows: [[GridCell]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// One cell of a grid, as it arrived or as repaired; a spanning cell appears once, in its top-left
/// position.
public struct GridCell: Sendable, Equatable, Codable {
    public var text: String
    public var rowSpan: Int
    public var colSpan: Int

    public init(_ text: String, rowSpan: Int = 1, colSpan: Int = 1) {
        self.text = text
        self.rowSpan = rowSpan
        self.colSpan = colSpan
    }
}

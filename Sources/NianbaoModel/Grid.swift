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

/// Where the cells of a span-annotated table sit: each cell's first grid column, once cells of
/// rows above that span down into a row are counted.
public struct GridPlacement: Sendable, Equatable {
    /// Per row, per cell: the grid column the cell starts in.
    public let starts: [[Int]]
    /// Per row: how many grid columns its own cells and cells spanning down into it cover.
    public let covered: [Int]
    /// One past the rightmost column any row covers.
    public let width: Int

    public init(_ rows: [[GridCell]]) {
        var occupied = Array(repeating: Set<Int>(), count: rows.count)
        var starts: [[Int]] = []
        for (r, row) in rows.enumerated() {
            var column = 0
            starts.append(row.map { cell in
                while occupied[r].contains(column) { column += 1 }
                let start = column
                let colSpan = max(1, cell.colSpan)
                for below in r..<min(rows.count, r + max(1, cell.rowSpan)) {
                    occupied[below].formUnion(start..<(start + colSpan))
                }
                column += colSpan
                return start
            })
        }
        self.starts = starts
        covered = occupied.map(\.count)
        width = occupied.map { ($0.max() ?? -1) + 1 }.max() ?? 0
    }

    /// The rows as a full matrix `columns` wide: each cell at its start, nil where a merged cell
    /// covers the position or nothing does.
    public func matrix(_ rows: [[GridCell]], columns: Int) -> [[GridCell?]] {
        zip(rows, starts).map { row, starts in
            var line = [GridCell?](repeating: nil, count: columns)
            for (cell, start) in zip(row, starts) where start < columns { line[start] = cell }
            return line
        }
    }
}

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
    /// In a standard table's repaired grid, the `row.column` key of the value the cell shows; nil for
    /// labels, headers and the cells of other tables.
    public var key: String?

    public init(_ text: String, rowSpan: Int = 1, colSpan: Int = 1, key: String? = nil) {
        self.text = text
        self.rowSpan = rowSpan
        self.colSpan = colSpan
        self.key = key
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
        self.init(rows, maximumArea: .max)!
    }

    /// The placement, or nil when the grid would be more than `maximumArea` positions (rows × columns):
    /// the work stops there, so a table of huge spans costs no more than the limit.
    public init?(_ rows: [[GridCell]], maximumArea: Int) {
        // Per row, which columns are taken; grown as cells reach further right.
        var occupied = Array(repeating: [Bool](), count: rows.count)
        var covered = Array(repeating: 0, count: rows.count)
        var starts: [[Int]] = []
        starts.reserveCapacity(rows.count)
        for (r, row) in rows.enumerated() {
            var column = 0
            var rowStarts: [Int] = []
            rowStarts.reserveCapacity(row.count)
            for cell in row {
                while column < occupied[r].count, occupied[r][column] { column += 1 }
                let colSpan = max(1, cell.colSpan)
                let (end, overflow) = column.addingReportingOverflow(colSpan)
                let area = end.multipliedReportingOverflow(by: rows.count)
                guard !overflow, !area.overflow, area.partialValue <= maximumArea else { return nil }
                for below in r..<(r + min(rows.count - r, max(1, cell.rowSpan))) {
                    if occupied[below].count < end {
                        occupied[below] += repeatElement(false, count: end - occupied[below].count)
                    }
                    for c in column..<end where !occupied[below][c] {
                        occupied[below][c] = true
                        covered[below] += 1
                    }
                }
                rowStarts.append(column)
                column = end
            }
            starts.append(rowStarts)
        }
        self.starts = starts
        self.covered = covered
        width = occupied.map { ($0.lastIndex(of: true) ?? -1) + 1 }.max() ?? 0
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

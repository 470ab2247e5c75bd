import NianbaoModel

/// Collects one w:tbl's rows and cells and resolves its merges into true row and column spans:
/// w:gridSpan and legacy w:hMerge widen a cell, w:vMerge continuations lengthen the cell above.
struct DocxTableBuilder {
    enum VerticalMerge { case none, restart, `continue` }

    struct Cell {
        var text = ""
        var column = 0
        var colSpan = 1
        var rowSpan = 1
        var verticalMerge = VerticalMerge.none
        var horizontalContinue = false
        var paragraphs: [String] = []
    }

    struct Row {
        var cells: [Cell] = []
        var gridBefore = 0
        var location: SourceLocation
    }

    let location: SourceLocation
    private(set) var rows: [Row] = []
    private var cell: Cell?
    /// Whether legacy merges widened a cell past `TableLimits.maximumSpan` (cut to it).
    private(set) var clamped = false

    init(location: SourceLocation) {
        self.location = location
    }

    var isInCell: Bool { cell != nil }

    mutating func startRow(at location: SourceLocation) { rows.append(Row(location: location)) }
    mutating func setGridBefore(_ n: Int) { if !rows.isEmpty { rows[rows.count - 1].gridBefore = max(0, n) } }
    mutating func startCell() { cell = Cell() }
    mutating func setGridSpan(_ n: Int) { cell?.colSpan = max(1, n) }
    mutating func setVerticalMerge(_ value: String?) { cell?.verticalMerge = value == "restart" ? .restart : .continue }
    mutating func setHorizontalMerge(_ value: String?) { cell?.horizontalContinue = value != "restart" }
    mutating func addParagraph(_ text: String) { cell?.paragraphs.append(text) }

    mutating func endCell() {
        guard var cell, !rows.isEmpty else { return }
        self.cell = nil
        cell.text = cell.paragraphs.joined(separator: "\n")
        // In place: a copy of the row per cell made rows of many cells cost their square.
        let last = rows.count - 1
        if cell.horizontalContinue, !rows[last].cells.isEmpty {
            let widened = rows[last].cells[rows[last].cells.count - 1].colSpan + cell.colSpan
            clamped = clamped || widened > TableLimits.maximumSpan
            rows[last].cells[rows[last].cells.count - 1].colSpan = min(widened, TableLimits.maximumSpan)
        } else {
            rows[last].cells.append(cell)
        }
    }

    /// The table with continuation cells folded into the cells they continue.
    func build() -> SourceTable {
        var placed = rows.map { row -> [Cell] in
            var column = row.gridBefore
            return row.cells.map { cell in
                var cell = cell
                cell.column = column
                column += cell.colSpan
                return cell
            }
        }
        // (row, index) of the cell each grid column's open vertical merge started in.
        var open: [Int: (row: Int, index: Int)] = [:]
        for r in placed.indices {
            for i in placed[r].indices {
                let cell = placed[r][i]
                if cell.verticalMerge == .continue, let start = open[cell.column],
                   placed[start.row][start.index].colSpan == cell.colSpan {
                    placed[start.row][start.index].rowSpan += 1
                    placed[r][i].rowSpan = 0
                } else {
                    open[cell.column] = (r, i)
                }
            }
        }
        let sourceRows = placed.enumerated().map { r, cells -> SourceRow in
            var sourceCells = cells.filter { $0.rowSpan > 0 }.map {
                SourceCell($0.text, rowSpan: $0.rowSpan, colSpan: $0.colSpan)
            }
            if rows[r].gridBefore > 0 { sourceCells.insert(SourceCell("", colSpan: rows[r].gridBefore), at: 0) }
            return SourceRow(cells: sourceCells, location: rows[r].location)
        }
        return SourceTable(rows: sourceRows, location: location)
    }
}

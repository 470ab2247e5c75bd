import NianbaoModel

/// Builds the repaired grid of a standard table in the template's own layout, with its spans, and
/// the source's own where it merged blank cells.
struct CanonicalGrid {
    typealias KeyedCell = TableTemplate.LaidOutCell

    let notes: GridNotes

    static func build(_ template: TableTemplate, _ values: TableValues, notes: GridNotes = GridNotes()) -> Grid {
        let (columns, rows) = CanonicalGrid(notes: notes).keyedRows(template, values)
        return Grid(columns: columns, rows: rows.map { $0.map(\.keyedCell) })
    }

    /// The grid's rows with each value cell's key beside it.
    func keyedRows(_ template: TableTemplate, _ values: TableValues) -> (Int, [[KeyedCell]]) {
        switch template.shape {
        case .labelledRows(let labelColumns): labelledRows(template, values, labelColumns: labelColumns)
        case .blocks: blocks(template, values)
        case .singleValueRow: singleValueRow(template, values)
        }
    }

    private func labels(_ cells: [GridCell]) -> [KeyedCell] { cells.map { KeyedCell(cell: $0, value: nil) } }

    /// A row's value cells: the value, or the text as the source wrote it, and merged blanks as one cell.
    private func valueCells(_ row: RowValues) -> [KeyedCell] {
        // Most tables have no note: the "row.column" name is made only to look one up.
        var cells = row.cells.map {
            KeyedCell(cell: GridCell((notes.texts.isEmpty ? nil : notes.texts["\(row.key).\($0.key)"])
                                        ?? $0.value.map(numberText) ?? ""),
                      value: (row: row.key, column: $0.key))
        }
        for run in (notes.merges[row.key] ?? []).sorted(by: { $0.lowerBound > $1.lowerBound })
        where run.count > 1 && run.upperBound <= cells.count && cells[run].allSatisfy({ $0.cell.text.isEmpty }) {
            cells[run.lowerBound].cell.colSpan = run.count
            cells.removeSubrange(run.dropFirst())
        }
        return cells
    }

    private func labelledRows(_ template: TableTemplate, _ values: TableValues, labelColumns: Int) -> (Int, [[KeyedCell]]) {
        let rows = template.rows
        let width = labelColumns + (rows.map { $0.columns.count }.max() ?? 0)
        var grid = template.header.map(labels)
        for (i, row) in rows.enumerated() {
            var cells: [GridCell] = []
            for depth in row.path.indices {
                let prefix = row.path[...depth]
                // A group label appears once, on the first row of its run, spanning the run.
                if i > 0, rows[i - 1].path.count > depth, rows[i - 1].path[...depth] == prefix { continue }
                let span = rows[i...].prefix { $0.path.count > depth && $0.path[...depth] == prefix }.count
                let isLeaf = depth == row.path.count - 1
                cells.append(GridCell(row.path[depth], rowSpan: span,
                                      colSpan: isLeaf ? labelColumns - depth : 1))
            }
            grid.append(labels(cells) + valueCells(values.rows[i]))
        }
        return (width, grid)
    }

    private func blocks(_ template: TableTemplate, _ values: TableValues) -> (Int, [[KeyedCell]]) {
        let width = 1 + (template.rows.map { $0.columns.count }.max() ?? 0)
        var grid: [[KeyedCell]] = []
        for (i, row) in template.rows.enumerated() {
            let span = width - 1 - row.columns.count
            if i == 0 || template.rows[i - 1].path.first != row.path.first {
                grid.append(labels([GridCell(row.path.first ?? "", colSpan: width)]))
                grid.append(labels([GridCell("信息内容")] + widenLast(row.columns.map { GridCell($0.label) }, by: span)))
            }
            var data = valueCells(values.rows[i])
            if !data.isEmpty { data[data.count - 1].cell.colSpan += span }
            grid.append(labels([GridCell(row.label)]) + data)
        }
        return (width, grid)
    }

    private func widenLast(_ cells: [GridCell], by extra: Int) -> [GridCell] {
        var cells = cells
        if !cells.isEmpty { cells[cells.count - 1].colSpan += extra }
        return cells
    }

    private func singleValueRow(_ template: TableTemplate, _ values: TableValues) -> (Int, [[KeyedCell]]) {
        let cells = values.rows.flatMap { valueCells($0) }
        return (template.cells.count, template.header.map(labels) + [cells])
    }
}

extension TableTemplate {
    /// One cell of the table as the template lays it out: its text, spans, and the value it shows.
    public struct LaidOutCell: Sendable {
        public var cell: GridCell
        /// The row and column keys of a value cell, nil for a label or header.
        public var value: (row: String, column: String)?

        /// The cell with its value's key written in, as the report's grid carries it.
        var keyedCell: GridCell {
            var cell = cell
            cell.key = value.map { "\($0.row).\($0.column)" }
            return cell
        }
    }

    /// The table in this template's layout (header, labels, spans) with `values` in their cells: writers
    /// that keep values as numbers (a workbook) place them by key, not by reading the text back.
    public func layout(_ values: TableValues) -> (columns: Int, rows: [[LaidOutCell]]) {
        CanonicalGrid(notes: GridNotes()).keyedRows(self, values)
    }
}

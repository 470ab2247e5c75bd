import NianbaoModel

/// Builds the repaired grid of a standard table in the template's own layout, with its spans, and
/// the source's own where it merged blank cells.
struct CanonicalGrid {
    let notes: GridNotes

    static func build(_ template: TableTemplate, _ values: TableValues, notes: GridNotes = GridNotes()) -> Grid {
        let grid = CanonicalGrid(notes: notes)
        return switch template.shape {
        case .labelledRows(let labelColumns): grid.labelledRows(template, values, labelColumns: labelColumns)
        case .blocks: grid.blocks(template, values)
        case .singleValueRow: grid.singleValueRow(template, values)
        }
    }

    /// A row's value cells: the value, or the text as the source wrote it, and merged blanks as one cell.
    private func valueCells(_ row: RowValues) -> [GridCell] {
        var cells = row.cells.map { GridCell(notes.texts["\(row.key).\($0.key)"] ?? $0.value.map(numberText) ?? "") }
        for run in (notes.merges[row.key] ?? []).sorted(by: { $0.lowerBound > $1.lowerBound })
        where run.count > 1 && run.upperBound <= cells.count && cells[run].allSatisfy({ $0.text.isEmpty }) {
            cells[run.lowerBound].colSpan = run.count
            cells.removeSubrange(run.dropFirst())
        }
        return cells
    }

    private func labelledRows(_ template: TableTemplate, _ values: TableValues, labelColumns: Int) -> Grid {
        let rows = template.rows
        let width = labelColumns + (rows.map(\.columns.count).max() ?? 0)
        var grid = template.header
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
            grid.append(cells + valueCells(values.rows[i]))
        }
        return Grid(columns: width, rows: grid)
    }

    private func blocks(_ template: TableTemplate, _ values: TableValues) -> Grid {
        let width = 1 + (template.rows.map(\.columns.count).max() ?? 0)
        var grid: [[GridCell]] = []
        for (i, row) in template.rows.enumerated() {
            let span = width - 1 - row.columns.count
            if i == 0 || template.rows[i - 1].path.first != row.path.first {
                grid.append([GridCell(row.path.first ?? "", colSpan: width)])
                grid.append([GridCell("信息内容")] + widenLast(row.columns.map { GridCell($0.label) }, by: span))
            }
            grid.append([GridCell(row.label)] + widenLast(valueCells(values.rows[i]), by: span))
        }
        return Grid(columns: width, rows: grid)
    }

    private func widenLast(_ cells: [GridCell], by extra: Int) -> [GridCell] {
        var cells = cells
        if !cells.isEmpty { cells[cells.count - 1].colSpan += extra }
        return cells
    }

    private func singleValueRow(_ template: TableTemplate, _ values: TableValues) -> Grid {
        let cells = values.rows.flatMap { valueCells($0) }
        return Grid(columns: template.cells.count, rows: template.header + [cells])
    }
}

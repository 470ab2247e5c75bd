import NianbaoModel

/// The table reconstructor: recognises which standard table a source table is, places every
/// value at its canonical key by matching label paths, and builds a rectangular grid. What it
/// repaired and what it could not place become diagnostics.
public struct TableRepair: Sendable {
    public var templates: [TableTemplate]

    public init(templates: [TableTemplate] = Template2021.tables) {
        self.templates = templates
    }

    /// Repairs one table as it arrived.
    public func repair(_ table: SourceTable) -> RepairedTable {
        guard table.form == .cells else { return repairText(table) }
        let rows = table.rows.map(AnalyzedRow.init)
        guard let template = recognise(rows) else {
            return RepairedTable(templateKey: nil, values: nil, grid: GenericGrid.build(table),
                                 diagnostics: [], location: table.location)
        }
        var placement = TablePlacement(template: template)
        switch template.shape {
        case .labelledRows, .blocks: placement.placeLabelledRows(rows)
        case .singleValueRow: placement.placeSingleValueRow(rows)
        }
        placement.reportMissingRows(at: table.location)
        return RepairedTable(templateKey: template.key, values: placement.values,
                             grid: CanonicalGrid.build(template, placement.values),
                             diagnostics: placement.diagnostics, location: table.location)
    }

    /// A table whose cells are still to be found in its text (aligned columns, flattened cells).
    private func repairText(_ table: SourceTable) -> RepairedTable {
        let text = table.rows.flatMap(\.cells).map(\.text).joined(separator: "\n")
        guard let template = recognise(text: LabelKey.plain(text)) else {
            return RepairedTable(templateKey: nil, values: nil, grid: GenericGrid.build(table),
                                 diagnostics: [], location: table.location)
        }
        var placement = TablePlacement(template: template)
        var trailing: [Paragraph] = []
        if table.form == .aligned {
            trailing = AlignedTableRecovery(template: template).recover(table, into: &placement)
        } else {
            FlattenedTableRecovery(template: template).recover(table, into: &placement)
        }
        placement.reportMissingRows(at: table.location)
        return RepairedTable(templateKey: template.key, values: placement.values,
                             grid: CanonicalGrid.build(template, placement.values),
                             diagnostics: placement.diagnostics, location: table.location, trailingText: trailing)
    }

    /// The template whose header words and row labels a text holds most of (LabelKey.plain form).
    func recognise(text plain: String) -> TableTemplate? {
        let scored = templates.map { template -> (TableTemplate, Int) in
            let signatureHits = template.keys.signature.filter { !$0.text.isEmpty && plain.contains($0.text) }.count
            let rowHits = template.rows.filter { RowNeedle($0).find(in: plain, withMarker: false) != nil }.count
            return (template, 2 * signatureHits + rowHits)
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 4 else { return nil }
        return best.0
    }

    /// The template the rows fit best: header words count, and rows whose labels are the template's.
    func recognise(_ rows: [AnalyzedRow]) -> TableTemplate? {
        let labels = rows.flatMap(\.labelKeys)
        let scored = templates.map { template -> (TableTemplate, Int) in
            let signatureHits = template.keys.signature.filter { word in labels.contains { $0.matches(word) } }.count
            let rowHits = template.keys.leaves.filter { leaf in
                labels.contains { $0.text == leaf[0].text && $0.matches(leaf[0]) }
            }.count
            return (template, 2 * signatureHits + rowHits)
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 4 else { return nil }
        return best.0
    }
}

/// A table that is no standard table: its cells placed on a grid, counting the rows that cells
/// from above span into, and each row padded to the widest.
public enum GenericGrid {
    /// The grid of a table as it arrived, spans as the source states them.
    public static func build(_ table: SourceTable) -> Grid {
        let cells = table.rows.map { $0.cells.map { GridCell($0.text, rowSpan: max(1, $0.rowSpan), colSpan: max(1, $0.colSpan)) } }
        let placement = GridPlacement(cells)
        let rows = zip(cells, placement.covered).map { row, covered in
            row + Array(repeating: GridCell(""), count: max(0, placement.width - covered))
        }
        return Grid(columns: placement.width, rows: rows)
    }
}

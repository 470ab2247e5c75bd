import NianbaoModel

/// Turns a <table> into a source table with true spans, and says when its spans and row lengths
/// disagree (the grid is made rectangular later either way).
struct HTMLTableBuilder {
    /// Whether the table lays out a page rather than holding data: tables or headings inside, or
    /// cells of running text.
    static func isLayout(_ table: HTMLElement) -> Bool {
        cells(of: table).contains { cell in
            cell.contains(["table", "h1", "h2", "h3", "h4", "h5", "h6"])
                || cell.text.hasMoreCharacters(than: 400)
                || cell.elements.filter { $0.name == "p" || $0.name == "div" }.count > 3
        }
    }

    /// The rows of this table (not of tables inside it).
    static func rows(of table: HTMLElement) -> [HTMLElement] {
        table.elements.filter { !$0.isDropped }.flatMap { child -> [HTMLElement] in
            switch child.name {
            case "tr": [child]
            case "thead", "tbody", "tfoot": child.elements.filter { $0.name == "tr" && !$0.isDropped }
            default: []
            }
        }
    }

    /// A cell a browser shows.
    static func isCell(_ element: HTMLElement) -> Bool {
        (element.name == "td" || element.name == "th") && !element.isDropped
    }

    private static func cells(of table: HTMLElement) -> [HTMLElement] {
        rows(of: table).flatMap { $0.elements.filter(HTMLTableBuilder.isCell) }
    }

    /// The table, its nested tables (to follow it as tables of their own), and what was wrong with it.
    /// Spans are cut to `TableLimits.maximumSpan`; a grid past `maximumArea` is left for the limit check to refuse.
    static func build(_ table: HTMLElement, location: SourceLocation, maximumArea: Int) -> (SourceTable, nested: [HTMLElement], [Diagnostic]) {
        let rows = rows(of: table)
        var nested: [HTMLElement] = []
        var clamped = false
        let sourceRows = rows.enumerated().map { r, row -> SourceRow in
            let cells = row.elements.filter(HTMLTableBuilder.isCell).map { cell -> SourceCell in
                var rowSpan = span(cell.attribute("rowspan"), whenZero: rows.count - r, clamped: &clamped)
                if rowSpan > rows.count - r {
                    rowSpan = rows.count - r
                    clamped = true
                }
                nested += cell.elements.flatMap(tablesInside)
                return SourceCell(cellText(cell), rowSpan: rowSpan,
                                  colSpan: span(cell.attribute("colspan"), whenZero: 1, clamped: &clamped))
            }
            return SourceRow(cells: cells, location: SourceLocation(line: row.line))
        }
        let widths = GridPlacement(sourceRows.map(\.cells), maximumArea: maximumArea)?.covered ?? []
        var diagnostics: [Diagnostic] = []
        let width = widths.max() ?? 0
        let ragged = widths.enumerated().filter { $0.element != width }.map { $0.offset + 1 }
        if !ragged.isEmpty {
            let list = ragged.prefix(10).map(String.init).joined(separator: "、")
            diagnostics.append(Diagnostic(.warning, "table.ragged",
                "网页表格第 \(list) 行的单元格与其他行合计宽度不一致（rowspan/colspan 有误），已补齐为 \(width) 列", at: location))
        }
        if clamped {
            diagnostics.append(Diagnostic(.warning, "table.span_clamped",
                "网页表格中有单元格的 rowspan 超出表格行数或跨度超过 \(TableLimits.maximumSpan)，已截短", at: location))
        }
        return (SourceTable(rows: sourceRows, location: location), nested, diagnostics)
    }

    /// A rowspan or colspan as browsers read it (leading digits, "3px" is 3), 0 meaning `whenZero`.
    private static func span(_ value: String?, whenZero: Int, clamped: inout Bool) -> Int {
        let digits = value.map { String($0.trimmingBlanks().prefix { $0.isASCII && $0.isNumber }) }
        guard let n = BoundedInteger.parse(digits, in: 0...TableLimits.maximumSpan, clamped: &clamped) else { return 1 }
        return min(n == 0 ? max(1, whenZero) : n, TableLimits.maximumSpan)
    }

    private static func tablesInside(_ element: HTMLElement) -> [HTMLElement] {
        element.name == "table" ? [element] : element.elements.flatMap(tablesInside)
    }

    /// A cell's text without nested tables, lines trimmed.
    private static func cellText(_ cell: HTMLElement) -> String {
        cell.removing("table").text.utf8.split(separator: 0x0A).map { String(Substring($0)).trimmingBlanks() }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

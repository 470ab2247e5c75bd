import NianbaoModel

/// Turns a <table> into a source table with true spans, and says when its spans and row lengths
/// disagree (the grid is made rectangular later either way).
struct HTMLTableBuilder {
    /// Spans larger than this are typing errors, not tables.
    static let maximumSpan = 1000

    /// Whether the table lays out a page rather than holding data: tables or headings inside, or
    /// cells of running text.
    static func isLayout(_ table: HTMLElement) -> Bool {
        cells(of: table).contains { cell in
            cell.contains(["table", "h1", "h2", "h3", "h4", "h5", "h6"])
                || cell.text.count > 400
                || cell.elements.filter { $0.name == "p" || $0.name == "div" }.count > 3
        }
    }

    /// The rows of this table (not of tables inside it).
    static func rows(of table: HTMLElement) -> [HTMLElement] {
        table.elements.flatMap { child -> [HTMLElement] in
            switch child.name {
            case "tr": [child]
            case "thead", "tbody", "tfoot": child.elements.filter { $0.name == "tr" }
            default: []
            }
        }
    }

    private static func cells(of table: HTMLElement) -> [HTMLElement] {
        rows(of: table).flatMap { $0.elements.filter { $0.name == "td" || $0.name == "th" } }
    }

    /// The table, its nested tables (to follow it as tables of their own), and what was wrong with it.
    static func build(_ table: HTMLElement, location: SourceLocation) -> (SourceTable, nested: [HTMLElement], [Diagnostic]) {
        let rows = rows(of: table)
        var nested: [HTMLElement] = []
        var clamped = false
        let sourceRows = rows.enumerated().map { r, row -> SourceRow in
            let cells = row.elements.filter { $0.name == "td" || $0.name == "th" }.map { cell -> SourceCell in
                var rowSpan = span(cell.attribute("rowspan"), whenZero: rows.count - r)
                if r + rowSpan > rows.count {
                    rowSpan = rows.count - r
                    clamped = true
                }
                nested += cell.elements.flatMap(tablesInside)
                return SourceCell(cellText(cell), rowSpan: rowSpan, colSpan: span(cell.attribute("colspan"), whenZero: 1))
            }
            return SourceRow(cells: cells, location: SourceLocation(line: row.line))
        }
        let widths = GridPlacement(sourceRows.map(\.cells)).covered
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
                "网页表格中有单元格的 rowspan 超出表格行数，已截至最后一行", at: location))
        }
        return (SourceTable(rows: sourceRows, location: location), nested, diagnostics)
    }

    private static func span(_ value: String?, whenZero: Int) -> Int {
        guard let value, let n = Int(value.trimmingBlanks().prefix { $0.isNumber }) else { return 1 }
        return n == 0 ? max(1, whenZero) : min(max(1, n), maximumSpan)
    }

    private static func tablesInside(_ element: HTMLElement) -> [HTMLElement] {
        element.name == "table" ? [element] : element.elements.flatMap(tablesInside)
    }

    /// A cell's text without nested tables, lines trimmed.
    private static func cellText(_ cell: HTMLElement) -> String {
        cell.removing("table").text.split(separator: "\n").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}

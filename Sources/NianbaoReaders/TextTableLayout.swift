import NianbaoModel

/// One way a text extract writes table rows. A new layout is a new conformance, added to
/// `TextReader.layouts`; the reader handles regions, blank lines and the rest of the text.
protocol TextTableLayout: Sendable {
    /// The name recorded in the report's `source.layout`.
    var name: String { get }
    /// Fewest rows that make a table; a lone tab in prose is no table, a lone `| a |` row is.
    var minimumRows: Int { get }
    /// Whether the line is a row (or a cell) of this layout.
    func claims(_ line: TextLine) -> Bool
    /// Whether an unclaimed line directly after `previous` continues a wrapped cell.
    func continues(_ line: TextLine, after previous: TextLine) -> Bool
    /// The rows of a region of claimed, continuation and blank lines.
    func rows(of lines: [TextLine]) -> [SourceRow]
    /// What the rows hold: separated cells, or lines whose cells are still to be found.
    var form: TableForm { get }
    /// The index after the region's last line, for a layout that marks its own end (a markdown table
    /// between dashed lines); `start` itself when no table of the layout starts there; nil lets the
    /// reader grow the region line by line.
    func regionEnd(in lines: [TextLine], at start: Int) -> Int?
}

extension TextTableLayout {
    var minimumRows: Int { 2 }
    var form: TableForm { .cells }

    func continues(_ line: TextLine, after previous: TextLine) -> Bool { false }
    func regionEnd(in lines: [TextLine], at start: Int) -> Int? { nil }
}

/// Tab-separated cells, one row a line; merged cells leave empty or missing cells behind.
struct TabSeparatedLayout: TextTableLayout {
    let name = "tab"

    // Layouts look at bytes, not characters: their separators are ASCII, and walking characters runs
    // grapheme breaking over every line of every text.
    func claims(_ line: TextLine) -> Bool { line.tabs > 0 }

    func rows(of lines: [TextLine]) -> [SourceRow] {
        lines.filter { !$0.isBlank }.map { line in
            SourceRow(cells: line.text.pieces(separatedBy: 0x09).map { SourceCell($0.trimmingBlanks()) },
                      location: SourceLocation(line: line.number))
        }
    }
}

/// `|`-separated cells; runs of empty cells at the end of a row are padding, not blanks.
struct PipeSeparatedLayout: TextTableLayout {
    let name = "pipe"
    let minimumRows = 1

    /// Two bars, or one at an end of the line (a row of one cell, e.g. a wrapped label).
    func claims(_ line: TextLine) -> Bool {
        line.bars >= 2 || line.bars == 1 && (line.trimmed.hasPrefix("|") || line.trimmed.hasSuffix("|"))
    }

    func rows(of lines: [TextLine]) -> [SourceRow] {
        lines.compactMap { line -> SourceRow? in
            var cells = line.text.pieces(separatedBy: UInt8(ascii: "|")).map { $0.trimmingBlanks() }
            if line.trimmed.hasPrefix("|") { cells.removeFirst() }
            while cells.last?.isEmpty == true { cells.removeLast() }
            // Markdown's header rule (|---|:--:|) carries no cells.
            if cells.isEmpty || PipeSeparatedLayout.isRule(cells) { return nil }
            return SourceRow(cells: cells.map { SourceCell(MarkdownInline.cellText($0)) }, location: SourceLocation(line: line.number))
        }
    }
}

extension PipeSeparatedLayout {
    /// Whether a row's cells are markdown's rule under a header: dashes, with colons for alignment.
    static func isRule(_ cells: [String]) -> Bool {
        cells.allSatisfy { !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }
    }
}

/// A markdown table whose rows have no outer bars (html2text: `行政许可| 98` below
/// `信息内容| 本年制发件数| …`). Text may hold a bar too, so a table starts only at its delimiter row
/// (`---`, `---|---`) or the header row just above one, and runs, as in GitHub's markdown, to the next
/// blank line; a line without a bar in it is a row of one cell (a block title, 第二十条第（五）项).
struct RuledPipeLayout: TextTableLayout {
    let name = "pipe"
    let minimumRows = 1

    func claims(_ line: TextLine) -> Bool { line.bars == 1 || RuledPipeLayout.isDelimiterRow(line) }

    func regionEnd(in lines: [TextLine], at start: Int) -> Int? {
        let delimited = RuledPipeLayout.isDelimiterRow(lines[start])
            ? start + 1 < lines.count && lines[start + 1].bars > 0
            : start + 1 < lines.count && RuledPipeLayout.isDelimiterRow(lines[start + 1])
        guard delimited else { return start }
        var end = start + 1
        while end < lines.count, !lines[end].isBlank { end += 1 }
        return end
    }

    func rows(of lines: [TextLine]) -> [SourceRow] { PipeSeparatedLayout().rows(of: lines) }

    /// `---`, `---|---`, `:--|--:`: a rule (`PipeSeparatedLayout.isRule`) with a dash in it.
    static func isDelimiterRow(_ line: TextLine) -> Bool {
        guard line.trimmed.utf8.allSatisfy({ "-:| ".utf8.contains($0) }), line.trimmed.utf8.contains(UInt8(ascii: "-"))
        else { return false }
        var cells = line.trimmed.pieces(separatedBy: UInt8(ascii: "|")).map { $0.trimmingBlanks() }
        if cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.last?.isEmpty == true { cells.removeLast() }
        return !cells.isEmpty && PipeSeparatedLayout.isRule(cells)
    }
}

/// One cell a line, each behind a leading tab, rows separated by blank lines; a long label
/// may wrap onto a following line without the tab.
struct CellPerLineLayout: TextTableLayout {
    let name = "cell-per-line"

    func claims(_ line: TextLine) -> Bool {
        line.text.utf8.first == 0x09 && !line.text.utf8.dropFirst().contains(0x09)
    }

    func continues(_ line: TextLine, after previous: TextLine) -> Bool {
        guard claims(previous), !line.isBlank, !claims(line) else { return false }
        // Only a label wraps; a line after a number is the text after the table.
        let cell = previous.trimmed
        return !cell.isEmpty && Double(cell) == nil
    }

    func rows(of lines: [TextLine]) -> [SourceRow] {
        var rows: [SourceRow] = []
        var cells: [SourceCell] = []
        var firstLine = 0
        func closeRow() {
            if !cells.isEmpty { rows.append(SourceRow(cells: cells, location: SourceLocation(line: firstLine))) }
            cells = []
        }
        for line in lines {
            if line.isBlank && !claims(line) {
                closeRow()
            } else if claims(line) {
                if cells.isEmpty { firstLine = line.number }
                cells.append(SourceCell(line.trimmed))
            } else if !cells.isEmpty {
                cells[cells.count - 1].text = WrappedCell.join(cells[cells.count - 1].text, line.trimmed)
            }
        }
        closeRow()
        return rows
    }
}

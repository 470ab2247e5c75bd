import NianbaoModel

/// Columns aligned by runs of spaces, as `pdftotext -layout` writes a PDF's tables: header cells and
/// labels wrapped over lines, a merged label written down the margin, numbers a narrow column broke.
/// Cells cannot be cut from such lines by counting, so each line is kept whole, spaces and page
/// breaks (form feeds) included, and table repair reads it by position.
struct AlignedColumnsLayout: TextTableLayout {
    let name = "aligned"
    let form = TableForm.aligned

    /// Two words with a gap of two or more spaces between them.
    func claims(_ line: TextLine) -> Bool {
        let body = line.trimmed
        // Trimming keeps every bar, and may take tabs only from the ends.
        guard line.bars == 0, line.tabs == 0 || !body.containsUTF8(0x09) else { return false }
        var spaces = 0
        for scalar in body.unicodeScalars {
            if scalar == " " || scalar == "\u{3000}" {
                spaces += 1
            } else {
                if spaces >= 2 { return true }
                spaces = 0
            }
        }
        return false
    }

    /// A short line between rows: a wrapped label, a label's next character down the margin, a wrapped
    /// number; or, where pdftotext squeezed a narrow page's columns one space apart, a row ending in
    /// numbers or a header line of short pieces (`结 结 其 尚 … 结果 结果 其他`). Sentences end the table.
    func continues(_ line: TextLine, after previous: TextLine) -> Bool {
        let body = line.trimmed
        guard !body.isEmpty, !body.hasSuffix("。") else { return false }
        if body.unicodeScalars.count <= 30 || CellLinesRegion.trailingNumbers(body) >= 2 { return true }
        let words = body.split(separator: " ")
        return words.count >= 5 && words.allSatisfy { $0.count <= 2 }
    }

    func rows(of lines: [TextLine]) -> [SourceRow] {
        lines.map { SourceRow(cells: [SourceCell($0.text)], location: SourceLocation(line: $0.number)) }
    }
}

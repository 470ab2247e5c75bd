/// Lines a PDF wrapped inside a paragraph of running text, joined again. A PDF keeps no paragraphs,
/// only lines; read as they stand, a sentence broken over two lines ("统计期限为" / "2024 年 1 月 1 日至…")
/// is two paragraphs, and what is said in it (the statistics period) is not found.
///
/// A line continues the one above when both are running text (Han, no gaps between words), the one
/// above reaches the right edge of their column, and the line starts at the column's left edge, not
/// indented as a paragraph's first line is, nor with a list marker, nor further below than the text's
/// usual line spacing (space after a paragraph).
struct PDFWrappedLines {
    /// Points per column of the layout (a digit's width).
    let unit: Double
    /// How many lines must start, and how many end, at a column's edge for the edge to count.
    static let evidence = 3

    /// The rows in order, in groups that each make one line.
    func groups(_ rows: [PDFTextRow]) -> [[PDFTextRow]] {
        let running = rows.map { isRunningText($0, characters: 4) }
        // Each column's edges, as its running text reaches them: a column whose lines do not reach one
        // edge three times over (a heading and a line, a signature and its date) has no edge to go by.
        var reaches: [Int: (starts: [Double], ends: [Double])] = [:]
        for (row, isRunning) in zip(rows, running) where isRunning {
            reaches[row.block, default: ([], [])].starts.append(row.glyphs[0].x0)
            reaches[row.block, default: ([], [])].ends.append(row.glyphs[row.glyphs.count - 1].x1)
        }
        var edges = reaches.compactMapValues { lines -> (left: Double, right: Double)? in
            guard let left = lines.starts.min(), let right = lines.ends.max(),
                  lines.starts.filter({ $0 - left <= unit / 2 }).count >= PDFWrappedLines.evidence,
                  lines.ends.filter({ right - $0 <= 2.5 * unit }).count >= PDFWrappedLines.evidence else { return nil }
            return (left, right)
        }
        // A column of a two-column stretch too short to show its right edge (the last lines of a text,
        // balanced at the top of a page) has the width of the other column, when its lines show its left.
        for (block, lines) in reaches where block > 0 && edges[block] == nil {
            let partner = block % 2 == 1 ? block + 1 : block - 1
            guard let other = edges[partner], let left = lines.starts.min(),
                  lines.starts.filter({ $0 - left <= unit / 2 }).count >= PDFWrappedLines.evidence else { continue }
            edges[block] = (left, left + other.right - other.left)
        }
        // The usual space between two lines of running text; a paragraph's space after is wider.
        let spaces = rows.indices.dropFirst().filter { running[$0] && running[$0 - 1] && rows[$0].block == rows[$0 - 1].block }
            .map { rows[$0].top - rows[$0 - 1].bottom }.filter { $0 >= 0 }
        let spacing = PDFTextLayout.median(spaces) * 1.25 + unit / 4
        var groups: [[PDFTextRow]] = []
        for (index, row) in rows.enumerated() {
            // A paragraph's last line may be a character or two; a column's first line continues the
            // previous column's last.
            if index > 0, running[index - 1], isRunningText(row, characters: 1), let last = groups.last?.last,
               let above = edges[last.block], let below = edges[row.block],
               row.block == last.block ? row.top - last.bottom <= spacing && row.top > last.top : row.block == last.block + 1,
               continues(row, within: below, after: last, within: above) {
                groups[groups.count - 1].append(row)
            } else {
                groups.append([row])
            }
        }
        return groups
    }

    /// Whether `row` starts at the left edge of its column without a marker and the line above reaches
    /// the right edge of its own.
    private func continues(_ row: PDFTextRow, within column: (left: Double, right: Double),
                           after above: PDFTextRow, within aboveColumn: (left: Double, right: Double)) -> Bool {
        guard let end = above.glyphs.last?.x1, let first = row.glyphs.first else { return false }
        // A full-width comma or full stop leaves half its box empty: a line ending in one stops short by up to a character.
        return aboveColumn.right - end <= 2.5 * unit && first.x0 - column.left <= unit / 2 && !startsWithMarker(row)
    }

    /// Whether the line begins as a list item or a heading does: （一） (1) 一、 1. 1、
    private func startsWithMarker(_ row: PDFTextRow) -> Bool {
        let scalars = row.glyphs.prefix(4).map(\.scalar)
        guard let first = scalars.first else { return false }
        if first == "（" || first == "(" || first == "〔" { return true }
        let numeral = scalars.prefix { "一二三四五六七八九十0123456789".unicodeScalars.contains($0) }
        guard !numeral.isEmpty, numeral.count < scalars.count else { return false }
        return "、.．".unicodeScalars.contains(scalars[numeral.count])
    }

    /// Whether the line reads as running text: `characters` at least, Han among them, no gap wider than
    /// a character and a half.
    private func isRunningText(_ row: PDFTextRow, characters: Int) -> Bool {
        row.glyphs.count >= characters && row.gaps(wider: 1.5 * unit).isEmpty
            && row.glyphs.contains { (0x4E00...0x9FFF).contains($0.scalar.value) }
    }
}

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
        // Lines of running text: Han among them, no gap wider than a character and a half. One of four
        // characters at least sets its column's edges and may go on below; a paragraph's last line may
        // be a character or two.
        let gapless = rows.map { $0.hanCount > 0 && $0.gaps(wider: PDFTextRow.cellGap * unit).isEmpty }
        let running = rows.indices.map { gapless[$0] && rows[$0].glyphs.count >= 4 }
        // Each column's edges, as its running text reaches them: a column whose lines do not reach one
        // edge three times over (a heading and a line, a signature and its date) has no edge to go by.
        var reaches: [Int: (starts: [Double], ends: [Double])] = [:]
        for (row, isRunning) in zip(rows, running) where isRunning {
            reaches[row.block, default: ([], [])].starts.append(row.glyphs[0].x0)
            reaches[row.block, default: ([], [])].ends.append(row.glyphs[row.glyphs.count - 1].x1)
        }
        let lefts = reaches.compactMapValues { lines in
            PDFTextRow.leftEdge(of: lines.starts, unit: unit).flatMap { $0.reaching >= PDFWrappedLines.evidence ? $0.edge : nil }
        }
        var edges: [Int: (left: Double, right: Double)] = [:]
        for (block, lines) in reaches {
            guard let left = lefts[block], let right = PDFTextRow.rightEdge(of: lines.ends, unit: unit),
                  right.reaching >= PDFWrappedLines.evidence else { continue }
            edges[block] = (left, right.edge)
        }
        // A column of a two-column stretch too short to show its right edge (the last lines of a text,
        // balanced at the top of a page) has the width of the other column, when its lines show its left.
        for (block, left) in lefts where block > 0 && edges[block] == nil {
            guard let other = edges[block % 2 == 1 ? block + 1 : block - 1] else { continue }
            edges[block] = (left, left + other.right - other.left)
        }
        // The usual space between two lines of running text; a paragraph's space after is wider.
        let spaces = rows.indices.dropFirst().filter { running[$0] && running[$0 - 1] && rows[$0].block == rows[$0 - 1].block }
            .map { rows[$0].top - rows[$0 - 1].bottom }.filter { $0 >= 0 }
        let spacing = PDFTextLayout.median(spaces) * 1.25 + unit / 4
        var groups: [[PDFTextRow]] = []
        for (index, row) in rows.enumerated() {
            // A column's first line continues the previous column's last.
            if index > 0, running[index - 1], gapless[index], let last = groups.last?.last,
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
        return aboveColumn.right - end <= PDFTextRow.justifiedSlack * unit && first.x0 - column.left <= unit / 2
            && !startsWithMarker(row)
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
}

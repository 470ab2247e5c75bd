/// Lines a PDF wrapped inside a paragraph of running text, joined again. A PDF keeps no paragraphs,
/// only lines; read as they stand, a sentence broken over two lines ("统计期限为" / "2024 年 1 月 1 日至…")
/// is two paragraphs, and what is said in it (the statistics period) is not found.
///
/// A line continues the one above when both are running text (Han, no gaps between words), the one
/// above reaches the right edge of their column, and the line starts at the column's left edge, not
/// indented as a paragraph's first line is, nor with a list marker, nor further below than the text's
/// usual line spacing (space after a paragraph). A page's first and last lines are told whether
/// they could continue a line of another page, so that a paragraph broken by a page break is joined
/// once the pages' running heads are gone.
struct PDFWrappedLines {
    /// The rows that make one line, and whether the line could go on across a page break.
    struct Line {
        var rows: [PDFTextRow]
        /// Running text from its column's left edge, without a marker: it could continue the line above.
        var mayContinueAbove: Bool
        /// Running text to its column's right edge: the line below could continue it.
        var mayContinueBelow: Bool
    }

    /// Points per column of the layout (a digit's width).
    let unit: Double
    /// How many lines must start, and how many end, at a column's edge for the edge to count.
    static let evidence = 3

    /// The rows in order, in groups that each make one line.
    func lines(_ rows: [PDFTextRow]) -> [Line] {
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
        // Which rows could continue the line above, and which the line below could continue.
        let startsLine = rows.indices.map { index in
            gapless[index] && edges[rows[index].block].map { startsAtEdge(rows[index], of: $0) } == true
        }
        let endsOpen = rows.indices.map { index in
            running[index] && edges[rows[index].block].map { reachesEdge(rows[index], of: $0) } == true
        }
        var lines: [Line] = []
        for (index, row) in rows.enumerated() {
            // A column's first line continues the previous column's last.
            if index > 0, endsOpen[index - 1], startsLine[index], let last = lines.last?.rows.last,
               row.block == last.block ? row.top - last.bottom <= spacing && row.top > last.top : row.block == last.block + 1 {
                lines[lines.count - 1].rows.append(row)
                lines[lines.count - 1].mayContinueBelow = endsOpen[index]
            } else {
                lines.append(Line(rows: [row], mayContinueAbove: startsLine[index], mayContinueBelow: endsOpen[index]))
            }
        }
        return lines
    }

    /// Whether `row` starts at its column's left edge, without a marker.
    private func startsAtEdge(_ row: PDFTextRow, of column: (left: Double, right: Double)) -> Bool {
        guard let first = row.glyphs.first else { return false }
        return first.x0 - column.left <= unit / 2 && !startsWithMarker(row)
    }

    /// Whether `row` reaches its column's right edge.
    private func reachesEdge(_ row: PDFTextRow, of column: (left: Double, right: Double)) -> Bool {
        guard let end = row.glyphs.last?.x1 else { return false }
        return column.right - end <= PDFTextRow.justifiedSlack * unit
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

/// Stretches of a page set in two columns of running text (a narrative, a title block), read the way a
/// person reads them: the left column down, then the right one. Read row by row, the two columns'
/// lines would alternate and every sentence would be cut in two.
///
/// A stretch is rows that keep one gutter free near the middle of the page, some of them with text on
/// both sides, where both sides are mostly Han without gaps inside a line, and the left column's lines
/// end at one edge, as running text set justified does. A table's rows fail at least one of these: a
/// side of numbers, cells too short, gaps between cells, or cell texts that end where their words end.
struct PDFTextColumns {
    /// Points per column of the layout (a digit's width).
    let unit: Double

    /// Rows that stand on both sides of the gutter, fewer than this, are not a two-column stretch
    /// (a column balanced at the top of a page may have three lines).
    static let minimumRows = 3
    /// A stretch ends after this many rows, more than a page of text has: each row may start a
    /// stretch, and a forged page of a hundred thousand rows must not cost their square.
    static let maximumRows = 200

    func readingOrder(_ rows: [PDFTextRow]) -> [PDFTextRow] {
        let glyphs = rows.flatMap(\.glyphs)
        guard rows.count >= PDFTextColumns.minimumRows, let left = glyphs.map(\.x0).min(),
              let right = glyphs.map(\.x1).max(), right - left > 20 * unit else { return rows }
        // The gutter is looked for in the middle two fifths of the text's width.
        let middle = (left + 0.3 * (right - left))...(left + 0.7 * (right - left))
        var out: [PDFTextRow] = []
        // Rows read since the last stretch: those just above the next stretch that keep clear of its
        // gutter are its own first lines (a column's heading, lines set apart by a larger font).
        var pending: [PDFTextRow] = []
        var stretches = 0
        var index = 0
        while index < rows.count {
            guard let stretch = stretch(rows, from: index, middle: middle) else {
                pending.append(rows[index])
                index += 1
                continue
            }
            let clear = pending.reversed().prefix { !$0.crosses(stretch.gutter, slack: unit / 4) }.count
            out += pending.dropLast(clear)
            let members = pending.suffix(clear) + stretch.rows
            out += members.compactMap { $0.side(.left, of: stretch.gutter, block: 2 * stretches + 1) }
            out += members.compactMap { $0.side(.right, of: stretch.gutter, block: 2 * stretches + 2) }
            stretches += 1
            pending = []
            index += stretch.rows.count
        }
        return out + pending
    }

    private struct Stretch {
        var rows: ArraySlice<PDFTextRow>
        var gutter: ClosedRange<Double>
    }

    /// The two-column stretch starting at `start`, if one does.
    private func stretch(_ rows: [PDFTextRow], from start: Int, middle: ClosedRange<Double>) -> Stretch? {
        guard var gutter = rows[start].gaps(wider: PDFTextRow.cellGap * unit).first(where: { middle.contains(($0.lowerBound + $0.upperBound) / 2) })
        else { return nil }
        var end = start + 1
        while end < rows.count, end - start < PDFTextColumns.maximumRows {
            let row = rows[end]
            if row.crosses(gutter, slack: unit / 4) {
                // A line with a gap of its own inside the gutter narrows it; any other line ends the stretch.
                guard let narrower = row.gaps(wider: unit).lazy.map({ $0.clamped(to: gutter) })
                    .first(where: { $0.upperBound - $0.lowerBound >= unit }) else { break }
                gutter = narrower
            }
            end += 1
        }
        let candidate = rows[start..<end]
        return isRunningText(candidate, gutter: gutter) ? Stretch(rows: candidate, gutter: gutter) : nil
    }

    /// Whether both sides of the rows read as running text (see the type's comment).
    private func isRunningText(_ rows: ArraySlice<PDFTextRow>, gutter: ClosedRange<Double>) -> Bool {
        let sides = rows.compactMap { row -> (left: PDFTextRow, right: PDFTextRow)? in
            guard let left = row.side(.left, of: gutter, block: 0), let right = row.side(.right, of: gutter, block: 0)
            else { return nil }
            return (left, right)
        }
        guard sides.count >= PDFTextColumns.minimumRows else { return false }
        for side in [sides.map(\.left), sides.map(\.right)] {
            let characters = side.reduce(0) { $0 + $1.glyphs.count }
            guard characters >= 8 * side.count, side.reduce(0, { $0 + $1.hanCount }) * 2 >= characters else { return false }
            // A line of running text has no gaps wider than a character or two; a row of cells has one between each.
            let gaps = side.reduce(0) { $0 + $1.gaps(wider: PDFTextRow.cellGap * unit).count }
            guard gaps * 4 <= side.count else { return false }
        }
        // Justified lines end at the column's edge; a paragraph's last line may stop short.
        guard let right = PDFTextRow.rightEdge(of: sides.compactMap { $0.left.glyphs.last?.x1 }, unit: unit) else { return false }
        return right.reaching * 3 >= sides.count * 2
    }
}

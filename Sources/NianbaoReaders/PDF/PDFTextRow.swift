import NianbaoModel

/// One line of a page's characters, left to right.
struct PDFTextRow {
    var glyphs: [PDFGlyph]
    var top: Double
    var bottom: Double
    /// Where the line's columns are counted from, when not the page's left edge: the right-hand column
    /// of a two-column stretch starts its lines at its own edge.
    var origin: Double?
    /// Which column of text the line stands in: 0 the page's width, then each two-column stretch's
    /// left and right column in turn.
    var block = 0
}

extension PDFTextRow {
    enum Side { case left, right }

    /// A gap wider than this, in layout columns (a digit's width), parts cells or columns, not words.
    static let cellGap = 1.5
    /// How far short of its column's right edge a justified line may end, in layout columns: a line
    /// ending in a full-width comma or stop leaves half its box empty, and lines differ by a character.
    static let justifiedSlack = 2.5

    /// The row's glyphs on one side of the gutter (by their middles) as a line of `block`, nil when it
    /// has none there.
    func side(_ side: Side, of gutter: ClosedRange<Double>, block: Int) -> PDFTextRow? {
        let middle = (gutter.lowerBound + gutter.upperBound) / 2
        let kept = glyphs.filter { ($0.x0 + $0.x1) / 2 < middle ? side == .left : side == .right }
        guard !kept.isEmpty else { return nil }
        return PDFTextRow(glyphs: kept, top: top, bottom: bottom, origin: side == .right ? gutter.upperBound : origin, block: block)
    }

    /// The spaces between the row's glyphs at least `width` wide.
    func gaps(wider width: Double) -> [ClosedRange<Double>] {
        zip(glyphs, glyphs.dropFirst()).compactMap { a, b in b.x0 - a.x1 >= width ? a.x1...b.x0 : nil }
    }

    /// Whether a glyph of the row reaches into the gutter further than `slack`: glyph boxes of one
    /// column's edge differ by a point or two.
    func crosses(_ gutter: ClosedRange<Double>, slack: Double) -> Bool {
        glyphs.contains { $0.x1 > gutter.lowerBound + slack && $0.x0 < gutter.upperBound - slack }
    }

    /// How many of the row's characters are Han ideographs.
    var hanCount: Int { glyphs.count { $0.scalar.isHanIdeograph } }

    /// The furthest right of `ends` (lines' right ends), and how many end within the justified slack of it.
    static func rightEdge(of ends: [Double], unit: Double) -> (edge: Double, reaching: Int)? {
        guard let edge = ends.max() else { return nil }
        return (edge, ends.count { edge - $0 <= justifiedSlack * unit })
    }

    /// The furthest left of `starts` (lines' left ends), and how many start within half a column of it.
    static func leftEdge(of starts: [Double], unit: Double) -> (edge: Double, reaching: Int)? {
        guard let edge = starts.min() else { return nil }
        return (edge, starts.count { $0 - edge <= unit / 2 })
    }
}

import NianbaoModel

/// Lays a PDF's characters out as lines of text from their boxes: a line is the characters whose
/// boxes share most of their height, and a word stands at the column its left edge gives, a column
/// being the width of a digit and every character, Han or not, taking one: the grid the text
/// reader's aligned layout measures in, as `pdftotext -layout` draws it. A Han word takes fewer
/// columns than its width, so what follows it still reaches its own column. Table columns then line
/// up as the page draws them, whatever spaces the file has (a PDF often has none).
struct PDFTextLayout {
    /// Points per column.
    let unit: Double
    /// The leftmost character's edge over all pages, so that every page's columns agree.
    let left: Double

    init(pages: [PDFPageText]) {
        let glyphs = pages.flatMap(\.glyphs)
        let digitWidths = glyphs.filter { ("0"..."9").contains($0.scalar) }.map { $0.x1 - $0.x0 }
        let widths = digitWidths.isEmpty ? glyphs.map { ($0.x1 - $0.x0) / 2 } : digitWidths
        unit = max(PDFTextLayout.median(widths), 1)
        left = glyphs.map(\.x0).min() ?? 0
    }

    /// Columns past this stand at it: a forged box far right must not become a line of spaces.
    static let widestColumn = 1_000

    /// The page's lines, top to bottom; a blank line where the gap between two lines is wider than a
    /// line. Nil when they would pass `budget` bytes (a forged page of glyphs one a line, far apart).
    func lines(of page: PDFPageText, budget: Int) -> [PDFLine]? {
        let rows = PDFTextColumns(unit: unit).readingOrder(
            PDFTextLayout.rows(page.glyphs.filter { !$0.scalar.isSpace && $0.x1 > $0.x0 }))
        let pitch = PDFTextLayout.median(rows.map { $0.bottom - $0.top })
        var lines: [PDFLine] = []
        var previousBottom: Double?
        var bytes = 0
        for line in PDFWrappedLines(unit: unit).lines(rows) {
            let group = line.rows
            if let previousBottom, group[0].top - previousBottom > pitch * 0.8 { lines.append(PDFLine(text: "")) }
            lines.append(PDFLine(text: text(of: group.flatMap(\.glyphs), from: group[0].origin ?? left),
                                 mayContinueAbove: line.mayContinueAbove, mayContinueBelow: line.mayContinueBelow))
            bytes += lines[lines.count - 1].text.utf8.count + 2
            if bytes > budget { return nil }
            previousBottom = group[group.count - 1].bottom
        }
        return lines
    }

    /// One line's characters: a run of touching characters (a word, a number) stays together; after
    /// a gap the next character stands at the column its left edge gives from `origin`, one space on
    /// at least.
    private func text(of glyphs: [PDFGlyph], from origin: Double) -> String {
        var text = ""
        var width = 0
        var previousEnd: Double?
        for glyph in glyphs {
            if let previousEnd, glyph.x0 - previousEnd < unit * 0.4 {
                // Touching: the same word, whatever the font size makes of the columns.
            } else {
                let column = min(Int(((glyph.x0 - origin) / unit).rounded()), PDFTextLayout.widestColumn)
                let spaces = previousEnd == nil ? max(column - width, 0) : max(column - width, 1)
                text += String(repeating: " ", count: spaces)
                width += spaces
            }
            text.unicodeScalars.append(glyph.scalar)
            width += 1
            previousEnd = glyph.x1
        }
        return text
    }

    /// Groups glyphs into rows: a glyph joins the row whose vertical extent covers half of its own,
    /// or two thirds, measured against the row's glyphs of its very height. Boxes come from each
    /// font's ascent and descent: a browser's CJK font gives a Han box of 31 points on lines 18 apart,
    /// and the row's whole extent, grown by a digit's lower box, took in the next line's Han glyphs.
    private static func rows(_ glyphs: [PDFGlyph]) -> [PDFTextRow] {
        var rows: [PDFTextRow] = []
        // The last row's extent for each height of glyph in it (a font and size each, so a few).
        var extents: [(height: Double, top: Double, bottom: Double)] = []
        for glyph in glyphs.sorted(by: { ($0.y0 + $0.y1) < ($1.y0 + $1.y1) }) {
            let height = glyph.y1 - glyph.y0
            // Glyphs of one height are of one font and size, on one baseline where they share a line:
            // such a glyph must share two thirds of its height with them. A label centred in a merged
            // cell stands a fifth of a box off its row; a browser's Han boxes, 22 points tall on lines
            // 10 apart, share half of theirs with the next line's. A glyph of a height near theirs (a
            // digit beside Han) shares half its height.
            let identical = extents.firstIndex { abs($0.height - height) <= height / 100 }
            let near = identical ?? extents.firstIndex { abs($0.height - height) <= height / 10 }
            if var last = rows.last {
                let (top, bottom) = near.map { (extents[$0].top, extents[$0].bottom) } ?? (last.top, last.bottom)
                let overlap = min(bottom, glyph.y1) - max(top, glyph.y0)
                if overlap > (identical == nil ? height / 2 : height * 2 / 3) {
                    last.glyphs.append(glyph)
                    last.top = min(last.top, glyph.y0)
                    last.bottom = max(last.bottom, glyph.y1)
                    rows[rows.count - 1] = last
                    if let identical {
                        // Only a glyph set nearly level with them widens its height's extent: a label centred
                        // between two lines (三、本 in a tall merged cell) joins one of them, and the
                        // extent it would have grown no longer takes in the other.
                        if overlap >= height * 0.9 {
                            extents[identical].top = min(extents[identical].top, glyph.y0)
                            extents[identical].bottom = max(extents[identical].bottom, glyph.y1)
                        }
                    } else {
                        extents.append((height, glyph.y0, glyph.y1))
                    }
                    continue
                }
            }
            rows.append(PDFTextRow(glyphs: [glyph], top: glyph.y0, bottom: glyph.y1))
            extents = [(height, glyph.y0, glyph.y1)]
        }
        for index in rows.indices { rows[index].glyphs.sort { $0.x0 < $1.x0 } }
        return rows
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[values.count / 2]
    }
}

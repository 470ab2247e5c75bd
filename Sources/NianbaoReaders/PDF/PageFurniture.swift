/// A PDF's running heads and feet: the lines a page repeats at its top or bottom (an office's name
/// over every page, the report's title or `- 3 -` under it). They are not the report's text, and
/// between the rows of a table that runs over a page break they would cut the table in two.
enum PageFurniture {
    /// How many lines at each end of a page may be furniture.
    static let depth = 2

    /// The pages' lines without the lines that stand, same text, digits aside (page numbers), at the
    /// same end of at least half the pages and of two at least; and without the blank lines left at
    /// either end, so that a table running over the page break still reads as one.
    static func remove(from pages: [[PDFLine]]) -> [[PDFLine]] {
        guard pages.count >= 2 else { return pages.map(trimmed) }
        let pageEnds = pages.map { ends(of: $0.map(\.text)) }
        var counts: [Key: Int] = [:]
        for end in pageEnds {
            for key in Set(end.map(\.key)) { counts[key, default: 0] += 1 }
        }
        let needed = max(2, (pages.count + 1) / 2)
        return zip(pages, pageEnds).map { lines, end in
            let furniture = Set(end.filter { counts[$0.key, default: 0] >= needed }.map(\.index))
            return trimmed(lines.indices.filter { !furniture.contains($0) }.map { lines[$0] })
        }
    }

    private static func trimmed(_ lines: [PDFLine]) -> [PDFLine] {
        let blank = { (line: PDFLine) in line.text.allSatisfy(\.isWhitespace) }
        return Array(lines.drop(while: blank).reversed().drop(while: blank).reversed())
    }

    private struct Key: Hashable {
        var text: String
        var atTop: Bool
    }

    /// The first and last `depth` lines with text, with their keys.
    private static func ends(of lines: [String]) -> [(index: Int, key: Key)] {
        let filled = lines.indices.filter { !lines[$0].allSatisfy(\.isWhitespace) }
        let top = filled.prefix(depth).map { ($0, Key(text: shape(lines[$0]), atTop: true)) }
        let bottom = filled.suffix(depth).filter { !filled.prefix(depth).contains($0) }
            .map { ($0, Key(text: shape(lines[$0]), atTop: false)) }
        return top + bottom
    }

    /// The line without its spaces and with every digit alike, so that page 3's foot matches page 4's.
    private static func shape(_ line: String) -> String {
        String(line.filter { !$0.isWhitespace }.map { $0.isASCII && $0.isNumber ? "#" : $0 })
    }
}

import NianbaoModel

/// The running head and foot of text taken from a PDF whose pages form feeds mark (`pdftotext`): the
/// same line, page numbers aside, first or last on at least half the pages and on two or more, as the
/// PDF reader finds them by position. They are no content, and in a table that runs over a page
/// break they stand between its rows. The form feed stays, as the page break it marks.
enum RunningLines {
    static func blanked(_ lines: [TextLine]) -> [TextLine] {
        // A page begins at the line its form feed opens.
        let starts = [0] + lines.indices.filter { $0 > 0 && lines[$0].hasFormFeed }
        guard starts.count >= 2 else { return lines }
        var heads: [String: [Int]] = [:]
        var feet: [String: [Int]] = [:]
        for (page, start) in starts.enumerated() {
            let end = page + 1 < starts.count ? starts[page + 1] : lines.count
            let content = lines[start..<end].indices.filter { !lines[$0].isBlank }
            if let first = content.first, let key = key(lines[first]) { heads[key, default: []].append(first) }
            if let last = content.last, content.count > 1, let key = key(lines[last]) { feet[key, default: []].append(last) }
        }
        let least = max(2, (starts.count + 1) / 2)
        let running = Set((Array(heads.values) + Array(feet.values)).filter { $0.count >= least }.joined())
        guard !running.isEmpty else { return lines }
        return lines.enumerated().map { index, line in
            running.contains(index) ? TextLine(text: String(line.text.filter { $0 == "\u{0C}" }), number: line.number) : line
        }
    }

    /// The line with its page number made any number and its spaces one; nil for a line of fewer
    /// than two Han characters, which a table's row of numbers or a lone label could be.
    private static func key(_ line: TextLine) -> String? {
        let han = line.trimmed.unicodeScalars.count(where: \.isHanIdeograph)
        guard han >= 2 else { return nil }
        var key = ""
        for character in line.trimmed where character != "\u{0C}" {
            if character.isWhitespace {
                if key.last != " " { key.append(" ") }
            } else if character.isASCII && character.isNumber {
                if key.last != "#" { key.append("#") }
            } else {
                key.append(character)
            }
        }
        return key
    }
}

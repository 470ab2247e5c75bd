import NianbaoModel

/// A page a crawler flattened: the whole report on one long line, paragraphs joined by spaces, table
/// cells run together with no separator. The line is cut back into paragraphs where a space stands
/// after a sentence or before or after a numbered heading; stretches whose digits are glued to their
/// labels become tables of `TableForm.flattened`, for table repair to divide.
enum FlattenedPage {
    static let name = "flattened"
    /// Shorter lines are ordinary paragraphs.
    static let minimumLength = 200

    static func blocks(_ line: TextLine, endsInput: Bool) -> [Block]? {
        let text = line.trimmed
        guard text.hasMoreCharacters(than: minimumLength - 1) else { return nil }
        let parts = segments(text)
        guard parts.contains(where: isTableText) else { return nil }
        let location = SourceLocation(line: line.number)
        return parts.enumerated().map { index, part in
            isTableText(part)
                ? .table(SourceTable(rows: [SourceRow(cells: [SourceCell(part)], location: location)], location: location,
                                     form: .flattened, reachesEnd: endsInput && index == parts.count - 1))
                : .paragraph(Paragraph(text: part, location: location))
        }
    }

    /// What ends a sentence, and so may end a paragraph the page ran together.
    private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；"]

    /// The line cut at the spaces that join paragraphs.
    static func segments(_ text: String) -> [String] {
        // Split and tested on scalars: comparing characters ran grapheme breaking over the whole page.
        let words = text.unicodeScalars.split { $0 == " " || $0 == "\u{3000}" }.map { String(Substring($0)) }
        let isDigit: (Unicode.Scalar?) -> Bool = { $0.map { ("0"..."9").contains($0) } ?? false }
        var parts: [String] = []
        var current = ""
        for word in words {
            guard !current.isEmpty else { current = word; continue }
            let last = current.unicodeScalars.last
            let digitsMeet = isDigit(last) && isDigit(word.unicodeScalars.first)
            let breaks = !digitsMeet && (last.map(sentenceEnds.contains) == true || isHeading(word) || isHeading(current))
            if breaks {
                parts.append(current)
                current = word
            } else {
                current += " " + word
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// A numbered heading standing alone: 一、 or （一） then a few words, no digits.
    static func isHeading(_ word: String) -> Bool {
        guard !word.hasMoreCharacters(than: 40), !word.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return false }
        let numerals = ListNumbers.headingNumerals
        if let first = word.first, numerals.contains(first) {
            let rest = word.drop { numerals.contains($0) }
            return rest.first == "、" && rest.count > 1
        }
        if word.first == "（" || word.first == "(" {
            let rest = word.dropFirst().drop { numerals.contains($0) }
            return rest.count < word.count - 1 && (rest.first == "）" || rest.first == ")") && rest.count > 1
        }
        return false
    }

    /// Table text: no sentence, and several digit runs glued to words or one long stretch of digits
    /// (表四's single row). What table repair does not recognise goes back to being text.
    static func isTableText(_ part: String) -> Bool {
        guard !part.contains(where: { $0 == "。" || $0 == "；" }) else { return false }
        var glued = 0, digits = 0
        var previous: Character = " "
        for character in part {
            if character.isASCII, character.isNumber {
                digits += 1
                if !(previous.isASCII && previous.isNumber), previous != " ", previous != "." { glued += 1 }
            }
            previous = character
        }
        return glued >= 4 || (glued >= 1 && digits >= 10)
    }
}

import NianbaoModel

/// The numbers a numbered list can sensibly state (Word's own bounds): starts and item values
/// beyond them are clamped, so a number from a file never overflows a counter or asks for a
/// label of a billion letters.
enum ListNumbers {
    /// List starts and item values: Word accepts 0...32767; pages also use negatives.
    static let range = -32768...32767
    /// List levels: Word has nine, 0...8.
    static let levels = 0...8
    /// The numerals of a report's numbered headings and row labels (一、 … 十、).
    static let headingNumerals = "一二三四五六七八九十"

    /// "一、", "（二）", "3." with nothing after them: a heading's or a row's number that a converter set
    /// apart from its title, which the readers join to the paragraph after it.
    static func isBareMarker(_ text: String) -> Bool {
        // Five characters take at most 15 bytes: every paragraph of a text is asked, most of them short
        // numbers, so the marks are stripped from the scalars in place.
        guard text.utf8.count <= 15 else { return false }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, markerMarks.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, markerMarks.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        let inner = scalars[start..<end]
        return !inner.isEmpty && inner.count <= 3 && inner.allSatisfy(markerNumerals.contains) && scalars.count <= 5
            && (start != scalars.startIndex || end != scalars.endIndex)
    }

    private static let markerMarks = Set("（()）、.．".unicodeScalars)
    private static let markerNumerals = Set("一二三四五六七八九十0123456789".unicodeScalars)

    static let clampedDiagnostic = Diagnostic(.info, "list.number_clamped",
        "文件中有列表编号或级别超出合理范围（起始值须在 \(range.lowerBound)…\(range.upperBound)，级别 0…8），已截至范围内")
}

/// The words of a paragraph around a place in it, short enough for a message.
enum Quote {
    static let maximumLength = 60

    /// The clause (between 。；) that contains `needle`, cut to `maximumLength` characters around it.
    static func around(_ needle: String, in paragraph: String) -> String {
        guard let range = paragraph.firstRange(of: needle) else { return String(paragraph.prefix(maximumLength)) }
        let stops: Set<Character> = ["。", "；", ";", "！", "？"]
        let start = paragraph[..<range.lowerBound].lastIndex { stops.contains($0) }.map { paragraph.index(after: $0) }
            ?? paragraph.startIndex
        let end = paragraph[range.upperBound...].firstIndex { stops.contains($0) } ?? paragraph.endIndex
        let clause = paragraph[start..<end]
        if clause.count <= maximumLength { return String(clause) }
        let before = paragraph.distance(from: start, to: range.lowerBound)
        let from = paragraph.index(start, offsetBy: max(0, before - maximumLength / 2))
        return "…" + String(paragraph[from...].prefix(maximumLength)) + "…"
    }
}

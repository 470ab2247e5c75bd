/// One line of a text extract with its 1-based line number.
struct TextLine: Sendable {
    var text: String
    var number: Int

    /// The line without surrounding white space, no-break spaces and ideographic spaces.
    var trimmed: String { text.trimmingBlanks() }
    var isBlank: Bool { trimmed.isEmpty }
}

extension String {
    /// The string without leading and trailing white space of any kind (incl. U+00A0, U+3000).
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isBlank }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isBlank })!
        return String(scalars[start...end])
    }
}

extension Unicode.Scalar {
    var isBlank: Bool { properties.isWhitespace || value == 0xFEFF || value == 0x200B }
}

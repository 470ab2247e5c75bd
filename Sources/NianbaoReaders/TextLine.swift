import NianbaoModel

/// One line of a text extract with its 1-based line number.
struct TextLine: Sendable {
    let text: String
    let number: Int
    /// The line without surrounding white space, no-break spaces and ideographic spaces: worked out
    /// once, as every layout asks for it of every line.
    let trimmed: String

    init(text: String, number: Int) {
        self.text = text
        self.number = number
        trimmed = text.trimmingBlanks()
    }

    var isBlank: Bool { trimmed.isEmpty }
}

import NianbaoModel

/// One line of a text extract with its 1-based line number.
struct TextLine: Sendable {
    var text: String
    var number: Int

    /// The line without surrounding white space, no-break spaces and ideographic spaces.
    var trimmed: String { text.trimmingBlanks() }
    var isBlank: Bool { trimmed.isEmpty }
}

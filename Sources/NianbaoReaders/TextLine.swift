import NianbaoModel

/// One line of a text extract with its 1-based line number.
struct TextLine: Sendable {
    let text: String
    let number: Int
    /// The line without surrounding white space, no-break spaces and ideographic spaces: worked out
    /// once, as every layout asks for it of every line.
    let trimmed: String
    /// How many tabs and bars the line holds, counted once for the layouts that ask of every line.
    let tabs: Int
    let bars: Int
    /// Whether a form feed (a page break, as pdftotext marks it) stands in the line.
    let hasFormFeed: Bool

    init(text: String, number: Int) {
        self.text = text
        self.number = number
        trimmed = text.trimmingBlanks()
        var (tabs, bars, formFeed) = (0, 0, false)
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == 0x09 { tabs += 1 } else if byte == UInt8(ascii: "|") { bars += 1 } else if byte == 0x0C { formFeed = true }
            }
        }
        (self.tabs, self.bars, hasFormFeed) = (tabs, bars, formFeed)
    }

    var isBlank: Bool { trimmed.isEmpty }
}

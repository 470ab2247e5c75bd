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

    init(text: String, number: Int) {
        self.text = text
        self.number = number
        trimmed = text.trimmingBlanks()
        var (tabs, bars) = (0, 0)
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == 0x09 { tabs += 1 } else if byte == UInt8(ascii: "|") { bars += 1 }
            }
        }
        (self.tabs, self.bars) = (tabs, bars)
    }

    var isBlank: Bool { trimmed.isEmpty }
}

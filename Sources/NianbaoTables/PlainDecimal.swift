/// A number as a report's cell states it: an optional minus, digits (thousands separators only at
/// every third place), an optional decimal part. Nothing else is a number: not an exponent (1e3),
/// hex (0x1A), a bare point (.5), commas out of place (12,34 or 1,2,3,4), infinity or NaN; and not
/// a number with more significant digits than a Double keeps exactly, since a value that goes out
/// must be the digits the source wrote.
struct PlainDecimal {
    var value: Double
    /// The digits without separators ("1234.5", "-0").
    var text: String

    /// Significant digits a Double holds exactly for every decimal of that length.
    static let maximumDigits = 15

    init?(_ written: String) {
        var bytes = Array(written.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = point.map { Array(bytes[..<$0]) } ?? bytes
        let fraction = point.map { Array(bytes[($0 + 1)...]) } ?? []
        guard !whole.isEmpty, point == nil || !fraction.isEmpty, fraction.allSatisfy(PlainDecimal.isDigit),
              let digits = PlainDecimal.wholeDigits(whole) else { return nil }
        let significant = (digits.drop { $0 == UInt8(ascii: "0") } + fraction).count
        guard significant <= PlainDecimal.maximumDigits else { return nil }
        let plain = (negative ? "-" : "") + String(decoding: digits, as: UTF8.self)
            + (fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self))
        guard let value = Double(plain) else { return nil }
        self.value = value == 0 ? 0 : value  // -0 is 0
        text = plain
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The integer part's digits: plain digits, or groups of three after a first group of one to three.
    private static func wholeDigits(_ part: [UInt8]) -> [UInt8]? {
        guard part.contains(UInt8(ascii: ",")) else { return part.allSatisfy(isDigit) ? part : nil }
        let groups = part.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy(isDigit) }) else { return nil }
        return groups.flatMap { $0 }
    }
}

/// An integer a file states (a span, a list start, a level), read without trapping: text past the
/// integers a sane document uses is clamped into them and said so, never taken as it stands.
struct BoundedInteger {
    var value: Int
    /// Whether the text stated a number outside the range.
    var clamped: Bool

    /// `text` (blanks around it, an optional sign, decimal digits) within `range`; nil when it is no integer.
    init?(_ text: String?, in range: ClosedRange<Int>) {
        guard let text else { return nil }
        var digits = Substring(text.trimmingBlanks())
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // Digits past what Int holds are out of any range here; their sign decides which end.
        let magnitude = Int(digits) ?? Int.max
        let stated = negative ? -magnitude : magnitude
        value = min(max(stated, range.lowerBound), range.upperBound)
        clamped = value != stated || (Int(digits) == nil)
    }
}

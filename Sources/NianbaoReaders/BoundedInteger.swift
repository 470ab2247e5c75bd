/// An integer a file states (a span, a list start, a level), read without trapping: text past the
/// integers a sane document uses is clamped into them and said so, never taken as it stands.
enum BoundedInteger {
    /// `text` (blanks around it, an optional sign, decimal digits) within `range`; nil when it is no
    /// integer. `clamped` becomes true when the text stated a number outside the range.
    static func parse(_ text: String?, in range: ClosedRange<Int>, clamped: inout Bool) -> Int? {
        guard let text else { return nil }
        var digits = Substring(text.trimmingBlanks())
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // Digits past what Int holds are out of any range here; their sign decides which end.
        guard let magnitude = Int(digits) else {
            clamped = true
            return negative ? range.lowerBound : range.upperBound
        }
        let stated = negative ? -magnitude : magnitude
        let value = min(max(stated, range.lowerBound), range.upperBound)
        if value != stated { clamped = true }
        return value
    }

    /// The same, where a clamped value needs no word (a style's level).
    static func parse(_ text: String?, in range: ClosedRange<Int>) -> Int? {
        var clamped = false
        return parse(text, in: range, clamped: &clamped)
    }
}

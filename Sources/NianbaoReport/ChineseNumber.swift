/// Reads a number the narrative writes in Chinese numerals (三十二, 一百零五, 两千) or in digits.
enum ChineseNumber {
    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// The value of `text`, or nil when it is not one number.
    static func value(_ text: String) -> Double? {
        let plain = text.filter { $0 != "," && $0 != "，" }
        // Digits and one point only: Double alone would take 1e3 and 0x1A.
        if plain.first?.isNumber == true, plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            return Double(plain)
        }
        return chinese(plain).map(Double.init)
    }

    private static func chinese(_ text: String) -> Int? {
        guard !text.isEmpty else { return nil }
        var total = 0, section = 0, pending: Int?
        for character in text {
            if let digit = digits[character] {
                // Two digits in a row (二〇二四) are a year or a code, not a count.
                if let previous = pending, previous != 0 { return nil }
                pending = digit
            } else if let unit = units[character] {
                // 十 alone at the start is 一十.
                section += (pending ?? (section == 0 ? 1 : 0)) * unit
                pending = nil
            } else if character == "万" {
                total += (section + (pending ?? 0)) * 10_000
                section = 0
                pending = nil
            } else {
                return nil
            }
        }
        return total + section + (pending ?? 0)
    }
}

/// What a table cell holds, as far as values are concerned.
enum CellValue: Equatable {
    /// Empty, or a mark that means nothing was entered (—, /, 无).
    case blank
    case number(Double)
    /// Looks like a value (starts with a digit) but is not a number.
    case unreadable(String)
    /// Words: a label or header.
    case label

    private static let blankMarks: Set<String> = ["-", "--", "—", "——", "/", "\\", "无", "空", "－", "／"]
    /// Units some sources write after the number.
    private static let units = ["万元", "件", "个", "条", "元"]

    init(_ raw: String) {
        let text = LabelKey.halfWidth(raw).unicodeScalars.filter { !$0.properties.isWhitespace }
            .reduce(into: "") { $0.unicodeScalars.append($1) }
        if text.isEmpty || CellValue.blankMarks.contains(text) {
            self = .blank
            return
        }
        var digits = text.replacingCommas()
        if let unit = CellValue.units.first(where: { digits.hasSuffix($0) }) { digits.removeLast(unit.count) }
        if let number = Double(digits), digits.allSatisfy({ $0.isASCII }) {
            self = .number(number)
        } else if let first = digits.first, first.isASCII, first.isNumber,
                  digits.allSatisfy({ $0.isASCII && !$0.isLetter }) {
            self = .unreadable(raw)
        } else {
            self = .label
        }
    }

    var isLabel: Bool { self == .label }
    var isNumber: Bool { if case .number = self { true } else { false } }
}

private extension String {
    /// Thousands separators out: "1,234" → "1234".
    func replacingCommas() -> String { filter { $0 != "," && $0 != "，" } }
}

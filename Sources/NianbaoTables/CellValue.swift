import NianbaoModel

/// What a table cell holds, as far as values are concerned.
enum CellValue: Equatable {
    /// Empty, or a mark that means nothing was entered (—, /, 无).
    case blank
    case number(Double)
    /// A number the cell states in 元 (`251000元`), as written: a 万元 column takes it divided by 10,000.
    case yuan(String)
    /// A number with a note in brackets after it (`22（其中修订16件）`): the number is the cell's
    /// value, the note is kept as written.
    case annotated(Double, note: String)
    /// Looks like a value (starts with a digit) but is not a number.
    case unreadable(String)
    /// Words: a label or header.
    case label

    private static let blankMarks: Set<String> = ["-", "--", "—", "——", "/", "\\", "无", "空", "－", "／"]
    /// Units some sources write after the number; 元 is kept apart, since a 万元 column converts it.
    private static let units = ["万元", "件", "个", "条"]
    private static let chineseNumerals = Set("零〇一二两三四五六七八九十百千万")

    /// Words that make a number an estimate or a total (约5, 5余): a value cell holding one is
    /// unreadable, not a label.
    private static let qualifiers: Set<Character> = ["约", "近", "余", "多", "逾", "超", "共", "计", "左", "右", "以", "上", "(", ")", "%"]
    /// The scalars a value, a blank mark, a unit or a qualifier can begin with.
    private static let numberScalars = Set((chineseNumerals.map(String.init) + qualifiers.map(String.init) + units
                                            + blankMarks + ["元"]).compactMap(\.unicodeScalars.first))

    init(_ raw: String) {
        // Most value cells are a few plain digits: read without the forms below, to the same number,
        // and added up digit by digit (15 digits stay below 2^53, so the Double is exact): parsing
        // through Double(String) cost more than the rest of reading such a cell.
        if (1...PlainDecimal.maximumDigits).contains(raw.utf8.count) {
            var value: UInt64 = 0
            if raw.utf8.allSatisfy({ byte in
                guard byte >= 0x30 && byte <= 0x39 else { return false }
                value = value * 10 + UInt64(byte - 0x30)
                return true
            }) {
                self = .number(Double(value))
                return
            }
        }
        let half = LabelKey.halfWidth(raw)
        // Digits with a space between them (1 234) may be one number or two: not guessed.
        if CellValue.hasSpaceBetweenDigits(half) {
            self = .unreadable(raw)
            return
        }
        // A cell that begins with an ideograph no number is written with (自然人, 合计) is words,
        // whatever follows: none of the forms below begins so. Labels are most cells that are not digits.
        if let first = half.unicodeScalars.first(where: { !$0.isSpace }), first.isHanIdeograph,
           !CellValue.numberScalars.contains(first) {
            self = .label
            return
        }
        let text = half.removingSpaces()
        if text.isEmpty || CellValue.blankMarks.contains(text) {
            self = .blank
            return
        }
        var digits = text
        if let unit = CellValue.units.first(where: { digits.hasUTF8Suffix($0) }) { digits.removeLast(unit.count) }
        let yuan = digits.hasUTF8Suffix("元")  // 万元 is stripped above as a unit of its own
        if yuan { digits.removeLast() }
        if let number = PlainDecimal(digits) {
            self = yuan ? .yuan(number.text) : .number(number.value)
        } else if let (number, note) = CellValue.annotation(text) {
            // A unit in brackets is a unit, not a note: 251000(元) is an amount in 元.
            if note == "元" {
                self = .yuan(numberText(number))
            } else {
                self = CellValue.units.contains(note) ? .number(number) : .annotated(number, note: note)
            }
        } else if let first = digits.first, first.isASCII, first.isNumber || first == "-" || first == ".",
                  CellValue.isASCIINumberLike(digits) || CellValue.isHexadecimal(digits) {
            // 1e3, 0x1A, .5, 12,34, a number too long to keep exactly: value-like, but no value.
            self = .unreadable(raw)
        } else if digits.allSatisfy(CellValue.chineseNumerals.contains) {
            // 二百三十二 typed into a value cell: a value, but not one the template's cells take.
            self = .unreadable(raw)
        } else if digits.contains(where: { $0.isASCII && $0.isNumber }),
                  digits.allSatisfy({ ($0.isASCII && ($0.isNumber || $0 == "." || $0 == ",")) || CellValue.qualifiers.contains($0) }) {
            // (5), 约5, 5余: a number with words that make it no plain value.
            self = .unreadable(raw)
        } else {
            self = .label
        }
    }

    /// 0x or 0X first: on bytes, since lowercasing a label (1.属于国家秘密 starts with a digit too) maps
    /// every Chinese character through Unicode's case tables.
    private static func isHexadecimal(_ text: String) -> Bool {
        text.utf8.starts(with: "0x".utf8) || text.utf8.starts(with: "0X".utf8)
    }

    /// ASCII with a digit (1e3, 12,34) or without letters (-.): the shape of a number, if no number.
    private static func isASCIINumberLike(_ text: String) -> Bool {
        text.allSatisfy(\.isASCII) && (text.contains(where: \.isNumber) || !text.contains(where: \.isLetter))
    }

    /// The numbers of a cell that holds several plain integers with spaces between them (`235 336`, a
    /// converter running two columns into one), or nil for any other cell.
    var spacedNumbers: [Double]? {
        guard case .unreadable(let raw) = self else { return nil }
        let words = CellValue.words(raw)
        guard words.count > 1 else { return nil }
        let numbers = words.compactMap { word -> Double? in
            guard case .number(let value) = CellValue(word), word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return value
        }
        return numbers.count == words.count ? numbers : nil
    }

    /// A cell's words, made half-width and cut at white space: a cell may hold several numbers a
    /// converter ran together.
    static func words(_ text: String) -> [String] {
        LabelKey.halfWidth(text).split { $0.unicodeScalars.first?.isSpace ?? false }.map(String.init)
    }

    /// A word of ASCII digits only, short enough to add exactly (the tail of a number, `05`, too).
    static func isDigits(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.count <= 9 && word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A count as a table writes it: digits, with no leading 0 but the 0 alone.
    static func isCount(_ word: String) -> Bool {
        isDigits(word) && (word == "0" || !word.hasPrefix("0"))
    }

    private static func hasSpaceBetweenDigits(_ text: String) -> Bool {
        var lastWasDigit = false, spaceAfterDigit = false
        for scalar in text.unicodeScalars {
            if scalar.isSpace {
                spaceAfterDigit = spaceAfterDigit || lastWasDigit
                lastWasDigit = false
            } else if ("0"..."9").contains(scalar) {
                if spaceAfterDigit { return true }
                lastWasDigit = true
            } else {
                lastWasDigit = false
                spaceAfterDigit = false
            }
        }
        return false
    }

    var isLabel: Bool { self == .label }
    var isNumber: Bool {
        switch self {
        case .number, .yuan, .annotated: true
        default: false
        }
    }

    /// A plain number, then a bracketed note holding words (`22(其中修订16件)`, half-width already).
    /// A note of digits alone (`1(2)`) may be a second value run in: that cell is not taken apart.
    static func annotation(_ text: String) -> (Double, String)? {
        // Bytes first: most texts asked are labels without brackets, and finding a Character walks
        // grapheme by grapheme.
        guard text.utf8.last == UInt8(ascii: ")"), text.utf8.contains(UInt8(ascii: "(")),
              let open = text.firstIndex(of: "("), text.last == ")" else { return nil }
        let head = String(text[..<open])
        let note = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard let number = PlainDecimal(head), !head.hasPrefix("-"),
              note.contains(where: { !$0.isASCII }), !note.contains("(") else { return nil }
        return (number.value, note)
    }

    /// Whether a text (a cell, a word, a header such as 采购总金额（元）) states amounts in 元 rather than 万元.
    static func statesYuan(_ text: String) -> Bool {
        text.containsText("元") && !text.containsText("万元")
    }

    /// The value as a cell under a header that says 元 states it.
    var statedInYuan: CellValue {
        if case .number(let n) = self { .yuan(numberText(n)) } else { self }
    }

    /// The number the cell holds in a column of `unit`: 元 become 万元 by moving the decimal point,
    /// digit for digit, so 75394432.52元 is 7539.443252 exactly as written.
    func number(in unit: ValueUnit) -> Double? {
        switch self {
        case .number(let n), .annotated(let n, _): n
        case .yuan(let digits): unit == .tenThousandYuan ? Double(Self.shiftedLeft(digits, by: 4)) : Double(digits)
        default: nil
        }
    }

    /// Decimal digits with the point moved `places` to the left ("251000" → "25.1000").
    static func shiftedLeft(_ digits: String, by places: Int) -> String {
        let negative = digits.hasPrefix("-")
        let unsigned = negative ? String(digits.dropFirst()) : digits
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        if whole.count <= places { whole = String(repeating: "0", count: places - whole.count + 1) + whole }
        let cut = whole.index(whole.endIndex, offsetBy: -places)
        return (negative ? "-" : "") + whole[..<cut] + "." + whole[cut...] + fraction
    }
}

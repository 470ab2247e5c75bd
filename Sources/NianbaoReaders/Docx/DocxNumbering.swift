import NianbaoModel

/// A paragraph's place in a numbered list: which list instance, which level.
struct NumberingReference: Equatable {
    var numId: String
    var level: Int
}

/// numbering.xml as data, and the counters that turn a numbered paragraph into its number text
/// ("一、", "（二）", "3.") the way Word would render it.
struct DocxNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
        var suffix = "tab"
    }

    private var abstractLevels: [String: [Int: Level]] = [:]
    /// numId → abstractNumId, and the start overrides of the instance.
    private var instances: [String: (abstract: String, starts: [Int: Int])] = [:]
    private var counters: [String: [Int: Int]] = [:]
    /// Whether numbering.xml stated a start or level out of range (clamped).
    private(set) var clamped = false

    /// The elements of numbering.xml the reader looks at.
    private enum Element: String {
        case abstractNum, num, abstractNumId, lvlOverride, startOverride, lvl, start, numFmt, lvlText, suff, pPr, rPr
    }

    init() {}

    init(bytes: [UInt8], part: String) throws(ReaderError) {
        let reader = try XMLStreamReader(bytes: bytes, part: part, attributes: ["abstractNumId", "numId", "ilvl", "val"])
        var abstract: String?
        var num: String?
        var level: (index: Int, value: Level)?
        var overrideLevel: Int?
        var names = OOXMLNames<Element>()
        while reader.read() {
            let name = names.word(reader)
            if reader.nodeType == .endElement {
                switch name {
                case .lvl:
                    if let abstract, let level { abstractLevels[abstract, default: [:]][level.index] = level.value }
                    level = nil
                case .abstractNum: abstract = nil
                case .num: num = nil
                case .lvlOverride: overrideLevel = nil
                default: break
                }
                continue
            }
            guard reader.nodeType == .element, let name else { continue }
            let value = reader.wordAttribute("val")
            switch name {
            case .abstractNum: abstract = reader.wordAttribute("abstractNumId")
            case .num:
                num = reader.wordAttribute("numId")
                if let num { instances[num] = ("", [:]) }
            case .abstractNumId: if let num, let value { instances[num]?.abstract = value }
            case .lvlOverride: overrideLevel = BoundedInteger.parse(reader.wordAttribute("ilvl"), in: ListNumbers.levels, clamped: &clamped)
            case .startOverride:
                if let num, let overrideLevel, let start = BoundedInteger.parse(value, in: ListNumbers.range, clamped: &clamped) {
                    instances[num]?.starts[overrideLevel] = start
                }
            case .lvl where abstract != nil:
                level = (BoundedInteger.parse(reader.wordAttribute("ilvl"), in: ListNumbers.levels, clamped: &clamped) ?? 0, Level())
            case .start: if let start = BoundedInteger.parse(value, in: ListNumbers.range, clamped: &clamped) { level?.value.start = start }
            case .numFmt: if let value { level?.value.format = value }
            case .lvlText: if let value { level?.value.text = value }
            case .suff: if let value { level?.value.suffix = value }
            case .pPr, .rPr: reader.skipSubtree()
            default: break
            }
        }
    }

    /// Counts the paragraph and returns its number text, or nil when the reference names no list.
    mutating func next(_ reference: NumberingReference) -> String? {
        guard reference.numId != "0", let instance = instances[reference.numId],
              let levels = abstractLevels[instance.abstract], let level = levels[reference.level] else { return nil }
        var counts = counters[reference.numId, default: [:]]
        let start = instance.starts[reference.level] ?? level.start
        counts[reference.level] = (counts[reference.level] ?? start - 1) + 1
        for deeper in counts.keys where deeper > reference.level { counts[deeper] = nil }
        counters[reference.numId] = counts

        guard level.format != "bullet", level.format != "none" else { return nil }
        var text = level.text
        for k in (0...reference.level).reversed() {
            let lvl = levels[k] ?? Level()
            let count = counts[k] ?? (instance.starts[k] ?? lvl.start)
            text = text.replacingAll("%\(k + 1)", with: NumberFormat.render(count, format: lvl.format))
        }
        return text + (level.suffix == "space" ? " " : "")
    }
}

/// Word's number formats (w:numFmt) as text.
enum NumberFormat {
    private static let digits = Array("〇一二三四五六七八九")
    private static let heavenlyStems = Array("甲乙丙丁戊己庚辛壬癸")
    private static let earthlyBranches = Array("子丑寅卯辰巳午未申酉戌亥")

    static func render(_ n: Int, format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
             "chineseLegalSimplified":
            return chineseCounting(n)
        case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
            return String(String(n).map { $0.wholeNumberValue.map { digits[$0] } ?? $0 })
        case "ideographTraditional": return n >= 1 && n <= 10 ? String(heavenlyStems[n - 1]) : String(n)
        case "ideographZodiac": return n >= 1 && n <= 12 ? String(earthlyBranches[n - 1]) : String(n)
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String.UnicodeScalarView(String(n).unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return n >= 1 && n <= 20 ? String(Unicode.Scalar(0x2460 + UInt32(n - 1))!) : String(n)
        case "decimalEnclosedParen": return "(\(n))"
        case "decimalEnclosedFullstop": return "\(n)."
        case "upperLetter": return letters(n).uppercased()
        case "lowerLetter": return letters(n)
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        default: return String(n)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
    static func chineseCounting(_ n: Int) -> String {
        guard n > 0 else { return "〇" }
        guard n < 100_000 else { return String(n) }
        let units = ["", "十", "百", "千", "万"]
        let ds = String(n).map { Int(String($0))! }
        var out = ""
        var pendingZero = false
        for (i, d) in ds.enumerated() {
            let unit = units[ds.count - 1 - i]
            if d == 0 {
                pendingZero = !out.isEmpty
                continue
            }
            if pendingZero { out += "零" }
            pendingZero = false
            if !(d == 1 && unit == "十" && out.isEmpty) { out.append(digits[d]) }
            out += unit
        }
        return out
    }

    /// a … z, aa … zz, as Word counts; past 30 letters a number says more than a label.
    private static func letters(_ n: Int) -> String {
        guard n > 0 else { return "" }
        guard n <= 26 * 30 else { return String(n) }
        let letter = Character(Unicode.Scalar(UInt8(97 + (n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    /// Roman numerals go to 3999; beyond, the number in digits.
    private static func roman(_ n: Int) -> String {
        guard n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, symbol) in table { while rest >= value { out += symbol; rest -= value } }
        return out
    }
}

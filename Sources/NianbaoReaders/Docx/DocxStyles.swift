/// What the reader needs of styles.xml: which paragraph styles are headings, and which carry numbering.
struct DocxStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numbering: NumberingReference?
    }

    /// Per paragraph style, its heading level and numbering with what it inherits: worked out once when
    /// styles.xml is read, since a document asks for every paragraph and following the chain each time
    /// was a twelfth of reading a long one.
    private var resolved: [String: (headingLevel: Int?, numbering: NumberingReference?)] = [:]

    /// The elements of styles.xml the reader looks at.
    private enum Element: String {
        case style, name, basedOn, outlineLvl, numId, ilvl, rPr, tblPr, trPr, tcPr, tblStylePr
    }

    init() {}

    init(bytes: [UInt8], part: String) throws(ReaderError) {
        // Of the attributes, only w:type, w:styleId and w:val are read.
        let reader = try XMLStreamReader(bytes: bytes, part: part, attributes: ["type", "styleId", "val"])
        var styles: [String: Style] = [:]
        var current: (id: String, style: Style)?
        var isParagraphStyle = false
        var names = OOXMLNames<Element>()
        while reader.read() {
            if reader.nodeType == .endElement, names.word(reader) == .style {
                if let current, isParagraphStyle { styles[current.id] = current.style }
                current = nil
                continue
            }
            guard reader.nodeType == .element, let name = names.word(reader) else { continue }
            switch name {
            case .style:
                isParagraphStyle = (reader.wordAttribute("type") ?? "paragraph") == "paragraph"
                current = reader.wordAttribute("styleId").map { ($0, Style()) }
            case .name: current?.style.name = reader.wordAttribute("val")
            case .basedOn: current?.style.basedOn = reader.wordAttribute("val")
            case .outlineLvl: current?.style.outlineLevel = BoundedInteger.parse(reader.wordAttribute("val"), in: 0...9)
            case .numId:
                let level = current?.style.numbering?.level ?? 0
                current?.style.numbering = reader.wordAttribute("val").map { NumberingReference(numId: $0, level: level) }
            case .ilvl:
                let numId = current?.style.numbering?.numId ?? ""
                let level = BoundedInteger.parse(reader.wordAttribute("val"), in: ListNumbers.levels) ?? 0
                current?.style.numbering = NumberingReference(numId: numId, level: level)
            case .rPr, .tblPr, .trPr, .tcPr, .tblStylePr:
                reader.skipSubtree()
            }
        }
        for id in styles.keys {
            resolved[id] = (DocxStyles.headingLevel(id, in: styles), DocxStyles.inherited(id, \.numbering, in: styles))
        }
    }

    /// The heading level (1 = top) a style gives, from its outline level or its name.
    func headingLevel(_ styleId: String?) -> Int? { styleId.flatMap { resolved[$0]?.headingLevel } }

    /// The numbering a style applies to its paragraphs.
    func numbering(_ styleId: String?) -> NumberingReference? { styleId.flatMap { resolved[$0]?.numbering } }

    private static func headingLevel(_ styleId: String, in styles: [String: Style]) -> Int? {
        if let level = inherited(styleId, \.outlineLevel, in: styles), level < 9 { return level + 1 }
        guard let name = inherited(styleId, \.name, in: styles)?.lowercased() else { return nil }
        for prefix in ["heading ", "标题 ", "标题"] where name.hasPrefix(prefix) {
            if let level = Int(name.dropFirst(prefix.count)), (1...9).contains(level) { return level }
        }
        return nil
    }

    private static func inherited<T>(_ styleId: String, _ property: KeyPath<Style, T?>, in styles: [String: Style]) -> T? {
        var id: String? = styleId
        var seen: Set<String> = []
        while let current = id, seen.insert(current).inserted, let style = styles[current] {
            if let value = style[keyPath: property] { return value }
            id = style.basedOn
        }
        return nil
    }
}

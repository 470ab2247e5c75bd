import NianbaoModel

/// Walks a parsed page in reading order and makes blocks; each block remembers the elements it
/// sits in, so that the report's own region can be picked out afterwards.
struct HTMLBlockBuilder {
    /// A block and the ids of the elements around it, outermost first.
    struct Placed {
        var block: Block
        var ancestors: [Int]
    }

    private(set) var placed: [Placed] = []
    /// What the tables' builder noticed.
    private var tableDiagnostics: [Diagnostic] = []
    /// Elements marked as page furniture (menus, sharing, footers), by id.
    private(set) var furniture: Set<Int> = []
    private var ancestors: [Int] = []
    private var nextId = 0
    private var text = ""
    private var textLine = 0
    /// Open ordered lists: the next number and its format.
    private var lists: [(next: Int, format: String, chinese: Bool)] = []
    /// Most grid positions a table may cover; see `TableLimits`.
    var maximumArea = TableLimits().gridArea
    private var clampedListNumber = false

    mutating func walk(_ element: HTMLElement) {
        guard !element.isDropped else { return }
        let id = nextId
        nextId += 1
        if HTMLVocabulary.isFurniture(element) { furniture.insert(id) }
        ancestors.append(id)
        defer { ancestors.removeLast() }

        if element.name == "table" && !HTMLTableBuilder.isLayout(element) {
            flush()
            table(element)
            return
        }
        if let level = HTMLVocabulary.headingLevel(element.name) {
            flush()
            let heading = element.text.foldingWhitespace()
            if !heading.isEmpty {
                append(.heading(Heading(text: heading, level: level, location: SourceLocation(line: element.line))))
            }
            return
        }
        switch element.name {
        case "br":
            flush()
            return
        case "img":
            flush()
            if let name = element.attribute("src") ?? element.attribute("alt"), !name.isEmpty {
                append(.image(ImagePlaceholder(name: name, location: SourceLocation(line: element.line))))
            }
            return
        default:
            break
        }
        let isBlock = HTMLVocabulary.blocks.contains(element.name)
        if isBlock { flush() }
        if element.name == "ol" { lists.append(HTMLBlockBuilder.listStyle(element, clamped: &clampedListNumber)) }
        defer { if element.name == "ol" { lists.removeLast() } }
        if element.name == "li", !lists.isEmpty {
            // The number a browser would show in front of the item.
            if let value = HTMLBlockBuilder.listNumber(element.attribute("value"), clamped: &clampedListNumber) {
                lists[lists.count - 1].next = value
            }
            let list = lists[lists.count - 1]
            text = NumberFormat.render(list.next, format: list.format) + (list.chinese ? "、" : ".")
            textLine = element.line
            lists[lists.count - 1].next += 1
        }
        for child in element.children {
            switch child {
            case .text(let t):
                if text.isEmpty { textLine = element.line }
                text += t
            case .element(let e):
                walk(e)
            }
        }
        if isBlock { flush() }
    }

    /// Ends the paragraph being collected.
    mutating func flush() {
        let paragraph = text.foldingWhitespace()
        text = ""
        guard !paragraph.isEmpty else { return }
        // A numeral set apart from its title ("一、" then "总体情况") belongs to it.
        if let last = placed.last, case .paragraph(let previous) = last.block, ListNumbers.isBareMarker(previous.text) {
            placed[placed.count - 1].block = .paragraph(Paragraph(text: previous.text + paragraph, location: previous.location))
            return
        }
        append(.paragraph(Paragraph(text: paragraph, location: SourceLocation(line: textLine))))
    }

    private mutating func append(_ block: Block) {
        placed.append(Placed(block: block, ancestors: ancestors))
    }

    private mutating func table(_ element: HTMLElement) {
        let location = SourceLocation(line: element.line)
        let (table, nested, problems) = HTMLTableBuilder.build(element, location: location, maximumArea: maximumArea)
        tableDiagnostics += problems
        if !table.rows.isEmpty { append(.table(table)) }
        for inner in nested { walk(inner) }
    }

    /// The numbering of an <ol>: its start, and its type or list-style-type as a Word number format.
    static func listStyle(_ list: HTMLElement, clamped: inout Bool) -> (next: Int, format: String, chinese: Bool) {
        let start = listNumber(list.attribute("start"), clamped: &clamped) ?? 1
        let style = (list.attribute("style") ?? "").lowercased()
        if style.contains("cjk-ideographic") || style.contains("chinese") || style.contains("cjk-decimal") {
            return (start, "chineseCounting", true)
        }
        let formats = ["a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"]
        return (start, list.attribute("type").flatMap { formats[$0] } ?? "decimal", false)
    }

    /// A list number an attribute states, within what a list of paragraphs can reach.
    static func listNumber(_ text: String?, clamped: inout Bool) -> Int? {
        BoundedInteger.parse(text, in: ListNumbers.range, clamped: &clamped)
    }

    /// What the walk noticed: the tables' problems, list numbers out of range.
    var diagnostics: [Diagnostic] {
        tableDiagnostics + (clampedListNumber ? [ListNumbers.clampedDiagnostic] : [])
    }
}

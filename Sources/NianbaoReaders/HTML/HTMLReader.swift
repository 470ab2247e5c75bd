import NianbaoModel

/// Reads HTML pages (whole scraped pages or fragments) into the same Document as the other readers:
/// the encoding from BOM, declaration and bytes; libxml2's tolerant HTML parser; the report's own
/// region found by its numbered headings and tables; page furniture left out.
public struct HTMLReader: Sendable {
    /// Deepest element nesting accepted.
    public var maximumDepth: Int
    /// Most grid positions a table may cover; see `TableLimits`.
    public var maximumTableArea: Int

    public init(maximumDepth: Int = 512, maximumTableArea: Int = TableLimits().gridArea) {
        self.maximumDepth = maximumDepth
        self.maximumTableArea = maximumTableArea
    }

    public func read(_ bytes: [UInt8]) throws(ReaderError) -> Document {
        guard !bytes.isEmpty else { throw .empty }
        let decoded = TextDecoding.decode(bytes, declared: HTMLReader.declaredCharset(bytes))
        let root = try HTMLTree.parse(utf8: Array(decoded.text.utf8), maximumDepth: maximumDepth)
        var builder = HTMLBlockBuilder()
        builder.maximumArea = maximumTableArea
        builder.walk(root)
        builder.flush()
        let title = HTMLReader.pageTitle(root)
        let blocks = HTMLReader.reportRegion(builder.placed, furniture: builder.furniture)
        return Document(format: .html, encoding: decoded.encoding, layout: "html", blocks: blocks,
                        diagnostics: decoded.diagnostics + builder.diagnostics,
                        properties: title.map { DocumentProperties(title: $0) })
    }

    /// The charset a meta tag names in the first bytes, if any.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let match = head.firstMatch(of: #/<meta[^>]*charset\s*=\s*["']?([a-z0-9_\-:.]+)/#) else { return nil }
        return String(match.1)
    }

    /// The text of <title>, without the site name scraped pages append ("报告_某某县人民政府").
    static func pageTitle(_ root: HTMLElement) -> String? {
        func find(_ e: HTMLElement) -> HTMLElement? {
            e.name == "title" ? e : e.elements.lazy.compactMap(find).first
        }
        guard let title = find(root)?.children.compactMap({ if case .text(let t) = $0 { t } else { nil } }).joined()
        else { return nil }
        let main = title.split(whereSeparator: { "_|".contains($0) }).first.map(String.init) ?? title
        let folded = main.foldingWhitespace()
        return folded.isEmpty ? nil : folded
    }

    /// Lines that open a numbered part of a report (一、总体情况): short, a numeral then 、.
    static func isPartHeading(_ block: Block) -> Bool {
        let text: String
        switch block {
        case .paragraph(let p): text = p.text
        case .heading(let h): text = h.text
        default: return false
        }
        guard !text.hasMoreCharacters(than: 40), let first = text.first, ListNumbers.headingNumerals.contains(first) else { return false }
        return text.dropFirst().first == "、" || text.dropFirst().first == "．"
    }

    /// The report's own blocks: those inside the deepest element holding nearly all of the page's
    /// part headings and tables (menus and other furniture not counted), less furniture inside it,
    /// with a title found just before it.
    static func reportRegion(_ placed: [HTMLBlockBuilder.Placed], furniture: Set<Int>) -> [Block] {
        let isFurniture: (HTMLBlockBuilder.Placed) -> Bool = { $0.ancestors.contains(where: furniture.contains) }
        let marked = placed.filter { (isPartHeading($0.block) || $0.block.isTable) && !isFurniture($0) }
        var region: [Int] = []
        if !marked.isEmpty {
            var counts: [Int: Int] = [:]
            for item in marked { for id in item.ancestors { counts[id, default: 0] += 1 } }
            let needed = (marked.count * 8 + 9) / 10
            // Ancestors are outermost first: the last one still holding enough is the deepest.
            for item in marked {
                let path = item.ancestors.prefix { counts[$0, default: 0] >= needed }
                if path.count > region.count { region = Array(path) }
            }
        }
        let inside: (HTMLBlockBuilder.Placed) -> Bool = { item in
            item.ancestors.starts(with: region)
        }
        let keep: (HTMLBlockBuilder.Placed) -> Bool = { item in
            inside(item) && (item.block.isTable || !item.ancestors.dropFirst(region.count).contains(where: furniture.contains))
        }
        var blocks = placed.filter(keep).map(\.block)
        // Pages often set the title above the article body, in an <h1> of their own.
        let hasTitle = blocks.prefix { !isPartHeading($0) }.contains { $0.text?.contains("报告") == true }
        if !hasTitle, let first = placed.firstIndex(where: inside),
           let title = placed[..<first].last(where: { ($0.block.text?.count ?? 99) <= 80 && $0.block.text?.contains("报告") == true }) {
            blocks.insert(title.block, at: 0)
        }
        return blocks
    }
}

extension Block {
    var isTable: Bool { if case .table = self { true } else { false } }

    /// The text of a paragraph or heading.
    var text: String? {
        switch self {
        case .paragraph(let p): p.text
        case .heading(let h): h.text
        default: nil
        }
    }
}

/// What kinds of HTML elements are, as far as reading a report goes.
enum HTMLVocabulary {
    /// Never content: scripts, styles, widgets.
    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "head", "select", "option",
        "textarea", "button", "input", "map", "canvas", "audio", "video",
        // Deleted text, as tracked changes exported to HTML mark it.
        "del",
    ]
    /// The attributes the reader asks an element for (`HTMLElement.attribute`); the tree keeps no others.
    static let readAttributes: Set<String> = [
        "hidden", "style", "class", "id", "rowspan", "colspan", "alt", "src", "start", "type", "value",
    ]
    /// Elements that start and end a paragraph.
    static let blocks: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "main", "blockquote", "center", "pre",
        "address", "figure", "figcaption", "header", "footer", "nav", "aside", "form", "fieldset", "caption", "hr",
        "body", "html", "tr", "td", "th", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    /// Words in class or id names of page furniture (sharing, menus, footers); a part marked so
    /// is left out unless it holds the report's own headings or tables.
    static let furniture = ["share", "nav", "menu", "breadcrumb", "crumb", "footer", "sidebar", "toolbar", "print",
                            "comment", "related", "pager", "login", "search", "copyright", "bdshare", "qrcode", "jiathis"]

    /// Whether an element is no content: a dropped kind, or hidden from readers (the `hidden`
    /// attribute, display:none or visibility:hidden inline), so a hidden title or a hidden digit
    /// before a number is not read.
    static func isDropped(name: String, attributes: [(name: String, value: String)]) -> Bool {
        if dropped.contains(name) { return true }
        var style: String?
        for attribute in attributes {
            if attribute.name == "hidden" { return true }
            if attribute.name == "style" { style = attribute.value }
        }
        guard var style else { return false }
        // Read in place, lower-cased and without blanks: this runs for every element, often on Word's
        // long styles, and a compacted copy of each cost a sixth of reading a long page.
        return style.withUTF8 { style in states(style, "display:none") || states(style, "visibility:hidden") }
    }

    /// Whether `rule` (lower case, no blanks) stands in `style` read lower-cased with its blanks left out.
    private static func states(_ style: UnsafeBufferPointer<UInt8>, _ rule: StaticString) -> Bool {
        let rule = UnsafeBufferPointer(start: rule.utf8Start, count: rule.utf8CodeUnitCount)
        for start in style.indices where style[start].lowercasedASCII == rule[0] {
            var (i, j) = (start + 1, 1)
            while j < rule.count, i < style.count {
                let byte = style[i]
                i += 1
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                guard byte.lowercasedASCII == rule[j] else { break }
                j += 1
            }
            if j == rule.count { return true }
        }
        return false
    }

    static func headingLevel(_ name: String) -> Int? {
        name.count == 2 && name.first == "h" ? Int(String(name.last!)).flatMap { (1...6).contains($0) ? $0 : nil } : nil
    }

    static func isFurniture(_ element: HTMLElement) -> Bool {
        if ["nav", "footer", "aside"].contains(element.name) { return true }
        let (classes, id) = (element.attribute("class"), element.attribute("id"))
        guard classes != nil || id != nil else { return false }
        // Lower-cased as bytes and searched as bytes: this runs for every element of a page, and
        // Unicode case mapping and the standard library's string search made it most of reading one.
        let names = String(decoding: ((classes ?? "") + " " + (id ?? "")).utf8.map(\.lowercasedASCII), as: UTF8.self)
        return furniture.contains { names.containsText($0) }
    }
}

extension HTMLElement {
    /// All text below, <br> and block elements as line breaks.
    var text: String {
        var out = ""
        collectText(into: &out)
        return out
    }

    private func collectText(into out: inout String) {
        guard !isDropped else { return }
        if name == "br" { out += "\n"; return }
        let isBlock = HTMLVocabulary.blocks.contains(name)
        // The last byte, not the last character: finding a character's start walks graphemes backwards.
        if isBlock && !out.isEmpty && out.utf8.last != 0x0A { out += "\n" }
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): e.collectText(into: &out)
            }
        }
        if isBlock && !out.isEmpty && out.utf8.last != 0x0A { out += "\n" }
    }

    /// Child elements, in order.
    var elements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// A copy without the elements of this name, at any depth.
    func removing(_ name: String) -> HTMLElement {
        var copy = self
        copy.children = children.compactMap { child in
            guard case .element(let e) = child else { return child }
            return e.name == name ? nil : .element(e.removing(name))
        }
        return copy
    }

    /// Whether any element below has one of these names.
    func contains(_ names: Set<String>) -> Bool {
        elements.contains { names.contains($0.name) || $0.contains(names) }
    }
}

internal import CLibXML2
import NianbaoModel

/// A node of a parsed HTML page, as plain Swift values.
enum HTMLNode {
    case element(HTMLElement)
    case text(String)
}

/// An element with its lower-case name, the attributes the reader asks for, children and source line.
struct HTMLElement {
    let name: String
    /// In source order. A few a element, so searched in turn: a dictionary for each element cost
    /// more in hashing, allocating and freeing than the page's whole walk.
    let attributes: [(name: String, value: String)]
    var children: [HTMLNode]
    var line: Int
    /// Whether the element is no content (`HTMLVocabulary.isDropped`), decided once when it is made:
    /// the walk, the text of each block around it and the table builder all ask, and asking again
    /// each time cost a sixth of reading a page.
    let isDropped: Bool

    init(name: String, attributes: [(name: String, value: String)], children: [HTMLNode], line: Int) {
        (self.name, self.attributes, self.children, self.line) = (name, attributes, children, line)
        isDropped = HTMLVocabulary.isDropped(name: name, attributes: attributes)
    }

    /// The attribute's value; the last of that name, as a repeated attribute overrides.
    func attribute(_ name: String) -> String? {
        assert(HTMLVocabulary.readAttributes.contains(name), "\(name) is not kept by HTMLTree")
        return attributes.last { $0.name == name }?.value
    }
}

/// Parses HTML with libxml2's tolerant HTML parser (no network; the bytes are already UTF-8) into
/// Swift values, built from the parser's events (`HTMLTreeBuilder`): libxml2 builds no tree of its own.
enum HTMLTree {
    /// The page's root element.
    static func parse(utf8 bytes: [UInt8], maximumDepth: Int) throws(ReaderError) -> HTMLElement {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let xml = try XMLLibrary.functions()
        // Broken markup is recovered from silently. libxml2 keeps these handlers per thread.
        nianbao_silence_generic_errors(xml.setGenericErrorFunc)
        xml.setStructuredErrorFunc(nil) { _, _ in }
        defer { xml.setStructuredErrorFunc(nil, nil) }
        guard let context = xml.htmlNewParserCtxt() else { throw .unreadable("无法解析 HTML", "cannot start the HTML parser") }
        defer { xml.htmlFreeParserCtxt(context) }
        let builder = UnsafeMutablePointer<HTMLTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: HTMLTreeBuilder(xml: xml, maximumDepth: maximumDepth))
        defer { builder.deinitialize(count: 1); builder.deallocate() }
        builder.pointee.context = context
        context.pointee.sax.pointee = HTMLTreeBuilder.handler
        context.pointee.userData = UnsafeMutableRawPointer(builder)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xml.htmlCtxtReadMemory(context, $0.baseAddress, Int32(clamping: $0.count), "page.html", "UTF-8", options)
            }
        }
        if let document { xml.freeDoc(document) }
        builder.pointee.context = nil
        builder.pointee.finish()
        if builder.pointee.tooDeep {
            throw .unreadable("HTML 元素嵌套过深，解析器无法读完整个网页", "elements are nested too deep for the parser to read the whole page")
        }
        if builder.pointee.deeperThanLimit {
            throw .unreadable("HTML 元素嵌套超过 \(maximumDepth) 层", "elements nested deeper than \(maximumDepth)")
        }
        guard let root = builder.pointee.root else {
            throw .unreadable("HTML 中没有任何元素", "the page has no elements")
        }
        return root
    }
}

internal import CLibXML2
import Glibc
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

/// Collects what the parser reported.
private final class ErrorSink {
    var tooDeep = false
}

/// Parses HTML with libxml2's tolerant HTML parser (no network; the bytes are already UTF-8) and
/// copies the tree into Swift values. The only place that touches libxml2's HTML tree pointers.
enum HTMLTree {
    /// The page's root element.
    static func parse(utf8 bytes: [UInt8], maximumDepth: Int) throws(ReaderError) -> HTMLElement {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        // Broken markup is recovered from silently; only running out of depth, after which the
        // parser drops the rest of the page, must be told. libxml2 keeps this handler per thread.
        let xml = try XMLLibrary.functions()
        let sink = ErrorSink()
        nianbao_silence_generic_errors(xml.setGenericErrorFunc)
        xml.setStructuredErrorFunc(Unmanaged.passUnretained(sink).toOpaque()) { context, error in
            guard let context, let message = error?.pointee.message else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
            if String(cString: message).contains("depth") { sink.tooDeep = true }
        }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xml.htmlReadMemory($0.baseAddress, Int32(clamping: $0.count), "page.html", "UTF-8", options)
            }
        }
        xml.setStructuredErrorFunc(nil, nil)
        guard let document else { throw .unreadable("无法解析 HTML", "the HTML parser gave up") }
        defer { xml.freeDoc(document) }
        if sink.tooDeep {
            throw .unreadable("HTML 元素嵌套过深，解析器无法读完整个网页", "elements are nested too deep for the parser to read the whole page")
        }
        guard let root = xml.docGetRootElement(document) else {
            throw .unreadable("HTML 中没有任何元素", "the page has no elements")
        }
        return try element(root, depth: 0, maximumDepth: maximumDepth)
    }

    private static func element(_ node: xmlNodePtr, depth: Int, maximumDepth: Int) throws(ReaderError) -> HTMLElement {
        guard depth <= maximumDepth else {
            throw .unreadable("HTML 元素嵌套超过 \(maximumDepth) 层", "elements nested deeper than \(maximumDepth)")
        }
        // Only the attributes the reader asks for are copied: Word's and LibreOffice's pages give
        // nearly every element face, size, lang or align, whose values were most of the copying.
        var attributes: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name.map(lowercased), HTMLVocabulary.readAttributes.contains(name) {
                attributes.append((name, current.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""))
            }
            attribute = current.pointee.next
        }
        var children: [HTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(try element(current, depth: depth + 1, maximumDepth: maximumDepth)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { children.append(.text(String(cString: content))) }
            default:
                break
            }
            child = current.pointee.next
        }
        let name = node.pointee.name.map(lowercased) ?? ""
        return HTMLElement(name: name, attributes: attributes, children: children, line: Int(node.pointee.line))
    }

    /// A name as the vocabulary spells it: HTML's names are ASCII, lower-cased as bytes without
    /// Unicode's case tables, straight into the string (a name is short enough to need no allocation).
    private static func lowercased(_ name: UnsafePointer<xmlChar>) -> String {
        let count = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        return String(unsafeUninitializedCapacity: count) { buffer in
            for i in 0..<count { buffer[i] = name[i].lowercasedASCII }
            return count
        }
    }
}

internal import CLibXML2
import Glibc
import NianbaoModel

/// Builds a page's tree from the events of libxml2's HTML parser, placing each node where libxml2's
/// own tree builder (SAX2.c) would have: libxml2 building its tree and freeing it again was a third
/// of the CPU of converting a 16 MB page and 90 of its 226 MB. Its placement rules kept here, since
/// the reader's view of a page rests on them:
/// - text joins the text just before it in the same element, unless a comment came between
///   (text and a script's or style's CDATA join only their own kind);
/// - text outside every element is dropped;
/// - the first element of the document is its root. An element opened after the root closed
///   becomes the root's last child, unless a doctype, comment or processing instruction is the
///   document's first node, in which case it stands beside the root and is not read;
/// - nesting is bounded as libxml2 bounds its tree, at 256 open elements.
struct HTMLTreeBuilder {
    private struct Open {
        let name: String
        let attributes: [(name: String, value: String)]
        let line: Int
        var children: [HTMLNode] = []
        var last = Last.nothing
        /// The bytes of the last child while it is text that may still grow.
        var text: [UInt8] = []
        /// Where the element goes when it closes, for one opened outside every element.
        var placement = Placement.inside
    }

    /// What an open element's last child is, as far as joining text goes.
    fileprivate enum Last: Equatable {
        case nothing, text, cdata, other
    }

    private enum Placement {
        case inside, root, rootChild, outside
    }

    /// What the document holds first, outside every element.
    fileprivate enum DocumentStart {
        case element, other
    }

    /// libxml2's bound on open elements in the tree it builds (xmlParserMaxDepth).
    static let parserDepthBound = 256

    let xml: NianbaoXML
    let maximumDepth: Int
    var context: xmlParserCtxtPtr?
    private(set) var root: HTMLElement?
    private(set) var tooDeep = false
    private(set) var deeperThanLimit = false
    private var open: [Open] = []
    fileprivate var documentStart: DocumentStart?

    init(xml: NianbaoXML, maximumDepth: Int) {
        self.xml = xml
        self.maximumDepth = maximumDepth
    }

    /// The callbacks; libxml2 is given no others, so it builds nothing itself.
    static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = 1  // the HTML parser's own events, not SAX2's namespaced ones
        handler.startElement = { context, name, attributes in builder(context).pointee.startElement(name, attributes) }
        handler.endElement = { context, _ in builder(context).pointee.endElement() }
        handler.characters = { context, bytes, count in builder(context).pointee.characters(bytes, Int(count), as: .text) }
        handler.cdataBlock = { context, bytes, count in builder(context).pointee.characters(bytes, Int(count), as: .cdata) }
        handler.comment = { context, _ in builder(context).pointee.otherNode() }
        handler.processingInstruction = { context, _, _ in builder(context).pointee.otherNode() }
        // A doctype, wherever it stands, is put first in libxml2's document.
        handler.internalSubset = { context, _, _, _ in builder(context).pointee.documentStart = .other }
        return handler
    }

    fileprivate mutating func startElement(_ name: UnsafePointer<xmlChar>?, _ values: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if open.count > HTMLTreeBuilder.parserDepthBound {
            tooDeep = true
            xml.stopParser(context)
            return
        }
        var placement = Placement.inside
        if open.isEmpty {
            switch documentStart {
            case nil:
                documentStart = .element
                placement = .root
            case .element: placement = .rootChild
            case .other: placement = root == nil ? .root : .outside
            }
        } else {
            HTMLTreeBuilder.closeText(&open[open.count - 1])
            open[open.count - 1].last = .other
        }
        // Depth in the tree read: an element that joins the root later stands one deeper.
        let top = open.first?.placement ?? placement
        if top != .outside, open.count + (top == .rootChild ? 1 : 0) > maximumDepth { deeperThanLimit = true }
        // Only the attributes the reader asks for are kept: Word's and LibreOffice's pages give
        // nearly every element face, size, lang or align, whose values were most of the copying.
        // A value left out (<td nowrap>) reads as "": none of the kept names is one libxml2 fills in.
        var attributes: [(name: String, value: String)] = []
        if var pair = values {
            while let attributeName = pair.pointee {
                let value = (pair + 1).pointee
                let lowered = HTMLTreeBuilder.lowercased(attributeName)
                if HTMLVocabulary.readAttributes.contains(lowered) {
                    attributes.append((lowered, value.map { String(cString: $0) } ?? ""))
                }
                pair += 2
            }
        }
        let line = Int(context?.pointee.input?.pointee.line ?? 0)
        open.append(Open(name: name.map(HTMLTreeBuilder.localName) ?? "", attributes: attributes, line: line, placement: placement))
    }

    fileprivate mutating func endElement() {
        guard var closing = open.popLast() else { return }
        HTMLTreeBuilder.closeText(&closing)
        let element = HTMLElement(name: closing.name, attributes: closing.attributes, children: closing.children, line: closing.line)
        if !open.isEmpty {
            open[open.count - 1].children.append(.element(element))
            return
        }
        switch closing.placement {
        case .root: root = element
        case .rootChild: root?.children.append(.element(element))
        case .inside, .outside: break
        }
    }

    fileprivate mutating func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int, as kind: Last) {
        guard let bytes, !open.isEmpty else { return }
        if open[open.count - 1].last != kind {
            HTMLTreeBuilder.closeText(&open[open.count - 1])
            open[open.count - 1].last = kind
        }
        open[open.count - 1].text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    /// Closes what the parser left open: when it stops at an error it closes nothing, and libxml2's
    /// tree held those elements as they were.
    mutating func finish() {
        while !open.isEmpty { endElement() }
    }

    /// A comment or processing instruction: read as nothing, but it parts the text around it.
    fileprivate mutating func otherNode() {
        guard !open.isEmpty else {
            if documentStart == nil { documentStart = .other }
            return
        }
        HTMLTreeBuilder.closeText(&open[open.count - 1])
        open[open.count - 1].last = .other
    }

    /// Ends the element's text child, if its last child is one.
    private static func closeText(_ element: inout Open) {
        guard element.last == .text || element.last == .cdata else { return }
        // libxml2's text ended at a NUL byte, as a C string does.
        let end = element.text.firstIndex(of: 0) ?? element.text.count
        element.children.append(.text(String(decoding: element.text[..<end], as: UTF8.self)))
        element.text.removeAll(keepingCapacity: true)
        element.last = .nothing
    }

    /// An element's name without its prefix, as libxml2 names its element (xmlSplitQName): Word's
    /// <o:p> is a p. A name that begins or ends with the colon keeps it.
    private static func localName(_ name: UnsafePointer<xmlChar>) -> String {
        let whole = lowercased(name)
        var bytes = whole.utf8[...]
        guard bytes.first != UInt8(ascii: ":"), let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
              bytes.index(after: colon) != bytes.endIndex else { return whole }
        bytes = bytes[bytes.index(after: colon)...]
        return String(Substring(bytes))
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

/// The builder a callback's context points to (C function pointers capture nothing).
private func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLTreeBuilder> {
    context!.assumingMemoryBound(to: HTMLTreeBuilder.self)
}

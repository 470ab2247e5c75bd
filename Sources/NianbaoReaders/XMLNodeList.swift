internal import CLibXML2
import Glibc

/// An XML part as the flat list of its nodes in document order, made by one pass of libxml2's
/// SAX2 parser, set up for untrusted input: no DTD, no entity substitution, no network. No tree is
/// built (libxml2's reader interface built and freed one node per node, and took twice as long).
/// The only place that touches libxml2's parser pointers.
struct XMLNodeList {
    enum NodeType: UInt8 {
        case element, text, cdata, endElement
    }

    /// An element start (its end comes as an `endElement` node unless it was written `<a/>`), an
    /// element end, or a run of character data. Offsets are 32-bit, as libxml2's are: the node
    /// list of a large part is half the size.
    struct Node {
        var type: NodeType
        var isEmpty = false
        var depth: Int32
        /// Indexes into `names`; -1 for character data.
        var name: Int32 = -1, namespace: Int32 = -1
        /// Character data: its bytes in `text`; an element: its attributes in `attributes`.
        var start: Int32, count: Int32
        /// An element: the index of the node after its subtree.
        var after: Int32 = 0
    }

    struct Attribute {
        var name: Int32, namespace: Int32
        var isPrefixed: Bool
        var start: Int32, count: Int32
    }

    private(set) var nodes: [Node] = []
    private(set) var attributes: [Attribute] = []
    /// Character data and attribute values, one after another.
    private(set) var text: [UInt8] = []
    /// Element, attribute and namespace names; a prefix whose namespace was never declared stays
    /// part of the name, as libxml2's tree kept it.
    private(set) var names: [String] = []

    /// The nesting libxml2 bounded when it built a tree; its push parser without one bounds none,
    /// so the bound is kept here, whatever `XMLLimits` allows.
    private static let parserDepthBound = 256

    private init() {}

    /// Parses `bytes`, the part named `part`, keeping only the attributes of these local names
    /// (all when nil): a Word part carries a dozen revision ids per paragraph that no reader asks for.
    init(parsing bytes: [UInt8], part: String, limits: XMLLimits, attributes kept: Set<String>?) throws(ReaderError) {
        let xml = try XMLLibrary.functions()
        nianbao_silence_generic_errors(xml.setGenericErrorFunc)
        let recorder = UnsafeMutablePointer<Recorder>.allocate(capacity: 1)
        recorder.initialize(to: Recorder(xml: xml, limits: limits, keptAttributes: kept))
        defer { recorder.deinitialize(count: 1); recorder.deallocate() }
        guard bytes.count < Int32.max else { throw .unreadable("\(part) 超过 2 GB，无法解析", "larger than the XML parser reads") }
        // Sizes seen in Word's and LibreOffice's parts, so that the lists seldom grow.
        recorder.pointee.list.text.reserveCapacity(bytes.count / 4)
        recorder.pointee.list.nodes.reserveCapacity(bytes.count / 16)
        recorder.pointee.list.attributes.reserveCapacity(bytes.count / 24)
        var handler = XMLNodeList.handler()
        // Encoding and I/O errors bypass the parser's handler and would be printed; libxml2 keeps
        // this one per thread, and a part is parsed on one thread.
        xml.setStructuredErrorFunc(recorder, saxError)
        defer { xml.setStructuredErrorFunc(nil, nil) }
        let wellFormed: Int32? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> Int32? in
                // The first bytes go in with the context, as the reader interface did, for libxml2
                // to tell the encoding from them.
                let head = min(4, chars.count)
                guard let context = xml.createPushParserCtxt(&handler, recorder, chars.baseAddress, Int32(head), part) else { return nil }
                defer { xml.freeParserCtxt(context) }
                recorder.pointee.context = context
                _ = xml.ctxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
                let rest = chars.count - head
                _ = xml.parseChunk(context, rest > 0 ? chars.baseAddress! + head : nil, Int32(rest), 1)
                recorder.pointee.context = nil
                // Even with no tree asked for, libxml2 keeps a general entity's declaration in a
                // document of its own ("SAX compatibility mode"), which is the caller's to free.
                if let document = context.pointee.myDoc {
                    xml.freeDoc(document)
                    context.pointee.myDoc = nil
                }
                // Not the status: a namespace error sets it and leaves the part well-formed.
                return context.pointee.wellFormed
            }
        }
        guard let wellFormed else { throw .unreadable("\(part) 无法解析", "cannot start the XML parser") }
        let message = recorder.pointee.message
        switch recorder.pointee.stop {
        case .dtd: throw .unreadable("\(part) 含有 DTD 声明，出于安全原因拒绝读取", "DTDs are not accepted")
        case .entity: throw .unreadable("\(part) 含有展开后过大的实体声明，出于安全原因拒绝读取",
                                        "an entity declaration expands past \(Recorder.entitySizeBound) bytes")
        case .tooDeep: throw .unreadable("\(part) 嵌套过深", "nesting deeper than the XML parser accepts")
        case .deeperThanLimit: throw .unreadable("\(part) 嵌套超过 \(limits.depth) 层", "nesting deeper than \(limits.depth)")
        case nil: break
        }
        if wellFormed == 0 {
            if let message, message.contains("entity") {
                throw .unreadable("\(part) 含有实体声明，出于安全原因拒绝读取", "entity declarations are not accepted: \(message)")
            }
            throw .unreadable("\(part) 不是格式正确的 XML", "malformed XML: \(message ?? "parse error")")
        }
        self = recorder.pointee.list
    }

    /// The character data or attribute value at `start`.
    func string(_ start: Int32, _ count: Int32) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(start + count)]), as: UTF8.self) }
    }

    /// The name at `index`, "" for none.
    func name(_ index: Int32) -> String { index < 0 ? "" : names[Int(index)] }

    /// The callbacks; everything else (entities, DTD declarations, comments) stays unset, so that
    /// no tree is built and nothing is resolved.
    private static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = 0xDEED_BEAF  // XML_SAX2_MAGIC: namespaces and structured errors
        handler.startElementNs = { context, localName, prefix, uri, _, _, attributeCount, _, attributes in
            recorder(context).pointee.startElement(localName, prefix, uri, Int(attributeCount), attributes)
        }
        handler.endElementNs = { context, _, _, _ in recorder(context).pointee.endElement() }
        // The same function for both, so that libxml2 never decides which white space to drop.
        handler.characters = saxCharacters
        handler.ignorableWhitespace = saxCharacters
        handler.cdataBlock = { context, bytes, count in recorder(context).pointee.characters(bytes, Int(count), type: .cdata) }
        // A DTD is refused at the first element, after its declarations: one whose entities would
        // expand past a bound (an expansion bomb) is refused as that. Nothing is ever expanded.
        handler.internalSubset = { context, _, _, _ in recorder(context).pointee.stop = .dtd }
        handler.entityDecl = { context, name, _, _, _, content in
            recorder(context).pointee.declareEntity(name, content)
        }
        handler.serror = saxError
        return handler
    }

    /// What stopped the parse before libxml2 found anything wrong.
    fileprivate enum Stop {
        case dtd, entity, tooDeep, deeperThanLimit
    }

    /// The list being made, and the parse's state, reached from libxml2's callbacks through a pointer.
    fileprivate struct Recorder {
        let xml: NianbaoXML
        var list = XMLNodeList()
        let limits: XMLLimits
        var context: xmlParserCtxtPtr?
        var stop: Stop?
        var message: String?
        /// Open elements, by node index.
        var open: [Int] = []
        /// Name indexes by libxml2's dictionary pointer: names are interned for the parse, so a
        /// name is made into a String once. One of 1024 slots chosen by the pointer finds one
        /// without hashing; a name that lost its slot is added again (with 256, a part's hundred
        /// names kept taking each other's).
        var nameSlots = [(pointer: UnsafePointer<xmlChar>?, index: Int32)](repeating: (nil, -1), count: 1024)
        let keptAttributes: Set<String>?
        /// By name index: whether an attribute of that name is kept.
        var keeps: [Bool] = []
        /// Bytes each declared entity would expand to; past the bound, the part is refused.
        var entitySizes: [String: Int] = [:]
        static let entitySizeBound = 1 << 20

        init(xml: NianbaoXML, limits: XMLLimits, keptAttributes: Set<String>?) {
            self.xml = xml
            self.limits = limits
            self.keptAttributes = keptAttributes
        }

        mutating func halt(_ reason: Stop) {
            if stop == nil || stop == .dtd { stop = reason }
            xml.stopParser(context)
        }

        mutating func declareEntity(_ name: UnsafePointer<xmlChar>?, _ content: UnsafePointer<xmlChar>?) {
            guard let name, let content else { return }
            // The text's own bytes, each `&name;` counted as what it expands to.
            let text = Array(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
            var size = 0, index = 0
            while index < text.count {
                if text[index] == UInt8(ascii: "&"), let end = text[index...].firstIndex(of: UInt8(ascii: ";")) {
                    let reference = String(decoding: text[(index + 1)..<end], as: UTF8.self)
                    size += reference.hasPrefix("#") ? 4 : entitySizes[reference] ?? 0
                    index = end + 1
                } else {
                    size += 1
                    index += 1
                }
                if size > Recorder.entitySizeBound { return halt(.entity) }
            }
            entitySizes[String(cString: name)] = size
        }

        mutating func startElement(_ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                                   _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                                   _ values: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            if stop == .dtd { return halt(.dtd) }
            let depth = open.count
            if depth > XMLNodeList.parserDepthBound { return halt(.tooDeep) }
            if depth > limits.depth { return halt(.deeperThanLimit) }
            let first = Int32(list.attributes.count)
            // Five pointers an attribute: local name, prefix, namespace, value, value end.
            for index in stride(from: 0, to: 5 * attributeCount, by: 5) {
                guard let values, let value = values[index + 3], let end = values[index + 4] else { continue }
                let attributePrefix = values[index + 1], attributeURI = values[index + 2]
                let name = intern(values[index], prefix: attributeURI == nil ? attributePrefix : nil)
                guard keeps[Int(name)] else { continue }
                let start = Int32(list.text.count)
                list.text.append(contentsOf: UnsafeBufferPointer(start: value, count: end - value))
                list.attributes.append(Attribute(name: name, namespace: intern(attributeURI, prefix: nil),
                                                 isPrefixed: attributePrefix != nil,
                                                 start: start, count: Int32(list.text.count) - start))
            }
            // libxml2 tells `<a/>` from `<a></a>` only by where it stands: still on the "/>".
            var isEmpty = false
            if let cursor = context?.pointee.input?.pointee.cur {
                isEmpty = cursor[0] == UInt8(ascii: "/") && cursor[1] == UInt8(ascii: ">")
            }
            open.append(list.nodes.count)
            list.nodes.append(Node(type: .element, isEmpty: isEmpty, depth: Int32(depth),
                                   name: intern(localName, prefix: uri == nil ? prefix : nil),
                                   namespace: intern(uri, prefix: nil), start: first, count: Int32(list.attributes.count) - first))
        }

        mutating func endElement() {
            guard let start = open.popLast() else { return }
            let element = list.nodes[start]
            if !element.isEmpty {
                list.nodes.append(Node(type: .endElement, depth: Int32(open.count), name: element.name,
                                       namespace: element.namespace, start: 0, count: 0))
            }
            list.nodes[start].after = Int32(list.nodes.count)
        }

        mutating func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int, type: NodeType) {
            guard let bytes, count > 0 else { return }
            let depth = open.count
            if depth > limits.depth { return halt(.deeperThanLimit) }
            // The parser hands over text in pieces (around entities, at buffer ends); the reader
            // interface gave one node for them.
            if type == .text, let last = list.nodes.last, last.type == .text, Int(last.start + last.count) == list.text.count {
                list.nodes[list.nodes.count - 1].count += Int32(count)
            } else {
                list.nodes.append(Node(type: type, depth: Int32(depth), start: Int32(list.text.count), count: Int32(count)))
            }
            list.text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }

        mutating func intern(_ pointer: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?) -> Int32 {
            guard var pointer else { return -1 }
            if let prefix, let qualified = xml.dictQLookup(context?.pointee.dict, prefix, pointer) { pointer = qualified }
            // The top bits of a multiplicative hash: dictionary names lie packed, a few bytes apart.
            let slot = Int(truncatingIfNeeded: (UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15) >> 54)
            if nameSlots[slot].pointer == pointer { return nameSlots[slot].index }
            let name = String(cString: pointer)
            list.names.append(name)
            keeps.append(keptAttributes?.contains(name) ?? true)
            nameSlots[slot] = (pointer, Int32(list.names.count - 1))
            return Int32(list.names.count - 1)
        }
    }
}

/// The recorder a callback's context points to (C function pointers capture nothing).
private func recorder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLNodeList.Recorder> {
    context!.assumingMemoryBound(to: XMLNodeList.Recorder.self)
}

private let saxCharacters: charactersSAXFunc = { context, bytes, count in
    recorder(context).pointee.characters(bytes, Int(count), type: XMLNodeList.NodeType.text)
}

/// Keeps libxml2's first error message instead of letting it print.
private let saxError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error, let text = error.pointee.message else { return }
    let recorder = recorder(context)
    if recorder.pointee.message == nil {
        recorder.pointee.message = String(cString: text).trimmingBlanks() + " (line \(error.pointee.line))"
    }
}

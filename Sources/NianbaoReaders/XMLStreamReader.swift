import CLibXML2

/// Bounds on an XML part.
public struct XMLLimits: Sendable {
    /// Deepest element nesting accepted.
    public var depth: Int = 256

    public init() {}
}

/// A forward-only XML reader over libxml2's xmlTextReader, set up for untrusted input: no DTD,
/// no entity substitution, no network. The only place that touches libxml2's reader pointers.
final class XMLStreamReader {
    enum NodeType: Int32 {
        case element = 1, text = 3, cdata = 4, entityReference = 5, documentType = 10,
             whitespace = 13, significantWhitespace = 14, endElement = 15, other = -1
    }

    /// Collects libxml2's error messages instead of letting it print them.
    private final class ErrorSink {
        var message: String?
    }

    private static let initialised: Void = xmlInitParser()

    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let sink = ErrorSink()
    private let part: String
    private let limits: XMLLimits
    /// Element and namespace names by their pointer: libxml2 interns names in its dictionary for as
    /// long as the reader lives, so a name is made into a String once, not once per node. A part has
    /// a few dozen names: one of 256 slots chosen by the pointer finds one without the hashing a
    /// dictionary lookup did twice for every node. A name that lost its slot is made again.
    private var names = [(pointer: UnsafePointer<xmlChar>?, name: String)](repeating: (nil, ""), count: 256)

    init(bytes: [UInt8], part: String, limits: XMLLimits = XMLLimits()) throws(ReaderError) {
        _ = XMLStreamReader.initialised
        nianbao_silence_generic_errors()
        self.part = part
        self.limits = limits
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(1, bytes.count))
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: base, byteCount: source.count) }
        }
        self.buffer = buffer
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let reader = xmlReaderForMemory(buffer.baseAddress, Int32(bytes.count), part, nil, options) else {
            buffer.deallocate()
            throw .unreadable("\(part) 无法解析", "cannot start the XML parser")
        }
        self.reader = reader
        let context = Unmanaged.passUnretained(sink).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, XMLStreamReader.collect, context)
        // Encoding and I/O errors bypass the reader's handler and would be printed; libxml2 keeps
        // this one per thread, and a reader is used on one thread.
        xmlSetStructuredErrorFunc(context, XMLStreamReader.collect)
    }

    deinit {
        xmlSetStructuredErrorFunc(nil, nil)
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    private static let collect: xmlStructuredErrorFunc = { context, error in
        guard let context, let error, let text = error.pointee.message else { return }
        let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
        if sink.message == nil {
            sink.message = String(cString: text).trimmingBlanks() + " (line \(error.pointee.line))"
        }
    }

    /// The result of the move `skipSubtree` made to the node after a subtree, for the next `read`
    /// to stand on instead of moving.
    private var skipped: Int32?

    /// Moves to the next node; false at the end of the document.
    func read() throws(ReaderError) -> Bool {
        let result = skipped ?? xmlTextReaderRead(reader)
        skipped = nil
        if result < 0 { throw failure() }
        guard result == 1 else { return false }
        if nodeType == .documentType {
            throw .unreadable("\(part) 含有 DTD 声明，出于安全原因拒绝读取", "DTDs are not accepted")
        }
        if nodeType == .entityReference {
            throw .unreadable("\(part) 含有实体引用，出于安全原因拒绝读取", "entity references are not accepted")
        }
        if depth > limits.depth {
            throw .unreadable("\(part) 嵌套超过 \(limits.depth) 层", "nesting deeper than \(limits.depth)")
        }
        return true
    }

    /// Skips the children of the current element: the next `read` gives the node after it. libxml2
    /// walks the subtree itself; walked here node by node, styles' run properties cost a tenth of
    /// reading a document.
    func skipSubtree() throws(ReaderError) {
        guard nodeType == .element, !isEmptyElement else { return }
        skipped = xmlTextReaderNext(reader)
    }

    var nodeType: NodeType { NodeType(rawValue: xmlTextReaderNodeType(reader)) ?? .other }
    var depth: Int { Int(xmlTextReaderDepth(reader)) }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    var localName: String { interned(xmlTextReaderConstLocalName(reader)) }
    var namespaceURI: String { interned(xmlTextReaderConstNamespaceUri(reader)) }

    private func interned(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        // The top bits of a multiplicative hash: dictionary names lie packed, a few bytes apart.
        let slot = Int(truncatingIfNeeded: (UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        if names[slot].pointer == pointer { return names[slot].name }
        let name = String(cString: pointer)
        names[slot] = (pointer, name)
        return name
    }
    var value: String { xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "" }

    /// The value of an attribute without a namespace.
    func attribute(_ name: String) -> String? {
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return xmlTextReaderConstValue(reader).map { String(cString: $0) }
    }

    /// The value of an attribute of the current element.
    func attribute(_ localName: String, namespace: String) -> String? {
        guard xmlTextReaderMoveToAttributeNs(reader, localName, namespace) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return xmlTextReaderConstValue(reader).map { String(cString: $0) }
    }

    private func failure() -> ReaderError {
        if sink.message?.contains("Excessive depth") == true {
            // libxml2's own bound on nesting, the same as ours by default.
            return .unreadable("\(part) 嵌套过深", "nesting deeper than the XML parser accepts")
        }
        if sink.message?.contains("entity") == true {
            return .unreadable("\(part) 含有实体声明，出于安全原因拒绝读取", "entity declarations are not accepted: \(sink.message!)")
        }
        return .unreadable("\(part) 不是格式正确的 XML", "malformed XML: \(sink.message ?? "parse error")")
    }
}

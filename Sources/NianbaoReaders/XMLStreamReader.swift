/// Bounds on an XML part.
public struct XMLLimits: Sendable {
    /// Deepest element nesting accepted.
    public var depth: Int = 256

    public init() {}
}

/// A forward-only reader over an XML part's nodes, as libxml2's xmlTextReader offered them: the
/// readers walk with it and skip what they do not need.
final class XMLStreamReader {
    typealias NodeType = XMLNodeList.NodeType

    private let list: XMLNodeList
    /// The node `read` stands on, and the one it moves to next.
    private var current = -1
    private var next = 0

    /// A reader of `bytes` (parsed whole here: a part that is not well-formed fails now, not during
    /// the walk) that keeps only the attributes named in `attributes` (all when nil).
    init(bytes: [UInt8], part: String, limits: XMLLimits = XMLLimits(), attributes: Set<String>? = nil) throws(ReaderError) {
        list = try XMLNodeList(parsing: bytes, part: part, limits: limits, attributes: attributes)
    }

    /// Moves to the next node; false at the end of the document.
    func read() -> Bool {
        guard next < list.nodes.count else { return false }
        current = next
        next += 1
        return true
    }

    /// Skips the children of the current element: the next `read` gives the node after it.
    func skipSubtree() {
        guard nodeType == .element, !isEmptyElement else { return }
        next = Int(list.nodes[current].after)
    }

    var nodeType: NodeType { list.nodes[current].type }
    var depth: Int { Int(list.nodes[current].depth) }
    var isEmptyElement: Bool { list.nodes[current].isEmpty }
    var localName: String { list.name(list.nodes[current].name) }
    var namespaceURI: String { list.name(list.nodes[current].namespace) }
    /// The current node's local name and namespace as numbers, the same for the same name
    /// throughout the part.
    var localNameID: Int32 { list.nodes[current].name }
    var namespaceID: Int32 { list.nodes[current].namespace }

    /// The name a number stands for.
    func name(id: Int32) -> String { list.name(id) }

    /// The character data of the current node.
    var value: String { list.string(list.nodes[current].start, list.nodes[current].count) }

    /// The value of an attribute without a namespace.
    func attribute(_ name: String) -> String? {
        attribute { !$0.isPrefixed && list.name($0.name) == name }
    }

    /// The value of an attribute of the current element.
    func attribute(_ localName: String, namespace: String) -> String? {
        attribute { $0.namespace >= 0 && list.name($0.name) == localName && list.names[Int($0.namespace)] == namespace }
    }

    private func attribute(where matches: (XMLNodeList.Attribute) -> Bool) -> String? {
        let node = list.nodes[current]
        guard node.type == .element else { return nil }
        for attribute in list.attributes[Int(node.start)..<Int(node.start + node.count)] where matches(attribute) {
            return list.string(attribute.start, attribute.count)
        }
        return nil
    }
}

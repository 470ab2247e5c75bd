/// Namespaces of Office Open XML that the DOCX reader looks at.
enum OOXML {
    /// The namespaces of the elements the reader acts on, for an XMLNameTable.
    enum Namespace: String {
        case word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        /// ISO 29500 strict documents use other names for the same vocabulary.
        case wordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
        case markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
        case drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
        case drawingStrict = "http://purl.oclc.org/ooxml/drawingml/main"
        case vml = "urn:schemas-microsoft-com:vml"

        var isWord: Bool { self == .word || self == .wordStrict }
        var isDrawing: Bool { self == .drawing || self == .drawingStrict }
    }

    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTerms = "http://purl.org/dc/terms/"
}

extension XMLStreamReader {
    /// A w: attribute (`w:val`), in either WordprocessingML namespace.
    func wordAttribute(_ name: String) -> String? {
        attribute(name, namespace: OOXML.Namespace.word.rawValue) ?? attribute(name, namespace: OOXML.Namespace.wordStrict.rawValue)
    }

    /// An r: attribute (`r:embed`, `r:id`), in either relationships namespace.
    func relationshipAttribute(_ name: String) -> String? {
        attribute(name, namespace: OOXML.relationships) ?? attribute(name, namespace: OOXML.relationshipsStrict)
    }
}

/// A part's element names as cases of `Element` and its namespaces as OOXML's, each matched once.
struct OOXMLNames<Element: RawRepresentable> where Element.RawValue == String {
    private var elements = XMLNameTable<Element>()
    private var namespaces = XMLNameTable<OOXML.Namespace>()

    /// The current node's local name, in whichever namespace.
    mutating func element(_ reader: XMLStreamReader) -> Element? { reader.localName(in: &elements) }

    mutating func namespace(_ reader: XMLStreamReader) -> OOXML.Namespace? { reader.namespace(in: &namespaces) }

    /// The current node's name when it is a w: one (in either WordprocessingML namespace).
    mutating func word(_ reader: XMLStreamReader) -> Element? {
        namespace(reader)?.isWord == true ? element(reader) : nil
    }
}

/// Namespaces of Office Open XML that the DOCX reader looks at.
enum OOXML {
    static let wordprocessing = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// ISO 29500 strict documents use other names for the same vocabulary.
    static let wordprocessingStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let drawingStrict = "http://purl.oclc.org/ooxml/drawingml/main"
    static let wordDrawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let vml = "urn:schemas-microsoft-com:vml"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTerms = "http://purl.org/dc/terms/"

    static func isWord(_ namespace: String) -> Bool { namespace == wordprocessing || namespace == wordprocessingStrict }
    static func isDrawing(_ namespace: String) -> Bool { namespace == drawing || namespace == drawingStrict }
}

extension XMLStreamReader {
    /// A w: attribute (`w:val`), in either WordprocessingML namespace.
    func wordAttribute(_ name: String) -> String? {
        attribute(name, namespace: OOXML.wordprocessing) ?? attribute(name, namespace: OOXML.wordprocessingStrict)
    }

    /// An r: attribute (`r:embed`, `r:id`), in either relationships namespace.
    func relationshipAttribute(_ name: String) -> String? {
        attribute(name, namespace: OOXML.relationships) ?? attribute(name, namespace: OOXML.relationshipsStrict)
    }

    /// Whether the current node is the start of the w: element `name`.
    func isWordElement(_ name: String) -> Bool {
        nodeType == .element && localName == name && OOXML.isWord(namespaceURI)
    }
}

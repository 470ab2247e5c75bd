import NianbaoModel

/// Reads a .docx (Word or WPS): libzip opens the package, libxml2's SAX2 parser reads the
/// main document once, and the result is the same Document the other readers produce.
public struct DocxReader: Sendable {
    public var zipLimits: ZipLimits
    public var xmlLimits: XMLLimits

    public init(zipLimits: ZipLimits = ZipLimits(), xmlLimits: XMLLimits = XMLLimits()) {
        self.zipLimits = zipLimits
        self.xmlLimits = xmlLimits
    }

    public func read(_ bytes: [UInt8]) throws(ReaderError) -> Document {
        guard !bytes.isEmpty else { throw .empty }
        // The package is read where the input lies, not from a copy: images are most of a DOCX's bytes.
        // (The standard library's withUnsafeBytes rethrows untyped errors, so the outcome comes out as a Result.)
        let outcome = bytes.withUnsafeBytes { bytes in
            Result { () throws(ReaderError) in try read(package: DocxPackage(ZipArchive(bytes: bytes, limits: zipLimits))) }
        }
        return try outcome.get()
    }

    /// Reads the package in an open file where it lies: only the parts the reader needs are read,
    /// so a package's images are neither copied nor held. The descriptor stays the caller's.
    public func read(descriptor: Int32) throws(ReaderError) -> Document {
        try read(package: DocxPackage(ZipArchive(descriptor: descriptor, limits: zipLimits)))
    }

    private func read(package: DocxPackage) throws(ReaderError) -> Document {
        guard let main = try package.read(package.mainPart) else {
            throw .unreadable("zip 包中缺少主文档 \(package.mainPart)", "the main document part is missing")
        }
        let styles = try package.relatedPart("/styles").flatMap { part throws(ReaderError) in
            try package.read(part).map { bytes throws(ReaderError) in try DocxStyles(bytes: bytes, part: part) }
        } ?? DocxStyles()
        let numbering = try package.relatedPart("/numbering").flatMap { part throws(ReaderError) in
            try package.read(part).map { bytes throws(ReaderError) in try DocxNumbering(bytes: bytes, part: part) }
        } ?? DocxNumbering()
        var walker = DocxBodyWalker(
            reader: try XMLStreamReader(bytes: main, part: package.mainPart, limits: xmlLimits, attributes: DocxBodyWalker.attributes),
            part: package.mainPart, styles: styles, numbering: numbering, relationships: package.relationships)
        let blocks = walker.walk()
        return Document(format: .docx, encoding: "UTF-8", layout: "docx", blocks: blocks,
                        diagnostics: walker.diagnostics, properties: try coreProperties(package))
    }

    /// docProps/core.xml: title and dates, found through the package relationship.
    private func coreProperties(_ package: DocxPackage) throws(ReaderError) -> DocumentProperties? {
        guard let part = package.packagePart("/core-properties"), let bytes = try package.read(part) else { return nil }
        let reader = try XMLStreamReader(bytes: bytes, part: part, limits: xmlLimits)
        var properties = DocumentProperties()
        var field: WritableKeyPath<DocumentProperties, String?>?
        while reader.read() {
            switch reader.nodeType {
            case .element:
                switch (reader.namespaceURI, reader.localName) {
                case (OOXML.dublinCore, "title"): field = \.title
                case (OOXML.dublinCoreTerms, "created"): field = \.created
                case (OOXML.dublinCoreTerms, "modified"): field = \.modified
                default: field = nil
                }
            case .text:
                if let field {
                    let text = reader.value.trimmingBlanks()
                    if !text.isEmpty { properties[keyPath: field] = text }
                }
            case .endElement: field = nil
            default: break
            }
        }
        return properties == DocumentProperties() ? nil : properties
    }
}

import NianbaoModel

/// The parts of a DOCX package the reader needs, found through the package's relationships.
struct DocxPackage {
    /// One relationship of a part: its type, and its target resolved to a part name.
    struct Relationship {
        var type: String
        var target: String
        var external: Bool
    }

    let archive: ZipArchive
    /// Part name of the main document (usually word/document.xml).
    let mainPart: String
    /// The main document's relationships by id.
    let relationships: [String: Relationship]
    /// The package's own relationships (main document, core properties).
    private let packageRelationships: [String: Relationship]

    /// The package an opened archive holds.
    init(_ archive: ZipArchive) throws(ReaderError) {
        self.archive = archive
        packageRelationships = try DocxPackage.relationships(of: "", in: archive)
        let document = packageRelationships.values.first { $0.type.hasSuffix("/officeDocument") && !$0.external }
        guard let document else {
            if try archive.read("word/document.xml") != nil {
                throw .unreadable("zip 包缺少 _rels/.rels 中的主文档关系", "no officeDocument relationship")
            }
            if archive.contains("xl/workbook.xml") {
                throw .unreadable("这是 Excel 工作簿（xlsx），不是 Word 文档", "an Excel workbook, not a Word document")
            }
            if archive.contains("ppt/presentation.xml") {
                throw .unreadable("这是 PowerPoint 演示文稿（pptx），不是 Word 文档", "a PowerPoint presentation, not a Word document")
            }
            throw .unreadable("zip 包中没有 Word 主文档，不是 DOCX", "no word/document.xml: not a Word document")
        }
        mainPart = document.target
        relationships = try DocxPackage.relationships(of: document.target, in: archive)
    }

    /// The bytes of a part, nil when the package lacks it.
    func read(_ part: String) throws(ReaderError) -> [UInt8]? { try archive.read(part) }

    /// The part the main document relates to with a type ending in `typeSuffix` (e.g. "/styles").
    func relatedPart(_ typeSuffix: String) -> String? {
        relationships.values.first { $0.type.hasSuffix(typeSuffix) && !$0.external }?.target
    }

    /// The package-level part of a type (e.g. core properties).
    func packagePart(_ typeSuffix: String) -> String? {
        packageRelationships.values
            .first { $0.type.hasSuffix(typeSuffix) && !$0.external }?.target
    }

    /// Reads `dir/_rels/name.rels` of a part ("" for the package) and resolves its targets.
    private static func relationships(of part: String, in archive: ZipArchive) throws(ReaderError) -> [String: Relationship] {
        let (directory, name) = split(part)
        let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
        guard let bytes = try archive.read(relsPart) else { return [:] }
        let reader = try XMLStreamReader(bytes: bytes, part: relsPart)
        var found: [String: Relationship] = [:]
        while reader.read() {
            guard reader.nodeType == .element, reader.localName == "Relationship",
                  let id = reader.attribute("Id"), let type = reader.attribute("Type"),
                  let target = reader.attribute("Target") else { continue }
            let external = reader.attribute("TargetMode") == "External"
            found[id] = Relationship(type: type, target: external ? target : resolve(target, from: directory),
                                     external: external)
        }
        return found
    }

    private static func split(_ part: String) -> (directory: String, name: String) {
        guard let slash = part.lastIndex(of: "/") else { return ("", part) }
        return (String(part[..<slash]), String(part[part.index(after: slash)...]))
    }

    /// A relationship target as a part name: absolute ("/word/x.xml") or relative to the source's folder.
    static func resolve(_ target: String, from directory: String) -> String {
        var components = target.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(piece))
            }
        }
        return components.joined(separator: "/")
    }
}

/// Where a piece of input came from: a line of a text extract, or a part and index inside a package;
/// in a PDF also the page (its `line` is then of the text laid out from the PDF).
public struct SourceLocation: Sendable, Hashable, Codable {
    public var line: Int?
    public var part: String?
    public var index: Int?
    public var page: Int?

    public init(line: Int? = nil, part: String? = nil, index: Int? = nil, page: Int? = nil) {
        self.line = line
        self.part = part
        self.index = index
        self.page = page
    }
}

/// The input formats nianbao reads.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case text, docx, html, pdf
}

/// A format-neutral document: what every reader produces and every later stage consumes.
public struct Document: Sendable, Equatable, Codable {
    public var format: InputFormat
    /// Name of the character encoding the bytes were decoded from (e.g. "UTF-8", "GB18030").
    public var encoding: String
    /// The dominant table layout the reader saw (e.g. "tab", "pipe", "cell-per-line"), if any.
    public var layout: String?
    public var blocks: [Block]
    /// What the reader noticed (e.g. bytes it had to replace).
    public var diagnostics: [Diagnostic]
    /// Properties the file states about itself (a DOCX's core properties), as hints.
    public var properties: DocumentProperties?

    public init(format: InputFormat, encoding: String, layout: String? = nil, blocks: [Block],
                diagnostics: [Diagnostic] = [], properties: DocumentProperties? = nil) {
        self.format = format
        self.encoding = encoding
        self.layout = layout
        self.blocks = blocks
        self.diagnostics = diagnostics
        self.properties = properties
    }
}

/// What a file says about itself, apart from its content: title and dates as its producer set them.
public struct DocumentProperties: Sendable, Equatable, Codable {
    public var title: String?
    public var created: String?
    public var modified: String?

    public init(title: String? = nil, created: String? = nil, modified: String? = nil) {
        self.title = title
        self.created = created
        self.modified = modified
    }
}

/// One block of a document, in reading order.
public enum Block: Sendable, Equatable, Codable {
    case heading(Heading)
    case paragraph(Paragraph)
    case table(SourceTable)
    case image(ImagePlaceholder)
    case placeholder(Placeholder)

    /// Where the block starts in the source.
    public var location: SourceLocation {
        switch self {
        case .heading(let h): h.location
        case .paragraph(let p): p.location
        case .table(let t): t.location
        case .image(let i): i.location
        case .placeholder(let p): p.location
        }
    }
}

/// A heading marked as such by the source (markdown `#`, a heading style); `level` 1 is the top.
public struct Heading: Sendable, Equatable, Codable {
    public var text: String
    public var level: Int
    public var location: SourceLocation

    public init(text: String, level: Int, location: SourceLocation) {
        self.text = text
        self.level = level
        self.location = location
    }
}

/// A paragraph of running text (one line of a text extract).
public struct Paragraph: Sendable, Equatable, Codable {
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// An image that stood in the flow of the document (often a table pasted as a picture).
public struct ImagePlaceholder: Sendable, Equatable, Codable {
    public var name: String
    public var location: SourceLocation

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

/// A mark a converter left where it dropped content (pandoc's `[TABLE]`): something stood here.
public struct Placeholder: Sendable, Equatable, Codable {
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// A table as it arrived: rows of cells, possibly ragged, shifted, or with explicit spans.
public struct SourceTable: Sendable, Equatable, Codable {
    public var rows: [SourceRow]
    public var location: SourceLocation
    /// How the rows hold the table; see `TableForm`.
    public var form: TableForm
    /// Whether the source ended inside the table (a cut-off page): its last rows may be missing or cut.
    public var reachesEnd: Bool

    public init(rows: [SourceRow], location: SourceLocation, form: TableForm = .cells, reachesEnd: Bool = false) {
        self.rows = rows
        self.location = location
        self.form = form
        self.reachesEnd = reachesEnd
    }
}

/// What a source table's rows are: cells the source separated, or text whose cells are still to be found.
public enum TableForm: String, Sendable, Equatable, Codable {
    /// Rows of cells as the source separated them (DOCX, HTML, tab, pipe and markdown tables).
    case cells
    /// One row per line of text whose columns are aligned by spaces (`pdftotext -layout`); each row has
    /// one cell holding the line as written, spaces kept, because positions are the structure.
    case aligned
    /// Text with the cells run together (a crawler's flattened page); one row, one cell.
    case flattened
    /// Cells one a line with no mark where a row ends (LibreOffice's text export), joined by spaces
    /// into one row, one cell: as `flattened`, except that every number is whole and never divided.
    case cellLines
}

/// One row of a source table.
public struct SourceRow: Sendable, Equatable, Codable {
    public var cells: [SourceCell]
    public var location: SourceLocation

    public init(cells: [SourceCell], location: SourceLocation) {
        self.cells = cells
        self.location = location
    }
}

/// One cell of a source table; spans are 1 unless the source format states them.
public typealias SourceCell = GridCell

extension Document {
    /// The document with every location it holds (blocks, table rows, diagnostics) passed through `transform`.
    public func mappingLocations(_ transform: (SourceLocation) -> SourceLocation) -> Document {
        var document = self
        document.blocks = blocks.map { block in
            switch block {
            case .heading(var h): h.location = transform(h.location); return .heading(h)
            case .paragraph(var p): p.location = transform(p.location); return .paragraph(p)
            case .image(var i): i.location = transform(i.location); return .image(i)
            case .placeholder(var p): p.location = transform(p.location); return .placeholder(p)
            case .table(var t):
                t.location = transform(t.location)
                for index in t.rows.indices { t.rows[index].location = transform(t.rows[index].location) }
                return .table(t)
            }
        }
        document.diagnostics = diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location = diagnostic.location.map(transform)
            return diagnostic
        }
        return document
    }
}

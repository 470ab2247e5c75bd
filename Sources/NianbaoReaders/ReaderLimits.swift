import NianbaoModel

/// Bounds on what the readers accept, each with a sensible default; input past one is refused
/// with an error that names the limit.
public struct ReaderLimits: Sendable {
    /// Largest DOCX or PDF file.
    public var docxBytes = 256 << 20
    /// Largest text or HTML file.
    public var textBytes = 64 << 20
    public var text = TextLimits()
    public var zip = ZipLimits()
    public var xml = XMLLimits()
    /// Deepest HTML element nesting.
    public var htmlDepth = 512
    public var table = TableLimits()
    public var pdf = PDFLimits()

    public init() {}

    /// The largest input accepted in a format.
    public func maximumBytes(for format: InputFormat) -> Int {
        format == .docx || format == .pdf ? docxBytes : textBytes
    }

    /// The largest input accepted in any format.
    public var maximumBytes: Int { max(docxBytes, textBytes) }
}

/// Bounds on a text extract's lines and cells.
public struct TextLimits: Sendable {
    /// Longest line, in UTF-8 bytes.
    public var lineBytes = 1 << 20
    /// Longest table cell (wrapped lines joined), in characters.
    public var cellCharacters = 1 << 16
    /// Most text a PDF's characters may be laid out into, in UTF-8 bytes (as large as a text file may be).
    public var layoutBytes = 64 << 20

    public init() {}
}

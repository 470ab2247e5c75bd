import NianbaoModel

/// Bounds on a PDF: pages and characters, so that a file claiming a million pages costs little.
public struct PDFLimits: Sendable {
    public var pages = 2_000
    public var characters = 5_000_000

    public init() {}
}

/// Reads a PDF as it is (poppler): each page's characters with their boxes, laid out in lines and
/// columns by `PDFTextLayout`, then read as the text reader reads aligned text. A PDF without a text
/// layer (a scan) is refused with what to do about it.
public struct PDFReader: Sendable {
    public var limits: PDFLimits
    public var text: TextLimits

    public init(limits: PDFLimits = PDFLimits(), text: TextLimits = TextLimits()) {
        self.limits = limits
        self.text = text
    }

    public func read(_ bytes: [UInt8]) throws(ReaderError) -> Document {
        guard !bytes.isEmpty else { throw .empty }
        let file = try PDFFile(bytes)
        guard file.pageCount <= limits.pages else {
            throw .tooComplex("PDF 共 \(file.pageCount) 页，上限为 \(limits.pages) 页",
                              "\(file.pageCount) pages; the limit is \(limits.pages)")
        }
        var pages: [PDFPageText] = []
        var characters = 0
        for index in 0..<file.pageCount {
            let page = PDFPageOrientation.upright(file.page(index))
            characters += page.glyphs.count
            guard characters <= limits.characters else {
                throw .tooComplex("PDF 的文字超过 \(limits.characters) 个字符", "more than \(limits.characters) characters")
            }
            pages.append(page)
        }
        let visible = pages.reduce(0) { $0 + $1.glyphs.filter { !$0.scalar.isSpace }.count }
        // A report has thousands of characters; a scan has none, or a few from a stamp or page numbers.
        if visible < 10 + 5 * pages.count {
            if pages.contains(where: { $0.images > 0 }) { throw .scanned }
            throw .unreadable("PDF 中没有文字", "the PDF holds no text")
        }
        let layout = PDFTextLayout(pages: pages)
        var laidOut: [[PDFLine]] = []
        var budget = text.layoutBytes
        for page in pages {
            guard let laid = layout.lines(of: page, budget: budget) else {
                throw .tooComplex("PDF 排出的文字超过 \(text.layoutBytes >> 20) MiB", "its text laid out passes \(text.layoutBytes >> 20) MiB")
            }
            laidOut.append(laid)
            budget -= laid.reduce(0) { $0 + $1.text.utf8.count + 1 }
        }
        let lines = PDFLine.joiningAcrossPages(PageFurniture.remove(from: laidOut)).map { $0.map(\.text).joined(separator: "\n") }
        // A form feed starts each page after the first, as pdftotext marks pages: the table reader
        // knows a page break inside a table by it.
        var document = try TextReader(limits: text).read(text: lines.joined(separator: "\n\u{0C}"))
        document.format = .pdf
        // What a person looks for in a PDF is the page: the line that starts each page, in the text read.
        var firstLines: [Int] = []
        var next = 1
        for page in lines {
            firstLines.append(next)
            next += page.split(separator: "\n", omittingEmptySubsequences: false).count
        }
        return document.mappingLocations { location in
            var location = location
            if let line = location.line { location.page = firstLines.lastIndex { $0 <= line }.map { $0 + 1 } }
            return location
        }
    }
}

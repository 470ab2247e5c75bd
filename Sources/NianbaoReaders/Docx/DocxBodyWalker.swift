import NianbaoModel

/// Walks word/document.xml once, in document order, and turns it into blocks: paragraphs with
/// their rendered numbering, headings, tables with true spans, and image placeholders.
struct DocxBodyWalker {
    private let reader: XMLStreamReader
    private let part: String
    private let styles: DocxStyles
    private var numbering: DocxNumbering
    private let relationships: [String: DocxPackage.Relationship]

    /// A paragraph being collected.
    private struct ParagraphState {
        var text = ""
        var style: String?
        var outlineLevel: Int?
        var numbering: NumberingReference?
        var images: [ImagePlaceholder] = []
        var location: SourceLocation
    }

    private var blocks: [Block] = []
    private var paragraphs: [ParagraphState] = []
    private var tables: [DocxTableBuilder] = []
    /// Nested tables and images inside tables, placed after the outermost table.
    private var afterTable: [Block] = []
    private var inText = false
    /// Whether the run being read is hidden (w:vanish): hidden text is not content, so a hidden
    /// title or a hidden digit before a number is not read.
    private var hiddenRun = false
    private var inParagraphProperties = false
    private var paragraphCount = 0
    /// Whether a level or span was out of range and clamped.
    private var clampedLevel = false, clampedSpan = false

    init(reader: XMLStreamReader, part: String, styles: DocxStyles, numbering: DocxNumbering,
         relationships: [String: DocxPackage.Relationship]) {
        self.reader = reader
        self.part = part
        self.styles = styles
        self.numbering = numbering
        self.relationships = relationships
    }

    /// The elements the walk acts on, of every namespace it reads.
    private enum Element: String {
        // w: elements whose whole content is not document text.
        case del, moveFrom, delText, instrText, delInstrText, sdtPr, sdtEndPr, pPrChange, rPrChange,
             sectPr, tblPrChange, trPrChange, tcPrChange, tabs, tblGrid, tblPr, numberingChange
        case p, pStyle, outlineLvl, numId, ilvl, r, pPr, rPr, t, tab, ptab, br, cr, noBreakHyphen, sym,
             tbl, tr, gridBefore, tc, gridSpan, vMerge, hMerge, vanish
        case fallback = "Fallback", blip, imagedata

        var isSkipped: Bool {
            switch self {
            case .del, .moveFrom, .delText, .instrText, .delInstrText, .sdtPr, .sdtEndPr, .pPrChange, .rPrChange,
                 .sectPr, .tblPrChange, .trPrChange, .tcPrChange, .tabs, .tblGrid, .tblPr, .numberingChange: true
            default: false
            }
        }
    }

    private var names = OOXMLNames<Element>()
    /// The attributes the walk reads (w:val, w:char, r:embed, r:link, r:id); the parse keeps no others.
    static let attributes: Set<String> = ["val", "char", "embed", "link", "id"]

    mutating func walk() -> [Block] {
        while reader.read() {
            switch reader.nodeType {
            case .element: start()
            case .endElement: end()
            case .text, .cdata:
                if inText { append(reader.value) }
            }
        }
        return blocks
    }

    private mutating func start() {
        guard let namespace = names.namespace(reader), let name = names.element(reader) else { return }
        if namespace == .markupCompatibility {
            // Of an mc:AlternateContent, the first choice is read; the fallback repeats it.
            if name == .fallback { reader.skipSubtree() }
            return
        }
        if namespace.isDrawing, name == .blip {
            image(reader.relationshipAttribute("embed") ?? reader.relationshipAttribute("link"))
            return
        }
        if namespace == .vml, name == .imagedata {
            image(reader.relationshipAttribute("id"))
            return
        }
        guard namespace.isWord else { return }
        if name.isSkipped {
            reader.skipSubtree()
            return
        }
        let isEmpty = reader.isEmptyElement
        switch name {
        case .p:
            paragraphCount += 1
            paragraphs.append(ParagraphState(location: SourceLocation(part: part, index: paragraphCount)))
            if isEmpty { endParagraph() }
        case .pStyle: paragraphs.lastSet { $0.style = reader.wordAttribute("val") }
        case .outlineLvl:
            let level = bounded(0...9, &clampedLevel)
            paragraphs.lastSet { $0.outlineLevel = level }
        case .numId:
            let numId = reader.wordAttribute("val") ?? "0"
            paragraphs.lastSet { $0.numbering = NumberingReference(numId: numId, level: $0.numbering?.level ?? 0) }
        case .ilvl:
            let level = bounded(ListNumbers.levels, &clampedLevel) ?? 0
            paragraphs.lastSet { $0.numbering = NumberingReference(numId: $0.numbering?.numId ?? "", level: level) }
        case .r: hiddenRun = false
        case .pPr: inParagraphProperties = !isEmpty
        case .rPr:
            // Only a run's own properties hide its text; a paragraph mark's (inside w:pPr) does not.
            if inParagraphProperties { reader.skipSubtree() } else if runPropertiesHide() { hiddenRun = true }
        case .t: inText = !isEmpty
        case .tab, .ptab: append("\t")
        case .br, .cr: append("\n")
        case .noBreakHyphen: append("-")
        case .sym:
            if let code = reader.wordAttribute("char").flatMap({ UInt32($0, radix: 16) }), let scalar = Unicode.Scalar(code) {
                append(String(Character(scalar)))
            }
        case .tbl:
            tables.append(DocxTableBuilder(location: SourceLocation(part: part, index: paragraphCount + 1)))
        case .tr: tables.lastSet { $0.startRow(at: SourceLocation(part: part, index: paragraphCount + 1)) }
        case .gridBefore:
            let columns = bounded(0...TableLimits.maximumSpan, &clampedSpan) ?? 0
            tables.lastSet { $0.setGridBefore(columns) }
        case .tc: tables.lastSet { $0.startCell() }
        case .gridSpan:
            let columns = bounded(1...TableLimits.maximumSpan, &clampedSpan) ?? 1
            tables.lastSet { $0.setGridSpan(columns) }
        case .vMerge: tables.lastSet { $0.setVerticalMerge(reader.wordAttribute("val")) }
        case .hMerge: tables.lastSet { $0.setHorizontalMerge(reader.wordAttribute("val")) }
        default: break
        }
    }

    /// The element's w:val within `range`, noting in `flag` when it had to be clamped.
    private func bounded(_ range: ClosedRange<Int>, _ flag: inout Bool) -> Int? {
        BoundedInteger.parse(reader.wordAttribute("val"), in: range, clamped: &flag)
    }

    /// What the walk noticed: levels, list numbers and spans past their bounds.
    var diagnostics: [Diagnostic] {
        (clampedLevel || numbering.clamped ? [ListNumbers.clampedDiagnostic] : [])
            + (clampedSpan ? [Diagnostic(.warning, "table.span_clamped",
                "表格中有单元格的跨列数（gridSpan、gridBefore 或 hMerge）超出 0…\(TableLimits.maximumSpan) 的范围，已截至范围内")] : [])
    }

    private mutating func end() {
        switch names.word(reader) {
        case .pPr: inParagraphProperties = false
        case .t: inText = false
        case .p: endParagraph()
        case .tc: tables.lastSet { $0.endCell() }
        case .tbl:
            guard let table = tables.popLast() else { return }
            clampedSpan = clampedSpan || table.clamped
            let block = Block.table(table.build())
            if tables.isEmpty {
                blocks.append(block)
                blocks += afterTable
                afterTable = []
            } else {
                afterTable.insert(block, at: 0)
            }
        default: break
        }
    }

    /// Reads a w:rPr to its end; whether it holds a w:vanish that is on.
    private mutating func runPropertiesHide() -> Bool {
        guard !reader.isEmptyElement else { return false }
        let depth = reader.depth
        var hides = false
        while reader.read() {
            if reader.nodeType == .endElement, reader.depth == depth { break }
            guard reader.nodeType == .element else { continue }
            let name = names.word(reader)
            if name == .rPrChange {
                // The formatting before a tracked change is not the run's.
                reader.skipSubtree()
            } else if name == .vanish {
                let value = reader.wordAttribute("val") ?? "true"
                hides = !["0", "false", "off"].contains(value)
            }
        }
        return hides
    }

    private mutating func append(_ text: String) {
        guard !hiddenRun else { return }
        paragraphs.lastSet { $0.text += text }
    }

    private mutating func image(_ relationshipId: String?) {
        let target = relationshipId.flatMap { relationships[$0]?.target } ?? relationshipId ?? "image"
        let location = paragraphs.last?.location ?? SourceLocation(part: part, index: paragraphCount)
        paragraphs.lastSet { $0.images.append(ImagePlaceholder(name: target, location: location)) }
    }

    private mutating func endParagraph() {
        guard let paragraph = paragraphs.popLast() else { return }
        let reference = paragraph.numbering ?? styles.numbering(paragraph.style)
        let number = reference.flatMap { numbering.next($0) } ?? ""
        let text = number + paragraph.text
        let images = paragraph.images.map(Block.image)
        let trimmed = text.trimmingBlanks()

        // A paragraph inside a table cell is cell text, unless it sits in a text box in the cell.
        if paragraphs.isEmpty, let table = tables.last, table.isInCell {
            tables.lastSet { $0.addParagraph(trimmed) }
            afterTable += images
            return
        }
        if !trimmed.isEmpty {
            let level = paragraph.outlineLevel.flatMap { $0 < 9 ? $0 + 1 : nil } ?? styles.headingLevel(paragraph.style)
            blocks.append(level.map { .heading(Heading(text: trimmed, level: $0, location: paragraph.location)) }
                          ?? .paragraph(Paragraph(text: trimmed, location: paragraph.location)))
        }
        if tables.isEmpty { blocks += images } else { afterTable += images }
    }
}

extension Array {
    /// Changes the last element in place, if there is one.
    mutating func lastSet(_ change: (inout Element) -> Void) {
        guard !isEmpty else { return }
        change(&self[count - 1])
    }
}

import NianbaoModel
import NianbaoTables

/// Builds the canonical report from a document: title and metadata, the six sections, the
/// standard tables, the arithmetic checks and the diagnostics.
public struct Interpreter: Sendable {
    public var repair: TableRepair
    public var sectionTemplates: [SectionTemplate]

    public init(repair: TableRepair = TableRepair(), sectionTemplates: [SectionTemplate] = SectionTemplate.all) {
        self.repair = repair
        self.sectionTemplates = sectionTemplates
    }

    /// What the walk over the blocks collects for one section.
    private struct SectionDraft {
        var template: SectionTemplate
        var heading: String
        var location: SourceLocation
        var paragraphs: [String] = []
        var paragraphLocations: [SourceLocation] = []
        var images: [ImagePlaceholder] = []
        /// Marks a converter left where it dropped a table (pandoc's `[TABLE]`).
        var placeholders: [Placeholder] = []
        /// An image just before the heading: as often as not the section's table, pasted as a picture.
        var leadingImage: ImagePlaceholder?
    }

    /// How a web page's trail to where it stands begins (当前位置：首页 > 政府信息公开 > 年度报告): printed
    /// with the page, it names 报告 but is no title.
    static let breadcrumbOpenings = ["当前位置", "您的位置", "您现在的位置", "您当前的位置", "所在位置"]

    /// A page's trail: one of its openings, or two steps marked `>` or `»` between words.
    static func isBreadcrumb(_ text: String) -> Bool {
        breadcrumbOpenings.contains { text.hasUTF8Prefix($0) } || text.unicodeScalars.count { ">＞»›".unicodeScalars.contains($0) } >= 2
    }

    /// Longest line that may sit between the pieces of a broken table (a label, a number, a header word).
    static let longestPieceLine = 60

    /// The report of a document; `source` describes where its bytes came from.
    public func interpret(_ document: Document, source: SourceInfo) -> Report {
        var title: String?
        var preamble: [String] = []
        var allParagraphs: [String] = []
        var drafts: [SectionDraft] = []
        var numbering: SectionTemplate.Numbering?
        var repaired: [RepairedTable] = []
        var diagnostics = document.diagnostics
        var previous: Block?

        // Tables with the short lines between them, held back while they may be one table the source
        // broke into pieces (markitdown's text of a PDF: a small table per row group).
        var pieces: [Block] = []
        for original in document.blocks {
            for block in splitAtSectionHeadings(original) {
                defer { previous = block }
                if isPiece(block, after: pieces) {
                    pieces.append(block)
                    continue
                }
                flushPieces()
                handle(block)
            }
        }
        flushPieces()

        /// A table cut at each section heading among its rows, the heading a paragraph between the
        /// parts: aligned text runs on through a short line and cell lines through any, so a heading
        /// straight after a table can land inside it; a converter's pipe table can hold it as a row of
        /// its own (pymupdf4llm: `|三、收到和处理政府|信息公开申请情况|||`), the next table below it.
        func splitAtSectionHeadings(_ block: Block) -> [Block] {
            guard case .table(var rest) = block, rest.form != .flattened else { return [block] }
            var blocks: [Block] = []
            while let (cut, count, text) = sectionHeading(in: rest.rows) {
                var before = rest
                before.rows = Array(rest.rows[..<cut])
                if !before.rows.isEmpty { blocks.append(.table(before)) }
                blocks.append(.paragraph(Paragraph(text: text, location: rest.rows[cut].location)))
                rest.rows = Array(rest.rows[(cut + count)...])
                rest.location = rest.rows.first?.location ?? rest.location
            }
            if !rest.rows.isEmpty { blocks.append(.table(rest)) }
            return blocks
        }

        func handle(_ block: Block) {
            switch block {
            case .heading(let heading):
                if startSection(heading.text, marked: true, at: heading.location, after: previous,
                                numbering: &numbering, in: &drafts) { return }
                addText(heading.text, at: heading.location)
            case .paragraph(let paragraph):
                addParagraph(paragraph)
            case .table(let table):
                addTable(table)
            case .image(let image):
                if !drafts.isEmpty { drafts[drafts.count - 1].images.append(image) }
            case .placeholder(let placeholder):
                if !drafts.isEmpty { drafts[drafts.count - 1].placeholders.append(placeholder) }
            }
        }

        /// A table of separated cells starts a run of pieces; a short line that is no section heading
        /// continues one, and so do lines the reader took for cells one a line: a converter's loose
        /// lines between its small tables (`3.危 6 153 … 1503`, then `及“三`, `安全`, …).
        func isPiece(_ block: Block, after pieces: [Block]) -> Bool {
            switch block {
            case .table(let table): table.form == .cells || (table.form == .cellLines && !pieces.isEmpty)
            case .paragraph(let paragraph):
                !pieces.isEmpty && !paragraph.text.hasMoreCharacters(than: Interpreter.longestPieceLine)
                    && !paragraph.text.contains("。") && !isSectionHeading(paragraph.text)
            default: false
            }
        }

        /// Reads the pieces held back: as one table when there are several tables that together are one
        /// standard table (`TableRepair.repair(pieces:)`), else one by one as they came.
        func flushPieces() {
            defer { pieces = [] }
            let rows = pieces.map { block -> [SourceRow] in
                switch block {
                case .table(let table) where table.form == .cellLines:
                    table.rows.flatMap { row in
                        row.cells.flatMap { $0.text.split(separator: "\n") }.map { SourceRow(cells: [SourceCell(String($0))], location: row.location) }
                    }
                case .table(let table): table.rows
                case .paragraph(let paragraph): [SourceRow(cells: [SourceCell(paragraph.text)], location: paragraph.location)]
                default: []
                }
            }
            // Lines after one whole table are no pieces of it: only tables of cells count.
            let tables = pieces.compactMap { if case .table(let table) = $0, table.form == .cells { table } else { nil } }
            if tables.count > 1, let (table, used) = repair.repair(pieces: rows, location: tables[0].location) {
                repaired.append(table)
                pieces[used...].forEach(handle)
                return
            }
            pieces.forEach(handle)
        }

        func addTable(_ table: SourceTable) {
            let result = repair.repair(table)
            if result.templateKey == nil, table.form != .cells {
                // Text that looked like a table but is none of the template's: it stays text.
                for row in table.rows {
                    let text = row.cells.map(\.text).joined(separator: " ").trimmingBlanks()
                    if !text.isEmpty { addParagraph(Paragraph(text: text, location: row.location)) }
                }
                return
            }
            repaired.append(result)
            result.trailingText.forEach(addParagraph)
        }

        /// The first section heading among a text table's rows: where, how many rows it takes, its
        /// text. Two rows when the number stands alone above the title (三、 / 收到和处理…), as a
        /// converter leaves a heading whose number and title were two paragraphs.
        func sectionHeading(in rows: [SourceRow]) -> (index: Int, count: Int, text: String)? {
            func text(_ index: Int) -> String { rows[index].cells.map(\.text).joined().trimmingBlanks() }
            // Asked of every row of every table: a row with a cell of digits alone (most rows) is
            // told at once, before its text is joined.
            func hasNumberCell(_ index: Int) -> Bool {
                rows[index].cells.contains { cell in
                    var digits = false
                    for byte in cell.text.utf8 where byte != 0x20 && byte != 0x0A {
                        guard byte >= 0x30 && byte <= 0x39 else { return false }
                        digits = true
                    }
                    return digits
                }
            }
            for index in rows.indices where !hasNumberCell(index) {
                let line = text(index)
                if isSectionHeading(line) { return (index, 1, line) }
                guard index + 1 < rows.count, isBareSectionNumber(line) else { continue }
                let joined = line + text(index + 1)
                if isSectionHeading(joined) { return (index, 2, joined) }
            }
            return nil
        }

        /// A section's number with nothing after it: 三、 or 3.
        func isBareSectionNumber(_ text: String) -> Bool {
            // Asked of every row of a text table; most are numbers, and the last byte tells them at once.
            guard text.utf8.count <= 6, let last = text.unicodeScalars.last, last == "、" || last == "." else { return false }
            return sectionTemplates.contains { text == $0.numeral + "、" || text == "\($0.number)." }
        }

        func isSectionHeading(_ text: String) -> Bool {
            // Asked of every row of a text table: the key is made only for a line with a keyword's characters.
            guard sectionTemplates.contains(where: { $0.mayBeHeading(text) }) else { return false }
            let key = LabelKey(text)
            return sectionTemplates.contains {
                $0.mayBeHeading(text) && $0.isHeading(text, key: key, isMarkedHeading: false, numbering: numbering ?? .chinese)
            }
        }

        func addParagraph(_ paragraph: Paragraph) {
            if startSection(paragraph.text, marked: false, at: paragraph.location, after: previous,
                            numbering: &numbering, in: &drafts) { return }
            addText(paragraph.text, at: paragraph.location)
        }

        func addText(_ raw: String, at location: SourceLocation) {
            let text = raw.foldingWhitespace()
            allParagraphs.append(text)
            if !drafts.isEmpty {
                drafts[drafts.count - 1].paragraphs.append(text)
                drafts[drafts.count - 1].paragraphLocations.append(location)
            } else if title == nil, text.containsText("报告"), !text.hasMoreCharacters(than: 80),
                      !text.contains(where: { "。，,；;".contains($0) }), !Interpreter.isBreadcrumb(text) {
                // A title a PDF broke over two or three lines (a narrow title column): its first lines are
                // all the paragraphs before; or, below a page's own lines (a browser's PDF of a web page),
                // the line before, where only the two together hold the words 年度报告 (…工作年 / 度报告).
                // A document number (京政办发〔2024〕1号) is no first line of a title.
                let head = preamble.joined()
                let fitsTitle = { (head: String) in
                    !head.contains("报告") && head.count + text.count <= 80
                        && !head.contains(where: { "。，,；;：:〔〕【】[]".contains($0) || ($0.isASCII && $0.isLetter) })
                }
                if (1...2).contains(preamble.count), fitsTitle(head) {
                    preamble.removeAll()
                    title = head + text
                } else if let last = preamble.last, fitsTitle(last), !text.containsText("年度报告"),
                          (last + text).containsText("年度报告") {
                    preamble.removeLast()
                    title = last + text
                } else {
                    title = text
                }
            } else {
                preamble.append(text)
            }
        }

        // A title the file's properties give, when the body has none.
        if title == nil, let hint = document.properties?.title, hint.contains("报告") { title = hint }
        var tableDiagnostics: [Diagnostic] = []
        var tables = standardTables(repaired, drafts: drafts, diagnostics: &tableDiagnostics)
        var meta = MetadataExtractor(title: title, preamble: preamble, paragraphs: allParagraphs).extract()
        meta.template = Self.edition(of: tables)
        if let edition = meta.template, edition != Self.mixed {
            // A table both editions draw alike (表四) is drawn in the edition the others show.
            for i in tables.indices where tables[i].present && tables[i].edition == nil
                && Edition.template(tables[i].key, edition: edition)?.editions.count ?? 0 > 1 {
                tables[i].edition = edition
            }
        }
        if drafts.isEmpty && !tables.contains(where: \.present) {
            // Not an annual report: its text and tables are kept, and that is all there is to say.
            diagnostics.append(Diagnostic(.warning, "report.unrecognised",
                "未识别出年度报告的章节或表格，正文和表格已原样保留"))
        } else {
            diagnostics += tableDiagnostics + missingSections(drafts) + missingMeta(meta)
        }

        var report = Report(
            source: source,
            meta: meta,
            sections: drafts.map {
                Section(number: $0.template.number, key: $0.template.key, title: $0.template.title,
                        heading: $0.heading, paragraphs: $0.paragraphs, location: $0.location,
                        paragraphLocations: $0.paragraphLocations,
                        images: $0.images.map(\.name), numeral: $0.template.numeral)
            },
            tables: tables,
            otherTables: repaired.filter { $0.templateKey == nil }.map(\.grid),
            checks: [],
            diagnostics: diagnostics)
        report.checks = ReportChecks.run(report)
        return report
    }

    /// Opens a section when `text` is the heading of one after the current section.
    /// The first section heading sets the report's numbering: 一、 or, only when section 一 uses it, 1.
    private func startSection(_ text: String, marked: Bool, at location: SourceLocation, after previous: Block?,
                              numbering: inout SectionTemplate.Numbering?, in drafts: inout [SectionDraft]) -> Bool {
        let next = (drafts.last?.template.number ?? 0) + 1
        // Headings are short: a long paragraph is not worth reducing to a key.
        guard !text.hasMoreCharacters(than: 2 * SectionTemplate.maximumHeadingLength), next <= sectionTemplates.count else { return false }
        // Most paragraphs hold no keyword's characters at all; only the others are worth a key.
        guard sectionTemplates[(next - 1)...].contains(where: { $0.mayBeHeading(text) }) else { return false }
        let key = LabelKey(text)
        func heading(_ style: SectionTemplate.Numbering, from first: Int) -> SectionTemplate? {
            sectionTemplates.first { $0.number >= first && $0.isHeading(text, key: key, isMarkedHeading: marked, numbering: style) }
        }
        let found: SectionTemplate?
        if let numbering {
            found = heading(numbering, from: next)
        } else if let chinese = heading(.chinese, from: next) {
            (found, numbering) = (chinese, .chinese)
        } else if let arabic = heading(.arabic, from: next), arabic.number == 1 {
            (found, numbering) = (arabic, .arabic)
        } else {
            found = nil
        }
        guard let template = found else { return false }
        var draft = SectionDraft(template: template, heading: text, location: location)
        if case .image(let image) = previous { draft.leadingImage = image }
        drafts.append(draft)
        return true
    }

    private func standardTables(_ repaired: [RepairedTable], drafts: [SectionDraft],
                                diagnostics: inout [Diagnostic]) -> [StandardTable] {
        Edition.current.tables.map { current in
            let found = repaired.filter { $0.templateKey == current.key }
            // A table's header that a page break parted from its rows is recognised too, without a
            // value, and lines a reader could not lay out can part a table's first rows from the rest:
            // the piece with the most values is the table.
            let counts = found.map { $0.values?.rows.reduce(0) { $0 + $1.cells.count { $0.value != nil } } ?? 0 }
            guard let most = counts.max(), let chosen = counts.firstIndex(of: most) else {
                diagnostics.append(absence(of: current, drafts: drafts))
                return .absent(current.key, name: current.name, numeral: current.numeral)
            }
            let table = found[chosen]
            let template = Edition.template(current.key, edition: table.edition) ?? current
            diagnostics += table.diagnostics
            for (index, extra) in found.enumerated() where index != chosen {
                diagnostics.append(Diagnostic(.warning, "table.duplicate",
                    "\(template.name)出现了不止一次，只采用" + (chosen == 0 ? "第一张" : "数值最多的一张"), at: extra.location))
            }
            return StandardTable(key: template.key, present: true, values: table.values, grid: table.grid,
                                 location: table.location, edition: table.edition, name: template.name,
                                 numeral: template.numeral)
        }
    }

    /// What `meta.template` says when the tables are drawn in different editions.
    public static let mixed = "mixed"

    /// The report's edition: the one its tables show, "mixed" when they show several, nil when none tells.
    static func edition(of tables: [StandardTable]) -> String? {
        let editions = tables.compactMap(\.edition).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return editions.count > 1 ? mixed : editions.first
    }

    private func absence(of template: TableTemplate, drafts: [SectionDraft]) -> Diagnostic {
        let section = drafts.first { $0.template.numeral == template.numeral }
        if let mark = section?.placeholders.first {
            return Diagnostic(.warning, "table.absent",
                "报告中没有\(template.name)：原文此处只有转换工具留下的占位符“\(mark.text)”，其数值无从读取", at: mark.location)
        }
        if let image = section?.images.first ?? section?.leadingImage {
            return Diagnostic(.warning, "table.image",
                "\(template.name)以图片形式给出（\(image.name)），无法读取其数值", at: image.location)
        }
        return Diagnostic(.warning, "table.absent", "报告中没有\(template.name)", at: section?.location)
    }

    private func missingSections(_ drafts: [SectionDraft]) -> [Diagnostic] {
        sectionTemplates.filter { t in !drafts.contains { $0.template.number == t.number } }.map {
            Diagnostic(.warning, "section.missing", "缺少第\($0.numeral)部分“\($0.title)”")
        }
    }

    private func missingMeta(_ meta: Meta) -> [Diagnostic] {
        var missing: [Diagnostic] = []
        if meta.title == nil { missing.append(Diagnostic(.info, "meta.no_title", "未找到报告标题")) }
        if meta.organ == nil { missing.append(Diagnostic(.warning, "meta.no_organ", "未找到发布机关")) }
        if meta.year == nil { missing.append(Diagnostic(.warning, "meta.no_year", "未找到报告年度")) }
        if meta.period == nil { missing.append(Diagnostic(.info, "meta.no_period", "报告未写明统计期限")) }
        return missing
    }
}

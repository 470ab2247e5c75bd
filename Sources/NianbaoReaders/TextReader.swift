import FoundationEssentials
import NianbaoModel

/// Reads plain-text extracts: paragraphs, markdown `#` headings, image placeholders, and
/// tables in any of `layouts`.
public struct TextReader: Sendable {
    /// Table layouts, most specific first: a cell-per-line row is also a tab row.
    /// Aligned columns come last: they claim only what no separator-based layout does.
    let layouts: [any TextTableLayout] = [GridTableLayout(), DashedColumnsLayout(), CellPerLineLayout(),
                                          TabSeparatedLayout(), PipeSeparatedLayout(), RuledPipeLayout(), AlignedColumnsLayout()]
    public var limits: TextLimits

    public init(limits: TextLimits = TextLimits()) {
        self.limits = limits
    }

    /// Decodes and reads a text extract.
    public func read(_ bytes: [UInt8]) throws -> Document {
        guard !bytes.isEmpty else { throw ReaderError.empty }
        let decoded = TextDecoding.decode(bytes)
        if TextReader.looksBinary(decoded) {
            throw ReaderError.unreadable("二进制文件，不是文本", "binary content, not text")
        }
        var document = try read(text: decoded.text, encoding: decoded.encoding)
        document.diagnostics = decoded.diagnostics + document.diagnostics
        return document
    }

    /// Reads already-decoded text.
    public func read(text: String, encoding: String = "UTF-8") throws(ReaderError) -> Document {
        var lines = splitLines(text)
        let header = CrawlerHeader(lines)
        lines.removeFirst(header.lineCount)
        lines = RunningLines.blanked(lines)
        if let long = lines.first(where: { $0.text.utf8.count > limits.lineBytes }) {
            throw .unreadable("第 \(long.number) 行超过 \(limits.lineBytes >> 10) KiB，不像是报告文本",
                              "line \(long.number) is longer than \(limits.lineBytes >> 10) KiB")
        }
        var blocks: [Block] = []
        var rowsByLayout: [String: Int] = [:]
        var i = 0
        let lastContent = lines.lastIndex { !$0.isBlank } ?? 0
        // Lines before this index belong to a run of cell lines already found to hold no table.
        var cellLinesScanned = 0
        var cellLineTables = 0
        // A region too short to be a table, by layout: a line inside it that the same layout claims
        // starts no table either (its region is a tail of this one), so it is not searched again.
        // Searching again from every line cost the square of the line count on lines of separators.
        var shortRegion: (layout: String, end: Int)?
        while i < lines.count {
            if let (html, end) = embeddedHTMLTable(in: lines, at: i) {
                blocks += html
                rowsByLayout["html", default: 0] += 1
                i = end
                continue
            }
            if let (layout, end, marked) = tableRegion(in: lines, at: i, skipping: shortRegion) {
                let rows = layout.rows(of: Array(lines[i..<end]))
                if let row = rows.first(where: { $0.cells.contains { $0.text.hasMoreCharacters(than: limits.cellCharacters) } }) {
                    throw .unreadable("第 \(row.location.line ?? 0) 行的表格单元格超过 \(limits.cellCharacters) 个字符",
                                      "a table cell at line \(row.location.line ?? 0) is longer than \(limits.cellCharacters) characters")
                }
                if rows.count >= layout.minimumRows {
                    blocks.append(.table(SourceTable(rows: rows, location: SourceLocation(line: lines[i].number),
                                                     form: layout.form, reachesEnd: end > lastContent)))
                    rowsByLayout[layout.name, default: 0] += rows.count
                    i = end
                    continue
                }
                if marked {
                    // A region the layout marked itself (a grid's drawing) with no table it can read is
                    // text: the pipe and aligned layouts would take its borders for rows.
                    blocks += lines[i..<end].compactMap(textBlock)
                    i = end
                    continue
                }
                shortRegion = (layout.name, end)
            }
            if i >= cellLinesScanned, !lines[i].isBlank, CellLinesRegion.isCell(lines[i]) {
                let run = CellLinesRegion.run(in: lines, at: i, lastContent: lastContent, tablesBefore: cellLineTables)
                if run.tables > 0 {
                    blocks += run.blocks
                    cellLineTables += run.tables
                    rowsByLayout[CellLinesRegion.name, default: 0] += 1
                    i = run.end
                    continue
                }
                cellLinesScanned = run.end
            }
            if let flattened = FlattenedPage.blocks(lines[i], endsInput: i == lastContent) {
                blocks += flattened
                rowsByLayout[FlattenedPage.name, default: 0] += 1
            } else if let block = textBlock(lines[i]) {
                if case .paragraph(let paragraph) = block, case .paragraph(let previous)? = blocks.last,
                   ListNumbers.isBareMarker(previous.text) {
                    blocks[blocks.count - 1] = .paragraph(Paragraph(text: previous.text + paragraph.text, location: previous.location))
                } else {
                    blocks.append(block)
                }
            }
            i += 1
        }
        let layout = rowsByLayout.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        return Document(format: .text, encoding: encoding, layout: layout ?? "plain", blocks: blocks,
                        properties: header.properties)
    }

    /// A raw HTML `<table>` inside markdown (pandoc writes one where a table has merged cells): read
    /// by the HTML reader, spans and all.
    private func embeddedHTMLTable(in lines: [TextLine], at start: Int) -> ([Block], Int)? {
        guard lines[start].trimmed.hasASCIIPrefixIgnoringCase("<table"),
              let close = lines[start...].firstIndex(where: { $0.text.lowercased().contains("</table>") }) else { return nil }
        let html = lines[start...close].map(\.text).joined(separator: "\n")
        guard let document = try? HTMLReader().read(Array(html.utf8)) else { return nil }
        let offset = lines[start].number - 1
        let tables = document.blocks.compactMap { block -> Block? in
            guard case .table(var table) = block else { return nil }
            table.location.line = (table.location.line ?? 1) + offset
            for r in table.rows.indices { table.rows[r].location.line = (table.rows[r].location.line ?? 1) + offset }
            return .table(table)
        }
        return tables.isEmpty ? nil : (tables, close + 1)
    }

    /// NUL characters, or many control characters and replaced bytes, mean the bytes are no text.
    static func looksBinary(_ decoded: DecodedText) -> Bool {
        // Counted on the UTF-8 bytes: a scalar is a byte that does not continue one, U+FFFD is EF BF BD.
        var text = decoded.text
        return text.withUTF8 { bytes in
            var odd = 0, total = 0, i = 0
            while i < bytes.count, total < 65_536 {
                let byte = bytes[i]
                if byte & 0xC0 != 0x80 { total += 1 }
                if byte == 0 { return true }
                if byte < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C].contains(byte) { odd += 1 }
                if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBD { odd += 1 }
                i += 1
            }
            return total > 0 && odd * 10 > total
        }
    }

    private func splitLines(_ text: String) -> [TextLine] {
        // One pass over the UTF-8 bytes: a line ends at LF, CRLF or CR, and a byte-order mark at the
        // start is dropped. Splitting by characters ran grapheme breaking over the whole text, and
        // Foundation's replacing of CRLF cost more than the rest of the split.
        var text = text
        return text.withUTF8 { bytes in
            var lines: [TextLine] = []
            func add(_ range: Range<Int>) {
                let line = String(decoding: bytes[range], as: UTF8.self)
                // Page numbers a PDF's footer left (-3-, - 4 -, 第 5 页 共 9 页, or the report's title and
                // 第 4 页 set apart by spaces) are no content; a bare 第3页 may be words of the text. The
                // form feed that marks the page break stays.
                // A titled page number is looked for only in a line that ends in 页 (E9 A1 B5).
                let isFoot = TextReader.isPageNumber(line[...])
                    || (bytes[range].suffix(3).elementsEqual([0xE9, 0xA1, 0xB5]) && TextReader.isTitledPageNumber(line))
                let kept = isFoot ? String(line.filter { $0 == "\u{0C}" }) : line
                lines.append(TextLine(text: kept, number: lines.count + 1))
            }
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case 0x0A:
                    add(start..<i)
                    i += 1
                case 0x0D:
                    add(start..<i)
                    i += i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                default:
                    i += 1
                    continue
                }
                start = i
            }
            add(start..<bytes.count)
            return lines
        }
    }

    /// What stands either side of a page number (-3-, —3—).
    private static let pageNumberDashes: Set<Unicode.Scalar> = ["-", "—", "–", "－"]

    /// With `bare`, a 第N页 without 共M页 counts too (after a running foot's title it can be nothing else).
    static func isPageNumber(_ line: Substring, bare: Bool = false) -> Bool {
        // It begins with a dash or 第: every other line is told so at its first visible scalar.
        guard let lead = line.unicodeScalars.first(where: { !$0.isSpace }), lead == "第" || pageNumberDashes.contains(lead)
        else { return false }
        // A page number has at most 12 visible scalars: a longer line is given up at the 13th.
        var scalars: [Unicode.Scalar] = []
        for scalar in line.unicodeScalars where !scalar.isSpace {
            scalars.append(scalar)
            if scalars.count > 12 { return false }
        }
        // Matched by hand: a regex literal here was built anew for every short line with a digit.
        func digits(from start: Int) -> Int {
            var end = start
            while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
            return (1...4).contains(end - start) ? end : -1
        }
        if let first = scalars.first, pageNumberDashes.contains(first) {
            let end = digits(from: 1)
            return end > 0 && end == scalars.count - 1 && pageNumberDashes.contains(scalars[end])
        }
        // 第N页共M页
        guard scalars.first == "第" else { return false }
        let page = digits(from: 1)
        if bare, page > 0, page + 1 == scalars.count, scalars[page] == "页" { return true }
        guard page > 0, page + 1 < scalars.count, scalars[page] == "页", scalars[page + 1] == "共" else { return false }
        let total = digits(from: page + 2)
        return total > 0 && total == scalars.count - 1 && scalars[total] == "页"
    }

    /// A running foot: words, then two or more spaces or a tab, then a page number (`某某政府2024年政府信息公开
    /// 工作年度报告  第 4 页`); or the report's title, then one space (pdfplumber keeps no more), then the
    /// page number (`…工作年度报告 第 5 页`). Prose does not set a page reference apart so (`详见第 4 页`).
    static func isTitledPageNumber(_ line: String) -> Bool {
        guard line.utf8.count < 240 else { return false }
        let trimmed = line.trimmingBlanks().replacingAll("\t", with: "  ")
        guard trimmed.hasSuffix("页") else { return false }
        if let gap = trimmed.ranges(of: "  ").last, trimmed[..<gap.lowerBound].contains(where: { !$0.isWhitespace }) {
            return isPageNumber(trimmed[gap.upperBound...], bare: true)
        }
        guard let gap = trimmed.ranges(of: " 第").last else { return false }
        return String(trimmed[..<gap.lowerBound]).trimmingBlanks().hasSuffix("报告")
            && isPageNumber(trimmed[trimmed.index(after: gap.lowerBound)...], bare: true)
    }

    /// The layout of a table starting at `start`, the index after its last line, and whether the layout
    /// marked that end itself, if a table starts there. A layout's line inside `skipping`, a region
    /// already found too short, starts none.
    private func tableRegion(in lines: [TextLine], at start: Int,
                             skipping: (layout: String, end: Int)?) -> (any TextTableLayout, Int, marked: Bool)? {
        // The first layout that claims the line and, if it marks its own regions, marks one here.
        guard let (layout, marked) = layouts.lazy.compactMap({ layout -> (any TextTableLayout, Int?)? in
            guard layout.claims(lines[start]) else { return nil }
            let end = layout.regionEnd(in: lines, at: start)
            if let end, end <= start { return nil }
            return (layout, end)
        }).first else { return nil }
        if let skipping, skipping.layout == layout.name, start < skipping.end { return nil }
        if let end = marked { return (layout, end, true) }
        var end = start + 1
        var lastRow = start
        while end < lines.count {
            let line = lines[end]
            if layout.claims(line) {
                lastRow = end
                end += 1
            } else if !lines[end - 1].isBlank, layout.continues(line, after: lines[lastRow]) {
                // A label may wrap over several lines.
                end += 1
            } else if line.isBlank, let next = lines[end...].firstIndex(where: { !$0.isBlank }),
                      layout.claims(lines[next]) {
                // A blank line inside a table: the table goes on after it.
                end = next
            } else if line.isBlank, layout.form == .aligned, let next = lines[end...].firstIndex(where: { !$0.isBlank }),
                      layout.continues(lines[next], after: lines[lastRow]),
                      let after = lines[(next + 1)...].firstIndex(where: { !$0.isBlank }),
                      layout.claims(lines[after]) || [next, after].contains(where: { CellLinesRegion.trailingNumbers(lines[$0].trimmed) >= 2 }) {
                // pdftotext sets every row of a table apart with blank lines: a block title of table 二
                // (第二十条第（五）项) stands alone between them, and the table goes on after it; so does a
                // row whose numbers a narrow page squeezed one space apart, or whose label wraps above them.
                end = after
            } else {
                break
            }
        }
        return (layout, end, false)
    }

    private func textBlock(_ line: TextLine) -> Block? {
        let text = line.trimmed
        // Empty lines, and markdown's thematic break (---), which separates two tables.
        guard !text.isEmpty, !(text.utf8.allSatisfy { $0 == UInt8(ascii: "-") } && text.utf8.count >= 3) else { return nil }
        let location = SourceLocation(line: line.number)
        if let image = imageName(text) {
            return .image(ImagePlaceholder(name: image, location: location))
        }
        if text == "[TABLE]" {
            return .placeholder(Placeholder(text: text, location: location))
        }
        // A markdown line wholly in bold (**一、总体情况**) is the line itself, not its asterisks.
        let unbolded = MarkdownInline.unbolded(text)
        if unbolded != text { return .paragraph(Paragraph(text: unbolded, location: location)) }
        if text.hasPrefix("#") {
            let level = text.prefix { $0 == "#" }.count
            // pymupdf4llm bolds its headings too (`# **一、总体情况**`).
            let title = MarkdownInline.unbolded(String(text.dropFirst(level)).trimmingBlanks())
            if level <= 6, !title.isEmpty {
                return .heading(Heading(text: title, level: level, location: location))
            }
        }
        let spaced = text.containsUTF8(0x09) ? String(decoding: text.utf8.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self) : text
        return .paragraph(Paragraph(text: spaced, location: location))
    }

    /// `[image: NAME]` as extractors write it, or a markdown image `![alt](target)`.
    private func imageName(_ text: String) -> String? {
        if text.hasPrefix("[image:"), text.hasSuffix("]") {
            return String(text.dropFirst(7).dropLast()).trimmingBlanks()
        }
        if text.hasPrefix("!["), text.hasSuffix(")"), let open = text.firstRange(of: "](") {
            return String(text[open.upperBound...].dropLast())
        }
        return nil
    }
}

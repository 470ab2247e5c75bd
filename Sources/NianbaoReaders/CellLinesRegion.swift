import NianbaoModel

/// LibreOffice's plain-text export (`soffice --convert-to txt`) writes a table one cell per line,
/// with no mark where a row ends: a label line, then a line per number, an empty line for an empty
/// or merged cell. A table's lines are joined with spaces, which keep each number whole, and read as
/// a crawler's flattened table is (`TableForm.cellLines`): labels and numbers aligned to the
/// template's rows, each number whole. An empty cell leaves no number, so a row with one is left
/// unresolved rather than guessed.
enum CellLinesRegion {
    static let name = "cell-lines"
    /// Fewest numbers, each a word ending its line, that make a stretch a table rather than a short list.
    static let minimumNumbers = 4
    /// Longer lines are prose, which ends a run.
    static let maximumLabelLength = 60
    /// Most lines a table's stretch may hold: table 三, the longest, has about 260 cells. A longer
    /// stretch is no standard table, and reading it as one would cost time for nothing.
    static let maximumTableLines = 600
    /// Most such tables one text may hold (a report has three); past them stretches stay paragraphs,
    /// which bounds the work a hostile file of short lines can cause.
    static let maximumTables = 12

    /// The run of cell lines starting at `start`: the index after it, and its blocks and how many tables
    /// they hold when it holds any. A run without one is returned too, so that the reader does not scan
    /// it again from each of its lines (which would be quadratic in a file of short lines).
    static func run(in lines: [TextLine], at start: Int, lastContent: Int,
                    tablesBefore: Int) -> (end: Int, blocks: [Block], tables: Int) {
        var end = start
        while end < lines.count, lines[end].isBlank || isCell(lines[end]) { end += 1 }
        while end > start, lines[end - 1].isBlank { end -= 1 }
        let run = Array(lines[start..<end])
        // Stretches between section headings: a table's stretch holds numbers, another one is text.
        var stretches: [[TextLine]] = [[]]
        for (index, line) in run.enumerated() {
            if isSectionHeading(run, index) {
                stretches.append([line])
                stretches.append([])
            } else if !line.isBlank {
                stretches[stretches.count - 1].append(line)
            }
        }
        var blocks: [Block] = []
        var tables = 0
        for stretch in stretches where !stretch.isEmpty {
            let location = SourceLocation(line: stretch[0].number)
            if tablesBefore + tables < maximumTables, stretch.count <= maximumTableLines,
               stretch.reduce(0, { $0 + trailingNumbers($1.trimmed) }) >= minimumNumbers {
                tables += 1
                // A row a line, each where it stands in the text: the recovery joins them with their line
                // breaks, which tell a total centred above its values from a value (CellLineRegrouping).
                let rows = stretch.map { SourceRow(cells: [SourceCell(MarkdownInline.plain($0.trimmed))], location: SourceLocation(line: $0.number)) }
                blocks.append(.table(SourceTable(rows: rows, location: location, form: .cellLines,
                                                 reachesEnd: end - 1 >= lastContent && stretch.last?.number == run.last?.number)))
            } else {
                blocks += stretch.map { .paragraph(Paragraph(text: MarkdownInline.unbolded($0.trimmed), location: SourceLocation(line: $0.number))) }
            }
        }
        return (end, blocks, tables)
    }

    /// A section heading (三、收到和处理…) is followed by words; a row label of the same form by its
    /// numbers (一、本年新收…), a number a line or several ending a line (plain pdftotext:
    /// `3951 4795 4007 4185 4950 3378`), by its first sub-row (三、本年度办理结果 then （一）予以公开),
    /// or by the rest of its label and then its numbers.
    static func isSectionHeading(_ run: [TextLine], _ index: Int) -> Bool {
        // Most lines are told at their first scalar, a numeral or the markdown mark before one (`**三、`).
        guard let lead = run[index].trimmed.unicodeScalars.first,
              lead == "*" || lead == "_" || ListNumbers.headingNumerals.unicodeScalars.contains(lead) else { return false }
        let text = MarkdownInline.plain(run[index].trimmed)
        let title = text.drop(while: ListNumbers.headingNumerals.contains)
        // A row label with its numbers on its line (四、结转下年度继续办理 191 233 …) is a row; a merged
        // label broken over lines (三、本 / 年度办 / 理结果) is shorter than any section's title.
        guard trailingNumbers(text) == 0, let first = text.first, ListNumbers.headingNumerals.contains(first),
              title.first == "、", title.count > 4 else { return false }
        let following = run[(index + 1)...].lazy.filter { !$0.isBlank }.prefix(2).map { MarkdownInline.plain($0.trimmed) }
        guard let next = following.first else { return true }
        guard trailingNumbers(next) == 0 && !next.hasPrefix("（一）") && !next.hasPrefix("(一)") else { return false }
        // A row label its narrow column wrapped (一、本年新收政府信息 / 公开申请数量) has a line of
        // numbers alone after its second line; a part's heading has its table's header words there.
        guard following.count == 2, let numbers = following.last else { return true }
        return trailingNumbers(numbers) != numbers.split(separator: " ").count
    }

    /// A line a table cell could be: a number, or a short label that is no sentence. Lines that other
    /// layouts own are not: tab or bar separated cells, and columns aligned by runs of spaces.
    static func isCell(_ line: TextLine) -> Bool {
        let text = line.trimmed
        // Scalars and bytes, not Characters: every line of a text is asked, and telling Characters
        // apart (grapheme breaking, normalising comparison) cost more than reading the line.
        return text.utf8.count <= maximumLabelLength * 4 && !text.hasMoreCharacters(than: maximumLabelLength)
            && !text.unicodeScalars.contains(where: { $0 == "。" || $0 == "；" || $0 == "|" })
            && !line.text.utf8.contains(UInt8(ascii: "\t")) && !text.containsText("  ")
    }

    /// How many numbers, each a word of its own, end a line: a lone number's line, or a table row as
    /// pdfplumber and `pdftotext -raw` write it, its cells one space apart (`规章 232 287 239`).
    /// Read from the line's last byte back, without cutting the line into words: every line of a run
    /// of cell lines is asked.
    static func trailingNumbers(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var end = bytes.count
            while end > 0 {
                var start = end
                while start > 0, bytes[start - 1] != UInt8(ascii: " ") { start -= 1 }
                if start < end {
                    guard isNumber(bytes[start..<end]) else { break }
                    count += 1
                }
                end = start - 1
            }
            return count
        }
    }

    static func isNumber(_ text: String) -> Bool { isNumber(text.utf8) }

    private static func isNumber<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.first.map { $0 != UInt8(ascii: ".") } == true
            && bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") }
    }
}

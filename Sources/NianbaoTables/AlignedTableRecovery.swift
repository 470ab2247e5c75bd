import NianbaoModel

/// Reads a standard table from lines whose columns a text tool aligned with spaces (`pdftotext
/// -layout`). Rows are found by their labels in template order, wherever a wrapped or vertically merged
/// label puts them; a row's numbers are the number words on its lines, read left to right by column.
/// A number a narrow column wrapped (`2526` above the row, `6` below) may join the piece under it, and a
/// number line between two rows may belong to either: the row sums of the template decide, and where
/// they do not, the row stays unresolved.
struct AlignedTableRecovery {
    let template: TableTemplate

    /// A word of a line and the character columns it covers.
    struct Word {
        var text: String
        var start: Int
        var end: Int
        /// The number it reads as, or nil for label text.
        var number: String?
    }

    struct Line {
        var words: [Word]
        var page: Int
        var location: SourceLocation
        var labelText: String
        var hasNumbers: Bool { words.contains { $0.number != nil } }
        /// Whether the line states amounts in 元 (`251000 元`, `251000元`), which a 万元 column converts.
        var statesYuan: Bool { words.contains { CellValue.statesYuan($0.text) } }
        var isNumbersOnly: Bool { hasNumbers && labelText.isEmpty }
    }

    static func lines(of table: SourceTable) -> [Line] {
        var page = 0
        return table.rows.map { row in
            let raw = row.cells.first?.text ?? ""
            page += raw.filter { $0 == "\u{0C}" }.count
            let words = AlignedTableRecovery.words(String(raw.filter { $0 != "\u{0C}" }))
            let label = LabelKey.plain(words.filter { $0.number == nil }.map(\.text).joined())
            return Line(words: words, page: page, location: row.location, labelText: label)
        }
    }

    /// The label words of the lines read down each column (the words that start at one character
    /// column, top to bottom), a column a line: `商业` over `企业`, `1.属` over `于国` over `家秘`.
    static func columnText(of table: SourceTable) -> String {
        var columns: [Int: String] = [:]
        for line in lines(of: table) {
            for word in line.words where word.number == nil { columns[word.start, default: ""] += word.text }
        }
        return columns.sorted { $0.key < $1.key }.map(\.value).joined(separator: "\n")
    }

    /// The words of a line, split at white space, with their columns counted in characters. A single
    /// space inside an open bracket does not split: `22（其中修订 16 件）` is one cell whose note
    /// pdftotext spaced, and its 16 is no value. A run of spaces is a column gap wherever it stands.
    static func words(_ line: String) -> [Word] {
        let characters = Array(line)
        var words: [Word] = []
        var current = ""
        var start = 0
        var openBrackets = 0
        for (column, character) in characters.enumerated() {
            if character.isWhitespace {
                let single = column + 1 < characters.count && !characters[column + 1].isWhitespace
                    && column > 0 && !characters[column - 1].isWhitespace
                if openBrackets > 0, single {
                    current.append(character)
                    continue
                }
                if !current.isEmpty { words.append(word(current, start, column)) }
                current = ""
                openBrackets = 0
            } else {
                if current.isEmpty { start = column }
                current.append(character)
                if character == "（" || character == "(" { openBrackets += 1 }
                if character == "）" || character == ")" { openBrackets = max(0, openBrackets - 1) }
            }
        }
        if !current.isEmpty { words.append(word(current, start, characters.count)) }
        return words
    }

    private static func word(_ text: String, _ start: Int, _ end: Int) -> Word {
        Word(text: text, start: start, end: end, number: digits(of: text))
    }

    /// The digits of a word that is a number as a cell writes it (full-width, thousands separators, a unit).
    static func digits(of word: String) -> String? {
        let cell = CellValue(word)
        guard cell.isNumber else { return nil }
        var digits = LabelKey.halfWidth(word).filter { $0 != "," && $0 != "，" }
        // A note after the number (`22(其中修订16件)`) holds no value of the row.
        if case .annotated = cell { digits = String(digits.prefix { $0 != "(" }) }
        while let last = digits.last, !last.isNumber { digits.removeLast() }
        return NumberSplitter.value(digits) != nil ? digits : nil
    }

    /// The template rows found in the lines, in order: (row index, line index).
    func locate(_ lines: [Line]) -> [(row: Int, line: Int)] {
        var found: [(row: Int, line: Int)] = []
        var cursor = 0
        for (index, row) in template.rows.enumerated() {
            let needle = RowNeedle(row)
            var at = cursor
            while at < lines.count {
                // A label may wrap within its opening words; the match must then start on this line.
                let own = lines[at].labelText
                let joined = at + 1 < lines.count ? own + lines[at + 1].labelText : own
                let wrapped = needle.find(in: joined, withMarker: true).map {
                    joined.distance(from: joined.startIndex, to: $0.lowerBound) < own.count
                } ?? false
                if needle.occurs(in: own, withMarker: true) || wrapped || startsInColumn(needle, at: at, in: lines) {
                    found.append((index, at))
                    cursor = at + 1
                    break
                }
                at += 1
            }
        }
        return found
    }

    /// Whether the row's label starts on line `at` in a narrow label column: one of the line's label
    /// words, followed down the lines by the label words that start in its column (within 3), until
    /// one that opens another row (`2.`, `（`). A label column narrower than its labels breaks them
    /// into pieces of two or three characters, one a line, beside the pieces of the group label.
    private func startsInColumn(_ needle: RowNeedle, at: Int, in lines: [Line]) -> Bool {
        for word in lines[at].words where word.number == nil {
            var pieces = [word.text]
            var below = at + 1
            while below < lines.count, below <= at + 12 {
                let near = lines[below].words.filter { $0.number == nil && abs($0.start - word.start) <= 3 }
                guard let next = near.min(by: { abs($0.start - word.start) < abs($1.start - word.start) }) else {
                    below += 1
                    continue
                }
                if LabelKey(next.text).marker != nil || next.text.hasPrefix("（") || next.text.hasPrefix("(") { break }
                pieces.append(next.text)
                below += 1
            }
            let stream = LabelKey.plain(pieces.joined())
            let first = LabelKey.plain(word.text)
            if let range = needle.find(in: stream, withMarker: true), stream.distance(from: stream.startIndex, to: range.lowerBound) < max(first.count, 1) {
                return true
            }
        }
        return false
    }

    /// Places the table's values; returns the lines after its last row that are not the table (a heading
    /// the region took in), as paragraphs.
    func recover(_ table: SourceTable, into placement: inout TablePlacement) -> [Paragraph] {
        let lines = AlignedTableRecovery.lines(of: table)
        if template.shape == .singleValueRow {
            recoverSingleRow(lines, into: &placement)
            return []
        }
        let found = locate(lines)
        guard !found.isEmpty else { return [] }
        var carried = Array(numberLines(before: found[0].line, in: lines))
        // Whether the carried lines can only be this row's: above the first row, or left over by a row
        // its sums settled.
        var carriedIsOwn = true
        var unsettled: [(row: Int, lines: [Int])] = []
        // Per found row, the lines its numbers were read from and whether its sums settled them.
        var read: [(row: Int, lines: [Int], settled: Bool)] = []
        var columns = ColumnPositions()
        for (k, hit) in found.enumerated() {
            let (own, between, floating) = span(of: k, found, in: lines)
            let opensGroup = between.count > floating.count
            let wanted = template.rows[hit.row].columns.count
            if own.contains(where: { lines[$0].statesYuan }) { placement.noteAmountsInYuan(row: hit.row) }
            let solver = NumberSplitter(count: wanted, sums: RowSums(template: template, row: hit.row))
            var readings: [(take: Int, values: [Double])] = []
            for take in 0...floating.count {
                let chosen = carried + own + floating.prefix(take)
                if case .settled(let values) = solver.solve(pieces(chosen, in: lines)) { readings.append((take, values)) }
            }
            let chosenTake: Int
            if let first = readings.first, readings.allSatisfy({ $0.values == first.values }) {
                chosenTake = first.take
                placement.place(first.values.map { Optional($0) }, at: hit.row)
                columns.learn(carried + own, in: lines, wanted: wanted)
                read.append((hit.row, carried + own + floating.prefix(chosenTake), true))
            } else if readings.isEmpty, carriedIsOwn, let take = floatingOwner(floating, next: k + 1, of: found, in: lines),
                      let values = asLaidOut(carried + own + floating.prefix(take), labelLine: hit.line, by: solver, in: lines) {
                // No reading adds up, but the numbers around the row can only be its own (none the next
                // row's, none left by a row before).
                chosenTake = take
                placement.place(values.map { Optional($0) }, at: hit.row)
                read.append((hit.row, carried + own + floating.prefix(take), false))
            } else {
                chosenTake = readings.isEmpty ? 0 : floating.count
                unsettled.append((hit.row, carried + own + floating.prefix(chosenTake)))
                read.append((hit.row, carried + own + floating.prefix(chosenTake), false))
            }
            carriedIsOwn = !unsettled.contains { $0.row == hit.row }
            carried = opensGroup ? between : Array(floating.dropFirst(chosenTake))
        }
        for (row, rowLines) in unsettled {
            let words = rowLines.flatMap { line in lines[line].words.filter { $0.number != nil }.map { (line, $0) } }
            let wanted = template.rows[row].columns.count
            // By position even where the row does not add up, for the same reason.
            if let placed = columns.place(words, in: lines, wanted: wanted), RowSums(template: template, row: row).bounded(placed) {
                placement.place(placed, at: row)
            } else {
                let text = words.map(\.1.text).joined(separator: " ")
                placement.place(.unsettled([]), at: row, source: text, location: lines[rowLines.first ?? 0].location)
            }
        }
        unresolveShifts(read, in: lines, into: &placement)
        let last = found[found.count - 1]
        if table.reachesEnd, last.row < template.rows.count - 1 {
            placement.truncate(after: last.row, at: lines[last.line].location)
        }
        return trailingText(table, lines: lines, after: last.line)
    }

    /// A row read from two lines of a whole row of numbers each, each keeping its sums, with rows of one
    /// such line above it back to a row with no numbers (labels run together above their numbers: 2.没有
    /// 现成… and 3.补正后… on two lines, then both rows' numbers, then 1.信访… with its own): every set
    /// keeps its sums under either label, so the rows between may each hold the row above's numbers.
    /// They are left null, as `CellLineRegrouping` leaves rows that may hold the next row's.
    private func unresolveShifts(_ read: [(row: Int, lines: [Int], settled: Bool)], in lines: [Line],
                                 into placement: inout TablePlacement) {
        // Whole sets of numbers, a line each, at least one keeping its sums: one may be a report's own
        // that does not add up (a wrong number), and it still shows a row's numbers there.
        func sets(_ entry: (row: Int, lines: [Int], settled: Bool)) -> Int? {
            let wanted = template.rows[entry.row].columns.count
            let solver = NumberSplitter(count: wanted, sums: RowSums(template: template, row: entry.row))
            let numbered = entry.lines.filter { lines[$0].hasNumbers }
            guard numbered.allSatisfy({ lines[$0].words.count(where: { $0.number != nil }) == wanted }),
                  numbered.isEmpty || numbered.contains(where: { line in
                      if case .settled = solver.solve(pieces([line], in: lines)) { true } else { false }
                  }) else { return nil }
            return numbered.count
        }
        for (k, entry) in read.enumerated() where !entry.settled && sets(entry) == 2 {
            var above = k - 1
            while above >= 0, read[above].settled, sets(read[above]) == 1 { above -= 1 }
            if above < k - 1, above >= 0, sets(read[above]) == 0 {
                for shifted in read[(above + 1)..<k] {
                    placement.unresolveShifted(row: shifted.row, source: text(of: shifted.lines, in: lines), mayBelongTo: .previous,
                                               at: lines[shifted.lines[0]].location)
                }
            }
        }
    }

    /// The number words of some lines, as the text writes them.
    private func text(of chosen: [Int], in lines: [Line]) -> String {
        chosen.flatMap { lines[$0].words.filter { $0.number != nil }.map(\.text) }.joined(separator: " ")
    }

    /// A found row's own lines, the lines between them and the next row's, and those of them that
    /// float: number lines just before the next row may be this row's wrapped numbers or the next
    /// row's; lines from a group label's first piece on (三、本 above （一）予以公开) are the next row's.
    private func span(of k: Int, _ found: [(row: Int, line: Int)], in lines: [Line]) -> (own: [Int], between: [Int], floating: [Int]) {
        let next = k + 1 < found.count ? found[k + 1].line : nil
        let groups = k + 1 < found.count ? sharedGroups(found[k].row, found[k + 1].row) : []
        let own = ownLines(from: found[k].line, upTo: next, sharing: groups, in: lines)
        let between = next.map { Array((own.last! + 1)..<$0) } ?? []
        return (own, between, between.allSatisfy { lines[$0].isNumbersOnly } ? between : [])
    }

    /// The values as the page lays them out, where no reading adds up (`NumberSplitter.asWritten`), when
    /// each number stands on the label line, on a line that only continues its label, or on a line of
    /// numbers alone. A number beside another label may be that label's row's, or the struck digits of
    /// a tracked change (9999 beside 三、本): only the sums may join it to a row's number. Two lines
    /// that each hold a whole row of numbers are two rows, whatever their labels (a PDF that ran two
    /// label lines together hid the next rows' markers, and stacking their numbers made 27290171).
    private func asLaidOut(_ chosen: [Int], labelLine: Int?, by splitter: NumberSplitter, in lines: [Line]) -> [Double]? {
        guard chosen.allSatisfy({ line in
                  line == labelLine || !lines[line].hasNumbers || lines[line].isNumbersOnly
                      || labelLine.map { continues($0, on: line, in: lines) } == true
              }),
              chosen.filter({ line in lines[line].words.count(where: { $0.number != nil }) >= splitter.count }).count < 2
        else { return nil }
        return splitter.asWritten(pieces(chosen, in: lines))
    }

    /// Whether the label words of line `next` only continue the labels on line `label` (the row's, and
    /// a group label's beside it): each in the column of one of them, none opening a row.
    private func continues(_ label: Int, on next: Int, in lines: [Line]) -> Bool {
        let starts = lines[label].words.filter { $0.number == nil }.map(\.start)
        return lines[next].words.allSatisfy { word in
            word.number != nil || (starts.contains { abs(word.start - $0) <= 2 } && LabelKey(word.text).marker == nil
                                   && !word.text.hasPrefix("（") && !word.text.hasPrefix("("))
        }
    }

    /// How many of the floating number lines after a row are surely its, told by the next row's sums:
    /// all when the next row adds up without them and not with them, none the other way round, nil
    /// when its sums do not tell. A full line tells nothing: a wrapped number may end on it (`2614`
    /// on 总计's line, its `1` below).
    private func floatingOwner(_ floating: [Int], next k: Int, of found: [(row: Int, line: Int)], in lines: [Line]) -> Int? {
        guard !floating.isEmpty else { return 0 }
        guard k < found.count else { return nil }
        let row = found[k].row
        // The next row's own floating lines too, which it may need to add up.
        let (own, _, itsFloating) = span(of: k, found, in: lines)
        let solver = NumberSplitter(count: template.rows[row].columns.count, sums: RowSums(template: template, row: row))
        func addsUp(_ chosen: [Int]) -> Bool {
            (0...itsFloating.count).contains { take in
                if case .settled = solver.solve(pieces(chosen + itsFloating.prefix(take), in: lines)) { true } else { false }
            }
        }
        switch (addsUp(own), addsUp(floating + own)) {
        case (true, false): return floating.count
        case (false, true): return 0
        default: return nil
        }
    }

    /// The lines after the last row's own lines that hold none of it, as paragraphs.
    private func trailingText(_ table: SourceTable, lines: [Line], after lastRow: Int) -> [Paragraph] {
        let end = ownLines(from: lastRow, upTo: nil, in: lines).last! + 1
        var firstText = end
        // A wrapped label of the last row stays with it.
        while firstText < lines.count, !lines[firstText].hasNumbers, lines[firstText].words.count == 1,
              lines[firstText].labelText.count <= 8 { firstText += 1 }
        return table.rows[firstText...].compactMap { row in
            let text = String((row.cells.first?.text ?? "").filter { $0 != "\u{0C}" }).trimmingBlanks()
            return text.isEmpty ? nil : Paragraph(text: text, location: row.location)
        }
    }

    /// The lines a row's numbers can stand on: its label line and the lines after it, up to the next row's
    /// or to a line whose label opens with a number of its own (a group label's first piece), without
    /// the number lines right before that one; the last row stops at a blank or text-only line.
    /// A group label's piece opens a row only when it is not the label of a group the row and the next
    /// are both in (`groups`): a browser centres a merged cell's label, （五） beside 3.要求提供公 /
    /// 开出版物 in the middle of its group, where a word processor sets it at the group's first row.
    private func ownLines(from start: Int, upTo next: Int?, sharing groups: [String] = [], in lines: [Line]) -> [Int] {
        guard let next else {
            var end = start + 1
            while end < lines.count, lines[end].hasNumbers { end += 1 }
            return Array(start..<end)
        }
        var end = (start + 1..<next).first { line in
            guard let word = lines[line].words.first(where: { $0.number == nil }) else { return false }
            let marker = LabelKey(word.text).marker
            return marker != nil && !groups.contains { $0.first == word.text.first && LabelKey($0).marker == marker }
        } ?? next
        while end - 1 > start, lines[end - 1].isNumbersOnly { end -= 1 }
        return Array(start..<end)
    }

    /// The labels of the groups two rows are both in (三、本年度办理结果, （五）不予处理).
    private func sharedGroups(_ row: Int, _ other: Int) -> [String] {
        zip(template.rows[row].path.dropLast(), template.rows[other].path.dropLast()).prefix { $0 == $1 }.map(\.0)
    }

    /// The run of number-only lines directly before `line`.
    private func numberLines(before line: Int, in lines: [Line]) -> Range<Int> {
        var start = line
        while start > 0, lines[start - 1].isNumbersOnly { start -= 1 }
        return start..<line
    }

    /// The number words of some lines as pieces, left to right by column; words of one column on
    /// successive lines may be one wrapped number.
    private func pieces(_ chosen: [Int], in lines: [Line]) -> [NumberPiece] {
        let words = chosen.flatMap { line in lines[line].words.filter { $0.number != nil }.map { (line: line, word: $0) } }
            .sorted { ($0.word.start, $0.line) < ($1.word.start, $1.line) }
        var clusters: [[(line: Int, word: Word)]] = []
        for item in words {
            if let last = clusters.last, let end = last.map(\.word.end).max(), item.word.start < end {
                clusters[clusters.count - 1].append(item)
            } else {
                clusters.append([item])
            }
        }
        return clusters.flatMap { cluster in
            let ordered = cluster.sorted { $0.line < $1.line }
            return ordered.enumerated().map { i, item in
                NumberPiece(text: item.word.number!, splittable: false,
                            joinsNext: i + 1 < ordered.count && ordered[i + 1].line > item.line)
            }
        }
    }

    /// 表四: one line of values under the header.
    private func recoverSingleRow(_ lines: [Line], into placement: inout TablePlacement) {
        let cells = template.cells
        let numbered = lines.indices.filter { lines[$0].hasNumbers }
        guard let first = numbered.first else {
            placement.noteNoValues(at: lines.first?.location)
            return
        }
        let numbers = numbered.map { lines[$0].words.compactMap(\.number) }
        let sums = RowSums(template: template, cells: cells)
        let splitter = NumberSplitter(count: cells.count, sums: sums)
        let outcome = splitter.solve(pieces(numbered, in: lines))
        // Tails of numbers a narrow column wrapped, on a line of their own that pdftotext packed closer
        // than the columns above: not under their heads, so read in order (WrappedDigits).
        if case .unsettled = outcome, numbered.count == 2, lines[numbered[1]].isNumbersOnly,
           let wrapped = WrappedDigits(count: cells.count, sums: sums).read(heads: numbers[0], tails: numbers[1]) {
            placement.placeWrappedSingleRow(wrapped, heads: numbers[0], tails: numbers[1], location: lines[first].location)
            return
        }
        // Read as laid out whether or not the groups add up.
        if case .unsettled = outcome,
           let values = asLaidOut(numbered, labelLine: nil, by: splitter, in: lines) {
            placement.placeSingleRow(.settled(values), source: "", location: nil)
            return
        }
        placement.placeSingleRow(outcome, source: numbers.joined().joined(separator: " "), location: lines[first].location)
    }
}

/// Where each value column stands on a page, learned from rows whose numbers were all on their line.
/// A row with blank cells is then read by position: each number in the column nearest to it, whether
/// or not the row adds up.
struct ColumnPositions {
    /// (page, values wanted) → centre of each column.
    private var centres: [Pair: [Double]] = [:]
    private struct Pair: Hashable { var page: Int; var wanted: Int }

    mutating func learn(_ chosen: [Int], in lines: [AlignedTableRecovery.Line], wanted: Int) {
        guard chosen.count >= 1 else { return }
        let line = lines[chosen[0]]
        let numbers = line.words.filter { $0.number != nil }
        guard numbers.count == wanted, chosen.dropFirst().allSatisfy({ !lines[$0].hasNumbers }) else { return }
        let pair = Pair(page: line.page, wanted: wanted)
        if centres[pair] == nil { centres[pair] = numbers.map { Double($0.start + $0.end) / 2 } }
    }

    /// The values of a row with blanks, by position, when every number sits clearly in its own column.
    func place(_ words: [(Int, AlignedTableRecovery.Word)], in lines: [AlignedTableRecovery.Line], wanted: Int) -> [Double?]? {
        guard !words.isEmpty, words.count < wanted, Set(words.map(\.0)).count == 1,
              let centres = centres[Pair(page: lines[words[0].0].page, wanted: wanted)] else { return nil }
        var values = [Double?](repeating: nil, count: wanted)
        for (_, word) in words {
            let centre = Double(word.start + word.end) / 2
            let distances = centres.map { abs($0 - centre) }.enumerated().sorted { $0.element < $1.element }
            // Clearly nearer one column than the next.
            guard distances.count < 2 || distances[0].element * 2 < distances[1].element,
                  values[distances[0].offset] == nil else { return nil }
            values[distances[0].offset] = word.number.flatMap(NumberSplitter.value)
        }
        return values
    }
}

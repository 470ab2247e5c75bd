import NianbaoModel

/// Places the values of one recognised table at the template's canonical keys.
struct TablePlacement {
    let template: TableTemplate
    /// The source's column headers, where its reader gave a grid; nil for text placed by counting.
    let headers: HeaderColumns?
    private(set) var values: TableValues
    private(set) var diagnostics: [Diagnostic] = []
    /// What the repaired grid keeps from the source besides the values.
    private(set) var gridNotes = GridNotes()
    private var placed: Set<Int> = []
    private var realignedRows = 0
    /// Labels of rows whose values were put back under the header columns they straddled.
    private var realignedUnderHeaders: [String] = []
    /// Rows of a text form whose amounts the source states in 元.
    private var yuanRows: Set<Int> = []
    /// Columns (by key) whose header the source writes with 元 (采购总金额（元）).
    private var yuanColumns: Set<String> = []
    /// Per source row (by position): the header row above it, for a cell read line by line under it.
    private var headerAbove: [Int: AnalyzedRow] = [:]

    init(template: TableTemplate, headers: HeaderColumns? = nil) {
        self.template = template
        self.headers = headers
        values = TableValues(rows: template.rows.map { row in
            RowValues(key: row.key, cells: row.columns.map { ColumnValue(key: $0.key, value: nil, label: $0.label) },
                      label: row.label)
        })
    }

    // MARK: Rows with labels (表二, 表三)

    /// A row matched to a template row, waiting for its values to be read.
    private struct Match {
        var row: AnalyzedRow
        var index: Int
    }

    mutating func placeLabelledRows(_ rows: [AnalyzedRow]) {
        noteHeadersInYuan(rows)
        var matches: [Match] = []
        var context: [Int: LabelKey] = [:]
        var pending: (row: AnalyzedRow, index: Int?)?

        func flushPending() {
            // A label that matched a row but never got cells of its own: the row is there, blank.
            if let p = pending, let index = p.index { matches.append(Match(row: p.row, index: index)) }
            pending = nil
        }

        var header: AnalyzedRow?
        var continuation = 0
        for (i, row) in rows.enumerated() {
            headerAbove[row.position] = header
            // Rows of label pieces already joined to the cut-short label above them.
            if continuation > 0 { continuation -= 1; continue }
            guard let leafText = row.labels.last else {
                if row.hasValues { unmatched(row, label: row.regionText.joined(separator: " ")) }
                continue
            }
            let keys = row.labelKeys
            for key in keys.dropLast() { _ = noteParent(key, in: &context) }
            let leaf = keys.last!

            if !row.hasValues {
                if template.keys.isHeader(keys) { header = row }
                if noteParent(leaf, in: &context) || template.keys.isHeader(keys) {
                    flushPending()
                    continue
                }
                if !row.region.isEmpty, let index = match(leaf, context: context) {
                    // Blank cells stand after the label: a row left empty.
                    flushPending()
                    matches.append(Match(row: row, index: index))
                    continue
                }
                if let (split, index) = separatingFirstValue(row, context: context) {
                    flushPending()
                    matches.append(Match(row: split, index: index))
                    continue
                }
                // A label wrapped onto the next row, or a row whose cells follow on the next line.
                if let p = pending, p.index == nil {
                    let joined = p.row.labels.last! + leafText
                    pending = (merging(p.row, label: joined), match(LabelKey(joined), context: context))
                } else {
                    flushPending()
                    pending = (row, match(leaf, context: context))
                }
                continue
            }

            // The label before joins this row's only when this row's label is not a whole label of
            // another row itself (`4.保护第三方合法权益` left without cells, then `5.属于三类内部事务信息` with
            // its own: the values are row 5's).
            let joined = pending.flatMap { match(LabelKey($0.row.labels.last! + leafText), context: context) }
            if let index = joined, wholeLabelMatch(leaf).map({ $0 == index }) ?? true {
                matches.append(Match(row: row, index: index))
                pending = nil
            } else if let index = match(leaf, context: context) {
                flushPending()
                matches.append(Match(row: row, index: index))
            } else if let p = pending, let index = p.index {
                matches.append(Match(row: row, index: index))
                pending = nil
            } else if let index = matchAcrossCells(row) ?? matchFromMarkedLine(row, context: context) {
                pending = nil
                matches.append(Match(row: row, index: index))
            } else if let (split, index) = separatingFirstValue(row, context: context) {
                pending = nil
                matches.append(Match(row: split, index: index))
            } else if let (index, used) = matchContinued(rows[i...], context: context) {
                pending = nil
                continuation = used
                matches.append(Match(row: row, index: index))
            } else {
                pending = nil
                unmatched(row, label: leafText)
            }
        }
        flushPending()

        var alignment = ValueAlignment()
        for m in matches { alignment.learn(m.row.region, wanted: template.rows[m.index].columns.count) }
        for m in matches { place(m.row, at: m.index, using: alignment) }
        // Rows were matched and read in two passes; their diagnostics go in source order.
        diagnostics = diagnostics.enumerated().sorted {
            ($0.element.location?.line ?? 0, $0.offset) < ($1.element.location?.line ?? 0, $1.offset)
        }.map(\.element)
        reportRealigned(at: rows.first?.location)
    }

    private func merging(_ row: AnalyzedRow, label: String) -> AnalyzedRow {
        var merged = row
        merged.labels[merged.labels.count - 1] = label
        return merged
    }

    /// Records a group label (三、本年度办理结果, 第二十条第（一）项) as the context of the rows below it.
    private func noteParent(_ key: LabelKey, in context: inout [Int: LabelKey]) -> Bool {
        guard let depth = template.keys.parents.firstIndex(where: { level in level.contains { $0.matches(key) } }) else {
            return false
        }
        context[depth] = key
        for deeper in context.keys where deeper > depth { context[deeper] = nil }
        return true
    }

    /// The one template row whose label opens inside the row's label cells read as one, line by line:
    /// a converter that cuts labels at fixed widths (pymupdf4llm) splits `一、本年新收政府信息公开申请数量`
    /// into `一、本` | `年新收政府` | `信息公开申请数量`, and a wrapped cell's lines across the cells.
    /// Only a row with a value cell for each column and no number among its label pieces: a cut that
    /// put a value into a label cell (`文件<br>207`) would leave the numbers after it one column short.
    /// A group label's pieces in the cells before (`三、<br>本年` | `（一）<br>开` | `予以公`) interleave
    /// with the row's own line by line, so the cells are read from each cell on in turn, the first
    /// reading that names one row deciding.
    private func matchAcrossCells(_ row: AnalyzedRow) -> Int? {
        guard row.labels.count > 1 else { return nil }
        let cells = row.labels.map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        guard !cells.joined().contains(where: { CellValue.isDigits(String($0).trimmingBlanks()) }) else { return nil }
        // A value cell holding two lines of digits (a number its column wrapped) counts as one cell.
        let values = row.region.filter { $0.isNumber || $0.spacedNumbers?.count == 2 }.count
        guard row.region.count == values else { return nil }
        for first in cells.indices.dropLast() {
            let read = cells[first...]
            let lines = (0..<(read.map(\.count).max() ?? 0)).map { line in
                read.map { line < $0.count ? String($0[line]) : "" }.joined()
            }
            let plain = LabelKey.plain(lines.joined())
            let found = template.rows.indices.filter { RowNeedle(template.rows[$0]).occurs(in: plain, withMarker: true) }
            guard found.count <= 1 else { return nil }
            if let index = found.first { return values == template.rows[index].columns.count ? index : nil }
        }
        return nil
    }

    /// The template row a label cell names from one of its lines on: a converter that keeps a group
    /// label's pieces in the row's cell (`三、<br>本年<br>（一）予以公<br>开`) puts them on lines before
    /// the row's own, which starts with its marker.
    private func matchFromMarkedLine(_ row: AnalyzedRow, context: [Int: LabelKey]) -> Int? {
        guard let leaf = row.labels.last else { return nil }
        let lines = leaf.split(separator: "\n").map(String.init)
        for first in lines.indices.dropFirst() where LabelKey(lines[first]).marker != nil {
            if let index = match(LabelKey(lines[first...].joined()), context: context) { return index }
        }
        return nil
    }

    /// The row read with its first value taken out of the label cell that holds it: a converter that
    /// cuts labels at fixed widths can put a label's last piece and the first value in one cell
    /// (pymupdf4llm: `|行政规范性|文件<br>207|107|311|`). The piece joins the label before it, and the
    /// row is that where the label so read names a row whose columns the numbers fill, one each.
    private func separatingFirstValue(_ row: AnalyzedRow, context: [Int: LabelKey]) -> (AnalyzedRow, Int)? {
        guard let cell = row.cells.lastIndex(where: \.isLabel), cell > 0, row.cells[cell - 1].isLabel else { return nil }
        var lines = Self.lines(of: row.source.cells[cell].text)
        guard lines.count > 1, let value = lines.popLast(), case .number = CellValue(value),
              !lines.joined().contains(where: \.isNumber) else { return nil }
        var source = row.source
        source.cells[cell - 1].text += lines.joined()
        source.cells[cell].text = value
        let split = AnalyzedRow(source, position: row.position, starts: row.cellStarts)
        guard let leaf = split.labelKeys.last, let index = match(leaf, context: context),
              split.region.allSatisfy({ $0.isNumber || $0 == .blank }),
              split.numberCount == template.rows[index].columns.count else { return nil }
        return (split, index)
    }

    /// The template row that a row's cut-short label (`1.本`) names with the label pieces of the rows
    /// below it, rows of pieces alone in its label's column and no values (pymupdf4llm breaks a tall
    /// cell into rows: `|（四|1.本|319|…|` then `|）无<br>法提<br>供|机关<br>不掌<br>握相…|||…|`), and how
    /// many of those rows it took; a loose line below a small table's row (markitdown: `|  | 2.其 | 145 |…|`,
    /// then `他法`, `律行`, …) is such a row too. The pieces, read as one with the label, must be the
    /// row's label or its start: a piece with a marker of its own, or one that names a row, is the next
    /// row's label.
    private func matchContinued(_ rows: ArraySlice<AnalyzedRow>, context: [Int: LabelKey]) -> (index: Int, used: Int)? {
        guard let row = rows.first, let column = row.lastLabelStart, var label = row.labels.last else { return nil }
        var used = 0
        for next in rows.dropFirst() {
            // A loose line between a converter's small tables (markitdown) is a row of one cell.
            guard !next.hasValues, let piece = next.source.cells.count == 1 ? next.labels.first : next.label(at: column) else { break }
            let key = LabelKey(piece)
            let isGroup = template.keys.parents.contains { level in level.contains { $0.matches(key) } }
            if key.marker != nil || wholeLabelMatch(key) != nil || isGroup { break }
            label += piece
            used += 1
        }
        let key = LabelKey(label)
        guard used > 0, let index = match(key, context: context),
              template.keys.leaves[index].contains(where: { key.opens($0) }) else { return nil }
        return (index, used)
    }

    /// The template row whose whole label (its words, not a part of them) the key is, if one is.
    private func wholeLabelMatch(_ key: LabelKey) -> Int? {
        template.rows.indices.first { i in template.keys.leaves[i].contains { $0.hasSameWords(as: key) } }
    }

    /// The template row a label names: exact words before a cut-short label, then the row whose
    /// groups agree with the context, then the first not yet filled.
    private func match(_ key: LabelKey, context: [Int: LabelKey]) -> Int? {
        let leaves = template.keys.leaves
        var candidates = template.rows.indices.filter { i in leaves[i].contains { $0.matches(key) } }
        let exact = candidates.filter { i in leaves[i].contains { $0.hasSameWords(as: key) } }
        if !exact.isEmpty { candidates = exact }
        guard candidates.count > 1 else { return candidates.first }
        func agreement(_ i: Int) -> Int {
            let path = template.keys.paths[i].dropLast()
            return path.indices.filter { d in context[d].map { path[d].matches($0) } ?? false }.count
        }
        let best = candidates.map(agreement).max() ?? 0
        let agreeing = candidates.filter { agreement($0) == best }
        return agreeing.first { !placed.contains($0) } ?? agreeing.first
    }

    // MARK: One line of values (表四)

    /// Says that the table has its header and no line of values: its cells are null.
    mutating func noteNoValues(at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, "table.no_values", "\(template.name)只有表头，没有数值行", at: location))
    }

    mutating func placeSingleValueRow(_ rows: [AnalyzedRow]) {
        let wanted = template.rows.reduce(0) { $0 + $1.columns.count }
        // The value line: the one with numbers, or in a table left blank, the one without labels.
        var dataRows = rows.filter { $0.numberCount >= max(1, wanted / 2) }
        if dataRows.isEmpty {
            dataRows = Array(rows.filter { $0.labels.isEmpty && $0.region.count >= wanted / 2 }.prefix(1))
        }
        guard let row = dataRows.first else {
            noteNoValues(at: rows.first?.location)
            return
        }
        // A line right after the values, numbers only: perhaps the last digits a narrow column wrapped.
        if let next = rows.first(where: { $0.position == row.position + 1 }), next.labels.isEmpty,
           let outcome = WrappedDigits(count: wanted, sums: RowSums(template: template, cells: template.cells))
               .read(heads: row.regionText.flatMap(CellValue.words), tails: next.regionText.flatMap(CellValue.words)) {
            for extra in dataRows.dropFirst() where extra.position != next.position {
                unmatched(extra, label: extra.regionText.joined(separator: " "))
            }
            placeWrappedSingleRow(outcome, heads: row.regionText.filter { !$0.isEmpty },
                                  tails: next.regionText.filter { !$0.isEmpty }, location: row.location)
            return
        }
        for extra in dataRows.dropFirst() {
            unmatched(extra, label: extra.regionText.joined(separator: " "))
        }
        if !placeByHeaders(row, rows: Array(template.rows.indices)),
           !placeSpaced(row, rows: Array(template.rows.indices), label: "数值") {
            let (cells, reading) = ValueAlignment().values(row.region, wanted: wanted)
            guard settles(reading, cells, of: row, rows: Array(template.rows.indices)) else {
                unsettled(Array(template.rows.indices), label: "数值", row: row)
                reportRealigned(at: row.location)
                return
            }
            note(reading, label: "数值", row: row)
            var offset = 0
            for (index, templateRow) in template.rows.enumerated() {
                let count = templateRow.columns.count
                store(Array(cells[offset..<offset + count]), at: index, row: row)
                offset += count
            }
        }
        reportRealigned(at: row.location)
    }

    // MARK: Rows read from text forms (aligned columns, flattened cells)

    /// Finds the 万元 columns whose header in the source says 元, wherever their values end up read from.
    private mutating func noteHeadersInYuan(_ rows: [AnalyzedRow]) {
        for row in rows {
            for (text, key) in zip(row.labels, row.labelKeys) where CellValue.statesYuan(text) {
                for (r, templateRow) in template.rows.enumerated() {
                    for (c, column) in templateRow.columns.enumerated()
                    where column.unit == .tenThousandYuan && template.keys.columns[r][c].contains(where: { key.matches($0) }) {
                        yuanColumns.insert(column.key)
                    }
                }
            }
        }
    }

    /// Records that a text form's row states its amounts in 元: its 万元 columns convert them.
    mutating func noteAmountsInYuan(row index: Int) {
        yuanRows.insert(index)
    }

    /// A number a text form read for a column, in the column's unit.
    private mutating func converted(_ number: Double, row index: Int, column: ColumnTemplate) -> Double? {
        guard yuanRows.contains(index) else { return number }
        let stated = CellValue.yuan(numberText(number))
        noteWritten(stated, row: template.rows[index].key, column: column)
        return stated.number(in: column.unit)
    }

    /// An amount converted from 元 keeps its text, with its unit, in the grid: the grid is the source's
    /// text, and reading the grid back converts it the same way.
    private mutating func noteWritten(_ cell: CellValue, row: String, column: ColumnTemplate) {
        if case .yuan(let digits) = cell, column.unit == .tenThousandYuan { gridNotes.texts["\(row).\(column.key)"] = digits + "元" }
    }

    /// Stores a row the text form settled, or leaves it unresolved and says why.
    mutating func place(_ outcome: NumberSplitter.Outcome, at index: Int, source: String, location: SourceLocation?) {
        placed.insert(index)
        let row = template.rows[index]
        switch outcome {
        case .settled(let numbers):
            for (column, number) in zip(row.columns, numbers) {
                values[row.key, column.key] = converted(number, row: index, column: column)
            }
        case .unsettled(let readings):
            let shown = readings.map { $0.joined(separator: "|") }.joined(separator: "；")
            unresolve([index], because: Diagnostic(.warning, "value.ambiguous",
                "\(template.name)“\(row.shortLabel)”行的数字“\(source)”无法确定如何分成 \(row.columns.count) 个数值"
                + (readings.isEmpty ? "（没有一种分法符合本行的合计关系）" : "（可能的分法：\(shown)）") + "，记为空",
                at: location))
        }
    }

    /// Says that a row's digits kept its row sums more than one way and the column rules chose the reading.
    mutating func noteSettledByColumns(row index: Int, source: String, values: [Double], rules: [SumRule],
                                       at location: SourceLocation?) {
        let reading = values.map(numberText).joined(separator: "|")
        let named = rules.map { "\($0.leftName)等于\($0.rightName)" }.joined(separator: "，")
        diagnostics.append(Diagnostic(.info, "value.settled_by_columns",
            "\(template.name)“\(template.rows[index].shortLabel)”行的数字“\(source)”有多种分法符合本行的合计关系，"
            + "只有 \(reading) 同时符合各列的勾稽关系（\(named)），按此记录", at: location))
    }

    /// Says that a single-row table's numbers, more than its cells, were read with some joined to the
    /// next line's (a narrow column wrapped them: `10` then `42` for 1042).
    mutating func noteJoinedLines(source: String, values: [Double], at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.info, "value.wrapped_digits",
            "\(template.name)的数字“\(source)”多于本表的格数，有的是窄列折成两行的一个数，"
            + "按本表的合计关系接回，读作 \(values.map(numberText).joined(separator: "|"))", at: location))
    }

    /// Places the value line read with the last digits a narrow column wrapped onto the next line
    /// (`WrappedDigits`), and says how it was read.
    mutating func placeWrappedSingleRow(_ outcome: NumberSplitter.Outcome, heads: [String], tails: [String],
                                        location: SourceLocation?) {
        placeSingleRow(outcome, source: (heads + tails).joined(separator: " "), location: location)
        if case .settled(let values) = outcome {
            diagnostics.append(Diagnostic(.info, "value.wrapped_digits",
                "\(template.name)数值行的下一行“\(tails.joined(separator: " "))”"
                + "是窄列折行的末位数字，按本表的合计关系接回，读作 \(values.map(numberText).joined(separator: "|"))",
                at: location))
        }
    }

    /// 表四's one line of values, read as a whole: each template row takes its share of a settled reading.
    mutating func placeSingleRow(_ outcome: NumberSplitter.Outcome, source: String, location: SourceLocation?) {
        var offset = 0
        for (index, row) in template.rows.enumerated() {
            if case .settled(let numbers) = outcome {
                place(numbers[offset..<offset + row.columns.count].map { Optional($0) }, at: index)
            } else {
                place(outcome, at: index, source: source, location: location)
            }
            offset += row.columns.count
        }
    }

    /// Stores a row placed by column position, blanks where no number stood.
    mutating func place(_ numbers: [Double?], at index: Int) {
        placed.insert(index)
        let row = template.rows[index]
        for (column, number) in zip(row.columns, numbers) {
            values[row.key, column.key] = number.flatMap { converted($0, row: index, column: column) }
        }
    }

    /// The source ended inside the table: the last row it has may be cut, and the rows after it are lost.
    mutating func truncate(after lastIndex: Int?, at location: SourceLocation?) {
        let from = lastIndex ?? 0
        let label = template.rows[from].shortLabel
        unresolve(Array(from..<template.rows.count), because: Diagnostic(.warning, "table.truncated",
            "\(template.name)在“\(label)”行处中断（原文不完整），该行及其后各行记为空", at: location))
    }

    /// Says when nothing in the table tells which edition it is drawn in.
    /// How many values are placed.
    var valueCount: Int { values.rows.reduce(0) { $0 + $1.cells.filter { $0.value != nil }.count } }

    /// Says that the labels left the edition open and the division of the numbers settled it: this
    /// edition's rows read more values than `other`'s.
    mutating func noteEditionByDivision(of other: TableTemplate, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.info, "table.edition_by_division",
            "\(template.name)的行标签不足以区分\(other.editions[0])年版与\(template.editions[0])年版格式；"
            + "按\(template.editions[0])年版的行读出的数值多于按\(other.editions[0])年版，数值按\(template.editions[0])年版的行列记录",
            at: location))
    }

    mutating func note(_ edition: EditionReading, at location: SourceLocation) {
        guard case .undetermined(let names) = edition else { return }
        diagnostics.append(Diagnostic(.warning, "table.edition_undetermined",
            "\(template.name)中没有能区分\(names.map { "\($0)年版" }.joined(separator: "与"))格式的行或表头，"
            + "无法判断其格式，数值按\(template.editions[0])年版的行列记录", at: location))
    }

    // MARK: Values

    private mutating func place(_ row: AnalyzedRow, at index: Int, using alignment: ValueAlignment) {
        let templateRow = template.rows[index]
        guard !placed.contains(index) else {
            diagnostics.append(Diagnostic(.warning, "table.row_duplicate",
                "\(template.name)“\(row.labels.last ?? "")”行重复出现，只采用第一次出现的数值", at: row.location))
            return
        }
        let label = row.labels.last ?? templateRow.label
        if placeByHeaders(row, rows: [index]) || placeSpaced(row, rows: [index], label: label) { return }
        let (cells, reading) = alignment.values(row.region, wanted: templateRow.columns.count)
        guard settles(reading, cells, of: row, rows: [index]) else { return unsettled([index], label: label, row: row) }
        note(reading, label: label, row: row)
        store(cells, at: index, row: row)
    }

    /// A row with a cell of several numbers (`235 336`: a converter ran two columns into one). Counting
    /// cells would shift every value after that cell, so the row is read only as its numbers in order,
    /// and only when they are exactly the values of `indexes` and every row sum holds; otherwise it is
    /// unresolved. False when the row has no such cell.
    private mutating func placeSpaced(_ row: AnalyzedRow, rows indexes: [Int], label: String) -> Bool {
        guard let spaced = row.region.firstIndex(where: { $0.spacedNumbers != nil }) else { return false }
        let cell = row.regionText[spaced]
        var numbers: [Double] = []
        for value in row.region where value != .blank {
            if case .number(let number) = value { numbers.append(number) } else if let several = value.spacedNumbers {
                numbers += several
            } else {
                numbers = []
                break
            }
        }
        func proven(_ numbers: [Double]) -> Bool {
            var offset = 0
            return numbers.count == indexes.reduce(0) { $0 + template.rows[$1].columns.count } && indexes.allSatisfy { index in
                let count = template.rows[index].columns.count
                defer { offset += count }
                let sums = RowSums(template: template, row: index)
                return !sums.totals.isEmpty && sums.hold(numbers[offset..<offset + count].map { Optional($0) })
            }
        }
        func storeAll(_ numbers: [Double]) {
            var offset = 0
            for index in indexes {
                let count = template.rows[index].columns.count
                store(numbers[offset..<offset + count].map { CellValue.number($0) }, at: index, row: row)
                offset += count
            }
        }
        // A number its narrow column wrapped inside the cell (`2526<br>6`, pymupdf4llm; in 表四's narrow
        // columns, several: `34<br>8`): each cell's two lines of digits are one number where that
        // reading, the only one with as many numbers as the row's columns, keeps the sums.
        let spacedCells = row.region.indices.filter { row.region[$0].spacedNumbers != nil }
        let wrapped = spacedCells.compactMap { i -> (lines: [String], whole: Double)? in
            let lines = Self.lines(of: row.regionText[i])
            guard lines.count == 2, lines.allSatisfy(CellValue.isDigits), let whole = Double(lines.joined()) else { return nil }
            return (lines, whole)
        }
        if !proven(numbers), !numbers.isEmpty, wrapped.count == spacedCells.count {
            var reading: [Double] = []
            var next = wrapped.makeIterator()
            for value in row.region where value != .blank {
                if case .number(let number) = value { reading.append(number) } else if let cell = next.next() { reading.append(cell.whole) }
            }
            if proven(reading) {
                storeAll(reading)
                let cells = wrapped.map { "“\($0.lines.joined(separator: " "))”" }.joined(separator: "、")
                diagnostics.append(Diagnostic(.info, "value.wrapped_digits",
                    "\(template.name)“\(label)”行的单元格\(cells)是窄列折成两行的\(wrapped.count == 1 ? "一个数" : "数")，"
                    + "按本行的合计关系读作 \(wrapped.map { numberText($0.whole) }.joined(separator: "、"))", at: row.location))
                return true
            }
        }
        if !proven(numbers), indexes.count == 1, let lined = linedUnderHeader(row, index: indexes[0]) {
            storeAll(lined.values)
            diagnostics.append(Diagnostic(.info, "value.spaced_cells",
                "\(template.name)“\(label)”行的单元格“\(cell.replacingAll("\n", with: " "))”含有几行数字，"
                + "其上的表头单元格“\(lined.header.replacingAll("\n", with: " "))”逐行写着各列名称，按此逐行读出", at: row.location))
            return true
        }
        guard proven(numbers) else {
            // The cell is unreadable as `1 234` always was; here the whole row goes with it.
            unresolve(indexes, because: Diagnostic(.warning, "value.unreadable",
                "\(template.name)“\(label)”行的单元格“\(cell)”含有以空格分开的数字，可能是一个数也可能是几个，"
                + "无法确定各数值所在的列（数值个数与本行的合计关系不能印证），本行记为空", at: row.location))
            return true
        }
        storeAll(numbers)
        diagnostics.append(Diagnostic(.info, "value.spaced_cells",
            "\(template.name)“\(label)”行的单元格“\(cell)”含有以空格分开的几个数字，"
            + "按顺序读作本行的 \(numbers.count) 个数值（本行的合计关系成立）", at: row.location))
        return true
    }

    /// The row's values read line by line under the header row above it, where a converter ran two
    /// columns into one cell, header and values alike, a line each (pymupdf4llm: `本年制发件数<br>本年废止件数`
    /// above `232<br>287`): every value cell stands under a header cell with as many lines, and those
    /// lines name the template row's columns in order. Gives the values and the header cell with lines.
    private func linedUnderHeader(_ row: AnalyzedRow, index: Int) -> (values: [Double], header: String)? {
        guard let header = headerAbove[row.position] else { return nil }
        let valueCells = row.source.cells.suffix(row.region.count).map(\.text)
        let headerCells = header.source.cells.map(\.text).suffix(valueCells.count)
        guard headerCells.count == valueCells.count else { return nil }
        var names: [String] = []
        var values: [Double] = []
        for (above, cell) in zip(headerCells, valueCells) {
            let (titles, numbers) = (Self.lines(of: above), Self.lines(of: cell).map(CellValue.init))
            guard titles.count == numbers.count else { return nil }
            for number in numbers {
                guard case .number(let value) = number else { return nil }
                values.append(value)
            }
            names += titles
        }
        let columns = template.keys.columns[index]
        guard names.count == columns.count,
              zip(names, columns).allSatisfy({ name, keys in keys.contains { LabelKey(name).matches($0) } }),
              let wide = headerCells.first(where: { Self.lines(of: $0).count > 1 }) else { return nil }
        return (values, wide)
    }

    /// A cell's lines (a converter's `<br>`, a wrapped number), trimmed.
    private static func lines(of cell: String) -> [String] {
        cell.split(separator: "\n").map { String($0).trimmingBlanks() }
    }

    /// Whether a reading by counting places the values for sure. Blanks whose place nothing shows leave
    /// the row unsettled (a merged blank shifts the values after it, and text does not show the merge).
    /// Blanks placed by position, or as in rows of the same shape, stand unless a row total then reads
    /// blank beside values: the sign of values shifted by a merged blank that the row's padding hid.
    private func settles(_ reading: ValueAlignment.Reading, _ cells: [CellValue], of row: AnalyzedRow, rows indexes: [Int]) -> Bool {
        switch reading {
        case .guessed:
            // Values with no blank before them stand first: only trailing cells, which text drops, are missing.
            let region = row.region
            let firstBlank = region.firstIndex(of: .blank) ?? region.endIndex
            return !region[firstBlank...].contains(where: \.isNumber)
        case .inferred, .exact:
            var offset = 0
            return indexes.allSatisfy { index in
                let count = template.rows[index].columns.count
                defer { offset += count }
                let values = Array(cells[offset..<offset + count])
                return RowSums(template: template, row: index).totals.allSatisfy { total, parts in
                    values[total] != .blank || !parts.contains { values[$0].isNumber }
                }
            }
        default:
            return true
        }
    }

    /// Leaves rows whose blanks the counting could not place unresolved, and says so.
    private mutating func unsettled(_ indexes: [Int], label: String, row: AnalyzedRow) {
        unresolve(indexes, because: Diagnostic(.warning, "table.values_ambiguous",
            "\(template.name)“\(label)”行有空白单元格，原文未标明其所在的列（合并的空白单元格会使其后的数值错位），"
            + "无法确定各数值属于哪一列，记为空", at: row.location))
    }

    /// Leaves null every row whose totals are there and break its row sums. For a table a converter
    /// broke into pieces, whose cells may hold a number it cut in two (`2614` in the cell, `1` on the
    /// line after), a row that does not add up is not taken as the source's. A row without its total
    /// has nothing to check and stays as read.
    mutating func unresolveRowsBreakingSums(at location: SourceLocation?) {
        let broken = template.rows.indices.filter { index in
            let row = template.rows[index]
            let cells = row.columns.map { values[row.key, $0.key] }
            let sums = RowSums(template: template, row: index)
            return !sums.totals.isEmpty && sums.totals.keys.allSatisfy { cells[$0] != nil } && !sums.hold(cells)
        }
        guard !broken.isEmpty else { return }
        let labels = broken.map { "“\(template.rows[$0].shortLabel)”" }.joined(separator: "、")
        unresolve(broken, because: Diagnostic(.warning, "value.ambiguous",
            "\(template.name)被拆成几段，按行标签读出后，\(labels)行的数值不符合本行的合计关系（转换工具可能把一个数字拆到了表外），记为空",
            at: location))
    }

    /// Says how a row's numbers, which the text put outside the row's place, were put back (`CellLineRegrouping`).
    mutating func noteMoved(_ move: CellLineRegrouping.Move, row index: Int, values: [Double], at location: SourceLocation?) {
        let how = switch move {
        case .totalFirst: "本行合计在各项数值之前（单元格内容垂直居中），"
        case .beforeLabel: "本行数值在行标签之前（行标签折行后垂直居中），"
        case .wrappedTotal(let head, let tail): "本行合计被窄列折成“\(head)”和“\(tail)”两行，接回后"
        case .labelElsewhere: "行标签不在本行数值旁，数值接在上一行之后，依模板的行序"
        }
        diagnostics.append(Diagnostic(.info, "value.reordered",
            "\(template.name)“\(template.rows[index].shortLabel)”行：\(how)按本行的合计关系读作 "
            + values.map(numberText).joined(separator: "|"), at: location))
    }

    /// A row next to another.
    enum Neighbour {
        case next, previous
    }

    /// Leaves null a row whose numbers may be a neighbour's (`CellLineRegrouping`, `AlignedTableRecovery`):
    /// the row above holds two sets and a row below none, so the text may write numbers before their
    /// labels; or the other way round, labels run together above their numbers.
    mutating func unresolveShifted(row index: Int, source: String, mayBelongTo neighbour: Neighbour,
                                   at location: SourceLocation?) {
        let why = switch neighbour {
        case .next: "也可能属于下一行：上方有一行跟着两组数字，下方有一行没有数字，文本可能把数字写在行标签之前"
        case .previous: "也可能属于上一行：上方有一行没有数字，下方有一行跟着两组数字，文本可能把几行的标签连在一起写在数字之前"
        }
        unresolve([index], because: Diagnostic(.warning, "value.ambiguous",
            "\(template.name)“\(template.rows[index].shortLabel)”行之后的数字“\(source)”\(why)，无法确定，记为空", at: location))
    }

    /// Leaves null the groups of a single-row table whose numbers the text puts before their
    /// columns' headers (`HeaderMarkOrder`), which leaves their order unknown.
    mutating func unresolve(groups: [Int], beforeTheirHeader marks: [String], at location: SourceLocation?) {
        guard !groups.isEmpty else { return }
        let labels = groups.map { "“\(template.rows[$0].shortLabel)”" }.joined(separator: "、")
        unresolve(groups, because: Diagnostic(.warning, "value.ambiguous",
            "\(template.name)\(labels)的数字在文本中排在列标题（\(marks.joined(separator: "、"))）之前，"
            + "无法确定各数字属于哪一列（页面可能是旋转的），记为空", at: location))
    }

    /// Leaves null and unresolved rows found without numbers in a text whose other rows hold more
    /// numbers than they take: their numbers may be among those, so they are not rows of blanks.
    mutating func unresolveWithoutNumbers(_ indexes: [Int], at location: SourceLocation?) {
        guard !indexes.isEmpty else { return }
        let labels = indexes.map { "“\(template.rows[$0].shortLabel)”" }.joined(separator: "、")
        unresolve(indexes, because: Diagnostic(.warning, "value.ambiguous",
            "\(template.name)\(labels)行的标签后没有数字，而别的行后面的数字多于该行所需，这些行的数字可能在其中，记为空",
            at: location))
    }

    /// Marks template rows placed but unresolved, with the diagnostic that says why.
    private mutating func unresolve(_ indexes: [Int], because diagnostic: Diagnostic) {
        for index in indexes {
            placed.insert(index)
            values.unresolve(row: template.rows[index].key)
        }
        diagnostics.append(diagnostic)
    }

    /// Places a row's values under the header columns they stand below, when the source has a grid
    /// whose header names every column of `indexes` (the template rows the row's values belong to).
    /// False when it has none, or a value stands outside it: the row is then read by counting.
    private mutating func placeByHeaders(_ row: AnalyzedRow, rows indexes: [Int]) -> Bool {
        guard let headers else { return false }
        var slots: [HeaderColumns.Slot] = []
        for index in indexes {
            guard let found = headers.slots(of: index, at: row) else { return false }
            slots += found
        }
        let label = indexes.count == 1 ? row.labels.last ?? template.rows[indexes[0]].label : "数值"
        switch HeaderColumns.read(row, under: slots) {
        case .outside:
            return false
        case .unsettled:
            unresolve(indexes, because: Diagnostic(.warning, "value.ambiguous",
                "\(template.name)“\(label)”行的数值与表头的列对不上（合并单元格跨了几列，或两个数值同在一列之下），"
                + "无法确定各数值属于哪一列，记为空", at: row.location))
        case .placed(let cells, let realigned, let merged):
            if realigned { realignedUnderHeaders.append(label) }
            var offset = 0
            for index in indexes {
                let count = template.rows[index].columns.count
                store(Array(cells[offset..<offset + count]), at: index, row: row)
                let own = merged.filter { $0.lowerBound >= offset && $0.upperBound <= offset + count }
                if !own.isEmpty {
                    gridNotes.merges[template.rows[index].key] = own.map { ($0.lowerBound - offset)..<($0.upperBound - offset) }
                }
                offset += count
            }
        }
        return true
    }

    private mutating func store(_ cells: [CellValue], at index: Int, row: AnalyzedRow) {
        placed.insert(index)
        let templateRow = template.rows[index]
        for (column, cell) in zip(templateRow.columns, cells) {
            switch cell {
            case .number, .yuan:
                let stated = yuanColumns.contains(column.key) ? cell.statedInYuan : cell
                values[templateRow.key, column.key] = stated.number(in: column.unit)
                noteWritten(stated, row: templateRow.key, column: column)
            case .annotated(let number, let note) where !yuanColumns.contains(column.key):
                values[templateRow.key, column.key] = number
                gridNotes.texts["\(templateRow.key).\(column.key)"] = "\(numberText(number))（\(note)）"
                diagnostics.append(Diagnostic(.info, "value.annotated",
                    "\(template.name)“\(templateRow.label)”行“\(column.label)”列写有“\(numberText(number))（\(note)）”，"
                        + "取数值 \(numberText(number))，括号内的说明未计入",
                    at: row.location, subject: Subject(table: template.name, row: templateRow.label, column: column.label)))
            case .annotated:
                // A note beside an amount the header states in 元: which unit the number is in is not sure.
                values.unresolve(row: templateRow.key, column: column.key)
                diagnostics.append(Diagnostic(.warning, "value.unreadable",
                    "\(template.name)“\(templateRow.label)”行“\(column.label)”列的数值带有说明，单位无法确定，未采用",
                    at: row.location, subject: Subject(table: template.name, row: templateRow.label, column: column.label)))
            case .unreadable(let text):
                // Not read, so not blank either: the checks over it are skipped, not passed on a 0.
                values.unresolve(row: templateRow.key, column: column.key)
                diagnostics.append(Diagnostic(.warning, "value.unreadable",
                    "\(template.name)“\(templateRow.label)”行“\(column.label)”列的“\(text)”不能读作数值"
                        + "（数值应以阿拉伯数字填写），未采用",
                    at: row.location, subject: Subject(table: template.name, row: templateRow.label, column: column.label)))
            case .blank, .label:
                break
            }
        }
    }

    private mutating func note(_ reading: ValueAlignment.Reading, label: String, row: AnalyzedRow) {
        switch reading {
        case .exact:
            break
        case .padded, .inferred:
            realignedRows += 1
        case .guessed:
            break
        case .tooMany(let count):
            diagnostics.append(Diagnostic(.warning, "table.extra_values",
                "\(template.name)“\(label)”行有 \(count) 个数值，多于模板的列数，只采用前面的数值", at: row.location))
        }
    }

    private mutating func unmatched(_ row: AnalyzedRow, label: String) {
        diagnostics.append(Diagnostic(.warning, "table.row_unmatched",
            "\(template.name)中的“\(label)”行不属于模板，其数值未采用", at: row.location))
    }

    private mutating func reportRealigned(at location: SourceLocation?) {
        if realignedRows > 0 {
            diagnostics.append(Diagnostic(.info, "table.realigned",
                "\(template.name)有 \(realignedRows) 行单元格因合并单元格错位，已按标签和数值重新对齐", at: location))
        }
        if !realignedUnderHeaders.isEmpty {
            let labels = realignedUnderHeaders.map { "“\($0)”" }.joined(separator: "、")
            diagnostics.append(Diagnostic(.info, "table.realigned",
                "\(template.name)\(labels)行的数值单元格与表头的列错位（合并的宽度不同），已按所在表头的列归位", at: location))
        }
    }

    /// Says which template rows the source did not have.
    mutating func reportMissingRows(at location: SourceLocation) {
        let missing = template.rows.indices.filter { !placed.contains($0) }
        guard !missing.isEmpty, template.shape != .singleValueRow || missing.count < template.rows.count else {
            return
        }
        let labels = missing.map { "“\(template.rows[$0].label)”" }.joined(separator: "、")
        // A row not found is not a row of blanks: its values are unknown, and a sum over them is not
        // checked (counting them as 0 failed sums the source may well keep).
        unresolve(missing, because: Diagnostic(.warning, "table.row_missing",
            "\(template.name)缺少\(labels)行，其数值记为空，相关核对无法进行", at: location))
    }
}

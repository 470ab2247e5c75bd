import NianbaoModel

/// The table reconstructor: recognises which standard table a source table is, places every
/// value at its canonical key by matching label paths, and builds a rectangular grid. What it
/// repaired and what it could not place become diagnostics.
public struct TableRepair: Sendable {
    /// The standard tables of every edition, the current edition's first.
    public let templates: [TableTemplate]
    /// Per template, what tells it from the same table in another edition.
    private let editionEvidence: [EditionEvidence]

    public init(templates: [TableTemplate] = Edition.allTables) {
        self.templates = templates
        editionEvidence = templates.map { template in
            EditionEvidence(template, siblings: templates.filter { $0.key == template.key && $0.editions != template.editions })
        }
    }

    /// Repairs one table as it arrived; with `confirmingRowSums`, a row whose values break its row sums
    /// is left null (a table reassembled from a converter's pieces).
    public func repair(_ table: SourceTable, confirmingRowSums: Bool = false) -> RepairedTable {
        guard table.form == .cells else { return repairText(table) }
        let grid = GridPlacement(table.rows.map(\.cells))
        let rows = table.rows.enumerated().map { AnalyzedRow($1, position: $0, starts: grid.starts[$0]) }
        // A header its converter cut across cells (`行政` | `诉讼`, pymupdf4llm) is whole again in its row's text.
        guard let (template, edition) = recognise(rows)
                ?? recognise(text: LabelKey.plain(table.rows.map { $0.cells.map(\.text).joined() }.joined(separator: "\n"))) else {
            return RepairedTable(templateKey: nil, values: nil, grid: GenericGrid.build(table),
                                 diagnostics: [], location: table.location)
        }
        func read(_ template: TableTemplate, _ edition: EditionReading) -> (TablePlacement, [Paragraph]) {
            var placement = TablePlacement(template: template, headers: HeaderColumns(table, rows: rows, template: template))
            placement.note(edition, at: table.location)
            switch template.shape {
            case .labelledRows, .blocks: placement.placeLabelledRows(rows)
            case .singleValueRow: placement.placeSingleValueRow(rows)
            }
            if confirmingRowSums { placement.unresolveRowsBreakingSums(at: table.location) }
            return (placement, [])
        }
        var (placement, _, chosen, editionName) = reading(template, edition, at: table.location, read)
        placement.reportMissingRows(at: table.location)
        return RepairedTable(templateKey: chosen.key, edition: editionName, values: placement.values,
                             grid: CanonicalGrid.build(chosen, placement.values, notes: placement.gridNotes),
                             diagnostics: placement.diagnostics, location: table.location)
    }

    /// A table the source broke into pieces: small tables and the lines between them, in order, each
    /// piece its rows, each row a line, up to the last piece holding a number. Gives the table and how
    /// many pieces it used; nil when the pieces are not one standard table, and they are then read one
    /// by one. A table with row sums (三) is read as numbers in the template's row order
    /// (RowStreamRecovery); one without (二) by its labels, as one table of cells, the sub-headers of
    /// its blocks standing where a DOCX has them.
    public func repair(pieces: [[SourceRow]], location: SourceLocation) -> (table: RepairedTable, used: Int)? {
        guard let used = pieces.lastIndex(where: RowStreamRecovery.holdNumbers).map({ $0 + 1 }) else { return nil }
        let table = SourceTable(rows: Array(pieces[..<used].joined()), location: location)
        func plain(_ rows: [SourceRow]) -> String { LabelKey.plain(rows.flatMap(\.cells).map(\.text).joined(separator: "\n")) }
        guard let (recognised, _) = recognise(text: plain(table.rows)) else { return nil }
        // Per edition of the table, its reading by row sums; none for a table without them.
        let recoveries = templates.filter { $0.key == recognised.key }.compactMap(RowStreamRecovery.init)
        func reassembled(_ how: String) -> Diagnostic {
            Diagnostic(.info, "table.reassembled", "\(recognised.name)被拆成 \(used) 段（小表格和单独的行），\(how)", at: location)
        }
        /// The pieces as one table of cells, read by their row labels; nil when a piece is another
        /// standard table on its own: these are then several tables, not one.
        func byLabels() -> (table: RepairedTable, used: Int)? {
            guard !pieces[..<used].contains(where: { piece in
                piece.count > 1 && recognise(text: plain(piece))?.0.key ?? recognised.key != recognised.key
            }) else { return nil }
            var paired = table
            let needles = recognised.rows.map(RowNeedle.init)
            paired.rows = PieceRowPairing.paired(LooseLineCells.cut(table.rows)) { row in
                let plain = LabelKey.plain(row.cells.map(\.text).joined())
                return needles.contains { $0.occurs(in: plain, withMarker: false) }
            }
            var whole = repair(paired, confirmingRowSums: true)
            guard whole.templateKey == recognised.key else { return nil }
            whole.diagnostics.insert(reassembled("合为一张表按行标签读出"), at: 0)
            return (whole, used)
        }
        guard !recoveries.isEmpty, let numbers = RowStreamRecovery.numbers(in: table.rows) else { return byLabels() }
        // The editions' tables differ in rows, so the division also tells the edition.
        func edition<T>(_ divisions: [(TableTemplate, T)]) -> (TableTemplate, T)? {
            divisions.count == 1 ? divisions.first : divisions.first(where: { $0.0.editions == recognised.editions })
        }
        typealias Slip = (row: Int, readings: [[Double]])
        // Where no division keeps every row's sum, one row may be read as written: a report's own wrong cell.
        guard let (template, (divided, slip)) =
                edition(recoveries.compactMap { r in r.recover(numbers).map { (r.template, ($0, Slip?.none)) } })
                ?? edition(recoveries.compactMap { r in
                    r.recoverWithOneSlip(numbers).map { (r.template, ($0.outcomes, Slip?.some((row: $0.slip, readings: $0.readings)))) }
                })
        else { return byLabels() }
        // Rows are taken by count, not by label: a row the template lacks (an organ's own 其中 row)
        // would shift every row after it, each keeping its own total. The column rules would break.
        var outcomes = divided
        var known: [Int: [Double]] = [:]
        for (index, outcome) in outcomes.enumerated() where index != slip?.row {
            if case .settled(let values) = outcome { known[index] = values }
        }
        let proof = ColumnSumProof(template: template)
        guard proof.broken(known).isEmpty else { return byLabels() }
        if let slip { outcomes[slip.row] = slipOutcome(slip.row, slip.readings, known: known, proof: proof) }
        var placement = TablePlacement(template: template)
        for (index, outcome) in outcomes.enumerated() {
            var source = ""
            if case .unsettled(let readings) = outcome { source = readings.first?.joined(separator: " ") ?? "" }
            placement.place(outcome, at: index, source: source, location: location)
        }
        let note = reassembled(slip.map { slip in
            let read = if case .settled = outcomes[slip.row] { "该行按原文读出" } else { "该行读法不定，记为空" }
            return "标签与数字分离；按模板的行序读出各行数值，除“\(template.rows[slip.row].shortLabel)”行外每行合计均相符（\(read)）"
        } ?? "标签与数字分离；按模板的行序读出各行数值，每行合计均相符")
        return (RepairedTable(templateKey: template.key, edition: template.editions.count == 1 ? template.editions[0] : nil,
                              values: placement.values,
                              grid: CanonicalGrid.build(template, placement.values, notes: placement.gridNotes),
                              diagnostics: [note] + placement.diagnostics, location: location), used)
    }

    /// The row read as written, among its readings: the one that breaks the column rules in one column at
    /// most, as a single wrong cell does (a reading in the wrong order, its total taken for a value,
    /// breaks several); several or none leave it unsettled.
    private func slipOutcome(_ row: Int, _ readings: [[Double]], known: [Int: [Double]], proof: ColumnSumProof) -> NumberSplitter.Outcome {
        let fitting = readings.filter { reading in
            var all = known
            all[row] = reading
            return proof.failingColumns(all).count <= 1
        }
        if fitting.count == 1 { return .settled(fitting[0]) }
        return .unsettled((fitting.isEmpty ? readings : fitting).prefix(3).map { $0.map(RowStreamRecovery.text) })
    }

    /// A table read in the edition recognised; where its labels were too broken to tell the editions
    /// apart, in each edition, keeping the one whose rows read the most values, more than every other:
    /// where the editions' rows differ, the numbers may divide into one edition's rows by their sums
    /// and not into the other's, and a row label cut across cells (`（六）<br>理` | `其他处`) may name one
    /// edition's row only.
    private func reading(_ recognised: TableTemplate, _ edition: EditionReading, at location: SourceLocation,
                         _ read: (TableTemplate, EditionReading) -> (TablePlacement, [Paragraph]))
        -> (TablePlacement, [Paragraph], TableTemplate, String?) {
        let (placement, trailing) = read(recognised, edition)
        guard case .undetermined = edition else { return (placement, trailing, recognised, edition.name) }
        let others = templates.filter { $0.key == recognised.key && $0.editions != recognised.editions }
        let readings = others.map { read($0, .settled($0.editions[0])) }
        let counts = readings.map(\.0.valueCount)
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > placement.valueCount,
              counts.filter({ $0 == counts[best] }).count == 1 else { return (placement, trailing, recognised, edition.name) }
        var chosen = readings[best].0
        chosen.noteEditionByDivision(of: recognised, at: location)
        return (chosen, readings[best].1, others[best], others[best].editions[0])
    }

    /// A table whose cells are still to be found in its text (aligned columns, flattened cells).
    private func repairText(_ table: SourceTable) -> RepairedTable {
        var text = table.rows.flatMap(\.cells).map(\.text).joined(separator: "\n")
        // Labels and header words a narrow column broke over lines are whole again read down their column.
        if table.form == .aligned { text += "\n" + AlignedTableRecovery.columnText(of: table) }
        guard let (recognised, edition) = recognise(text: LabelKey.plain(text)) else {
            return RepairedTable(templateKey: nil, values: nil, grid: GenericGrid.build(table),
                                 diagnostics: [], location: table.location)
        }
        func read(_ template: TableTemplate, _ edition: EditionReading) -> (TablePlacement, trailing: [Paragraph]) {
            var placement = TablePlacement(template: template)
            placement.note(edition, at: table.location)
            var trailing: [Paragraph] = []
            if table.form == .aligned {
                trailing = AlignedTableRecovery(template: template).recover(table, into: &placement)
            } else {
                FlattenedTableRecovery(template: template, wholeNumbers: table.form == .cellLines)
                    .recover(table, into: &placement)
            }
            return (placement, trailing)
        }
        var (placement, trailing, template, editionName) = reading(recognised, edition, at: table.location, read)
        placement.reportMissingRows(at: table.location)
        return RepairedTable(templateKey: template.key, edition: editionName,
                             values: placement.values,
                             grid: CanonicalGrid.build(template, placement.values, notes: placement.gridNotes),
                             diagnostics: placement.diagnostics, location: table.location, trailingText: trailing)
    }

    /// The template whose header words and row labels a text holds most of (LabelKey.plain form).
    func recognise(text plain: String) -> (TableTemplate, EditionReading)? {
        let scores = templates.map { template in
            let signatureHits = template.keys.signature.filter { !$0.text.isEmpty && plain.containsText($0.text) }.count
            let rowHits = template.rows.filter { RowNeedle($0).occurs(in: plain, withMarker: false) }.count
            return 2 * signatureHits + rowHits
        }
        // Wrapped labels are found by their opening words, as RowNeedle finds rows.
        return choose(scores) { word, _ in plain.containsText(String(word.text.prefix(6))) }
    }

    /// The template the rows fit best: header words count, and rows whose labels are the template's.
    func recognise(_ rows: [AnalyzedRow]) -> (TableTemplate, EditionReading)? {
        let labels = rows.flatMap { $0.labelKeys }
        // A row's own label: the last label of a row that has cells for values.
        let leaves = rows.filter { !$0.region.isEmpty }.compactMap { $0.labelKeys.last }
        // Labels looked at in place, by index: iterating them copied each label, two strings retained, for
        // each of the template's words.
        func hasLabel(_ found: (LabelKey) -> Bool) -> Bool { labels.indices.contains { found(labels[$0]) } }
        let scores = templates.map { template in
            let signatureHits = template.keys.signature.filter { word in hasLabel { $0.matches(word) } }.count
            let rowHits = template.keys.leaves.filter { leaf in
                hasLabel { $0.hasSameWords(as: leaf[0]) && $0.matches(leaf[0]) }
            }.count
            return 2 * signatureHits + rowHits
        }
        return choose(scores) { word, isLeaf in (isLeaf ? leaves : labels).contains { $0.matches(word) } }
    }

    /// The best-scoring table, and among its editions the one whose own rows and headers the source has.
    private func choose(_ scores: [Int], found: (LabelKey, _ isLeaf: Bool) -> Bool) -> (TableTemplate, EditionReading)? {
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] >= 4 else { return nil }
        let key = templates[best].key
        let candidates = templates.indices.filter { templates[$0].key == key }
        guard candidates.count > 1 else {
            let editions = templates[best].editions
            return (templates[best], editions.count == 1 ? .settled(editions[0]) : .shared)
        }
        let evidence = candidates.map { editionEvidence[$0].count(found) }
        let top = evidence.max() ?? 0
        let leaders = candidates.indices.filter { evidence[$0] == top }
        if top > 0, leaders.count == 1 {
            let template = templates[candidates[leaders[0]]]
            return (template, .settled(template.editions[0]))
        }
        // Nothing tells the editions apart: the values keep the first edition's keys, and the table says so.
        return (templates[candidates[0]], .undetermined(candidates.map { templates[$0].editions[0] }))
    }
}

/// What the recognition of a table could say about the edition it is drawn in.
enum EditionReading {
    case settled(String)
    /// The table is drawn alike in several editions (table 四).
    case shared
    /// The table's edition-specific rows and headers are all missing.
    case undetermined([String])

    var name: String? { if case .settled(let name) = self { name } else { nil } }
}

/// The words of a template that its siblings in other editions lack: row labels, and header words.
struct EditionEvidence: Sendable {
    let leaves: [LabelKey]
    let headerWords: [LabelKey]

    init(_ template: TableTemplate, siblings: [TableTemplate]) {
        // Words without markers; their order does not change a count.
        var others = Set<LabelKey>()
        for sibling in siblings {
            others.formUnion(sibling.keys.leaves.joined().lazy.map(\.words))
            others.formUnion(sibling.keys.headerWords)
        }
        leaves = Array(Set(template.keys.leaves.joined().lazy.map(\.words)).subtracting(others))
        headerWords = Array(template.keys.headerWords.subtracting(others))
    }

    /// How many of the words the source has.
    func count(_ found: (LabelKey, _ isLeaf: Bool) -> Bool) -> Int {
        leaves.filter { found($0, true) }.count + headerWords.filter { found($0, false) }.count
    }
}

/// A table that is no standard table: its cells placed on a grid, counting the rows that cells
/// from above span into, and each row padded to the widest.
public enum GenericGrid {
    /// The grid of a table as it arrived, spans as the source states them.
    public static func build(_ table: SourceTable) -> Grid {
        let cells = table.rows.map { $0.cells.map { GridCell($0.text, rowSpan: max(1, $0.rowSpan), colSpan: max(1, $0.colSpan)) } }
        let placement = GridPlacement(cells)
        let rows = zip(cells, placement.covered).map { row, covered in
            row + Array(repeating: GridCell(""), count: max(0, placement.width - covered))
        }
        return Grid(columns: placement.width, rows: rows)
    }
}

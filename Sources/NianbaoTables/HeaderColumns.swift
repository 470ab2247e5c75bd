import NianbaoModel

/// The column headers of a table whose reader gave its grid: for each grid column, the header labels
/// stacked above it. A value is then placed under the header it stands below, so a merged blank stays
/// blank and the values after it keep their columns; counting cells from the left is left for text
/// that has no grid.
struct HeaderColumns {
    /// Where one template column stands: the grid columns under its header.
    typealias Slot = Set<Int>

    /// Per source row: the header in force there (grid column → labels, top to bottom).
    private let stacks: [[Int: [LabelKey]]]
    private let template: TableTemplate

    /// The headers of a table, nil when its rows are no grid to trust: without spans from the reader and
    /// with rows of different lengths, cell positions are not columns (a text extract drops merged cells).
    init?(_ table: SourceTable, rows: [AnalyzedRow], template: TableTemplate) {
        let spanned = table.rows.contains { $0.cells.contains { $0.rowSpan > 1 || $0.colSpan > 1 } }
        let rectangular = Set(table.rows.map { $0.cells.count }).count == 1
        guard spanned || rectangular else { return nil }
        self.template = template
        var stacks: [[Int: [LabelKey]]] = []
        var building: [Int: [LabelKey]] = [:]
        var inForce: [Int: [LabelKey]] = [:]
        var previousWasHeader = false
        for row in rows {
            let isHeader = row.numberCount == 0 && template.keys.isHeader(row.labelKeys)
            if isHeader {
                if !previousWasHeader { building = [:] }
                for (cell, start) in zip(row.source.cells, row.cellStarts) where !cell.text.isEmpty {
                    let key = LabelKey(cell.text)
                    for column in start..<(start + max(1, cell.colSpan)) { building[column, default: []].append(key) }
                }
                inForce = building
            }
            previousWasHeader = isHeader
            stacks.append(inForce)
        }
        self.stacks = stacks
    }

    /// Where each column of template row `index` stands under the header in force at `row`; nil unless
    /// the header gives every column, apart from the others and in the template's order.
    func slots(of index: Int, at row: AnalyzedRow) -> [Slot]? {
        let stack = stacks[row.position]
        guard !stack.isEmpty else { return nil }
        // In a table of one value line (表四) the template rows are column groups, named in the header too.
        let groups = template.shape == .singleValueRow ? template.keys.paths[index] : []
        var slots: [Slot] = []
        for names in template.keys.columns[index] {
            let slot = Set(stack.compactMap { grid, labels -> Int? in
                guard let last = labels.last, names.contains(where: { last.matches($0) }),
                      groups.allSatisfy({ group in labels.contains { $0.matches(group) } }) else { return nil }
                return grid
            })
            guard let first = slot.min(), first > (slots.last?.max() ?? -1) else { return nil }
            slots.append(slot)
        }
        return slots
    }

    /// How the value cells of a row stand under the slots.
    enum Reading: Equatable {
        /// Each slot's cell (blank where no value stands under it); `realigned` when a cell spanning two
        /// columns was given to the one its neighbours left free; `merged`, runs of slots one blank cell covers.
        case placed([CellValue], realigned: Bool, merged: [Range<Int>])
        /// A value stands under no slot: the header does not describe this row.
        case outside
        /// Values could stand under the slots in more than one way, or in none.
        case unsettled
    }

    /// The cells of a row placed under `slots` by the grid columns they cover. A row whose values do not
    /// begin where the header's do is shifted against it (a text extract dropped or added a cell): its
    /// positions say nothing, and it counts as outside.
    static func read(_ row: AnalyzedRow, under slots: [Slot]) -> Reading {
        guard let first = row.regionColumns.first?.lowerBound, first == slots.first?.min() else { return .outside }
        /// The slots a cell's grid columns overlap.
        func under(_ columns: Range<Int>) -> [Int] { slots.indices.filter { !slots[$0].isDisjoint(with: columns) } }
        let cells = zip(row.region, row.regionColumns).filter { $0.0 != .blank }
        let options = cells.map { under($0.1) }
        if options.contains(where: \.isEmpty) { return .outside }
        // Values keep their order: find every order-keeping way to give each value its own slot.
        var found: [[Int]] = []
        func assign(_ i: Int, after last: Int, _ chosen: [Int]) {
            guard found.count < 2 else { return }
            if i == cells.count { found.append(chosen); return }
            for slot in options[i] where slot > last { assign(i + 1, after: slot, chosen + [slot]) }
        }
        assign(0, after: -1, [])
        guard found.count == 1 else { return .unsettled }
        var values = Array(repeating: CellValue.blank, count: slots.count)
        for (cell, slot) in zip(cells, found[0]) { values[slot] = cell.0 }
        // A blank cell over two or more slots that no value took: the source merged blanks.
        let merged = zip(row.region, row.regionColumns).filter { $0.0 == .blank }.compactMap { _, columns -> Range<Int>? in
            let covered = under(columns)
            guard let first = covered.first, let last = covered.last, covered.count > 1,
                  covered.count == last - first + 1, !covered.contains(where: found[0].contains) else { return nil }
            return first..<(last + 1)
        }
        return .placed(values, realigned: options.contains { $0.count > 1 }, merged: merged)
    }
}

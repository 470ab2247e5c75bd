import NianbaoModel

/// A converter that cuts a PDF's table into pieces (markitdown) can set a row's numbers on a line of
/// their own beside its label: a row of numbers without a label, next to a label without numbers
/// (`| | | 168 226 | 303 | … | 120 1184 |` above `| （三）不 | 4.保护第三方合法权益 | | |`, `95` above
/// `行政处罚`). Such a number row is joined to the label beside it only where exactly one of its two
/// neighbours is a bare label naming a row of the table (a header row of words is none) and no other
/// number row claims that label; otherwise it stays as it is, and its numbers unread.
enum PieceRowPairing {
    private enum Kind { case numbers, label, other }

    /// `namesRow`: whether a row of words holds the label of one of the table's rows.
    static func paired(_ rows: [SourceRow], namesRow: (SourceRow) -> Bool) -> [SourceRow] {
        let kinds = rows.map { kind($0, namesRow: namesRow) }
        // By bare label, the number rows that have it as their only bare neighbour.
        var claims: [Int: [Int]] = [:]
        for index in rows.indices where kinds[index] == .numbers {
            let labels = [index - 1, index + 1].filter { rows.indices.contains($0) && kinds[$0] == .label }
            if labels.count == 1 { claims[labels[0], default: []].append(index) }
        }
        // A label two number rows claim belongs to neither for sure.
        var joined = rows
        var dropped: Set<Int> = []
        for (label, numberRows) in claims where numberRows.count == 1 {
            let numbers = numberRows[0]
            joined[label].cells = trimmed(rows[label].cells, fromStart: false) + trimmed(rows[numbers].cells, fromStart: true)
            dropped.insert(numbers)
        }
        return joined.indices.filter { !dropped.contains($0) }.map { joined[$0] }
    }

    /// A row of numbers only (a cell may hold several, `168 226`), a row of words naming a row, or another.
    private static func kind(_ row: SourceRow, namesRow: (SourceRow) -> Bool) -> Kind {
        let values = row.cells.map { CellValue($0.text) }.filter { $0 != .blank }
        if values.isEmpty { return .other }
        if values.allSatisfy(\.isLabel) { return namesRow(row) ? .label : .other }
        return values.allSatisfy { $0.isNumber || $0.spacedNumbers != nil } ? .numbers : .other
    }

    /// The cells without the empty ones at the row's start (`fromStart`) or end.
    private static func trimmed(_ cells: [SourceCell], fromStart: Bool) -> [SourceCell] {
        let isEmpty = { (cell: SourceCell) in cell.text.trimmingBlanks().isEmpty }
        return fromStart ? Array(cells.drop(while: isEmpty)) : Array(cells.reversed().drop(while: isEmpty).reversed())
    }
}

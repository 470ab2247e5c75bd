import NianbaoModel

/// Reads a table whose rows arrive as numbers in the template's row order with their labels broken
/// away from them: markitdown's text of a PDF cuts table 三 into a small table per row group, leaves a
/// label on a line of its own before or after its numbers, runs two columns into one cell (`3951 4795`)
/// and breaks a long total over two lines (`2526` … `6`). Labels are too broken to go by; the numbers'
/// order is kept. So the numbers, in order, are divided into the template's rows, each row its values
/// and its total, every number used once. A row's total is written after its values, before them at
/// the end of a line of its own, or broken in two where a line ends; a division is kept only where
/// every row's total is the sum of its values. A row is placed when every division gives it the same
/// values; otherwise it is null, with the readings named.
struct RowStreamRecovery {
    /// One number of the stream, and the line it stood on (a line break may end a total).
    struct Number: Equatable {
        var text: String
        var line: Int
    }

    /// How a row's total stands among its values.
    private enum TotalPlace: CaseIterable {
        case last, first, aroundValues, lastTwoLines, firstTwoLines
    }

    /// For each template row, the index of its total among its columns and of the values it sums.
    private let rules: [(total: Int, parts: [Int])]
    let template: TableTemplate
    /// Most numbers a stream may hold: table 三 has 175; more is no such table, and the search is
    /// quadratic in rows × numbers.
    static let maximumNumbers = 2_000

    /// Nil when some row of the template has no single total over its other columns.
    init?(template: TableTemplate) {
        var rules: [(Int, [Int])] = []
        for index in template.rows.indices {
            let sums = RowSums(template: template, row: index)
            guard sums.totals.count == 1, let (total, parts) = sums.totals.first,
                  parts.count + 1 == template.rows[index].columns.count else { return nil }
            rules.append((total, parts))
        }
        self.template = template
        self.rules = rules
    }

    /// Each row's outcome, or nil when the numbers cannot be divided into the rows at all.
    func recover(_ numbers: [Number]) -> [NumberSplitter.Outcome]? {
        divide(numbers, slips: 0)?.outcomes
    }

    /// Where no division keeps every row's sum: the divisions in which one row does not add up, when
    /// every such division has that slip in the same row (a report's own wrong cell), with that row
    /// and its readings; nil otherwise.
    func recoverWithOneSlip(_ numbers: [Number]) -> (outcomes: [NumberSplitter.Outcome], slip: Int, readings: [[Double]])? {
        guard let (outcomes, slips, readings) = divide(numbers, slips: 1), slips.count == 1 else { return nil }
        return (outcomes, slips[0], readings[slips[0]])
    }

    /// The outcomes of every division into the rows with exactly `slips` rows (0 or 1) read without
    /// their sum, the rows read so in some division, and each row's readings.
    private func divide(_ numbers: [Number], slips: Int) -> (outcomes: [NumberSplitter.Outcome], slipRows: [Int], readings: [[[Double]]])? {
        guard numbers.count <= RowStreamRecovery.maximumNumbers,
              numbers.allSatisfy({ CellValue.isCount($0.text) }) else { return nil }
        let rows = rules.count, count = numbers.count, states = slips + 1
        // reachable[r][i][u]: rows before r can take exactly the numbers before i, u of them unchecked.
        var reachable = [[[Bool]]](repeating: [[Bool]](repeating: [Bool](repeating: false, count: states), count: count + 1),
                                   count: rows + 1)
        reachable[0][0][0] = true
        // readings[r][i]: the ways row r reads from number i, and whether the reading skipped the sum.
        var readings = [[[(length: Int, values: [Double], unchecked: Bool)]]](repeating: Array(repeating: [], count: count + 1),
                                                                             count: rows)
        for row in 0..<rows {
            for start in 0...count where reachable[row][start].contains(true) {
                // Each place read once with its sum; read without it only where that failed and a slip is allowed.
                var found: [(length: Int, values: [Double], unchecked: Bool)] = []
                var failed: [TotalPlace] = []
                for place in TotalPlace.allCases {
                    if let checked = read(row, numbers, from: start, place) {
                        found.append((checked.length, checked.values, false))
                    } else if slips > 0 {
                        failed.append(place)
                    }
                }
                for place in failed {
                    if let asWritten = read(row, numbers, from: start, place, checkingSum: false) {
                        found.append((asWritten.length, asWritten.values, true))
                    }
                }
                readings[row][start] = found
                for reading in found {
                    for used in 0..<states where reachable[row][start][used] {
                        let next = used + (reading.unchecked ? 1 : 0)
                        if next < states { reachable[row + 1][start + reading.length][next] = true }
                    }
                }
            }
        }
        guard reachable[rows][count][slips] else { return nil }
        // completes[r][i][u]: rows from r on can take exactly the numbers from i on, ending with `slips`
        // unchecked when u were before.
        var completes = [[[Bool]]](repeating: [[Bool]](repeating: [Bool](repeating: false, count: states), count: count + 1),
                                   count: rows + 1)
        completes[rows][count][slips] = true
        for row in stride(from: rows - 1, through: 0, by: -1) {
            for (start, found) in readings[row].enumerated() {
                for used in 0..<states {
                    completes[row][start][used] = found.contains { reading in
                        let next = used + (reading.unchecked ? 1 : 0)
                        return next < states && completes[row + 1][start + reading.length][next]
                    }
                }
            }
        }
        var slipRows: [Int] = []
        var rowReadings: [[[Double]]] = []
        let outcomes = (0..<rows).map { row -> NumberSplitter.Outcome in
            var kept: [[Double]] = []
            defer { rowReadings.append(kept) }
            for (start, found) in readings[row].enumerated() {
                for used in 0..<states where reachable[row][start][used] {
                    for reading in found {
                        let next = used + (reading.unchecked ? 1 : 0)
                        guard next < states, completes[row + 1][start + reading.length][next] else { continue }
                        if reading.unchecked, !slipRows.contains(row) { slipRows.append(row) }
                        if !kept.contains(reading.values) { kept.append(reading.values) }
                    }
                }
            }
            return kept.count == 1 ? .settled(kept[0]) : .unsettled(kept.prefix(3).map { $0.map(RowStreamRecovery.text) })
        }
        return (outcomes, slipRows, rowReadings)
    }

    /// The row's values read from `start` with the total at `place`, and how many numbers they take;
    /// nil where the numbers are not there, a break the place needs is missing, or the sum fails.
    private func read(_ row: Int, _ numbers: [Number], from start: Int, _ place: TotalPlace,
                      checkingSum: Bool = true) -> (length: Int, values: [Double])? {
        let parts = rules[row].parts.count
        let length = parts + (place == .first || place == .last ? 1 : 2)
        guard start + length <= numbers.count else { return nil }
        let taken = numbers[start..<(start + length)].map { $0 }
        func breaks(after index: Int) -> Bool { taken[index].line != taken[index + 1].line }
        let total: String, values: ArraySlice<Number>
        switch place {
        case .last:
            (total, values) = (taken[parts].text, taken[..<parts])
        case .first:
            // A total before its values ends the line it stands on.
            guard breaks(after: 0) else { return nil }
            (total, values) = (taken[0].text, taken[1...])
        case .aroundValues:
            guard breaks(after: 0), breaks(after: parts) else { return nil }
            (total, values) = (taken[0].text + taken[parts + 1].text, taken[1...parts])
        case .lastTwoLines:
            guard breaks(after: parts) else { return nil }
            (total, values) = (taken[parts].text + taken[parts + 1].text, taken[..<parts])
        case .firstTwoLines:
            guard breaks(after: 0), breaks(after: 1) else { return nil }
            (total, values) = (taken[0].text + taken[1].text, taken[2...])
        }
        // A number broken in two begins with a digit other than 0.
        guard place == .first || place == .last || !total.hasPrefix("0"), let sum = Double(total) else { return nil }
        let numbersRead = values.compactMap { Double($0.text) }
        guard !checkingSum || numbersRead.reduce(0, +) == sum else { return nil }
        var result = [Double](repeating: 0, count: parts + 1)
        result[rules[row].total] = sum
        for (column, value) in zip(rules[row].parts, numbersRead) { result[column] = value }
        return (length, result)
    }

    /// The numbers of rows given in order, each row a line; nil where a word holding digits is neither
    /// a count nor part of a label (`1,234`, `12.5`: numbers this reading could not place).
    static func numbers(in rows: [SourceRow]) -> [Number]? {
        var numbers: [Number] = []
        for (line, row) in rows.enumerated() {
            for word in row.cells.flatMap({ CellValue.words($0.text) }) where isNumeric(word) {
                guard CellValue.isCount(word) else { return nil }
                numbers.append(Number(text: word, line: line))
            }
        }
        return numbers
    }

    /// Whether the rows hold a number of any kind.
    static func holdNumbers(_ rows: [SourceRow]) -> Bool {
        rows.contains { $0.cells.contains { CellValue.words($0.text).contains(where: isNumeric) } }
    }

    /// A word with digits and no letters: a number, not a label's marker (`1.属于…`, `第3项`).
    private static func isNumeric(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.isASCII && $0.properties.numericType != nil }
            && !word.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    static func text(_ value: Double) -> String { String(Int(value)) }
}

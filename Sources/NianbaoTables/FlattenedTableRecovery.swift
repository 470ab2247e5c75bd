import NianbaoModel

/// Reads a standard table from text whose cells were run together (a crawler's flattened page:
/// `一、本年新收政府信息公开申请数量801000081二、上年结转…`). The text is cut into label runs and digit
/// runs; rows are found by their labels in template order; a row's digit run is divided into its values
/// only where the template's row sums leave exactly one way (spaces some cells left behind are firm
/// boundaries). A marker swallowed by the digits before it (`…312.没有现成…` is 31 then `2.`) is
/// given back to its label.
struct FlattenedTableRecovery {
    let template: TableTemplate
    /// Whether each space-separated number is one cell (cell lines), not digits that may hold several.
    var wholeNumbers = false

    /// A run of the flattened text: label words, or digits (spaces between digits kept).
    enum Run: Equatable {
        case label(String)
        case digits(String)
    }

    /// The text cut into runs; a point belongs to a number only between digits, and digits inside a
    /// bracketed note belong to its words.
    static func runs(_ text: String) -> [Run] {
        let characters = Array(LabelKey.halfWidth(text))
        var runs: [Run] = []
        var label = "", digits = ""
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < characters.count && characters[i].isASCII && characters[i].isNumber }
        func flushLabel() { if !label.isEmpty { runs.append(.label(label)); label = "" } }
        func flushDigits() {
            let trimmed = digits.trimmingBlanks()
            if !trimmed.isEmpty { runs.append(.digits(trimmed)) }
            digits = ""
        }
        // A note in brackets after a value (`22(其中修订16件)`) is words: its digits are no cell.
        var noteEnd = -1
        for (i, c) in characters.enumerated() {
            if i <= noteEnd {
                label.append(c)
                continue
            }
            if c == "(", let close = characters[(i + 1)...].prefix(30).firstIndex(of: ")"),
               characters[i..<close].contains(where: { $0.isASCII && $0.isNumber }) {
                flushDigits()
                noteEnd = close
                label.append(c)
                continue
            }
            // A minus starts a value of its own (本年增/减 of a 2019 table 二: `750-35471`).
            if c == "-", isDigit(i + 1) {
                flushLabel()
                if !digits.isEmpty { digits.append(" ") }
                digits.append(c)
                continue
            }
            let inNumber = isDigit(i)
                || (c == "." && isDigit(i - 1) && isDigit(i + 1))
                || (c == " " && !digits.isEmpty && isDigit(characters[(i + 1)...].firstIndex { $0 != " " } ?? -1))
            if inNumber {
                flushLabel()
                digits.append(c)
            } else {
                flushDigits()
                label.append(c)
            }
        }
        flushDigits()
        flushLabel()
        return runs
    }

    /// A row found by its label: its digits, how they divide, and whether they stood in one run.
    private typealias RowDigits = (index: Int, digits: String, outcome: NumberSplitter.Outcome, inOneRun: Bool)

    func recover(_ table: SourceTable, into placement: inout TablePlacement) {
        let text = table.rows.flatMap(\.cells).map(\.text).joined(separator: " ")
        var runs = FlattenedTableRecovery.runs(text)
        let location = table.location
        if template.shape == .singleValueRow {
            let digitRuns = runs.compactMap { if case .digits(let d) = $0 { d } else { nil } }
            let digits = digitRuns.joined(separator: " ")
            let cells = template.cells
            let splitter = NumberSplitter(count: cells.count, sums: RowSums(template: template, cells: cells))
            let outcome = asWritten(splitter.solve(pieces(digits)), digits, by: splitter, inOneRun: digitRuns.count == 1)
            placement.placeSingleRow(outcome, source: digits, location: location)
            if wholeNumbers, case .settled = outcome, let order = HeaderMarkOrder(template) {
                placement.unresolve(groups: order.groupsBeforeTheirHeader(runs), beforeTheirHeader: order.marks, at: location)
            }
            return
        }
        let found = locate(&runs)
        var rows: [RowDigits] = []
        for (k, hit) in found.enumerated() {
            let end = k + 1 < found.count ? found[k + 1].run : runs.count
            let digitRuns = runs[(hit.run + 1)..<end].compactMap { if case .digits(let d) = $0 { d } else { nil } }
            let digits = digitRuns.joined(separator: " ")
            let row = template.rows[hit.row]
            // A unit glued after the row's last value (`251000元二、…`) opens the next label run.
            if runs[(hit.run + 1)..<min(end + 1, runs.count)].contains(where: {
                if case .label(let label) = $0 { CellValue.statesYuan(String(label.trimmingBlanks().prefix(1))) } else { false }
            }) {
                placement.noteAmountsInYuan(row: hit.row)
            }
            if digits.isEmpty {
                placement.place([Double?](repeating: nil, count: row.columns.count), at: hit.row)
            } else {
                rows.append((hit.row, digits, solver(hit.row).solve(pieces(digits)), digitRuns.count == 1))
            }
        }
        let proven = proveByColumns(rows)
        for row in rows {
            if let proof = proven[row.index] {
                placement.place(.settled(proof.values), at: row.index, source: row.digits, location: location)
                placement.noteSettledByColumns(row: row.index, source: row.digits, values: proof.values,
                                               rules: proof.rules, at: location)
            } else {
                placement.place(asWritten(row.outcome, row.digits, by: solver(row.index), inOneRun: row.inOneRun), at: row.index,
                                source: row.digits, location: location)
            }
        }
        if table.reachesEnd, let last = found.last, last.row < template.rows.count - 1 {
            placement.truncate(after: last.row, at: location)
        }
    }

    /// Whole numbers, one for each column, as written where no reading adds up: with nothing to divide
    /// there is nothing for the sums to decide. Only numbers standing together: words between them
    /// (a header drawn again over a page break, another row's wrapped label) may mean they were
    /// gathered from several rows, which the sums would have shown.
    private func asWritten(_ outcome: NumberSplitter.Outcome, _ digits: String, by splitter: NumberSplitter,
                           inOneRun: Bool) -> NumberSplitter.Outcome {
        guard wholeNumbers, inOneRun, case .unsettled = outcome, let values = splitter.asWritten(pieces(digits)) else { return outcome }
        return .settled(values)
    }

    private func solver(_ row: Int) -> NumberSplitter {
        NumberSplitter(count: template.rows[row].columns.count, sums: RowSums(template: template, row: row))
    }

    /// Rows whose digits keep their row sums more than one way, settled where the column rules leave
    /// one of those readings (at most 16 are weighed; a row with more stays unsettled).
    private func proveByColumns(_ rows: [RowDigits])
        -> [Int: (values: [Double], rules: [SumRule])] {
        let proof = ColumnSumProof(template: template)
        var known: [Int: [Double]] = [:]
        var readings: [Int: [[Double]]] = [:]
        for row in rows {
            switch row.outcome {
            case .settled(let values): known[row.index] = values
            case .unsettled(let shown) where shown.count > 1:
                readings[row.index] = solver(row.index).readings(pieces(row.digits), upTo: 16)
            case .unsettled: break
            }
        }
        guard !proof.isEmpty, !readings.isEmpty else { return [:] }
        return proof.settle(known: known, readings: readings)
    }

    /// Digits with firm boundaries where spaces stand.
    func pieces(_ digits: String) -> [NumberPiece] {
        digits.split(separator: " ").map { NumberPiece(text: String($0), splittable: !wholeNumbers, joinsNext: false) }
    }

    /// The template rows found in the label runs, in order: (row index, run index). A digit marker the
    /// run before swallowed is taken back from it.
    private func locate(_ runs: inout [Run]) -> [(row: Int, run: Int)] {
        var found: [(row: Int, run: Int)] = []
        var cursor = 0
        for (index, row) in template.rows.enumerated() {
            let needle = RowNeedle(row)
            for at in cursor..<runs.count {
                guard case .label(let label) = runs[at] else { continue }
                let plain = LabelKey.plain(label)
                if needle.occurs(in: plain, withMarker: true) {
                    found.append((index, at))
                } else if let marker = needle.digitMarker, needle.occurs(in: plain, withMarker: false),
                          at > 0, case .digits(let before) = runs[at - 1], before.hasSuffix(marker),
                          label.first.map({ ".、．".contains($0) }) == true {
                    let kept = String(before.dropLast(marker.count)).trimmingBlanks()
                    runs[at - 1] = .digits(kept)
                    found.append((index, at))
                } else {
                    continue
                }
                cursor = at + 1
                break
            }
        }
        return found
    }
}

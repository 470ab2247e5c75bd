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
            // A note stands on its line: a bracket closed on the next line is a label broken around its
            // row's numbers (pdfplumber: `（五 1.信 228 8 88 281 43 39 687` then `）不`).
            if c == "(", let close = characters[(i + 1)...].prefix(30).firstIndex(of: ")"),
               !characters[i..<close].contains("\n"),
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
            // A line break between numbers (cell lines) stays in the digits, where it tells lines apart.
            let inNumber = isDigit(i)
                || (c == "." && isDigit(i - 1) && isDigit(i + 1))
                || ((c == " " || c == "\n") && !digits.isEmpty
                    && isDigit(characters[(i + 1)...].firstIndex { $0 != " " && $0 != "\n" } ?? -1))
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
    private typealias RowDigits = (index: Int, digits: String, outcome: NumberSplitter.Outcome, mayStandAsWritten: Bool)

    func recover(_ table: SourceTable, into placement: inout TablePlacement) {
        // Cell lines keep their line breaks (CellLineRegrouping reads them).
        let text = table.rows.flatMap(\.cells).map(\.text).joined(separator: wholeNumbers ? "\n" : " ")
        var runs = FlattenedTableRecovery.runs(text)
        let location = table.location
        if template.shape == .singleValueRow {
            let digitRuns = runs.compactMap { if case .digits(let d) = $0 { d } else { nil } }
            let digits = digitRuns.joined(separator: " ").replacingAll("\n", with: " ")
            let cells = template.cells
            let splitter = NumberSplitter(count: cells.count, sums: RowSums(template: template, cells: cells))
            // Cell lines keep their line breaks: a narrow column may wrap a number onto the next line
            // (`10` then `42` for 1042), which the sums then join. Two lines a cell at most: more numbers
            // are no wrapped table, and each join tried multiplies the search.
            var pieces = pieces(digits)
            if wholeNumbers, pieces.count > cells.count, pieces.count <= 2 * cells.count {
                pieces = wrappablePieces(digitRuns.joined(separator: "\n"))
            }
            let outcome = asWritten(splitter.solve(pieces), digits, by: splitter, allowed: digitRuns.count == 1)
            // Where no number wrapped onto the line after it reads, all the values may come first and
            // then the last digits a narrow column wrapped of some (`pdftotext -raw`: `19 64 13 …` then
            // `1 6 3 …`; PyMuPDF a number a line): read as a markdown table's wrapped line is.
            if wholeNumbers, !outcome.isSettled, pieces.count > cells.count {
                let words = Self.words(digits).map(String.init)
                let (heads, tails) = (Array(words[..<cells.count]), Array(words[cells.count...]))
                if let wrapped = WrappedDigits(count: cells.count, sums: splitter.sums).read(heads: heads, tails: tails),
                   wrapped.isSettled {
                    placement.placeWrappedSingleRow(wrapped, heads: heads, tails: tails, location: location)
                    return
                }
            }
            placement.placeSingleRow(outcome, source: digits, location: location)
            guard wholeNumbers, case .settled(let values) = outcome else { return }
            let order = HeaderMarkOrder(template)
            let early = order?.groupsBeforeTheirHeader(runs, cells: cells.count) ?? []
            if let order, !early.isEmpty {
                placement.unresolve(groups: early, beforeTheirHeader: order.marks, at: location)
            } else if pieces.count > cells.count {
                placement.noteJoinedLines(source: digits, values: values, at: location)
            }
            return
        }
        let found = locate(&runs)
        var segments: [CellLineRegrouping.Segment] = []
        var inOneRun: [Int: Bool] = [:]
        let regrouping = CellLineRegrouping(template: template)
        for (k, hit) in found.enumerated() {
            let end = k + 1 < found.count ? found[k + 1].run : runs.count
            // A unit glued after the row's last value (`251000元二、…`) opens the next label run.
            if runs[(hit.run + 1)..<min(end + 1, runs.count)].contains(where: {
                if case .label(let label) = $0 { CellValue.statesYuan(String(label.trimmingBlanks().prefix(1))) } else { false }
            }) {
                placement.noteAmountsInYuan(row: hit.row)
            }
            let stretch = runs[(hit.run + 1)..<end]
            segments.append(Self.segment(hit.row, stretch))
            inOneRun[hit.row] = stretch.filter { if case .digits = $0 { true } else { false } }.count == 1
        }
        if wholeNumbers {
            let preamble = Self.segment(0, runs[..<(found.first?.run ?? 0)]).words
            segments = regrouping.regroup(segments, preamble: preamble)
        }
        var rows: [RowDigits] = []
        // A row without numbers is a row of blanks, unless another holds numbers it cannot take.
        let surplus = segments.contains { $0.words.count > template.rows[$0.index].columns.count + 1 }
        placement.unresolveWithoutNumbers(surplus ? segments.filter(\.words.isEmpty).map(\.index) : [], at: location)
        for segment in segments {
            let digits = segment.words.joined(separator: " ")
            if digits.isEmpty {
                if !surplus { placement.place([Double?](repeating: nil, count: template.rows[segment.index].columns.count), at: segment.index) }
                continue
            }
            if segment.mayBeNextRows {
                placement.unresolveShifted(row: segment.index, source: digits, mayBelongTo: .next, at: location)
                continue
            }
            let outcome = solver(segment.index).solve(pieces(digits))
            if let move = segment.moved, case .settled(let values) = outcome {
                placement.noteMoved(move, row: segment.index, values: values, at: location)
            }
            // Numbers that keep the sums with their first taken as the total are no report's own slip.
            rows.append((segment.index, digits, outcome, inOneRun[segment.index] == true && !regrouping.settlesTotalFirst(segment)))
        }
        let proven = proveByColumns(rows)
        for row in rows {
            if let proof = proven[row.index] {
                placement.place(.settled(proof.values), at: row.index, source: row.digits, location: location)
                placement.noteSettledByColumns(row: row.index, source: row.digits, values: proof.values,
                                               rules: proof.rules, at: location)
            } else {
                placement.place(asWritten(row.outcome, row.digits, by: solver(row.index), allowed: row.mayStandAsWritten), at: row.index,
                                source: row.digits, location: location)
            }
        }
        if table.reachesEnd, let last = found.last, last.row < template.rows.count - 1 {
            placement.truncate(after: last.row, at: location)
        }
    }

    /// Whole numbers, one for each column, as written where no reading adds up: with nothing to divide
    /// there is nothing for the sums to decide. Only where `allowed`: numbers standing together, since
    /// words between them (a header drawn again over a page break, another row's wrapped label) may
    /// mean they were gathered from several rows, and not a total written before its values.
    private func asWritten(_ outcome: NumberSplitter.Outcome, _ digits: String, by splitter: NumberSplitter,
                           allowed: Bool) -> NumberSplitter.Outcome {
        guard wholeNumbers, allowed, case .unsettled = outcome, let values = splitter.asWritten(pieces(digits)) else { return outcome }
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
        Self.words(digits).map { NumberPiece(text: String($0), splittable: !wholeNumbers, joinsNext: false) }
    }

    /// Whole numbers, each of which may continue on the next line: a line break after a number lets
    /// the splitter join it to the next where only so the sums hold.
    private func wrappablePieces(_ digits: String) -> [NumberPiece] {
        digits.split(separator: "\n").flatMap { line in
            let words = Self.words(line)
            return words.indices.map { NumberPiece(text: String(words[$0]), splittable: false, joinsNext: $0 == words.count - 1) }
        }
    }

    /// A digit run's words: the digits between its spaces and line breaks.
    static func words(_ digits: some StringProtocol) -> [Substring] {
        Substring(digits).split(whereSeparator: { $0 == " " || $0 == "\n" })
    }

    /// The numbers of a row's stretch of runs, and which of them begin a line of their own.
    private static func segment(_ row: Int, _ stretch: ArraySlice<Run>) -> CellLineRegrouping.Segment {
        var segment = CellLineRegrouping.Segment(index: row, words: [], lineStarts: [])
        var newLine = false
        for run in stretch {
            switch run {
            case .label(let label): newLine = newLine || label.contains("\n")
            case .digits(let digits):
                for line in digits.split(separator: "\n") {
                    for word in words(line) {
                        if newLine, !segment.words.isEmpty { segment.lineStarts.insert(segment.words.count) }
                        newLine = false
                        segment.words.append(String(word))
                    }
                    newLine = true
                }
                newLine = false
            }
        }
        return segment
    }

    /// The template rows found in the label runs, in order: (row index, run index). A digit marker the
    /// run before swallowed is taken back from it. Where a label stands out of order (pdftotext's
    /// reading order put `（一）予以公开` after the table's numbers), the rows kept are the most that
    /// stand in order, each at its first place that allows so: taking every row's first place after
    /// the last one found lost all the rows between.
    private func locate(_ runs: inout [Run]) -> [(row: Int, run: Int)] {
        // Each row's places: the label runs holding it, and the marker digits to take back there.
        let plains = runs.map { run -> String? in if case .label(let label) = run { LabelKey.plain(label) } else { nil } }
        var places: [[(run: Int, swallowed: Int)]] = []
        for row in template.rows {
            let needle = RowNeedle(row)
            var rowPlaces: [(run: Int, swallowed: Int)] = []
            for at in runs.indices {
                guard case .label(let label) = runs[at], let plain = plains[at] else { continue }
                if needle.occurs(in: plain, withMarker: true) {
                    rowPlaces.append((at, 0))
                } else if let marker = needle.digitMarker, needle.occurs(in: plain, withMarker: false),
                          at > 0, case .digits(let before) = runs[at - 1], before.hasSuffix(marker),
                          label.first.map({ ".、．".contains($0) }) == true {
                    rowPlaces.append((at, marker.count))
                }
            }
            places.append(rowPlaces)
        }
        // after[r][k]: the most rows that stand in order from row r at its k-th place on.
        var after = places.map { [Int](repeating: 0, count: $0.count) }
        for row in places.indices.reversed() {
            for (k, place) in places[row].enumerated() {
                var best = 0
                for later in (row + 1)..<places.count {
                    for (j, next) in places[later].enumerated() where next.run > place.run { best = max(best, after[later][j]) }
                }
                after[row][k] = 1 + best
            }
        }
        var wanted = after.lazy.flatMap { $0 }.max() ?? 0
        var found: [(row: Int, run: Int)] = []
        var cursor = 0
        for row in places.indices where wanted > 0 {
            guard let k = places[row].indices.first(where: { places[row][$0].run >= cursor && after[row][$0] == wanted }) else { continue }
            let place = places[row][k]
            if place.swallowed > 0, case .digits(let before) = runs[place.run - 1] {
                runs[place.run - 1] = .digits(String(before.dropLast(place.swallowed)).trimmingBlanks())
            }
            found.append((row, place.run))
            cursor = place.run + 1
            wanted -= 1
        }
        return found
    }
}

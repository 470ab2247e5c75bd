import NianbaoModel

/// Digits as a text form left them, before they are known to be one value, several, or part of one.
struct NumberPiece: Equatable {
    /// Digits, perhaps with a decimal point or a leading minus.
    var text: String
    /// Cells run together with nothing between them: the piece may hold several values.
    var splittable: Bool
    /// The next piece may be the rest of this one's number (a narrow column wrapped it onto the next line).
    var joinsNext: Bool
}

/// Which values of a row are sums of others: `totals[i]` lists the indexes that value i adds up.
/// Taken from the template's row rules, so the arithmetic decides where glued digits divide.
struct RowSums: Equatable {
    var totals: [Int: [Int]] = [:]

    /// The row rules (`SumRule.Axis.eachRow`) of a table over the value cells in `cells` order.
    init(template: TableTemplate, cells: [(row: String, column: String)]) {
        let rules = RowSums.rowRules(template)
        var seen: Set<String> = []
        for row in cells.map(\.row) where seen.insert(row).inserted {
            let positions = cells.indices.filter { cells[$0].row == row }
            add(rules, columns: positions.map { cells[$0].column }, at: positions)
        }
    }

    init() {}

    /// The row rules over one template row's columns.
    init(template: TableTemplate, row index: Int) {
        let columns = template.rows[index].columns.map(\.key)
        add(RowSums.rowRules(template), columns: columns, at: Array(columns.indices))
    }

    /// The rules that make one cell of a row the sum of others in it.
    private static func rowRules(_ template: TableTemplate) -> [SumRule] {
        Edition.rules(for: template).filter { $0.axis == .eachRow && $0.left.count == 1 }
    }

    /// The rules over one row whose cells, by column key, stand at `positions`: by column key alone,
    /// since every row of a table is placed this way and comparing (row, column) pairs cost more.
    private mutating func add(_ rules: [SumRule], columns: [String], at positions: [Int]) {
        for rule in rules {
            guard let total = columns.firstIndex(of: rule.left[0]) else { continue }
            let parts = rule.right.compactMap { columns.firstIndex(of: $0) }
            if parts.count == rule.right.count { totals[positions[total]] = parts.map { positions[$0] } }
        }
    }

    /// Whether no part is two digits longer than its total: a report whose sums slipped may have a
    /// part above its total (a 1 under a total left at 0), but a cell that runs two numbers together
    /// (a tracked change's struck digits before the new ones, `99999323` under a total of 1168) is
    /// no slip.
    func bounded(_ values: [Double?]) -> Bool {
        totals.allSatisfy { total, parts in
            values[total].map { total in parts.allSatisfy { (values[$0] ?? 0) < max(abs(total), 1) * 100 } } ?? true
        }
    }

    /// Whether every total equals the sum of its parts, blanks counting as 0 but no total blank.
    func hold(_ values: [Double?]) -> Bool {
        totals.allSatisfy { total, parts in
            values[total].map { abs(parts.reduce(0.0) { $0 + (values[$1] ?? 0) } - $0) < 1e-6 } ?? false
        }
    }
}

/// Reads `count` values out of number pieces: every way to divide glued digits and join wrapped ones,
/// kept only where each row total equals the sum of its parts. One reading is an answer; none or
/// several leave the row unsettled, never guessed.
struct NumberSplitter {
    var count: Int
    var sums: RowSums
    /// Longest number a cell holds; bounds the search.
    var maximumDigits = 12
    /// Nodes the search may visit before it gives up as unsettled.
    var budget = 3_000_000

    enum Outcome: Equatable {
        case settled([Double])
        /// No reading, or several (the first few given, for the message).
        case unsettled([[String]])

        var isSettled: Bool { if case .settled = self { true } else { false } }
    }

    func solve(_ pieces: [NumberPiece]) -> Outcome {
        let (found, finished) = search(pieces, keeping: 3)
        if !finished { return .unsettled(Array(found.prefix(3))) }
        let complete = found.filter { sums.hold($0.map(NumberSplitter.value)) }
        if complete.count == 1 { return .settled(complete[0].compactMap(NumberSplitter.value)) }
        return .unsettled(Array(complete.prefix(3)))
    }

    /// Where no reading keeps the sums: the one reading of `count` values the pieces allow with the sums
    /// aside, when it is `bounded`. The page's numbers as they stand; a report's own wrong total is the
    /// checks' to report, not a reason to drop the row it stands in.
    func asWritten(_ pieces: [NumberPiece]) -> [Double]? {
        guard case .settled(let values) = NumberSplitter(count: count, sums: RowSums()).solve(pieces),
              sums.bounded(values) else { return nil }
        return values
    }

    /// Every reading that keeps the row's sums, or nil when there are more than `limit` or the search
    /// gave up: what another proof (the table's column sums) chooses among.
    func readings(_ pieces: [NumberPiece], upTo limit: Int) -> [[Double]]? {
        let (found, finished) = search(pieces, keeping: limit)
        guard finished, found.count <= limit else { return nil }
        return found.map { $0.compactMap(NumberSplitter.value) }.filter { sums.hold($0) }
    }

    /// The readings found in search order, stopping after the one past `keeping`; `finished` is false
    /// when the budget ran out first.
    private func search(_ pieces: [NumberPiece], keeping: Int) -> (found: [[String]], finished: Bool) {
        var bytes = pieces.map { Array($0.text.utf8) }
        var found: [[String]] = []
        var visits = 0
        var taken: [(piece: Int, from: Int, to: Int, joined: Int)] = []
        var values: [Double] = []
        var digitsLeft: [Int] = []
        // When the row ends in its total (表三's 总计), the total is some tail of the last digits: each
        // tail is tried as the total, the digits before it are split into the parts, and the tail bounds
        // them, which cuts the search from every split to the few that fit under it.
        let lastParts = sums.totals[count - 1] ?? []
        var bound = Double.infinity
        var tail: String?
        var wanted = count
        // Worked out once, not at every step: which value each index must equal as a sum of earlier
        // ones, which indexes add up to the tail, and what those taken so far come to.
        let forcedParts: [[Int]?] = (0..<count).map { index in
            sums.totals[index].flatMap { parts in parts.allSatisfy { $0 < index } ? parts : nil }
        }
        var isLastPart = [Bool](repeating: false, count: count)
        for part in lastParts where part < count { isLastPart[part] = true }
        var lastPartsTaken = 0.0
        // From this index on, every value before the tail is one of its parts.
        var tailPartsFrom = count - 1
        while tailPartsFrom > 0, isLastPart[tailPartsFrom - 1] { tailPartsFrom -= 1 }
        // When every value still to come is a part of the tail and the digits are plain (no point, no
        // minus, all divisible), what they can still add up to is bounded by how many digits are left:
        // r values from n digits come to at most 10^(n-r+1) + 9(r-1), and at least 10^(⌈n/r⌉-1) once
        // that many digits make one value without a leading zero. A split that cannot reach the tail is
        // given up early; only searching is saved, no reading is lost.
        let plainDigits = pieces.allSatisfy { $0.splittable } && bytes.allSatisfy { $0.allSatisfy { (48...57).contains($0) } }
        func reachable(_ remaining: Int, _ rest: Int) -> Bool {
            let needed = bound - lastPartsTaken
            guard needed.isFinite, remaining > 0 else { return true }
            let most = rest - remaining + 1
            if most < 16, needed > NumberSplitter.powersOfTen[most] + Double(9 * (remaining - 1)) { return false }
            let widest = (rest + remaining - 1) / remaining
            return widest < 2 || widest > 16 || needed >= NumberSplitter.powersOfTen[widest - 1]
        }

        // `piece`/`offset`: where the next value starts.
        func walk(_ piece: Int, _ offset: Int) {
            visits += 1
            if found.count > keeping || visits > budget { return }
            if piece == bytes.count {
                guard values.count == wanted else { return }
                if let tail {
                    guard abs(lastPartsTaken - bound) < 1e-6 else { return }
                    found.append(taken.map { text(bytes, $0) } + [tail])
                } else {
                    found.append(taken.map { text(bytes, $0) })
                }
                return
            }
            let remaining = wanted - values.count
            let rest = digitsLeft[piece] - offset
            guard remaining > 0, rest >= remaining, rest <= remaining * maximumDigits * 2 else { return }
            if tail != nil, plainDigits, values.count >= tailPartsFrom, !reachable(remaining, rest) { return }
            let forced: Double? = forcedParts[values.count].map { $0.reduce(0.0) { $0 + values[$1] } }
            func take(_ value: Double, _ span: (Int, Int, Int, Int), next: Int, nextOffset: Int) {
                if let forced, abs(forced - value) >= 1e-6 { return }
                let part = isLastPart[values.count]
                let before = lastPartsTaken
                if part {
                    // A hair of tolerance: decimal parts need not add up to their total exactly in binary.
                    if before + value > bound + 1e-6 { return }
                    lastPartsTaken += value
                }
                taken.append(span)
                values.append(value)
                walk(next, nextOffset)
                lastPartsTaken = before
                taken.removeLast()
                values.removeLast()
            }
            let digits = bytes[piece]
            if plainDigits {
                // Each longer span is the shorter one and one more digit; a span may not start with 0
                // unless it is the 0 alone.
                var value = 0.0
                for end in (offset + 1)...min(digits.count, offset + maximumDigits) {
                    value = value * 10 + Double(digits[end - 1] - 48)
                    take(value, (piece, offset, end, piece),
                         next: end == digits.count ? piece + 1 : piece, nextOffset: end == digits.count ? 0 : end)
                    if digits[offset] == 48 { break }
                }
                return
            }
            if pieces[piece].splittable {
                for end in (offset + 1)...min(digits.count, offset + maximumDigits) {
                    // A cut must not leave a decimal point at either edge.
                    if digits[end - 1] == UInt8(ascii: ".") || (end < digits.count && digits[end] == UInt8(ascii: ".")) { continue }
                    guard let value = NumberSplitter.value(digits[offset..<end]) else {
                        if digits[offset] == UInt8(ascii: "0") { break } else { continue }
                    }
                    take(value, (piece, offset, end, piece),
                         next: end == digits.count ? piece + 1 : piece, nextOffset: end == digits.count ? 0 : end)
                }
                return
            }
            // Whole pieces; a wrapped number may continue in the pieces below it.
            var joined = digits
            var last = piece
            while true {
                if let value = NumberSplitter.value(joined[...]) { take(value, (piece, 0, 0, last), next: last + 1, nextOffset: 0) }
                guard pieces[last].joinsNext, last + 1 < pieces.count, !pieces[last + 1].splittable else { break }
                last += 1
                joined += bytes[last]
            }
        }
        let whole = bytes
        if !lastParts.isEmpty, count > 1, pieces.last?.splittable == true, let digits = whole.last {
            wanted = count - 1
            for length in 1...min(maximumDigits, digits.count) {
                guard let total = NumberSplitter.value(digits[(digits.count - length)...]) else { continue }
                (bound, tail) = (total, String(decoding: digits[(digits.count - length)...], as: UTF8.self))
                bytes = whole
                bytes[bytes.count - 1].removeLast(length)
                if bytes[bytes.count - 1].isEmpty { bytes.removeLast() }
                digitsLeft = bytes.indices.map { i in bytes[i...].reduce(0) { $0 + $1.count } }
                walk(0, 0)
            }
        } else {
            digitsLeft = bytes.indices.map { i in bytes[i...].reduce(0) { $0 + $1.count } }
            walk(0, 0)
        }
        return (found, visits <= budget)
    }

    /// The text a taken span stands for: part of a glued piece, or whole pieces joined.
    private func text(_ bytes: [[UInt8]], _ span: (piece: Int, from: Int, to: Int, joined: Int)) -> String {
        if span.to > span.from { return String(decoding: bytes[span.piece][span.from..<span.to], as: UTF8.self) }
        return (span.piece...span.joined).map { String(decoding: bytes[$0], as: UTF8.self) }.joined()
    }

    static func value(_ text: String) -> Double? {
        value(Array(text.utf8)[...])
    }

    /// A value's number: digits without a leading zero (but 0 and 0.5), an optional minus and decimals.
    static func value(_ text: ArraySlice<UInt8>) -> Double? {
        let body = text.first == UInt8(ascii: "-") ? text.dropFirst() : text
        guard let first = body.first, (48...57).contains(first), body.last != UInt8(ascii: ".") else { return nil }
        var points = 0
        for byte in body {
            if byte == UInt8(ascii: ".") { points += 1 } else if !(48...57).contains(byte) { return nil }
        }
        guard points <= 1 else { return nil }
        if body.count > 1, first == UInt8(ascii: "0"), body[body.startIndex + 1] != UInt8(ascii: ".") { return nil }
        // Worked out from the digits, as the search asks this for every span it tries: the digits as an
        // integer over a power of ten is the value PlainDecimal parses (both exact in a Double, the
        // division rounded once), within the significant digits PlainDecimal allows.
        var mantissa = 0.0, decimals = 0, significant = 0, afterPoint = false
        for byte in body {
            if byte == UInt8(ascii: ".") { afterPoint = true; continue }
            if afterPoint { decimals += 1 }
            if significant > 0 || byte != UInt8(ascii: "0") || afterPoint { significant += 1 }
            mantissa = mantissa * 10 + Double(byte - 48)
        }
        guard significant <= PlainDecimal.maximumDigits else { return nil }
        let value = mantissa / powersOfTen[decimals]
        return text.first == UInt8(ascii: "-") && value != 0 ? -value : value
    }

    /// 10^0 through 10^16, each exact in a Double.
    static let powersOfTen: [Double] = (0...16).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }
}

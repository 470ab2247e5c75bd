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
        for rule in Edition.rules(for: template) where rule.axis == .eachRow {
            for row in Set(cells.map(\.row)) {
                guard rule.left.count == 1,
                      let total = cells.firstIndex(where: { $0 == (row, rule.left[0]) }) else { continue }
                let parts = rule.right.compactMap { column in cells.firstIndex { $0 == (row, column) } }
                if parts.count == rule.right.count { totals[total] = parts }
            }
        }
    }

    init() {}

    /// The row rules over one template row's columns.
    init(template: TableTemplate, row index: Int) {
        let row = template.rows[index]
        self.init(template: template, cells: row.columns.map { (row.key, $0.key) })
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
    }

    func solve(_ pieces: [NumberPiece]) -> Outcome {
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

        // `piece`/`offset`: where the next value starts.
        func walk(_ piece: Int, _ offset: Int) {
            visits += 1
            if found.count > 3 || visits > budget { return }
            if piece == bytes.count {
                guard values.count == wanted else { return }
                if let tail {
                    guard abs(lastParts.reduce(0.0) { $0 + values[$1] } - bound) < 1e-6 else { return }
                    found.append(taken.map { text(bytes, $0) } + [tail])
                } else {
                    found.append(taken.map { text(bytes, $0) })
                }
                return
            }
            let remaining = wanted - values.count
            let rest = digitsLeft[piece] - offset
            guard remaining > 0, rest >= remaining, rest <= remaining * maximumDigits * 2 else { return }
            let forced: Double? = sums.totals[values.count].flatMap { parts in
                parts.allSatisfy { $0 < values.count } ? parts.reduce(0.0) { $0 + values[$1] } : nil
            }
            func take(_ value: Double, _ span: (Int, Int, Int, Int), next: Int, nextOffset: Int) {
                if let forced, abs(forced - value) >= 1e-6 { return }
                if lastParts.contains(values.count),
                   lastParts.filter({ $0 < values.count }).reduce(value, { $0 + values[$1] }) > bound { return }
                taken.append(span)
                values.append(value)
                walk(next, nextOffset)
                taken.removeLast()
                values.removeLast()
            }
            let digits = bytes[piece]
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
        if visits > budget { return .unsettled(Array(found.prefix(3))) }
        let complete = found.filter { sums.hold($0.map(NumberSplitter.value)) }
        if complete.count == 1 { return .settled(complete[0].compactMap(NumberSplitter.value)) }
        return .unsettled(Array(complete.prefix(3)))
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
        return PlainDecimal(String(decoding: text, as: UTF8.self))?.value
    }
}

import NianbaoModel

/// Numbers of a table written a cell a line (pdfplumber, `pdftotext -raw`) that the text puts
/// outside their row's stretch, because a PDF centres a cell's text in its height: a row total
/// written above its values (`1099` then `73 47 276 356 325 22`), a label below its numbers (`… 1820`
/// then `5.要求行政机关确认…`), a total its narrow column broke in two, around its row's line (`2526`,
/// the row, `6`) or after its values, its tail on a line of its own; and the numbers of rows whose
/// labels were not found, after the row above's (`spill`). Each is moved back only where the row sums
/// hold that way and not as laid out; the numbers keep their order and their digits.
struct CellLineRegrouping {
    /// A row found by its label and the numbers between it and the next label, each a cell.
    struct Segment {
        var index: Int
        var words: [String]
        /// Indexes of the words that begin a line of their own, after another of the row's words.
        var lineStarts: Set<Int>
        /// How the row's numbers were put back, for the diagnostic; nil when read as laid out.
        var moved: Move? = nil
        /// Whether the numbers after the row's label may be the next row's (`regroup`): left null.
        var mayBeNextRows = false
    }

    enum Move: Equatable {
        /// The row's total stood before its values.
        case totalFirst
        /// The row's numbers stood before its label, after the row above's.
        case beforeLabel
        /// A narrow column broke the total in two: its first digits (`2526`) on a line before the row's
        /// label or after its values, its last (`6`) on the line after.
        case wrappedTotal(head: String, tail: String)
        /// The row's label stood elsewhere; its numbers followed the row above's, in the template's order.
        case labelElsewhere
    }

    let template: TableTemplate

    /// The segments with their numbers put back where the sums prove it; `preamble` holds the numbers
    /// before the first row's label (a wrapped total's head can stand among the header words).
    func regroup(_ segments: [Segment], preamble: [String]) -> [Segment] {
        var segments = segments
        for k in segments.indices where !settles(segments[k]) {
            let count = template.rows[segments[k].index].columns.count
            let words = segments[k].words
            let lineStarts = segments[k].lineStarts
            // Only below a row read by its own numbers: text that sets labels apart from their rows
            // (pdfminer) leaves the rows above without numbers, and these could be theirs.
            if words.count == 2 * count, lineStarts.contains(count), k + 1 < segments.count, segments[k + 1].words.isEmpty,
               segments[k + 1].index == segments[k].index + 1, k == 0 || settles(segments[k - 1]) {
                var next = segments[k + 1]
                next.words = Array(words[count...])
                var this = segments[k]
                this.words = Array(words[..<count])
                if settles(this) && settles(next) {
                    next.moved = .beforeLabel
                    segments[k] = this
                    segments[k + 1] = next
                }
            } else if words.count == count + 1, lineStarts.contains(count) {
                // A wrapped total after the values: its tail on a line of its own, its head on one of its
                // own too or ending the values' line (pdfplumber: `… 4605 2547` then `1`).
                var joined = segments[k]
                joined.words = Array(words[..<(count - 1)]) + [words[count - 1] + words[count]]
                if settles(joined) {
                    joined.moved = .wrappedTotal(head: words[count - 1], tail: words[count])
                    segments[k] = joined
                }
            } else if words.count == count, count > 1 {
                if lineStarts.contains(1), settlesTotalFirst(segments[k]) {
                    segments[k].words = Array(words.dropFirst()) + [words[0]]
                    segments[k].moved = .totalFirst
                    continue
                }
                // The head stands last among the numbers before this row's label: the row above's
                // extra number, or the header's.
                let above = k > 0 ? segments[k - 1].words : preamble
                guard lineStarts.contains(count - 1), let head = above.last, let tail = words.last,
                      CellValue.isDigits(head), CellValue.isDigits(tail) else { continue }
                var joined = segments[k]
                joined.words[count - 1] = head + tail
                var shortened = k > 0 ? segments[k - 1] : nil
                shortened?.words.removeLast()
                guard settles(joined), shortened.map({ settles($0) && !settles(segments[k - 1]) }) ?? true else { continue }
                joined.moved = .wrappedTotal(head: head, tail: tail)
                segments[k] = joined
                if let shortened { segments[k - 1] = shortened }
            }
        }
        markShifts(&segments)
        return spill(segments, preamble: preamble)
    }

    /// Rows whose labels the text put elsewhere (plain pdftotext: `（三）不 4.保护第三方合法权益` run
    /// into the label beside it, `3.要求提供公开出版物` after the numbers) have no segment; their numbers
    /// follow the row above's, in the template's order, each row's marker digit perhaps between them
    /// (`… 1099 1 305 …`: `1.属于国家秘密` lost its marker to the numbers). A segment that holds the
    /// numbers of its row and of the rows up to the next found is divided among them, each a whole set
    /// keeping its sums, where exactly one division does. Not where the sets could be other rows': the
    /// segment above not read as its rows' numbers (empty where labels run together above their rows,
    /// one set too many where this row's numbers stand before its label; for the first, numbers before
    /// it), or the next found row without numbers (its numbers before its label, here); rows
    /// `markShifts` left null stay so. A column rule the divided rows break undoes them all.
    private func spill(_ segments: [Segment], preamble: [String]) -> [Segment] {
        var result: [Segment] = []
        var spilled: Set<Int> = []
        var aboveRead = !preamble.contains(where: CellValue.isDigits)
        let markers = template.rows.map { RowNeedle($0).digitMarker }
        for (k, segment) in segments.enumerated() {
            let end = k + 1 < segments.count ? segments[k + 1].index : template.rows.count
            let settled = settles(segment)
            let sets = end - segment.index > 1 && !settled ? divide(segment.words, rows: segment.index..<end, markers: markers) : nil
            defer { aboveRead = settled || sets != nil }
            guard let sets, aboveRead, !segment.mayBeNextRows, k + 1 == segments.count || !segments[k + 1].words.isEmpty else {
                result.append(segment)
                continue
            }
            for (offset, words) in sets.enumerated() {
                result.append(Segment(index: segment.index + offset, words: words, lineStarts: [],
                                      moved: offset == 0 ? nil : .labelElsewhere))
                spilled.insert(segment.index + offset)
            }
        }
        guard !spilled.isEmpty else { return segments }
        var known: [Int: [Double]] = [:]
        for segment in result where settles(segment) { known[segment.index] = segment.words.compactMap(Double.init) }
        let keys = Set(spilled.map { template.rows[$0].key })
        let broken = ColumnSumProof(template: template).broken(known)
        return broken.contains { !keys.isDisjoint(with: $0.left + $0.right) } ? segments : result
    }

    /// The one division of `words` into whole sets for `rows`, each keeping its row's sums, a row's digit
    /// marker (`markers`, by row) allowed before its set; nil when none or several do.
    private func divide(_ words: [String], rows: Range<Int>, markers: [String?]) -> [[String]]? {
        var found: [[[String]]] = []
        // Places (row, word) from which no division was found: each marker doubles the ways, and a
        // text whose words match every marker would otherwise be searched in 2^rows ways.
        var dead = Set<Int>()
        func walk(_ row: Int, _ at: Int, _ sets: [[String]]) {
            guard found.count < 2 else { return }
            guard row < rows.upperBound else {
                if at == words.count { found.append(sets) }
                return
            }
            let place = row * (words.count + 1) + at
            guard !dead.contains(place) else { return }
            let before = found.count
            let count = template.rows[row].columns.count
            var starts = [at]
            if row > rows.lowerBound, at < words.count, let marker = markers[row], words[at] == marker {
                starts.append(at + 1)
            }
            for start in starts where start + count <= words.count {
                let set = Array(words[start..<(start + count)])
                if settles(Segment(index: row, words: set, lineStarts: [])) { walk(row + 1, start + count, sets + [set]) }
            }
            if found.count == before { dead.insert(place) }
        }
        walk(rows.lowerBound, 0, [])
        return found.count == 1 ? found[0] : nil
    }

    /// A row with two whole sets of numbers, then rows with one set each, then a row with none: a text
    /// that writes some rows' numbers before their labels (a browser's PDF through plain pdftotext,
    /// labels a narrow column wrapped and centred below their numbers). Every set keeps its sums
    /// whichever label it goes with, so the rows between may each hold the next row's numbers. One of
    /// the two sets may be a report's own that does not add up (a wrong total): the other still shows
    /// two rows' numbers there, and so may a set below.
    private func markShifts(_ segments: inout [Segment]) {
        for k in segments.indices {
            let count = template.rows[segments[k].index].columns.count
            guard segments[k].words.count == 2 * count, !settles(segments[k]) else { continue }
            var halves = (segments[k], segments[k])
            halves.0.words = Array(segments[k].words[..<count])
            halves.1.words = Array(segments[k].words[count...])
            guard settles(halves.0) || settles(halves.1) else { continue }
            var j = k + 1
            // Rows with one set each, whether or not it adds up: a wrong total moves with its set.
            while j < segments.count, segments[j].words.count == template.rows[segments[j].index].columns.count { j += 1 }
            guard j > k + 1, j == segments.count || segments[j].words.isEmpty else { continue }
            for shifted in (k + 1)..<j { segments[shifted].mayBeNextRows = true }
        }
    }

    /// Whether the numbers keep the row's sums with the first taken as the total, the rest in order.
    func settlesTotalFirst(_ segment: Segment) -> Bool {
        guard segment.words.count > 1 else { return false }
        var rotated = segment
        rotated.words = Array(segment.words.dropFirst()) + segment.words.prefix(1)
        return settles(rotated)
    }

    /// Whether the numbers, one a cell, keep the row's sums as they stand.
    private func settles(_ segment: Segment) -> Bool {
        let sums = RowSums(template: template, row: segment.index)
        let values = segment.words.map { CellValue.isDigits($0) ? Double($0) : nil }
        return !sums.totals.isEmpty && values.count == template.rows[segment.index].columns.count
            && !values.contains(nil) && sums.hold(values)
    }
}

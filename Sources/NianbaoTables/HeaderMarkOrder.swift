import NianbaoModel

/// Whether a single-row table's numbers, written one a cell among its header words, stand after the
/// header of their column. Plain `pdftotext` writes a table in the order its text was drawn: on an
/// upright page each column's header comes before its numbers, but on a page stored turned a group's
/// numbers can come first and in another order (`64 157 纠正 维持` for 维持 157, 纠正 64), and both
/// orders keep every sum. A number that comes before its column's header is not placed by counting.
struct HeaderMarkOrder {
    /// Per column of a group: the two characters that tell its header from its siblings' (维持, 纠正,
    /// 其他, 尚未, 总计), which survive a header broken over lines (`结果` / `维持`).
    let marks: [String]
    /// Values in each group (row of the template).
    let groupSize: Int

    init?(_ template: TableTemplate) {
        guard let columns = template.rows.first?.columns,
              template.rows.allSatisfy({ $0.columns == columns }) else { return nil }
        let labels = columns.map { Array($0.label) }
        var marks: [String] = []
        for (index, label) in labels.enumerated() {
            let siblings = labels.indices.filter { $0 != index }.map { String(labels[$0]) }
            var shared = Set<Int>()
            for start in label.indices.dropLast() where siblings.contains(where: { $0.contains(String(label[start...start + 1])) }) {
                shared.formUnion([start, start + 1])
            }
            let own = label.indices.filter { !shared.contains($0) }
            guard own.count >= 2, own[1] == own[0] + 1 else { return nil }
            marks.append(String(label[own[0]...own[1]]))
        }
        self.marks = marks
        groupSize = columns.count
    }

    /// The groups (template row indexes) holding a number that comes before its column's header, when
    /// every header is written somewhere among the runs; none when the headers are not all there, for
    /// then the text says nothing about the order. `cells` is how many values the table has: where the
    /// numbers are more (a narrow column wrapped them onto two lines), a number's place tells no
    /// column, and only a text with every group's headers before its first number is known upright.
    func groupsBeforeTheirHeader(_ runs: [FlattenedTableRecovery.Run], cells: Int) -> [Int] {
        let words = runs.map { run -> String in
            if case .label(let label) = run { label.filter { !$0.isWhitespace } } else { "" }
        }
        let all = words.joined()
        guard marks.allSatisfy({ all.contains($0) }) else { return [] }
        let numbers = runs.reduce(0) { count, run in
            if case .digits(let digits) = run { count + FlattenedTableRecovery.words(digits).count } else { count }
        }
        if numbers != cells {
            let headers = words[..<(runs.firstIndex { if case .digits = $0 { true } else { false } } ?? runs.count)].joined()
            let upright = marks.allSatisfy { headers.ranges(of: $0).count >= cells / groupSize }
            return upright ? [] : Array(0..<(cells / groupSize))
        }
        var seen = [Int](repeating: 0, count: marks.count)
        var position = 0
        var early = Set<Int>()
        for (run, word) in zip(runs, words) {
            switch run {
            case .label:
                for (column, mark) in marks.enumerated() { seen[column] += word.ranges(of: mark).count }
            case .digits(let digits):
                for _ in FlattenedTableRecovery.words(digits) {
                    let (group, column) = position.quotientAndRemainder(dividingBy: groupSize)
                    if seen[column] <= group { early.insert(group) }
                    position += 1
                }
            }
        }
        return early.sorted()
    }
}

import NianbaoModel

/// Rows a text form left with several readings, settled by the table's column rules (表三's balance
/// and its outcome sum). Where every other row of a rule is known, a reading must keep the rule in
/// every column; a row is settled only when exactly one of its readings does. A reading that a
/// source's own arithmetic error let through would have to match the known rows in all seven columns
/// at once, so the proof does not pick a wrong split where the source is inconsistent: it picks none.
struct ColumnSumProof {
    /// The rules over rows, by the row indexes of their two sides.
    private let rules: [(rule: SumRule, left: [Int], right: [Int])]

    init(template: TableTemplate) {
        let index = Dictionary(uniqueKeysWithValues: template.rows.enumerated().map { ($1.key, $0) })
        rules = Edition.rules(for: template).compactMap { rule in
            guard rule.axis == .eachColumn else { return nil }
            let left = rule.left.compactMap { index[$0] }, right = rule.right.compactMap { index[$0] }
            return left.count == rule.left.count && right.count == rule.right.count ? (rule, left, right) : nil
        }
    }

    /// Whether the template has column rules at all.
    var isEmpty: Bool { rules.isEmpty }

    /// The rows of `readings` (every reading of each row that keeps its row sums) that the rules settle,
    /// by row index, with the rules that decided. `known` holds the rows already settled. A row settled
    /// here counts as known for the next, until no more are.
    func settle(known: [Int: [Double]], readings: [Int: [[Double]]]) -> [Int: (values: [Double], rules: [SumRule])] {
        var known = known
        var settled: [Int: (values: [Double], rules: [SumRule])] = [:]
        var progress = true
        while progress {
            progress = false
            for (row, candidates) in readings.sorted(by: { $0.key < $1.key }) where known[row] == nil {
                var survivors = candidates
                var deciding: [SumRule] = []
                for (rule, left, right) in rules where (left + right).contains(row) {
                    let others = (left + right).filter { $0 != row }
                    guard others.allSatisfy({ known[$0]?.count == candidates.first?.count }) else { continue }
                    survivors = survivors.filter { reading in
                        var rows = known
                        rows[row] = reading
                        return ColumnSumProof.balances(left, right, rows)
                    }
                    deciding.append(rule)
                }
                if !deciding.isEmpty, survivors.count == 1 {
                    known[row] = survivors[0]
                    settled[row] = (survivors[0], deciding)
                    progress = true
                }
            }
        }
        return settled
    }

    /// The rules that fail where every row they name is known.
    func broken(_ known: [Int: [Double]]) -> [SumRule] {
        rules.filter { _, left, right in
            let rows = (left + right).compactMap { known[$0] }
            guard rows.count == left.count + right.count, let width = rows.first?.count,
                  rows.allSatisfy({ $0.count == width }) else { return false }
            return !ColumnSumProof.balances(left, right, known)
        }.map(\.rule)
    }

    /// The columns in which some rule fails, where every row it names is known: one column only is
    /// what a single wrong cell leaves; a row read in the wrong order breaks several.
    func failingColumns(_ known: [Int: [Double]]) -> Set<Int> {
        var columns: Set<Int> = []
        for (_, left, right) in rules {
            let rows = (left + right).compactMap { known[$0] }
            guard rows.count == left.count + right.count, let width = rows.first?.count,
                  rows.allSatisfy({ $0.count == width }) else { continue }
            for column in 0..<width {
                let sum = { (side: [Int]) in side.reduce(0.0) { $0 + known[$1]![column] } }
                if abs(sum(left) - sum(right)) >= 1e-6 { columns.insert(column) }
            }
        }
        return columns
    }

    /// Whether the rows `left` add up to the rows `right` in every column; each named row is in `rows`,
    /// all of one width.
    private static func balances(_ left: [Int], _ right: [Int], _ rows: [Int: [Double]]) -> Bool {
        func sum(_ side: [Int], _ column: Int) -> Double { side.reduce(0.0) { $0 + rows[$1]![column] } }
        return rows[left[0]]!.indices.allSatisfy { abs(sum(left, $0) - sum(right, $0)) < 1e-6 }
    }
}

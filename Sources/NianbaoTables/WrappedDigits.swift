import NianbaoModel

/// A line of values whose narrow columns wrapped some numbers onto the next line (表四 as a PDF's
/// text gives it: `13 33 18 22 86 …` then `2 0 2 1 5 …`, read 132, 330, 182, 221, 865). The next line
/// holds only the last digits of some of the numbers, in order; which ones the text does not say. Every
/// choice is tried, and one is taken only where it alone keeps the row sums, and the line read without
/// its tails does not keep them as well.
struct WrappedDigits {
    /// How many values the line holds.
    var count: Int
    var sums: RowSums
    /// Most choices weighed (15 values with 7 tails: 6,435); past it nothing is read.
    var budget = 100_000

    /// The line read with its tails: settled where one choice alone keeps the sums, unsettled (with
    /// the readings) where several do or the line keeps them without its tails. Nil where no choice
    /// keeps them, there are too many, or a word is not digits: the next line is then no tails.
    func read(heads: [String], tails: [String]) -> NumberSplitter.Outcome? {
        guard heads.count == count, !tails.isEmpty, tails.count <= count, heads.allSatisfy(CellValue.isCount),
              tails.allSatisfy(CellValue.isDigits),
              WrappedDigits.choices(heads.count, tails.count) <= budget else { return nil }
        let found = readings(heads: heads, tails: tails)
        let untailed = heads.map { Double($0) }
        if found.count == 1, !sums.hold(untailed) { return .settled(found[0]) }
        guard !found.isEmpty else { return nil }
        let shown = (sums.hold(untailed) ? [heads] : []) + found.map { $0.map { String(Int($0)) } }
        return .unsettled(Array(shown.prefix(3)))
    }

    /// The choices of tails that keep the sums, at most `limit`.
    private func readings(heads: [String], tails: [String], limit: Int = 3) -> [[Double]] {
        var found: [[Double]] = []
        var chosen: [Int] = []
        func choose(from next: Int) {
            guard found.count < limit else { return }
            if chosen.count == tails.count {
                var words = heads
                for (index, tail) in zip(chosen, tails) { words[index] += tail }
                // Every word is digits, so every one reads as a number.
                let values = words.compactMap { Double($0) }
                if sums.hold(values.map(Optional.init)) { found.append(values) }
                return
            }
            // Leave room for the tails still to place; a 0 takes none (0 with digits after it is no
            // number a table writes).
            for index in next...(heads.count - (tails.count - chosen.count)) where heads[index] != "0" {
                chosen.append(index)
                choose(from: index + 1)
                chosen.removeLast()
            }
        }
        choose(from: 0)
        return found
    }

    /// n choose k, stopping early once past any budget.
    private static func choices(_ n: Int, _ k: Int) -> Int {
        var result = 1
        for i in 0..<min(k, n - k) {
            result = result * (n - i) / (i + 1)
            if result > 10_000_000 { return result }
        }
        return result
    }
}

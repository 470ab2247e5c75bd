import NianbaoModel
import Testing
@testable import NianbaoTables

/// Table 三 as plain pdftotext leaves it, one number a line: rows found by their labels, and the rows
/// between whose labels the text put elsewhere.
@Suite struct CellLineRegroupingTests {
    let regrouping = CellLineRegrouping(template: Edition.template("applications", edition: "2021")!)

    /// Six values and their total, the values counting up from `first`.
    func set(_ first: Int) -> [String] {
        let values = (first..<(first + 6)).map { $0 }
        return values.map(String.init) + [String(values.reduce(0, +))]
    }

    func segment(_ row: Int, _ words: [String]) -> CellLineRegrouping.Segment {
        CellLineRegrouping.Segment(index: row, words: words, lineStarts: [])
    }

    /// 3.危及“三安全一稳定” (row 6) is found, 4.保护第三方合法权益 and 5.属于三类内部事务信息 are not, 6.属于
    /// 四类过程性信息 (row 9) is: the sets after row 6's label are rows 6, 7 and 8, the marker 4 that
    /// lost its label standing between.
    @Test func numbersOfRowsWithoutTheirLabelsFollowTheRowAbove() {
        let regrouped = regrouping.regroup([segment(5, set(10)), segment(6, set(20) + ["4"] + set(30) + set(40)), segment(9, set(50))],
                                           preamble: [])
        #expect(regrouped.map(\.index) == [5, 6, 7, 8, 9])
        #expect(regrouped.map(\.words) == [set(10), set(20), set(30), set(40), set(50)])
        #expect(regrouped.map(\.moved) == [nil, nil, .labelElsewhere, .labelElsewhere, nil])
    }

    /// Where the text may write numbers before their labels, the sets may be the next rows': the next
    /// found row without numbers, the row above without any (labels run together above their rows)
    /// or with one set too many, or numbers before the first label. Nothing is divided.
    @Test(arguments: [
        ([(5, 10)], [Int](), [20, 30, 40], [(9, nil)]),
        ([(5, nil)], [], [20, 30, 40], [(9, 50)]),
        ([(5, 10), (5, 15)], [], [20, 30, 40], [(9, 50)]),
        ([], [1], [20, 30, 40], [(9, 50)]),
    ] as [([(Int, Int?)], [Int], [Int], [(Int, Int?)])])
    func setsThatMayBeOtherRowsAreNotDivided(_ above: [(Int, Int?)], _ preamble: [Int], _ sets: [Int], _ below: [(Int, Int?)]) {
        func words(_ first: Int?) -> [String] { first.map(set) ?? [] }
        var segments: [CellLineRegrouping.Segment] = []
        // Two sets above stand in one segment (row 5), as when row 6's numbers precede its label.
        for (row, first) in above {
            if segments.last?.index == row {
                segments[segments.count - 1].words += words(first)
            } else {
                segments.append(segment(row, words(first)))
            }
        }
        let divided = segment(6, sets.flatMap(set))
        segments.append(divided)
        segments += below.map { segment($0.0, words($0.1)) }
        let regrouped = regrouping.regroup(segments, preamble: preamble.flatMap(set))
        #expect(!regrouped.contains { $0.moved == .labelElsewhere })
        #expect(regrouped.first { $0.index == 6 }?.words == divided.words)
    }
}

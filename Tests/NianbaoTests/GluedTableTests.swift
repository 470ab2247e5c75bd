import Foundation
import Nianbao
import Testing

/// Random tables 三 glued as a crawler glues them, a third with one cell written off (the source's own
/// arithmetic error): whatever the row and column sums settle is the number written there, and nothing
/// else goes out.
@Suite struct GluedTableTests {
    /// SplitMix64: the same pages on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let columns = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]

    @Test func gluedRowsSettledByTheirSumsAreTheNumbersWritten() throws {
        // The dense crawler page, cut at its table 三 rows by the values its expectation lists.
        let page = try String(contentsOf: Paths.formFixtures.appendingPathComponent("dense.crawler.txt"), encoding: .utf8)
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: Paths.formFixtures
            .appendingPathComponent("dense.layout.expected.json"))) as! [String: Any]
        let table = ((expected["tables"] as! [String: Any])["applications"] as! [String: Any])["values"] as! [String: [String: Int]]
        let report = try Converter().convert(file: Paths.formFixtures.appendingPathComponent("dense.crawler.txt").path)
        let rows = try #require(report.table("applications")?.values).rows.map(\.key)
        let start = try #require(page.range(of: "一、本年新收"))
        var rest = page[start.lowerBound...]
        var labels: [Substring] = []
        for row in rows {
            let digits = (Self.columns + ["total"]).map { String(table[row]![$0]!) }.joined()
            let at = try #require(rest.range(of: digits))
            labels.append(rest[..<at.lowerBound])
            rest = rest[at.upperBound...]
        }
        let before = page[..<start.lowerBound], after = rest
        let outcomes = Array(rows[2..<(rows.count - 2)])

        var random = Seeded(state: 7)
        var right = 0, wrong: [String] = []
        for page in 0..<24 {
            let scale = [3, 10, 40, 400][page % 4]
            var values: [String: [String: Int]] = [:]
            for row in outcomes { values[row] = Dictionary(uniqueKeysWithValues: Self.columns.map { ($0, Bool.random(using: &random) ? 0 : Int.random(in: 0..<scale, using: &random)) }) }
            values["total"] = Dictionary(uniqueKeysWithValues: Self.columns.map { c in (c, outcomes.reduce(0) { $0 + values[$1]![c]! }) })
            values["carried_forward"] = Dictionary(uniqueKeysWithValues: Self.columns.map { ($0, Int.random(in: 0..<scale, using: &random)) })
            // Carried over no more than handled and carried forward, so that 新收 is not negative.
            values["carried_over"] = Dictionary(uniqueKeysWithValues: Self.columns.map { c in
                (c, min(Int.random(in: 0..<scale, using: &random), values["total"]![c]! + values["carried_forward"]![c]!)) })
            values["new_received"] = Dictionary(uniqueKeysWithValues: Self.columns.map { c in
                (c, values["total"]![c]! + values["carried_forward"]![c]! - values["carried_over"]![c]!) })
            if page % 3 == 0 {
                let row = rows[Int.random(in: 0..<rows.count, using: &random)]
                values[row]![Self.columns[Int.random(in: 0..<6, using: &random)]]! += [1, 2, 10][page % 9 / 3]
            }
            for row in rows { values[row]!["total"] = Self.columns.reduce(0) { $0 + values[row]![$1]! } }
            let body = zip(labels, rows).map { label, row in
                label + (Self.columns + ["total"]).map { String(values[row]![$0]!) }.joined()
            }.joined()
            let report = try Converter().convert(Array((before + body + after).utf8), path: "glued-\(page).txt")
            let read = try #require(report.table("applications")?.values)
            for row in rows {
                for column in Self.columns + ["total"] {
                    guard let value = read[row, column] else { continue }
                    if value == Double(values[row]![column]!) { right += 1 } else { wrong.append("\(page) \(row).\(column)") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        print("glued tables: \(right) of \(24 * rows.count * 7) values settled")
        // Most values are settled: the test is not passed by leaving everything null.
        #expect(right > 24 * rows.count * 7 / 2, "\(right)")
    }
}

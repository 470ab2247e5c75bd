import Testing
@testable import NianbaoTables

/// Glued digits divided only where the row's sums leave one reading.
@Suite struct NumberSplitterTests {
    /// Table 三's row: six applicant columns, then their total.
    let row: NumberSplitter = {
        var sums = RowSums()
        sums.totals = [6: [0, 1, 2, 3, 4, 5]]
        return NumberSplitter(count: 7, sums: sums)
    }()

    func glued(_ digits: String) -> [NumberPiece] {
        [NumberPiece(text: digits, splittable: true, joinsNext: false)]
    }

    @Test func aGluedRowWithOneReadingIsSettled() {
        // 80|1|0|0|0|0|81, as a crawler runs the cells together.
        #expect(row.solve(glued("801000081")) == .settled([80, 1, 0, 0, 0, 0, 81]))
    }

    @Test func aGluedRowWithSeveralReadingsIsNot() {
        // 3|1|30|0|0|0|34 and 31|3|0|0|0|0|34 both keep the total: neither is taken.
        #expect(row.solve(glued("313000034")) == .unsettled([["3", "1", "30", "0", "0", "0", "34"],
                                                              ["31", "3", "0", "0", "0", "0", "34"]]))
    }

    @Test func aRunOfOnesHasNoReadingThatKeepsTheTotal() {
        // The most ways to divide a run: every split is tried or cut off, and none keeps the sums.
        #expect(row.solve(glued(String(repeating: "1", count: 36))) == .unsettled([]))
    }

    /// A span's value is the decimal it writes, parsed once and exactly (within 15 significant digits,
    /// as PlainDecimal allows); no leading zero, no bare point, no second point.
    @Test(arguments: [("0", true), ("7", true), ("0.5", true), ("12.34", true), ("-12.5", true), ("99999.99", true),
                      ("123456789012345", true), ("0.000000000000001", true), ("1.23456789012345", true),
                      ("1234567890123456", false), ("0.1234567890123456", false), ("05", false), ("1.", false),
                      ("1.2.3", false), ("-", false), ("", false)])
    func spanValuesAreTheDecimalsWritten(_ text: String, _ isValue: Bool) {
        #expect(NumberSplitter.value(text) == (isValue ? Double(text) : nil))
    }

    @Test func minusZeroIsZero() {
        #expect(NumberSplitter.value("-0")?.sign == .plus)
    }
}

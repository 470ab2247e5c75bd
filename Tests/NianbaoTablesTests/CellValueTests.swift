import NianbaoModel
import Testing
@testable import NianbaoTables

/// What a cell's text is as a value: a plain decimal as written, or unreadable, never another number.
@Suite struct CellValueTests {
    @Test(arguments: [
        ("3951", 3951.0), ("1,234", 1234), ("1,234,567", 1_234_567), ("12件", 12), ("５", 5), ("-0", 0),
        ("0.5", 0.5), ("9.51万元", 9.51), ("123456789012345", 123_456_789_012_345), ("-3", -3),
    ])
    func plainDecimalsAreRead(_ text: String, _ value: Double) {
        #expect(CellValue(text) == .number(value))
    }

    @Test(arguments: [
        "1e3", "1e309", "0x1A", ".5", "5.", "12,34", "1,2,3,4", "1234,567", "1 234", "1234567890123456",
        "99999999999999999999", "9007199254740993", "一百", "二百三十二", "(5)", "约5", "5余", "--5",
    ])
    func otherValueTextsAreUnreadable(_ text: String) {
        #expect(CellValue(text) == .unreadable(text))
    }

    @Test(arguments: ["规章", "2021年", "信息内容", "inf", "nan"])
    func wordsAreLabels(_ text: String) {
        #expect(CellValue(text) == .label)
    }

    @Test func valuesGoOutWithoutAnExponent() {
        #expect(numberText(0.00001) == "0.00001")
        #expect(numberText(-0.000012) == "-0.000012")
        #expect(numberText(7539.443252) == "7539.443252")
        #expect(numberText(1e15) == "1000000000000000")
        #expect(numberText(3951) == "3951")
    }
}

import Testing
@testable import NianbaoTables

/// 表四's value line with the last digits of some numbers wrapped onto the next line, as markitdown
/// leaves a PDF's narrow columns.
@Suite struct WrappedDigitsTests {
    let wrapped: WrappedDigits = {
        let template = Edition.template("review_litigation", edition: "2021")!
        return WrappedDigits(count: 15, sums: RowSums(template: template, cells: template.cells))
    }()

    func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

    @Test func tailsGoBackWhereOnlyOneChoiceKeepsTheGroupTotals() {
        // Eight tails for fifteen numbers: 6,435 choices, one keeps all three group totals.
        #expect(wrapped.read(heads: words("16 97 32 34 49 23 25 14 22 52 14 79 62 15 43"), tails: words("8 3 8 6 1 1 7 9"))
                == .settled([16, 97, 32, 348, 493, 23, 258, 14, 226, 521, 141, 79, 62, 157, 439]))
        // Every number wrapped.
        #expect(wrapped.read(heads: words("13 33 18 22 86 12 29 37 25 10 26 18 15 37 98"),
                             tails: words("2 0 2 1 5 9 1 2 0 42 8 4 8 9 9"))
                == .settled([132, 330, 182, 221, 865, 129, 291, 372, 250, 1042, 268, 184, 158, 379, 989]))
    }

    @Test func aLineThatKeepsItsTotalsWithoutTailsIsNotGuessed() {
        // 1|0|0|0|1 keeps its total as written, and as 10|0|0|0|10 with the tails.
        let heads = words("1 0 0 0 1 0 0 0 0 0 0 0 0 0 0")
        #expect(wrapped.read(heads: heads, tails: words("0 0"))
                == .unsettled([heads, words("10 0 0 0 10 0 0 0 0 0 0 0 0 0 0")]))
    }

    @Test func wordsThatAreNoTailsAreLeftAlone() {
        #expect(wrapped.read(heads: words("1 1 0 0 2"), tails: words("1")) == nil)  // not the line's 15 values
        #expect(wrapped.read(heads: words("16 97 32 34 49 23 25 14 22 52 14 79 62 15 43"), tails: words("5")) == nil)
        #expect(wrapped.read(heads: words("13 33 18 22 86 12 29 37 25 10 26 18 15 37 98"), tails: words("2 0 件")) == nil)
    }
}

import Testing
@testable import NianbaoReport

@Suite struct PhraseTests {
    let digits = Phrase.scalars(ScalarClass("0123456789"), min: 1, max: .max)

    func texts(_ phrase: Phrase, in text: String) -> [String] { phrase.matches(in: text).map(\.text) }

    @Test func repeatedPartGivesBackWhatTheRestNeeds() {
        // 的* then 的申请: the repetition must leave the last 的 to the word after it.
        let phrase = Phrase.sequence([.text("收到"), .repeated(.text("的")), .text("的申请")])
        #expect(texts(phrase, in: "共收到的的的申请5件") == ["收到的的的申请"])
    }

    @Test func firstChoiceThatLetsTheRestMatchIsTaken() {
        let phrase = Phrase.sequence([.oneOf("共", "共计"), .named("n", digits), .text("件")])
        let match = phrase.matches(in: "办结共计12件")
        #expect(match.map(\.text) == ["共计12件"])
        #expect(match.first?.named["n"] == "12")
    }

    @Test func optionalNamedPartLeavesNoNameWhenSkipped() {
        let phrase = Phrase.sequence([.optional(.named("approx", .text("约"))), .named("n", digits), .text("件")])
        let matches = phrase.matches(in: "约3件，又4件")
        #expect(matches.map(\.text) == ["约3件", "4件"])
        #expect(matches.map { $0.named["approx"] } == ["约", nil])
        #expect(matches.map { $0.named["n"] } == ["3", "4"])
    }

    @Test func boundedRunStopsAtExcludedScalarsAndAtItsLength() {
        let phrase = Phrase.sequence([.text("未"), .scalars(ScalarClass("，。", excluding: true), min: 0, max: 4), .text("复议")])
        #expect(texts(phrase, in: "未发生复议") == ["未发生复议"])
        #expect(texts(phrase, in: "未发生，复议") == [])
        #expect(texts(phrase, in: "未发生过任何复议") == [])
    }

    @Test func matchesDoNotOverlapAndScanOn() {
        let phrase = Phrase.sequence([digits, .text("件")])
        #expect(texts(phrase, in: "12件34件x5件") == ["12件", "34件", "5件"])
    }

    @Test func fewestTakesTheShortestRunThatLetsTheRestMatch() {
        let any = ScalarClass("", excluding: true)
        let year = Phrase.named("year", .scalars(ScalarClass("0123456789"), min: 4, max: 4))
        let lazy = Phrase.sequence([.text("现将"), .named("organ", .fewest(any, min: 2, max: 40)), year, .text("年")])
        let greedy = Phrase.sequence([.text("现将"), .named("organ", .scalars(any, min: 2, max: 40)), year, .text("年")])
        let text = "现将某局2023年和2024年报告"
        #expect(lazy.firstMatch(in: text)?.named["organ"] == "某局")
        #expect(lazy.firstMatch(in: text)?.named["year"] == "2023")
        #expect(greedy.firstMatch(in: text)?.named["organ"] == "某局2023年和")
        #expect(lazy.firstMatch(in: "现将局2023年") == nil)
    }

    @Test func wholeMatchCoversAllOfTheTextOrNothing() {
        let date = Phrase.sequence([.named("y", digits), .text("年"), .named("m", digits), .text("月")])
        #expect(date.wholeMatch("2025年1月")?.named == ["y": "2025", "m": "1"])
        #expect(date.wholeMatch("2025年1月印发") == nil)
        #expect(date.wholeMatch("于2025年1月") == nil)
        #expect(date.firstMatch(in: "于2025年1月印发")?.text == "2025年1月")
    }
}

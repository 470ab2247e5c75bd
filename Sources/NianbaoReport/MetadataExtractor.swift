import NianbaoModel
import NianbaoTables

/// Finds the report's organ, year, statistics period and publication date in its text.
/// Nothing is filled in that the text does not state.
struct MetadataExtractor {
    var title: String?
    /// Paragraphs before the first section.
    var preamble: [String]
    /// Every paragraph of the report, in order.
    var paragraphs: [String]

    /// The wordings looked for, as Phrases: Swift's regex literals cost 4 M instructions to build,
    /// more than the rest of a short report's conversion.
    private enum Patterns {
        static let space = Phrase.scalars(.whiteSpace, min: 0, max: .max)
        static func number(_ name: String, digits: ClosedRange<Int>) -> Phrase {
            .named(name, .scalars(.digits, min: digits.lowerBound, max: digits.upperBound))
        }
        /// "2024 年 1 月 16 日", its parts named with `prefix`.
        static func dateParts(_ prefix: String) -> [Phrase] {
            [number(prefix + "year", digits: 4...4), space, .text("年"), space, number(prefix + "month", digits: 1...2), space,
             .text("月"), space, number(prefix + "day", digits: 1...2), space, .text("日")]
        }
        /// "2024 年度".
        static let titleYear = Phrase.sequence([number("year", digits: 4...4), space, .text("年"), .maybe("度")])
        /// "现将 XX局 2024 年度政府信息公开…".
        static let sentence = Phrase.sequence([
            .oneOf("公布", "发布", "现将"), .named("organ", .fewest(.notLineBreak, min: 2, max: 40)), space,
            number("year", digits: 4...4), space, .text("年"), .maybe("度"), .oneOf("政府信息公开", "政务公开"),
        ])
        /// "2024年1月1日起至2024年12月31日".
        static let period = Phrase.sequence(dateParts("from") + [space, .maybe("起"), space, .oneOf("至", "到", "—", "-", "~", "－"), space] + dateParts("to"))
        static let date = Phrase.sequence(dateParts(""))
    }

    func extract() -> Meta {
        let titleFacts = title.map { organAndYear(inTitle: LabelKey.halfWidth($0)) }
        let sentenceFacts = preamble.lazy.compactMap { organAndYear(inSentence: LabelKey.halfWidth($0)) }.first
        let period = statisticsPeriod()
        let signature = self.signature()
        return Meta(
            title: title,
            organ: titleFacts?.organ ?? sentenceFacts?.organ ?? signature.organ,
            year: titleFacts?.year ?? sentenceFacts?.year ?? period.flatMap { Int($0.from.prefix(4)) },
            period: period,
            published: signature.date,
            preamble: preamble)
    }

    /// "XX人民政府 2024 年政府信息公开工作年度报告" or "2024年XX局政府信息公开工作年度报告".
    private func organAndYear(inTitle title: String) -> (organ: String?, year: Int?) {
        guard let m = Patterns.titleYear.firstMatch(in: title) else { return (nil, nil) }
        let scalars = title.unicodeScalars
        var organ = String(scalars[..<scalars.index(scalars.startIndex, offsetBy: m.range.lowerBound)])
        if organ.foldingWhitespace().isEmpty {
            let rest = String(scalars[scalars.index(scalars.startIndex, offsetBy: m.range.upperBound)...])
            organ = String(rest.prefix { $0 != "政" })
        }
        return (cleanOrgan(organ), m.named["year"].flatMap { Int($0) })
    }

    /// "现公布北票市长皋乡人民政府2024年度政府信息公开工作报告".
    private func organAndYear(inSentence text: String) -> (organ: String?, year: Int?)? {
        // Only a sentence naming the report can hold it; most paragraphs are passed over without a match.
        guard text.containsText("年"), let m = Patterns.sentence.firstMatch(in: text) else { return nil }
        return (cleanOrgan(m.named["organ"] ?? ""), m.named["year"].flatMap { Int($0) })
    }

    private func cleanOrgan(_ raw: String) -> String? {
        var organ = raw.foldingWhitespace()
        if organ.hasPrefix("#") { organ = String(organ.drop { $0 == "#" }).foldingWhitespace() }
        if organ.hasSuffix("关于") { organ = String(organ.dropLast(2)).foldingWhitespace() }
        return organ.isEmpty ? nil : organ
    }

    /// The range named as the statistics period; any date range when none says 统计.
    private func statisticsPeriod() -> Period? {
        // A date range needs 年, 月 and 日; the others are passed over before any regex runs.
        let texts = paragraphs.filter { $0.containsText("年") && $0.containsText("月") && $0.containsText("日") }
            .map(LabelKey.halfWidth)
        let ordered = texts.filter { $0.containsText("统计") } + texts.filter { !$0.containsText("统计") }
        for text in ordered {
            if let m = Patterns.period.firstMatch(in: text),
               let from = isoDate(m, "from"), let to = isoDate(m, "to") {
                return Period(from: from, to: to)
            }
        }
        return nil
    }

    /// A closing date line ("2025年1月16日") and the organ line above it.
    private func signature() -> (organ: String?, date: String?) {
        let tail = paragraphs.suffix(4).map { LabelKey.halfWidth($0).foldingWhitespace() }
        guard let index = tail.lastIndex(where: { Patterns.date.wholeMatch($0) != nil }),
              let m = Patterns.date.firstMatch(in: tail[index]) else {
            return (nil, nil)
        }
        let above = index > tail.startIndex ? tail[index - 1] : ""
        let looksLikeOrgan = !above.isEmpty && above.count <= 40
            && !above.contains(where: { "。，,；;：:".contains($0) })
        return (looksLikeOrgan ? above : nil, isoDate(m, ""))
    }

    /// The date a match names by the parts `prefix`year, `prefix`month and `prefix`day.
    private func isoDate(_ m: Phrase.Match, _ prefix: String) -> String? {
        guard let y = m.named[prefix + "year"].flatMap({ Int($0) }), let mo = m.named[prefix + "month"].flatMap({ Int($0) }),
              let d = m.named[prefix + "day"].flatMap({ Int($0) }) else { return nil }
        return NianbaoModel.isoDate(year: y, month: mo, day: d)
    }
}

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

    /// The regexes, built once: a regex literal is parsed again each time it is evaluated, which cost
    /// over a million instructions per paragraph of a long preamble.
    private struct Patterns: @unchecked Sendable {
        let titleYear = #/(\d{4})\s*年度?/#
        let sentence = #/(?:公布|发布|现将)(.{2,40}?)\s*(\d{4})\s*年度?(?:政府信息公开|政务公开)/#
        let period = #/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起?\s*(?:至|到|—|-|~|－)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/#
        let dateLine = #/\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/#
        let date = #/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/#
    }

    private static let patterns = Patterns()

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
        guard let m = title.firstMatch(of: Self.patterns.titleYear) else { return (nil, nil) }
        var organ = String(title[..<m.range.lowerBound])
        if organ.foldingWhitespace().isEmpty {
            let rest = title[m.range.upperBound...]
            organ = String(rest.prefix { $0 != "政" })
        }
        return (cleanOrgan(organ), Int(m.1))
    }

    /// "现公布北票市长皋乡人民政府2024年度政府信息公开工作报告".
    private func organAndYear(inSentence text: String) -> (organ: String?, year: Int?)? {
        // Only a sentence naming the report can hold it; most paragraphs are passed over without a match.
        guard text.containsText("年"), let m = text.firstMatch(of: Self.patterns.sentence) else { return nil }
        return (cleanOrgan(String(m.1)), Int(m.2))
    }

    private func cleanOrgan(_ raw: String) -> String? {
        var organ = raw.foldingWhitespace()
        if organ.hasPrefix("#") { organ = String(organ.drop { $0 == "#" }).foldingWhitespace() }
        if organ.hasSuffix("关于") { organ = String(organ.dropLast(2)).foldingWhitespace() }
        return organ.isEmpty ? nil : organ
    }

    /// The range named as the statistics period; any date range when none says 统计.
    private func statisticsPeriod() -> Period? {
        let pattern = Self.patterns.period
        // A date range needs 年, 月 and 日; the others are passed over before any regex runs.
        let texts = paragraphs.filter { $0.containsText("年") && $0.containsText("月") && $0.containsText("日") }
            .map(LabelKey.halfWidth)
        let ordered = texts.filter { $0.containsText("统计") } + texts.filter { !$0.containsText("统计") }
        for text in ordered {
            if let m = text.firstMatch(of: pattern),
               let from = isoDate(m.1, m.2, m.3), let to = isoDate(m.4, m.5, m.6) {
                return Period(from: from, to: to)
            }
        }
        return nil
    }

    /// A closing date line ("2025年1月16日") and the organ line above it.
    private func signature() -> (organ: String?, date: String?) {
        let tail = paragraphs.suffix(4).map { LabelKey.halfWidth($0).foldingWhitespace() }
        guard let index = tail.lastIndex(where: { $0.wholeMatch(of: Self.patterns.dateLine) != nil }),
              let m = tail[index].firstMatch(of: Self.patterns.date) else {
            return (nil, nil)
        }
        let above = index > tail.startIndex ? tail[index - 1] : ""
        let looksLikeOrgan = !above.isEmpty && above.count <= 40
            && !above.contains(where: { "。，,；;：:".contains($0) })
        return (looksLikeOrgan ? above : nil, isoDate(m.1, m.2, m.3))
    }

    private func isoDate(_ year: Substring, _ month: Substring, _ day: Substring) -> String? {
        guard let y = Int(year), let mo = Int(month), let d = Int(day) else { return nil }
        return NianbaoModel.isoDate(year: y, month: mo, day: d)
    }
}

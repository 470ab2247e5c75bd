import NianbaoTables

/// One of the report's six numbered sections, as data: how its heading is recognised.
public struct SectionTemplate: Sendable {
    public var number: Int
    public var numeral: String
    public var key: String
    public var title: String
    /// Words one of which a heading of this section contains.
    public var keywords: [String]

    /// The six sections of TEMPLATE.md, in order.
    public static let all: [SectionTemplate] = [
        SectionTemplate(number: 1, numeral: "一", key: "overview", title: "总体情况", keywords: ["总体情况"]),
        SectionTemplate(number: 2, numeral: "二", key: "active_disclosure", title: "主动公开政府信息情况",
                        keywords: ["主动公开"]),
        SectionTemplate(number: 3, numeral: "三", key: "applications", title: "收到和处理政府信息公开申请情况",
                        keywords: ["收到和处理", "依申请公开", "公开申请"]),
        SectionTemplate(number: 4, numeral: "四", key: "review_litigation", title: "政府信息公开行政复议、行政诉讼情况",
                        keywords: ["行政复议", "行政诉讼"]),
        SectionTemplate(number: 5, numeral: "五", key: "problems", title: "存在的主要问题及改进情况",
                        keywords: ["问题", "改进"]),
        SectionTemplate(number: 6, numeral: "六", key: "other_matters", title: "其他需要报告的事项",
                        keywords: ["其他需要报告", "其他事项"]),
    ]

    /// Headings are short; a longer line with the same opening is body text.
    static let maximumHeadingLength = 40

    /// How a report numbers its six sections: 一、 as the template does, or 1. as some lists render.
    enum Numbering { case chinese, arabic }

    /// Whether `text` holds every character of one of the keywords, in any order and spacing: a
    /// cheap test before the text is reduced to its key.
    func mayBeHeading(_ text: String) -> Bool {
        keywords.contains { $0.unicodeScalars.allSatisfy(text.unicodeScalars.contains) }
    }

    /// Whether `text` is this section's heading: its number in the report's numbering then 、 or .
    /// (not a bracketed sub-heading), and one of its keywords. A heading block may leave out the number,
    /// and so may a line that is the section's very title (a converter that drops list numbers, docx2txt),
    /// which may also carry a wrong arabic one (a converter that restarts every list).
    func isHeading(_ text: String, key: LabelKey, isMarkedHeading: Bool, numbering: Numbering) -> Bool {
        guard !key.text.hasMoreCharacters(than: SectionTemplate.maximumHeadingLength),
              keywords.contains(where: { key.text.containsText($0) }) else { return false }
        let opening = LabelKey.halfWidth(text).drop { $0 == "#" || $0.isWhitespace }
        let number = numbering == .chinese ? numeral : String(self.number)
        if opening.hasPrefix(number) {
            let after = opening.dropFirst(number.count)
            // "1.5" and "12" are numbers, not the section's.
            return after.first.map { "、.,， ".contains($0) } == true && after.dropFirst().first?.isNumber != true
        }
        let isTitle = key.text == LabelKey(title).text
        // The very title under an arabic list number other than the section's: Word's numbered
        // headings as mammoth writes them, each list restarting at "1.".
        if isTitle, let marker = key.marker, marker.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        return key.marker == nil && (isMarkedHeading || isTitle)
    }
}

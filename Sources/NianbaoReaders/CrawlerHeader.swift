import NianbaoModel

/// The field lines a crawler writes above a page's text (`标题: …`, `发布时间: …`, `来源: …`): facts
/// about the page, not its content, so they become the document's properties.
struct CrawlerHeader {
    /// How many lines at the top are header fields.
    private(set) var lineCount = 0
    private(set) var properties: DocumentProperties?

    private static let fields: Set<String> = ["标题", "发布时间", "发布日期", "成文日期", "来源", "发布机构",
                                               "索引号", "文号", "网址", "链接", "URL", "url"]

    init(_ lines: [TextLine]) {
        var title: String?
        var date: String?
        for line in lines.prefix(12) {
            let body = line.trimmed
            guard let colon = body.firstIndex(where: { $0 == ":" || $0 == "：" }),
                  CrawlerHeader.fields.contains(String(body[..<colon]).trimmingBlanks()) else { break }
            let value = String(body[body.index(after: colon)...]).trimmingBlanks()
            switch String(body[..<colon]).trimmingBlanks() {
            case "标题": title = value
            case "发布时间", "发布日期", "成文日期":
                if let m = value.firstMatch(of: #/(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})/#),
                   let year = Int(m.1), let month = Int(m.2), let day = Int(m.3) {
                    date = isoDate(year: year, month: month, day: day)
                }
            default: break
            }
            lineCount += 1
        }
        // One field line alone is as likely a sentence of the report as a header.
        if lineCount < 2 { lineCount = 0; return }
        properties = DocumentProperties(title: title, created: date)
    }
}

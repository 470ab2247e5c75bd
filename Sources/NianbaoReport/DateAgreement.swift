import NianbaoModel

/// The report's year, its statistics period and its publication date agree (TEMPLATE.md): the period
/// is the whole report year, and the report comes out after it, in the following year.
struct DateAgreement: ReportCheck {
    func checks(of report: Report) -> [Check] {
        [period(report.meta), publication(report.meta)]
    }

    private func period(_ meta: Meta) -> Check {
        let id = "meta.period"
        guard let year = meta.year, let period = meta.period else {
            return Check(id: id, scope: "meta", status: .skipped,
                         message: meta.year == nil ? "未找到报告年度，无法核对统计期限" : "报告未写明统计期限，无法核对")
        }
        let expected = Period(from: isoDate(year: year, month: 1, day: 1) ?? "", to: isoDate(year: year, month: 12, day: 31) ?? "")
        let stated = "\(period.from) 至 \(period.to)"
        if period == expected {
            return Check(id: id, scope: "meta", status: .pass, message: "统计期限 \(stated) 与报告年度 \(year) 年一致")
        }
        return Check(id: id, scope: "meta", status: .fail,
                     message: "统计期限为 \(stated)，与报告年度 \(year) 年（应为 \(expected.from) 至 \(expected.to)）不一致",
                     found: stated, expected: "\(expected.from) 至 \(expected.to)")
    }

    private func publication(_ meta: Meta) -> Check {
        let id = "meta.published"
        guard let year = meta.year, let published = meta.published, let publishedYear = Int(published.prefix(4)) else {
            return Check(id: id, scope: "meta", status: .skipped,
                         message: meta.year == nil ? "未找到报告年度，无法核对发布日期" : "未找到发布日期，无法核对")
        }
        let expected = "\(year + 1) 年内"
        if publishedYear == year + 1 {
            return Check(id: id, scope: "meta", status: .pass, message: "发布日期 \(published) 在报告年度 \(year) 年之后一年内")
        }
        // Published within its own year or before: the year or the date is wrong. Years later: late, or a typo.
        let early = publishedYear <= year
        return Check(id: id, scope: "meta", status: .fail,
                     message: "发布日期 \(published) \(early ? "不晚于" : "远晚于")报告年度 \(year) 年"
                        + (early ? "，年报应在统计期结束后发布" : "，请核对年度和日期"),
                     severity: early ? .error : .warning, found: published, expected: expected)
    }
}

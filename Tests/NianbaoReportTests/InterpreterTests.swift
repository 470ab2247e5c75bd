import NianbaoModel
import Testing
@testable import NianbaoReport

@Suite struct InterpreterTests {
    func report(_ blocks: [String]) -> Report {
        let document = Document(format: .text, encoding: "UTF-8", blocks: blocks.enumerated().map { i, text in
            text.hasPrefix("[image]")
                ? .image(ImagePlaceholder(name: "IMG_1", location: SourceLocation(line: i + 1)))
                : .paragraph(Paragraph(text: text, location: SourceLocation(line: i + 1)))
        })
        return Interpreter().interpret(document, source: SourceInfo(path: nil, format: .text, encoding: "UTF-8",
                                                                    layout: nil, sha256: ""))
    }

    @Test func sectionsAreFoundByNumeralAndWordsNotBySubHeadings() {
        let r = report([
            "某县人民政府2024年政府信息公开工作年度报告",
            "一、总体情况", "（一）主动公开情况", "正文一。",
            "二．主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "（三）政府信息管理情况",
            "五、存在的主要问题及改进情况", "一是问题。",
            "六、其他需要报告的事项", "无",
        ])
        #expect(r.sections.map(\.number) == [1, 2, 3, 5, 6])
        #expect(r.sections[0].paragraphs == ["（一）主动公开情况", "正文一。"])
        #expect(r.sections[2].paragraphs == ["（三）政府信息管理情况"])
        #expect(r.sections[1].title == "主动公开政府信息情况")
        #expect(r.sections[1].heading == "二．主动公开政府信息情况")
        #expect(r.diagnostics.contains { $0.code == "section.missing" && $0.message.contains("第四部分") })
    }

    /// mammoth and html2text write Word's numbered headings as lists that each restart at "1.".
    @Test func aSectionsVeryTitleIsItsHeadingUnderARestartedListNumber() {
        let r = report([
            "1. 总体情况", "1. 主动公开情况", "正文一。",
            "1. 主动公开政府信息情况", "第二十条第（一）项",
            "1. 收到和处理政府信息公开申请情况",
            "2. 本机关不掌握相关政府信息",
        ])
        #expect(r.sections.map(\.number) == [1, 2, 3])
        #expect(r.sections[0].paragraphs == ["1. 主动公开情况", "正文一。"])
        #expect(r.sections[1].heading == "1. 主动公开政府信息情况")
        #expect(r.sections[2].paragraphs == ["2. 本机关不掌握相关政府信息"])
    }

    @Test func metadataFromTitlePeriodAndSignature() {
        let r = report([
            "三门峡市陕州区西李村乡人民政府 2024 年政府信息公开工作年度报告",
            "一、总体情况", "本报告中所列数据的统计时限为 2024 年 1 月 1 日起至 2024 年 12 月 31 日",
            "六、其他需要报告的事项", "西李村乡人民政府", "２０２５年１月１６日",
        ])
        #expect(r.meta.organ == "三门峡市陕州区西李村乡人民政府")
        #expect(r.meta.year == 2024)
        #expect(r.meta.period == Period(from: "2024-01-01", to: "2024-12-31"))
        #expect(r.meta.published == "2025-01-16")
        #expect(r.meta.template == nil)
    }

    @Test func organAndYearFromTheOpeningSentenceWhenThereIsNoTitle() {
        let r = report([
            "根据《条例》要求，现公布北票市长皋乡人民政府2024年度政府信息公开工作报告。",
            "一、总体情况",
        ])
        #expect(r.meta.title == nil)
        #expect(r.meta.organ == "北票市长皋乡人民政府")
        #expect(r.meta.year == 2024)
        #expect(r.meta.period == nil)
        #expect(r.meta.preamble.count == 1)
    }

    /// A web page printed to PDF: the site's lines and the page's trail come first, the title is broken
    /// inside 年度报告, and the page repeats it whole.
    @Test func aPagesTrailIsNoTitleAndATitleBrokenInsideItsWordsIsJoined() {
        let r = report([
            "示例县人民政府", "当前位置：首页 > 政府信息公开 > 年度报告", "示例县示例镇人民政府2024年政府信息公开工作年", "度报告",
            "示例县示例镇人民政府2024年政府信息公开工作年度报告", "一、总体情况",
        ])
        #expect(r.meta.title == "示例县示例镇人民政府2024年政府信息公开工作年度报告")
        #expect(r.meta.organ == "示例县示例镇人民政府")
        #expect(r.meta.preamble.first == "示例县人民政府")
        // A line before a whole title is not joined to it.
        #expect(report(["京政办发〔2024〕1号", "北京市2024年政府信息公开工作年度报告", "一、总体情况"]).meta.title
                == "北京市2024年政府信息公开工作年度报告")
    }

    @Test func statisticsPeriodIsTheRangeNamedWithStatisticsWhereSeveralAreGiven() {
        let r = report([
            "一、总体情况", "2023年3月1日至2023年6月30日开展专项整治。",
            "本报告统计期限为2023年1月1日至2023年12月31日。", "六、其他需要报告的事项",
            "某某局", "2024 年 1 月 20 日",
        ])
        #expect(r.meta.period == Period(from: "2023-01-01", to: "2023-12-31"))
        #expect(r.meta.year == 2023)
        #expect(r.meta.organ == "某某局")
        #expect(r.meta.published == "2024-01-20")
    }

    @Test func aTableGivenAsAnImageAndAnAbsentTableAreSaidSoNotFilled() {
        let r = report(["一、总体情况", "正文", "[image]", "二、主动公开政府信息情况", "四、政府信息公开行政复议、行政诉讼情况"])
        #expect(r.tables.map(\.present) == [false, false, false])
        #expect(r.tables.allSatisfy { $0.values == nil && $0.grid == nil })
        let codes = r.diagnostics.filter { $0.code.hasPrefix("table.") }.map(\.code)
        #expect(codes == ["table.image", "table.absent", "table.absent"])
        #expect(r.diagnostics.first { $0.code == "table.image" }?.location == SourceLocation(line: 3))
        // Nothing about the tables or dates passes on zeros; only the text checks have something to read.
        #expect(r.checks.filter { !$0.id.hasPrefix("text.") && !$0.id.hasPrefix("section.") }.allSatisfy { $0.status == .skipped })
    }
}

@Suite struct NarrativeTests {
    @Test func chineseNumeralsAreRead() {
        #expect(ChineseNumber.value("三十二") == 32)
        #expect(ChineseNumber.value("十") == 10)
        #expect(ChineseNumber.value("一百零五") == 105)
        #expect(ChineseNumber.value("两万三千") == 23_000)
        #expect(ChineseNumber.value("1,234") == 1234)
        #expect(ChineseNumber.value("二〇二四") == nil)
    }

    @Test func approximateFiguresAreNotCompared() {
        let report = InterpreterTests().report(["一、总体情况", "本年度共收到政府信息公开申请约30件，结转下年度三件。"])
        let narrative = report.checks.filter { $0.id.hasPrefix("narrative") }
        #expect(narrative.map(\.id) == ["narrative.new_received", "narrative.carried_forward"])
        #expect(narrative[0].status == .skipped && narrative[0].message.contains("约数"))
        // No table 三 in this report: the stated 三件 cannot be compared either, and says so.
        #expect(narrative[1].status == .skipped && narrative[1].message.contains("未能读取"))
    }

    /// A paragraph is searched for its figures only when an anchor word stands in it as written,
    /// white space aside, which holds because no half-width form is a Han character.
    @Test func anchorsAreHanAndFoundAcrossWhiteSpace() {
        #expect(NarrativeFigures.statements.allSatisfy { $0.anchor.unicodeScalars.allSatisfy(\.isHanIdeograph) })
        let report = InterpreterTests().report(["一、总体情况", "本年度共收到政府信息公开申\u{3000}请约３０件。"])
        #expect(report.checks.filter { $0.id.hasPrefix("narrative") }.map(\.id) == ["narrative.new_received"])
    }
}

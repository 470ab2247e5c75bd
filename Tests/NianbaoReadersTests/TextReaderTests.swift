import NianbaoModel
import Testing
@testable import NianbaoReaders

@Suite struct TextReaderTests {
    func read(_ text: String) -> Document { try! TextReader().read(text: text) }

    func tables(_ document: Document) -> [SourceTable] {
        document.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    func texts(_ table: SourceTable) -> [[String]] { table.rows.map { $0.cells.map(\.text) } }

    @Test func markdownHeadingsParagraphsAndImages() {
        let document = read("# 标题 2024 年报告\n\n## 一、总体情况\n\u{00A0}\u{00A0}正文。\u{3000}\n[image: IMG_259]\n![表](media/t2.png)\n")
        #expect(document.blocks == [
            .heading(Heading(text: "标题 2024 年报告", level: 1, location: SourceLocation(line: 1))),
            .heading(Heading(text: "一、总体情况", level: 2, location: SourceLocation(line: 3))),
            .paragraph(Paragraph(text: "正文。", location: SourceLocation(line: 4))),
            .image(ImagePlaceholder(name: "IMG_259", location: SourceLocation(line: 5))),
            .image(ImagePlaceholder(name: "media/t2.png", location: SourceLocation(line: 6))),
        ])
        #expect(document.layout == "plain")
    }

    /// A heading written as two paragraphs, its number and its title, is one paragraph, as in HTML.
    @Test func aNumberAloneOnItsLineJoinsTheParagraphAfterIt() {
        let document = read("一、\n\n总体情况\n本年度\n（二）\n部分公开\n")
        #expect(document.blocks == [
            .paragraph(Paragraph(text: "一、总体情况", location: SourceLocation(line: 1))),
            .paragraph(Paragraph(text: "本年度", location: SourceLocation(line: 4))),
            .paragraph(Paragraph(text: "（二）部分公开", location: SourceLocation(line: 5))),
        ])
    }

    @Test func tabRowsKeepEmptyCellsAndContinueOverABlankLine() {
        let document = read("正文\n规章\t1\t2\t3\n\n行政强制\t4\n第二十条第（八）项\t\n\n五、问题\n")
        let table = tables(document)
        #expect(table.count == 1)
        #expect(texts(table[0]) == [["规章", "1", "2", "3"], ["行政强制", "4"], ["第二十条第（八）项", ""]])
        #expect(table[0].rows.map(\.location.line) == [2, 4, 5])
        #expect(document.layout == "tab")
    }

    @Test func pipeRowsDropTrailingPaddingAndMarkdownRules() {
        let document = read("| 信息内容 | 本年制发件数 |\n|---|---|\n规章 | 0 |  | 3 | ||\n(二)部分公开(区分处理的, |\n")
        #expect(texts(tables(document)[0]) == [["信息内容", "本年制发件数"], ["规章", "0", "", "3"], ["(二)部分公开(区分处理的,"]])
        #expect(document.layout == "pipe")
    }


    /// html2text: a header cell across the table above `---`, rows of one bar, block titles without any.
    @Test func rowsOfOneBarBelowADelimiterRowAreOneTableToTheBlankLine() {
        let document = read("第二十条第（一）项\n---\n信息内容| 本年制发件数| 现行有效件数\n规章| 232| 239\n第二十条第（五）项\n"
                            + "信息内容| 本年处理决定数量\n行政许可| 98\n\n正文\n")
        #expect(texts(tables(document)[0]) == [["信息内容", "本年制发件数", "现行有效件数"], ["规章", "232", "239"],
                                             ["第二十条第（五）项"], ["信息内容", "本年处理决定数量"], ["行政许可", "98"]])
        #expect(document.blocks.last == .paragraph(Paragraph(text: "正文", location: SourceLocation(line: 9))))
        // A header row of one bar just above its delimiter row starts the table too.
        #expect(texts(tables(read("信息内容| 本年处理决定数量\n:--|--:\n行政许可| 98\n"))[0])
                == [["信息内容", "本年处理决定数量"], ["行政许可", "98"]])
    }

    /// A bar in prose, or a line of dashes with no row below it, makes no table.
    @Test func oneBarWithoutADelimiterRowIsText() {
        #expect(tables(read("政府网站| 信息公开\n联系电话| 0571\n")).isEmpty)
        #expect(tables(read("正文\n---\n\n行政许可| 98\n")).isEmpty)
    }
    @Test func gridTableBoxesGiveTheSpans() {
        // pandoc 3's drawing: a label two rows tall, a header two columns wide, a wrapped header cell
        // (`结果\` then `纠正`), markdown escapes, a `+` in words, wide characters two columns each.
        let text = #"""
        二、表

          +:-------------------------+:-------+:-------+
          | 行政复议                 | 申请人情况      |
          |                          +--------+--------+
          |                          | 结果\  | 总计   |
          |                          | 纠正   |        |
          +==========================+========+========+
          | 3.危及\"三安全一稳定\"   | 19     | 1+2    |
          +--------------------------+--------+--------+

        正文
        """#
        let document = read(text)
        let table = tables(document)
        #expect(table.count == 1)
        #expect(table.first?.rows.map { $0.cells.map { [$0.text, "\($0.rowSpan)", "\($0.colSpan)"] } } == [
            [["行政复议", "2", "1"], ["申请人情况", "1", "2"]],
            [["结果纠正", "1", "1"], ["总计", "1", "1"]],
            [["3.危及\"三安全一稳定\"", "1", "1"], ["19", "1", "1"], ["1+2", "1", "1"]],
        ])
        #expect(table.first?.rows.map(\.location.line) == [4, 6, 9])
        #expect(document.layout == "grid")
        #expect(document.blocks.last == .paragraph(Paragraph(text: "正文", location: SourceLocation(line: 12))))
    }

    @Test func aGridWhoseBoxesAreNoRectanglesIsNoTable() {
        // The middle box reaches under its right neighbour: an L, which no cell is.
        // Its lines stay text: no other layout makes rows of its borders.
        let document = read("+----+----+\n| 甲 | 乙 |\n+    +----+\n| 丙   12  |\n+----+----+\n")
        #expect(tables(document).isEmpty)
        #expect(document.blocks.count == 5)
        #expect(document.layout == "plain")
    }

    @Test func cellPerLineJoinsWrappedLabelsAndReadsBlankCells() {
        let text = "\t（六）其他处理\n\t1.申请人无正当理由逾期不补\n正、行政机关不再处理\n\t5\n\t\u{00A0}\n\n\t\u{00A0}\n\t3.其他\n\t7\n\n\u{00A0}\n四、复议\n"
        let document = read(text)
        #expect(texts(tables(document)[0]) == [
            ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理", "5", ""],
            ["", "3.其他", "7"],
        ])
        #expect(document.layout == "cell-per-line")
        // The text after the table is not glued to the last number.
        #expect(document.blocks.last == .paragraph(Paragraph(text: "四、复议", location: SourceLocation(line: 12))))
    }

    @Test func crlfLineEndsAreLines() {
        let document = read("一、总体情况\r\n规章\t1\r\n行政许可\t2\r\n")
        #expect(texts(tables(document)[0]) == [["规章", "1"], ["行政许可", "2"]])
    }

    @Test func aLoneTabLineIsAParagraph() {
        let document = read("甲\t乙\n正文\n")
        #expect(document.blocks.first == .paragraph(Paragraph(text: "甲 乙", location: SourceLocation(line: 1))))
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: ReaderError.empty) { try TextReader().read([]) }
    }
}

@Suite struct TextLimitTests {
    @Test func aLineLongerThanTheLimitIsRefused() {
        var limits = TextLimits()
        limits.lineBytes = 16
        #expect(throws: ReaderError.self) { try TextReader(limits: limits).read(text: "短行\n" + String(repeating: "长", count: 10)) }
    }

    @Test func aWrappedCellLongerThanTheLimitIsRefused() {
        var limits = TextLimits()
        limits.cellCharacters = 8
        let text = "\t标签\n续一续一\n续二续二\n\t1\n\n\t甲\n\t2\n"
        #expect(throws: ReaderError.self) { try TextReader(limits: limits).read(text: text) }
    }
}

/// The page numbers a PDF's footer leaves are dropped; numbers that are content stay.
@Suite struct PageNumberTests {
    @Test(arguments: ["-3-", "- 4 -", "—12—", "－ 7 －", "第3页共9页", "第 12 页 共 40 页"])
    func footersAreRecognised(_ line: String) {
        #expect(TextReader.isPageNumber(Substring(line)))
    }

    @Test(arguments: ["3", "-3", "3-", "-12345-", "第3页", "第3页共", "共9页", "12.34", "-3-4", "第a页共9页", "2024"])
    func contentIsNot(_ line: String) {
        #expect(!TextReader.isPageNumber(Substring(line)))
    }
}

/// A running foot's page number set apart from the title before it (by one space only after the
/// report's title, as pdfplumber writes it); a page reference in prose is not one.
@Suite struct TitledPageNumberTests {
    @Test(arguments: ["某县人民政府2024年政府信息公开工作年度报告  第 4 页", "  年度报告\t第4页共9页", "年度报告   第 12 页 共 40 页",
                      "示例县示例镇人民政府 2024 年政府信息公开工作年度报告 第 5 页"])
    func footersAreRecognised(_ line: String) {
        #expect(TextReader.isTitledPageNumber(line))
    }

    @Test(arguments: ["详见第 4 页", "详见附表 第 4 页", "年度报告第 4 页", "  第 4 页", "年度报告  第 4 页 附件", "年度报告  第 12345 页", "年度报告  第页"])
    func othersAreNot(_ line: String) {
        #expect(!TextReader.isTitledPageNumber(line))
    }
}

/// pdftotext marks each page with a form feed: a line first (or last) on at least half the pages, its
/// page number aside, is a running head (foot) and no content; the table it parted is one again.
@Suite struct RunningLinesTests {
    func paragraphs(_ text: String) -> [String] {
        try! TextReader().read(text: text).blocks.compactMap { if case .paragraph(let p) = $0 { p.text } else { nil } }
    }

    @Test func aHeadAndFootOnEveryPageAreDropped() {
        let page = { (n: Int, body: String) in "\u{0C}某县人民政府办公室\n\n\(body)\n某县年度报告 第 \(n) 页\n" }
        let text = "某县人民政府办公室\n正文第一段。\n某县年度报告 第 1 页\n" + page(2, "正文第二段。") + page(3, "正文第三段。")
        #expect(paragraphs(text) == ["正文第一段。", "正文第二段。", "正文第三段。"])
    }

    @Test func lineFirstOnOnePageOnlyStays() {
        let text = "某县人民政府办公室\n正文第一段。\n\u{0C}附件说明\n正文第二段。\n\u{0C}另一标题\n正文第三段。\n"
        #expect(paragraphs(text) == ["某县人民政府办公室", "正文第一段。", "附件说明", "正文第二段。", "另一标题", "正文第三段。"])
    }

    /// A row of numbers that ends every page is content, whatever it repeats.
    @Test func numbersEndingEveryPageStay() {
        let text = "标题一\n正文。\n12 34\n\u{0C}标题二\n正文。\n56 78\n\u{0C}标题三\n正文。\n90 12\n"
        #expect(paragraphs(text).filter { $0.first?.isNumber == true } == ["12 34", "56 78", "90 12"])
    }
}

/// mammoth's markdown of a DOCX has no tables, a cell a paragraph: its bold headings and escaped list
/// markers are plain text again, so that table 三's rows are found by their labels.
@Suite struct MarkdownInlineTests {
    @Test func boldLinesAndEscapesAreUndone() {
        #expect(MarkdownInline.plain("__二、主动公开政府信息情况__") == "二、主动公开政府信息情况")
        #expect(MarkdownInline.plain("**一、总体情况**") == "一、总体情况")
        #expect(MarkdownInline.plain("1\\.属于国家秘密") == "1.属于国家秘密")
        #expect(MarkdownInline.plain("C:\\路径") == "C:\\路径")
        #expect(MarkdownInline.plain("**甲** 与 **乙**") == "**甲** 与 **乙**")
    }

    /// pymupdf4llm bolds its headings: the heading is its words, so that the title and organ are too.
    @Test func boldHeadingsAreTheirWords() throws {
        let document = try TextReader().read(text: "# **某县人民政府2024年政府信息公开工作年度报告** \n\n## **一、总体情况** \n")
        #expect(document.blocks == [
            .heading(Heading(text: "某县人民政府2024年政府信息公开工作年度报告", level: 1, location: SourceLocation(line: 1))),
            .heading(Heading(text: "一、总体情况", level: 2, location: SourceLocation(line: 3))),
        ])
    }
}

import Foundation
import Nianbao
import Testing

/// What the text forms of Tests/Fixtures/forms say where they cannot give a value: never a guess.
@Suite struct TextFormTests {
    func report(_ name: String) throws -> Report {
        try Converter().convert(file: Paths.formFixtures.appendingPathComponent(name).path)
    }

    @Test func gluedDigitsWithMoreThanOneReadingStayNullAndSaySo() throws {
        let report = try report("sparse.crawler.txt")
        let values = try #require(report.table("active_disclosure")?.values)
        #expect(values["normative_documents", "issued"] == nil)
        #expect(values.isUnresolved(row: "normative_documents", column: "issued"))
        let ambiguous = report.diagnostics.filter { $0.code == "value.ambiguous" }
        #expect(ambiguous.map(\.message).contains { $0.contains("“3112”") && $0.contains("3|1|12") && $0.contains("31|1|2") })
        #expect(!report.checks.contains { $0.status == .fail && $0.id.hasPrefix("applications.") })
    }

    @Test func theColumnSumsChooseAmongReadingsThatKeepTheRowTotal() throws {
        // 3130 0 0 0 34 under 3.其他 is 3|1|30|… or 31|3|0|…: both keep the row total. Only the second keeps
        // （七）总计 the sum of the outcome rows in every column, the other rows being settled.
        let report = try report("sparse.crawler.txt")
        let values = try #require(report.table("applications")?.values)
        #expect(["natural_person", "commercial", "research", "total"].map { values["other_other", $0] } == [31, 3, 0, 34])
        let note = report.diagnostics.first { $0.code == "value.settled_by_columns" }
        #expect(note?.severity == .info)
        #expect(note?.message.contains("31|3|0|0|0|0|34") == true && note?.message.contains("（七）总计") == true)
    }

    @Test func withoutTheRowsTheColumnSumsNeedTheReadingsStayOpen() throws {
        // The cut-off page lacks the total and carried-forward rows that the balance needs, so 上年结转's
        // two readings stay two: null, and every check over it skipped with its reason.
        let report = try report("dense.cutoff.txt")
        let values = try #require(report.table("applications")?.values)
        #expect(values["carried_over", "natural_person"] == nil)
        #expect(report.diagnostics.contains { $0.code == "value.ambiguous" && $0.message.contains("94|79|80|262|59|309|883") })
        #expect(!report.diagnostics.contains { $0.code == "value.settled_by_columns" })
        let skipped = report.checks.filter { $0.status == .skipped && $0.message.contains("无法从原文确定") }
        #expect(skipped.contains { $0.id == "applications.row_total" && $0.scope == "carried_over" })
    }

    @Test func aMarkerSwallowedByTheDigitsBeforeItIsGivenBack() throws {
        // …本机关不掌握相关政府信息430 0 0 0 72.没有现成… is 4|3|0|0|0|0|7, then 2.没有现成.
        let values = try #require(try report("sparse.crawler.txt").table("applications")?.values)
        #expect(values["unavailable_not_held", "natural_person"] == 4)
        #expect(values["unavailable_not_held", "total"] == 7)
        #expect(values["unavailable_needs_creation", "total"] == 0)
    }

    @Test func pandocsTablePlaceholderIsAnAbsentTableNotZeros() throws {
        let report = try report("dense.plain.txt")
        let table = try #require(report.table("applications"))
        #expect(!table.present && table.values == nil)
        let absent = report.diagnostics.first { $0.code == "table.absent" }
        #expect(absent?.message.contains("[TABLE]") == true)
    }

    @Test func aCutOffPageKeepsTheRowsItHasAndSaysWhereItEnds() throws {
        let report = try report("dense.cutoff.txt")
        let values = try #require(report.table("applications")?.values)
        #expect(values["denied_three_safety", "total"] == 1098)
        #expect(values["denied_third_party", "natural_person"] == nil)
        #expect(values.isUnresolved(row: "carried_forward", column: "total"))
        let truncated = report.diagnostics.first { $0.code == "table.truncated" }
        #expect(truncated?.message.contains("保护第三方合法权益") == true)
        #expect(!report.checks.contains { $0.status == .fail })
    }

    @Test func pdftotextLayoutReadsWrappedNumbersAndTheRowsAcrossThePageBreak() throws {
        let report = try report("dense.layout.txt")
        let values = try #require(report.table("applications")?.values)
        // 25266 stands as 2526 above the row and 6 below it; 24973 likewise.
        #expect(values["new_received", "total"] == 25266)
        #expect(values["total", "total"] == 24973)
        // The 3.其他 row is on the next page.
        #expect(values["other_other", "natural_person"] == 39)
        #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(report.source.layout == "aligned")
    }

    /// pdftotext sets every row of table 二 apart with a blank line and its block titles alone between
    /// them (python-docx's DOCX through LibreOffice's PDF): one table, each block's values read.
    /// A group label set down a narrow column (三、本 / 年度办 / 理结果) starts on the line above its first
    /// row, and a number vertically centred in that row's tall cell can stand there too: the line is
    /// the next row's, not the end of the row above.
    @Test func pdftotextGroupLabelLineGoesWithTheRowBelow() throws {
        let text = """
            三、收到和处理政府信息公开申请情况
                                                          申请人情况
                                                        法人或其他组织
                                         自然    商业    科研     社会    法律
                                                                              总计
                                          人                 公益    服务    其他
                                               企业    机构     组织    机构
            一、本年新收政府信息公开申请数量             3951  4795  4007   4185  4950  3378  25266
            二、上年结转政府信息公开申请数量             94    79    80     262   59    309   883
            三、本                                                               1168
                  （一）予以公开                323   315   96     49    229   156
            年度办
            理结果 （二）部分公开（区分处理的，只计这一情      73    47    276    356   325   22    1099
                  形，不计其他情形）
            """
        let report = try Converter().convert(Array(text.utf8), path: "applications.layout.txt")
        let values = try #require(report.table("applications")?.values)
        #expect(values.rows.first { $0.key == "carried_over" }?.cells.map(\.value) == [94, 79, 80, 262, 59, 309, 883])
        #expect(values.rows.first { $0.key == "granted" }?.cells.map(\.value) == [323, 315, 96, 49, 229, 156, 1168])
    }

    /// 表四's narrow columns wrap the last digits of eleven of its fifteen numbers onto the next line,
    /// which pdftotext packs closer than the columns: not under their numbers, so the group totals
    /// decide where each goes back, as they do for a markdown converter's text.
    @Test func pdftotextTable4TailsGoBackByTheGroupTotals() throws {
        let text = """
            四、政府信息公开行政复议、行政诉讼情况
            行政复议                         行政诉讼

            结    结     其    尚     总      未经复议直接起诉                       复议后起诉
            果    果     他    未     计
            维    纠     结    审            结    结      其      尚    总      结         结    其      尚      总
            持    正     果    结            果    果      他      未    计      果         果    他      未      计
                                         维    纠      结      审           维         纠    结      审
                                         持    正      果      结           持         正    果      结

            19   64    13   14    53     36   32     21     67   97     32        47   16     14     54
            1    6   3   4   3   4   6   0   1   4   6

            五、存在的主要问题及改进情况
            """
        let report = try Converter().convert(Array(text.utf8), path: "review.layout.txt")
        let values = try #require(report.table("review_litigation")?.values)
        #expect(values.rows.map { $0.cells.map(\.value) } == [[191, 64, 136, 143, 534], [363, 324, 216, 67, 970], [321, 47, 164, 14, 546]])
        #expect(report.diagnostics.contains { $0.code == "value.wrapped_digits" })
    }

    @Test func pdftotextTable2WithBlankLinesAndBlockTitlesIsOneTable() throws {
        let text = """
            二、主动公开政府信息情况
            第二十条第（一）项

            信息内容          本年制发件数          本年废止件数      现行有效件数

            规章            174             82          75

            行政规范性文件       207             107         311

            第二十条第（五）项

            信息内容          本年处理决定数量

            行政许可          16

            第二十条第（六）项

            信息内容          本年处理决定数量

            行政处罚          177

            行政强制          132

            第二十条第（八）项

            信息内容          本年收费金额（单位：万元）

            行政事业性收费       12.34
            """
        let report = try Converter().convert(Array(text.utf8), path: "table2.layout.txt")
        let values = try #require(report.table("active_disclosure")?.values)
        #expect(values["regulations", "issued"] == 174)
        #expect(values["normative_documents", "in_force"] == 311)
        #expect(values["licensing", "decisions"] == 16)
        #expect(values["punishment", "decisions"] == 177)
        #expect(values["coercion", "decisions"] == 132)
        #expect(values["fees", "amount"] == 12.34)
        #expect(!report.diagnostics.contains { $0.code == "table.duplicate" })
    }
}

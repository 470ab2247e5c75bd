import Foundation
import Nianbao
import Testing

/// Whole scraped pages and converter output, against the DOCX they came from.
@Suite struct HTMLTests {
    func convert(_ name: String) throws -> Report {
        try Converter().convert(file: Paths.htmlFixtures.appendingPathComponent(name).path)
    }

    @Test func aWholePageGivesTheReportAndNothingAroundIt() throws {
        let report = try convert("template-filled.page.html")
        let all = (report.meta.preamble + report.sections.flatMap(\.paragraphs)).joined(separator: "\n")
        for furniture in ["首页", "当前位置", "分享到", "版权所有", "相关文章", "统计代码", "搜索"] {
            #expect(!all.contains(furniture), "\(furniture)")
        }
        #expect(report.meta.title == "示例县示例镇人民政府2024年政府信息公开工作年度报告")
        #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    @Test func everyEncodingVariantGivesTheSameReportAsTheUTF8Page() throws {
        let reference = try convert("template-filled.libreoffice.html")
        for variant in ["gb2312", "gb18030-undeclared", "declared-utf8-is-gb18030", "declared-gbk-is-utf8", "page", "layout-table"] {
            let report = try convert("template-filled.\(variant).html")
            #expect(report.tables.map(\.values) == reference.tables.map(\.values), "\(variant)")
            #expect(report.sections.map(\.paragraphs) == reference.sections.map(\.paragraphs), "\(variant)")
        }
    }

    @Test func theHTMLHasTheValuesOfTheDOCXItCameFrom() throws {
        let docx = try Converter().convert(file: Paths.docxFixtures.appendingPathComponent("template-filled.docx").path)
        for name in ["template-filled.libreoffice.html", "template-filled.pandoc.html"] {
            #expect(try convert(name).tables.map(\.values) == docx.tables.map(\.values), "\(name)")
        }
    }

    @Test func spansThatDisagreeStillGiveARectangularGridAndADiagnostic() throws {
        let report = try convert("spans.html")
        #expect(report.diagnostics.prefix(2).map(\.code) == ["table.ragged", "table.span_clamped"])
        let grid = try #require(report.table("review_litigation")?.grid)
        #expect(grid.columns == 15)
    }
}

import Foundation
import Nianbao
import Testing

/// PDFs as LibreOffice and other tools leave them (Scripts/make-pdf-fixtures.py); the filled
/// templates' values are checked with the other fixtures in FixtureTests.
struct PDFTests {
    private func convert(_ name: String) throws(ConversionError) -> Report {
        try Converter().convert(file: Paths.pdfFixtures.appendingPathComponent(name).path)
    }

    @Test func aPDFIsToldByItsContentAndReadAsPDF() throws {
        let report = try convert("template-filled.pdf")
        #expect(report.source.format == .pdf)
        #expect(report.source.layout == "aligned")
        #expect(report.meta.title == "示例县示例镇人民政府 2024 年政府信息公开工作年度报告")
        #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
        // Table 三 runs over the page break between pages 2 and 3: its last rows are read all the same.
        let applications = try #require(report.tables.first { $0.key == "applications" }?.values)
        #expect(applications.rows.last?.cells.map(\.value) == [191, 233, 66, 248, 70, 368, 1176])
        // A problem is placed by its page, which a person can find; the template's placeholders are on page 3.
        #expect(report.problems(failingAt: .warning).map(\.place) == ["第 3 页", "第 3 页"])
        #expect(report.tables.map(\.location?.page) == [1, 2, 3])
        let bytes = try [UInt8](Data(contentsOf: Paths.pdfFixtures.appendingPathComponent("template-filled.pdf")))
        #expect(FormatSniffer.sniff(bytes) == .pdf)
        #expect(FormatSniffer.sniff(Array("\n\n%PDF-1.7\n".utf8)) == .pdf)
    }

    /// The narrative of two-columns.pdf (Scripts/make-pdf-fixtures.py) is set in two columns, which
    /// read row by row would alternate line by line: it reads as its paragraphs were written, the left
    /// column down and then the right, over two pages, and the title set in three short lines is whole.
    /// Lines wrapped inside a paragraph are one paragraph again, so the statistics period, broken over
    /// three lines of a narrow column, is found.
    @Test func twoColumnsReadColumnByColumn() throws {
        let report = try convert("two-columns.pdf")
        #expect(report.meta.title == "示例县示例镇人民政府2024 年政府信息公开工作年度报告")
        #expect(report.meta.period == Period(from: "2024-01-01", to: "2024-12-31"))
        let overview = try #require(report.sections.first { $0.key == "overview" })
        #expect(overview.paragraphs.prefix(2) == [
            "本报告中所列数据的统计期限为2024 年 1 月 1 日至 2024 年 12 月31日。",
            "（1）第 1 项工作。本机关围绕第 1项重点工作，持续完善公开目录，全年通过政府网站发布相关信息 7条，通过政务新媒体发布 3条，做到应公开尽公开。",
        ])
        let written = ["本报告中所列数据的统计期限为2024年1月1日至2024年12月31日。"] + (1...12).map { n in
            "（\(n)）第\(n)项工作。本机关围绕第\(n)项重点工作，持续完善公开目录，全年通过政府网站发布相关信息\(n * 7)条，通过政务新媒体发布\(n * 3)条，做到应公开尽公开。"
        }
        let read = overview.paragraphs.joined()
        #expect(read.filter { !$0.isWhitespace } == written.joined())
        #expect(overview.paragraphs.count == written.count)
    }

    /// In page-break.pdf (Scripts/make-pdf-fixtures.py) paragraphs 4 and 8 of the narrative run over a
    /// page break, with the office's name over each page and the title and page number under it: each
    /// reads as one paragraph, the running heads and feet not in it. Table 三's header, which the same
    /// kind of break cuts, stays apart from the narrative.
    @Test func aParagraphOverAPageBreakIsOne() throws {
        let report = try convert("page-break.pdf")
        let overview = try #require(report.sections.first { $0.key == "overview" })
        let written = ["本报告中所列数据的统计期限为2024年1月1日至2024年12月31日。"] + (1...12).map { n in
            "（\(n)）第\(n)项工作。本机关围绕第\(n)项重点工作，持续完善公开目录，全年通过政府网站发布相关信息\(n * 7)条，"
                + "通过政务新媒体发布\(n * 3)条，做到应公开尽公开。同时，本机关对照第\(n)项工作要求，逐条核对已公开信息的准确性和时效性，"
                + "对过期信息\(n * 2)条及时作出标注，对群众留言反映的\(n)个问题逐一答复，并将办理结果在网站上公开。"
        }
        #expect(overview.paragraphs.map { $0.filter { !$0.isWhitespace } } == written)
        #expect(overview.paragraphs[4].filter { !$0.isWhitespace }.contains("应公开尽公开。同时"))
        #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    @Test func aScanIsRefusedWithWhatToDo() {
        #expect(throws: ConversionError(path: Paths.pdfFixtures.appendingPathComponent("scanned.pdf").path, reason: .scanned)) {
            try convert("scanned.pdf")
        }
        #expect(ReaderError.scanned.description == "扫描件，没有文字层，需要先 OCR (scanned, no text layer: OCR it first)")
    }

    @Test func aPasswordToOpenIsRefusedAndAnOwnerPasswordIsNot() throws {
        #expect(throws: ConversionError(path: Paths.pdfFixtures.appendingPathComponent("locked.pdf").path, reason: .encrypted)) {
            try convert("locked.pdf")
        }
        let open = try convert("owner-password.pdf")
        #expect(open.tables.allSatisfy { $0.present })
        #expect(open.tables.first { $0.key == "applications" }?.values?.rows.first?.cells.map(\.value)
                == [3951, 4795, 4007, 4185, 4950, 3378, 25266])
    }
}

import Foundation
import Nianbao
import Testing

/// Forms that lose values no reader can get back (Tests/Fixtures/lossy, made by
/// Scripts/make-form-fixtures.py): whatever is read is the number the report has at that key.
@Suite struct LossyFormTests {
    /// The fixture, and how many values it gives today: a floor, so that reading nothing does not pass.
    /// features' table 三 divides by row sums but for its tracked-change row (`9999` struck, `323`
    /// written), which is then the one row read as written: no reading of it breaks the column rules
    /// in one column only, as a report's own wrong cell would, so it is null.
    /// merged-blanks has table 三 in pieces that no division by row sums reads: they are read by their
    /// row labels, a row's numbers on a line of their own beside its label joined to it
    /// (dense's `95` above `行政处罚`, beside a header row of words that names no row),
    /// and merged-blanks' total cut in two (2614, then 1) is left null. features through pdftotext shows
    /// a tracked change's struck 9999 beside 三、本 above 予以公开's row and 9323 below it: no reading
    /// of that row adds up, and the numbers beside labels are not joined into one without the sums.
    @Test(arguments: [("dense.markitdown-pdf.md", 200), ("sparse.markitdown-pdf.md", 200),
                      ("features.markitdown-pdf.md", 193), ("merged-blanks.markitdown-pdf.md", 14),
                      ("features.layout.txt", 193),
                      // Plain pdftotext of the PDF fixtures: what it keeps today, never another number.
                      ("template-filled.pdftotext.txt", 108), ("template-filled-libreoffice.pdftotext.txt", 108),
                      ("repeated-header.pdftotext.txt", 108), ("running-heads.pdftotext.txt", 107),
                      ("python-docx.pdftotext.txt", 136), ("page-break.pdftotext.txt", 10),
                      ("two-columns.pdftotext.txt", 10), ("turned-pages.pdftotext.txt", 5),
                      ("mixed.pdftotext.txt", 4), ("report-2019.pdftotext.txt", 0),
                      // pymupdf4llm's markdown of the PDF fixtures.
                      ("template-filled.pymupdf4llm.md", 137), ("template-filled-libreoffice.pymupdf4llm.md", 137),
                      ("repeated-header.pymupdf4llm.md", 144), ("running-heads.pymupdf4llm.md", 137),
                      ("page-break.pymupdf4llm.md", 137), ("two-columns.pymupdf4llm.md", 137),
                      ("python-docx.pymupdf4llm.md", 104), ("mixed.pymupdf4llm.md", 105),
                      ("report-2019.pymupdf4llm.md", 119), ("turned-pages.pymupdf4llm.md", 0)])
    func everyValueReadIsTheReportsOwn(_ name: String, _ floor: Int) throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent(name).path)
        let expected = try FixtureTests.Expected(Self.folder.appendingPathComponent(name)
            .deletingPathExtension().appendingPathExtension("expected.json"))
        var read = 0
        for table in report.tables {
            for row in table.values?.rows ?? [] {
                for cell in row.cells {
                    guard let value = cell.value else { continue }
                    read += 1
                    #expect(value == expected.tables[table.key]??[row.key]?[cell.key] ?? nil, "\(table.key).\(row.key).\(cell.key)")
                }
            }
        }
        #expect(read >= floor)
        // The true values keep every sum: a check that fails here blames the report for what was lost.
        let arithmetic = Set(Edition.all.flatMap(\.rules).map(\.id))
        #expect(!report.checks.contains { $0.status == .fail && arithmetic.contains($0.id) })
    }

    static let folder = Paths.root.appendingPathComponent("Tests/Fixtures/lossy")

    /// Table 三 redrawn at the top of the next page puts its header words between the numbers of
    /// 2.申请人逾期未按收费通知… (133, then 1106, 382, 107, 125, 310 of other rows, then 39): seven
    /// numbers that do not add up and do not stand together are not read as that row's.
    @Test func numbersGatheredAcrossARepeatedHeaderAreNotOneRow() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("repeated-header.pdftotext.txt").path)
        let values = try #require(report.table("applications")?.values)
        for column in ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"] {
            #expect(values["other_no_fee", column] == nil && values.isUnresolved(row: "other_no_fee", column: column))
        }
        #expect(report.diagnostics.contains { $0.code == "value.ambiguous" && $0.message.contains("“133 1106 382 107 125 310 39”") })
    }

    /// On a page stored turned, pdftotext writes 行政复议's numbers before their headers and in another
    /// order (`64 157 纠正 维持` for 维持 157, 纠正 64): those groups are null; 复议后起诉, whose numbers
    /// follow their headers, is read.
    @Test func numbersBeforeTheirHeadersOnATurnedPageAreNotPlaced() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("turned-pages.pdftotext.txt").path)
        let values = try #require(report.table("review_litigation")?.values)
        let columns = ["upheld", "corrected", "other", "pending", "total"]
        for row in ["review", "litigation_direct"] {
            #expect(columns.allSatisfy { values[row, $0] == nil && values.isUnresolved(row: row, column: $0) }, "\(row)")
        }
        #expect(columns.map { values["litigation_after_review", $0] } == [142, 51, 176, 100, 469])
        #expect(report.diagnostics.contains {
            $0.code == "value.ambiguous" && $0.message.contains("“行政复议”、“未经复议直接起诉”的数字在文本中排在列标题")
        })
    }

    /// pymupdf4llm puts two columns in one cell, their lines joined by `<br>`, under a header cell that
    /// names both (`本年制发件数<br>本年废止件数`): the cell is two numbers, not an unreadable word that
    /// would leave 239 (现行有效件数) to be counted into 本年废止件数.
    @Test func aCellOfTwoLinesIsTwoNumbers() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.pymupdf4llm.md").path)
        let values = try #require(report.table("active_disclosure")?.values)
        for column in ["issued", "repealed", "in_force"] {
            #expect(values["regulations", column] == nil && values.isUnresolved(row: "regulations", column: column))
        }
        #expect(report.diagnostics.contains { $0.code == "value.unreadable" && $0.message.contains("“规章”行的单元格“232\n287”") })
        #expect(values["licensing", "decisions"] == 98)
    }
}

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
                      ("features.markitdown-pdf.md", 193), ("merged-blanks.markitdown-pdf.md", 147),
                      ("features.layout.txt", 193),
                      // pdftotext -layout of the PDF fixtures.
                      ("page-break.pdftotext-layout.txt", 200), ("python-docx.pdftotext-layout.txt", 200),
                      ("repeated-header.pdftotext-layout.txt", 200), ("running-heads.pdftotext-layout.txt", 200),
                      ("template-filled-libreoffice.pdftotext-layout.txt", 200),
                      ("template-filled.pdftotext-layout.txt", 200), ("turned-pages.pdftotext-layout.txt", 200),
                      ("two-columns.pdftotext-layout.txt", 200), ("report-2019.pdftotext-layout.txt", 198),
                      ("mixed.pdftotext-layout.txt", 186),
                      // pdftotext without -layout of the PDF fixtures.
                      ("python-docx.pdftotext.txt", 164), ("repeated-header.pdftotext.txt", 115),
                      ("template-filled-libreoffice.pdftotext.txt", 115), ("template-filled.pdftotext.txt", 115),
                      ("running-heads.pdftotext.txt", 115), ("page-break.pdftotext.txt", 101),
                      ("two-columns.pdftotext.txt", 101), ("turned-pages.pdftotext.txt", 5),
                      ("mixed.pdftotext.txt", 4), ("report-2019.pdftotext.txt", 0),
                      // pdftotext -raw of the PDF fixtures.
                      ("page-break.pdftotext-raw.txt", 200), ("repeated-header.pdftotext-raw.txt", 200),
                      ("running-heads.pdftotext-raw.txt", 200),
                      ("template-filled-libreoffice.pdftotext-raw.txt", 200),
                      ("template-filled.pdftotext-raw.txt", 200), ("turned-pages.pdftotext-raw.txt", 200),
                      ("two-columns.pdftotext-raw.txt", 200), ("report-2019.pdftotext-raw.txt", 198),
                      ("python-docx.pdftotext-raw.txt", 200), ("mixed.pdftotext-raw.txt", 186),
                      // pdfplumber's extract_text of the PDF fixtures.
                      ("repeated-header.pdfplumber.txt", 200), ("template-filled-libreoffice.pdfplumber.txt", 200),
                      ("template-filled.pdfplumber.txt", 200), ("two-columns.pdfplumber.txt", 200),
                      ("page-break.pdfplumber.txt", 200), ("running-heads.pdfplumber.txt", 200),
                      ("report-2019.pdfplumber.txt", 198), ("mixed.pdfplumber.txt", 186),
                      ("python-docx.pdfplumber.txt", 200), ("turned-pages.pdfplumber.txt", 3),
                      // PyMuPDF's get_text of the PDF fixtures.
                      ("page-break.pymupdf.txt", 200), ("repeated-header.pymupdf.txt", 200),
                      ("running-heads.pymupdf.txt", 200), ("template-filled-libreoffice.pymupdf.txt", 200),
                      ("template-filled.pymupdf.txt", 200), ("turned-pages.pymupdf.txt", 200),
                      ("two-columns.pymupdf.txt", 200), ("report-2019.pymupdf.txt", 198),
                      ("python-docx.pymupdf.txt", 200), ("mixed.pymupdf.txt", 186),
                      // pymupdf4llm's markdown of the PDF fixtures.
                      ("page-break.pymupdf4llm.md", 200), ("repeated-header.pymupdf4llm.md", 200),
                      ("running-heads.pymupdf4llm.md", 200), ("template-filled-libreoffice.pymupdf4llm.md", 200),
                      ("template-filled.pymupdf4llm.md", 200), ("two-columns.pymupdf4llm.md", 200),
                      ("report-2019.pymupdf4llm.md", 198), ("mixed.pymupdf4llm.md", 186),
                      ("python-docx.pymupdf4llm.md", 178), ("turned-pages.pymupdf4llm.md", 0),
                      // pdfminer's text of the PDF fixtures: labels apart from their rows, which nothing may be moved into.
                      ("repeated-header.pdfminer.txt", 44), ("running-heads.pdfminer.txt", 44),
                      ("template-filled-libreoffice.pdfminer.txt", 44), ("template-filled.pdfminer.txt", 44),
                      ("page-break.pdfminer.txt", 30), ("two-columns.pdfminer.txt", 30),
                      ("python-docx.pdfminer.txt", 17), ("mixed.pdfminer.txt", 0), ("report-2019.pdfminer.txt", 0),
                      ("turned-pages.pdfminer.txt", 0),
                      // mammoth's markdown of the DOCX fixtures.
                      ("template-filled-libreoffice.mammoth.md", 200), ("template-filled.mammoth.md", 200),
                      ("features-libreoffice.mammoth.md", 200), ("features.mammoth.md", 200),
                      ("python-docx.mammoth.md", 200),
                      // docx2txt of the DOCX fixtures.
                      ("python-docx.docx2txt.txt", 200), ("template-filled-libreoffice.docx2txt.txt", 200),
                      ("template-filled.docx2txt.txt", 200), ("features-libreoffice.docx2txt.txt", 200),
                      ("features.docx2txt.txt", 200),
                      // html2text of mammoth's HTML of the DOCX fixtures.
                      ("python-docx.html2text.md", 200), ("template-filled-libreoffice.html2text.md", 200),
                      ("template-filled.html2text.md", 200), ("features-libreoffice.html2text.md", 200),
                      ("features.html2text.md", 200),
                      // A browser's PDF of an HTML fixture (Chromium's --print-to-pdf), and the lines the
                      // PDF reader laid out of it before its rows kept to glyphs of one height.
                      ("headings.chromium.pdf", 200), ("template-filled.libreoffice.chromium.pdf", 200),
                      ("headings.chromium-merged-lines.layout.txt", 45),
                      // Plain pdftotext of a browser's PDF: some rows' numbers before their labels; and
                      // pdftotext -layout of it: two labels run together above both rows' numbers, a
                      // narrow page's numbers one space apart, rows set apart by blank lines.
                      ("template-filled.layout-table.chromium.pdftotext.txt", 42),
                      ("template-filled.layout-table.chromium.layout.txt", 172),
                      ("headings.chromium.pdftotext.txt", 185), ("headings.chromium.layout.txt", 186),
                      ("spans.chromium.pdftotext.txt", 5), ("spans.chromium.layout.txt", 15)])
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
        for column in Self.applicantColumns {
            #expect(values["other_no_fee", column] == nil && values.isUnresolved(row: "other_no_fee", column: column))
        }
        #expect(report.diagnostics.contains { $0.code == "value.ambiguous" && $0.message.contains("“133 1106 382 107 125 310 39”") })
    }

    /// Lines where the label lines of 3.补正后申请内容仍不明确 and 1.信访举报投诉类申请 ran together
    /// (`3内.补容正仍后不申明请确`, as the PDF reader laid out a browser's PDF), so their rows are not
    /// found and their numbers stand under 2.没有现成信息需要另行制作. Three lines of a whole row of
    /// numbers each are three rows: stacked column by column they made 27290171 and six more wrong numbers.
    @Test func wholeRowsOfNumbersOnLinesBelowALabelAreNotStackedIntoOneRow() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("headings.chromium-merged-lines.layout.txt").path)
        let values = try #require(report.table("applications")?.values)
        #expect(values["unavailable_needs_creation", "natural_person"] == nil)
        #expect(values.isUnresolved(row: "unavailable_needs_creation", column: "total"))
        #expect(report.diagnostics.contains { $0.code == "value.ambiguous" && $0.message.contains("“27 241 193 204 215 38 918 290") })
    }

    /// A browser's CJK font gives each Han glyph a box taller than the line pitch: a line is made of
    /// glyphs of one height whose boxes share most of their height, so 3.补正后申请 and 内容仍不明确 stay
    /// the two lines of one label, and the row reads its own numbers.
    @Test func aBrowsersTallGlyphBoxesKeepTheirLines() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("headings.chromium.pdf").path)
        let values = try #require(report.table("applications")?.values)
        #expect(["natural_person", "commercial", "total"].map { values["unavailable_unclear", $0] } == [290, 102, 909])
        #expect(["natural_person", "commercial", "total"].map { values["unavailable_needs_creation", $0] } == [27, 241, 918])
    }

    /// A group label centred in a tall merged cell (三、本 / 年度办 / 理结果) stands between the rows beside it:
    /// it joins one of them, and the rows below keep their own lines.
    @Test func aLabelCentredBetweenTwoLinesJoinsOneOfThem() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.libreoffice.chromium.pdf").path)
        let values = try #require(report.table("applications")?.values)
        #expect(["natural_person", "total"].map { values["carried_over", $0] } == [94, 883])
        #expect(["natural_person", "total"].map { values["granted", $0] } == [323, 1168])
        #expect(["natural_person", "total"].map { values["partial_grant", $0] } == [73, 1099])
    }

    /// Glyphs of one font and size on one line stand on one baseline. In a browser's PDF the two lines
    /// of a label (5.要求行政机关确认或重新出具已获 / 取信息) are 10 points apart and their Han boxes 22
    /// points tall: sharing more than half their height, they ran together into one line
    /// (5取.要信求息…), and four rows were lost.
    @Test func twoLinesOfOneFontAreTwoLinesThoughTheirBoxesOverlap() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.libreoffice.chromium.pdf").path)
        let values = try #require(report.table("applications")?.values)
        #expect(["natural_person", "total"].map { values["not_processed_confirm", $0] } == [326, 1820])
        #expect(["natural_person", "total"].map { values["not_processed_massive", $0] } == [319, 1277])
        #expect(["natural_person", "total"].map { values["other_no_correction", $0] } == [202, 1638])
        #expect(["natural_person", "total"].map { values["other_no_fee", $0] } == [133, 1106])
    }

    /// A heading whose number and title were two paragraphs (三、 / 收到和处理…) comes out of a PDF as two
    /// short lines straight after table 二, so the aligned table ran on through them into table 三 and
    /// table 二 was lost: the two lines are the section's heading, and split the tables.
    @Test func aHeadingPartedFromItsNumberEndsTheTableBeforeIt() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("headings.chromium.pdf").path)
        #expect(report.table("active_disclosure")?.values?["regulations", "issued"] == 232)
        #expect(report.sections.first { $0.key == "applications" }?.heading == "三、收到和处理政府信息公开申请情况")
        #expect(!report.diagnostics.contains { $0.code == "section.missing" || $0.code == "table.absent" })
    }

    /// pdftotext -layout of a browser's PDF writes 2.没有现成信息需要另行制作 and 3.补正后申请内容仍不明确 on two
    /// lines, then both rows' numbers, then 1.信访举报投诉类申请 with its own: 3.补正后 took the first set (7
    /// wrong numbers). A row with none, one with one set, one with two: the set between may be the
    /// row above's, and is not placed.
    @Test func numbersThatMayBeThePreviousRowsAreNotPlaced() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.layout-table.chromium.layout.txt").path)
        let values = try #require(report.table("applications")?.values)
        #expect(values["unavailable_unclear", "natural_person"] == nil && values.isUnresolved(row: "unavailable_unclear", column: "total"))
        #expect(report.diagnostics.contains { $0.code == "value.ambiguous" && $0.message.contains("“补正后申请内容仍不明确”行之后的数字“27 241 193 204 215 38 918”也可能属于上一行") })
    }

    /// pdftotext -layout squeezes a narrow page's columns: a row's numbers stand one space apart
    /// (`一、本年新收政府信息公开申 3951 4795 …`), and a blank line sets each row apart, its label wrapped
    /// above its numbers. Such lines go on with the table: table 三 was read in pieces, 25 of 200 values.
    @Test func rowsWhoseNumbersStandOneSpaceApartStayInTheTable() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("headings.chromium.layout.txt").path)
        let values = try #require(report.table("applications")?.values)
        #expect(["natural_person", "total"].map { values["new_received", $0] } == [3951, 25266])
        #expect(["natural_person", "total"].map { values["denied_law_forbidden", $0] } == [81, 744])
        #expect(!report.diagnostics.contains { $0.code == "table.duplicate" })
    }

    /// Table 四's header squeezed into pieces one space apart (`结 结 其 尚 … 结果 结果 其他`) goes on with
    /// the table to its line of numbers; without that line the table says it has none.
    @Test func aSqueezedHeaderReachesItsValuesAndAHeaderAloneSaysSo() throws {
        let url = Self.folder.appendingPathComponent("spans.chromium.layout.txt")
        let report = try Converter().convert(file: url.path)
        let values = try #require(report.table("review_litigation")?.values)
        #expect(["upheld", "total"].map { values["review", $0] } == [249, 1239])
        #expect(["upheld", "total"].map { values["litigation_after_review", $0] } == [139, 1040])
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeAll { $0.contains("1239") }
        let header = try Converter().convert(Array(lines.joined(separator: "\n").utf8), path: "header.txt")
        #expect(header.table("review_litigation")?.values?["review", "total"] == nil)
        #expect(header.diagnostics.contains { $0.code == "table.no_values" })
    }

    /// A browser centres a merged cell's label: （五） of 不予处理 stands beside 3.要求提供公开出版物's second
    /// line, below its numbers, in the middle of its group. It opens no row there: the numbers above it
    /// stay 3.要求提供公开出版物's (they went to 4.无正当理由…, which then held two rows' numbers).
    @Test func aGroupLabelCentredInItsGroupOpensNoRow() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("headings.chromium.pdf").path)
        let values = try #require(report.table("applications")?.values)
        #expect(["natural_person", "total"].map { values["not_processed_publication", $0] } == [398, 1552])
        #expect(["natural_person", "total"].map { values["not_processed_massive", $0] } == [319, 1277])
    }

    /// docx2txt drops the numbers of headings that are Word list items: 主动公开政府信息情况 alone on its
    /// line, among the short lines of the tables around it. A line that is a section's very title is its
    /// heading, and it ends the stretch of cell lines before it: tables 二, 三 and 四 are three tables.
    @Test func aSectionTitleWithoutItsNumberIsItsHeading() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("features.docx2txt.txt").path)
        #expect(report.sections.map(\.key) == ["overview", "active_disclosure", "applications", "review_litigation",
                                               "problems", "other_matters"])
        #expect(report.table("active_disclosure")?.values?["regulations", "issued"] == 232)
        #expect(report.table("review_litigation")?.values?["review", "total"] == 793)
        #expect(!report.diagnostics.contains { $0.code == "section.missing" || $0.code == "table.absent" })
    }

    /// Plain pdftotext of a browser's PDF writes (二)部分公开's numbers on its line, then 1.属于国家秘密's
    /// numbers before that label, and so on down to 4.保护第三方合法权益, which then has none. Each set
    /// keeps its sums under either label: read after their labels they were all the next row's (49
    /// wrong numbers); the rows between are null.
    @Test func numbersThatMayBeTheNextRowsAreNotPlaced() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.layout-table.chromium.pdftotext.txt").path)
        let values = try #require(report.table("applications")?.values)
        for row in ["denied_state_secret", "denied_law_forbidden", "denied_three_safety"] {
            #expect(values[row, "natural_person"] == nil && values.isUnresolved(row: row, column: "total"), "\(row)")
        }
        #expect(report.diagnostics.contains { $0.code == "value.ambiguous" && $0.message.contains("“属于国家秘密”行之后的数字“81 320 8 271 33 31 744”也可能属于下一行") })
    }

    /// Plain pdftotext puts （一）予以公开 and （二）部分公开 after the table's numbers: those two rows are
    /// lost, not the fourteen whose labels stand in order after them.
    @Test func aLabelOutOfOrderCostsOnlyItsOwnRow() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("page-break.pdftotext.txt").path)
        let values = try #require(report.table("applications")?.values)
        #expect(values["granted", "total"] == nil && values.isUnresolved(row: "granted", column: "total"))
        #expect(Self.applicantColumns.map { values["denied_state_secret", $0] } == [305, 203, 396, 335, 316, 333, 1888])
        #expect(Self.applicantColumns.map { values["not_processed_petition", $0] } == [171, 369, 210, 61, 69, 127, 1007])
    }

    /// Plain pdftotext writes 一、本年新收政府信息公开申请数量 on a line of its own and the row's numbers on
    /// the next, one space apart: a row label, not the heading of a part, so the row is in the table
    /// (its total broken in two by the narrow column, 2526 then 6).
    @Test func aRowLabelWhoseNumbersFollowOnOneLineIsNoHeading() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.pdftotext.txt").path)
        let values = try #require(report.table("applications")?.values)
        #expect(Self.applicantColumns.map { values["new_received", $0] } == [3951, 4795, 4007, 4185, 4950, 3378, 25266])
        #expect(!report.sections.flatMap(\.paragraphs).contains { $0.hasPrefix("一、本年新收") })
    }

    /// `pdftotext -raw` of a narrow table wraps 一、本年新收政府信息 / 公开申请数量 and 四、结转下年度继续办 /
    /// 理 over two lines, their numbers on the line after: row labels, not the headings of parts; the
    /// heading of part 四 right after the last row stays one.
    @Test func aRowLabelWrappedBeforeItsNumbersIsNoHeading() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("python-docx.pdftotext-raw.txt").path)
        let values = try #require(report.table("applications")?.values)
        #expect(Self.applicantColumns.map { values["new_received", $0] } == [3588, 4241, 4299, 4424, 4278, 4521, 25351])
        #expect(Self.applicantColumns.map { values["carried_forward", $0] } == [306, 378, 156, 171, 44, 43, 1098])
        #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    /// `pdftotext -raw` of a 2019 report's narrow table 四 writes every number over two lines (`13`
    /// then `2` for 132, `10` then `42` for 1042): thirty numbers for fifteen cells, joined where every
    /// group's total is the sum of its outcomes; thirty ones, which no joining makes add up, stay null.
    @Test func numbersANarrowColumnWrappedAreJoinedByTheSums() throws {
        let url = Self.folder.appendingPathComponent("report-2019.pdftotext-raw.txt")
        let report = try Converter().convert(file: url.path)
        let values = try #require(report.table("review_litigation")?.values)
        let columns = ["upheld", "corrected", "other", "pending", "total"]
        #expect(columns.map { values["review", $0] } == [132, 330, 182, 221, 865])
        #expect(columns.map { values["litigation_direct", $0] } == [129, 291, 372, 250, 1042])
        #expect(report.diagnostics.contains { $0.code == "value.wrapped_digits" && $0.message.contains("读作 132|330|182|221|865|129") })

        let text = try String(contentsOf: url, encoding: .utf8)
        let numbers = try #require(text.range(of: "13\n2\n33\n0\n18\n2\n22\n1\n86\n5\n12\n9\n29\n1\n37\n2\n25\n0\n10\n42\n26\n8\n18\n4\n15\n8\n37\n9\n98\n9"))
        let ones = text.replacingCharacters(in: numbers, with: Array(repeating: "1", count: 30).joined(separator: "\n"))
        let nulls = try #require(Converter().convert(Array(ones.utf8), path: url.lastPathComponent).table("review_litigation")?.values)
        #expect(columns.allSatisfy { nulls["review", $0] == nil && nulls.isUnresolved(row: "review", column: $0) })
    }

    /// pdfplumber's text of a narrow table breaks every label into pieces of two characters, so no row
    /// below 上年结转 is found by its label; the numbers follow in the template's order, a row a line,
    /// and each set keeps its row's sum: they are read in that order, and the total's `2547` / `1`
    /// joined. The column rules must hold too: one set changed so that its row still adds up but the
    /// outcome columns no longer do leaves all those rows null, and so does a set taken out.
    @Test func rowsWhoseLabelsStandElsewhereAreReadInTheTemplatesOrder() throws {
        let url = Self.folder.appendingPathComponent("python-docx.pdfplumber.txt")
        let report = try Converter().convert(file: url.path)
        let values = try #require(report.table("applications")?.values)
        #expect(Self.applicantColumns.map { values["granted", $0] } == [222, 273, 303, 102, 331, 79, 1310])
        #expect(Self.applicantColumns.map { values["other_other", $0] } == [214, 106, 271, 6, 8, 277, 882])
        #expect(Self.applicantColumns.map { values["total", $0] } == [3602, 3993, 4393, 4534, 4344, 4605, 25471])
        #expect(report.diagnostics.contains {
            $0.code == "value.reordered" && $0.message.contains("“予以公开”行：行标签不在本行数值旁") && $0.message.contains("222|273|303|102|331|79|1310")
        })

        let text = try String(contentsOf: url, encoding: .utf8)
        let granted = "222 273 303 102 331 79 1310"
        for changed in [text.replacingOccurrences(of: granted, with: "223 273 303 102 331 78 1310"),
                        text.replacingOccurrences(of: " " + granted, with: "")] {
            let report = try Converter().convert(Array(changed.utf8), path: url.lastPathComponent)
            let values = try #require(report.table("applications")?.values)
            for row in ["granted", "partial_grant", "other_other"] {
                #expect(values[row, "total"] == nil && values.isUnresolved(row: row, column: "total"), "\(row)")
            }
        }
    }

    /// pdfminer writes table 三's labels in one column and its numbers in another: most labels stand
    /// together with no number after them, while other rows are followed by many. Those rows are not
    /// rows of blanks: null and unresolved, so that no check counts them as zeros.
    @Test func rowsWithoutNumbersBesideRowsWithTooManyAreUnresolved() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.pdfminer.txt").path)
        let values = try #require(report.table("applications")?.values)
        for row in ["denied_state_secret", "not_processed_repeat"] {
            #expect(values[row, "total"] == nil && values.isUnresolved(row: row, column: "total"), "\(row)")
        }
        #expect(report.diagnostics.contains {
            $0.code == "value.ambiguous" && $0.message.contains("“属于国家秘密”、“其他法律行政法规禁止公开”") && $0.message.contains("行的标签后没有数字")
        })
    }

    /// pdfplumber's text of a 2019 report: labels broken too short to tell the editions apart, and
    /// the numbers divide by their sums into the 2019 rows (one （六）其他处理 row) and not into the
    /// 2021 rows (three): the table is read as 2019's.
    @Test func theEditionWhoseRowsTheNumbersDivideIntoIsTheTables() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("report-2019.pdfplumber.txt").path)
        let table = try #require(report.table("applications"))
        #expect(table.edition == "2019")
        #expect(Self.applicantColumns.map { table.values?["other_processing", $0] } == [271, 201, 987, 792, 479, 696, 3426])
        #expect(report.diagnostics.contains { $0.code == "table.edition_by_division" && $0.message.contains("按2019年版的行读出的数值多于按2021年版") })
        #expect(!report.diagnostics.contains { $0.code == "table.edition_undetermined" })
    }

    /// pdfplumber breaks （五）不予处理 around its first row's numbers (`（五 1.信 228 8 88 281 43 39 687`,
    /// then `）不`): the bracket closed on the next line is a broken label, not a note in brackets whose
    /// digits are words, so the row's numbers stay numbers and the 2019 table 三 divides into its rows.
    @Test func aBracketClosedOnTheNextLineIsNoNote() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("mixed.pdfplumber.txt").path)
        let table = try #require(report.table("applications"))
        #expect(table.edition == "2019")
        #expect(Self.applicantColumns.map { table.values?["not_processed_petition", $0] } == [228, 8, 88, 281, 43, 39, 687])
    }

    static let applicantColumns = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]

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
    /// names both a line each (`本年制发件数<br>本年废止件数`): the cell is two numbers, read line by line
    /// under the header, not an unreadable word that would leave 239 (现行有效件数) to be counted into
    /// 本年废止件数.
    @Test func aCellOfTwoLinesIsReadLineByLineUnderItsHeader() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.pymupdf4llm.md").path)
        let values = try #require(report.table("active_disclosure")?.values)
        #expect(["issued", "repealed", "in_force"].map { values["regulations", $0] } == [232, 287, 239])
        #expect(report.diagnostics.contains {
            $0.code == "value.spaced_cells" && $0.message.contains("“规章”行的单元格“232 287”含有几行数字")
        })
    }

    /// The same cell without its header's lines (`本年制发件数` alone above it): table 二 has no sums to
    /// place two numbers by, so the row is null.
    @Test func aCellOfTwoLinesWithoutItsHeaderLinesIsNull() throws {
        var text = try String(contentsOf: Self.folder.appendingPathComponent("template-filled.pymupdf4llm.md"), encoding: .utf8)
        text = text.replacingOccurrences(of: "本年制发件数<br>本年废止件数", with: "本年制发件数")
        let report = try Converter().convert(Array(text.utf8), path: "header-one-line.md")
        let values = try #require(report.table("active_disclosure")?.values)
        for column in ["issued", "repealed", "in_force"] {
            #expect(values["regulations", column] == nil && values.isUnresolved(row: "regulations", column: column))
        }
        #expect(values["licensing", "decisions"] == 98)
    }

    /// pdfplumber writes a table a row a line, each cell's text centred in its height: 1099, the total
    /// of （二）部分公开, on the line above its values, 5.要求行政机关确认…'s numbers above its label, and
    /// 25266 broken by its narrow column into 2526 above the row's line and 6 below. Each is put back
    /// where the row sums hold that way and not as laid out, and said so.
    @Test func numbersAPDFCentredInTheirCellsArePutBackByTheRowSums() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.pdfplumber.txt").path)
        let values = try #require(report.table("applications")?.values)
        let columns = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
        #expect(columns.map { values["partial_grant", $0] } == [73, 47, 276, 356, 325, 22, 1099])
        #expect(columns.map { values["not_processed_confirm", $0] } == [326, 388, 384, 11, 324, 387, 1820])
        #expect(columns.map { values["new_received", $0] } == [3951, 4795, 4007, 4185, 4950, 3378, 25266])
        #expect(values["total", "total"] == 24973)
        let reordered = report.diagnostics.filter { $0.code == "value.reordered" }.map(\.message)
        #expect(reordered.count == 5)
        #expect(reordered.contains { $0.contains("“部分公开区分处理的只计这一情形不计其他情形”行：本行合计在各项数值之前") })
        #expect(reordered.contains { $0.contains("本行合计被窄列折成“2526”和“6”两行") })
    }

    /// The same numbers on one line, `1099 73 47 276 356 325 22`: nothing shows the total stood apart,
    /// and they keep the sums with 1099 taken as the total, so they are not read as written either.
    @Test func aTotalFirstOnTheSameLineIsNeitherMovedNorReadAsWritten() throws {
        var text = try String(contentsOf: Self.folder.appendingPathComponent("template-filled.pdfplumber.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "只计这一情 1099\n73 47", with: "只计这一情 1099 73 47")
        let report = try Converter().convert(Array(text.utf8), path: "one-line.txt")
        let values = try #require(report.table("applications")?.values)
        #expect(values["partial_grant", "total"] == nil && values.isUnresolved(row: "partial_grant", column: "total"))
        #expect(values["granted", "total"] == 1168)
        #expect(!report.diagnostics.contains { $0.code == "value.reordered" && $0.message.contains("部分公开") })
    }

    /// Numbers for two rows after a label, the next label with none: they are this row's and the
    /// next's only below a row read by its own numbers. Here 1.属于国家秘密 has none (its label set apart
    /// from its row, as pdfminer does), so 2.其他法律…'s fourteen numbers may be 1.'s and 2.'s: 3.危及…
    /// does not take the second seven.
    @Test func numbersForTwoRowsBelowARowWithoutNumbersAreNotDivided() throws {
        var text = try String(contentsOf: Self.folder.appendingPathComponent("template-filled.pdfplumber.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: """
            1.属于国家秘密 305 203 396 335 316 333 1888
            2.其他法律行政法规禁止公开 81 320 8 271 33 31 744
            3.危及“三安全一稳定” 19 393 124 308 16 238 1098
            """, with: """
            1.属于国家秘密
            2.其他法律行政法规禁止公开 305 203 396 335 316 333 1888
            81 320 8 271 33 31 744
            3.危及“三安全一稳定”
            """)
        let report = try Converter().convert(Array(text.utf8), path: "labels-apart.txt")
        let values = try #require(report.table("applications")?.values)
        #expect(values["denied_three_safety", "total"] == nil && values["denied_law_forbidden", "total"] == nil)
        #expect(values["denied_third_party", "total"] == 1184)
    }

    /// pymupdf4llm writes a total its narrow column wrapped as `<sup>2526</sup><br>6`, one cell of two
    /// lines of digits, and cuts the row's label across three cells: the row is found and the cell
    /// read as 25266, the one reading that keeps the row's sum.
    @Test func aNumberWrappedInsideItsCellIsOneNumber() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("template-filled.pymupdf4llm.md").path)
        let values = try #require(report.table("applications")?.values)
        #expect(values["new_received", "total"] == 25266 && values["new_received", "natural_person"] == 3951)
        #expect(values["total", "total"] == 24973)
        #expect(report.diagnostics.contains { $0.code == "value.wrapped_digits" && $0.message.contains("“2526 6”是窄列折成两行的一个数") })
    }

    /// pymupdf4llm draws section 三's heading as a row of table 二's (`|三、收到和处理政府|信息公开申请情况|||`)
    /// with table 三 below it: the heading ends table 二 and starts section 三.
    @Test func aSectionHeadingDrawnAsATableRowEndsTheTable() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("mixed.pymupdf4llm.md").path)
        let disclosure = try #require(report.table("active_disclosure")?.values)
        #expect(disclosure["regulations", "issued"] == 181 && disclosure["fees", "amount"] == 12.34)
        #expect(report.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    /// pymupdf4llm cuts tall label cells into pieces a line each and rows: a group label's pieces
    /// before the row's own in the cells (`三、<br>本年` | `（一）<br>开` | `予以公`) or in the one cell
    /// (`三、<br>本年<br>（一）予以公<br>开`), and a label's rest in rows below with no values
    /// (`|（四|1.本|319|…|`, then `|）无<br>法提<br>供|机关<br>不掌<br>握相…|||…|`). Each row is found.
    @Test(arguments: [("mixed.pymupdf4llm.md", "granted", [201.0, 316, 21, 215, 338, 13, 1104]),
                      ("mixed.pymupdf4llm.md", "partial_grant", [53, 1, 136, 247, 371, 280, 1088]),
                      ("report-2019.pymupdf4llm.md", "granted", [275, 119, 365, 391, 76, 380, 1606]),
                      ("report-2019.pymupdf4llm.md", "partial_grant", [17, 340, 32, 70, 388, 389, 1236]),
                      ("python-docx.pymupdf4llm.md", "unavailable_not_held", [319, 272, 384, 186, 27, 94, 1282]),
                      ("python-docx.pymupdf4llm.md", "not_processed_massive", [89, 343, 149, 227, 375, 333, 1516]),
                      ("python-docx.pymupdf4llm.md", "not_processed_petition", [399, 5, 263, 206, 355, 52, 1280])])
    func aLabelCutIntoPiecesStillNamesItsRow(_ name: String, _ row: String, _ expected: [Double]) throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent(name).path)
        let values = try #require(report.table("applications")?.values)
        #expect(Self.applicantColumns.map { values[row, $0] } == expected)
    }

    /// Table 三's labels, cut into pieces, do not tell the editions apart; `（六）<br>理` | `其他处` reads
    /// as the 2019 edition's one （六）其他处理 row, and the 2019 rows read more values than the 2021 rows.
    @Test func labelsNamingOneEditionsRowSettleTheEdition() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("mixed.pymupdf4llm.md").path)
        let table = try #require(report.table("applications"))
        #expect(table.edition == "2019")
        #expect(Self.applicantColumns.map { table.values?["other_processing", $0] } == [356, 674, 184, 799, 583, 783, 3379])
        #expect(report.diagnostics.contains { $0.code == "table.edition_by_division" })
    }

    /// Table 四's narrow columns wrap several numbers inside their cells (`34<br>8`, `49<br>3`): each
    /// is one number, the one reading with fifteen values, and the three group totals prove it.
    @Test func severalNumbersWrappedInsideTheirCellsAreOneNumberEach() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("mixed.pymupdf4llm.md").path)
        let values = try #require(report.table("review_litigation")?.values)
        let columns = ["upheld", "corrected", "other", "pending", "total"]
        #expect(columns.map { values["review", $0] } == [16, 97, 32, 348, 493])
        #expect(columns.map { values["litigation_after_review", $0] } == [141, 79, 62, 157, 439])
        #expect(report.diagnostics.contains { $0.code == "value.wrapped_digits" && $0.message.contains("“34 8”、“49 3”") })
    }

    /// pymupdf4llm cuts table 二's labels at a fixed width and puts the label's last piece and the
    /// first value in one cell (`|行政规范性|文件<br>207|107|311|`, `|行政事业性|收费<br>12.34|||`):
    /// the piece completes the label and the number is the row's first value.
    @Test func aLabelsLastPieceBesideTheFirstValueInOneCellIsTakenApart() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("python-docx.pymupdf4llm.md").path)
        let values = try #require(report.table("active_disclosure")?.values)
        #expect(["issued", "repealed", "in_force"].map { values["normative_documents", $0] } == [207, 107, 311])
        #expect(values["fees", "amount"] == 12.34)
    }

    /// markitdown leaves the rows of a narrow table's lower part as loose lines after its last small
    /// table: the label's first characters and the numbers on one line (`3.危 6 153 … 1503`,
    /// `（四 1.本 399 316 … 1278`) and the rest of the label below, a piece per label column (`）无 机关`,
    /// `法提 不掌`, then `关政`). The lines join the pieces before them, each cut into cells at its
    /// spaces, and each row is found by its label read down its column; so is a small table's last
    /// row whose label goes on in the loose lines below it (`|  | 2.其 | 145 | … |`, then `他法`, `律行`).
    @Test(arguments: [("denied_three_safety", [6.0, 153, 389, 382, 318, 255, 1503]),
                      ("unavailable_not_held", [399, 316, 81, 89, 122, 271, 1278]),
                      ("unavailable_needs_creation", [381, 24, 309, 301, 317, 61, 1393]),
                      ("denied_law_forbidden", [145, 77, 361, 39, 66, 56, 744])])
    func looseLinesAfterATablesPiecesAreItsRows(_ row: String, _ expected: [Double]) throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("merged-blanks.markitdown-pdf.md").path)
        let values = try #require(report.table("applications")?.values)
        #expect(Self.applicantColumns.map { values[row, $0] } == expected)
    }

    /// Table 四 in narrow columns, as `pdftotext -raw` writes it: every value's head on one line and
    /// the wrapped last digits of eleven of them on the next (`19 64 13 … 54` / `1 6 3 … 6`); and as
    /// PyMuPDF writes it, the same numbers a line each. Only one choice of the heads the tails end
    /// keeps the three group totals.
    @Test(arguments: ["python-docx.pdftotext-raw.txt", "python-docx.pymupdf.txt"])
    func table4sHeadsThenTheirWrappedTailsAreJoined(_ name: String) throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent(name).path)
        let values = try #require(report.table("review_litigation")?.values)
        let columns = ["upheld", "corrected", "other", "pending", "total"]
        #expect(columns.map { values["review", $0] } == [191, 64, 136, 143, 534])
        #expect(columns.map { values["litigation_direct", $0] } == [363, 324, 216, 67, 970])
        #expect(columns.map { values["litigation_after_review", $0] } == [321, 47, 164, 14, 546])
        #expect(report.diagnostics.contains { $0.code == "value.wrapped_digits" && $0.message.contains("“1 6 3 4 3 4 6 0 1 4 6”") })
    }

    /// A whole table followed by lines of numbers (table 四's wrapped digits after table 三 in
    /// python-docx's pymupdf4llm text) is no run of pieces: a report's own wrong total in it
    /// (1490 written 1491) is read as written, and the checks say the row does not add up.
    @Test func aReportsOwnWrongTotalInAWholeTableIsReadAsWritten() throws {
        var text = try String(contentsOf: Self.folder.appendingPathComponent("python-docx.pymupdf4llm.md"), encoding: .utf8)
        text = text.replacingOccurrences(of: "|245|313|115|200|248|369|1490|", with: "|245|313|115|200|248|369|1491|")
        let report = try Converter().convert(Array(text.utf8), path: "wrong-total.md")
        let values = try #require(report.table("applications")?.values)
        #expect(Self.applicantColumns.map { values["denied_state_secret", $0] } == [245, 313, 115, 200, 248, 369, 1491])
        #expect(report.checks.contains { $0.id == "applications.row_total" && $0.status == .fail })
    }

    /// Plain pdftotext of a browser's PDF writes some rows' numbers before their labels: （二）部分公开's
    /// numbers and 1.属于国家秘密's after （二）'s label, then each row's below the label before it. With a
    /// report's own wrong number in the first set (73 written 74) or in a set below (81 written 82),
    /// the sets below still may be the next rows', so those rows are null, never another row's numbers.
    @Test(arguments: [("73 47 276 356 325 22 1099", "74 47 276 356 325 22 1099"), ("81\n320 8", "82\n320 8")])
    func aWrongNumberDoesNotMakeShiftedRowsReadAsTheirOwn(_ written: String, _ wrong: String) throws {
        var text = try String(contentsOf: Self.folder.appendingPathComponent("template-filled.layout-table.chromium.pdftotext.txt"), encoding: .utf8)
        #expect(text.contains(written))
        text = text.replacingOccurrences(of: written, with: wrong)
        let report = try Converter().convert(Array(text.utf8), path: "wrong-number.txt")
        let values = try #require(report.table("applications")?.values)
        for row in ["denied_state_secret", "denied_law_forbidden", "denied_three_safety"] {
            #expect(Self.applicantColumns.allSatisfy { values[row, $0] == nil }, "\(row)")
        }
    }

    /// pdftotext -layout of a browser's PDF writes two labels on two lines above both rows' numbers
    /// (`2.没有现成…` / `3.补正后…`, then `27 241 … 918` / `290 102 … 909`) and 1.信访…'s own after them:
    /// with 290 written 291 in the report, the second set no longer adds up, and still 3.补正后… may
    /// hold the first set, which is 2.没有现成…'s: both rows are null, never the other's numbers.
    @Test func aWrongNumberDoesNotMakeRowsUnderLabelsRunTogetherReadAsTheirOwn() throws {
        var text = try String(contentsOf: Self.folder.appendingPathComponent("template-filled.layout-table.chromium.layout.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "290 102 139", with: "291 102 139")
        let report = try Converter().convert(Array(text.utf8), path: "wrong-number.txt")
        let values = try #require(report.table("applications")?.values)
        for row in ["unavailable_needs_creation", "unavailable_unclear"] {
            #expect(Self.applicantColumns.allSatisfy { values[row, $0] == nil }, "\(row)")
        }
    }
}

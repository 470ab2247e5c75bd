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
                      ("features.layout.txt", 193)])
    func everyValueReadIsTheReportsOwn(_ name: String, _ floor: Int) throws {
        let folder = Paths.root.appendingPathComponent("Tests/Fixtures/lossy")
        let report = try Converter().convert(file: folder.appendingPathComponent(name).path)
        let expected = try FixtureTests.Expected(folder.appendingPathComponent(name)
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
}

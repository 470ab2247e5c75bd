import Foundation
import Nianbao
import Testing

/// LibreOffice's text export (a cell a line, no row ends) of DOCX fixtures with blank and merged
/// cells and a tracked change: each value is the DOCX's value at that key, or null and unresolved
/// where the text cannot say which cell was empty. Never another number.
@Suite struct CellLinesTests {
    static let folder = Paths.root.appendingPathComponent("Tests/Fixtures/cell-lines")
    static let cases = [("merged-blanks.txt", Paths.editionFixtures.appendingPathComponent("merged-blanks.docx")),
                        ("features.txt", Paths.docxFixtures.appendingPathComponent("features.docx"))]

    @Test(arguments: cases)
    func everyValueIsTheDocxValueOrUnresolved(_ name: String, _ docx: URL) throws {
        let text = try Converter().convert(file: Self.folder.appendingPathComponent(name).path)
        let reference = try Converter().convert(file: docx.path)
        #expect(text.source.layout == "cell-lines")
        #expect(text.sections.count == 6)
        var settled = 0
        for table in reference.tables {
            let got = try #require(text.table(table.key)?.values)
            for row in table.values?.rows ?? [] {
                for cell in row.cells {
                    let value = got[row.key, cell.key]
                    if value == nil, cell.value != nil {
                        #expect(got.isUnresolved(row: row.key, column: cell.key), "\(table.key).\(row.key).\(cell.key)")
                    } else {
                        #expect(value == cell.value, "\(table.key).\(row.key).\(cell.key)")
                        if value != nil { settled += 1 }
                    }
                }
            }
        }
        #expect(settled >= 160)
    }

    /// 规章 150 and two empty cells: the text shows one number for three columns, which is not 1|5|0.
    @Test func aRowWithEmptyCellsIsNotDividedIntoDigits() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("merged-blanks.txt").path)
        let values = try #require(report.table("active_disclosure")?.values)
        #expect(values["regulations", "issued"] == nil && values.isUnresolved(row: "regulations", column: "issued"))
        #expect([values["normative_documents", "issued"], values["normative_documents", "repealed"],
                 values["normative_documents", "in_force"]] == [131, 20, 70])
        #expect(report.diagnostics.contains { $0.code == "value.ambiguous" && $0.message.contains("“规章”行的数字“150”") })
    }
}

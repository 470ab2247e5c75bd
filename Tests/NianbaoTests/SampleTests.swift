import Foundation
import Nianbao
import Testing

/// The five real extracts in Samples/: every one converts with its organ, year, six sections and
/// the values its tables hold (all 0, but for 002's fee of 9.51).
@Suite struct SampleTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var organ: String
        var layout: String
        var tables: [String]
        var description: String { file }
    }

    static let samples = [
        Expectation(file: "000_1fc2bd555d7c5ccd.txt", organ: "三门峡市陕州区西李村乡人民政府", layout: "tab",
                    tables: ["active_disclosure", "applications", "review_litigation"]),
        Expectation(file: "001_98b43dc3e03c69a8.txt", organ: "三门峡市陕州区行政审批和政务信息管理局", layout: "tab",
                    tables: ["active_disclosure", "applications", "review_litigation"]),
        Expectation(file: "002_032b4f47aa39f490.txt", organ: "北票市长皋乡人民政府", layout: "pipe",
                    tables: ["active_disclosure", "applications", "review_litigation"]),
        Expectation(file: "003_3f1e878054dbd65a.txt", organ: "潢川县张集乡人民政府", layout: "tab",
                    tables: ["active_disclosure", "applications", "review_litigation"]),
        Expectation(file: "004_8dc319be4d1513fc.txt", organ: "沂源县西里镇人民政府", layout: "cell-per-line",
                    tables: ["applications"]),
    ]

    @Test(arguments: samples)
    func sampleConverts(_ sample: Expectation) throws {
        let report = try Converter().convert(file: Paths.samples.appendingPathComponent(sample.file).path)
        #expect(report.meta.organ == sample.organ)
        #expect(report.meta.year == 2024)
        #expect(report.source.layout == sample.layout)
        #expect(report.sections.map(\.key)
                == ["overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters"])
        #expect(report.tables.filter(\.present).map(\.key) == sample.tables)
        for table in report.tables where table.present {
            for row in table.values!.rows {
                for cell in row.cells {
                    let expected: Double = sample.file.hasPrefix("002") && row.key == "fees" ? 9.51 : 0
                    #expect(cell.value == expected, "\(table.key).\(row.key).\(cell.key)")
                }
            }
        }
        // The tables balance; 004's own text leaves the template's [具体地名] in section 一 (CheckTests).
        #expect(report.checks.filter { $0.status == .fail }.map(\.id) == (sample.file.hasPrefix("004") ? ["text.placeholder"] : []))
        #expect(!report.diagnostics.contains { $0.severity == .error })
    }

    @Test func sample004SaysWhichTablesItLacks() throws {
        let report = try Converter().convert(file: Paths.samples.appendingPathComponent("004_8dc319be4d1513fc.txt").path)
        let tableDiagnostics = report.diagnostics.filter { $0.code.hasPrefix("table.") }
        #expect(tableDiagnostics.map(\.code) == ["table.image", "table.absent"])
        #expect(tableDiagnostics[0].message == "表二（主动公开政府信息情况）以图片形式给出（IMG_259），无法读取其数值")
        #expect(tableDiagnostics[0].location?.line == 19)
        #expect(report.table("active_disclosure")?.present == false)
        #expect(report.table("active_disclosure")?.values == nil)
        #expect(report.table("review_litigation")?.present == false)
        #expect(report.table("review_litigation")?.values == nil)
        #expect(report.checks.filter { $0.id.hasPrefix("review_litigation") }.allSatisfy { $0.status == .skipped })
    }

    @Test func sample002HasItsDateAndPeriod() throws {
        let report = try Converter().convert(file: Paths.samples.appendingPathComponent("002_032b4f47aa39f490.txt").path)
        #expect(report.meta.published == "2025-01-16")
        #expect(report.meta.period == Period(from: "2024-01-01", to: "2024-12-31"))
        #expect(report.meta.template == "2021")
    }
}

/// A value cell with a note after its number (seed 002 with 规章 written `22（其中修订16件）`): the row is
/// read, the number taken, the note kept in the grid and named in an info diagnostic.
@Suite struct AnnotatedCellTests {
    @Test func theNumberIsTakenAndTheNoteKept() throws {
        let seed = try String(contentsOf: Paths.samples.appendingPathComponent("002_032b4f47aa39f490.txt"), encoding: .utf8)
        let text = seed.replacingOccurrences(of: "规章 | 0 | 0 | 0 |", with: "规章 | 22（其中修订16件） | 0 | 22 |")
        #expect(text != seed)
        let report = try Converter().convert(Array(text.utf8), path: "annotated.txt")
        let values = try #require(report.table("active_disclosure")?.values)
        #expect([values["regulations", "issued"], values["regulations", "repealed"], values["regulations", "in_force"]]
                == [22, 0, 22])
        let note = try #require(report.diagnostics.first { $0.code == "value.annotated" })
        #expect(note.severity == .info && note.message.contains("22（其中修订16件）"))
        let grid = try #require(report.table("active_disclosure")?.grid)
        #expect(grid.rows.contains { $0.map(\.text) == ["规章", "22（其中修订16件）", "0", "22"] })
    }
}

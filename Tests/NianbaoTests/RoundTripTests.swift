import Foundation
import Nianbao
import Testing

/// Normalized text: converting it back gives the same report, and normalizing it again changes nothing.
@Suite struct RoundTripTests {
    static let inputs = (Paths.files(in: Paths.samples, ending: "")
        + Paths.files(in: Paths.textFixtures, ending: ".txt")
        + Paths.files(in: Paths.docxFixtures, ending: ".docx")
        + Paths.files(in: Paths.htmlFixtures, ending: ".html")
        + Paths.files(in: Paths.editionFixtures, ending: ".docx"))
        .map { $0.path.replacingOccurrences(of: Paths.root.path + "/", with: "") }

    /// What the text form carries: everything but where it came from and what the reading noticed.
    struct Content: Equatable {
        var meta: Meta
        var sections: [[String]]
        var tables: [String: TableValues?]
        var editions: [String: String?]
        var otherTables: [[[String]]]
        var checks: [String]

        init(_ report: Report) {
            meta = report.meta
            sections = report.sections.map { [String($0.number), $0.key, $0.title] + $0.paragraphs + $0.images }
            tables = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.key, $0.values) })
            editions = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.key, $0.edition) })
            otherTables = report.otherTables.map(Content.expanded)
            checks = report.checks.map { "\($0.id) \($0.scope) \($0.status)" }
        }

        /// The grid as a full matrix, positions covered by a merged cell empty.
        static func expanded(_ grid: Grid) -> [[String]] {
            GridPlacement(grid.rows).matrix(grid.rows, columns: grid.columns).map { $0.map { $0?.text ?? "" } }
        }
    }

    @Test(arguments: inputs)
    func textFormReadsBackToTheSameReport(_ input: String) throws {
        let original = try Converter().convert(file: Paths.root.appendingPathComponent(input).path)
        let text = ReportText.text(original)
        let again = try Converter().convert(Array(text.utf8), path: nil)
        #expect(Content(again) == Content(original))
        #expect(ReportText.text(again) == text)
    }

    @Test func blankValuesAreExplicit() throws {
        let report = try Converter().convert(file: Paths.textFixtures.appendingPathComponent("tab-blanks.txt").path)
        let lines = ReportText.text(report).split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("| 行政许可 | — |") })
        #expect(lines.contains("|  |  | 8.属于行政查询事项 | — | — | — | — | — | — | — |"))
        #expect(lines.contains("一、总体情况"))
    }
}

import Foundation
import Nianbao
import Testing

// docs/library.md shows this function as the library example; keep the two the same.
// --- example ---
/// Converts one report and returns what a script usually wants from it.
func summarise(reportAt path: String) throws -> (organ: String?, newRequests: Double?, failed: [String], json: String) {
    let report = try Converter().convert(file: path)              // any of DOCX, HTML, text
    let applications = report.table("applications")               // 表三, by its canonical key
    let newRequests = applications?.values?["new_received", "total"]
    let failed = report.checks.filter { $0.status == .fail }.map(\.id)
    let json = ReportJSON.text(report)                           // the JSON contract, as `convert` writes it
    return (report.meta.organ, newRequests, failed, json)
}
// --- end ---

@Suite struct LibraryExampleTests {
    @Test func theExampleOfTheDocumentationRuns() throws {
        let result = try summarise(reportAt: Paths.samples.appendingPathComponent("002_032b4f47aa39f490.txt").path)
        #expect(result.organ == "北票市长皋乡人民政府")
        #expect(result.newRequests == 0)
        #expect(result.failed.isEmpty)
        #expect(result.json.hasPrefix("{\n  \"schema\": \"nianbao.report/1\""))
    }

    @Test func theDocumentationShowsTheExampleAsItIsTested() throws {
        let test = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let documentation = try String(contentsOf: Paths.root.appendingPathComponent("docs/library.md"), encoding: .utf8)
        let example = try #require(test.components(separatedBy: "// --- example ---\n").dropFirst().first?
            .components(separatedBy: "// --- end ---").first)
        #expect(documentation.contains(example))
    }
}

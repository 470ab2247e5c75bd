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
        // 3130 0 0 0 34 under 3.其他 is 3|1|30|… or 31|3|0|…: both keep the row total.
        #expect(report.table("applications")?.values?["other_other", "total"] == nil)
        // Checks over those cells are skipped, not failed, and say why.
        let skipped = report.checks.filter { $0.status == .skipped && $0.message.contains("无法从原文确定") }
        #expect(skipped.contains { $0.id == "applications.row_total" && $0.scope == "other_other" })
        #expect(!report.checks.contains { $0.status == .fail && $0.id.hasPrefix("applications.") })
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
}

import Foundation
import Nianbao
import Testing

/// `check` as an office uses it: each planted problem found once and named, clean reports passed.
@Suite struct CheckTests {
    struct Planted: Decodable {
        var codes: [String]
        var quotes: String
    }

    static let planted: [String: Planted] = {
        let data = try! Data(contentsOf: Paths.checkFixtures.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode([String: Planted].self, from: data)
    }()

    func report(_ name: String) throws -> Report {
        try Converter().convert(file: Paths.checkFixtures.appendingPathComponent(name).path)
    }

    @Test(arguments: planted.keys.filter { !$0.hasPrefix("chain-") }.sorted())
    func eachPlantedProblemIsListedAndQuoted(_ name: String) throws {
        let expected = try #require(Self.planted[name])
        let problems = try report(name).problems()
        #expect(problems.map(\.code).sorted() == expected.codes.sorted())
        #expect(problems.contains { $0.code == expected.codes[0] && $0.message.contains(expected.quotes) })
    }

    @Test func carriedOverMustEqualLastYearsCarriedForward() throws {
        var reports = [try report("chain-2023.txt"), try report("chain-2024.txt")]
        for (index, checks) in YearChain.checks(reports).enumerated() { reports[index].checks += checks }
        #expect(reports[0].problems().isEmpty)
        let problems = reports[1].problems()
        #expect(problems.map(\.code) == Self.planted["chain-2024.txt"]!.codes)
        #expect(problems.map(\.subject?.column) == ["自然人", "总计"])
        #expect(problems.map(\.found) == ["0", "0"] && problems.map(\.expected) == ["1", "1"])
        #expect(problems.allSatisfy { $0.message.contains("上年结转为 0 件") && $0.message.contains("chain-2023.txt") })
    }

    @Test(arguments: ["000_1fc2bd555d7c5ccd.txt", "001_98b43dc3e03c69a8.txt", "002_032b4f47aa39f490.txt",
                      "003_3f1e878054dbd65a.txt"])
    func cleanPublishedReportsHaveNothingToFix(_ sample: String) throws {
        let report = try Converter().convert(file: Paths.samples.appendingPathComponent(sample).path)
        #expect(report.problems().isEmpty)
        // Their narrative states the applications received; that check ran and passed.
        #expect(report.checks.contains { $0.id == "narrative.new_received" && $0.status == .pass })
    }

    @Test func aFileThatIsNoReportIsAProblemNotAnAllClear() throws {
        let report = try Converter().convert(file: Paths.docxFixtures.appendingPathComponent("not-a-report.docx").path)
        #expect(report.problems().map(\.code) == ["report.unrecognised"])
        #expect(report.checkTally.passed <= 1 && report.checkTally.failed == 0)
    }

    @Test func theValueACellHoldsIsNamedWithItsTableRowAndColumn() throws {
        let problem = try #require(try report("chinese-numeral.txt").problems().first)
        #expect(problem.subject == Subject(table: "表二（主动公开政府信息情况）", row: "规章", column: "本年制发件数"))
        #expect(problem.place == "第 16 行")
        // Under --fail-on error a warning is not something to fix.
        #expect(try report("chinese-numeral.txt").problems(failingAt: .error).isEmpty)
    }

    @Test func aNarrativeProblemPointsAtItsSentencesLine() throws {
        // Line 6 of narrative.txt is the sentence 2024年,我乡共收到政府信息公开申请3件 (its section heading is line 2).
        let problem = try #require(try report("narrative.txt").problems().first)
        #expect(problem.place == "第 6 行")
    }
}

/// `check` on what offices hold: problems planted in a DOCX made from the official template, and
/// in LibreOffice's HTML export of it (Scripts/make-check-office-fixtures.py).
@Suite struct OfficeCheckTests {
    struct Planted: Decodable {
        var codes: [String]
        var failing_checks: [[String]]
    }

    static let folder = Paths.checkFixtures.appendingPathComponent("office")
    static let planted: [String: Planted] = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode([String: Planted].self, from: data)
    }()

    @Test(arguments: planted.keys.sorted())
    func eachPlantedProblemIsFoundInTheOfficesOwnFormats(_ name: String) throws {
        let expected = try #require(Self.planted[name])
        let report = try Converter().convert(file: Self.folder.appendingPathComponent(name).path)
        #expect(report.problems().map(\.code).sorted() == expected.codes)
        let arithmetic = report.checks.filter {
            $0.status == .fail && ($0.id.hasPrefix("applications.") || $0.id.hasPrefix("review_litigation."))
        }
        #expect(arithmetic.map { [$0.id, $0.scope] }.sorted { $0.joined() < $1.joined() }
                == expected.failing_checks.sorted { $0.joined() < $1.joined() })
        // The narrative's figure was compared, in every variant: it is not left unchecked.
        #expect(report.checks.contains { $0.id == "narrative.new_received" && $0.status != .skipped })
    }

    @Test func aTableProblemInADocxNamesItsTableRowAndColumn() throws {
        let report = try Converter().convert(file: Self.folder.appendingPathComponent("wrong-cell.docx").path)
        let rowTotal = try #require(report.problems().first { $0.code == "applications.row_total" })
        #expect(rowTotal.subject == Subject(table: "表三（收到和处理政府信息公开申请情况）",
                                            row: "一、本年新收政府信息公开申请数量", column: "总计"))
        #expect(rowTotal.found == "24908" && rowTotal.expected == "24909")
    }

    /// A DOCX has no lines: a problem in the text points at its paragraph by the paragraph's opening words.
    @Test func aNarrativeProblemInADocxNamesItsParagraph() throws {
        let docx = try Converter().convert(file: Self.folder.appendingPathComponent("narrative.docx").path)
        #expect(try #require(docx.problems().first).place == "段落“本报告中所列数据的统计期限为20…”")
        let html = try Converter().convert(file: Self.folder.appendingPathComponent("narrative.html").path)
        #expect(try #require(html.problems().first).place.hasPrefix("第 "))
    }
}

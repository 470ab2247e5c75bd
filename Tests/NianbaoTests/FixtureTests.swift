import Foundation
import Nianbao
import Testing

/// Fixtures made by Scripts/make-text-fixtures.py and Scripts/make-docx-fixtures.py: every cell a
/// different number, breakages moved around, blanks, encodings, DOCX from several producers.
/// Each NAME.expected.json holds what the script put in each cell.
@Suite struct FixtureTests {
    static let fixtures = (Paths.files(in: Paths.textFixtures, ending: ".txt")
        + Paths.files(in: Paths.docxFixtures, ending: ".expected.json").map {
            $0.deletingPathExtension().deletingPathExtension().appendingPathExtension("docx")
        }
        + Paths.files(in: Paths.pdfFixtures, ending: ".expected.json").map {
            $0.deletingPathExtension().deletingPathExtension().appendingPathExtension("pdf")
        }
        + Paths.files(in: Paths.htmlFixtures, ending: ".html")
        + Paths.files(in: Paths.editionFixtures, ending: "").filter { !$0.lastPathComponent.hasSuffix(".expected.json") }
        + Paths.files(in: Paths.formFixtures, ending: "").filter { !$0.lastPathComponent.hasSuffix(".expected.json") }).map { $0.path.replacingOccurrences(of: Paths.root.path + "/", with: "") }

    struct Expected {
        var organ: String
        var year: Int
        var tables: [String: [String: [String: Double?]]?]
        var failingChecks: Set<String>
        /// The edition of each table and of the report, where the fixture states them.
        var editions: [String: String?]
        var template: String??

        init(_ url: URL) throws {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            organ = json["organ"] as! String
            year = json["year"] as! Int
            tables = (json["tables"] as! [String: [String: Any]]).mapValues { table in
                (table["values"] as? [String: [String: Any]])?.mapValues { row in
                    row.mapValues { ($0 as? NSNumber)?.doubleValue }
                }
            }
            failingChecks = Set((json["failing_checks"] as! [[String]]).map { "\($0[0])[\($0[1])]" })
            editions = (json["tables"] as! [String: [String: Any]]).compactMapValues { table in
                table.keys.contains("edition") ? .some(table["edition"] as? String) : nil
            }
            template = json.keys.contains("template") ? .some(json["template"] as? String) : nil
        }
    }

    @Test func thereAreFixturesOfEveryLayout() {
        for layout in ["text/tab-", "text/pipe-", "text/cell-per-line", "docx/template-filled", "docx/python-docx", "pdf/template-filled",
                       "html/template-filled.libreoffice", "html/template-filled.pandoc", "html/template-filled.page",
                       "forms/dense.layout", "forms/sparse.layout", "forms/dense.pandoc", "forms/dense.gfm",
                       "forms/dense.plain", "forms/dense.grid", "forms/dense.gridplain", "forms/dense.crawler", "forms/sparse.crawler", "forms/sparse.cutoff",
                       "editions/report-2019.docx", "editions/report-2019.libreoffice.html", "editions/report-2019.pandoc.html",
                       "editions/mixed.docx", "editions/merged-blanks.docx", "editions/merged-blanks.libreoffice.html"] {
            #expect(Self.fixtures.contains { $0.contains(layout) }, "\(layout)")
        }
    }

    @Test(arguments: fixtures)
    func everyValueIsAtItsKey(_ name: String) throws {
        let input = Paths.root.appendingPathComponent(name)
        let expected = try Expected(input.deletingPathExtension().appendingPathExtension("expected.json"))
        let report = try Converter().convert(file: input.path)

        #expect(report.meta.organ == expected.organ)
        #expect(report.meta.year == expected.year)
        // A cut-off page ends inside section 三.
        #expect(report.sections.count == (name.hasSuffix("spans.html") ? 1 : name.contains(".cutoff.") ? 3 : 6))
        if let template = expected.template { #expect(report.meta.template == template) }
        for table in report.tables {
            if let edition = expected.editions[table.key] { #expect(table.edition == edition, "\(table.key)") }
            let wanted = try #require(expected.tables[table.key])
            #expect(table.present == (wanted != nil), "\(table.key)")
            guard let wanted else {
                #expect(table.values == nil)
                continue
            }
            let values = try #require(table.values)
            #expect(values.rows.count == wanted.count)
            for row in values.rows {
                for cell in row.cells {
                    #expect(cell.value == wanted[row.key]?[cell.key] ?? nil, "\(table.key).\(row.key).\(cell.key)")
                }
            }
        }
        // The tables' arithmetic: the text around them (placeholders, narrative) is CheckTests' concern.
        let arithmetic = Set(Edition.all.flatMap(\.rules).map(\.id))
        let failing = Set(report.checks.filter { $0.status == .fail && arithmetic.contains($0.id) }.map { "\($0.id)[\($0.scope)]" })
        #expect(failing == expected.failingChecks)
    }

    @Test func theWrongTotalIsNamedInTheMessages() throws {
        let report = try Converter().convert(file: Paths.textFixtures.appendingPathComponent("tab-wrong-total.txt").path)
        let failed = report.checks.filter { $0.status == .fail && $0.id.hasPrefix("applications.") }
        #expect(failed.map(\.id) == ["applications.balance", "applications.outcomes", "applications.row_total"])
        #expect(failed.allSatisfy { $0.cells.contains("applications.total.natural_person") })
        #expect(failed.allSatisfy { $0.message.contains("相差 1") })
    }

    @Test func gb18030AndUTF8GiveTheSameReport() throws {
        let utf8 = try Converter().convert(file: Paths.textFixtures.appendingPathComponent("tab-balanced.txt").path)
        let gb = try Converter().convert(file: Paths.textFixtures.appendingPathComponent("tab-gb18030.txt").path)
        let crlf = try Converter().convert(file: Paths.textFixtures.appendingPathComponent("tab-bom-crlf.txt").path)
        #expect(gb.source.encoding == "GB18030")
        #expect(gb.sections == utf8.sections)
        #expect(gb.tables == utf8.tables)
        #expect(crlf.sections == utf8.sections)
        #expect(crlf.tables == utf8.tables)
    }
}

import NianbaoModel
import NianbaoTables
import Testing
@testable import NianbaoWriters

@Suite struct CSVTests {
    @Test func fieldsAreQuotedAsRFC4180Says() {
        #expect(CSVFormat.record(["a", "b,c", "say \"hi\"", "two\nlines", " edge", ""]) ==
                "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\" edge\",\r\n")
    }

    @Test func aQuoteOrCommaIsQuotedEvenWithAMarkJoinedToIt() {
        // "\"\u{301}" is one Character that is not a quote; its bytes still hold one.
        #expect(CSVFormat.record(["x\"\u{301}", "a,\u{301}", "=1+2", "-3"]) == "\"x\"\"\u{301}\",\"a,\u{301}\",'=1+2,-3\r\n")
    }

    @Test func theLongCSVIsTheLongRecordsWrittenOut() {
        let bytes = ReportCSV.longCSV(report())
        #expect(String(decoding: bytes, as: UTF8.self) == ReportCSV.longRecords(report()).map(CSVFormat.record).joined())
    }

    func report() -> Report {
        var values = TableValues(rows: Template2021.activeDisclosure.rows.map { row in
            RowValues(key: row.key, cells: row.columns.map { ColumnValue(key: $0.key, value: nil, label: $0.label) },
                      label: row.label)
        })
        values["regulations", "issued"] = 3
        values["fees", "amount"] = 9.51
        return Report(
            source: SourceInfo(path: "a/b.txt", format: .text, encoding: "UTF-8", layout: "tab", sha256: ""),
            meta: Meta(organ: "某局", year: 2024), sections: [],
            tables: [StandardTable(key: "active_disclosure", present: true, values: values, grid: nil, location: nil),
                     .absent("applications"), .absent("review_litigation")],
            otherTables: [],
            checks: [Check(id: "x", scope: "y", status: .skipped, message: "", cells: [])],
            diagnostics: [Diagnostic(.warning, "table.absent", "")])
    }

    @Test func longFormHasALinePerValueOfEachPresentTable() {
        let records = ReportCSV.longRecords(report())
        #expect(records.count == 10)
        #expect(records[0] == ["a/b.txt", "某局", "2024", "active_disclosure", "regulations", "issued", "3", "规章", "本年制发件数"])
        #expect(records[1][6] == "")
        #expect(records.last == ["a/b.txt", "某局", "2024", "active_disclosure", "fees", "amount", "9.51", "行政事业性收费",
                                 "本年收费金额（单位：万元）"])
    }

    @Test func wideFormHasAColumnPerCanonicalValue() {
        let header = ReportCSV.wideHeader
        // The 2021 values, the counts, then what only 2019 tables have: table 二's new columns and rows, （六）其他处理.
        #expect(header.count == 3 + 10 + 175 + 15 + 6 + 19 + 7)
        #expect(header[3 + 10 + 175 + 15 + 6] == "active_disclosure.regulations.new_made")
        #expect(header.last == "applications.other_processing.total")
        #expect(header[3] == "active_disclosure.regulations.issued")
        #expect(header.contains("applications.not_processed_repeat.legal_service"))
        let record = ReportCSV.wideRecord(report())
        #expect(record.count == header.count)
        #expect(record[3] == "3")
        #expect(record[header.firstIndex(of: "active_disclosure.fees.amount")!] == "9.51")
        #expect(record[header.firstIndex(of: "applications.total.total")!] == "")
        #expect(Array(record[(3 + 10 + 175 + 15)...].prefix(6)) == ["0", "0", "1", "0", "1", "0"])
    }
}

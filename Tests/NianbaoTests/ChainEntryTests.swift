import Foundation
import NianbaoModel
import Testing
@testable import Nianbao

/// A batch keeps of each input only the chain rows' numbers; the report rebuilt from them is the one
/// the checks across years read from the whole record.
@Suite struct ChainEntryTests {
    @Test(arguments: ["docx/template-filled.docx", "editions/report-2019.docx", "editions/mixed.docx",
                      "editions/merged-blanks.docx", "forms/dense.cutoff.txt"])
    func theRebuiltChainIsTheRecordsChain(_ name: String) throws {
        let report = try Converter().convert(file: Paths.root.appendingPathComponent("Tests/Fixtures/" + name).path)
        let chain = ChainEntry.chainTables(report)
        let entry = ChainEntry(path: name, organ: report.meta.organ, year: report.meta.year, chain: chain)
        #expect(entry.tables.allSatisfy { if case .compact = $0 { true } else { false } }, "kept whole")
        // YearChain reads no locations, so the entry keeps none.
        #expect(entry.report.tables == chain.map { var table = $0; table.location = nil; return table })
        #expect(entry.report.meta.organ == report.meta.organ && entry.report.meta.year == report.meta.year)
        // The record keeps the entry's numbers as they were.
        var record = BatchRecord(path: name, size: 1, modified: 0, formats: ["json"])
        record.chain = entry.tables
        #expect(BatchRecord(bytes: record.bytes)?.chain == entry.tables)
    }
}

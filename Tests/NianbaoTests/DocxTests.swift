import Foundation
@testable import Nianbao
import Testing

/// DOCX reports: the official template's structure, Word features, other producers, bad packages.
@Suite struct DocxTests {
    func convert(_ name: String) throws -> Report {
        try Converter().convert(file: Paths.docxFixtures.appendingPathComponent(name).path)
    }

    func sourceTables(_ name: String) throws -> [SourceTable] {
        let bytes = [UInt8](try Data(contentsOf: Paths.docxFixtures.appendingPathComponent(name)))
        return try DocxReader().read(bytes).blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    @Test func theTemplatesMergedCellsComeOutWithTheirTrueSpans() throws {
        let tables = try sourceTables("template-filled.docx")
        #expect(tables.count == 3)
        let cells = tables[1].rows.flatMap(\.cells)
        #expect(cells.first { $0.text == "三、本年度办理结果" }.map { [$0.rowSpan, $0.colSpan] } == [22, 1])
        #expect(cells.first { $0.text == "（三）不予公开" }?.rowSpan == 8)
        #expect(cells.first { $0.text.hasPrefix("（本列数据的勾稽关系为") }.map { [$0.rowSpan, $0.colSpan] } == [3, 3])
        #expect(cells.first { $0.text == "（一）予以公开" }?.colSpan == 2)
        #expect(cells.first { $0.text == "申请人情况" }?.colSpan == 7)
    }

    @Test func theRepairedGridsHaveTheTemplatesSpans() throws {
        let report = try convert("template-filled.docx")
        for (source, key) in zip(try sourceTables("template-filled.docx"), ["active_disclosure", "applications", "review_litigation"]) {
            let read = GenericGrid.build(source)
            let repaired = try #require(report.table(key)?.grid)
            #expect(repaired.columns == read.columns, "\(key)")
            #expect(repaired.rows.map { $0.map { [$0.rowSpan, $0.colSpan] } } == read.rows.map { $0.map { [$0.rowSpan, $0.colSpan] } },
                    "\(key)")
            #expect(repaired.rows.map { $0.map { LabelKey($0.text).text } } == read.rows.map { $0.map { LabelKey($0.text).text } },
                    "\(key)")
        }
    }

    @Test func headingsThatExistOnlyAsNumberingKeepTheirNumbers() throws {
        let report = try convert("features.docx")
        #expect(report.sections.map(\.heading) == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                                 "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"])
        #expect(report.sections[0].paragraphs.first == "（一）主动公开情况")
        #expect(report.sections[0].paragraphs.contains("（二）依申请公开情况"))
    }

    @Test func wordFeaturesYieldTheAcceptedText() throws {
        let paragraphs = try convert("features.docx").sections[0].paragraphs
        // Tracked changes accepted, hyperlink text kept.
        #expect(paragraphs.contains("本机关全年主动公开信息，详见政府网站。"))
        // Tabs and breaks fold to spaces, the soft hyphen is dropped, the symbol kept.
        #expect(paragraphs.contains("甲 乙 丙丁★"))
        // A text box is read once though the file holds it twice (mc:Choice and mc:Fallback).
        #expect(paragraphs.filter { $0 == "文本框内的说明文字" }.count == 1)
        // A simple field keeps its result.
        #expect(paragraphs.contains("第3页"))
        #expect(!paragraphs.joined().contains("删去的旧说法"))
    }

    @Test func imagesFieldsContentControlsAndSmallTables() throws {
        let report = try convert("features.docx")
        #expect(report.sections[0].images == ["word/media/image1.png"])
        // The complex DATE field's result and the content control give the signature.
        #expect(report.meta.published == "2025-01-20")
        #expect(report.sections[5].paragraphs.suffix(2) == ["示例县示例镇人民政府", "2025年1月20日"])
        #expect(report.otherTables.map { $0.rows.map { $0.map(\.text) } } == [
            [["栏目", "条数"], ["工作动态", "20"]],
            [["内嵌表格"]],
            [["渠道", "数量"], ["", "网站", "15"]],
        ])
        #expect(report.otherTables[2].rows[0][0].colSpan == 2)
        #expect(report.source.properties?.created != nil)
    }

    @Test func aDocumentThatIsNoReportKeepsItsContent() throws {
        let report = try convert("not-a-report.docx")
        #expect(report.diagnostics.map(\.code) == ["report.unrecognised"])
        #expect(report.meta.preamble == ["关于召开工作会议的通知", "各科室：定于下周一上午召开工作会议，请准时参加。", "办公室"])
        #expect(report.otherTables.map { $0.rows.map { $0.map(\.text) } } == [[["科室", "人数"], ["办公室", "3"]]])
        #expect(report.tables.allSatisfy { !$0.present })
    }

    @Test(arguments: [
        ("no-document.docx", "缺少主文档"),
        ("doctype-entities.docx", "DTD"),
        ("malformed-xml.docx", "不是格式正确的 XML"),
        ("truncated.docx", "不是有效的 zip 包"),
    ])
    func brokenPackagesAreRefusedWithTheirReason(_ name: String, _ reason: String) throws {
        let path = Paths.docxFixtures.appendingPathComponent("broken/\(name)").path
        #expect {
            try Converter().convert(file: path)
        } throws: { error in
            let message = String(describing: error)
            return message.hasPrefix(path) && message.contains(reason) && !message.contains("root:")
        }
    }
}

/// A large DOCX file is read where it lies (its parts through the open file, its digest a megabyte at
/// a time); its bytes given in memory are read as they are. Both must make one report.
@Suite struct DocxInPlaceTests {
    static let packages = (try? FileManager.default.contentsOfDirectory(atPath: Paths.docxFixtures.path))?
        .filter { $0.hasSuffix(".docx") }.sorted() ?? []

    @Test(arguments: packages)
    func aFileReadWhereItLiesMakesTheReportItsBytesMake(_ name: String) throws {
        let path = Paths.docxFixtures.appendingPathComponent(name).path
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var inPlace = Converter()
        inPlace.inPlaceBytes = 1
        let fromFile = Result { () throws(ConversionError) in try inPlace.convert(file: path) }
        let fromBytes = Result { () throws(ConversionError) in try Converter().convert(bytes, path: path) }
        #expect(fromFile == fromBytes)
        #expect(try fromFile.get().source.sha256 == SHA256.hex(bytes))
    }

    @Test func theDigestOfAFileReadInPiecesIsTheDigestOfItsBytes() throws {
        // Three pieces and a bit: the digest is read a megabyte at a time.
        var bytes = [UInt8](repeating: 0, count: 3 << 20 + 12_345)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 13) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-digest-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try OpenInput(path).digest() == SHA256.hex(bytes))
    }

    @Test func aFileChangedWhileReadIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-changed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("PK".utf8).write(to: URL(fileURLWithPath: path))
        let file = try OpenInput(path)
        try file.checkUnchanged()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("more".utf8))
        try handle.close()
        #expect { try file.checkUnchanged() } throws: { error in String(describing: error).contains("changed while it was read") }
    }
}

/// Limits set low, to see each one refuse.
@Suite struct LimitTests {
    @Test func aFileOverItsFormatsLimitIsRefusedBeforeReading() throws {
        var limits = ReaderLimits()
        limits.textBytes = 1000
        let path = Paths.samples.appendingPathComponent("000_1fc2bd555d7c5ccd.txt").path
        #expect {
            try Converter(limits: limits).convert(file: path)
        } throws: { error in String(describing: error).contains("文件过大") }
        // The DOCX limit is another one.
        _ = try Converter(limits: limits).convert(file: Paths.samples.appendingPathComponent("template-2021-filled.docx").path)
    }

    @Test func anEntryExpandingPastItsLimitIsAZipBomb() throws {
        var limits = ReaderLimits()
        limits.zip.entryBytes = 10_000
        let path = Paths.docxFixtures.appendingPathComponent("template-filled.docx").path
        #expect {
            try Converter(limits: limits).convert(file: path)
        } throws: { error in String(describing: error).contains("zip 炸弹") }
    }

    @Test func aShallowNestingLimitRefusesTheTemplate() throws {
        var limits = ReaderLimits()
        limits.xml.depth = 5
        limits.htmlDepth = 5
        for path in [Paths.docxFixtures.appendingPathComponent("template-filled.docx"),
                     Paths.htmlFixtures.appendingPathComponent("template-filled.libreoffice.html")] {
            #expect {
                try Converter(limits: limits).convert(file: path.path)
            } throws: { error in String(describing: error).contains("嵌套") }
        }
    }
}

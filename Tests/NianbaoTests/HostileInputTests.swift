import Foundation
import Nianbao
import Testing

/// The hostile corpus of Scripts/make-hostile-corpus.py (Scripts/test builds it into
/// .build/hostile-corpus): every file gets its clear answer and nothing is read from the disk; the
/// time each took is printed, not asserted.
@Suite struct HostileInputTests {
    static let corpus = URL(fileURLWithPath: ProcessInfo.processInfo.environment["NIANBAO_HOSTILE_CORPUS"]
                            ?? Paths.root.appendingPathComponent(".build/hostile-corpus").path)

    /// A file and the words its error must contain; nil where the file converts.
    static let refused: [(String, String)] = [
        ("zip-bomb.docx", "zip 炸弹"), ("zip-bomb-lying.docx", "zip 炸弹"),
        ("xxe.docx", "DTD"), ("billion-laughs.docx", "实体"),
        ("truncated-10.docx", "zip"), ("truncated-50.docx", "zip"), ("truncated-90.docx", "zip"), ("truncated-99.docx", "zip"),
        ("no-document.docx", "主文档"), ("empty.docx", "文件为空"), ("bad-encoding.docx", "不是格式正确的 XML"),
        ("random.docx", "不是 DOCX"), ("random.html", "二进制"), ("random.txt", "二进制"),
        ("nested-10000.docx", "嵌套过深"), ("nested-10000.html", "嵌套过深"),
        ("long-line.txt", "文件过大"),
        ("colspan-1000x1000.html", "格位"), ("rowspan-0.html", "格位"),
        ("two-documents.docx", "同名部件"), ("workbook-named.docx", "Excel 工作簿"),
        ("pdf-truncated.pdf", "不是有效的 PDF"), ("pdf-3000-pages.pdf", "上限为 2000 页"),
        ("grid-wide.md", "单元格"),
        ("pdf-count-1e9.pdf", "没有文字"), ("pdf-nested-100000.pdf", "没有文字"), ("pdf-no-text.pdf", "没有文字"),
    ]

    /// Files that convert, and a diagnostic code their report must carry (nil: none in particular).
    static let converted: [(String, String?)] = [
        ("xxe.html", nil), ("invalid-utf8.txt", "encoding.invalid"), ("error-page.docx", "report.unrecognised"),
        ("utf16le-bom.txt", nil), ("utf16be-bom.txt", nil), ("utf16le.txt", nil), ("short-lines.txt", nil),
        // Integers from the file past their bounds are clamped and said so.
        ("gridspan-max.docx", "table.span_clamped"), ("gridspan-min.docx", "table.span_clamped"),
        ("gridspan-999999999.docx", "table.span_clamped"), ("gridspan-20-digits.docx", "table.span_clamped"),
        ("gridbefore-max.docx", "table.span_clamped"), ("hmerge-40000.docx", "table.span_clamped"),
        ("row-40000-cells.docx", nil),
        ("numbering-start-max.docx", "list.number_clamped"), ("numbering-start-min.docx", "list.number_clamped"),
        ("numbering-override-max.docx", "list.number_clamped"), ("numbering-level-max.docx", "list.number_clamped"),
        ("numbering-level-minus-1.docx", "list.number_clamped"), ("numbering-level-1e8.docx", "list.number_clamped"),
        ("numbering-ideograph-minus-1.docx", nil), ("numbering-upperLetter-1e12.docx", "list.number_clamped"),
        ("numbering-upperRoman-1e12.docx", "list.number_clamped"), ("numbering-chineseCounting-1e12.docx", "list.number_clamped"),
        ("ol-start-max.html", "list.number_clamped"), ("ol-letters-1e13.html", "list.number_clamped"),
        // Lines of separators and a million paragraphs cost time linear in their count.
        ("lines-of-bars.txt", nil), ("lines-of-tabs.txt", nil), ("lines-of-rules.txt", nil), ("paragraphs-1m.txt", nil),
        // Encodings: a contradicted declaration, a lone surrogate, one bad byte in GB18030.
        ("gbk-declared-iso-8859-1.html", "encoding.mismatch"), ("gbk-declared-windows-1252.html", "encoding.mismatch"),
        ("gbk-declared-koi8-r.html", "encoding.mismatch"), ("lone-surrogate-utf16.txt", "encoding.invalid"),
        ("gb18030-one-bad-byte.txt", "encoding.invalid"),
        ("numbers.txt", "value.unreadable"), ("glued-ones.txt", "value.ambiguous"), ("grid-huge.md", nil), ("vanish-title.docx", nil), ("vanish-digit.docx", nil), ("hidden.html", nil),
        // poppler rebuilds a broken cross-reference table.
        ("pdf-broken-xref.pdf", nil),
    ]

    /// Prints how long an input took; memory per input is measured by Scripts/hostile-report,
    /// one process each, since tests here share theirs.
    @discardableResult
    func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = Date()
        defer { print(String(format: "hostile %@: %.3f s", name, Date().timeIntervalSince(start))) }
        return try body()
    }

    @Test(arguments: refused)
    func isRefusedWithItsReason(_ name: String, _ reason: String) throws {
        let path = Self.corpus.appendingPathComponent(name).path
        try #require(FileManager.default.fileExists(atPath: path), "run Scripts/make-hostile-corpus.py first")
        measure(name) {
            #expect {
                try Converter().convert(file: path)
            } throws: { error in
                let message = String(describing: error)
                return message.hasPrefix(path) && message.contains(reason) && !message.contains("root:")
            }
        }
    }

    @Test(arguments: converted)
    func convertsAndSaysWhatWasWrong(_ name: String, _ code: String?) throws {
        let path = Self.corpus.appendingPathComponent(name).path
        try #require(FileManager.default.fileExists(atPath: path), "run Scripts/make-hostile-corpus.py first")
        let report = try measure(name) { try Converter().convert(file: path) }
        if let code { #expect(report.diagnostics.contains { $0.code == code }) }
        let json = ReportJSON.text(report) + ReportText.text(report)
        #expect(!json.contains("root:x:0:0"))
        #expect((try? JSONSerialization.jsonObject(with: Data(ReportJSON.text(report).utf8))) != nil)
        if name.hasPrefix("utf16") {
            #expect(report.meta.organ == "三门峡市陕州区西李村乡人民政府")
            #expect(report.sections.count == 6)
        }
    }

    /// Hidden text is no content: a hidden title gives no organ, a hidden digit does not join the number after it.
    @Test func hiddenTextIsNotRead() throws {
        for name in ["vanish-title.docx", "vanish-digit.docx", "hidden.html"] {
            let path = Self.corpus.appendingPathComponent(name).path
            try #require(FileManager.default.fileExists(atPath: path), "run Scripts/make-hostile-corpus.py first")
            let json = ReportJSON.text(try Converter().convert(file: path))
            #expect(!json.contains("假机关") && !json.contains("2099") && !json.contains("13951") && !json.contains("隐藏"), "\(name)")
        }
        let title = try Converter().convert(file: Self.corpus.appendingPathComponent("vanish-title.docx").path)
        #expect(title.meta.organ == "真机关" && title.meta.year == 2023)
        let cells = try Converter().convert(file: Self.corpus.appendingPathComponent("hidden.html").path).otherTables
        #expect(cells.first?.rows.last?.map(\.text) == ["规章", "3951"])
    }

    /// A value goes out as written or not at all: every value-like text that is no plain decimal is
    /// null and named in a diagnostic, never read as another number.
    @Test func numbersAreExactOrUnreadable() throws {
        let path = Self.corpus.appendingPathComponent("numbers.txt").path
        try #require(FileManager.default.fileExists(atPath: path), "run Scripts/make-hostile-corpus.py first")
        let report = try Converter().convert(file: path)
        let values = try #require(report.tables.first { $0.key == "active_disclosure" }?.values)
        for row in ["regulations", "normative_documents"] {
            for column in ["issued", "repealed", "in_force"] { #expect(values[row, column] == nil) }
        }
        for row in ["licensing", "punishment", "coercion", "fees"] { #expect(values.rows.first { $0.key == row }?.cells.first?.value == nil) }
        let named = report.diagnostics.filter { $0.code == "value.unreadable" }.map(\.message)
        for text in ["1e309", "0x1A", ".5", "99999999999999999999", "9007199254740993", "1,2,3,4", "一百", "(5)", "约5", "1 234"] {
            #expect(named.contains { $0.contains("“\(text)”") }, "\(text)")
        }
    }

    @Test func libxml2PrintsNothingOfItsOwn() throws {
        let path = Self.corpus.appendingPathComponent("bad-encoding.docx").path
        try #require(FileManager.default.fileExists(atPath: path), "run Scripts/make-hostile-corpus.py first")
        let result = try CommandLineTests().run(["convert", path])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("nianbao: \(path)："))
    }
}

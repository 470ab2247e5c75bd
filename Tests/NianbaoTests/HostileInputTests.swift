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
    ]

    /// Files that convert, and a diagnostic code their report must carry (nil: none in particular).
    static let converted: [(String, String?)] = [
        ("xxe.html", nil), ("invalid-utf8.txt", "encoding.invalid"), ("error-page.docx", "report.unrecognised"),
        ("utf16le-bom.txt", nil), ("utf16be-bom.txt", nil), ("utf16le.txt", nil), ("short-lines.txt", nil),
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
        if name.hasPrefix("utf16") {
            #expect(report.meta.organ == "三门峡市陕州区西李村乡人民政府")
            #expect(report.sections.count == 6)
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

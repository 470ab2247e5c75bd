import Foundation
import Nianbao
import Testing

/// `batch` over a folder mixing every format with bad files.
@Suite struct BatchTests {
    /// The samples, plus one DOCX: every one a report; 004 lacks tables 二 and 四 (25 values).
    let goodInputs = Paths.files(in: Paths.samples, ending: "").count + 1

    /// A fresh folder of inputs: the samples, a DOCX in a subfolder, and three bad files.
    func makeInputs() throws -> (input: URL, output: URL) {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("nianbao-batch-\(UUID().uuidString)")
        let input = root.appendingPathComponent("in")
        try fm.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for sample in Paths.files(in: Paths.samples, ending: "") {
            try fm.copyItem(at: sample, to: input.appendingPathComponent(sample.lastPathComponent))
        }
        try fm.copyItem(at: Paths.docxFixtures.appendingPathComponent("features.docx"),
                        to: input.appendingPathComponent("sub/features.docx"))
        try fm.copyItem(at: Paths.docxFixtures.appendingPathComponent("broken/truncated.docx"),
                        to: input.appendingPathComponent("sub/corrupt.docx"))
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 >> 3) })
            .write(to: input.appendingPathComponent("sub/blob.html"))
        return (input, root.appendingPathComponent("out"))
    }

    /// Every file below a folder with its bytes.
    func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url), !url.hasDirectoryPath {
                files[url.path.replacingOccurrences(of: folder.path, with: "")] = data
            }
        }
        return files
    }

    @Test func goodInputsConvertBadOnesAreListedAndInputsStayUntouched() throws {
        let (input, output) = try makeInputs()
        defer { try? FileManager.default.removeItem(at: input.deletingLastPathComponent()) }
        let before = snapshot(input)
        let summary = try BatchRunner(BatchOptions(input: input, output: output, formats: [.json, .csv, .csvWide, .text],
                                                   jobs: 2)).run()
        #expect(summary.files == goodInputs + 3)
        #expect(summary.converted == goodInputs)
        #expect(summary.errors == 3)
        #expect(summary.recognised == goodInputs)
        #expect(snapshot(input) == before)

        let rows = try CSVTable(contentsOf: output.appendingPathComponent("summary.csv"))
        #expect(rows.header == ["path", "format", "status", "organ", "year", "checks_failed", "error", "warnings", "problems"])
        let byPath = Dictionary(uniqueKeysWithValues: rows.records.map { ($0[0], $0) })
        #expect(byPath["empty.txt"]?[2] == "error")
        #expect(byPath["empty.txt"]?[6].contains("文件为空") == true)
        #expect(byPath["sub/corrupt.docx"]?[6].contains("不是有效的 zip 包") == true)
        #expect(byPath["sub/blob.html"]?[2] == "error")
        // features.docx converts, and leaves the template's （文字描述） in section 五: something to fix.
        #expect(byPath["sub/features.docx"]?[1...4] == ["docx", "problems", "示例县示例镇人民政府", "2024"])
        #expect(byPath["sub/features.docx"]?[8] == "1")
        let problems = try CSVTable(contentsOf: output.appendingPathComponent("problems.csv"))
        #expect(problems.header == ProblemList.header)
        #expect(problems.records.filter { $0[0] == "sub/features.docx" }.map { $0[4] } == ["text.placeholder"])
        #expect(problems.records.filter { $0[4] == "file.unreadable" }.count == 3)
        #expect(rows.records.count == goodInputs + 3)

        for name in ["002_032b4f47aa39f490.txt", "sub/features.docx"] {
            for suffix in ["json", "csv", "wide.csv", "norm.txt"] {
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(name).\(suffix)").path))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("empty.txt.json").path))
    }

    @Test func theWideCSVHasOneRowPerReportAndEveryValueAsAColumn() throws {
        let (input, output) = try makeInputs()
        defer { try? FileManager.default.removeItem(at: input.deletingLastPathComponent()) }
        _ = try BatchRunner(BatchOptions(input: input, output: output, formats: [.csvWide], jobs: 2, bom: true)).run()
        let raw = try Data(contentsOf: output.appendingPathComponent("all-wide.csv"))
        #expect(raw.starts(with: [0xEF, 0xBB, 0xBF]))
        let wide = try CSVTable(contentsOf: output.appendingPathComponent("all-wide.csv"))
        #expect(wide.header == ReportCSV.wideHeader)
        #expect(wide.records.count == goodInputs)
        #expect(wide.records.allSatisfy { $0.count == wide.header.count })
        let fee = wide.header.firstIndex(of: "active_disclosure.fees.amount")!
        let row002 = try #require(wide.records.first { $0[0] == "002_032b4f47aa39f490.txt" })
        #expect(row002[fee] == "9.51")
        let row004 = try #require(wide.records.first { $0[0] == "004_8dc319be4d1513fc.txt" })
        #expect(row004[fee] == "")

        // The combined long CSV holds every value of every report once, under one header.
        let all = try CSVTable(contentsOf: output.appendingPathComponent("all.csv"))
        #expect(all.header == ReportCSV.longHeader)
        #expect(all.records.count == goodInputs * 200 - 25)
        // Without CSV outputs, each input's rows come from its record, not from a file of their own.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".nianbao/parts").path))
    }

    @Test func anOutputFolderInsideTheInputIsRefused() throws {
        let (input, _) = try makeInputs()
        defer { try? FileManager.default.removeItem(at: input.deletingLastPathComponent()) }
        #expect(throws: BatchError.self) {
            try BatchRunner(BatchOptions(input: input, output: input.appendingPathComponent("out"))).run()
        }
    }
}

/// A small RFC 4180 reader for checking what the writers wrote.
struct CSVTable {
    var header: [String]
    var records: [[String]]

    init(contentsOf url: URL) throws {
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = text.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else {
                            quoted = false
                            if next == "," { row.append(field); field = "" }
                            else if next == "\r\n" || next == "\n" { row.append(field); rows.append(row); row = []; field = "" }
                        }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        header = rows.first ?? []
        records = Array(rows.dropFirst())
    }
}

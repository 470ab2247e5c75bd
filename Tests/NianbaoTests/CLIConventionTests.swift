import Foundation
import NianbaoWriters
import Testing

/// The command line's conventions as scripts and offices rely on them: exit codes, plain errors,
/// Excel-safe files, one output shape per --to, junk skipped.
@Suite struct CLIConventionTests {
    let cli = CommandLineTests()

    func sample(_ name: String) -> String { Paths.samples.appendingPathComponent(name).path }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-conv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let usageErrors: [[String]] = [
        ["convert", "--bogus"], ["convert", "--to", "xml"], ["batch", "Samples"], ["batch", "Samples", "-o", "/tmp/x", "--jobs", "0"],
        ["check", "--format", "xml"], ["convert", "a.txt", "b.txt", "--to", "text"], ["keys", "--to", "yaml"], ["frobnicate"],
    ]

    @Test(arguments: usageErrors)
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let result = try cli.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"))
    }

    @Test func errorsNameTheFileAndTheReasonWithoutFoundationText() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [([String], String, String)] = [
            (["convert", Paths.samples.path], Paths.samples.path, "是目录"),
            (["convert", sample("002_032b4f47aa39f490.txt"), "-o", folder.path + "/missing/r.json"], "missing/r.json", "所在目录不存在"),
            (["batch", sample("002_032b4f47aa39f490.txt"), "-o", folder.path + "/out"], "002_032b4f47aa39f490.txt", "不是目录"),
            (["convert", folder.path + "/nothing.docx"], "nothing.docx", "不存在"),
        ]
        for (arguments, path, reason) in cases {
            let result = try cli.run(arguments)
            #expect(result.status != 0)
            #expect(result.stderr.contains(path), "\(arguments)")
            #expect(result.stderr.contains(reason), "\(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("Error Domain"))
        }
    }

    @Test func shortOptionsAndVersion() throws {
        let version = try cli.run(["-V"])
        #expect(version.status == 0)
        #expect(String(decoding: version.stdout, as: UTF8.self).hasPrefix("nianbao "))
        let result = try cli.run(["convert", "-f", "text", "-t", "csv-wide", "-q", sample("002_032b4f47aa39f490.txt")])
        #expect(result.status == 0)
        #expect(String(decoding: result.stdout, as: UTF8.self).split(separator: "\r\n").count == 2)
    }

    /// `--to json` is one document per input, one after another: the same shape for one file or many.
    @Test func jsonIsOneDocumentPerInputWhateverTheirNumber() throws {
        for inputs in [[sample("002_032b4f47aa39f490.txt")], [sample("002_032b4f47aa39f490.txt"), sample("003_3f1e878054dbd65a.txt")]] {
            let result = try cli.run(["convert", "-q"] + inputs)
            #expect(result.status == 0)
            let text = String(decoding: result.stdout, as: UTF8.self)
            let documents = text.components(separatedBy: "\n}\n").filter { !$0.isEmpty }.map { $0 + "\n}" }
            #expect(documents.count == inputs.count)
            for (document, input) in zip(documents, inputs) {
                let json = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
                #expect((json["source"] as? [String: Any])?["path"] as? String == input)
            }
        }
    }

    @Test func standardInputTakesItsNameFromDashDashName() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sample("002_032b4f47aa39f490.txt")))
        let result = try cli.run(["convert", "-", "--name", "长皋乡.txt", "-t", "ndjson", "-q"], stdin: bytes)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((json["source"] as? [String: Any])?["path"] as? String == "长皋乡.txt")
        // A pipe given as a path (`<(curl …)`, /dev/stdin) is read to its end like a file.
        let piped = try cli.run(["convert", "/dev/stdin", "-t", "csv-wide", "-q"], stdin: bytes)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(String(decoding: piped.stdout, as: UTF8.self).contains("北票市长皋乡人民政府"))
    }

    @Test func warningsGoToStandardErrorUnlessQuiet() throws {
        let file = sample("004_8dc319be4d1513fc.txt")
        let loud = try cli.run(["convert", file])
        #expect(loud.stderr.contains("004_8dc319be4d1513fc.txt：警告 [table.image]"))
        let quiet = try cli.run(["convert", file, "--quiet"])
        #expect(quiet.stderr.isEmpty)
        #expect(loud.stdout == quiet.stdout)
    }

    @Test func csvNeutralisesFormulasAndKeepsNumbers() {
        #expect(CSVFormat.record(["=cmd|calc!A1.txt", "+1", "-3", "-2.5", "@SUM(A1)", "\tx", "-", "总计"])
            == "'=cmd|calc!A1.txt,+1,-3,-2.5,'@SUM(A1),'\tx,'-,总计\r\n")
    }

    /// An office's folder: Word's lock file, Thumbs.db and a hidden file are skipped with their reasons, not failures; a report whose
    /// name is a formula stays text in every CSV; the CSVs open in Excel (BOM) unless --no-bom.
    @Test func anOfficeFolderConvertsCleanly() throws {
        let fm = FileManager.default
        let root = try temporaryFolder()
        defer { try? fm.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        try fm.copyItem(atPath: sample("000_1fc2bd555d7c5ccd.txt"), toPath: input.appendingPathComponent("=cmd|calc!A1.txt").path)
        try fm.copyItem(atPath: sample("002_032b4f47aa39f490.txt"), toPath: input.appendingPathComponent("长皋乡.txt").path)
        try Data([0x31]).write(to: input.appendingPathComponent("~$某镇年报.docx"))
        try Data([0, 1, 2]).write(to: input.appendingPathComponent("Thumbs.db"))
        try Data("x".utf8).write(to: input.appendingPathComponent(".hidden.txt"))

        let out = root.appendingPathComponent("out")
        let result = try cli.run(["batch", input.path, "-o", out.path, "-t", "csv,ndjson"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(String(decoding: result.stdout, as: UTF8.self).contains("未读取 3 项"))
        let summary = String(decoding: try Data(contentsOf: out.appendingPathComponent("summary.csv")), as: UTF8.self)
        #expect(summary.hasPrefix("\u{FEFF}path,"))
        #expect(summary.contains("'=cmd|calc!A1.txt,text,ok,"))
        #expect(summary.contains("Thumbs.db,,skipped,"))
        #expect(summary.contains("~$某镇年报.docx,,skipped,"))
        #expect(summary.contains(".hidden.txt,,skipped,,,,\"隐藏文件，已跳过 (hidden file, skipped)\""))
        for name in ["all.csv", "=cmd|calc!A1.txt.csv"] {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)).starts(with: [0xEF, 0xBB, 0xBF]))
        }
        let lines = try String(contentsOf: out.appendingPathComponent("all.ndjson"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)

        let scripted = root.appendingPathComponent("scripted")
        _ = try cli.run(["batch", input.path, "-o", scripted.path, "-t", "csv", "--no-bom"])
        for name in ["summary.csv", "all.csv", "长皋乡.txt.csv"] {
            #expect(try !Data(contentsOf: scripted.appendingPathComponent(name)).starts(with: [0xEF, 0xBB, 0xBF]))
        }
    }

    @Test func keysListEveryCanonicalValueOfBothEditions() throws {
        let result = try cli.run(["keys", "--to", "csv"])
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\r\n")
        #expect(lines.first == "\u{FEFF}edition,table,row,column,key,table_label,row_label,column_label,unit,signed")
        #expect(lines.contains("2021,applications,new_received,natural_person,applications.new_received.natural_person,"
                               + "表三（收到和处理政府信息公开申请情况）,一、本年新收政府信息公开申请数量,自然人,件,no"))
        #expect(lines.filter { $0.hasPrefix("2021,") }.count == 200)
    }
}

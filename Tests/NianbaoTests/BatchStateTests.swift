import Foundation
import NianbaoModel
import Testing
@testable import Nianbao

/// The batch's own files under OUT/.nianbao: each input's record, and the manifest by which a
/// `--resume` that changes nothing keeps the closing files.
@Suite struct BatchStateTests {
    /// A record with every kind of field: texts holding the escapes' own characters, nil and "" apart,
    /// blank and empty chain values, a table kept whole.
    var record: BatchRecord {
        var record = BatchRecord(path: "区县/a\tb\\N.txt", size: 12_345, modified: 1_763_801_234.123_456_7,
                                 formats: ["json", "csv-wide"])
        record.status = .problems
        record.format = "text"
        record.organ = "某县人民政府\n办公室"
        record.year = 2023
        record.recognised = true
        record.checksFailed = 2
        record.warnings = 1
        record.problems = [["a.txt", "", "2023", "错误", "table.sum", "applications", "total", "\\N", "", "12", "行\r\n合计", "第 3 行"]]
        let whole = StandardTable.absent("reviews", name: "行政复议", numeral: "四")
        record.chain = [.compact(key: "applications", present: true, edition: "2021", values: [80, nil, 0.5, 1e16],
                                 unresolved: [false, true, false, false]),
                        .compact(key: "active", present: true, edition: nil, values: [], unresolved: []),
                        .compact(key: "other", present: false, edition: nil, values: nil, unresolved: []),
                        .whole(whole)]
        record.errorCode = ""
        record.wide = ["a", "", "\\", "\t"]
        record.csvRows = Array("a.txt,applications,total,12\r\na.txt,\"行\t1\",,\\N\r\n".utf8)
        record.ndjsonLine = Array("{\"source\":{\"path\":\"a.txt\"}}\n".utf8)
        return record
    }

    @Test func aRecordReadsBackAsItWasWritten() throws {
        #expect(BatchRecord(bytes: record.bytes) == record)
        // While inputs are converted, the lines only the closing files want are left unread.
        var partial = record
        (partial.wide, partial.csvRows, partial.ndjsonLine) = (nil, nil, nil)
        #expect(BatchRecord(bytes: record.bytes, whole: false) == partial)
        let failed = BatchRecord.failed("b.txt", code: "file.empty", reason: "空文件")
        #expect(BatchRecord(bytes: failed.bytes) == failed)
    }

    @Test func aRecordOfAnOlderFormIsReplacedOnResume() throws {
        let fm = FileManager.default
        let (input, output, cleanUp) = try batchOfOneSample()
        defer { cleanUp() }
        let done = output.appendingPathComponent(".nianbao/done")
        let record = try #require(fm.enumerator(atPath: done.path)?.allObjects.compactMap { $0 as? String }
            .first { $0.hasSuffix(".record") })
        // What 0.2.0 left: a JSON record under the same digest, and no record of this form.
        let json = done.appendingPathComponent(record).deletingPathExtension().appendingPathExtension("json")
        try Data(#"{"path":"a.txt"}"#.utf8).write(to: json)
        try fm.removeItem(at: done.appendingPathComponent(record))
        // Parts of all.csv in files of their own, as records of form 2 had them.
        let parts = output.appendingPathComponent(".nianbao/parts/ab")
        try fm.createDirectory(at: parts, withIntermediateDirectories: true)
        try Data("a.txt,applications,total,1\r\n".utf8).write(to: parts.appendingPathComponent("ab12.csv"))
        let again = try batch(input, output, resume: true)
        #expect(again.converted == 1 && again.resumed == 0)
        #expect(!fm.fileExists(atPath: json.path) && fm.fileExists(atPath: done.appendingPathComponent(record).path))
        #expect(!fm.fileExists(atPath: output.appendingPathComponent(".nianbao/parts").path))
    }

    @Test func aFileInAnotherFormIsNoRecord() {
        // What an older nianbao kept: --resume converts that input again.
        let json = #"{"path":"a.txt","size":1,"modified":0,"formats":["json"],"status":"ok"}"#
        #expect(BatchRecord(bytes: Array(json.utf8)) == nil)
        var lines = record
        (lines.csvRows, lines.ndjsonLine) = (nil, nil)
        var broken = lines.bytes
        broken.removeLast(9)
        broken += Array("\\q\n".utf8)
        #expect(BatchRecord(bytes: broken) == nil)
        // Parts after the lines that do not fill the sizes their line gives.
        #expect(BatchRecord(bytes: record.bytes.dropLast()) == nil)
        #expect(BatchRecord(bytes: record.bytes + [0x0A]) == nil)
    }

    @Test func nilAndTheTextBackslashNAreTwoFields() {
        let line = StateLines.line([nil, "\\N", "", "a\\"])
        #expect(String(decoding: line, as: UTF8.self) == "\\N\t\\\\N\t\ta\\\\\n")
        #expect(StateLines.lines(line) == [[nil, "\\N", "", "a\\"]])
    }

    func batch(_ input: URL, _ output: URL, resume: Bool) throws -> BatchSummary {
        var options = BatchOptions(input: input, output: output, formats: [.json, .ndjson], jobs: 2)
        options.resume = resume
        return try BatchRunner(options).run()
    }

    /// A fresh input folder holding `files`, and an output folder beside it, both removed by `cleanUp`.
    func folders(_ files: [(name: String, from: URL)]) throws -> (input: URL, output: URL, cleanUp: () -> Void) {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("nianbao-state-\(UUID().uuidString)")
        let input = root.appendingPathComponent("in")
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        for file in files { try fm.copyItem(at: file.from, to: input.appendingPathComponent(file.name)) }
        return (input, root.appendingPathComponent("out"), { try? fm.removeItem(at: root) })
    }

    /// A batch of one sample, a.txt, already run.
    func batchOfOneSample() throws -> (input: URL, output: URL, cleanUp: () -> Void) {
        let made = try folders([("a.txt", Paths.files(in: Paths.samples, ending: "")[0])])
        _ = try batch(made.input, made.output, resume: false)
        return made
    }

    func modified(_ url: URL) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }

    @Test func aResumeThatChangesNothingKeepsTheClosingFiles() throws {
        let fm = FileManager.default
        let samples = Paths.files(in: Paths.samples, ending: "")
        let (input, output, cleanUp) = try folders(samples.map { ($0.lastPathComponent, $0) })
        defer { cleanUp() }
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        let first = try batch(input, output, resume: false)
        let all = output.appendingPathComponent("all.csv"), summaryFile = output.appendingPathComponent("summary.csv")
        let made = try modified(all), summaryText = try Data(contentsOf: summaryFile)

        // The failed input is tried again, to the same record: nothing to make again.
        var again = try batch(input, output, resume: true)
        #expect(try modified(all) == made)
        #expect(again.resumed == samples.count && again.converted == 0 && again.errors == 1)
        again.resumed = first.resumed
        again.converted = first.converted
        again.seconds = first.seconds
        #expect(again == first)

        // A closing file removed is made again, whole.
        try fm.removeItem(at: summaryFile)
        _ = try batch(input, output, resume: true)
        #expect(try Data(contentsOf: summaryFile) == summaryText)

        // An input that changed is converted again, and the closing files with it.
        let changed = input.appendingPathComponent(samples[0].lastPathComponent)
        try (try Data(contentsOf: samples[1])).write(to: changed)
        let third = try batch(input, output, resume: true)
        #expect(third.converted == 1 && third.resumed == samples.count - 1)
        #expect(try modified(all) != made)
        let lines = String(decoding: try Data(contentsOf: output.appendingPathComponent("all.ndjson")), as: UTF8.self)
            .split(separator: "\n")
        #expect(lines.count == samples.count + 1)
    }

    @Test func aRunThatStopsAfterChangingARecordLeavesNoManifest() throws {
        let fm = FileManager.default
        let (input, output, cleanUp) = try batchOfOneSample()
        defer { cleanUp() }
        let manifest = output.appendingPathComponent(".nianbao/summaries")
        #expect(fm.fileExists(atPath: manifest.path))
        // The input changes, and summary.csv cannot be put in place: the run stops after the record changed.
        try Data(contentsOf: Paths.files(in: Paths.samples, ending: "")[1]).write(to: input.appendingPathComponent("a.txt"))
        let summaryFile = output.appendingPathComponent("summary.csv")
        try fm.removeItem(at: summaryFile)
        try fm.createDirectory(at: summaryFile.appendingPathComponent("in-the-way"), withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try batch(input, output, resume: true) }
        // Kept, the manifest would speak for closing files made from the record before.
        #expect(!fm.fileExists(atPath: manifest.path))
    }

    @Test func aRunTakesTheManifestAwayBeforeItChangesARecord() throws {
        let fm = FileManager.default
        let (input, output, cleanUp) = try batchOfOneSample()
        defer { cleanUp() }
        let state = output.appendingPathComponent(".nianbao")
        let options = BatchOptions(input: input, output: output, formats: [.json, .ndjson])
        let taken = try #require(BatchSummaryManifest.take(from: state))
        #expect(!fm.fileExists(atPath: state.appendingPathComponent("summaries").path))
        #expect(taken.key == BatchSummaryManifest(options, inputs: ["a.txt"], folder: InputFolder(input)).key)
        #expect(taken.filesAreWhole(in: output))
        // Another option makes other closing files.
        var wide = options
        wide.formats.append(.csvWide)
        #expect(taken.key != BatchSummaryManifest(wide, inputs: ["a.txt"], folder: InputFolder(input)).key)
    }

    /// Staged inputs are put in place a group at a time: none before the group is full, all after,
    /// each input's files in order, and an input whose file cannot be renamed keeps none after it.
    @Test func stagedFilesArePutInPlaceAGroupAtATime() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("nianbao-group-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let temporary = root.appendingPathComponent("tmp")
        try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
        func stage(_ names: [String]) throws -> [StagedFile] {
            let files = StagedFiles(temporaryFolder: temporary)
            for name in names { try files.add(Data(name.utf8), for: root.appendingPathComponent(name)) }
            return files.handOver()
        }
        let commits = GroupCommit(temporaryFolder: temporary, inputsPerGroup: 2, secondsPerGroup: 60)
        commits.add(try stage(["a.json", "a.record"]))
        #expect(!fm.fileExists(atPath: root.appendingPathComponent("a.record").path))
        // b's output cannot go where a folder stands: b's record stays out, c is put in place.
        try fm.createDirectory(at: root.appendingPathComponent("b.json/in-the-way"), withIntermediateDirectories: true)
        commits.add(try stage(["b.json", "b.record"]))
        commits.add(try stage(["c.json", "c.record"]))
        #expect(try String(contentsOf: root.appendingPathComponent("a.record"), encoding: .utf8) == "a.record")
        #expect(!fm.fileExists(atPath: root.appendingPathComponent("b.record").path))
        #expect(!fm.fileExists(atPath: root.appendingPathComponent("c.json").path))
        commits.finish()
        #expect(try String(contentsOf: root.appendingPathComponent("c.json"), encoding: .utf8) == "c.json")
        #expect(fm.fileExists(atPath: root.appendingPathComponent("c.record").path))
        #expect(try fm.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }
}

import Foundation
import Testing

/// The `nianbao` executable as a script uses it.
@Suite struct CommandLineTests {
    static let binary = Paths.root.appendingPathComponent(".build/debug/nianbao")

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        // Scripts/test builds the executable before the tests; without it these tests fail.
        try #require(FileManager.default.fileExists(atPath: Self.binary.path), "build nianbao first")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    func sample(_ name: String) -> URL { Paths.samples.appendingPathComponent(name) }

    @Test
    func convertReadsStandardInputAndWritesJSON() throws {
        let bytes = try Data(contentsOf: sample("002_032b4f47aa39f490.txt"))
        let result = try run(["convert", "-", "--to", "json"], stdin: bytes)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(json["schema"] as? String == "nianbao.report/1")
        #expect((json["source"] as? [String: Any])?["path"] is NSNull)
        let fees = ((json["tables"] as? [String: Any])?["active_disclosure"] as? [String: Any])?["values"] as? [String: Any]
        #expect((fees?["fees"] as? [String: Any])?["amount"] as? Double == 9.51)
    }

    /// `convert`'s everyday forms are read without argument-parser (QuickConvertArguments); the same
    /// words with `--timeout 60` (the default, which the quick reading leaves to argument-parser) must
    /// do exactly the same: output, messages, exit code, and the file written.
    @Test(arguments: [
        ["convert", "Samples/template-2021-filled.docx"],
        ["convert", "-q", "Samples/template-2021-filled.docx", "-t", "ndjson"],
        ["convert", "-q", "Samples/002_032b4f47aa39f490.txt", "-t", "csv", "--bom"],
        ["convert", "Samples/002_032b4f47aa39f490.txt", "Samples/000_1fc2bd555d7c5ccd.txt", "--to", "ndjson", "--from", "text"],
        ["convert", "Samples/000_1fc2bd555d7c5ccd.txt", "-t", "csv-wide", "-f", "auto", "--quiet"],
        ["convert", "Samples/template-2021-filled.docx", "-t", "text"],
        ["convert", "-", "--name", "stdin-report.txt", "-t", "json"],
        ["convert", "/nonexistent/report.txt", "Samples/000_1fc2bd555d7c5ccd.txt"],
        ["convert", "Samples/002_032b4f47aa39f490.txt", "-f", "docx"],
        ["convert", "Samples/002_032b4f47aa39f490.txt", "Samples/000_1fc2bd555d7c5ccd.txt", "-t", "text"],
        ["convert", "Samples/002_032b4f47aa39f490.txt", "-t", "xlsx"],
        ["convert", "-q", "-q", "Samples/002_032b4f47aa39f490.txt"],
        ["convert", "Samples/002_032b4f47aa39f490.txt", "-t", "yaml"],
        ["convert", "Samples/002_032b4f47aa39f490.txt", "-o"],
    ])
    func everydayConvertFormsDoWhatArgumentParserDoes(_ words: [String]) throws {
        let words = words.map { $0.hasPrefix("Samples/") ? Paths.root.appendingPathComponent($0).path : $0 }
        let stdin = try Data(contentsOf: sample("002_032b4f47aa39f490.txt"))
        let quick = try run(words, stdin: stdin)
        let parsed = try run(words + ["--timeout", "60"], stdin: stdin)
        #expect(quick.status == parsed.status)
        #expect(quick.stdout == parsed.stdout)
        #expect(quick.stderr == parsed.stderr)
    }

    /// The same with the output written to a file, whole.
    @Test func anEverydayConvertToAFileWritesWhatArgumentParserWrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quick-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = sample("template-2021-filled.docx").path
        let quick = try run(["convert", input, "-t", "xlsx", "-o", folder.appendingPathComponent("quick.xlsx").path])
        let parsed = try run(["convert", input, "-t", "xlsx", "-o", folder.appendingPathComponent("parsed.xlsx").path,
                              "--timeout", "60"])
        #expect(quick.status == 0 && parsed.status == 0 && quick.stderr == parsed.stderr)
        #expect(try Data(contentsOf: folder.appendingPathComponent("quick.xlsx"))
            == Data(contentsOf: folder.appendingPathComponent("parsed.xlsx")))
    }

    @Test
    func aMissingFileIsNamedAndTheOthersStillConvert() throws {
        let result = try run(["convert", "/nonexistent/report.txt", sample("000_1fc2bd555d7c5ccd.txt").path, "--to", "ndjson"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/report.txt"))
        // One line per input: the missing file's line carries its error.
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        let failure = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(failure["schema"] as? String == "nianbao.error/1")
        #expect((failure["source"] as? [String: Any])?["path"] as? String == "/nonexistent/report.txt")
        #expect((failure["error"] as? [String: Any])?["code"] as? String == "file.unreadable")
    }

    @Test
    func outputFileIsWrittenWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("r.json")
        let result = try run(["convert", sample("001_98b43dc3e03c69a8.txt").path, "-o", target.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.json"])
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: target)) is [String: Any])
    }
}

/// A batch killed part-way leaves only whole files, and --resume finishes the rest.
@Suite struct InterruptedBatchTests {
    @Test func killedBatchLeavesNoPartialFilesAndResumeFinishes() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("nianbao-kill-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        let samples = Paths.files(in: Paths.samples, ending: "")
        for i in 0..<400 {
            let sample = samples[i % samples.count]
            try fm.copyItem(at: sample, to: input.appendingPathComponent("\(i)-\(sample.lastPathComponent)"))
        }
        let done = output.appendingPathComponent(".nianbao/done")

        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["batch", input.path, "-o", output.path, "--to", "json,csv,text", "--jobs", "2"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Kill it once some inputs are done and before all are.
        let deadline = Date().addingTimeInterval(60)
        // Records sit in subfolders named by their digest.
        func records() -> Int {
            (fm.enumerator(atPath: done.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".record") }.count
        }
        while records() < 20 && Date() < deadline {
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The batch puts files in place, so none should come after it; counted once none has come for a second.
        var finishedBeforeKill = records()
        var lastChange = Date()
        while Date().timeIntervalSince(lastChange) < 1 && Date() < deadline {
            usleep(50_000)
            let now = records()
            if now != finishedBeforeKill { (finishedBeforeKill, lastChange) = (now, Date()) }
        }
        #expect(finishedBeforeKill < 400)

        // Every output file there is whole.
        for name in try fm.contentsOfDirectory(atPath: output.path) where !name.hasPrefix(".") {
            let data = try Data(contentsOf: output.appendingPathComponent(name))
            if name.hasSuffix(".json") { #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name)") }
            if name.hasSuffix(".csv") || name.hasSuffix(".txt") { #expect(data.last == 0x0A, "\(name)") }
        }

        let resumed = Process()
        resumed.executableURL = CommandLineTests.binary
        resumed.arguments = ["batch", input.path, "-o", output.path, "--to", "json,csv,text", "--resume"]
        let pipe = Pipe()
        resumed.standardOutput = pipe
        try resumed.run()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        resumed.waitUntilExit()
        // Every input converted; Samples 004 and the two template samples leave text to fill in.
        #expect(resumed.terminationStatus == 3)
        #expect(said.contains("沿用上次结果 \(finishedBeforeKill)"), "\(said)")
        #expect(said.contains("转换 \(400 - finishedBeforeKill)"), "\(said)")
        for i in [0, 199, 399] {
            let name = "\(i)-\(samples[i % samples.count].lastPathComponent)"
            #expect(fm.fileExists(atPath: output.appendingPathComponent(name + ".json").path))
        }
        #expect(try fm.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }
}

/// Scraped pages through the command line.
@Suite struct HTMLCommandLineTests {
    @Test func aPageOnStandardInputConvertsWithFromHTML() throws {
        let page = try Data(contentsOf: Paths.htmlFixtures.appendingPathComponent("template-filled.gb2312.html"))
        let result = try CommandLineTests().run(["convert", "-", "--from", "html", "--to", "json"], stdin: page)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((json["source"] as? [String: Any])?["encoding"] as? String == "GB18030")
        #expect((json["meta"] as? [String: Any])?["organ"] as? String == "示例县示例镇人民政府")
    }
}

/// `convert --timeout`: an input whose conversion runs past its time is that input's error, and the
/// inputs after it are converted.
@Suite struct ConvertTimeLimitTests {
    let cli = CommandLineTests()

    @Test func anInputPastItsTimeIsItsOwnError() throws {
        let sample = cli.sample("002_032b4f47aa39f490.txt").path
        // No conversion ends within a microsecond.
        let result = try cli.run(["convert", "--timeout", "0.000001", sample, sample, "-t", "ndjson"])
        #expect(result.status == 1)
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.contains(#""code":"file.timeout""#) })
        #expect(result.stderr.contains("转换超时（超过 0.000001 秒）"))
        // Given the time, the same inputs convert.
        let inTime = try cli.run(["convert", sample, sample, "-t", "ndjson"])
        #expect(inTime.status == 0 && String(decoding: inTime.stdout, as: UTF8.self).split(separator: "\n").count == 2)
        #expect(try cli.run(["convert", "--timeout", "0", sample]).status == 2)
    }
}

/// `nianbao batch` as a script calls it.
@Suite struct BatchCommandLineTests {
    @Test func aBadInputMakesTheExitCodeOneAndTheSummarySaysSo() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("nianbao-batch-cli-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        try fm.copyItem(at: Paths.samples.appendingPathComponent("002_032b4f47aa39f490.txt"),
                        to: input.appendingPathComponent("good.txt"))
        try Data().write(to: input.appendingPathComponent("empty.html"))
        let result = try CommandLineTests().run(["batch", input.path, "-o", root.appendingPathComponent("out").path])
        #expect(result.status == 1)
        let said = String(decoding: result.stdout, as: UTF8.self)
        #expect(said.contains("文件 2 个：转换 1，沿用上次结果 0，出错 1"))
        #expect(result.stderr.isEmpty)

        let inside = try CommandLineTests().run(["batch", input.path, "-o", input.appendingPathComponent("out").path])
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("输出目录不能位于输入目录之内"))
    }
}

/// `nianbao check`'s exit codes and problem lists.
@Suite struct CheckCommandTests {
    let cli = CommandLineTests()
    func fixture(_ name: String) -> String { Paths.checkFixtures.appendingPathComponent(name).path }

    @Test func exitCodesSayWhetherThereIsSomethingToFix() throws {
        #expect(try cli.run(["check", cli.sample("002_032b4f47aa39f490.txt").path]).status == 0)
        #expect(try cli.run(["check", fixture("negative.txt")]).status == 3)
        #expect(try cli.run(["check", "/nonexistent/report.txt"]).status == 1)
        // Something to fix is not hidden by a file that could not be read.
        let both = try cli.run(["check", fixture("negative.txt"), "/nonexistent/report.txt"])
        #expect(both.status == 3)
        #expect(String(decoding: both.stdout, as: UTF8.self).contains("无法读取 1 份"))
        #expect(try cli.run(["check", "--fail-on", "error", fixture("chinese-numeral.txt")]).status == 0)
    }

    @Test func theCSVListOpensInExcelWithOneLinePerProblem() throws {
        let result = try cli.run(["check", "--format", "csv", fixture("wrong-cell.txt"), "/nonexistent/report.txt"])
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}file,organ,year,severity,code,table,row,column,found,expected,message,place\r\n"))
        let lines = text.split(separator: "\r\n")
        #expect(lines.count == 4)
        #expect(lines[1].contains(",错误,applications.outcomes,表三（收到和处理政府信息公开申请情况）,（七）总计,自然人,0,3,"))
        #expect(lines[3].hasPrefix("/nonexistent/report.txt,,,错误,file.unreadable,"))
    }

    @Test func theJSONListCountsChecksPerFile() throws {
        let result = try cli.run(["check", "--format", "json", fixture("narrative.txt")])
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.first?["status"] as? String == "problems")
        let problems = try #require(json["problems"] as? [[String: Any]])
        #expect(problems.map { $0["code"] as? String } == ["narrative.new_received"])
        #expect(problems.first?["found"] as? String == "3" && problems.first?["expected"] as? String == "0")
    }
}

import Foundation
import Nianbao
import Testing

/// What a scraped folder and an unlucky machine do to a batch: a worker that crashes or hangs, odd
/// names, symlinks, special files, a second batch on the same folder, deleted outputs, a full disk.
/// Every entry ends in summary.csv, converted, failed with its reason, or skipped with its reason.
@Suite struct BatchFaultTests {
    let cli = CommandLineTests()

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func copySample(_ index: Int, to url: URL) throws {
        let samples = ["000_1fc2bd555d7c5ccd.txt", "001_98b43dc3e03c69a8.txt", "002_032b4f47aa39f490.txt"]
        try FileManager.default.copyItem(at: cli.sample(samples[index]), to: url)
    }

    /// summary.csv as lines split into (path, status, error) by the CSV rules of CSVFormat.
    func summaryLines(_ output: URL) throws -> [String: (status: String, error: String)] {
        let text = String(decoding: try Data(contentsOf: output.appendingPathComponent("summary.csv")), as: UTF8.self)
        var rows: [String: (String, String)] = [:]
        for line in text.split(separator: "\r\n").dropFirst() {
            let fields = CSVLine.fields(String(line))
            rows[fields[0]] = (fields[2], fields[6])
        }
        return rows
    }

    /// A worker that crashes on inputs named crash*, hangs on hang*, and hands the rest to the real
    /// `nianbao batch-worker`, one process per input.
    func faultyWorker(_ input: URL, _ output: URL) -> [String] {
        let worker = "\(CommandLineTests.binary.path) batch-worker \(input.path) -o \(output.path)"
        return ["/bin/sh", "-c", """
            while read -r line; do
              case "$line" in
                *crash*) kill -SEGV $$ ;;
                *hang*) sleep 30 ;;
                *) printf '%s\\n' "$line" | \(worker) ;;
              esac
            done
            """]
    }

    @Test func aCrashOrAHangCostsOneInputAndTheBatchGoesOn() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try copySample(0, to: input.appendingPathComponent("a.txt"))
        try copySample(1, to: input.appendingPathComponent("crash.txt"))
        try copySample(2, to: input.appendingPathComponent("hang.txt"))
        try copySample(0, to: input.appendingPathComponent("z.txt"))
        var options = BatchOptions(input: input, output: output, jobs: 1)
        options.workers = .processes(command: faultyWorker(input, output), timeout: 8)
        let summary = try BatchRunner(options).run()
        #expect(summary.files == 4 && summary.converted == 2 && summary.errors == 2)
        let rows = try summaryLines(output)
        #expect(rows["a.txt"]?.status == "ok" && rows["z.txt"]?.status == "ok")
        #expect(rows["crash.txt"]?.status == "error" && rows["crash.txt"]?.error.contains("signal 11") == true)
        #expect(rows["hang.txt"]?.status == "error" && rows["hang.txt"]?.error.contains("超时") == true)

        // Resuming tries the failed inputs again and never stops on them.
        options.resume = true
        let again = try BatchRunner(options).run()
        #expect(again.resumed == 2 && again.errors == 2)
    }

    /// A worker's answer names the files it staged; the batch renames only this input's own outputs
    /// and record from its own temporary folder, never a path the answer makes up.
    @Test func aWorkerAnswerNamingOtherFilesPutsNothingInPlace() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try copySample(0, to: input.appendingPathComponent("a.txt"))
        let staged = output.appendingPathComponent(".nianbao/tmp/.nianbao-made-up.tmp").path
        let elsewhere = root.appendingPathComponent("elsewhere").path
        var options = BatchOptions(input: input, output: output, jobs: 1)
        // The real worker's answer, with one more file put in front of it.
        let worker = "\(CommandLineTests.binary.path) batch-worker \(input.path) -o \(output.path)"
        options.workers = .processes(command: ["/bin/sh", "-c", """
            while read -r line; do
              real=$(printf '%s\\n' "$line" | \(worker))
              echo x > '\(staged)'
              printf '%s\\n' '["\(elsewhere)","\(staged)",'"${real#[}"
            done
            """], timeout: 8)
        let summary = try BatchRunner(options).run()
        #expect(summary.errors == 1)
        #expect(try summaryLines(output)["a.txt"]?.error.contains("no record") == true)
        #expect(!FileManager.default.fileExists(atPath: elsewhere))
    }

    @Test func everyEntryOfTheTreeIsAccountedFor() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        let fm = FileManager.default
        try fm.createDirectory(at: input.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let long = String(repeating: "长", count: 70) + ".txt"  // 214 bytes: longer once a suffix is added
        try copySample(0, to: input.appendingPathComponent(long))
        try copySample(1, to: input.appendingPathComponent("\u{301}report.txt"))
        try copySample(2, to: input.appendingPathComponent("report.txt"))
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("link.txt").path, withDestinationPath: "/etc/hostname")
        #expect(mkfifo(input.appendingPathComponent("pipe").path, 0o644) == 0)
        try Data("x".utf8).write(to: input.appendingPathComponent(".hidden"))
        // A name that is not UTF-8.
        let badBytes = Array(input.path.utf8) + Array("/bad".utf8) + [0xFF] + Array(".txt".utf8)
        let descriptor = open(badBytes.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)

        let result = try cli.run(["batch", input.path, "-o", output.path])
        #expect(result.status == 1, "\(result.stderr)")
        let rows = try summaryLines(output)
        #expect(rows[long]?.status == "ok")
        #expect(rows["\u{301}report.txt"]?.status == "ok")
        #expect(rows["report.txt"]?.status == "ok")
        #expect(rows["link.txt"]?.status == "skipped" && rows["link.txt"]?.error.contains("symlink") == true)
        #expect(rows["pipe"]?.status == "skipped" && rows["pipe"]?.error.contains("special file") == true)
        #expect(rows[".hidden"]?.status == "skipped")
        #expect(rows[".git/"]?.status == "skipped")
        #expect(rows["bad\u{FFFD}.txt"]?.status == "error" && rows["bad\u{FFFD}.txt"]?.error.contains("UTF-8") == true)
        #expect(rows.count == 8)
        // Each of the two report.txt names holds its own sample's report.
        let plain = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.txt.json")), as: UTF8.self)
        #expect(plain.contains("北票市长皋乡人民政府"))
    }

    @Test func oneBatchPerOutputFolderAndNoneInsideTheInput() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".nianbao"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try copySample(0, to: input.appendingPathComponent("a.txt"))

        // Another batch holds the folder's lock.
        let lock = open(output.appendingPathComponent(".nianbao/lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let second = try cli.run(["batch", input.path, "-o", output.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("另一个 nianbao batch 正在写入此输出目录"))
        flock(lock, LOCK_UN)

        // An output reached through a symlink into the input.
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        let inside = try cli.run(["batch", input.path, "-o", link.appendingPathComponent("out").path])
        #expect(inside.status == 2)
        #expect(!FileManager.default.fileExists(atPath: input.appendingPathComponent("out").path))
    }

    @Test func resumeMakesADeletedOutputAgain() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try copySample(0, to: input.appendingPathComponent("a.txt"))
        try copySample(1, to: input.appendingPathComponent("b.txt"))
        #expect(try cli.run(["batch", input.path, "-o", output.path]).status == 0)
        try FileManager.default.removeItem(at: output.appendingPathComponent("b.txt.json"))
        let again = try cli.run(["batch", input.path, "-o", output.path, "--resume"])
        #expect(String(decoding: again.stdout, as: UTF8.self).contains("转换 1，沿用上次结果 1"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("b.txt.json").path))
        let all = String(decoding: try Data(contentsOf: output.appendingPathComponent("all.csv")), as: UTF8.self)
        #expect(all.contains("b.txt,") && all.contains("a.txt,"))
    }

    @Test func aFullDiskIsAnErrorNotACrash() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        let sample = cli.sample("000_1fc2bd555d7c5ccd.txt").path
        for arguments in [["convert", sample], ["convert", "-t", "csv", sample, sample], ["check", sample], ["keys"]] {
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = arguments
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let err = Pipe()
            process.standardError = err
            try process.run()
            let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(arguments)")
            #expect(said.contains("磁盘空间不足"), "\(arguments): \(said)")
        }
        // -o naming a device writes to it rather than replacing it.
        let device = try cli.run(["convert", sample, "-o", "/dev/full"])
        #expect(device.status == 1 && device.stderr.contains("磁盘空间不足"))
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    /// An output past --max-output-mb is that input's error, in convert and in a batch, and the table
    /// limits can be lowered (or raised) from the command line.
    @Test func limitsAreErrorsWithTheirOptions() throws {
        let wide = HostileInputTests.corpus.appendingPathComponent("row-40000-cells.docx")
        try #require(FileManager.default.fileExists(atPath: wide.path), "run Scripts/make-hostile-corpus.py first")
        let convert = try cli.run(["convert", wide.path, "-q", "--max-output-mb", "1"])
        #expect(convert.status == 1 && convert.stdout.isEmpty && convert.stderr.contains("输出过大"))
        let cells = try cli.run(["convert", wide.path, "-q", "--max-table-cells", "1000"])
        #expect(cells.status == 1 && cells.stderr.contains("--max-table-cells"))

        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: wide, to: input.appendingPathComponent("wide.docx"))
        // The small wide CSV is written before the JSON proves too large: it is not put in place either.
        let batch = try cli.run(["batch", input.path, "-o", output.path, "-t", "csv-wide,json", "--max-output-mb", "1"])
        #expect(batch.status == 1)
        #expect(try summaryLines(output)["wide.docx"]?.error.contains("输出过大") == true)
        let left = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("wide.docx.") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func aNamedPipeWithoutWriterIsEmptyNotAHang() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let pipe = root.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let result = try cli.run(["convert", pipe])
        #expect(result.status == 1 && result.stderr.contains("文件为空"))
    }
}

/// Splits one CSV line as CSVFormat writes it: fields in quotes may hold commas and doubled quotes.
enum CSVLine {
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = ""
        var quoted = false, previousWasQuote = false
        for c in line {
            if quoted {
                if c == "\"" { quoted = false; previousWasQuote = true } else { field.append(c) }
                continue
            }
            switch c {
            case "\"":
                // A quote right after a closing quote is a doubled quote inside the field.
                if previousWasQuote { field.append("\"") }
                quoted = true
            case ",":
                fields.append(field)
                field = ""
            default:
                field.append(c)
            }
            previousWasQuote = false
        }
        fields.append(field)
        return fields
    }
}

import FoundationEssentials
import Synchronization
import Glibc
import Dispatch

/// What `nianbao batch` writes for each input.
/// `ndjson` writes no file per input, only all.ndjson: one line per input, in input order.
public enum BatchFormat: String, Sendable, CaseIterable {
    case json, ndjson, csv, csvWide = "csv-wide", text, xlsx

    /// The extension added to the input's name.
    var suffix: String {
        switch self {
        case .text: "norm.txt"
        case .csvWide: "wide.csv"
        default: rawValue
        }
    }
}

/// Settings of one batch run.
public struct BatchOptions: Sendable {
    public var input: URL
    public var output: URL
    public var formats: [BatchFormat]
    public var jobs: Int
    public var resume: Bool
    /// Whether the CSV files start with a UTF-8 byte-order mark (for Excel and WPS; the default).
    public var bom: Bool
    /// The least severity that makes a finding a problem in problems.csv and summary.csv.
    public var failOn: Severity
    /// Bounds on what an input may hold.
    public var limits = ReaderLimits()
    /// Largest output one input may make, in bytes; a larger one is an error of that input.
    public var maximumOutputBytes = BatchOptions.defaultMaximumOutputBytes
    /// 64 MiB: a report's JSON is some 100 KiB.
    public static let defaultMaximumOutputBytes = 64 << 20
    /// In this process, or in worker processes with a time limit per input.
    public var workers = BatchWorkers.inProcess

    public init(input: URL, output: URL, formats: [BatchFormat] = [.json], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                resume: Bool = false, bom: Bool = true, failOn: Severity = .warning) {
        self.failOn = failOn
        self.input = input
        self.output = output
        self.formats = formats
        self.jobs = max(1, jobs)
        self.resume = resume
        self.bom = bom
    }

    /// Where the input's output in `format` goes.
    func outputURL(_ relative: String, _ format: BatchFormat) -> URL {
        output.appendingPathComponent(relative + "." + format.suffix, isDirectory: false)
    }
}

/// How a batch went.
public struct BatchSummary: Sendable, Equatable {
    public var files = 0
    /// Entries not read, each listed in summary.csv with its reason: an office's litter (Word lock
    /// files, Thumbs.db), hidden files, symlinks, special files, folders that cannot be opened.
    public var skipped = 0
    public var converted = 0
    public var resumed = 0
    public var recognised = 0
    public var reportsWithFailedChecks = 0
    /// Converted reports with something to fix (a failed check or a diagnostic at `failOn`), and how many things.
    public var reportsWithProblems = 0
    public var problems = 0
    public var errors = 0
    public var seconds = 0.0
}

/// A batch that cannot start (bad folders), as opposed to a bad input, which never stops one.
public struct BatchError: Error, CustomStringConvertible {
    public var description: String
    /// A mistake in the command (the input is no folder, the output lies inside it), as opposed to a
    /// folder that cannot be made.
    public var isUsage = true
}

/// Converts a folder tree: inputs in parallel, outputs mirrored under the output folder and each
/// written atomically, a bad input recorded and passed, nothing written inside the input folder.
/// Per input a small record is kept under OUT/.nianbao, so summaries are built by streaming and an
/// interrupted batch can resume.
public final class BatchRunner: @unchecked Sendable {
    public let options: BatchOptions
    private let converter: Converter
    private let state: URL
    /// `state`'s path, made once: a URL's path is worked out anew on each asking, at tens of
    /// thousands of instructions, and records are found by path twice an input.
    private let statePath: String
    private let temporary: URL
    private let temporaryPath: String
    /// Puts converted inputs' files in place, many inputs to a sync.
    private let commits: GroupCommit
    private let wideHeader = ReportCSV.wideHeader
    /// The open lock file that keeps a second batch out of this output folder while this one runs.
    private var lock: Int32 = -1

    public init(_ options: BatchOptions) {
        self.options = options
        converter = Converter(limits: options.limits)
        state = options.output.appendingPathComponent(".nianbao", isDirectory: true)
        statePath = state.path
        temporary = state.appendingPathComponent("tmp")
        temporaryPath = temporary.path
        commits = GroupCommit(temporaryFolder: temporary)
    }

    deinit { if lock >= 0 { close(lock) } }

    /// Runs the batch; `progress(done, total, errors)` is called after each input.
    public func run(progress: @Sendable (Int, Int, Int) -> Void = { _, _, _ in }) throws -> BatchSummary {
        let start = Date()
        try prepareFolders()
        // Taken away before any record changes, so that a run that stops part-way leaves none behind.
        let earlier = BatchSummaryManifest.take(from: state)
        let folder = InputFolder(options.input)
        let inputs = folder.inputs
        var summary = BatchSummary()
        summary.files = inputs.count + folder.refused.count
        summary.skipped = folder.skipped.count
        let queue = WorkQueue(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, inputs.count))) { _ in
            var worker: WorkerProcess?
            if case .processes(let command, let timeout) = options.workers {
                worker = WorkerProcess(command: command, timeout: timeout)
            }
            while let index = queue.take() {
                let (record, outcome) = process(inputs[index], worker: worker)
                let (done, errors) = queue.finish(index, failed: record.status == .error, outcome: outcome,
                                                  chain: record.chainEntry)
                progress(done, inputs.count, errors)
            }
        }
        commits.finish()
        let manifest = BatchSummaryManifest(options, inputs: inputs, folder: folder)
        if options.resume, !queue.changed, let earlier, earlier.key == manifest.key, earlier.filesAreWhole(in: options.output) {
            // Nothing the closing files are made from has changed since they were made.
            earlier.counts(into: &summary, resumed: queue.resumed.count)
            // The manifest only saves work: a batch whose files are made does not fail for want of it.
            try? earlier.write(to: state, temporary: temporary)
        } else {
            let files = BatchSummaryFiles(options, temporary: temporary)
            try files.write(inputs, folder: folder, resumed: queue.resumed,
                            chained: chainProblems(queue.chainEntries), read: { self.readRecord($0, whole: true)?.record },
                            into: &summary)
            try? manifest.made(summary, options: options).write(to: state, temporary: temporary)
        }
        try? FileManager.default.removeItem(at: temporary)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// What a worker process does for one input: converts it and writes its outputs and its record
    /// under temporary names. The answer for the batch: each file's target and temporary path, in the
    /// order they go in place, as a JSON array of strings on one line.
    public func convertInWorker(_ relative: String) -> String {
        let files = convert(relative, stamp: stamp(relative)).kept?.files ?? []
        return JSONValue.array(files.flatMap { [.string($0.target), .string($0.temporary)] }).rendered(pretty: false)
    }

    /// The files a worker's answer names for `relative`: this input's outputs and then its record at
    /// `recordPath`, written in this batch's temporary folder; nil for an answer that names anything else.
    private func stagedFiles(_ answer: [UInt8], of relative: String, recordPath: String) -> [StagedFile]? {
        guard let paths = try? JSONDecoder().decode([String].self, from: Data(answer)), paths.count % 2 == 0,
              paths.dropLast().last == recordPath else { return nil }
        let targets = options.formats.map { options.outputURL(relative, $0).path } + [recordPath]
        let folder = temporaryPath + "/.nianbao-"
        var files: [StagedFile] = []
        for pair in stride(from: 0, to: paths.count, by: 2) {
            let file = StagedFile(temporary: paths[pair + 1], target: paths[pair])
            guard targets.contains(file.target), file.temporary.hasPrefix(folder),
                  !file.temporary.dropFirst(folder.count).contains("/") else { return nil }
            files.append(file)
        }
        return files
    }

    // MARK: Inputs

    private func prepareFolders() throws {
        let fm = FileManager.default
        var isFolder = false
        guard fm.fileExists(atPath: options.input.path, isDirectory: &isFolder), isFolder else {
            let what = fm.fileExists(atPath: options.input.path) ? "不是目录，batch 需要一个目录 (is a file; batch takes a folder)"
                : "输入目录不存在 (no such input folder)"
            throw BatchError(description: "\(options.input.path)：\(what)")
        }
        let input = BatchRunner.realPath(options.input.path)
        let output = BatchRunner.realPath(options.output.path)
        if output == input || output.hasPrefix(input + "/") {
            throw BatchError(description: "\(options.output.path)：输出目录不能位于输入目录之内 (the output folder must not be inside the input folder)")
        }
        do {
            try fm.createDirectory(at: state.appendingPathComponent("done"), withIntermediateDirectories: true)
        } catch {
            throw BatchError(description: "\(options.output.path)：无法创建输出目录：\(SystemErrorText.sentence(error)) (cannot create the output folder)",
                             isUsage: false)
        }
        lock = open(state.appendingPathComponent("lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            throw BatchError(description: "\(options.output.path)：另一个 nianbao batch 正在写入此输出目录，请等它结束或换一个目录 (another batch is writing to this output folder)",
                             isUsage: false)
        }
        do {
            // Temporary files of an interrupted run are partial by definition. Parts of all.csv kept
            // in files of their own (before records held them) belong to records this version does not read.
            try? fm.removeItem(at: temporary)
            try? fm.removeItem(at: state.appendingPathComponent("parts", isDirectory: true))
            try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
        } catch {
            throw BatchError(description: "\(options.output.path)：无法创建输出目录：\(SystemErrorText.sentence(error)) (cannot create the output folder)",
                             isUsage: false)
        }
    }

    /// The path with every symlink resolved, also for a path whose last parts do not exist yet: the
    /// deepest existing folder is resolved and the rest appended, so an output reached through a
    /// symlink into the input is seen to be inside it before anything is made there.
    static func realPath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = absolute
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return ([base == "/" ? "" : base] + rest.reversed()).joined(separator: "/")
            }
            guard existing != "/", let slash = existing.lastIndex(of: "/") else { return absolute }
            rest.append(String(existing[existing.index(after: slash)...]))
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
    }

    // MARK: One input

    /// Records are named by a digest of the input's path: a path can be longer than a file name may be.
    private func recordPath(_ relative: String) -> String {
        let digest = SHA256.hex(Array(relative.utf8))
        return statePath + "/done/" + digest.prefix(2) + "/" + digest + ".record"
    }

    private func recordURL(_ relative: String) -> URL { URL(fileURLWithPath: recordPath(relative), isDirectory: false) }

    /// The input's size and modification time, which --resume compares with its record.
    private func stamp(_ relative: String) -> (size: Int64, modified: Double) {
        var status = stat()
        guard stat(options.input.appendingPathComponent(relative, isDirectory: false).path, &status) == 0 else { return (-1, 0) }
        return (Int64(status.st_size), Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
    }

    /// Converts one input (or, resuming, finds it done) and keeps its record.
    private func process(_ relative: String, worker: WorkerProcess?) -> (BatchRecord, InputOutcome) {
        let file = stamp(relative)
        let earlier = options.resume ? readRecord(relative, whole: false) : nil
        if options.resume, earlier == nil {
            // A record 0.2.0 wrote (JSON, beside where this one goes) is not read: the input is converted again.
            unlink(recordURL(relative).deletingPathExtension().appendingPathExtension("json").path)
        }
        if let old = earlier?.record, old.status != .error, old.size == file.size, old.modified == file.modified,
           Set(options.formats.map(\.rawValue)).isSubset(of: old.formats), outputsPresent(relative) {
            return (old, .resumed)
        }
        func outcome(_ written: [UInt8]?) -> InputOutcome { written != nil && written == earlier?.bytes ? .unchanged : .converted }
        guard case .processes(_, let timeout) = options.workers, let worker else {
            let (record, kept) = convert(relative, stamp: file)
            commits.add(kept?.files ?? [])
            return (record, outcome(kept?.bytes))
        }
        let record: BatchRecord
        switch worker.convert(relative) {
        case .done(let answer):
            if let files = stagedFiles(answer, of: relative, recordPath: recordPath(relative)), let recordFile = files.last,
               let (record, written) = readRecord(relative, whole: false, at: recordFile.temporary) {
                commits.add(files)
                return (record, outcome(written))
            }
            record = .failed(relative, code: "file.crashed", reason: "转换进程没有留下结果记录 (the worker wrote no record)")
        case .timedOut:
            let error = ReaderError.timedOut(seconds: timeout)
            record = .failed(relative, code: error.code, reason: error.description)
        case .crashed(let how):
            let error = ReaderError.crashed(how)
            record = .failed(relative, code: error.code, reason: error.description)
        }
        let kept = keep(record, with: StagedFiles(temporaryFolder: temporary))
        commits.add(kept?.files ?? [])
        return (record, outcome(kept?.bytes))
    }

    /// Whether every output an earlier run wrote for the input is still there (a deleted one is made again).
    private func outputsPresent(_ relative: String) -> Bool {
        options.formats.allSatisfy { $0 == .ndjson || FileManager.default.fileExists(atPath: options.outputURL(relative, $0).path) }
    }

    /// The input's record, and its staged files with the bytes of the record among them (nil when the
    /// record could not be written).
    private func convert(_ relative: String, stamp file: (size: Int64, modified: Double)) -> (BatchRecord, kept: Kept?) {
        let source = options.input.appendingPathComponent(relative, isDirectory: false)
        var record = BatchRecord(path: relative, size: file.size, modified: file.modified,
                                 formats: options.formats.map(\.rawValue))
        let files = StagedFiles(temporaryFolder: temporary)
        do {
            // Outputs name the source by its path inside the input folder.
            var report = try converter.convert(file: source.path)
            report.source.path = relative
            record.format = report.source.format.rawValue
            record.organ = report.meta.organ
            record.year = report.meta.year
            record.recognised = report.tables.contains(where: \.present)
            record.checksFailed = report.checks.filter { $0.status == .fail }.count
            record.warnings = report.diagnostics.filter { $0.severity == .warning }.count
            record.problems = report.problems(failingAt: options.failOn).map(ProblemList.record)
            record.status = record.problems.isEmpty ? .ok : .problems
            record.chain = ChainEntry.tables(of: report)
            let wide = ReportCSV.wideRecord(report)
            record.wide = wide
            let rows = ReportCSV.longCSV(report)
            try writeOutputs(report, wide: wide, rows: rows, relative, into: files)
            // all.csv takes an input's rows from its CSV output; without one, from its record.
            if !options.formats.contains(.csv) { record.csvRows = rows }
            if options.formats.contains(.ndjson) { record.ndjsonLine = ReportJSON.line(report, pretty: false) }
        } catch let error as ConversionError {
            record.status = .error
            record.error = error.reason.description
            record.errorCode = error.reason.code
        } catch let error as OutputTooLarge {
            record.status = .error
            record.error = error.description
            record.errorCode = "output.too_large"
        } catch {
            record.status = .error
            record.error = "无法写入输出：\(SystemErrorText.sentence(error)) (cannot write the output)"
            record.errorCode = "output.unwritable"
        }
        if record.status == .error { files.abandon() }
        return (record, keep(record, with: files))
    }

    /// An input's staged files, its record last, and the record's bytes.
    private typealias Kept = (files: [StagedFile], bytes: [UInt8])

    /// Stages the input's record after its outputs; a record that cannot be written shows in
    /// summary.csv as a missing record.
    private func keep(_ record: BatchRecord, with files: StagedFiles) -> Kept? {
        let bytes = record.bytes
        guard (try? files.add(Data(bytes), for: recordURL(record.path))) != nil else {
            files.abandon()
            return nil
        }
        return (files.handOver(), bytes)
    }

    private func writeOutputs(_ report: Report, wide: [String], rows: [UInt8], _ relative: String, into files: StagedFiles) throws {
        let bom = options.bom ? CSVFormat.byteOrderMark : ""
        for format in options.formats where format != .ndjson {
            let data: Data
            switch format {
            case .json: data = Data(ReportJSON.line(report))
            case .csv:
                var long = Array(bom.utf8)
                CSVFormat.append(ReportCSV.longHeader, to: &long)
                long += rows
                data = Data(long)
            case .csvWide: data = Data((bom + CSVFormat.record(wideHeader) + CSVFormat.record(wide)).utf8)
            case .text: data = Data(ReportText.text(report).utf8)
            case .xlsx: data = Data(try ReportWorkbook.single(report, failOn: options.failOn).xlsx())
            case .ndjson: continue
            }
            guard data.count <= options.maximumOutputBytes else {
                throw OutputTooLarge(bytes: data.count, limit: options.maximumOutputBytes)
            }
            try files.add(data, for: options.outputURL(relative, format))
        }
    }

    /// The input's record, and its bytes as they are on disk; nil for none, or one that is not this input's.
    /// While inputs are converted only a record's status and chain are wanted (`whole` false).
    /// `path` is where a record not yet in place was staged.
    private func readRecord(_ relative: String, whole: Bool, at path: String? = nil) -> (record: BatchRecord, bytes: [UInt8])? {
        guard let bytes = try? InputFile.read(path ?? recordPath(relative), refuse: { _, _ in nil }) else { return nil }
        guard let record = BatchRecord(bytes: bytes, whole: whole), record.path == relative else { return nil }
        return (record, bytes)
    }

    // MARK: Summaries

    /// The chain checks across years (YearChain) of the inputs, by input path, as problems. The chain
    /// links reports of one organ only, so the reports are made one organ at a time, in input order,
    /// and the batch never holds all of them at once.
    private func chainProblems(_ entries: [ChainEntry]) -> [String: [Problem]] {
        var organs: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if let organ = entry.organ, entry.year != nil { organs[YearChain.normalized(organ), default: []].append(index) }
        }
        var problems: [String: [Problem]] = [:]
        for indexes in organs.values {
            let skeletons = indexes.map { entries[$0].report }
            for (report, checks) in zip(skeletons, YearChain.checks(skeletons)) where !checks.isEmpty {
                var chained = report
                chained.checks = checks
                let found = chained.problems(failingAt: options.failOn)
                if !found.isEmpty { problems[report.source.path ?? ""] = found }
            }
        }
        return problems
    }
}

/// An output past its limit (`BatchOptions.maximumOutputBytes`, `--max-output-mb`): not written, the input's error.
public struct OutputTooLarge: Error, CustomStringConvertible {
    public var bytes: Int
    public var limit: Int

    public init(bytes: Int, limit: Int) {
        self.bytes = bytes
        self.limit = limit
    }

    public var description: String {
        "输出过大（\(bytes >> 20) MiB，上限为 \(limit >> 20) MiB，可用 --max-output-mb 调整） (the output is larger than the limit)"
    }
}

/// Hands out input indexes to the workers and counts what they finished.
private final class WorkQueue: @unchecked Sendable {
    private let lock = Mutex(())
    private let count: Int
    private var next = 0, done = 0, errors = 0
    private(set) var resumed: Set<Int> = []
    /// Whether some input's record is not the one it had before this run.
    private(set) var changed = false
    /// Per input index, the few values the chain across years compares (small, so kept in memory).
    private var chains: [Int: ChainEntry] = [:]

    /// The inputs' chain entries, in input order.
    var chainEntries: [ChainEntry] { chains.keys.sorted().compactMap { chains[$0] } }

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.withLock { _ in
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finish(_ index: Int, failed: Bool, outcome: InputOutcome, chain: ChainEntry?) -> (done: Int, errors: Int) {
        lock.withLock { _ in
            done += 1
            chains[index] = chain
            if failed { errors += 1 }
            if outcome == .resumed { resumed.insert(index) }
            if outcome == .converted { changed = true }
            return (done, errors)
        }
    }
}

/// What became of one input in this run.
enum InputOutcome {
    /// Done before, and its record and outputs kept (`--resume`).
    case resumed
    /// Converted again (a failed input, or an output that was deleted), to the very record it had.
    case unchanged
    /// Converted to a record it did not have before.
    case converted
}

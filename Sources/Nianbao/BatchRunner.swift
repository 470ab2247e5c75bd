import Foundation

/// What `nianbao batch` writes for each input.
public enum BatchFormat: String, Sendable, CaseIterable {
    case json, csv, csvWide = "csv-wide", text

    /// The extension added to the input's name.
    var suffix: String { self == .text ? "norm.txt" : self == .csvWide ? "wide.csv" : rawValue }
}

/// Settings of one batch run.
public struct BatchOptions: Sendable {
    public var input: URL
    public var output: URL
    public var formats: [BatchFormat]
    public var jobs: Int
    public var resume: Bool
    public var bom: Bool
    /// The least severity that makes a finding a problem in problems.csv and summary.csv.
    public var failOn: Severity

    public init(input: URL, output: URL, formats: [BatchFormat] = [.json], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                resume: Bool = false, bom: Bool = false, failOn: Severity = .warning) {
        self.failOn = failOn
        self.input = input
        self.output = output
        self.formats = formats
        self.jobs = max(1, jobs)
        self.resume = resume
        self.bom = bom
    }
}

/// How a batch went.
public struct BatchSummary: Sendable, Equatable {
    public var files = 0
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
}

/// Converts a folder tree: inputs in parallel, outputs mirrored under the output folder and each
/// written atomically, a bad input recorded and passed, nothing written inside the input folder.
/// Per input a small record is kept under OUT/.nianbao, so summaries are built by streaming and an
/// interrupted batch can resume.
public final class BatchRunner: @unchecked Sendable {
    public let options: BatchOptions
    private let converter = Converter()
    private let state: URL
    private let temporary: URL
    private let wideHeader = ReportCSV.wideHeader

    public init(_ options: BatchOptions) {
        self.options = options
        state = options.output.appendingPathComponent(".nianbao")
        temporary = state.appendingPathComponent("tmp")
    }

    /// Runs the batch; `progress(done, total, errors)` is called after each input.
    public func run(progress: @Sendable (Int, Int, Int) -> Void = { _, _, _ in }) throws -> BatchSummary {
        let start = Date()
        try prepareFolders()
        let inputs = try listInputs()
        var summary = BatchSummary()
        summary.files = inputs.count
        let queue = WorkQueue(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, inputs.count))) { _ in
            while let index = queue.take() {
                let (record, resumed) = process(inputs[index])
                let (done, errors) = queue.finish(index, failed: record.status == .error, resumed: resumed,
                                                  chain: record.chainReport)
                progress(done, inputs.count, errors)
            }
        }
        try writeSummaries(inputs, resumed: queue.resumed, chained: chainProblems(queue.chainReports), into: &summary)
        try? FileManager.default.removeItem(at: temporary)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    // MARK: Inputs

    private func prepareFolders() throws {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: options.input.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BatchError(description: "\(options.input.path)：输入目录不存在 (no such input folder)")
        }
        let input = options.input.resolvingSymlinksInPath().standardizedFileURL.path
        let output = options.output.resolvingSymlinksInPath().standardizedFileURL.path
        if output == input || output.hasPrefix(input + "/") {
            throw BatchError(description: "\(options.output.path)：输出目录不能位于输入目录之内 (the output folder must not be inside the input folder)")
        }
        try fm.createDirectory(at: state.appendingPathComponent("done"), withIntermediateDirectories: true)
        // Temporary files of an interrupted run are partial by definition.
        try? fm.removeItem(at: temporary)
        try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    /// Regular, visible files below the input folder, by relative path.
    private func listInputs() throws -> [String] {
        let base = options.input.resolvingSymlinksInPath().standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.resolvingSymlinksInPath().standardizedFileURL.path
            paths.append(String(path.dropFirst(base.path.count + 1)))
        }
        return paths.sorted()
    }

    // MARK: One input

    private func outputURL(_ relative: String, _ format: BatchFormat) -> URL {
        options.output.appendingPathComponent(relative + "." + format.suffix)
    }

    private func recordURL(_ relative: String) -> URL {
        state.appendingPathComponent("done").appendingPathComponent(relative + ".json")
    }

    private func fragmentURL(_ relative: String) -> URL {
        options.formats.contains(.csv) ? outputURL(relative, .csv)
            : state.appendingPathComponent("parts").appendingPathComponent(relative + ".csv")
    }

    /// Converts one input (or, resuming, finds it done) and keeps its record.
    private func process(_ relative: String) -> (BatchRecord, resumed: Bool) {
        let source = options.input.appendingPathComponent(relative)
        let attributes = try? FileManager.default.attributesOfItem(atPath: source.path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        if options.resume, let old = readRecord(relative), old.status != .error, old.size == size, old.modified == modified,
           Set(options.formats.map(\.rawValue)).isSubset(of: old.formats) {
            return (old, true)
        }
        var record = BatchRecord(path: relative, size: size, modified: modified,
                                 formats: options.formats.map(\.rawValue))
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
            record.problems = report.problems(failingAt: options.failOn)
            record.status = record.problems.isEmpty ? .ok : .problems
            record.chain = BatchRecord.chainTables(report)
            let wide = ReportCSV.wideRecord(report)
            record.wide = wide
            try writeOutputs(report, wide: wide, relative)
        } catch let error as ConversionError {
            record.status = .error
            record.error = error.reason.description
        } catch {
            record.status = .error
            record.error = "无法写入输出 (cannot write the output: \(error))"
        }
        if let data = try? JSONEncoder().encode(record) {
            try? AtomicFile.write(data, to: recordURL(relative), temporaryDirectory: temporary)
        }
        return (record, false)
    }

    private func writeOutputs(_ report: Report, wide: [String], _ relative: String) throws {
        let bom = options.bom ? CSVFormat.byteOrderMark : ""
        let long = ([ReportCSV.longHeader] + ReportCSV.longRecords(report)).map(CSVFormat.record).joined()
        for format in options.formats {
            let text: String
            switch format {
            case .json: text = ReportJSON.text(report) + "\n"
            case .csv: text = bom + long
            case .csvWide: text = bom + CSVFormat.record(wideHeader) + CSVFormat.record(wide)
            case .text: text = ReportText.text(report)
            }
            try AtomicFile.write(Data(text.utf8), to: outputURL(relative, format), temporaryDirectory: temporary)
        }
        if !options.formats.contains(.csv) {
            try AtomicFile.write(Data(long.utf8), to: fragmentURL(relative), temporaryDirectory: temporary)
        }
    }

    private func readRecord(_ relative: String) -> BatchRecord? {
        guard let data = try? Data(contentsOf: recordURL(relative)) else { return nil }
        return try? JSONDecoder().decode(BatchRecord.self, from: data)
    }

    // MARK: Summaries

    /// The chain checks across years (YearChain) of the reports, by input path, as problems.
    private func chainProblems(_ skeletons: [Report]) -> [String: [Problem]] {
        var problems: [String: [Problem]] = [:]
        for (report, checks) in zip(skeletons, YearChain.checks(skeletons)) where !checks.isEmpty {
            var chained = report
            chained.checks = checks
            let found = chained.problems(failingAt: options.failOn)
            if !found.isEmpty { problems[report.source.path ?? ""] = found }
        }
        return problems
    }

    /// summary.csv, problems.csv, all.csv (every value of every report) and, when asked, all-wide.csv,
    /// each streamed from the per-input records and fragments.
    private func writeSummaries(_ inputs: [String], resumed: Set<Int>, chained: [String: [Problem]],
                                into summary: inout BatchSummary) throws {
        let bom = options.bom ? CSVFormat.byteOrderMark : ""
        let summaryFile = try StreamingFile(options.output.appendingPathComponent("summary.csv"), temporary: temporary)
        // The problem list is for people to open: always with the mark that makes Excel read UTF-8.
        let problemFile = try StreamingFile(options.output.appendingPathComponent("problems.csv"), temporary: temporary)
        problemFile.write(CSVFormat.byteOrderMark + CSVFormat.record(ProblemList.header))
        let allFile = try StreamingFile(options.output.appendingPathComponent("all.csv"), temporary: temporary)
        let wideFile = options.formats.contains(.csvWide)
            ? try StreamingFile(options.output.appendingPathComponent("all-wide.csv"), temporary: temporary) : nil
        summaryFile.write(bom + CSVFormat.record(["path", "format", "status", "organ", "year", "checks_failed", "error",
                                                  "warnings", "problems"]))
        allFile.write(bom + CSVFormat.record(ReportCSV.longHeader))
        wideFile?.write(bom + CSVFormat.record(wideHeader))
        for (index, relative) in inputs.enumerated() {
            guard var record = readRecord(relative) else { continue }
            record.problems += chained[relative] ?? []
            if record.status == .ok, !record.problems.isEmpty { record.status = .problems }
            let converted = record.status != .error
            summaryFile.write(CSVFormat.record([
                relative, record.format ?? "", record.status.rawValue, record.organ ?? "", record.year.map(String.init) ?? "",
                converted ? String(record.checksFailed) : "", record.error ?? "",
                converted ? String(record.warnings) : "", converted ? String(record.problems.count) : "",
            ]))
            let problems = converted ? record.problems : [.unreadable(relative, reason: record.error ?? "")]
            for problem in problems { problemFile.write(CSVFormat.record(ProblemList.record(problem))) }
            if !converted {
                summary.errors += 1
                continue
            }
            if !record.problems.isEmpty { summary.reportsWithProblems += 1 }
            summary.problems += record.problems.count
            if resumed.contains(index) { summary.resumed += 1 } else { summary.converted += 1 }
            if record.recognised { summary.recognised += 1 }
            if record.checksFailed > 0 { summary.reportsWithFailedChecks += 1 }
            if let fragment = try? Data(contentsOf: fragmentURL(relative)) {
                // The fragment's own header (and byte-order mark) stays out of the combined file.
                let text = String(decoding: fragment, as: UTF8.self)
                if let firstBreak = text.range(of: "\r\n") { allFile.write(String(text[firstBreak.upperBound...])) }
            }
            if let wide = record.wide { wideFile?.write(CSVFormat.record(wide)) }
        }
        try summaryFile.finish()
        try problemFile.finish()
        try allFile.finish()
        try wideFile?.finish()
    }
}

/// Hands out input indexes to the workers and counts what they finished.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0, done = 0, errors = 0
    private(set) var resumed: Set<Int> = []
    /// Per input index, the few values the chain across years compares (small, so kept in memory).
    private var chains: [Int: Report] = [:]

    /// The inputs' chain reports, in input order.
    var chainReports: [Report] { chains.keys.sorted().compactMap { chains[$0] } }

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finish(_ index: Int, failed: Bool, resumed wasResumed: Bool, chain: Report?) -> (done: Int, errors: Int) {
        lock.withLock {
            done += 1
            chains[index] = chain
            if failed { errors += 1 }
            if wasResumed { resumed.insert(index) }
            return (done, errors)
        }
    }
}

/// One input's outcome, kept under OUT/.nianbao/done for summaries and --resume.
struct BatchRecord: Codable {
    /// ok: converted, nothing to fix; problems: converted, something to fix; error: not converted.
    enum Status: String, Codable { case ok, problems, error }

    var path: String
    var size: Int64
    var modified: Double
    var formats: [String]
    var status = Status.ok
    var format: String?
    var organ: String?
    var year: Int?
    var recognised = false
    var checksFailed = 0
    var warnings = 0
    var problems: [Problem] = []
    /// The few values YearChain compares, so the chain is checked without keeping whole reports.
    var chain: [StandardTable]?
    var error: String?
    var wide: [String]?

    /// A report holding only what YearChain reads: the input's path, organ, year and `chain`.
    var chainReport: Report? {
        guard status != .error, let chain else { return nil }
        return Report(source: SourceInfo(path: path, format: .text, encoding: "", layout: nil, sha256: ""),
                      meta: Meta(organ: organ, year: year), sections: [], tables: chain,
                      otherTables: [], checks: [], diagnostics: [])
    }

    /// The report's tables cut to the rows the chain across years reads, without grids.
    static func chainTables(_ report: Report) -> [StandardTable] {
        let rows: Set = ["carried_over", "carried_forward", "regulations", "normative_documents"]
        return report.tables.map { table in
            var cut = table
            cut.grid = nil
            cut.values?.rows.removeAll { !rows.contains($0.key) }
            return cut
        }
    }
}

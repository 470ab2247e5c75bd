import FoundationEssentials
import Glibc

/// What a batch's closing files (summary.csv, all.csv, …) were made from, kept in OUT/.nianbao/summaries
/// once they are all in place. A `--resume` that leaves every record as it was, over the same inputs
/// with the same options, keeps those files instead of making them again: all.csv of 10,000 reports
/// is some 300 MB. A run takes the manifest away before it changes any record, so one that stops
/// part-way leaves none, and the next run makes the files again.
struct BatchSummaryManifest {
    private static let form = "nianbao.summaries/1"

    /// A digest of the release, the options the closing files depend on, and the inputs, refused and
    /// skipped entries in order.
    var key: String
    /// The counts the batch reports: converted reports, recognised, with failed checks, with problems,
    /// problems, errors.
    private var numbers: [Int] = []
    /// Each closing file made, with its size, by which a file removed or cut short is noticed.
    private var files: [(name: String, size: Int64)] = []

    init(_ options: BatchOptions, inputs: [String], folder: InputFolder) {
        var described = StateLines.line([BatchSummaryManifest.form, NianbaoVersion.number,
                                         options.formats.map(\.rawValue).sorted().joined(separator: ","),
                                         options.bom ? "bom" : "", options.failOn.rawValue])
        for input in inputs { described += StateLines.line(["i", input]) }
        for refusal in folder.refused { described += StateLines.line(["r", refusal.path, refusal.reason]) }
        for entry in folder.skipped { described += StateLines.line(["s", entry.path, entry.reason]) }
        key = SHA256.hex(described)
    }

    private static func fileNames(_ options: BatchOptions) -> [String] {
        ["summary.csv", "problems.csv", "all.csv"] + (options.formats.contains(.csvWide) ? ["all-wide.csv"] : [])
            + (options.formats.contains(.ndjson) ? ["all.ndjson"] : []) + (options.formats.contains(.xlsx) ? ["all.xlsx"] : [])
    }

    private static func size(_ url: URL) -> Int64? {
        var status = stat()
        return stat(url.path, &status) == 0 ? Int64(status.st_size) : nil
    }

    /// The manifest of the closing files just made, with the counts of `summary`.
    func made(_ summary: BatchSummary, options: BatchOptions) -> BatchSummaryManifest {
        var made = self
        made.numbers = [summary.converted + summary.resumed, summary.recognised, summary.reportsWithFailedChecks,
                        summary.reportsWithProblems, summary.problems, summary.errors]
        made.files = BatchSummaryManifest.fileNames(options).map { name in
            (name, BatchSummaryManifest.size(options.output.appendingPathComponent(name)) ?? -1)
        }
        return made
    }

    /// Whether every closing file it lists is still in `output` at the size it was made.
    func filesAreWhole(in output: URL) -> Bool {
        !files.isEmpty && files.allSatisfy { BatchSummaryManifest.size(output.appendingPathComponent($0.name)) == $0.size }
    }

    /// Puts the kept counts into `summary`; `resumed` of the reports were resumed in this run.
    func counts(into summary: inout BatchSummary, resumed: Int) {
        guard numbers.count == 6 else { return }
        summary.resumed = resumed
        summary.converted = numbers[0] - resumed
        summary.recognised = numbers[1]
        summary.reportsWithFailedChecks = numbers[2]
        summary.reportsWithProblems = numbers[3]
        summary.problems = numbers[4]
        summary.errors = numbers[5]
    }

    // MARK: The file

    private static func url(_ state: URL) -> URL { state.appendingPathComponent("summaries") }

    private var bytes: [UInt8] {
        var bytes = StateLines.line([BatchSummaryManifest.form])
        bytes += StateLines.line(["k", key])
        bytes += StateLines.line(["n"] + numbers.map(String.init))
        for file in files { bytes += StateLines.line(["f", file.name, String(file.size)]) }
        return bytes
    }

    private init?(bytes: [UInt8]) {
        guard let lines = StateLines.lines(bytes), lines.first == [BatchSummaryManifest.form], lines.count >= 3,
              lines[1].count == 2, lines[1][0] == "k", let key = lines[1][1], lines[2].first == "n" else { return nil }
        self.key = key
        numbers = lines[2].dropFirst().compactMap { $0.flatMap { Int($0) } }
        for line in lines.dropFirst(3) {
            guard line.count == 3, line[0] == "f", let name = line[1], let size = line[2].flatMap({ Int64($0) }) else { return nil }
            files.append((name, size))
        }
    }

    /// The manifest kept in the state folder, which is removed.
    static func take(from state: URL) -> BatchSummaryManifest? {
        let url = url(state)
        guard let data = try? Data(contentsOf: url) else { return nil }
        unlink(url.path)
        return BatchSummaryManifest(bytes: [UInt8](data))
    }

    func write(to state: URL, temporary: URL) throws {
        try AtomicFile.write(Data(bytes), to: BatchSummaryManifest.url(state), temporaryDirectory: temporary)
    }
}

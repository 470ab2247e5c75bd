import FoundationEssentials
import NianbaoModel
import NianbaoWriters

/// One input's outcome, kept under OUT/.nianbao/done for summaries and --resume: what the closing
/// files need of the input, so that they are made without converting it again.
struct BatchRecord: Equatable {
    /// ok: converted, nothing to fix; problems: converted, something to fix; error: not converted.
    enum Status: String { case ok, problems, error }

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
    /// The problems as problems.csv has them (`ProblemList.record`), which is all the summaries read of them.
    var problems: [[String]] = []
    /// The few values YearChain compares, so the chain is checked without keeping whole reports.
    var chain: [ChainEntry.Table]?
    var error: String?
    /// The stable code of `error` (`file.empty`, …), for the NDJSON line of a failed input.
    var errorCode: String?
    var wide: [String]?
    /// The input's rows of all.csv (its long CSV without the header) where no CSV output of its own
    /// holds them, and its line of all.ndjson where that is asked for: kept here, not in files of their
    /// own, so that an input costs one file fewer to make, sync and rename.
    var csvRows: [UInt8]?
    var ndjsonLine: [UInt8]?

    /// The record of an input that failed before or outside its conversion.
    static func failed(_ path: String, code: String, reason: String) -> BatchRecord {
        var record = BatchRecord(path: path, size: -1, modified: 0, formats: [])
        record.status = .error
        record.error = reason
        record.errorCode = code
        return record
    }

    /// What YearChain reads of the input; nil for an input that failed.
    var chainEntry: ChainEntry? {
        guard status != .error, let chain else { return nil }
        return ChainEntry(path: path, organ: organ, year: year, tables: chain)
    }
}

/// The record as a file: a first line naming the form, then one line per part, each led by a tag
/// (`StateLines`). A file in another form (an older nianbao's JSON) reads as no record, so --resume
/// converts that input again.
extension BatchRecord {
    private static let form = "nianbao.record/3"

    /// The file's bytes.
    var bytes: [UInt8] {
        var bytes = StateLines.line([BatchRecord.form])
        bytes += StateLines.line(["s", path, String(size), String(modified), formats.joined(separator: ","), status.rawValue])
        bytes += StateLines.line(["r", format, organ, year.map(String.init), recognised ? "1" : "0", String(checksFailed),
                                  String(warnings), error, errorCode])
        if let wide { bytes += StateLines.line(["w"] + wide) }
        for table in chain ?? [] { bytes += StateLines.line(BatchRecord.fields(table)) }
        for problem in problems { bytes += StateLines.line(["p"] + problem) }
        // The parts of all.csv and all.ndjson follow as they are, after a line giving their sizes (0 for
        // none): escaped into lines and read back as text, they cost the closing files more than the rest.
        if csvRows != nil || ndjsonLine != nil {
            bytes += StateLines.line(["a", String(csvRows?.count ?? 0), String(ndjsonLine?.count ?? 0)])
            bytes += csvRows ?? []
            bytes += ndjsonLine ?? []
        }
        return bytes
    }

    /// The record in `bytes`; nil for a file in another form or broken. Without `whole` what only the
    /// closing files want is left unread (`wide`, `csvRows` and `ndjsonLine` nil): the wide line's two
    /// hundred fields and the parts of all.csv and all.ndjson.
    init?(bytes: [UInt8], whole: Bool = true) {
        guard let (lines, end) = StateLines.lines(bytes, skipping: whole ? [] : ["w"], endingAt: "a"),
              lines.count >= 3, lines[0] == [BatchRecord.form],
              case let stamp = lines[1], stamp.count == 6, stamp[0] == "s",
              let path = stamp[1], let size = stamp[2].flatMap({ Int64($0) }), let modified = stamp[3].flatMap({ Double($0) }),
              let formats = stamp[4], let status = stamp[5].flatMap(Status.init(rawValue:)),
              case let summary = lines[2], summary.count == 9, summary[0] == "r",
              let checksFailed = summary[5].flatMap({ Int($0) }), let warnings = summary[6].flatMap({ Int($0) })
        else { return nil }
        self.init(path: path, size: size, modified: modified, formats: formats.isEmpty ? [] : formats.split(separator: ",").map(String.init))
        self.status = status
        format = summary[1]
        organ = summary[2]
        year = summary[3].flatMap { Int($0) }
        recognised = summary[4] == "1"
        self.checksFailed = checksFailed
        self.warnings = warnings
        error = summary[7]
        errorCode = summary[8]
        var chain: [ChainEntry.Table] = []
        for line in lines.dropFirst(3) {
            let values = line.dropFirst().map { $0 ?? "" }
            switch line.first {
            case "w": wide = values
            case "p": problems.append(values)
            case "a":
                // The two parts fill the rest of the file.
                guard line.count == 3, let csv = line[1].flatMap({ Int($0) }), let ndjson = line[2].flatMap({ Int($0) }),
                      csv >= 0, csv <= bytes.count - end, ndjson == bytes.count - end - csv else { return nil }
                if whole {
                    csvRows = csv > 0 ? Array(bytes[end..<end + csv]) : nil
                    ndjsonLine = ndjson > 0 ? Array(bytes[(end + csv)...]) : nil
                }
            case "c", "C":
                guard let table = BatchRecord.table(line) else { return nil }
                chain.append(table)
            default: return nil
            }
        }
        if !chain.isEmpty { self.chain = chain }
    }

    /// A chain table's line: `c`, then the compact table's key, presence, edition, numbers (comma-separated,
    /// `-` for a blank cell) and unresolved flags; or `C` and the whole table as JSON, which is rare.
    private static func fields(_ table: ChainEntry.Table) -> [String?] {
        switch table {
        case .compact(let key, let present, let edition, let values, let unresolved):
            return ["c", key, present ? "1" : "0", edition,
                    values.map { $0.map { $0.map { String($0) } ?? "-" }.joined(separator: ",") },
                    String(unresolved.map { $0 ? "1" : "0" }.joined())]
        case .whole(let table):
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return ["C", (try? encoder.encode(table)).map { String(decoding: $0, as: UTF8.self) }]
        }
    }

    private static func table(_ line: [String?]) -> ChainEntry.Table? {
        if line.first == "C" {
            guard line.count == 2, let json = line[1],
                  let table = try? JSONDecoder().decode(StandardTable.self, from: Data(json.utf8)) else { return nil }
            return .whole(table)
        }
        guard line.count == 6, let key = line[1], let flags = line[5] else { return nil }
        var values: [Double?]?
        if let written = line[4] {
            var numbers: [Double?] = []
            for part in written.split(separator: ",") {
                if part == "-" {
                    numbers.append(nil)
                } else {
                    guard let number = Double(part) else { return nil }
                    numbers.append(number)
                }
            }
            values = numbers
        }
        return .compact(key: key, present: line[2] == "1", edition: line[3], values: values,
                        unresolved: flags.utf8.map { $0 == UInt8(ascii: "1") })
    }
}

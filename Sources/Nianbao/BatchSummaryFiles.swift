import FoundationEssentials

/// The files that close a batch, streamed from the per-input records (and CSV outputs) in input order:
/// summary.csv, problems.csv, all.csv, and when asked all-wide.csv, all.ndjson and all.xlsx.
/// Each appears whole or not at all.
final class BatchSummaryFiles {
    private let options: BatchOptions
    private let temporary: URL

    init(_ options: BatchOptions, temporary: URL) {
        self.options = options
        self.temporary = temporary
    }

    static let summaryHeader = ["path", "format", "status", "organ", "year", "checks_failed", "error", "warnings", "problems"]

    private func file(_ name: String) throws -> StreamingFile {
        try StreamingFile(options.output.appendingPathComponent(name), temporary: temporary)
    }

    func write(_ inputs: [String], folder: InputFolder, resumed: Set<Int>, chained: [String: [Problem]],
               read: (String) -> BatchRecord?, into summary: inout BatchSummary) throws {
        let bom = options.bom ? CSVFormat.byteOrderMark : ""
        let summaryFile = try file("summary.csv")
        // The problem list is for people to open: always with the mark that makes Excel read UTF-8.
        let problemFile = try file("problems.csv")
        let allFile = try file("all.csv")
        let wideFile = options.formats.contains(.csvWide) ? try file("all-wide.csv") : nil
        let ndjsonFile = options.formats.contains(.ndjson) ? try file("all.ndjson") : nil
        let workbook = options.formats.contains(.xlsx) ? try BatchWorkbook(temporary: temporary) : nil
        summaryFile.write(bom + CSVFormat.record(BatchSummaryFiles.summaryHeader))
        problemFile.write(CSVFormat.byteOrderMark + CSVFormat.record(ProblemList.header))
        allFile.write(bom + CSVFormat.record(ReportCSV.longHeader))
        wideFile?.write(bom + CSVFormat.record(ReportCSV.wideHeader))
        func add(_ relative: String, _ found: BatchRecord, resumed: Bool) {
            var record = found
            record.problems += (chained[relative] ?? []).map(ProblemList.record)
            if record.status == .ok, !record.problems.isEmpty { record.status = .problems }
            let converted = record.status != .error
            let line = [
                relative, record.format ?? "", record.status.rawValue, record.organ ?? "", record.year.map(String.init) ?? "",
                converted ? String(record.checksFailed) : "", record.error ?? "",
                converted ? String(record.warnings) : "", converted ? String(record.problems.count) : "",
            ]
            summaryFile.write(CSVFormat.record(line))
            let problems = converted ? record.problems : [ProblemList.record(.unreadable(relative, reason: record.error ?? ""))]
            for problem in problems { problemFile.write(CSVFormat.record(problem)) }
            workbook?.add(summary: line, problems: problems, wide: converted ? record.wide : nil)
            if !converted {
                summary.errors += 1
                ndjsonFile?.write(ReportJSON.failureLine(path: relative, code: record.errorCode ?? "file.unreadable",
                                                         message: record.error ?? "") + "\n")
                return
            }
            if !record.problems.isEmpty { summary.reportsWithProblems += 1 }
            summary.problems += record.problems.count
            if resumed { summary.resumed += 1 } else { summary.converted += 1 }
            if record.recognised { summary.recognised += 1 }
            if record.checksFailed > 0 { summary.reportsWithFailedChecks += 1 }
            if let rows = record.csvRows {
                allFile.write(Data(rows))
            } else if let output = try? Data(contentsOf: options.outputURL(relative, .csv)) {
                // The output's own header stays out of the combined file.
                if let lineEnd = output.firstRange(of: [0x0D, 0x0A]) { allFile.write(output[lineEnd.upperBound...]) }
            }
            if let ndjsonFile, let line = record.ndjsonLine { ndjsonFile.write(Data(line)) }
            if let wide = record.wide { wideFile?.write(CSVFormat.record(wide)) }
        }
        for (index, relative) in inputs.enumerated() {
            // A record that could not be written (a full disk) is said so, not left out of the summary.
            let record = read(relative) ?? .failed(relative, code: "output.unwritable",
                reason: "转换结果记录无法写入或已丢失，请重新运行 (the input's record could not be written or is gone; run again)")
            add(relative, record, resumed: resumed.contains(index))
        }
        // Names that are not UTF-8 fail without being read.
        for refusal in folder.refused {
            add(refusal.path, .failed(refusal.path, code: "file.bad_name", reason: refusal.reason), resumed: false)
        }
        for entry in folder.skipped {
            summaryFile.write(CSVFormat.record([entry.path, "", "skipped", "", "", "", entry.reason, "", ""]))
        }
        try summaryFile.finish()
        try problemFile.finish()
        try allFile.finish()
        try wideFile?.finish()
        try ndjsonFile?.finish()
        if let workbook {
            try AtomicFile.write(Data(try workbook.finish()), to: options.output.appendingPathComponent("all.xlsx"),
                                 temporaryDirectory: temporary)
        }
    }
}

/// all.xlsx, written sheet by sheet into temporary files as the inputs are read, so that a batch of
/// ten thousand reports is never held whole: 汇总 (summary.csv), 宽表 (one line per report, values as
/// numbers) and 问题 (the problem list). A line per report, not per value: Excel stops at 1,048,576 rows.
final class BatchWorkbook {
    private var sheets: [(name: String, xml: SheetXML, file: StreamingFile, url: URL)] = []
    private let folder: URL

    init(temporary: URL) throws {
        folder = temporary.appendingPathComponent("all.xlsx.parts.\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let headers = [BatchSummaryFiles.summaryHeader, ReportCSV.wideHeader, ProblemList.header]
        for (index, name) in ["汇总", "宽表", "问题"].enumerated() {
            let url = folder.appendingPathComponent("sheet\(index).xml")
            var xml = SheetXML()
            xml.append(headers[index].map(ReportWorkbook.header))
            sheets.append((name, xml, try StreamingFile(url, temporary: folder), url))
        }
    }

    /// Every wide column but the source and the organ holds a number.
    private static let wideNumbers = Set(ReportCSV.wideHeader).subtracting(["source", "organ"])

    /// One input's lines: its summary.csv line, its problems as problems.csv lines, its wide line.
    func add(summary: [String], problems: [[String]], wide: [String]?) {
        append(0, ReportWorkbook.cells(summary, header: BatchSummaryFiles.summaryHeader,
                                       numbers: ["year", "checks_failed", "warnings", "problems"]))
        for problem in problems { append(2, ProblemList.cells(record: problem)) }
        if let wide { append(1, ReportWorkbook.cells(wide, header: ReportCSV.wideHeader, numbers: BatchWorkbook.wideNumbers)) }
    }

    private func append(_ sheet: Int, _ cells: [WorkbookCell]) {
        sheets[sheet].xml.append(cells)
        if sheets[sheet].xml.pending > 1 << 20 { sheets[sheet].file.write(Data(sheets[sheet].xml.take())) }
    }

    /// The workbook's bytes; the temporary sheet files are removed.
    func finish() throws -> [UInt8] {
        defer { try? FileManager.default.removeItem(at: folder) }
        var parts: [Worksheet] = []
        for index in sheets.indices {
            sheets[index].file.write(Data(sheets[index].xml.finish()))
            try sheets[index].file.finish()
            parts.append(Worksheet(name: sheets[index].name, file: sheets[index].url.path))
        }
        return try Workbook(sheets: parts).xlsx()
    }
}

import ArgumentParser
import FoundationEssentials
import Nianbao

/// What `convert` is asked to do, as plain values: made from argument-parser's parse
/// (`ConvertCommand.request`) or, for the everyday forms, by `QuickConvertArguments`.
struct ConvertRequest: Equatable {
    var inputs: [String] = []
    var from: FromFormat = .auto
    var to: ToFormat = .json
    var output: String?
    var name: String?
    var bom = false
    var quiet = false
    var timeout = TimeLimit.defaultSeconds
    var maxTableCells = TableLimits().cells
    var maxTableArea = TableLimits().gridArea
    var maxOutputMb = BatchOptions.defaultMaximumOutputBytes >> 20

    var readerLimits: ReaderLimits { LimitOptions.readerLimits(cells: maxTableCells, area: maxTableArea) }

    var maximumOutputBytes: Int { maxOutputMb << 20 }

    func validate() throws {
        if to.takesOneInput && inputs.count > 1 {
            throw ValidationError("--to \(to.rawValue) 只接受一个输入，多个请用 batch (takes one input; use batch for many)")
        }
        if to == .xlsx { try Output.requireFileForWorkbook("--to xlsx", output: output) }
        try TimeLimit.validate(timeout)
    }

    func run() throws {
        var source = Inputs(paths: inputs, standardInputName: name, limits: readerLimits)
        source.timeLimit = TimeLimit(seconds: timeout)
        try write(source, to: Output(path: output))
    }

    /// Converts `source` into `out` in the `--to` form. `api` gives the web API's JSON: an input that
    /// failed as its error document, and several inputs as one array.
    func write(_ source: Inputs, to out: Output, api: Bool = false) throws {
        let errorDocuments = api && to == .json
        let asArray = errorDocuments && source.count > 1
        let bomText = bom ? CSVFormat.byteOrderMark : ""
        var count = 0
        switch to {
        case .csv: out.write(bomText + CSVFormat.record(ReportCSV.longHeader))
        case .csvWide: out.write(bomText + CSVFormat.record(ReportCSV.wideHeader))
        case .json where asArray: out.write("[")
        default: break
        }
        var tooLarge = false
        var written = 0
        func element(_ data: Data) {
            out.write(Data((written == 0 ? "\n" : ",\n").utf8) + data)
            written += 1
        }
        let converted = source.convert(from: from.format, failed: { error in
            let line = ReportJSON.failureLine(path: error.path, code: error.reason.code, message: error.reason.description)
            if to == .ndjson { out.write(line + "\n") }
            if errorDocuments { asArray ? element(Data(line.utf8)) : out.write(line + "\n") }
        }) { report in
            if !quiet { StandardError.warn(about: report) }
            let data: Data
            switch to {
            case .json: data = Data(asArray ? ReportJSON.line(report).dropLast() : ReportJSON.line(report))
            case .ndjson: data = Data(ReportJSON.line(report, pretty: false))
            case .csv: data = Data(ReportCSV.longCSV(report))
            case .csvWide: data = Data(CSVFormat.record(ReportCSV.wideRecord(report)).utf8)
            case .text: data = Data(ReportText.text(report).utf8)
            case .xlsx:
                guard out.write(ReportWorkbook.single(report), of: report.source.path ?? "<stdin>") else { return }
                count += 1
                return
            }
            // An output past the limit is the input's error: a file built to blow up its JSON stops here.
            guard data.count <= maximumOutputBytes else {
                tooLarge = true
                let error = OutputTooLarge(bytes: data.count, limit: maximumOutputBytes)
                StandardError.write("nianbao: \(report.source.path ?? "<stdin>")：\(error)\n")
                source.failing(report.source.path, "output.too_large", error.description)
                if errorDocuments {
                    let line = ReportJSON.failureLine(path: report.source.path, code: "output.too_large", message: error.description)
                    asArray ? element(Data(line.utf8)) : out.write(line + "\n")
                }
                return
            }
            if asArray { element(data) } else { out.write(data) }
            count += 1
        }
        if asArray { out.write("\n]\n") }
        if count == 0 && !errorDocuments && (to == .json || to == .text || to == .xlsx) {
            out.abandon()
        } else {
            try out.finish()
        }
        if !converted || tooLarge { throw ExitCode(1) }
    }
}

import ArgumentParser
import FoundationEssentials
import Nianbao

/// Input format choice of `--from`.
enum FromFormat: String, ChoiceArgument {
    case auto, docx, html, text, pdf

    var format: InputFormat? { InputFormat(rawValue: rawValue) }
}

/// Output format choice of `--to`. Each has one shape whatever the number of inputs.
enum ToFormat: String, ChoiceArgument {
    case json, ndjson, csv, csvWide = "csv-wide", text, xlsx

    /// Forms that hold exactly one report.
    var takesOneInput: Bool { self == .text || self == .xlsx }
}

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert reports (standard input when no INPUT or `-`). 转换报告。",
        discussion: """
            Each --to has one shape, whatever the number of inputs:
              json      one JSON document per report, one after another
                        (a stream, as jq reads it; `jq -s` makes an array)
              ndjson    one line per input; an unreadable input is a line
                        with its error
              csv       one line per value under one header
              csv-wide  one line per report
              text      the normalized text; one input only
              xlsx      an Excel workbook; one input only, to -o or a redirect
            """)

    @Argument(help: "Input files; `-` or none reads standard input. 输入文件；不给或给出减号时读标准输入。")
    var inputs: [String] = []

    @Option(name: [.short, .long], help: "Input format: auto, docx, html, text, pdf. 输入格式。")
    var from: FromFormat = .auto

    @Option(name: [.short, .long], help: "Output: json, ndjson, csv, csv-wide, text, xlsx. 输出格式。")
    var to: ToFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file (whole, or not at all) instead of standard output. 写入此文件（完整写成或不写）而非标准输出。")
    var output: String?

    @Option(help: "The name (source.path) of the report read from standard input. 标准输入的报告所用的文件名。")
    var name: String?

    @Flag(help: "Start CSV output with a UTF-8 byte-order mark, for Excel and WPS. 带字节顺序标记，供表格软件打开。")
    var bom = false

    @Flag(name: .shortAndLong, help: "Do not show the reports' warnings on standard error. 不在标准错误上显示警告。")
    var quiet = false

    @Option(help: TimeLimit.help)
    var timeout = TimeLimit.defaultSeconds

    @OptionGroup var limits: LimitOptions
    @OptionGroup var outputLimit: OutputLimitOption

    func validate() throws {
        if to.takesOneInput && inputs.count > 1 {
            throw ValidationError("--to \(to.rawValue) 只接受一个输入，多个请用 batch (takes one input; use batch for many)")
        }
        if to == .xlsx { try Output.requireFileForWorkbook("--to xlsx", output: output) }
        try TimeLimit.validate(timeout)
    }

    func run() throws {
        var source = Inputs(paths: inputs, standardInputName: name, limits: limits.readerLimits)
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
            guard data.count <= outputLimit.maximumOutputBytes else {
                tooLarge = true
                let error = OutputTooLarge(bytes: data.count, limit: outputLimit.maximumOutputBytes)
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

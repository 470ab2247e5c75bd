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

    func validate() throws { try request.validate() }

    func run() throws { try request.run() }

    /// The options as plain values.
    var request: ConvertRequest {
        ConvertRequest(inputs: inputs, from: from, to: to, output: output, name: name, bom: bom, quiet: quiet,
                       timeout: timeout, maxTableCells: limits.maxTableCells, maxTableArea: limits.maxTableArea,
                       maxOutputMb: outputLimit.maxOutputMb)
    }
}

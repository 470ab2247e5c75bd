import ArgumentParser
import Foundation
import Nianbao

/// Input format choice of `--from`.
enum FromFormat: String, ExpressibleByArgument, CaseIterable {
    case auto, docx, html, text

    var format: InputFormat? { InputFormat(rawValue: rawValue) }
}

/// Output format choice of `--to`.
enum ToFormat: String, ExpressibleByArgument, CaseIterable {
    case json, ndjson, csv, csvWide = "csv-wide", text
}

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert reports (standard input when no INPUT or `-`).")

    @Argument(help: "Input files; `-` or none reads standard input.")
    var inputs: [String] = []

    @Option(help: "Input format: auto, docx, html, text.")
    var from: FromFormat = .auto

    @Option(help: "Output: json (a document; an array for several inputs), ndjson (a line a report), csv (a line a value), csv-wide (a line a report), text (normalized text, one input).")
    var to: ToFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file (whole, or not at all) instead of standard output.")
    var output: String?

    @Flag(help: "Start CSV output with a UTF-8 byte-order mark, for Excel and WPS.")
    var bom = false

    func validate() throws {
        if to == .text && inputs.count > 1 {
            throw ValidationError("--to text takes one input (use batch for many)")
        }
    }

    func run() throws {
        let out = try Output(path: output)
        let bomText = bom ? CSVFormat.byteOrderMark : ""
        var count = 0
        switch to {
        case .csv: out.write(bomText + CSVFormat.record(ReportCSV.longHeader))
        case .csvWide: out.write(bomText + CSVFormat.record(ReportCSV.wideHeader))
        case .json where inputs.count > 1: out.write("[\n")
        default: break
        }
        let converted = Inputs(paths: inputs).convert(from: from.format) { report in
            switch to {
            case .json:
                out.write(inputs.count > 1 ? (count > 0 ? ",\n" : "") + ReportJSON.text(report) : ReportJSON.text(report) + "\n")
            case .ndjson: out.write(ReportJSON.text(report, pretty: false) + "\n")
            case .csv: ReportCSV.longRecords(report).forEach { out.write(CSVFormat.record($0)) }
            case .csvWide: out.write(CSVFormat.record(ReportCSV.wideRecord(report)))
            case .text: out.write(ReportText.text(report))
            }
            count += 1
        }
        if to == .json && inputs.count > 1 { out.write("\n]\n") }
        if count == 0 && (to == .json || to == .text) {
            out.abandon()
        } else {
            try out.finish()
        }
        if !converted { throw ExitCode(1) }
    }
}

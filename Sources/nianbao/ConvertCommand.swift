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
    case json, ndjson
}

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert reports to JSON (standard input when no INPUT or `-`).")

    @Argument(help: "Input files; `-` or none reads standard input.")
    var inputs: [String] = []

    @Option(help: "Input format: auto, docx, html, text.")
    var from: FromFormat = .auto

    @Option(help: "Output format: json (one document; an array for several inputs) or ndjson (a line a report).")
    var to: ToFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let converter = Converter()
        var reports: [Report] = []
        var failed = false
        for input in inputs.isEmpty ? ["-"] : inputs {
            do {
                if input == "-" {
                    let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                    reports.append(try converter.convert(bytes, path: nil, format: from.format))
                } else {
                    reports.append(try converter.convert(file: input, format: from.format))
                }
            } catch {
                failed = true
                StandardError.write("nianbao: \(error)\n")
            }
        }
        let text: String
        switch to {
        case .json:
            text = reports.count == 1 && inputs.count <= 1
                ? ReportJSON.text(reports[0]) + "\n"
                : JSONValue.array(reports.map(ReportJSON.value)).rendered(pretty: true) + "\n"
        case .ndjson:
            text = reports.map { ReportJSON.text($0, pretty: false) + "\n" }.joined()
        }
        if !reports.isEmpty || to == .ndjson {
            try OutputDestination(path: output).write(text)
        }
        if failed { throw ExitCode(1) }
    }
}

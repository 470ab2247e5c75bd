import ArgumentParser
import FoundationEssentials
import Glibc
import Nianbao

/// `nianbao serve-worker convert|check OPTIONS`: the process `serve` starts for one request. It reads
/// the uploaded files framed on standard input, runs `convert` or `check` over them as the command
/// line would, writes the answer on standard output and its progress and failures on standard error.
struct ServeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-worker", abstract: "Internal: converts uploaded files for `nianbao serve`; not for direct use.",
        shouldDisplay: false)

    @Flag(help: "The web API's shapes: several JSON reports as one array, a failed input as its error document.")
    var api = false

    @Flag(help: "Put each report's document into its file's entry of check's JSON.")
    var withReports = false

    @Argument(parsing: .captureForPassthrough, help: "convert or check, and its options.")
    var command: [String] = []

    func run() throws {
        guard let files = UploadFraming.decode(FileDescriptorIO.read(STDIN_FILENO)) else {
            StandardError.write("nianbao: serve-worker：输入格式不对 (the framed input is broken)\n")
            throw ExitCode(2)
        }
        func inputs(_ limits: LimitOptions) -> Inputs {
            var inputs = Inputs(uploaded: files, limits: limits.readerLimits)
            inputs.starting = { StandardError.write(UploadFraming.Event.starting($0).line) }
            inputs.failing = { path, code, message in
                let document = ReportJSON.failureLine(path: path, code: code, message: message)
                StandardError.write(UploadFraming.Event.failed(errorDocument: document).line)
            }
            return inputs
        }
        let arguments = Array(command.dropFirst())
        switch command.first {
        case "convert":
            let convert = try ConvertCommand.parse(arguments)
            try convert.request.write(inputs(convert.limits), to: Output(path: nil), api: api)
        case "check":
            let check = try CheckCommand.parse(arguments)
            try check.write(inputs(check.limits), to: Output(path: nil), withReports: withReports)
        default:
            throw ValidationError("serve-worker 只接受 convert 或 check (takes convert or check)")
        }
    }
}

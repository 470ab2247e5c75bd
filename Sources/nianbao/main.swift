import ArgumentParser
import FoundationEssentials
import Glibc
import Nianbao

/// The command line: `nianbao convert | check | batch | keys | serve`.
struct NianbaoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Turn government information-disclosure annual reports into checked data. 把政府信息公开工作年度报告转换为经过核对的结构化数据。",
        discussion: """
            Exit codes: 0 success; 1 some input could not be read; 2 usage error; 3 something to fix (check, batch).
            """,
        // What --version prints is `versionLine`, answered before parsing (see CommandLineEntry).
        version: "nianbao \(NianbaoVersion.number)",
        subcommands: [ConvertCommand.self, CheckCommand.self, BatchCommand.self, KeysCommand.self, ServeCommand.self,
                      BatchWorkerCommand.self, ServeWorkerCommand.self])
}

/// Runs the command line with the exit codes README.md promises: argument-parser's usage errors
/// (its own code is 64, EX_USAGE) leave with 2, as pandoc's and ripgrep's do.
enum CommandLineEntry {
    static var versionLine: String {
        "nianbao \(NianbaoVersion.number) (libxml2 \(NativeLibraries.libxml2), libzip \(NativeLibraries.libzip), poppler \(NativeLibraries.poppler))"
    }

    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        // -V as the one argument is the short form of --version.
        if arguments == ["-V"] { arguments = ["--version"] }
        // --version anywhere before `--` is answered here, as argument-parser would, so that asking the
        // libraries their versions (which opens poppler) is not part of every start.
        if arguments.prefix(while: { $0 != "--" }).contains("--version") {
            print(versionLine)
            return
        }
        // A closed pipe is a write error to handle, not a signal that ends the process.
        signal(SIGPIPE, SIG_IGN)
        HeapSettings.apply()
        do {
            if arguments.first == "convert", let request = QuickConvertArguments.request(Array(arguments.dropFirst())) {
                try request.run()
            } else {
                var command = try NianbaoCommand.parseAsRoot(arguments)
                try command.run()
            }
        } catch {
            let code = NianbaoCommand.exitCode(for: error)
            if code == .validationFailure {
                StandardError.write(NianbaoCommand.fullMessage(for: error) + "\n")
                exit(2)
            }
            NianbaoCommand.exit(withError: error)
        }
    }
}

CommandLineEntry.main()

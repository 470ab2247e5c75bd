import ArgumentParser
import Nianbao

/// The command line: `nianbao convert`.
struct NianbaoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "把政府信息公开工作年度报告转换为经过核对的结构化数据。",
        version: "nianbao 0.1.0 (libxml2 \(NativeLibraries.libxml2), libzip \(NativeLibraries.libzip))",
        subcommands: [ConvertCommand.self, CheckCommand.self, BatchCommand.self])
}

NianbaoCommand.main()

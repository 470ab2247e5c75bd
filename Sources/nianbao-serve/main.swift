import Foundation
import Nianbao
import NianbaoServer

// `nianbao-serve SETTINGS_JSON`: the web server, started by `nianbao serve` with its options as
// ServerSettings. Not meant to be run by hand; `nianbao serve --help` describes the options.

func say(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

let arguments = CommandLine.arguments
guard arguments.count == 2, let settings = try? JSONDecoder().decode(ServerSettings.self, from: Data(arguments[1].utf8)) else {
    say("nianbao-serve：请用 nianbao serve 启动 (start it with `nianbao serve`)\n")
    exit(2)
}
do {
    try await WebServer.run(settings) { running in
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        say("nianbao serve：http://\(host):\(running.port)/ （按 Ctrl+C 停止） (serving; Ctrl+C stops)\n")
        if !["127.0.0.1", "localhost", "::1"].contains(settings.host) {
            say("nianbao serve：注意，本网络中的其他计算机也能访问 (reachable from other machines)\n")
        }
    }
} catch {
    say("nianbao serve：无法启动：\(error) (cannot serve)\n")
    exit(1)
}

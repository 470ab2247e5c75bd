import ArgumentParser
import FoundationEssentials
import Glibc
import Nianbao

/// `nianbao serve`: the office's web page and HTTP API, each conversion in a worker process.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the checking page and the HTTP API (Ctrl+C stops). 启动网页核对服务。",
        discussion: """
            The page is at http://HOST:PORT/. The API answers what the command line writes:
              POST /api/convert?to=json|ndjson|csv|csv-wide|text|xlsx[&from=auto|docx|html|text][&bom=1]
              POST /api/check?format=json|csv|xlsx|text[&fail_on=error|warning|info][&reports=1]
              GET  /healthz
            Files go as multipart/form-data (any number of parts with a filename), or as the whole
            body with the name in an X-File-Name header. Nothing is written to disk.
            """)

    @Option(help: "Address to listen on; 0.0.0.0 opens it to the network. 监听地址（默认只限本机）。")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on. 端口。")
    var port = 8080

    @Option(help: "Conversions at once, each in its own process. 同时转换的份数。")
    var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    @Option(help: "Requests that may wait for a worker before the server answers busy. 可排队的请求数。")
    var waiting = 16

    @Option(help: "Seconds one file may take before it is stopped. 单个文件的时限（秒）。")
    var timeout = 30.0

    @Option(help: "Largest upload one request may carry, in MiB. 单次上传的上限（兆字节）。")
    var maxRequestMb = 100

    @Option(help: "Most files one request may carry. 单次上传的最多文件数。")
    var maxFiles = 100

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port 应在 0 到 65535 之间 (out of range)") }
        guard workers >= 1, waiting >= 0, timeout > 0, maxRequestMb >= 1, maxFiles >= 1 else {
            throw ValidationError("--workers, --timeout, --max-request-mb, --max-files 至少为 1，--waiting 不小于 0 (out of range)")
        }
    }

    func run() throws {
        var settings = ServerSettings(worker: [BatchCommand.executable, "serve-worker"])
        settings.host = host
        settings.port = port
        settings.workers = workers
        settings.waiting = waiting
        settings.timeout = timeout
        settings.maximumRequestBytes = maxRequestMb << 20
        settings.maximumFiles = maxFiles
        settings.limitArguments = limits.arguments
        // The server is the program beside this one; it takes over this process.
        let server = URL(fileURLWithPath: BatchCommand.executable).deletingLastPathComponent()
            .appendingPathComponent("nianbao-serve").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            StandardError.write("nianbao: 找不到 \(server)，它应与 nianbao 装在同一目录 (nianbao-serve is not installed beside nianbao)\n")
            throw ExitCode(1)
        }
        let json = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(server), strdup(json), nil]
        execv(server, argv)
        StandardError.write("nianbao: 无法启动 \(server)：\(SystemErrorText.sentence(errno: errno)) (cannot start the server)\n")
        throw ExitCode(1)
    }
}

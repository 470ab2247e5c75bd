import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Nianbao
import NianbaoServer

/// A real `nianbao serve` on a free loopback port, its workers the built `nianbao`, spoken to over HTTP.
final class TestServer: Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/nianbao").path
    static let samples = root.appendingPathComponent("Samples")

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }
    }

    let port: Int
    private let running: WebServer.Running
    private let task: Task<Void, any Error>
    private let session = URLSession(configuration: .ephemeral)

    private init(running: WebServer.Running, task: Task<Void, any Error>) {
        self.port = running.port
        self.running = running
        self.task = task
    }

    /// Starts a server with the settings `configure` leaves, on a port the system picks.
    static func start(_ configure: (inout ServerSettings) -> Void = { _ in }) async throws -> TestServer {
        var settings = ServerSettings(worker: [binary, "serve-worker"])
        settings.port = 0
        configure(&settings)
        let (started, announce) = AsyncStream<WebServer.Running>.makeStream()
        let finalSettings = settings
        let task = Task { try await WebServer.run(finalSettings) { announce.yield($0) } }
        var iterator = started.makeAsyncIterator()
        guard let running = await iterator.next() else { throw CancellationError() }
        return TestServer(running: running, task: task)
    }

    func stop() async {
        await running.stop()
        _ = try? await task.value
    }

    func get(_ path: String) async throws -> Answer {
        try await send(URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!))
    }

    /// Posts `files` as multipart/form-data, as a browser's file input does.
    func post(_ path: String, files: [(name: String, bytes: Data)]) async throws -> Answer {
        let boundary = "nianbao-test-\(UUID().uuidString)"
        var body = Data()
        for file in files {
            let name = file.name.replacingOccurrences(of: "\"", with: "%22")
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.bytes)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await post(path, body: body, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
    }

    func post(_ path: String, body: Data, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = 120
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> Answer {
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers[String(describing: name).lowercased()] = String(describing: value) }
        return Answer(status: http.statusCode, headers: headers, body: data)
    }

    static func sample(_ name: String) throws -> (name: String, bytes: Data) {
        (name, try Data(contentsOf: samples.appendingPathComponent(name)))
    }

    static var allSamples: [(name: String, bytes: Data)] {
        get throws {
            try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted().map { try sample($0) }
        }
    }

    /// What the command line writes for the same bytes under the same name.
    static func commandLine(_ arguments: [String], stdin: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}

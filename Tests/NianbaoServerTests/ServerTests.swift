import Foundation
import Testing
import Nianbao
import NianbaoServer

/// The API over real HTTP on loopback: the samples, bad files, limits, faults and many clients.
@Suite(.serialized)
struct ServerTests {
    @Test func checkAnswersForEachSampleAsTheCommandLineDoes() async throws {
        let server = try await TestServer.start()
        let answer = try await server.post("/api/check?format=json", files: try TestServer.allSamples)
        await server.stop()
        #expect(answer.status == 200)
        let document = try #require(try answer.json() as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == [
            "000_1fc2bd555d7c5ccd.txt", "001_98b43dc3e03c69a8.txt", "002_032b4f47aa39f490.txt", "003_3f1e878054dbd65a.txt",
            "004_8dc319be4d1513fc.txt", "scraped-page-2024.html", "template-2021-filled.docx", "template-2021-filled.pdf",
        ])
        #expect(files.map { $0["status"] as? String } == ["ok", "ok", "ok", "ok", "problems", "problems", "problems", "problems"])
        #expect((document["problems"] as? [Any])?.count == 9)
    }

    @Test func convertAnswersTheCommandLinesBytes() async throws {
        let server = try await TestServer.start()
        let docx = try TestServer.sample("template-2021-filled.docx")
        let json = try await server.post("/api/convert", files: [docx])
        let csv = try await server.post("/api/convert?to=csv&bom=1", files: [docx])
        let raw = try await server.post("/api/convert?to=ndjson", body: docx.bytes,
                                        headers: ["X-File-Name": "%E7%A4%BA%E4%BE%8B%E9%95%87.docx"])
        await server.stop()
        #expect(json.status == 200)
        #expect(json.headers["content-type"] == "application/json; charset=utf-8")
        #expect(json.body == (try TestServer.commandLine(["convert", "--name", docx.name, "-q", "-"], stdin: docx.bytes)))
        #expect(csv.body == (try TestServer.commandLine(["convert", "--to", "csv", "--bom", "--name", docx.name, "-"], stdin: docx.bytes)))
        #expect(csv.headers["content-disposition"] == "attachment; filename=\"nianbao.csv\"; filename*=UTF-8''template-2021-filled.csv")
        #expect(raw.body == (try TestServer.commandLine(["convert", "--to", "ndjson", "--name", "示例镇.docx", "-"], stdin: docx.bytes)))
    }

    @Test func aFileThatCannotBeReadIsItsErrorDocument() async throws {
        let server = try await TestServer.start()
        let bad = (name: "下载失败.docx", bytes: Data("下载失败，请稍后再试".utf8))
        let alone = try await server.post("/api/convert", files: [bad])
        let among = try await server.post("/api/convert?to=json", files: [try TestServer.sample("000_1fc2bd555d7c5ccd.txt"), bad])
        let checked = try await server.post("/api/check?format=json", files: [bad])
        await server.stop()
        #expect(alone.status == 422)
        let error = try #require(try alone.json() as? [String: Any])
        #expect(error["schema"] as? String == "nianbao.error/1")
        #expect((error["source"] as? [String: Any])?["path"] as? String == "下载失败.docx")
        #expect((error["error"] as? [String: Any])?["code"] as? String == "file.not_docx")
        #expect(among.status == 200)
        #expect(among.headers["x-nianbao-unreadable"] == "1")
        let array = try #require(try among.json() as? [[String: Any]])
        #expect(array.map { $0["schema"] as? String } == ["nianbao.report/1", "nianbao.error/1"])
        let files = try #require((try checked.json() as? [String: Any])?["files"] as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["unreadable"])
    }

    @Test func limitsAndBadRequestsAreRefusedWithTheirCodes() async throws {
        let server = try await TestServer.start {
            $0.maximumRequestBytes = 1 << 20
            $0.maximumFiles = 3
        }
        let big = try await server.post("/api/convert", body: Data(count: 2 << 20), headers: ["X-File-Name": "big.txt"])
        let many = try await server.post("/api/check", files: Array(repeating: try TestServer.sample("000_1fc2bd555d7c5ccd.txt"), count: 4))
        let none = try await server.post("/api/convert", body: Data())
        let unknown = try await server.post("/api/convert?to=pdf", files: [try TestServer.sample("000_1fc2bd555d7c5ccd.txt")])
        let twoWorkbooks = try await server.post("/api/convert?to=xlsx", files: Array(repeating: try TestServer.sample("000_1fc2bd555d7c5ccd.txt"), count: 2))
        let health = try await server.get("/healthz")
        let page = try await server.get("/")
        await server.stop()
        func code(_ answer: TestServer.Answer) throws -> String? {
            ((try answer.json() as? [String: Any])?["error"] as? [String: Any])?["code"] as? String
        }
        #expect(big.status == 413)
        #expect(try code(big) == "request.too_large")
        #expect(many.status == 413)
        #expect(try code(many) == "request.too_many_files")
        #expect(none.status == 400)
        #expect(try code(none) == "request.no_files")
        #expect(unknown.status == 400)
        #expect(try code(unknown) == "request.bad_parameter")
        #expect(twoWorkbooks.status == 400)
        #expect(try code(twoWorkbooks) == "request.one_file_only")
        #expect(health.status == 200)
        #expect((try health.json() as? [String: Any])?["status"] as? String == "ok")
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.text.contains("把报告拖到这里"))
    }

    /// A worker that crashes on one file and hangs on another costs those files, not the request.
    @Test func aCrashOrAHangCostsOnlyItsFile() async throws {
        let faulty = TestServer.root.appendingPathComponent("Tests/Fixtures/serve/faulty-worker.py").path
        let server = try await TestServer.start {
            $0.worker = [faulty, TestServer.binary, "serve-worker"]
            // Long enough for a good file on a loaded machine, short enough for the test.
            $0.timeout = 5
        }
        let sample = try TestServer.sample("000_1fc2bd555d7c5ccd.txt")
        let answer = try await server.post("/api/check?format=json", files: [
            sample, (name: "crash.txt", bytes: sample.bytes), (name: "b.txt", bytes: sample.bytes), (name: "hang.txt", bytes: sample.bytes),
        ])
        let alone = try await server.post("/api/convert", files: [(name: "crash.txt", bytes: sample.bytes)])
        await server.stop()
        let document = try #require(try answer.json() as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == ["000_1fc2bd555d7c5ccd.txt", "b.txt", "crash.txt", "hang.txt"])
        #expect(files.map { $0["status"] as? String } == ["ok", "ok", "unreadable", "unreadable"])
        let codes = (document["problems"] as? [[String: Any]] ?? []).map { "\($0["file"] ?? "") \($0["code"] ?? "")" }
        #expect(codes == ["crash.txt file.crashed", "hang.txt file.timeout"])
        #expect(alone.status == 422)
        #expect(alone.text.contains("\"code\":\"file.crashed\""))
        #expect(alone.text.contains("信号 11"))
    }

    @Test func fiftyFilesInOneRequestAndTwentyClientsAtOnce() async throws {
        let server = try await TestServer.start { $0.workers = 2; $0.waiting = 32 }
        let samples = try TestServer.allSamples
        let fifty = (0..<50).map { (name: "\($0)-\(samples[$0 % samples.count].name)", bytes: samples[$0 % samples.count].bytes) }
        let big = try await server.post("/api/check?format=csv", files: fifty)
        let expected = try TestServer.commandLine(["convert", "--name", samples[0].name, "-q", "-"], stdin: samples[0].bytes)
        let answers = try await withThrowingTaskGroup(of: TestServer.Answer.self) { group in
            for _ in 0..<20 { group.addTask { try await server.post("/api/convert", files: [samples[0]]) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await server.stop()
        #expect(big.status == 200)
        // One header line, and the problems of the 50 files, the samples over and over.
        let perSample = [0, 0, 0, 0, 3, 2, 2, 2]
        let problems = (0..<50).map { perSample[$0 % perSample.count] }.reduce(0, +)
        // CSV records end in CRLF, for Excel.
        #expect(big.text.components(separatedBy: "\r\n").count - 1 == 1 + problems)
        #expect(answers.map(\.status) == Array(repeating: 200, count: 20))
        #expect(answers.allSatisfy { $0.body == expected })
    }

    @Test func aFullServerAnswersBusy() async throws {
        let faulty = TestServer.root.appendingPathComponent("Tests/Fixtures/serve/faulty-worker.py").path
        let server = try await TestServer.start {
            $0.worker = [faulty, TestServer.binary, "serve-worker"]
            $0.workers = 1
            $0.waiting = 0
        }
        let sample = try TestServer.sample("000_1fc2bd555d7c5ccd.txt")
        // The one worker is kept two seconds by a slow file; a request meanwhile finds no place.
        let slow = Task { try await server.post("/api/convert", files: [(name: "slow.txt", bytes: sample.bytes)]) }
        // Waits, however loaded the machine, until the slow request holds the server's one place.
        for _ in 0..<200 {
            let health = try await server.get("/healthz")
            if (try health.json() as? [String: Any])?["admitted"] as? Int == 1 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        let refused = try await server.post("/api/convert", files: [sample])
        let first = try await slow.value
        let after = try await server.post("/api/convert", files: [sample])
        await server.stop()
        #expect(refused.status == 503)
        #expect(refused.headers["retry-after"] == "1")
        #expect(refused.text.contains("server.busy"))
        #expect(first.status == 200)
        #expect(after.status == 200)
    }

    /// `nianbao serve` as an office starts it: it says where it listens, answers, and leaves with
    /// status 0 on SIGTERM and on SIGINT.
    @Test(arguments: [SIGTERM, SIGINT])
    func theCommandSaysWhereAndStopsOnASignal(_ signal: Int32) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestServer.binary)
        process.arguments = ["serve", "--port", "0", "--workers", "1"]
        let messages = Pipe()
        process.standardError = messages
        try process.run()
        var said = Data()
        while !said.contains(0x0A), let chunk = try messages.fileHandleForReading.read(upToCount: 1), !chunk.isEmpty {
            said.append(chunk)
        }
        let line = String(decoding: said, as: UTF8.self)
        let port = try #require(line.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//)?.1)
        let health = try Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/healthz")!)
        #expect(String(decoding: health, as: UTF8.self).hasPrefix("{\"status\":\"ok\""))
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}

import Foundation
import Testing

/// The `nianbao` executable as a script uses it.
@Suite struct CommandLineTests {
    static let binary = Paths.root.appendingPathComponent(".build/debug/nianbao")

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        // Scripts/test builds the executable before the tests; without it these tests fail.
        try #require(FileManager.default.fileExists(atPath: Self.binary.path), "build nianbao first")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    func sample(_ name: String) -> URL { Paths.samples.appendingPathComponent(name) }

    @Test
    func convertReadsStandardInputAndWritesJSON() throws {
        let bytes = try Data(contentsOf: sample("002_032b4f47aa39f490.txt"))
        let result = try run(["convert", "-", "--to", "json"], stdin: bytes)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(json["schema"] as? String == "nianbao.report/1")
        #expect((json["source"] as? [String: Any])?["path"] is NSNull)
        let fees = ((json["tables"] as? [String: Any])?["active_disclosure"] as? [String: Any])?["values"] as? [String: Any]
        #expect((fees?["fees"] as? [String: Any])?["amount"] as? Double == 9.51)
    }

    @Test
    func aMissingFileIsNamedAndTheOthersStillConvert() throws {
        let result = try run(["convert", "/nonexistent/report.txt", sample("000_1fc2bd555d7c5ccd.txt").path, "--to", "ndjson"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/report.txt"))
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1)
    }

    @Test
    func outputFileIsWrittenWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("r.json")
        let result = try run(["convert", sample("001_98b43dc3e03c69a8.txt").path, "-o", target.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.json"])
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: target)) is [String: Any])
    }
}

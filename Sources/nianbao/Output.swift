import ArgumentParser
import Foundation
import Nianbao

/// Where a command's data goes: standard output as it comes, or a file that appears whole at the end.
final class Output {
    private let file: StreamingFile?
    private let path: String?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            file = nil
            return
        }
        let target = URL(fileURLWithPath: path)
        do {
            file = try StreamingFile(target, temporary: target.deletingLastPathComponent())
        } catch {
            StandardError.write("nianbao: \(path)：无法创建输出文件 (cannot create the output file: \(error))\n")
            throw ExitCode(1)
        }
    }

    func write(_ text: String) {
        if let file { file.write(text) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    func finish() throws {
        do {
            try file?.finish()
        } catch {
            StandardError.write("nianbao: \(path ?? "")：无法写入输出文件 (cannot write the output file: \(error))\n")
            throw ExitCode(1)
        }
    }

    /// Drops a file output that will not be finished.
    func abandon() { file?.abandon() }
}

/// Messages for people go to standard error, never into the data on standard output.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (progress is drawn only there).
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// The inputs of a command: files, or standard input for none or `-`.
struct Inputs {
    var paths: [String]

    /// Standard input, read no further than one byte past `limit`.
    static func standardInput(limit: Int) throws(ConversionError) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count <= limit {
            guard let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
            bytes += chunk
        }
        if bytes.count > limit { throw ConversionError(path: nil, reason: .tooLarge(bytes: bytes.count, limit: limit)) }
        return bytes
    }

    /// Converts each input in turn, reporting failures on standard error (and to `failed`); false if any failed.
    func convert(from format: InputFormat?, failed: (ConversionError) -> Void = { _ in }, _ body: (Report) -> Void) -> Bool {
        let converter = Converter()
        var allConverted = true
        for input in paths.isEmpty ? ["-"] : paths {
            do {
                if input == "-" {
                    body(try converter.convert(try Inputs.standardInput(limit: converter.limits.maximumBytes),
                                               path: nil, format: format))
                } else {
                    body(try converter.convert(file: input, format: format))
                }
            } catch {
                allConverted = false
                StandardError.write("nianbao: \(error)\n")
                failed(error)
            }
        }
        return allConverted
    }
}

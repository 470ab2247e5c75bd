import ArgumentParser
import FoundationEssentials
import Glibc
import Nianbao

/// Where a command's data goes: standard output as it comes, or a file that appears whole at the end.
final class Output {
    private let file: StreamingFile?
    /// Standard output, or a device or pipe that -o names (`/dev/stdout`, a FIFO): written as it
    /// comes, since such a target cannot be replaced by a rename.
    private let stream: StandardStream?
    private let path: String?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            file = nil
            stream = StandardStream.output
            return
        }
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            guard status.st_mode & S_IFMT != S_IFDIR else {
                throw Output.failure(path, "是目录，不能写成文件 (is a folder, cannot be written as a file)")
            }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw Output.failure(path, "无法打开输出：\(SystemErrorText.sentence(errno: errno)) (cannot open the output)")
            }
            file = nil
            stream = StandardStream(descriptor)
            return
        }
        var isFolder = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder else {
            throw Output.failure(path, "所在目录不存在 (its folder \(folder) does not exist)")
        }
        do {
            file = try StreamingFile(target, temporary: target.deletingLastPathComponent())
            stream = nil
        } catch {
            throw Output.failure(path, "无法创建输出文件：\(SystemErrorText.sentence(error)) (cannot create the output file)")
        }
    }

    func write(_ text: String) { write(Data(text.utf8)) }

    func write(_ data: Data) {
        if let file { file.write(data) } else { stream?.write(data) }
    }

    func finish() throws {
        if let code = stream?.failedErrno {
            // A reader that closed the pipe (`| head`) wants no more and needs no message.
            if code == EPIPE { throw ExitCode(1) }
            throw Output.failure(path ?? "<stdout>", "无法写入输出：\(SystemErrorText.sentence(errno: code)) (cannot write the output)")
        }
        do {
            try file?.finish()
        } catch {
            throw Output.failure(path ?? "", "无法写入输出文件：\(SystemErrorText.sentence(error)) (cannot write the output file)")
        }
    }

    /// Drops a file output that will not be finished.
    func abandon() { file?.abandon() }

    /// A workbook is binary: not to be poured onto a terminal, so it needs `-o` or a redirect there.
    static func requireFileForWorkbook(_ option: String, output: String?) throws {
        if output == nil && isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("\(option) 是二进制文件，请用 -o 指定文件 (a workbook is binary: give -o FILE or redirect)")
        }
    }

    /// Writes a workbook's bytes; false, having said why on standard error, when it could not be made.
    func write(_ workbook: Workbook, of name: String) -> Bool {
        do {
            write(Data(try workbook.xlsx()))
            return true
        } catch {
            StandardError.write("nianbao: \(name)：无法生成工作簿 (cannot make the workbook: \(error))\n")
            return false
        }
    }

    private static func failure(_ path: String, _ reason: String) -> ExitCode {
        StandardError.write("nianbao: \(path)：\(reason)\n")
        return ExitCode(1)
    }
}

/// Messages for people go to standard error, never into the data on standard output.
enum StandardError {
    static func write(_ text: String) {
        StandardStream.error.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (progress is drawn only there).
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The warnings of a converted report, one line each, for `convert` to show unless --quiet.
    static func warn(about report: Report) {
        let name = report.source.path ?? "<stdin>"
        for diagnostic in report.diagnostics where diagnostic.severity != .info {
            let word = diagnostic.severity == .error ? "错误" : "警告"
            write("nianbao: \(name)：\(word) [\(diagnostic.code)] \(diagnostic.message)\n")
        }
        for check in report.checks where check.status == .fail {
            write("nianbao: \(name)：核对不通过 [\(check.id)] \(check.message)\n")
        }
    }
}

/// The inputs of a command: files, or standard input for none or `-`, or files a server uploaded.
struct Inputs {
    var paths: [String]
    /// The name standard input's report carries as its source path (`--name`).
    var standardInputName: String?
    var limits: ReaderLimits
    /// Files given as bytes (`serve-worker`); when set, `paths` is not read.
    var uploaded: [UploadedFile]?
    /// The time each input's conversion may take (`--timeout`); none where a parent process keeps time.
    var timeLimit: TimeLimit?
    /// Told the index of each input as its conversion starts, and each input that failed (its path,
    /// the error's code and message), in reading or, from the command, in writing.
    var starting: (Int) -> Void = { _ in }
    var failing: (String?, String, String) -> Void = { _, _, _ in }

    init(paths: [String], standardInputName: String? = nil, limits: ReaderLimits = ReaderLimits()) {
        self.paths = paths
        self.standardInputName = standardInputName
        self.limits = limits
    }

    init(uploaded: [UploadedFile], limits: ReaderLimits) {
        self.init(paths: [], limits: limits)
        self.uploaded = uploaded
    }

    /// How many inputs there are.
    var count: Int { uploaded?.count ?? max(paths.count, 1) }

    /// Standard input, read no further than one byte past `limit`.
    static func standardInput(limit: Int, name: String?) throws(ConversionError) -> [UInt8] {
        let bytes = FileDescriptorIO.read(STDIN_FILENO, limit: limit)
        if bytes.count > limit { throw ConversionError(path: name, reason: .tooLarge(bytes: bytes.count, limit: limit)) }
        return bytes
    }

    /// Converts each input in turn, reporting failures on standard error (and to `failed`); false if any failed.
    func convert(from format: InputFormat?, failed: (ConversionError) -> Void = { _ in }, _ body: (Report) -> Void) -> Bool {
        let converter = Converter(limits: limits)
        var allConverted = true
        for index in 0..<count {
            starting(index)
            do throws(ConversionError) {
                if let file = uploaded?[index] {
                    if let failure = file.failure { throw ConversionError(path: file.name, reason: failure) }
                    body(try timed(file.name) { () throws(ConversionError) in try converter.convert(file.bytes, path: file.name, format: format) })
                } else if paths.isEmpty || paths[index] == "-" {
                    let name = standardInputName
                    let bytes = try Inputs.standardInput(limit: converter.limits.maximumBytes, name: name)
                    body(try timed(name) { () throws(ConversionError) in try converter.convert(bytes, path: name, format: format) })
                } else {
                    let path = paths[index]
                    body(try timed(path) { () throws(ConversionError) in try converter.convert(file: path, format: format) })
                }
            } catch {
                allConverted = false
                StandardError.write("nianbao: \(error)\n")
                failing(error.path, error.reason.code, error.reason.description)
                failed(error)
            }
        }
        return allConverted
    }

    /// The conversion's report, within `timeLimit` when there is one.
    private func timed(_ path: String?, _ work: @escaping @Sendable () throws(ConversionError) -> Report) throws(ConversionError) -> Report {
        guard let timeLimit else { return try work() }
        guard let result = timeLimit.run({ Result { () throws(ConversionError) in try work() } }) else {
            throw ConversionError(path: path, reason: .timedOut(seconds: timeLimit.seconds))
        }
        return try result.get()
    }
}

import Foundation

/// The whole pipeline in one call: bytes (or a file) in, canonical report out.
public struct Converter: Sendable {
    public var interpreter: Interpreter

    public init(interpreter: Interpreter = Interpreter()) {
        self.interpreter = interpreter
    }

    /// Converts bytes; `path` only names the source in the report and in errors.
    /// `format` nil means: decide from the content.
    public func convert(_ bytes: [UInt8], path: String?, format: InputFormat? = nil) throws(ConversionError) -> Report {
        let sniffed = FormatSniffer.sniff(bytes)
        if format == nil, sniffed == .text, path?.lowercased().hasSuffix(".docx") == true, !bytes.isEmpty {
            throw ConversionError(path: path, reason: .notDocx)
        }
        let format = format ?? sniffed
        let document: Document
        do {
            switch format {
            case .text: document = try TextReader().read(bytes)
            case .docx: document = try DocxReader().read(bytes)
            case .html: document = try HTMLReader().read(bytes)
            }
        } catch let error as ReaderError {
            throw ConversionError(path: path, reason: error)
        } catch {
            throw ConversionError(path: path, reason: .unreadable(String(describing: error), String(describing: error)))
        }
        let source = SourceInfo(path: path, format: format, encoding: document.encoding,
                                layout: document.layout, sha256: SHA256.hex(bytes), properties: document.properties)
        return interpreter.interpret(document, source: source)
    }

    /// Reads and converts a file.
    public func convert(file path: String, format: InputFormat? = nil) throws(ConversionError) -> Report {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ConversionError(path: path, reason: FileProblem.reason(error))
        }
        return try convert(bytes, path: path, format: format)
    }
}

/// A conversion that failed, naming the file and the reason.
public struct ConversionError: Error, Sendable, CustomStringConvertible {
    public var path: String?
    public var reason: ReaderError

    public var description: String { "\(path ?? "<stdin>")：\(reason.description)" }
}

/// Why a file could not be opened.
enum FileProblem {
    static func reason(_ error: Error) -> ReaderError {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            let text = String(cString: strerror(Int32(underlying.code)))
            return .unreadable(underlying.code == Int(ENOENT) ? "文件不存在" : "无法打开文件", text)
        }
        switch nsError.code {
        case NSFileReadNoSuchFileError: return .unreadable("文件不存在", "no such file")
        case NSFileReadNoPermissionError: return .unreadable("没有读取权限", "permission denied")
        default: return .unreadable("无法打开文件", nsError.localizedDescription)
        }
    }
}

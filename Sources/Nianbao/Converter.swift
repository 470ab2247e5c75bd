import FoundationEssentials

/// The whole pipeline in one call: bytes (or a file) in, canonical report out.
public struct Converter: Sendable {
    public var interpreter: Interpreter
    public var limits: ReaderLimits

    public init(interpreter: Interpreter = Interpreter(), limits: ReaderLimits = ReaderLimits()) {
        self.interpreter = interpreter
        self.limits = limits
    }

    /// Converts bytes; `path` only names the source in the report and in errors.
    /// `format` nil means: decide from the content.
    public func convert(_ bytes: [UInt8], path: String?, format: InputFormat? = nil) throws(ConversionError) -> Report {
        let sniffed = FormatSniffer.sniff(bytes)
        if format == nil, sniffed == .text, path?.lowercased().hasSuffix(".docx") == true, !bytes.isEmpty {
            throw ConversionError(path: path, reason: .notDocx)
        }
        let format = format ?? sniffed
        guard bytes.count <= limits.maximumBytes(for: format) else {
            throw ConversionError(path: path, reason: .tooLarge(bytes: bytes.count, limit: limits.maximumBytes(for: format)))
        }
        let document: Document
        do {
            switch format {
            case .text: document = try TextReader(limits: limits.text).read(bytes)
            case .docx: document = try DocxReader(zipLimits: limits.zip, xmlLimits: limits.xml).read(bytes)
            case .html: document = try HTMLReader(maximumDepth: limits.htmlDepth, maximumTableArea: limits.table.gridArea).read(bytes)
            case .pdf: document = try PDFReader(limits: limits.pdf, text: limits.text).read(bytes)
            }
            try limits.table.check(document)
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
            bytes = try InputFile.read(path) { head, size in
                // A file past its format's limit is refused from its first bytes, before it is read whole.
                let limit = limits.maximumBytes(for: format ?? FormatSniffer.sniff(head))
                return size > limit ? .tooLarge(bytes: size, limit: limit) : nil
            }
        } catch {
            throw ConversionError(path: path, reason: error)
        }
        return try convert(bytes, path: path, format: format)
    }
}

/// A conversion that failed, naming the file and the reason.
public struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String?
    public var reason: ReaderError

    public init(path: String?, reason: ReaderError) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path ?? "<stdin>")：\(reason.description)" }
}


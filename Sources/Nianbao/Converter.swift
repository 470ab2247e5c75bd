import FoundationEssentials

/// The whole pipeline in one call: bytes (or a file) in, canonical report out.
public struct Converter: Sendable {
    public var interpreter: Interpreter
    public var limits: ReaderLimits
    /// A DOCX file of at least this many bytes is read where it lies (`convert(file:)`); a smaller one
    /// is read into memory whole, which takes fewer system calls than libzip reading the file.
    public var inPlaceBytes = 1 << 20

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
        return try convert(path: path, format: format, digest: { SHA256.hex(bytes) }) {
            switch format {
            case .text: try TextReader(limits: limits.text).read(bytes)
            case .docx: try DocxReader(zipLimits: limits.zip, xmlLimits: limits.xml).read(bytes)
            case .html: try HTMLReader(maximumDepth: limits.htmlDepth, maximumTableArea: limits.table.gridArea).read(bytes)
            case .pdf: try PDFReader(limits: limits.pdf, text: limits.text).read(bytes)
            }
        }
    }

    /// Reads and converts a file. A large DOCX is read where it lies, not into memory: only the parts
    /// the reader needs are read, and the digest a megabyte at a time, so its images are never held.
    public func convert(file path: String, format: InputFormat? = nil) throws(ConversionError) -> Report {
        let contents: InputFile.Contents
        do {
            contents = try InputFile.contents(path, refuse: { head, size in
                // A file past its format's limit is refused from its first bytes, before it is read whole.
                let limit = limits.maximumBytes(for: format ?? FormatSniffer.sniff(head))
                return size > limit ? .tooLarge(bytes: size, limit: limit) : nil
            }, inPlace: { head, size in size > 0 && size >= inPlaceBytes && (format ?? FormatSniffer.sniff(head)) == .docx })
        } catch {
            throw ConversionError(path: path, reason: error)
        }
        switch contents {
        case .bytes(let bytes):
            return try convert(bytes, path: path, format: format)
        case .inPlace(let file):
            return try convert(path: path, format: .docx, digest: { () throws(ReaderError) in
                let digest = try file.digest()
                try file.checkUnchanged()
                return digest
            }) {
                try DocxReader(zipLimits: limits.zip, xmlLimits: limits.xml).read(descriptor: file.descriptor)
            }
        }
    }

    /// The report of the document `read` gives, whose source has the digest `digest` gives.
    private func convert(path: String?, format: InputFormat, digest: () throws(ReaderError) -> String,
                         read: () throws -> Document) throws(ConversionError) -> Report {
        let document: Document
        let sha256: String
        do {
            document = try read()
            try limits.table.check(document)
            sha256 = try digest()
        } catch let error as ReaderError {
            throw ConversionError(path: path, reason: error)
        } catch {
            throw ConversionError(path: path, reason: .unreadable(String(describing: error), String(describing: error)))
        }
        let source = SourceInfo(path: path, format: format, encoding: document.encoding,
                                layout: document.layout, sha256: sha256, properties: document.properties)
        return interpreter.interpret(document, source: source)
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


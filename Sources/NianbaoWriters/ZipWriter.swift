#if canImport(Glibc)
import Glibc
#endif
import CLibZip

/// Why a zip package could not be written.
public struct ZipWriteError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// A zip package built in memory through libzip; the only place in the writers that touches
/// libzip's pointers. Entries come from bytes or, for large ones, from a file read at `finish`.
public final class ZipWriter {
    /// libzip's functions, opened on the first package written; nil when libzip is not installed.
    private static let library: NianbaoZip? = nianbao_zip_open()?.pointee

    private let zip: NianbaoZip
    private let buffer: OpaquePointer
    private let archive: OpaquePointer
    private var finished = false

    public init() throws(ZipWriteError) {
        guard let zip = ZipWriter.library else {
            throw ZipWriteError(description: "未安装 libzip（libzip4），无法写出工作簿 (libzip is not installed)")
        }
        self.zip = zip
        var error = zip_error_t()
        zip.error_init(&error)
        defer { zip.error_fini(&error) }
        guard let buffer = zip.source_buffer_create(nil, 0, 0, &error) else {
            throw ZipWriteError(description: libzipText(zip.error_strerror(&error)))
        }
        // The archive writes into the buffer when closed; the buffer must outlive the archive.
        zip.source_keep(buffer)
        guard let archive = zip.open_from_source(buffer, ZIP_TRUNCATE, &error) else {
            zip.source_free(buffer)
            throw ZipWriteError(description: libzipText(zip.error_strerror(&error)))
        }
        self.buffer = buffer
        self.archive = archive
    }

    deinit {
        if !finished { zip.discard(archive) }
        zip.source_free(buffer)
    }

    /// Adds an entry holding these bytes.
    public func add(_ name: String, _ bytes: [UInt8]) throws(ZipWriteError) {
        // libzip frees the copy with free() once the archive is written.
        let copy = malloc(max(1, bytes.count))!
        bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) } }
        guard let source = zip.source_buffer(archive, copy, zip_uint64_t(bytes.count), 1) else {
            free(copy)
            throw failure(name)
        }
        try add(name, source)
    }

    /// Adds an entry whose bytes are the file at `path`, read when the package is finished.
    public func add(_ name: String, file path: String) throws(ZipWriteError) {
        guard let source = zip.source_file(archive, path, 0, 0) else { throw failure(name) }
        try add(name, source)
    }

    private func add(_ name: String, _ source: OpaquePointer) throws(ZipWriteError) {
        let index = zip.file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
        guard index >= 0 else {
            zip.source_free(source)
            throw failure(name)
        }
        // A fixed time (2020-01-01): the same content gives the same bytes.
        _ = zip.file_set_mtime(archive, zip_uint64_t(index), 1_577_836_800, 0)
    }

    /// Writes the package and returns its bytes.
    public func finish() throws(ZipWriteError) -> [UInt8] {
        finished = true
        guard zip.close(archive) == 0 else {
            let message = libzipText(zip.strerror(archive))
            zip.discard(archive)
            throw ZipWriteError(description: message)
        }
        guard zip.source_open(buffer) == 0 else { throw ZipWriteError(description: "cannot reopen the package") }
        defer { _ = zip.source_close(buffer) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { zip.source_read(buffer, $0.baseAddress, zip_uint64_t($0.count)) }
            guard count >= 0 else { throw ZipWriteError(description: "cannot read the package back") }
            if count == 0 { break }
            bytes += chunk[..<Int(count)]
        }
        return bytes
    }

    private func failure(_ name: String) -> ZipWriteError {
        ZipWriteError(description: "\(name): \(libzipText(zip.strerror(archive)))")
    }
}

/// A message libzip returns; through the function table its pointers come without C's nullability.
private func libzipText(_ message: UnsafePointer<CChar>?) -> String {
    message.map { String(cString: $0) } ?? ""
}

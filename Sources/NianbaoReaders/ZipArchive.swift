import CLibZip
import Glibc

/// Bounds on what a zip package may expand to; a package past them is refused, not read.
public struct ZipLimits: Sendable {
    /// Largest expanded size of one entry.
    public var entryBytes: Int = 128 << 20
    /// Largest expanded size of all entries read from one package.
    public var totalBytes: Int = 512 << 20
    /// Largest expansion ratio of an entry larger than `ratioFloor` bytes.
    public var ratio: Int = 200
    public var ratioFloor: Int = 1 << 20
    /// Most entries a package may hold.
    public var entries: Int = 10_000

    public init() {}
}

/// A zip package read through libzip, from memory or from an open file; the only place that touches
/// libzip's pointers. From memory it reads the caller's bytes in place, so they must outlive it: a
/// package is opened and read within one `withUnsafeBytes` of its input.
final class ZipArchive {
    /// libzip's functions, opened on the first package read; nil when libzip is not installed.
    static let library: NianbaoZip? = nianbao_zip_open()?.pointee

    private let zip: NianbaoZip
    private let archive: OpaquePointer
    private let limits: ZipLimits
    private var bytesRead = 0

    convenience init(bytes: UnsafeRawBufferPointer, limits: ZipLimits) throws(ReaderError) {
        let zip = try ZipArchive.opened()
        var error = zip_error_t()
        zip.error_init(&error)
        defer { zip.error_fini(&error) }
        guard let source = zip.source_buffer_create(bytes.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            throw ZipArchive.notZip(zip.error_strerror(&error))
        }
        guard let archive = zip.open_from_source(source, ZIP_RDONLY, &error) else {
            zip.source_free(source)
            throw ZipArchive.notZip(zip.error_strerror(&error))
        }
        try self.init(archive, zip: zip, limits: limits)
    }

    /// The package in an open file, read where it lies: only the entries asked for are read. The
    /// descriptor stays the caller's (libzip is given a duplicate, which it closes).
    convenience init(descriptor: Int32, limits: ZipLimits) throws(ReaderError) {
        let zip = try ZipArchive.opened()
        let duplicate = dup(descriptor)
        guard duplicate >= 0 else { throw .unreadable("无法读取 zip 包", "cannot duplicate the file descriptor") }
        var code: Int32 = 0
        guard let archive = zip.fdopen(duplicate, ZIP_RDONLY, &code) else {
            close(duplicate)
            var error = zip_error_t()
            zip.error_init_with_code(&error, code)
            defer { zip.error_fini(&error) }
            throw ZipArchive.notZip(zip.error_strerror(&error))
        }
        try self.init(archive, zip: zip, limits: limits)
    }

    private init(_ archive: OpaquePointer, zip: NianbaoZip, limits: ZipLimits) throws(ReaderError) {
        self.zip = zip
        self.archive = archive
        self.limits = limits
        let count = zip.get_num_entries(archive, 0)
        if count > limits.entries {
            throw .unreadable("zip 包内文件过多", "more than \(limits.entries) entries")
        }
        // Part names are case-insensitive: two entries of one name (word/document.xml and
        // WORD/DOCUMENT.XML) leave which one is the document open, so the package is not read.
        var names = Set<String>()
        for index in 0..<max(0, count) {
            guard let name = zip.get_name(archive, zip_uint64_t(index), 0).map({ String(cString: $0).lowercased() }) else { continue }
            guard names.insert(name).inserted else {
                throw .unreadable("zip 包中有两个同名部件 \(name)，无法确定哪个是正文", "two entries named \(name): ambiguous package")
            }
        }
        entryNames = names
    }

    private static func opened() throws(ReaderError) -> NianbaoZip {
        guard let zip = ZipArchive.library else {
            throw .unreadable("无法读取 zip 包：未安装 libzip（libzip4）", "libzip (libzip4) is not installed")
        }
        return zip
    }

    private static func notZip(_ message: UnsafePointer<CChar>?) -> ReaderError {
        .unreadable("不是有效的 zip 包", "not a zip package: \(libzipText(message))")
    }

    /// Every entry's name, lower-cased.
    private(set) var entryNames: Set<String> = []

    /// Whether the package has an entry of this name (case-insensitive).
    func contains(_ name: String) -> Bool { entryNames.contains(name.lowercased()) }

    deinit {
        zip.discard(archive)
    }

    /// The expanded bytes of the entry `name` (case-insensitive, as OPC part names are), nil when absent.
    func read(_ name: String) throws(ReaderError) -> [UInt8]? {
        let index = zip.name_locate(archive, name, ZIP_FL_NOCASE)
        guard index >= 0 else { return nil }
        var stat = zip_stat_t()
        zip.stat_init(&stat)
        guard zip.stat_index(archive, zip_uint64_t(index), 0, &stat) == 0 else {
            throw .unreadable("无法读取 zip 条目 \(name)", "cannot stat entry")
        }
        let declared = Int(clamping: stat.size)
        let compressed = Int(clamping: stat.comp_size)
        if declared > limits.entryBytes || declared > limits.ratioFloor && declared / max(1, compressed) > limits.ratio {
            throw .unreadable("\(name) 解压后过大，疑为 zip 炸弹", "entry expands to \(declared) bytes from \(compressed)")
        }
        guard let file = zip.fopen_index(archive, zip_uint64_t(index), 0) else {
            throw .unreadable("无法打开 zip 条目 \(name)", "cannot open entry \(name): \(libzipText(zip.strerror(archive)))")
        }
        defer { _ = zip.fclose(file) }
        var out: [UInt8] = []
        out.reserveCapacity(min(declared, 1 << 24))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { zip.fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
            if n < 0 { throw .unreadable("zip 条目 \(name) 已损坏", "entry \(name) is damaged: \(libzipText(zip.file_strerror(file)))") }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<Int(n)])
            bytesRead += Int(n)
            // Sizes in the directory can lie: the bytes actually expanded are what count.
            if out.count > limits.entryBytes || bytesRead > limits.totalBytes
                || out.count > limits.ratioFloor && out.count / max(1, compressed) > limits.ratio {
                throw .unreadable("\(name) 解压后过大，疑为 zip 炸弹", "entry expands past the limit")
            }
        }
        return out
    }
}

/// A message libzip returns; through the function table its pointers come without C's nullability.
private func libzipText(_ message: UnsafePointer<CChar>?) -> String {
    message.map { String(cString: $0) } ?? ""
}

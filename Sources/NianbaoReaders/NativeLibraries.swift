import CLibXML2
import CLibZip
import CLibPoppler

/// Versions of the C libraries the DOCX, HTML and PDF readers are built on.
public enum NativeLibraries {
    /// libxml2's version, as the linked library reports it.
    public static var libxml2: String {
        guard let version = __xmlParserVersion()?.pointee else { return "unknown" }
        let number = Int(String(cString: version)) ?? 0
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }

    /// poppler's version, as the linked library reports it.
    public static var poppler: String {
        poppler_get_version().map { String(cString: $0) } ?? "unknown"
    }

    /// libzip's version, as the linked library reports it.
    public static var libzip: String {
        String(cString: zip_libzip_version())
    }
}

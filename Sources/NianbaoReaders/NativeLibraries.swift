import CLibZip

/// Versions of the C libraries the DOCX, HTML and PDF readers are built on.
public enum NativeLibraries {
    /// libxml2's version, as the library reports it; it is opened for this, as for reading a DOCX.
    public static var libxml2: String {
        XMLLibrary.version ?? "not installed"
    }

    /// poppler's version, as the library reports it; it is opened for this, as for reading a PDF.
    public static var poppler: String {
        PopplerLibrary.version ?? "not installed"
    }

    /// libzip's version, as the library reports it; it is opened for this, as for reading a DOCX.
    public static var libzip: String {
        ZipArchive.library?.libzip_version().map { String(cString: $0) } ?? "not installed"
    }
}

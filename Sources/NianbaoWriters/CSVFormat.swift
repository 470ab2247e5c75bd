import NianbaoModel

/// RFC 4180 CSV: fields quoted when they hold a comma, a quote, a line break or edge spaces;
/// records end with CRLF.
public enum CSVFormat {
    /// The UTF-8 byte-order mark that makes Excel and WPS read the file as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// One record, CRLF included.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

import NianbaoModel

/// RFC 4180 CSV: fields quoted when they hold a comma, a quote, a line break or edge spaces;
/// records end with CRLF. A text field that a spreadsheet would take for a formula is neutralised.
public enum CSVFormat {
    /// The UTF-8 byte-order mark that makes Excel and WPS read the file as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// One record, CRLF included.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ raw: String) -> String {
        let value = neutralised(raw)
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// A text beginning with = + - @ tab or CR is a formula to Excel and LibreOffice (a file named
    /// `=cmd|calc!A1.txt` runs a command there). As OWASP recommends, such text gets a leading `'`,
    /// which the spreadsheet shows as text; a number such as -3 stays a number.
    static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
              !isPlainNumber(value) else { return value }
        return "'" + value
    }

    /// An optional sign, digits, an optional fraction: the numbers the writers put out.
    private static func isPlainNumber(_ text: String) -> Bool {
        var digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        guard digits.count == text.utf8.count - 1 || digits.count == text.utf8.count else { return false }
        var seenPoint = false, seenDigit = false
        while let byte = digits.popFirst() {
            if byte == UInt8(ascii: "."), !seenPoint { seenPoint = true; continue }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            seenDigit = true
        }
        return seenDigit
    }
}

import NianbaoModel

/// RFC 4180 CSV: fields quoted when they hold a comma, a quote, a line break or edge spaces;
/// records end with CRLF. A text field that a spreadsheet would take for a formula is neutralised.
public enum CSVFormat {
    /// The UTF-8 byte-order mark that makes Excel and WPS read the file as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// One record, CRLF included.
    public static func record(_ fields: [String]) -> String {
        var out: [UInt8] = []
        append(fields, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One record, CRLF included, appended as UTF-8: records made as Strings and joined cost more
    /// than the rest of writing a report's long CSV.
    public static func append(_ fields: [String], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            append(field: field, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// One field, quoted and neutralised as needed, with no separator.
    public static func append(field raw: String, to out: inout [UInt8]) {
        // Bytes, not Characters: a Character comparison costs a Unicode comparison per Chinese
        // character, and none of these bytes occurs inside another character's UTF-8.
        var value = neutralised(raw)
        let text = value
        value.withUTF8 { bytes in
            // A space at an edge byte is an edge space unless a combining mark makes it part of a character.
            var needsQuotes = (bytes.first == UInt8(ascii: " ") && text.first == " ")
                || (bytes.last == UInt8(ascii: " ") && text.last == " ")
            var i = 0
            while !needsQuotes && i < bytes.count {
                let byte = bytes[i]
                needsQuotes = byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
                i += 1
            }
            guard needsQuotes else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(UInt8(ascii: "\""))
            for byte in bytes {
                out.append(byte)
                if byte == UInt8(ascii: "\"") { out.append(byte) }
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// A text beginning with = + - @ tab or CR is a formula to Excel and LibreOffice (a file named
    /// `=cmd|calc!A1.txt` runs a command there). As OWASP recommends, such text gets a leading `'`,
    /// which the spreadsheet shows as text; a number such as -3 stays a number.
    static func neutralised(_ value: String) -> String {
        guard let first = value.utf8.first, isFormulaStart(first), !isPlainNumber(value) else { return value }
        return "'" + value
    }

    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
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

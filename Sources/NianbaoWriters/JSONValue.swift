import NianbaoModel

/// A JSON value whose objects keep their keys in the order they were built, so the report's
/// field order is the contract's, byte for byte. Not `indirect`: arrays already hold their items
/// out of line, and a box for every value cost an allocation per node of a large report.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number already in its JSON text form.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered(pretty: false) == b.rendered(pretty: false) }

    /// The JSON text: indented by two spaces when `pretty`, else on one line.
    public func rendered(pretty: Bool) -> String {
        String(decoding: utf8(pretty: pretty), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes, for output: made into a String, a large report's text was
    /// checked byte by byte again and copied twice on its way out.
    public func utf8(pretty: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    // Written as UTF-8 bytes straight into one buffer: appending scalar by scalar to a String, or
    // copying each container's items and each string's bytes first, cost most of the conversion.
    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                JSONValue.beginItem(i, to: &out, pretty: pretty, indent: indent)
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            JSONValue.close(UInt8(ascii: "]"), empty: items.isEmpty, to: &out, pretty: pretty, indent: indent)
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                JSONValue.beginItem(i, to: &out, pretty: pretty, indent: indent)
                JSONValue.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            JSONValue.close(UInt8(ascii: "}"), empty: members.isEmpty, to: &out, pretty: pretty, indent: indent)
        }
    }

    /// The comma before every item but the first, and in pretty form the item's own indented line.
    private static func beginItem(_ i: Int, to out: inout [UInt8], pretty: Bool, indent: Int) {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { newline(depth: indent + 1, to: &out) }
    }

    private static func close(_ bracket: UInt8, empty: Bool, to out: inout [UInt8], pretty: Bool, indent: Int) {
        if pretty && !empty { newline(depth: indent, to: &out) }
        out.append(bracket)
    }

    private static func newline(depth: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * depth) { out.append(UInt8(ascii: " ")) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A string's bytes between quotes, escaped where JSON needs it. The bytes that need none are
    /// copied in runs: byte by byte, strings with a Chinese quotation mark (whose lead byte, E2, is
    /// also that of U+2028) cost most of writing a report.
    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var copied = 0, i = 0
            while i < bytes.count {
                let byte = bytes[i]
                let escape: [UInt8]
                switch byte {
                case UInt8(ascii: "\""): escape = Array(#"\""#.utf8)
                case UInt8(ascii: "\\"): escape = Array(#"\\"#.utf8)
                case UInt8(ascii: "\n"): escape = Array(#"\n"#.utf8)
                case UInt8(ascii: "\r"): escape = Array(#"\r"#.utf8)
                case UInt8(ascii: "\t"): escape = Array(#"\t"#.utf8)
                case 0..<0x20: escape = Array(#"\u00"#.utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript; escaped so the output is safe there too.
                    escape = Array((bytes[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: bytes[copied..<i])
                out.append(contentsOf: escape)
                i += byte == 0xE2 ? 3 : 1
                copied = i
            }
            out.append(contentsOf: bytes[copied...])
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    /// A string, or null where there is none.
    static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    /// An integer, or null where there is none.
    static func optional(_ n: Int?) -> JSONValue { n.map { .number(String($0)) } ?? .null }
    /// A value in its one text form (`numberText`), or null for a blank; never a bare inf or nan.
    static func optional(_ n: Double?) -> JSONValue { n.flatMap { $0.isFinite ? .number(numberText($0)) : nil } ?? .null }
}

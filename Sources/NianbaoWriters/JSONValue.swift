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

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func newline(depth: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        var width = 2 * depth
        while width > 0 {
            out.append(contentsOf: spaces.prefix(width))
            width -= spaces.count
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether a byte may need escaping: controls, quote, backslash, and 0xE2, which leads U+2028/U+2029.
    private static func mayEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        // Most strings need no escape at all: their bytes go over in one copy. Native strings are
        // scanned in place; the iterator over `utf8` cost several times as much per byte.
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: mayEscape) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true { return }
        if plain == nil, !s.utf8.contains(where: mayEscape) { out.append(contentsOf: s.utf8); return }
        var utf8 = Array(s.utf8)[...]
        while let byte = utf8.popFirst() {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            case 0xE2 where utf8.first == 0x80 && (utf8.dropFirst().first == 0xA8 || utf8.dropFirst().first == 0xA9):
                // U+2028 and U+2029 end lines in JavaScript; escaped so the output is safe there too.
                let last = utf8.dropFirst().first!
                utf8 = utf8.dropFirst(2)
                out += Array((last == 0xA8 ? "\\u2028" : "\\u2029").utf8)
            default: out.append(byte)
            }
        }
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

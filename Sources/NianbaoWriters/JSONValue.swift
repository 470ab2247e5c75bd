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
        case .null: JSONValue.append("null", to: &out)
        case .bool(let b): JSONValue.append(b ? "true" : "false", to: &out)
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

    /// Enough spaces for any indent a report reaches; a line's indent is copied from it in one piece.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func newline(depth: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        var left = 2 * depth
        while left > 0 {
            let run = min(left, spaces.count)
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<run])) }
            left -= run
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Which bytes may need an escape: quotation mark, backslash, controls, and E2 (U+2028 and
    /// U+2029 begin with it). One load a byte, where a switch compared each byte five times.
    private static let mayEscape: [Bool] = (0...255).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }

    /// A string's bytes between quotes, escaped where JSON needs it. The bytes that need none are
    /// copied in runs: byte by byte, strings with a Chinese quotation mark (whose lead byte, E2, is
    /// also that of U+2028) cost most of writing a report.
    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            mayEscape.withUnsafeBufferPointer { mayEscape in
                var copied = 0, i = 0
                while i < bytes.count {
                    let byte = bytes[i]
                    guard mayEscape[Int(byte)] else {
                        i += 1
                        continue
                    }
                    let isLineSeparator = byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80
                        && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                    if byte == 0xE2 && !isLineSeparator {
                        i += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                    switch byte {
                    case UInt8(ascii: "\""): append(#"\""#, to: &out)
                    case UInt8(ascii: "\\"): append(#"\\"#, to: &out)
                    case UInt8(ascii: "\n"): append(#"\n"#, to: &out)
                    case UInt8(ascii: "\r"): append(#"\r"#, to: &out)
                    case UInt8(ascii: "\t"): append(#"\t"#, to: &out)
                    // U+2028 and U+2029 end lines in JavaScript; escaped so the output is safe there too.
                    case 0xE2: append(bytes[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#, to: &out)
                    default:
                        append(#"\u00"#, to: &out)
                        out.append(hexDigits[Int(byte >> 4)])
                        out.append(hexDigits[Int(byte & 0xF)])
                    }
                    i += byte == 0xE2 ? 3 : 1
                    copied = i
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
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

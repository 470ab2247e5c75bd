import NianbaoModel

/// A JSON value whose objects keep their keys in the order they were built, so the report's
/// field order is the contract's, byte for byte.
public indirect enum JSONValue: Sendable, Equatable {
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
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    // Written as UTF-8 bytes: appending scalar by scalar to a String costs most of the conversion.
    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(let n): out += Array(n.utf8)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            writeContainer(items.map { (nil, $0) }, open: UInt8(ascii: "["), close: UInt8(ascii: "]"),
                           to: &out, pretty: pretty, indent: indent)
        case .object(let members):
            writeContainer(members.map { ($0.0, $0.1) }, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"),
                           to: &out, pretty: pretty, indent: indent)
        }
    }

    private func writeContainer(_ items: [(String?, JSONValue)], open: UInt8, close: UInt8,
                                to out: inout [UInt8], pretty: Bool, indent: Int) {
        out.append(open)
        guard !items.isEmpty else { out.append(close); return }
        func newline(_ depth: Int) {
            out.append(UInt8(ascii: "\n"))
            out += repeatElement(UInt8(ascii: " "), count: 2 * depth)
        }
        for (i, (key, value)) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { newline(indent + 1) }
            if let key {
                JSONValue.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
            }
            value.write(to: &out, pretty: pretty, indent: indent + 1)
        }
        if pretty { newline(indent) }
        out.append(close)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
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

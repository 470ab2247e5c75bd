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
        var writer = JSONWriter(pretty: pretty)
        writer.value(self)
        return writer.bytes
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

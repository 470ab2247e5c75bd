import NianbaoModel

/// Writes JSON text straight into UTF-8 bytes, container by container, in the order it is told:
/// a report went first into a tree of `JSONValue`s, and making and freeing that tree cost more than
/// writing its bytes. Pretty text is indented by two spaces, as `JSONValue.rendered(pretty:)` gives.
///
/// The bytes go into a buffer the writer owns, so it is not copied: an Array's append checked
/// uniqueness and capacity through the standard library for each of the thousands of pieces of a report.
public struct JSONWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    let pretty: Bool
    private var depth = 0
    /// Whether the container being written has no item yet.
    private var isFirst = true

    public init(pretty: Bool) {
        self.pretty = pretty
        capacity = 4096
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    /// The text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    // MARK: Containers

    /// An object whose members `body` writes, each with `member`.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(UInt8(ascii: "{"), UInt8(ascii: "}"), body)
    }

    /// An array whose items `body` writes, each after `item()`.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(UInt8(ascii: "["), UInt8(ascii: "]"), body)
    }

    /// An array of `items`, each written by `write`.
    public mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        array { writer in
            for item in items {
                writer.item()
                write(&writer, item)
            }
        }
    }

    /// An array of strings.
    public mutating func array(_ strings: [String]) {
        array(strings) { $0.string($1) }
    }

    private mutating func container(_ open: UInt8, _ close: UInt8, _ body: (inout JSONWriter) -> Void) {
        append(open)
        let outerIsFirst = isFirst
        isFirst = true
        depth += 1
        body(&self)
        depth -= 1
        if pretty && !isFirst { newline() }
        append(close)
        isFirst = outerIsFirst
    }

    /// Begins the next item of an array: the comma before every item but the first, and in pretty
    /// text the item's own indented line.
    public mutating func item() {
        if !isFirst { append(UInt8(ascii: ",")) }
        isFirst = false
        if pretty { newline() }
    }

    /// Begins the member `key` of an object; its value is written next.
    public mutating func key(_ key: String) {
        item()
        string(key)
        append(UInt8(ascii: ":"))
        if pretty { append(UInt8(ascii: " ")) }
    }

    /// A member whose value `body` writes.
    public mutating func member(_ key: String, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        body(&self)
    }

    /// A member holding an object whose members `body` writes from `value`, or null where there is none.
    public mutating func member<T>(_ key: String, _ value: T?, object body: (inout JSONWriter, T) -> Void) {
        self.key(key)
        guard let value else { return null() }
        object { body(&$0, value) }
    }

    /// A member holding a string, or null where there is none.
    public mutating func member(_ key: String, _ value: String?) {
        self.key(key)
        if let value { string(value) } else { null() }
    }

    /// A member holding an integer, or null where there is none.
    public mutating func member(_ key: String, _ value: Int?) {
        self.key(key)
        if let value { integer(value) } else { null() }
    }

    /// A member holding a value in its one text form (`numberText`), or null for a blank; never a bare inf or nan.
    public mutating func member(_ key: String, _ value: Double?) {
        self.key(key)
        if let value, value.isFinite { number(numberText(value)) } else { null() }
    }

    /// A member holding true or false.
    public mutating func member(_ key: String, _ value: Bool) {
        self.key(key)
        append(value ? "true" : "false")
    }

    // MARK: Scalars

    /// null.
    public mutating func null() { append("null") }

    /// A number already in its JSON text form.
    public mutating func number(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// An integer's decimal digits, written in place: grid spans and line numbers are most of a
    /// report's numbers, and a String made for each cost more than writing it.
    public mutating func integer(_ value: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 19 digits and a sign
        let length = withUnsafeMutableBytes(of: &digits) { buffer in
            var magnitude = value.magnitude, end = buffer.count
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                end -= 1
                buffer[end] = UInt8(ascii: "-")
            }
            return buffer.count - end
        }
        withUnsafeBytes(of: &digits) { append(UnsafeBufferPointer(rebasing: $0.bindMemory(to: UInt8.self).suffix(length))) }
    }

    /// A value built as a tree.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): append(b ? "true" : "false")
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let items): array(items) { $0.value($1) }
        case .object(let members):
            object { writer in
                for (key, value) in members {
                    writer.key(key)
                    writer.value(value)
                }
            }
        }
    }

    // MARK: Bytes

    private mutating func newline() {
        reserve(1 + 2 * depth)
        start[count] = UInt8(ascii: "\n")
        (start + count + 1).initialize(repeating: UInt8(ascii: " "), count: 2 * depth)
        count += 1 + 2 * depth
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Which bytes may need an escape: quotation mark, backslash, controls, and E2 (U+2028 and
    /// U+2029 begin with it). One load a byte, where a switch compared each byte five times.
    private static let mayEscape: [Bool] = (0...255).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }

    /// A string: its bytes between quotes, escaped where JSON needs it. The bytes that need none are
    /// copied in runs: byte by byte, strings with a Chinese quotation mark (whose lead byte, E2, is
    /// also that of U+2028) cost most of writing a report.
    public mutating func string(_ s: String) {
        append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { source in
            JSONWriter.mayEscape.withUnsafeBufferPointer { mayEscape in
                var copied = 0, i = 0
                while i < source.count {
                    let byte = source[i]
                    guard mayEscape[Int(byte)] else {
                        i += 1
                        continue
                    }
                    let isLineSeparator = byte == 0xE2 && i + 2 < source.count && source[i + 1] == 0x80
                        && (source[i + 2] == 0xA8 || source[i + 2] == 0xA9)
                    if byte == 0xE2 && !isLineSeparator {
                        i += 1
                        continue
                    }
                    append(UnsafeBufferPointer(rebasing: source[copied..<i]))
                    switch byte {
                    case UInt8(ascii: "\""): append(#"\""#)
                    case UInt8(ascii: "\\"): append(#"\\"#)
                    case UInt8(ascii: "\n"): append(#"\n"#)
                    case UInt8(ascii: "\r"): append(#"\r"#)
                    case UInt8(ascii: "\t"): append(#"\t"#)
                    // U+2028 and U+2029 end lines in JavaScript; escaped so the output is safe there too.
                    case 0xE2: append(source[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#)
                    default:
                        append(#"\u00"#)
                        append(JSONWriter.hexDigits[Int(byte >> 4)])
                        append(JSONWriter.hexDigits[Int(byte & 0xF)])
                    }
                    i += byte == 0xE2 ? 3 : 1
                    copied = i
                }
                append(UnsafeBufferPointer(rebasing: source[copied...]))
            }
        }
        append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always) private mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    @inline(__always) private mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let base = piece.baseAddress else { return }
        reserve(piece.count)
        (start + count).initialize(from: base, count: piece.count)
        count += piece.count
    }

    /// Room for `more` bytes, the buffer doubled when it has none.
    @inline(__always) private mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    private mutating func grow(to needed: Int) {
        capacity = max(needed, 2 * capacity)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: start, count: count)
        start.deallocate()
        start = grown
    }
}

import NianbaoModel

/// Text decoded from bytes, with the name of the encoding it was found in.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    public var encoding: String
    public var diagnostics: [Diagnostic]
}

/// Finds the encoding of a text: byte-order mark, else UTF-8 when valid, else GB18030
/// (scraped Chinese pages are often GBK, which GB18030 contains).
public enum TextDecoding {
    /// Decodes bytes, never failing: undecodable bytes are replaced and reported.
    public static func decode(_ bytes: [UInt8]) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), name: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(Array(bytes.dropFirst(2)), littleEndian: bytes[0] == 0xFF)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: "UTF-8", diagnostics: [])
        }
        if let text = Iconv.decode(bytes, from: "GB18030") {
            return DecodedText(text: text, encoding: "GB18030", diagnostics: [])
        }
        return utf8(bytes, name: "UTF-8")
    }

    private static func utf8(_ bytes: [UInt8], name: String) -> DecodedText {
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: name, diagnostics: [])
        }
        return DecodedText(
            text: String(decoding: bytes, as: UTF8.self), encoding: name,
            diagnostics: [Diagnostic(.warning, "encoding.invalid",
                                     "文本既不是有效的 UTF-8 也不是 GB18030，无法解码的字节已替换为 U+FFFD")])
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> DecodedText {
        let units = stride(from: 0, to: bytes.count - 1, by: 2).map { i -> UInt16 in
            littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                         : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
        }
        return DecodedText(text: String(decoding: units, as: UTF16.self),
                           encoding: littleEndian ? "UTF-16LE" : "UTF-16BE", diagnostics: [])
    }
}

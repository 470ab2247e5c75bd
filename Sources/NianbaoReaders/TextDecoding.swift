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
    /// Decodes bytes, never failing: undecodable bytes are replaced and reported. `declared` is
    /// the charset the content names (an HTML meta tag); the bytes overrule it when they disagree.
    public static func decode(_ bytes: [UInt8], declared: String? = nil) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), name: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(Array(bytes.dropFirst(2)), littleEndian: bytes[0] == 0xFF)
        }
        if let littleEndian = utf16WithoutMark(bytes) {
            return utf16(bytes, littleEndian: littleEndian)
        }
        let declaredName = declared.map(canonicalName)
        // Valid UTF-8 with non-ASCII bytes is almost never text in another encoding.
        if let text = String(validating: bytes, as: UTF8.self) {
            var decoded = DecodedText(text: text, encoding: "UTF-8", diagnostics: [])
            if let declaredName, declaredName != "UTF-8", bytes.contains(where: { $0 >= 0x80 }) {
                decoded.diagnostics.append(mismatch(declared: declared!, used: "UTF-8"))
            }
            return decoded
        }
        // A Western or Cyrillic single-byte charset decodes any bytes, so its success proves nothing:
        // a Chinese page declared so is GB18030 whenever the bytes are valid GB18030.
        let singleByte = declaredName.map(isSingleByte) ?? false
        if let declaredName, declaredName != "UTF-8", !singleByte, let text = Iconv.decode(bytes, from: declaredName) {
            return DecodedText(text: text, encoding: declaredName, diagnostics: [])
        }
        if let text = Iconv.decode(bytes, from: "GB18030") {
            return DecodedText(text: text, encoding: "GB18030",
                               diagnostics: declared.map { [mismatch(declared: $0, used: "GB18030")] } ?? [])
        }
        if let declaredName, singleByte, let text = Iconv.decode(bytes, from: declaredName) {
            return DecodedText(text: text, encoding: declaredName, diagnostics: [Diagnostic(.warning, "encoding.doubtful",
                "网页声明的编码为 \(declared!)，内容既不是 UTF-8 也不是 GB18030，已按声明读取，中文可能显示为乱码")])
        }
        // GB18030 with a few bad bytes (a cut download, a stray byte) is read with those replaced.
        // UTF-8 with bad bytes also decodes as GB18030 with few: the encoding with fewer bad bytes wins.
        if let (text, replaced) = Iconv.decodeReplacing(bytes, from: "GB18030", maximumReplaced: max(8, bytes.count / 1000)),
           replaced < invalidUTF8(bytes) {
            return DecodedText(text: text, encoding: "GB18030", diagnostics: [Diagnostic(.warning, "encoding.invalid",
                "文本按 GB18030 读取，其中 \(replaced) 个无法解码的字节已替换为 U+FFFD")])
        }
        return utf8(bytes, name: "UTF-8")
    }

    /// The name iconv knows for a declared charset; GB2312 and GBK are read as their superset GB18030.
    static func canonicalName(_ declared: String) -> String {
        switch declared.lowercased() {
        case "utf-8", "utf8": "UTF-8"
        case "gb2312", "gbk", "x-gbk", "gb18030", "cp936", "euc-cn", "hz-gb-2312", "gb_2312-80": "GB18030"
        case "big5", "big5-hkscs": "BIG5-HKSCS"
        default: declared.uppercased()
        }
    }

    /// How many times decoding the bytes as UTF-8 meets an invalid sequence.
    static func invalidUTF8(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var errors = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .error: errors += 1
            case .emptyInput: return errors
            }
        }
    }

    /// Charsets of one byte a character outside Chinese: ISO 8859, Windows code pages, KOI8, ASCII.
    static func isSingleByte(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["iso-8859", "iso8859", "latin", "windows-125", "cp125", "koi8", "us-ascii", "ascii", "macintosh", "mac-roman"]
            .contains { lower.hasPrefix($0) }
    }

    private static func mismatch(declared: String, used: String) -> Diagnostic {
        Diagnostic(.info, "encoding.mismatch", "网页声明的编码为 \(declared)，但内容实际是 \(used)，已按 \(used) 读取")
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

    /// UTF-16 without a byte-order mark shows itself by zero bytes on one side of its ASCII
    /// characters (digits, line breaks, tabs); nil when the bytes do not look so.
    static func utf16WithoutMark(_ bytes: [UInt8]) -> Bool? {
        let head = bytes.prefix(4096)
        guard head.count >= 16, head.count % 2 == 0 else { return nil }
        var even = 0, odd = 0
        for (i, byte) in head.enumerated() where byte == 0 { if i % 2 == 0 { even += 1 } else { odd += 1 } }
        // UTF-8 and GB18030 text has no zero bytes at all; CJK code units rarely have one.
        if odd >= 2 && odd >= 3 * even { return true }
        if even >= 2 && even >= 3 * odd { return false }
        return nil
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> DecodedText {
        let units = stride(from: 0, to: bytes.count - 1, by: 2).map { i -> UInt16 in
            littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                         : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
        }
        var unpaired = 0
        var decoder = UTF16()
        var iterator = units.makeIterator()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .error: unpaired += 1
            case .emptyInput: break decoding
            }
        }
        let diagnostics = unpaired == 0 ? [] : [Diagnostic(.warning, "encoding.invalid",
            "UTF-16 文本中有 \(unpaired) 个不成对的代理码元，已替换为 U+FFFD")]
        return DecodedText(text: String(decoding: units, as: UTF16.self),
                           encoding: littleEndian ? "UTF-16LE" : "UTF-16BE", diagnostics: diagnostics)
    }
}

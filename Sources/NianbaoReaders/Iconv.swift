#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A decoder over the C library's iconv; the only place the readers touch its pointers.
enum Iconv {
    /// The bytes decoded from `encoding` to a String, or nil when they are not valid in it.
    static func decode(_ bytes: [UInt8], from encoding: String) -> String? {
        guard let (text, replaced) = decodeReplacing(bytes, from: encoding, maximumReplaced: 0), replaced == 0 else { return nil }
        return text
    }

    /// The bytes decoded from `encoding`, each byte that starts no valid sequence replaced by U+FFFD,
    /// and how many were; nil when `encoding` is unknown or more than `maximumReplaced` bytes are bad.
    static func decodeReplacing(_ bytes: [UInt8], from encoding: String, maximumReplaced: Int) -> (String, Int)? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }

        var input = bytes.map { CChar(bitPattern: $0) }
        // One input byte never becomes more than three UTF-8 bytes (U+FFFD, or a single-byte
        // charset's €); four bytes of GB18030 become four.
        var output = [CChar](repeating: 0, count: bytes.count * 3 + 4)
        var replaced = 0
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var outPointer = outBuffer.baseAddress
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                    guard errno == EILSEQ || errno == EINVAL, replaced < maximumReplaced, outLeft >= 3 else { return nil }
                    replaced += 1
                    for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                        outPointer!.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer! + 1
                    }
                    outLeft -= 3
                    inPointer = inPointer! + 1
                    inLeft -= 1
                    // A fresh state after the bad byte.
                    iconv(converter, nil, nil, nil, nil)
                }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output.prefix(produced).map { UInt8(bitPattern: $0) }, as: UTF8.self).map { ($0, replaced) }
    }
}

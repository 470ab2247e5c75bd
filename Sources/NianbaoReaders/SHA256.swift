import CLibCrypto

/// SHA-256 of the input bytes, identifying a source in the report: OpenSSL's libcrypto, which
/// hashes at memory speed where a hand-written loop managed a tenth of it (a DOCX of 64 MB of
/// images took 430 ms), reading the bytes in place (see CLibCrypto's shim.h for which functions).
public enum SHA256 {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        // Hashing fails only without memory; an empty digest then shows it rather than a wrong one.
        let length = bytes.withUnsafeBytes { nianbao_sha256($0.baseAddress, $0.count, &digest) } == 1 ? 32 : 0
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest.prefix(length) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

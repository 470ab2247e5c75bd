import Crypto

/// SHA-256 of the input bytes, identifying a source in the report: swift-crypto's, BoringSSL's
/// assembly linked into the binary. OpenSSL's libcrypto hashed as fast, but loading and binding it
/// cost every start of nianbao more than converting a short text report.
public enum SHA256 {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in Crypto.SHA256.hash(data: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

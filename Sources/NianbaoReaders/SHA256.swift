import Crypto

/// SHA-256 of the input bytes, identifying a source in the report: swift-crypto's, BoringSSL's
/// assembly linked into the binary. OpenSSL's libcrypto hashed as fast, but loading and binding it
/// cost every start of nianbao more than converting a short text report.
public struct SHA256 {
    private static let digits = Array("0123456789abcdef".utf8)
    private var hasher = Crypto.SHA256()

    /// A digest of no bytes yet, for an input given a piece at a time.
    public init() {}

    /// Adds the next piece of the input.
    public mutating func update(_ piece: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: piece)
    }

    /// Lower-case hex digest of the pieces added.
    public func hex() -> String { SHA256.hex(of: hasher.finalize()) }

    /// Lower-case hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String { hex(of: Crypto.SHA256.hash(data: bytes)) }

    /// Read through its bytes: iterating the digest as a sequence made generic type metadata at run
    /// time, two hundred thousand instructions of every start.
    private static func hex(of digest: Crypto.SHA256.Digest) -> String {
        digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: 2 * bytes.count) { text in
                for (index, byte) in bytes.enumerated() {
                    text[2 * index] = digits[Int(byte >> 4)]
                    text[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
                return 2 * bytes.count
            }
        }
    }
}

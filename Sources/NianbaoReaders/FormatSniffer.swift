import NianbaoModel

/// Decides an input's format from its content: a zip package is DOCX, `%PDF-` in the first KiB (where
/// readers look for it) is PDF, markup is HTML, the rest is text.
public enum FormatSniffer {
    /// The format the bytes look like.
    public static func sniff(_ bytes: [UInt8]) -> InputFormat {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if isPDF(bytes) { return .pdf }
        return looksLikeHTML(bytes) ? .html : .text
    }

    private static func isPDF(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(1024)
        let marker: [UInt8] = Array("%PDF-".utf8)
        return head.indices.contains { head[$0...].starts(with: marker) }
    }

    private static let markupOpeners = ["<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<div", "<p>", "<p "]

    private static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        // Only the start matters, and ASCII markup survives any ASCII-compatible encoding: the other
        // bytes are left out, the letters compared in lower case.
        let head = bytes.prefix(4096).compactMap { $0 < 0x80 ? $0.lowercasedASCII : nil }
        guard head.first(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) }) == UInt8(ascii: "<") else { return false }
        return markupOpeners.contains { opener in
            let opener = Array(opener.utf8)
            return head.indices.contains { head[$0] == opener[0] && head[$0...].starts(with: opener) }
        }
    }
}

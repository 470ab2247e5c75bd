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
        // Only the start matters, and ASCII markup survives any ASCII-compatible encoding.
        let head = bytes.prefix(4096).compactMap { $0 < 0x80 ? Character(Unicode.Scalar($0)) : nil }
        let text = String(head).lowercased().drop { $0.isWhitespace }
        guard text.first == "<" else { return false }
        return markupOpeners.contains { text.contains($0) }
    }
}

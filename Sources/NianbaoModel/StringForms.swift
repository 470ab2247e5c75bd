extension String {
    /// The string without leading and trailing white space of any kind (U+00A0, U+3000 and the
    /// zero-width marks scraped text carries included).
    public func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isBlank }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isBlank })!
        return String(scalars[start...end])
    }

    /// Runs of white space of any kind (tabs, breaks inside a paragraph, U+00A0, U+3000) as one
    /// space, none at the ends: the one form a paragraph takes in the report, whatever the source.
    /// Zero-width marks go without a trace.
    public func foldingWhitespace() -> String {
        unicodeScalars.filter { $0.value != 0xFEFF && $0.value != 0x200B }
            .split(whereSeparator: { $0.properties.isWhitespace })
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    /// Whether `needle` occurs in the string, compared as UTF-8 bytes. The standard library's
    /// `contains(_:)` for strings builds a search table on every call, which cost more than the rest
    /// of reading a long text of short lines; the needles here are a few words.
    public func containsText(_ needle: String) -> Bool {
        var hay = self, pattern = needle
        // Native strings are contiguous UTF-8; made so once, they are searched without copying.
        return hay.withUTF8 { hay in
            pattern.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard hay.count >= pattern.count else { return false }
                for i in 0...(hay.count - pattern.count) where hay[i] == first
                    && (1..<pattern.count).allSatisfy({ hay[i + $0] == pattern[$0] }) {
                    return true
                }
                return false
            }
        }
    }

    /// Every occurrence of `target` replaced, without Foundation.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension Unicode.Scalar {
    /// White space, or a byte-order mark or zero-width space.
    public var isBlank: Bool { properties.isWhitespace || value == 0xFEFF || value == 0x200B }
}

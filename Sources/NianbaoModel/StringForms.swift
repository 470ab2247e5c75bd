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

    /// Every occurrence of `target` replaced, without Foundation.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension Unicode.Scalar {
    /// White space, or a byte-order mark or zero-width space.
    public var isBlank: Bool { properties.isWhitespace || value == 0xFEFF || value == 0x200B }
}

extension String {
    /// Runs of white space of any kind (tabs, line breaks inside a paragraph, U+00A0, U+3000) as
    /// one space, none at the ends: the one form a paragraph takes in the report, whatever the source.
    func foldingWhitespace() -> String {
        unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }
}

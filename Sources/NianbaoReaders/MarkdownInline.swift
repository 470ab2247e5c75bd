/// What markdown writers add to a line's text: a line wholly in bold (`**一、总体情况**`, mammoth's
/// `__二、主动公开政府信息情况__`) and backslash escapes (`1\.属于国家秘密`, lest a list begin).
enum MarkdownInline {
    /// The line without markdown's marks.
    static func plain(_ text: String) -> String { unescaped(unbolded(text)) }

    /// A line wholly in bold as the line itself; any other line as it is.
    static func unbolded(_ text: String) -> String {
        for mark in ["**", "__"] where text.hasPrefix(mark) && text.hasSuffix(mark) && text.hasMoreCharacters(than: 4) {
            let inner = String(text.dropFirst(2).dropLast(2)).trimmingBlanks()
            if !inner.contains(mark) { return inner }
        }
        return text
    }

    /// Markdown's escapes undone: `\` before ASCII punctuation is that punctuation, and a `\` ending
    /// a line (a line break inside a grid table's cell) is dropped.
    static func unescaped(_ text: String) -> String {
        guard text.containsUTF8(UInt8(ascii: "\\")) else { return text }
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                if !(character.isASCII && (character.isPunctuation || character.isSymbol)) { out.append("\\") }
                out.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

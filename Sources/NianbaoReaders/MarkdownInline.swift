/// What markdown writers add to a line's text: a line wholly in bold (`**一、总体情况**`, mammoth's
/// `__二、主动公开政府信息情况__`), backslash escapes (`1\.属于国家秘密`, lest a list begin), and the
/// inline HTML a pipe table's cell holds where it has no other way to break a line.
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

    /// A pipe table cell's text: pymupdf4llm writes a cell's lines as `232<br>287` and a number its
    /// column wrapped as `<sup>2526</sup><br>6`. A line break becomes a newline, so that a cell of two
    /// numbers reads as two numbers, not as the unreadable word `232<br>287`; superscript and
    /// subscript marks are dropped.
    static func cellText(_ cell: String) -> String {
        guard cell.utf8.contains(UInt8(ascii: "<")) else { return cell }
        var out = ""
        var rest = Substring(cell)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close].filter { $0 != " " }.lowercased()
            switch tag {
            case "br", "br/": out += "\n"
            case "sup", "/sup", "sub", "/sub": break
            default: out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

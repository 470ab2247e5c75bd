/// Inline HTML that markdown writers put inside a pipe table's cell, where a cell has no other way to
/// break a line: pymupdf4llm writes a cell's lines as `232<br>287` and a number its column wrapped as
/// `<sup>2526</sup><br>6`. A line break becomes a newline, so that a cell of two numbers reads as two
/// numbers, not as the unreadable word `232<br>287`; superscript and subscript marks are dropped.
enum CellMarkup {
    static func plain(_ cell: String) -> String {
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
            continue
        }
        return out + rest
    }
}

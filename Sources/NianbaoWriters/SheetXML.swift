/// A worksheet part written row by row, so that a long sheet can go to a file as it is made.
public struct SheetXML {
    private var bytes: [UInt8]
    private var rowCount = 0
    /// Whether value cells of this sheet are drawn bordered (a table in its template layout).
    private let bordered: Bool

    public init(bordered: Bool = false) {
        self.bordered = bordered
        bytes = Array((Workbook.declaration
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").utf8)
    }

    /// Appends the next row.
    public mutating func append(_ cells: [WorkbookCell]) {
        rowCount += 1
        bytes += Array("<row r=\"\(rowCount)\">".utf8)
        for (index, cell) in cells.enumerated() {
            let reference = SheetXML.columnName(index) + String(rowCount)
            switch cell {
            case .empty:
                if bordered { bytes += Array("<c r=\"\(reference)\" s=\"3\"/>".utf8) }
            case .number(let text):
                bytes += Array("<c r=\"\(reference)\"\(bordered ? " s=\"3\"" : "")><v>\(text)</v></c>".utf8)
            case .text(let text, let style):
                let styleAttribute = style == .plain ? (bordered ? " s=\"3\"" : "") : " s=\"\(style.rawValue)\""
                bytes += Array("<c r=\"\(reference)\"\(styleAttribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
                bytes += Array(SheetXML.escaped(text).utf8)
                bytes += Array("</t></is></c>".utf8)
            }
        }
        bytes += Array("</row>".utf8)
    }

    /// How many bytes wait to be taken.
    public var pending: Int { bytes.count }

    /// Takes the bytes written so far (to flush them to a file); the sheet goes on from there.
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Closes the sheet with its merged ranges and returns the remaining bytes.
    public mutating func finish(merges: [CellRange] = []) -> [UInt8] {
        bytes += Array("</sheetData>".utf8)
        if !merges.isEmpty {
            bytes += Array("<mergeCells count=\"\(merges.count)\">".utf8)
            for range in merges {
                let first = SheetXML.columnName(range.column) + String(range.row + 1)
                let last = SheetXML.columnName(range.column + range.columns - 1) + String(range.row + range.rows)
                bytes += Array("<mergeCell ref=\"\(first):\(last)\"/>".utf8)
            }
            bytes += Array("</mergeCells>".utf8)
        }
        bytes += Array("</worksheet>".utf8)
        return take()
    }

    /// A, B, …, Z, AA, …: the column's letters.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// Text as XML character data: markup characters escaped, and the control characters XML 1.0
    /// cannot carry at all dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

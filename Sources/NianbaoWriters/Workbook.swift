/// One cell of a worksheet: numbers stay numbers in Excel, blanks are empty cells.
public enum WorkbookCell: Sendable, Equatable {
    case empty
    /// A number in its text form (`numberText`).
    case number(String)
    case text(String, style: CellStyle = .plain)

    /// How a text cell looks.
    public enum CellStyle: Int, Sendable {
        /// Style indexes into styles.xml's cellXfs.
        case plain = 0, header = 1, label = 2
    }
}

/// A merged range of a sheet, zero-based, inclusive of its first cell.
public struct CellRange: Sendable, Equatable {
    public var row: Int, column: Int, rows: Int, columns: Int

    public init(row: Int, column: Int, rows: Int, columns: Int) {
        (self.row, self.column, self.rows, self.columns) = (row, column, rows, columns)
    }
}

/// A worksheet: a name and its rows, kept in memory, or its XML already written to a file (the
/// long sheets of a batch, which never need to be held whole).
public struct Worksheet: Sendable {
    public enum Content: Sendable {
        case rows([[WorkbookCell]], merges: [CellRange])
        /// A complete worksheet part written with `SheetXML`.
        case file(String)
    }

    public var name: String
    public var content: Content
    /// Whether every cell is drawn with a border (a table in its template layout).
    public var bordered = false

    public init(name: String, rows: [[WorkbookCell]], merges: [CellRange] = [], bordered: Bool = false) {
        self.name = name
        content = .rows(rows, merges: merges)
        self.bordered = bordered
    }

    public init(name: String, file: String) {
        self.name = name
        content = .file(file)
    }
}

/// An Office Open XML workbook (.xlsx) of worksheets, packaged with libzip.
public struct Workbook: Sendable {
    public var sheets: [Worksheet]

    public init(sheets: [Worksheet]) { self.sheets = sheets }

    /// The .xlsx package's bytes.
    public func xlsx() throws(ZipWriteError) -> [UInt8] {
        let zip = try ZipWriter()
        try zip.add("[Content_Types].xml", Array(contentTypes.utf8))
        try zip.add("_rels/.rels", Array(Workbook.packageRelationships.utf8))
        try zip.add("xl/workbook.xml", Array(workbook.utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8))
        try zip.add("xl/styles.xml", Array(Workbook.styles.utf8))
        for (index, sheet) in sheets.enumerated() {
            let name = "xl/worksheets/sheet\(index + 1).xml"
            switch sheet.content {
            case .rows(let rows, let merges):
                var xml = SheetXML(bordered: sheet.bordered)
                for row in rows { xml.append(row) }
                try zip.add(name, xml.finish(merges: merges))
            case .file(let path): try zip.add(name, file: path)
            }
        }
        return try zip.finish()
    }

    /// Sheet names as Excel accepts them: at most 31 characters, none of []:*?/\, each used once.
    var sheetNames: [String] {
        var used: Set<String> = []
        return sheets.map { sheet in
            let base = String(sheet.name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(28))
            var name = base.isEmpty ? "Sheet" : base
            var n = 2
            while used.contains(name.lowercased()) { name = "\(base) \(n)"; n += 1 }
            used.insert(name.lowercased())
            return name
        }
    }

    private var contentTypes: String {
        let sheetTypes = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return Workbook.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheetTypes + "</Types>"
    }

    private var workbook: String {
        let entries = sheetNames.enumerated().map { index, name in
            "<sheet name=\"\(SheetXML.escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return Workbook.declaration
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets>\(entries)</sheets></workbook>"
    }

    private var workbookRelationships: String {
        let sheetLinks = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        return Workbook.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + sheetLinks
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    /// Three looks, in the order of `WorkbookCell.CellStyle`: plain; header (bold, centred, wrapped,
    /// bordered); label (wrapped, bordered). Value cells of a table sheet use the bordered plain look (3).
    private static let styles = declaration
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/></font><font><b/><sz val=\"11\"/><name val=\"等线\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        + "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}

import NianbaoModel

/// A converter that cuts a narrow PDF table into pieces (markitdown) leaves some rows as loose lines
/// between them, the label's first characters and the numbers a word each (`3.危 6 153 389 … 1503`,
/// `（四 1.本 399 316 … 1278`), and the rest of the labels on the lines below, a piece per label
/// column (`）无 机关`, `法提 不掌`, then `关政`). Such a line is cut into cells at its spaces: a line
/// ending in numbers, and a line without numbers below it with as many words as its label words, so
/// each piece stands in its label's column and the rows' labels can be read down the columns.
enum LooseLineCells {
    static func cut(_ rows: [SourceRow]) -> [SourceRow] {
        var labelColumns: Int?
        return rows.map { row in
            guard row.cells.count == 1 else {
                labelColumns = nil
                return row
            }
            let words = CellValue.words(row.cells[0].text)
            let labels = words.prefix { !CellValue($0).isNumber }.count
            if labels < words.count, labels > 0, words[labels...].allSatisfy({ CellValue($0).isNumber }) {
                labelColumns = labels
            } else if labels != words.count || words.count < 2 || words.count != labelColumns {
                if labels != words.count { labelColumns = nil }
                return row
            }
            var cut = row
            cut.cells = words.map { SourceCell($0) }
            return cut
        }
    }
}

import NianbaoModel

/// The normalized text form of a report: UTF-8, the title, one heading per line in canonical form
/// (一、总体情况), one paragraph per line, images as `[image: …]`, every table as a `|` grid with
/// merged positions empty and blank values written as —. Reading it back gives the same report.
public enum ReportText {
    /// What a blank value cell is written as.
    public static let blank = "—"

    public static func text(_ report: Report) -> String {
        var lines: [String] = []
        var lastWasTable = false
        func paragraph(_ text: String) {
            lines.append(oneLine(text))
            lastWasTable = false
        }
        func table(_ grid: Grid, blankValues: Bool) {
            if lastWasTable { lines.append("---") } else { lines.append("") }
            lines += rows(grid, blankValues: blankValues)
            lines.append("")
            lastWasTable = true
        }

        if let title = report.meta.title { paragraph(title) }
        report.meta.preamble.forEach(paragraph)
        var written: Set<String> = []
        for section in report.sections {
            paragraph("\(section.numeral)、\(section.title)")
            section.paragraphs.forEach(paragraph)
            section.images.forEach { paragraph("[image: \($0)]") }
            for standard in report.tables where standard.numeral == section.numeral {
                if let grid = standard.grid {
                    table(grid, blankValues: true)
                    written.insert(standard.key)
                }
            }
        }
        // Standard tables whose section the report lacks, then the other tables.
        for standard in report.tables where !written.contains(standard.key) {
            if let grid = standard.grid { table(grid, blankValues: true) }
        }
        report.otherTables.forEach { table($0, blankValues: false) }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A paragraph on one line; `|` would make it a table row.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ").replacingAll("|", with: "｜")
    }

    /// The grid's rows as `| a | b |` lines: positions covered by a merged cell are empty, and in a
    /// standard table an empty cell is a blank value, written as —, in every position it covers (text
    /// has no spans, and a blank is a blank in each column it stands over).
    private static func rows(_ grid: Grid, blankValues: Bool) -> [String] {
        GridPlacement(grid.rows).matrix(grid.rows, columns: grid.columns).map { row in
            // The cell to the left and the columns it reaches: a position it covers is part of it.
            var left: (cell: GridCell, end: Int)?
            var texts = row.enumerated().map { column, cell -> String in
                if let cell {
                    left = (cell, column + cell.colSpan)
                    return cell.text.isEmpty && blankValues ? blank : oneLine(cell.text)
                }
                guard let left, column < left.end, left.cell.text.isEmpty, blankValues else { return "" }
                return blank
            }
            while texts.last == "" { texts.removeLast() }
            return "| " + texts.joined(separator: " | ") + " |"
        }
    }
}

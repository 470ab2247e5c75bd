import NianbaoModel

/// A source row split into its labels and the value cells after the last label.
struct AnalyzedRow {
    var source: SourceRow
    var cells: [CellValue]
    /// The texts of the non-empty label cells, in order.
    var labels: [String] { didSet { labelKeys = labels.map(LabelKey.init) } }
    /// The labels reduced for matching.
    private(set) var labelKeys: [LabelKey]
    /// The cells after the last label: where this row's values are.
    var region: [CellValue]
    /// The texts of `region`, for messages.
    var regionText: [String]
    /// The row's place in its table.
    var position: Int
    /// The grid column each cell starts in, as the reader's spans place it.
    var cellStarts: [Int]
    /// The grid columns each cell of `region` covers.
    var regionColumns: [Range<Int>]

    /// A row at `position` whose cells start at the grid columns `starts`.
    init(_ row: SourceRow, position: Int, starts: [Int]) {
        source = row
        self.position = position
        cellStarts = starts
        cells = row.cells.map { CellValue($0.text) }
        let lastLabel = cells.lastIndex { $0.isLabel }
        labels = zip(row.cells, cells).filter { $0.1.isLabel }.map(\.0.text)
        labelKeys = labels.map(LabelKey.init)
        let start = lastLabel.map { $0 + 1 } ?? 0
        region = Array(cells[start...])
        regionText = row.cells[start...].map(\.text)
        regionColumns = row.cells.indices[start...].map { i in starts[i]..<(starts[i] + max(1, row.cells[i].colSpan)) }
    }

    var location: SourceLocation { source.location }
    /// The grid column the last label cell starts in.
    var lastLabelStart: Int? { cells.lastIndex { $0.isLabel }.map { cellStarts[$0] } }
    /// The text of the label cell that starts in grid column `column`, if one does.
    func label(at column: Int) -> String? {
        cells.indices.first { cellStarts[$0] == column && cells[$0].isLabel }.map { source.cells[$0].text }
    }
    var numberCount: Int { region.filter(\.isNumber).count }
    /// Whether the row holds anything in value position but blanks.
    var hasValues: Bool { region.contains { $0 != .blank } }
}

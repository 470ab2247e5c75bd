import NianbaoModel

/// Bounds on one table: a table past them is no report's table but a file built to blow up
/// (a thousand cells a thousand columns wide), refused with an error that names the limit.
public struct TableLimits: Sendable {
    /// Most cells a table may hold as the source gives them.
    public var cells = 100_000
    /// Most grid positions (rows × columns, once spans are counted) a table may cover.
    public var gridArea = 250_000
    /// Widest or tallest span a cell may state; larger is a typing error and is cut to this.
    static let maximumSpan = 1000

    public init() {}

    /// Refuses `table` when it holds more cells or covers more positions than allowed.
    func check(_ table: SourceTable) throws(ReaderError) {
        let count = table.rows.reduce(0) { $0 + $1.cells.count }
        guard count <= cells else {
            throw .tooComplex("表格有 \(count) 个单元格，上限为 \(cells)（可用 --max-table-cells 调整）",
                              "a table has \(count) cells; the limit is \(cells) (--max-table-cells)")
        }
        guard GridPlacement(table.rows.map(\.cells), maximumArea: gridArea) != nil else {
            throw .tooComplex("表格合并单元格后超过 \(gridArea) 个格位（可用 --max-table-area 调整）",
                              "a table's grid exceeds \(gridArea) positions once spans are counted (--max-table-area)")
        }
    }

    /// Refuses the document when one of its tables is past the limits.
    public func check(_ document: Document) throws(ReaderError) {
        for case .table(let table) in document.blocks { try check(table) }
    }
}

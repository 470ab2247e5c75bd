import ArgumentParser
import Nianbao

/// The bounds a command puts on each table of an input, each with a default that no real report comes near.
struct LimitOptions: ParsableArguments {
    @Option(help: "Most cells one table may hold. 单个表格的最多单元格数。")
    var maxTableCells = TableLimits().cells

    @Option(help: "Most grid positions (rows x columns, spans counted) one table may cover. 单个表格合并单元格后的最多格位数。")
    var maxTableArea = TableLimits().gridArea

    func validate() throws {
        if maxTableCells < 1 || maxTableArea < 1 {
            throw ValidationError("--max-table-cells, --max-table-area 至少为 1 (must be at least 1)")
        }
    }

    var readerLimits: ReaderLimits { Self.readerLimits(cells: maxTableCells, area: maxTableArea) }

    /// A reader's limits with these table bounds.
    static func readerLimits(cells: Int, area: Int) -> ReaderLimits {
        var limits = ReaderLimits()
        limits.table.cells = cells
        limits.table.gridArea = area
        return limits
    }

    /// The options as arguments, for a worker process to be started with the same bounds.
    var arguments: [String] {
        ["--max-table-cells", String(maxTableCells), "--max-table-area", String(maxTableArea)]
    }
}

/// The bound on what one input may write, for the commands that write reports.
struct OutputLimitOption: ParsableArguments {
    @Option(help: "Largest output one input may make, in MiB. 单个输入的最大输出（兆字节）。")
    var maxOutputMb = BatchOptions.defaultMaximumOutputBytes >> 20

    func validate() throws {
        if maxOutputMb < 1 { throw ValidationError("--max-output-mb 至少为 1 (must be at least 1)") }
    }

    var maximumOutputBytes: Int { maxOutputMb << 20 }
}

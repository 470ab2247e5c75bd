import NianbaoModel
import Testing
@testable import NianbaoTables

/// Table 三 as markitdown leaves a PDF's: its numbers in row order, labels gone, totals moved or broken.
@Suite struct RowStreamRecoveryTests {
    let template = Edition.template("applications", edition: "2021")!
    var recovery: RowStreamRecovery { RowStreamRecovery(template: template)! }

    /// Row r written on its own line as r+1, five zeros and its total r+1, after the lines `before`.
    func stream(_ before: [[String]] = [], from first: Int = 0) -> [RowStreamRecovery.Number] {
        let lines = before + (first..<template.rows.count).map { ["\($0 + 1)", "0", "0", "0", "0", "0", "\($0 + 1)"] }
        return lines.enumerated().flatMap { line, words in words.map { RowStreamRecovery.Number(text: $0, line: line) } }
    }

    func row(_ r: Int) -> [Double] { [Double(r + 1), 0, 0, 0, 0, 0, Double(r + 1)] }

    @Test func rowsInOrderAreRead() throws {
        let outcomes = try #require(recovery.recover(stream()))
        #expect(outcomes == template.rows.indices.map { .settled(row($0)) })
    }

    @Test func aTotalBeforeItsValuesOrBrokenOverLinesIsRead() throws {
        let before = [["1168"], ["323", "315", "96", "49", "229", "156"],  // the total on a line of its own first
                      ["2526"], ["3951", "4795", "4007", "4185", "4950"], ["3378"], ["6"],  // 25266 broken around
                      ["1", "2", "3", "4", "5", "1219"], ["12"], ["34"]]  // 1234 broken after
        let outcomes = try #require(recovery.recover(stream(before, from: 3)))
        #expect(outcomes[0] == .settled([323, 315, 96, 49, 229, 156, 1168]))
        #expect(outcomes[1] == .settled([3951, 4795, 4007, 4185, 4950, 3378, 25266]))
        #expect(outcomes[2] == .settled([1, 2, 3, 4, 5, 1219, 1234]))
        #expect(outcomes[3] == .settled(row(3)))
    }

    @Test func aRowThatReadsTwoWaysIsLeftUnsettled() throws {
        // 80 ending its line is a total first (80|0|0|0|0|0|80 read backwards) or the first value.
        let outcomes = try #require(recovery.recover(stream([["80"], ["0", "0", "0", "0", "0", "80"]], from: 1)))
        #expect(outcomes[0] == .unsettled([["80", "0", "0", "0", "0", "0", "80"], ["0", "0", "0", "0", "0", "80", "80"]]))
        #expect(outcomes[1] == .settled(row(1)))
    }

    @Test func numbersThatDoNotDivideIntoTheRowsAreNoTable() {
        #expect(recovery.recover(stream([["7"]])) == nil)
        #expect(recovery.recover(Array(stream().dropLast())) == nil)
        // 2 + 0 + … ≠ 3: no row takes it.
        #expect(recovery.recover(stream([["2", "0", "0", "0", "0", "0", "3"]], from: 1)) == nil)
    }

    @Test func oneRowThatDoesNotAddUpIsTheSlipAndItsReadingsAreGiven() throws {
        // 2 + 0 + … ≠ 3 in the first row, the report's own: the other rows divide as before.
        let (outcomes, slip, readings) = try #require(recovery.recoverWithOneSlip(stream([["2", "0", "0", "0", "0", "0", "3"]], from: 1)))
        #expect(slip == 0 && readings.contains([2, 0, 0, 0, 0, 0, 3]))
        #expect(Array(outcomes.dropFirst()) == template.rows.indices.dropFirst().map { .settled(row($0)) })
        // Two rows that do not add up are no slip of one cell.
        let two = stream([["2", "0", "0", "0", "0", "0", "3"], ["5", "0", "0", "0", "0", "0", "4"]], from: 2)
        #expect(recovery.recoverWithOneSlip(two) == nil)
    }

    @Test func labelsAreSkippedAndOtherNumbersStopTheReading() {
        func line(_ cells: String...) -> [SourceRow] { [SourceRow(cells: cells.map { SourceCell($0) }, location: SourceLocation(line: 1))] }
        #expect(RowStreamRecovery.numbers(in: line("1.属于国家秘密", "305 203", "（三 1.属"))
                == [.init(text: "305", line: 0), .init(text: "203", line: 0)])
        #expect(RowStreamRecovery.numbers(in: line("1,234")) == nil)
        #expect(RowStreamRecovery.numbers(in: line("12.5")) == nil)
    }
}

/// A table's pieces read as one: 三's numbers divided into its rows (refused when the columns' sums
/// break), 二's rows by their labels.
@Suite struct TablePiecesTests {
    let template = Edition.template("applications", edition: "2021")!

    /// A header piece, then one line per row: its label and seven numbers, 1 received, granted and handled.
    func pieces(extra: [String]? = nil) -> [[SourceRow]] {
        var lines = [["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]
        for row in template.rows {
            let one = ["new_received", "granted", "total"].contains(row.key)
            lines.append([row.label] + (one ? ["1", "0", "0", "0", "0", "0", "1"] : Array(repeating: "0", count: 7)))
            if let extra, row.key == "new_received" { lines.append(extra) }
        }
        if extra != nil { lines.removeLast() }
        return lines.enumerated().map { index, cells in
            [SourceRow(cells: cells.map { SourceCell($0) }, location: SourceLocation(line: index + 1))]
        }
    }

    @Test func piecesWhoseNumbersDivideAreOneTable() throws {
        let (table, used) = try #require(TableRepair().repair(pieces: pieces(), location: SourceLocation(line: 1)))
        #expect(used == template.rows.count + 1 && table.templateKey == "applications" && table.edition == "2021")
        #expect(table.values?["granted", "natural_person"] == 1 && table.values?["carried_forward", "total"] == 0)
        #expect(table.diagnostics.map(\.code) == ["table.reassembled"])
    }

    @Test func aReportsOwnWrongCellIsReadAsWrittenAndLeftToTheChecks() throws {
        // 予以公开 says 2 for 自然人 under a total of 1: no division keeps every row's sum, one that lets
        // that row be written as it is does, and the column rules break in that one column only.
        var slipped = pieces()
        let granted = try #require(template.rows.firstIndex { $0.key == "granted" }) + 1
        slipped[granted][0].cells[1] = SourceCell("2")
        let (table, _) = try #require(TableRepair().repair(pieces: slipped, location: SourceLocation(line: 1)))
        #expect(table.values?["granted", "natural_person"] == 2 && table.values?["granted", "total"] == 1)
        #expect(table.values?["total", "natural_person"] == 1 && table.values?["new_received", "total"] == 1)
        #expect(table.diagnostics.first?.message.contains("除“予以公开”行外每行合计均相符") == true)
    }

    @Test func aRowTheTemplateLacksIsNotCountedIntoTheNextRowsPlace() throws {
        // 其中 row after 本年新收, and the last row lost: the count still fits and every row keeps its total,
        // but divided by count each row would take the one before it, and the columns' sums break. So
        // the rows are read by their labels: 上年结转 keeps its own zeros, not 其中's 5.
        let (table, _) = try #require(TableRepair().repair(pieces: pieces(extra: ["其中：网上申请", "5", "0", "0", "0", "0", "0", "5"]),
                                                           location: SourceLocation(line: 1)))
        let values = try #require(table.values)
        #expect(values["new_received", "total"] == 1 && values["carried_over", "total"] == 0 && values["granted", "total"] == 1)
        #expect(values.rows.last?.cells.allSatisfy { $0.value == nil } == true)
        #expect(table.diagnostics.first?.message.hasSuffix("合为一张表按行标签读出") == true)
        #expect(table.diagnostics.contains { $0.code == "table.row_unmatched" })
    }

    @Test func tableTwosPiecesAreReadByTheirLabels() throws {
        // As markitdown leaves a PDF's table 二: a small table per block, and 95 on a line before its label.
        let lines: [[[String]]] = [
            [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "232", "287", "239"], ["行政规范性文件", "399", "261", "301"]],
            [["第二十条第（五）项"]], [["信息内容", "本年处理决定数量"], ["行政许可", "98"]],
            [["第二十条第（六）项"]], [["95"]], [["行政处罚"]], [["行政强制", "263"]],
            [["第二十条第（八）项"]], [["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", "12.34"]],
        ]
        var line = 0
        let pieces = lines.map { piece in
            piece.map { cells in
                line += 1
                return SourceRow(cells: cells.map { SourceCell($0) }, location: SourceLocation(line: line))
            }
        }
        let (table, used) = try #require(TableRepair().repair(pieces: pieces, location: SourceLocation(line: 1)))
        #expect(used == lines.count && table.templateKey == "active_disclosure")
        let values = try #require(table.values)
        // 95 joins 行政处罚: the line above it, 第二十条第（六）项, names no row of the table.
        #expect(values.rows.map { $0.cells.map(\.value) } == [[232, 287, 239], [399, 261, 301], [98], [95], [263], [12.34]])
        #expect(table.diagnostics.first?.code == "table.reassembled")
    }
}

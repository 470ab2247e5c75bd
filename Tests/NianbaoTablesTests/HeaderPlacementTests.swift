import NianbaoModel
import Testing
@testable import NianbaoTables

/// A source table from rows of cells with spans, one line a row.
func spannedTable(_ rows: [[SourceCell]]) -> SourceTable {
    SourceTable(rows: rows.enumerated().map { i, cells in SourceRow(cells: cells, location: SourceLocation(line: i + 1)) },
                location: SourceLocation(line: 1))
}

/// Values placed under the header columns they stand below, where the reader gave a grid.
@Suite struct HeaderPlacementTests {
    let repair = TableRepair()
    let header: [[SourceCell]] = [
        [SourceCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowSpan: 3, colSpan: 2),
         SourceCell("申请人情况", colSpan: 7)],
        [SourceCell("自然人", rowSpan: 2), SourceCell("法人或其他组织", colSpan: 5), SourceCell("总计", rowSpan: 2)],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map { SourceCell($0) },
    ]

    func cells(_ texts: String...) -> [SourceCell] { texts.map { SourceCell($0) } }

    @Test func aMergedBlankStaysBlankAndTheValuesAfterItKeepTheirColumns() {
        let repaired = repair.repair(spannedTable(header + [
            [SourceCell("一、本年新收政府信息公开申请数量", colSpan: 2)] + cells("1", "2", "3", "4", "5", "6", "21"),
            [SourceCell("二、上年结转政府信息公开申请数量", colSpan: 2), SourceCell("7"), SourceCell("", colSpan: 2)]
                + cells("8", "9", "10", "34"),
            [SourceCell("四、结转下年度继续办理", colSpan: 2), SourceCell("", colSpan: 2)] + cells("11", "12", "13", "14", "50"),
        ]))
        let v = try! #require(repaired.values)
        #expect(v.rows.first { $0.key == "carried_over" }?.cells.map(\.value) == [7, nil, nil, 8, 9, 10, 34])
        #expect(v.rows.first { $0.key == "carried_forward" }?.cells.map(\.value) == [nil, nil, 11, 12, 13, 14, 50])
        #expect(!repaired.diagnostics.contains { $0.code == "table.values_ambiguous" })
        // The repaired grid keeps the source's merges of blank cells.
        let carriedOver = repaired.grid.rows.first { $0.first?.text == "二、上年结转政府信息公开申请数量" }!
        #expect(carriedOver.dropFirst().map(\.text) == ["7", "", "8", "9", "10", "34"])
        #expect(carriedOver[2].colSpan == 2)
    }

    /// Real 2019 tables: 本年增/减 spans two grid columns in the header, 上一年项目数量 two in the data rows.
    @Test func a2019BlockIsPlacedByItsHeaderLabels() {
        let repaired = repair.repair(spannedTable([
            [SourceCell("第二十条第（五）项", colSpan: 5)],
            [SourceCell("信息内容"), SourceCell("上一年项目数量"), SourceCell("本年增/减", colSpan: 2), SourceCell("处理决定数量")],
            [SourceCell("行政许可"), SourceCell("12", colSpan: 2), SourceCell("-3"), SourceCell("40")],
            [SourceCell("其他对外管理服务事项"), SourceCell("", colSpan: 2), SourceCell("5"), SourceCell("6")],
            [SourceCell("第二十条第（九）项", colSpan: 5)],
            [SourceCell("信息内容"), SourceCell("采购项目数量", colSpan: 2), SourceCell("采购总金额（元）", colSpan: 2)],
            [SourceCell("政府集中采购"), SourceCell("3", colSpan: 2), SourceCell("75394432.52", colSpan: 2)],
        ]))
        #expect(repaired.edition == "2019")
        let v = try! #require(repaired.values)
        #expect(v.rows.first { $0.key == "licensing" }?.cells.map(\.value) == [12, -3, 40])
        #expect(v.rows.first { $0.key == "other_external_services" }?.cells.map(\.value) == [nil, 5, 6])
        #expect(v["procurement", "items"] == 3)
        #expect(v["procurement", "total_amount"] == 7539.443252)
        #expect(repaired.grid.rows.contains { $0.map(\.text) == ["政府集中采购", "3", "75394432.52元"] })
        #expect(repaired.diagnostics.filter { $0.code == "table.realigned" }.map(\.message)
                == ["表二（主动公开政府信息情况）“行政许可”行的数值单元格与表头的列错位（合并的宽度不同），已按所在表头的列归位"])
    }

    @Test func aValueThatCouldStandUnderEitherOfTwoColumnsIsLeftUnresolved() {
        let repaired = repair.repair(spannedTable([
            [SourceCell("第二十条第（五）项", colSpan: 5)],
            [SourceCell("信息内容"), SourceCell("上一年项目数量"), SourceCell("本年增/减", colSpan: 2), SourceCell("处理决定数量")],
            [SourceCell("行政许可"), SourceCell("12", colSpan: 2), SourceCell(""), SourceCell("40")],
        ]))
        let v = try! #require(repaired.values)
        #expect(v.rows.first { $0.key == "licensing" }?.cells.map(\.value) == [nil, nil, nil])
        #expect(v.isUnresolved(row: "licensing", column: "prev_year_items"))
        #expect(repaired.diagnostics.contains { $0.code == "value.ambiguous" && $0.message.contains("行政许可") })
    }

    @Test func amountsIn元BecomeAmountsIn万元DigitForDigit() {
        #expect(CellValue("251000元").number(in: .tenThousandYuan) == 25.1)
        #expect(CellValue("75,394,432.52元").number(in: .tenThousandYuan) == 7539.443252)
        #expect(CellValue("12元").number(in: .tenThousandYuan) == 0.0012)
        #expect(CellValue("-5000元").number(in: .tenThousandYuan) == -0.5)
        #expect(CellValue("12.5万元").number(in: .tenThousandYuan) == 12.5)
        #expect(CellValue("251000").number(in: .tenThousandYuan) == 251000)
    }

    /// A note in brackets after a number leaves the number; a unit in brackets is a unit; anything that
    /// could be two values run together is not taken apart.
    @Test func aBracketedNoteLeavesTheNumber() {
        #expect(CellValue("22（其中修订16件）") == .annotated(22, note: "其中修订16件"))
        #expect(CellValue("1,200 (含续办 3 件)") == .annotated(1200, note: "含续办3件"))
        #expect(CellValue("251000（元）").number(in: .tenThousandYuan) == 25.1)
        #expect(CellValue("12.5（万元）") == .number(12.5))
        #expect(CellValue("1（2）") == .unreadable("1（2）"))
        #expect(CellValue("（其中修订16件）22").isLabel)
        #expect(CellValue("22（其中（修订）16件）") != .annotated(22, note: "其中(修订)16件"))
    }
}

/// Text without a grid: counting from the left, and never past what the cells show.
@Suite struct CountingPlacementTests {
    let repair = TableRepair()

    /// A tab extract keeps a merged blank as one cell and pads the row to the table's width: the values
    /// after it stand one column early, and the row total reads blank beside them.
    @Test func aMergedBlankHiddenByPaddingLeavesTheRowUnresolved() {
        let repaired = repair.repair(sourceTable([
            ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", ""],
            ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
            ["一、本年新收政府信息公开申请数量", "", "", "1", "2", "3", "4", "5", "6", "21"],
            ["二、上年结转政府信息公开申请数量", "", "", "7", "", "8", "9", "10", "34", ""],
        ]))
        let v = try! #require(repaired.values)
        #expect(v["new_received", "total"] == 21)
        #expect(v.rows.first { $0.key == "carried_over" }?.cells.map(\.value) == Array(repeating: nil, count: 7))
        #expect(v.isUnresolved(row: "carried_over", column: "natural_person"))
        #expect(repaired.diagnostics.contains { $0.code == "table.values_ambiguous" && $0.message.contains("上年结转") })
    }

    @Test func valuesWithNoBlankBeforeThemStandFirst() {
        let repaired = repair.repair(sourceTable([
            ["第二十条第（一）项"],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "5"],
            ["行政规范性文件", "", "6"],
        ]))
        let v = try! #require(repaired.values)
        #expect(v.rows.first { $0.key == "regulations" }?.cells.map(\.value) == [5, nil, nil])
        #expect(v.rows.first { $0.key == "normative_documents" }?.cells.map(\.value) == [nil, nil, nil])
        #expect(v.isUnresolved(row: "normative_documents", column: "issued"))
    }
}

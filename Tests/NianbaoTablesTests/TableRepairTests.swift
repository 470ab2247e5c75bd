import NianbaoModel
import Testing
@testable import NianbaoTables

/// A source table from rows of cell texts, one line a row.
func sourceTable(_ rows: [[String]]) -> SourceTable {
    SourceTable(rows: rows.enumerated().map { i, cells in
        SourceRow(cells: cells.map { SourceCell($0) }, location: SourceLocation(line: i + 1))
    }, location: SourceLocation(line: 1))
}

@Suite struct TableRepairTests {
    let repair = TableRepair()

    @Test func shiftedRowsOfTable3AreReadByLabel() {
        let repaired = repair.repair(sourceTable([
            ["(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)", "", "申请人情况", "", "", "", "", "", "总计", ""],
            ["", "", "自然人", "法人或其他组织", "", "", "", "", "", ""],
            ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "", ""],
            ["一、本年新收政府信息公开申请数量", "", "1", "2", "3", "4", "5", "6", "21", ""],
            ["三、本年度办理结果", "(一) 予以公开", "7", "8", "9", "10", "11", "12", "57", ""],
            ["", "(三) 不予公开", "1. 属于国家秘密", "13", "14", "15", "16", "17", "18", "93"],
            ["", "", "2. 其他法律行政法规禁止公开", "19", "20", "22", "23", "24", "25", "133"],
            ["3. 其他", "", "26", "27", "28", "29", "30", "31", "171", ""],
        ]))
        #expect(repaired.templateKey == "applications")
        let v = try! #require(repaired.values)
        #expect(v.rows.first { $0.key == "new_received" }?.cells.map(\.value) == [1, 2, 3, 4, 5, 6, 21])
        #expect(v["granted", "total"] == 57)
        #expect(v["denied_state_secret", "natural_person"] == 13)
        #expect(v["denied_law_forbidden", "research"] == 22)
        #expect(v["other_other", "other_org"] == 31)
        #expect(v["carried_over", "total"] == nil)
        // Without the （六） rows nothing tells a 2019 table 三 from a 2021 one.
        #expect(repaired.diagnostics.map(\.code) == ["table.edition_undetermined", "table.realigned", "table.row_missing"])
        #expect(repaired.edition == nil)
    }

    /// Table 三's header rows, as the first test has them.
    static let applicationsHeader = [
        ["(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)", "", "申请人情况", "", "", "", "", "", "总计"],
        ["", "", "自然人", "法人或其他组织", "", "", "", "", ""],
        ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]

    @Test func cellsOfSeveralNumbersAreReadOnlyWhereTheRowSumProvesThem() {
        // markitdown's PDF tables run two columns into one cell (`1 2`): counting cells would put 3 under
        // 科研机构's neighbour. The numbers in order are the row's only when there are seven and they add up.
        let repaired = repair.repair(sourceTable(Self.applicationsHeader + [
            ["一、本年新收政府信息公开申请数量", "", "1 2", "3", "4 5", "6", "21"],
            ["二、上年结转政府信息公开申请数量", "", "7 8", "9", "10", "11 12"],
            ["三、本年度办理结果", "(一) 予以公开", "1 2", "3", "4 5", "6", "22"],
        ]))
        let v = try! #require(repaired.values)
        #expect(v.rows.first { $0.key == "new_received" }?.cells.map(\.value) == [1, 2, 3, 4, 5, 6, 21])
        for row in ["carried_over", "granted"] {
            #expect(v.rows.first { $0.key == row }?.cells.allSatisfy { $0.value == nil } == true, "\(row)")
            #expect(v.isUnresolved(row: row, column: "commercial"), "\(row)")
        }
        let codes = repaired.diagnostics.map(\.code)
        #expect(codes.filter { $0 == "value.spaced_cells" }.count == 1)
        #expect(codes.filter { $0 == "value.unreadable" }.count == 2)
    }

    @Test func aLabelLeftWithoutCellsDoesNotTakeTheNextRowsValues() {
        // 4.保护第三方合法权益 stands alone (its numbers went elsewhere); 5.属于三类内部事务信息 is a whole
        // label of its own, so the values after it are row 5's, not the joined label's row 4.
        let repaired = repair.repair(sourceTable(Self.applicationsHeader + [
            ["一、本年新收政府信息公开申请数量", "", "1", "2", "3", "4", "5", "6", "21"],
            ["（三）不", "4.保护第三方合法权益"],
            ["予公开", "5.属于三类内部事务信息", "7", "8", "9", "10", "11", "12", "57"],
        ]))
        let v = try! #require(repaired.values)
        #expect(v["denied_internal_affairs", "natural_person"] == 7)
        #expect(v["denied_internal_affairs", "total"] == 57)
        #expect(v["denied_third_party", "natural_person"] == nil)
    }

    @Test func blanksTakeTheirPlaceFromRowsOfTheSameShape() {
        let repaired = repair.repair(sourceTable([
            ["第二十条第（一）项", "", "", ""],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "1", "", "3"],
            ["第二十条第（五）项", "", "", ""],
            ["信息内容", "本年处理决定数量", "", ""],
            ["行政许可", "", "", ""],
            ["第二十条第（六）项", "", "", ""],
            ["行政处罚", "5", "", ""],
            ["行政强制", "6", "", ""],
            ["第二十条第（八）项", "", "", ""],
            ["信息内容", "本年收费金额（单位：万元）", "", ""],
            ["行政事业性收费", "9.51", "", ""],
        ]))
        #expect(repaired.templateKey == "active_disclosure")
        let v = try! #require(repaired.values)
        #expect(v.rows.map { $0.cells.map(\.value) } == [[1, nil, 3], [nil, nil, nil], [nil], [5], [6], [9.51]])
        #expect(repaired.diagnostics.map(\.code) == ["table.realigned", "table.row_missing"])
        #expect(repaired.edition == "2021")
    }

    @Test func aLabelWrappedOntoTheNextRowIsJoined() {
        let repaired = repair.repair(sourceTable([
            ["申请人情况", "自然人", "法人或其他组织"],
            ["", "(二) 部分公开 (区分处理的,"],
            ["只计这一情形, 不计其他情形)", "1", "2", "3", "4", "5", "6", "21"],
            ["四、结转下年度继续办理", "7", "8", "9", "10", "11", "12", "57"],
        ]))
        let v = try! #require(repaired.values)
        #expect(v["partial_grant", "total"] == 21)
        #expect(v["carried_forward", "natural_person"] == 7)
    }

    @Test func rowsNotInTheTemplateAndUnreadableValuesAreReported() {
        let repaired = repair.repair(sourceTable([
            ["申请人情况", "自然人", "法人或其他组织"],
            ["一、本年新收政府信息公开申请数量", "1", "2", "3", "4", "5", "6", "2..1"],
            ["五、其他不相干的行", "1", "1", "1", "1", "1", "1", "6"],
            ["（七）总计", "1", "2", "3", "4", "5", "6", "21", "99"],
        ]))
        let v = try! #require(repaired.values)
        #expect(v["new_received", "total"] == nil)
        #expect(v["total", "total"] == 21)
        #expect(repaired.diagnostics.map(\.code)
                == ["table.edition_undetermined", "value.unreadable", "table.row_unmatched", "table.extra_values",
                    "table.row_missing"])
        #expect(repaired.diagnostics[2].location == SourceLocation(line: 3))
    }

    @Test func table4IsOneLineOfFifteenValues() {
        let repaired = repair.repair(sourceTable([
            ["行政复议", "", "", "", "", "行政诉讼"],
            ["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
            ["", "", "", "", "", "结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计"],
            (1...15).map(String.init),
        ]))
        #expect(repaired.templateKey == "review_litigation")
        let v = try! #require(repaired.values)
        #expect(v.rows.map(\.key) == ["review", "litigation_direct", "litigation_after_review"])
        #expect(v.rows.map { $0.cells.map(\.value) } == [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]])
        #expect(repaired.diagnostics.isEmpty)
    }

    @Test func otherTablesStayGenericRectangularGrids() {
        let repaired = repair.repair(sourceTable([["栏目", "条数"], ["工作动态", "20", "备注"]]))
        #expect(repaired.templateKey == nil)
        #expect(repaired.grid == Grid(columns: 3, rows: [
            [GridCell("栏目"), GridCell("条数"), GridCell("")],
            [GridCell("工作动态"), GridCell("20"), GridCell("备注")],
        ]))
    }

    @Test func canonicalGridOfTable3HasTheTemplateSpans() {
        let repaired = repair.repair(sourceTable([
            ["申请人情况", "自然人", "法人或其他组织"],
            ["一、本年新收政府信息公开申请数量", "1", "2", "3", "4", "5", "6", "21"],
        ]))
        let grid = repaired.grid
        #expect(grid.columns == 10)
        #expect(grid.rows.count == 3 + 25)
        let results = grid.rows.flatMap { $0 }.first { $0.text == "三、本年度办理结果" }
        #expect(results?.rowSpan == 22)
        #expect(grid.rows.flatMap { $0 }.first { $0.text == "（三）不予公开" }?.rowSpan == 8)
        #expect(grid.rows[3].first == GridCell("一、本年新收政府信息公开申请数量", colSpan: 3))
        #expect(grid.rows[3].dropFirst().map(\.text) == ["1", "2", "3", "4", "5", "6", "21"])
        // Every row covers the ten grid columns once spans from above are counted.
        var covered = Array(repeating: 0, count: grid.rows.count)
        for (r, row) in grid.rows.enumerated() {
            for cell in row {
                for below in r..<(r + cell.rowSpan) { covered[below] += cell.colSpan }
            }
        }
        #expect(covered.allSatisfy { $0 == 10 })
    }
}

@Suite struct GridPlacementTests {
    @Test func cellsStartAfterThePositionsCellsAboveSpanInto() {
        let rows = [
            [GridCell("甲", rowSpan: 2), GridCell("乙", colSpan: 2)],
            [GridCell("丙"), GridCell("丁"), GridCell("戊")],
            [GridCell("己", rowSpan: 5)],
        ]
        let placement = GridPlacement(rows)
        #expect(placement.starts == [[0, 1], [1, 2, 3], [0]])
        #expect(placement.covered == [3, 4, 1])
        #expect(placement.width == 4)
        #expect(placement.matrix(rows, columns: 4).map { $0.map { $0?.text ?? "·" } }
                == [["甲", "乙", "·", "·"], ["·", "丙", "丁", "戊"], ["己", "·", "·", "·"]])
    }
}

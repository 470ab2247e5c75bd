import NianbaoModel
import Testing
@testable import NianbaoTables

/// A row's numbers on a line of their own beside its label, as markitdown leaves a PDF's table 三.
@Suite struct PieceRowPairingTests {
    func rows(_ lines: [[String]]) -> [SourceRow] {
        lines.enumerated().map { SourceRow(cells: $1.map { SourceCell($0) }, location: SourceLocation(line: $0 + 1)) }
    }

    func texts(_ rows: [SourceRow]) -> [[String]] { rows.map { $0.cells.map(\.text) } }

    /// Rows of the tables these pieces come from, as TableRepair asks of a row of words.
    func paired(_ rows: [SourceRow]) -> [SourceRow] {
        let labels = ["属于国家秘密", "保护第三方合法权益", "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "行政处罚", "行政强制"]
        return PieceRowPairing.paired(rows) { row in row.cells.contains { cell in labels.contains { cell.text.contains($0) } } }
    }

    @Test func numbersGoToTheOneBareLabelBesideThem() {
        let paired = paired(rows([
            ["", "3.危及“三安全一稳定”", "19 393", "124", "308 16", "238 1098"],
            ["", "", "168 226", "303", "101 266", "120 1184"],
            ["（三）不", "4.保护第三方合法权益", "", "", "", ""],
        ]))
        #expect(texts(paired) == [
            ["", "3.危及“三安全一稳定”", "19 393", "124", "308 16", "238 1098"],
            ["（三）不", "4.保护第三方合法权益", "168 226", "303", "101 266", "120 1184"],
        ])
        #expect(paired[1].location == SourceLocation(line: 3))
    }

    @Test func numbersBetweenTwoBareLabelsOrALabelTwoNumberRowsClaimStayApart() {
        let between = rows([["1.本机关不掌握相关政府信息"], ["5", "0", "5"], ["2.没有现成信息需要另行制作"]])
        #expect(paired(between) == between)
        let claimed = rows([["1", "0", "1"], ["1.本机关不掌握相关政府信息"], ["5", "0", "5"]])
        #expect(paired(claimed) == claimed)
    }

    /// Table 二 as markitdown leaves it: a lone number above its label, under a header row of words
    /// that names no row of the table and so claims nothing.
    @Test func aLoneNumberGoesToTheLabelBesideItNotToAHeader() {
        let pieces = rows([["信息内容", "", "本年处理决定数量"], ["95"], ["行政处罚"], ["行政强制", "263"]])
        #expect(texts(paired(pieces)) == [["信息内容", "", "本年处理决定数量"], ["行政处罚", "95"], ["行政强制", "263"]])
    }
}

import NianbaoModel
import Testing
@testable import NianbaoTables

/// A row's numbers on a line of their own beside its label, as markitdown leaves a PDF's table 三.
@Suite struct PieceRowPairingTests {
    func rows(_ lines: [[String]]) -> [SourceRow] {
        lines.enumerated().map { SourceRow(cells: $1.map { SourceCell($0) }, location: SourceLocation(line: $0 + 1)) }
    }

    func texts(_ rows: [SourceRow]) -> [[String]] { rows.map { $0.cells.map(\.text) } }

    @Test func numbersGoToTheOneBareLabelBesideThem() {
        let paired = PieceRowPairing.paired(rows([
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
        #expect(PieceRowPairing.paired(between) == between)
        let claimed = rows([["1", "0", "1"], ["1.本机关不掌握相关政府信息"], ["5", "0", "5"]])
        #expect(PieceRowPairing.paired(claimed) == claimed)
    }
}

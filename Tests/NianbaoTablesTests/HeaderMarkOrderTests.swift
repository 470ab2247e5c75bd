import NianbaoModel
import Testing
@testable import NianbaoTables

/// Table 四 written a cell a line: whether its numbers come after their columns' headers.
@Suite struct HeaderMarkOrderTests {
    let template = Edition.template("review_litigation", edition: "2021")!
    var order: HeaderMarkOrder { HeaderMarkOrder(template)! }
    /// Every group's headers, as plain pdftotext writes them before an upright page's numbers.
    var headers: FlattenedTableRecovery.Run {
        .label(String(repeating: template.rows[0].columns.map(\.label).joined(separator: "\n") + "\n", count: template.rows.count))
    }

    /// Thirty numbers for fifteen cells (a narrow column wrapped each onto two lines): a number's place
    /// tells no column, so only headers all before the numbers leave the groups placed.
    @Test func wrappedNumbersAfterEveryHeaderLeaveTheGroups() {
        let numbers = FlattenedTableRecovery.Run.digits((1...30).map(String.init).joined(separator: "\n"))
        #expect(order.groupsBeforeTheirHeader([headers, numbers], cells: 15) == [])
        #expect(order.groupsBeforeTheirHeader([numbers, headers], cells: 15) == [0, 1, 2])
    }
}

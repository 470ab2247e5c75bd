import NianbaoModel
import NianbaoTables
import Testing
@testable import NianbaoReport

@Suite struct ArithmeticChecksTests {
    /// Table 三 where every rule holds: outcome (一) holds all applications, nothing carried.
    func balancedApplications() -> StandardTable {
        let template = Template2021.applications
        var values = TableValues(rows: template.rows.map { row in
            RowValues(key: row.key, cells: row.columns.map { ColumnValue(key: $0.key, value: 0) })
        })
        for (i, column) in ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"].enumerated() {
            for row in ["new_received", "granted", "total"] { values[row, column] = Double(i + 1) }
        }
        for row in ["new_received", "granted", "total"] { values[row, "total"] = 21 }
        return StandardTable(key: "applications", present: true, values: values, grid: nil, location: nil)
    }

    func failures(_ checks: [Check]) -> [String] {
        checks.filter { $0.status == .fail }.map { "\($0.id)[\($0.scope)]" }
    }

    @Test func balancedTablePassesEveryRule() {
        let checks = ArithmeticChecks.run([balancedApplications(), .absent("review_litigation")])
        #expect(checks.filter { $0.id.hasPrefix("applications") }.allSatisfy { $0.status == .pass })
        #expect(checks.filter { $0.id.hasPrefix("applications") }.count == 7 + 7 + 25)
        #expect(checks.filter { $0.id.hasPrefix("review") }.map(\.status) == [.skipped, .skipped, .skipped])
    }

    @Test func aWrongGrantedCellFailsExactlyTheRulesThatUseIt() {
        var table = balancedApplications()
        table.values!["granted", "research"] = 4
        let checks = ArithmeticChecks.run([table])
        #expect(failures(checks) == ["applications.outcomes[research]", "applications.row_total[granted]"])
        let outcome = checks.first { $0.id == "applications.outcomes" && $0.scope == "research" }!
        #expect(outcome.message.hasPrefix("表三（收到和处理政府信息公开申请情况）“科研机构”列：（七）总计为 3"))
        #expect(outcome.message.contains("予以公开 4"))
        #expect(outcome.message.hasSuffix("相差 1"))
        #expect(outcome.cells.contains("applications.granted.research"))
    }

    @Test func blanksCountAsZeroAndAllBlankIsSkipped() {
        var table = balancedApplications()
        for column in table.values!.rows[0].cells.map(\.key) {
            for row in table.values!.rows.map(\.key) { table.values![row, column] = nil }
        }
        table.values!["new_received", "natural_person"] = 2
        let checks = ArithmeticChecks.run([table])
        #expect(failures(checks) == ["applications.balance[natural_person]", "applications.row_total[new_received]"])
        let skipped = checks.first { $0.id == "applications.balance" && $0.scope == "commercial" }!
        #expect(skipped.status == .skipped)
    }

    @Test func reviewGroupsAreCheckedEachOnItsOwn() {
        let template = Template2021.reviewLitigation
        let values = TableValues(rows: template.rows.map { row in
            RowValues(key: row.key, cells: zip(row.columns, [1.0, 2, 3, 4, row.key == "review" ? 10 : 9])
                .map { ColumnValue(key: $0.0.key, value: $0.1) })
        })
        let checks = ArithmeticChecks.run([StandardTable(key: "review_litigation", present: true, values: values,
                                                         grid: nil, location: nil)])
        #expect(failures(checks) == ["review_litigation.group_total[litigation_direct]",
                                     "review_litigation.group_total[litigation_after_review]"])
    }
}

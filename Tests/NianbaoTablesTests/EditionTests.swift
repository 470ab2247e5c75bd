import NianbaoModel
import Testing
@testable import NianbaoTables

/// Each table is recognised with the edition it is drawn in.
@Suite struct EditionTests {
    let repair = TableRepair()

    func table3(_ otherRows: [[String]]) -> SourceTable {
        sourceTable([
            ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
            ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
            ["一、本年新收政府信息公开申请数量", "", "", "1", "0", "0", "0", "0", "0", "1"],
            ["三、本年度办理结果", "（一）予以公开", "", "1", "0", "0", "0", "0", "0", "1"],
        ] + otherRows + [
            ["", "（七）总计", "", "1", "0", "0", "0", "0", "0", "1"],
        ])
    }

    @Test func aSingleOtherProcessingRowMakesTable3A2019Table() {
        let repaired = repair.repair(table3([["", "（六）其他处理", "", "0", "0", "0", "0", "0", "0", "0"]]))
        #expect(repaired.edition == "2019")
        #expect(repaired.values?.rows.map(\.key).contains("other_processing") == true)
        #expect(repaired.values?.rows.count == 23)
    }

    @Test func theSubItemsOfOtherProcessingMakeItA2021Table() {
        let repaired = repair.repair(table3([
            ["", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"],
            ["", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"],
            ["", "", "3.其他", "0", "0", "0", "0", "0", "0", "0"],
        ]))
        #expect(repaired.edition == "2021")
        #expect(repaired.values?.rows.count == 25)
    }

    @Test func rulesNameRowsByKeyInEachEdition() {
        let outcomes2019 = Template2019.edition.rules.first { $0.id == "applications.outcomes" }!
        let outcomes2021 = Template2021.edition.rules.first { $0.id == "applications.outcomes" }!
        #expect(outcomes2019.right.count == 19)
        #expect(outcomes2019.right.last == "other_processing")
        #expect(outcomes2021.right.count == 21)
        #expect(outcomes2021.right.last == "other_other")
    }

    @Test func table4IsOneTemplateSharedByBothEditions() {
        #expect(Edition.allTables.filter { $0.key == "review_litigation" }.count == 1)
        #expect(Edition.allTables.count == 5)
    }
}

import NianbaoModel

/// One arithmetic rule of TEMPLATE.md as data: in every column (or every row) of a table, the
/// cells of `left` add up to the cells of `right`.
public struct SumRule: Sendable {
    public enum Axis: Sendable {
        /// `left` and `right` are row keys; the rule holds in each column.
        case eachColumn
        /// `left` and `right` are column keys; the rule holds in each row.
        case eachRow
    }

    public var id: String
    public var table: TableTemplate
    public var axis: Axis
    public var left: [String]
    public var right: [String]
    /// How the messages name the two sides.
    public var leftName: String
    public var rightName: String

    /// The rules of the 2021 format.
    public static let all: [SumRule] = [
        SumRule(id: "applications.balance", table: Template2021.applications, axis: .eachColumn,
                left: ["new_received", "carried_over"], right: ["total", "carried_forward"],
                leftName: "第一项加第二项之和", rightName: "第三项（总计）加第四项之和"),
        SumRule(id: "applications.outcomes", table: Template2021.applications, axis: .eachColumn,
                left: ["total"], right: Template2021.applicationOutcomes,
                leftName: "（七）总计", rightName: "（一）至（六）各项之和"),
        SumRule(id: "applications.row_total", table: Template2021.applications, axis: .eachRow,
                left: ["total"],
                right: ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"],
                leftName: "总计", rightName: "自然人与各类法人或其他组织之和"),
        SumRule(id: "review_litigation.group_total", table: Template2021.reviewLitigation, axis: .eachRow,
                left: ["total"], right: ["upheld", "corrected", "other", "pending"],
                leftName: "总计", rightName: "结果维持、结果纠正、其他结果、尚未审结之和"),
    ]
}

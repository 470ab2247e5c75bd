import NianbaoModel

/// One arithmetic rule of TEMPLATE.md as data: in every column (or every row) of a table, the
/// cells of `left` add up to the cells of `right`. Rows and columns are named by key.
public struct SumRule: Sendable {
    public enum Axis: Sendable {
        /// `left` and `right` are row keys; the rule holds in each column.
        case eachColumn
        /// `left` and `right` are column keys; the rule holds in each row.
        case eachRow
    }

    public var id: String
    /// The key of the table the rule is about.
    public var table: String
    public var axis: Axis
    public var left: [String]
    public var right: [String]
    /// How the messages name the two sides.
    public var leftName: String
    public var rightName: String

    public init(id: String, table: String, axis: Axis, left: [String], right: [String], leftName: String, rightName: String) {
        self.id = id
        self.table = table
        self.axis = axis
        self.left = left
        self.right = right
        self.leftName = leftName
        self.rightName = rightName
    }

    /// Table 三's printed note: received plus carried over equals handled plus carried forward.
    static func balance(_ applications: TableTemplate) -> SumRule {
        SumRule(id: "applications.balance", table: applications.key, axis: .eachColumn,
                left: ["new_received", "carried_over"], right: ["total", "carried_forward"],
                leftName: "第一项加第二项之和", rightName: "第三项（总计）加第四项之和")
    }

    /// Table 三's total column: the sum of the applicant types.
    static func rowTotal(_ applications: TableTemplate) -> SumRule {
        SumRule(id: "applications.row_total", table: applications.key, axis: .eachRow,
                left: ["total"],
                right: ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"],
                leftName: "总计", rightName: "自然人与各类法人或其他组织之和")
    }

    /// Table 四's group total: the sum of the group's outcomes.
    static func groupTotal(_ reviewLitigation: TableTemplate) -> SumRule {
        SumRule(id: "review_litigation.group_total", table: reviewLitigation.key, axis: .eachRow,
                left: ["total"], right: ["upheld", "corrected", "other", "pending"],
                leftName: "总计", rightName: "结果维持、结果纠正、其他结果、尚未审结之和")
    }
}

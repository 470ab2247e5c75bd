import NianbaoModel

/// The standard tables of the 2019 format, from TEMPLATE.md: table 二 in five blocks with its own
/// columns, table 三 with a single （六）其他处理 row, table 四 as in 2021.
public enum Template2019 {
    public static let name = "2019"

    /// The edition: its three standard tables in report order, and the sums that hold in them.
    public static let edition = Edition(name: name, tables: [activeDisclosure, applications, Template2021.reviewLitigation], rules: [
        .balance(applications),
        SumRule(id: "applications.outcomes", table: applications.key, axis: .eachColumn,
                left: ["total"], right: applications.keys(from: "granted", through: "other_processing"),
                leftName: "（七）总计", rightName: "（一）至（六）各项之和"),
        .rowTotal(applications),
        .groupTotal(Template2021.reviewLitigation),
    ])

    // MARK: 表二

    static let contentColumns = [
        ColumnTemplate("new_made", "本年新制作数量"), ColumnTemplate("new_published", "本年新公开数量"),
        ColumnTemplate("total_published", "对外公开总数量"),
    ]
    static let itemColumns = [
        ColumnTemplate("prev_year_items", "上一年项目数量"), ColumnTemplate("change", "本年增/减", aliases: ["本年增减"], signed: true),
        ColumnTemplate("decisions", "处理决定数量"),
    ]
    static let feeColumns = Array(itemColumns.prefix(2))
    static let procurementColumns = [
        ColumnTemplate("items", "采购项目数量"),
        ColumnTemplate("total_amount", "采购总金额", unit: .tenThousandYuan),
    ]

    public static let activeDisclosure = TableTemplate(
        key: "active_disclosure", numeral: "二", name: "表二（主动公开政府信息情况）", editions: [name],
        shape: .blocks,
        rows: [
            RowTemplate("regulations", ["第二十条第（一）项", "规章"], columns: contentColumns),
            RowTemplate("normative_documents", ["第二十条第（一）项", "规范性文件"], aliases: ["行政规范性文件"],
                        columns: contentColumns),
            RowTemplate("licensing", ["第二十条第（五）项", "行政许可"], columns: itemColumns),
            RowTemplate("other_external_services", ["第二十条第（五）项", "其他对外管理服务事项"], columns: itemColumns),
            RowTemplate("punishment", ["第二十条第（六）项", "行政处罚"], columns: itemColumns),
            RowTemplate("coercion", ["第二十条第（六）项", "行政强制"], columns: itemColumns),
            RowTemplate("fees", ["第二十条第（八）项", "行政事业性收费"], columns: feeColumns),
            RowTemplate("procurement", ["第二十条第（九）项", "政府集中采购"], columns: procurementColumns),
        ],
        signature: ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
                    "第二十条第（九）项", "信息内容"],
        header: [])

    // MARK: 表三

    /// The 2021 rows with （六）其他处理 as one row of its own in place of its three sub-items.
    public static let applications = TableTemplate(
        key: "applications", numeral: "三", name: "表三（收到和处理政府信息公开申请情况）", editions: [name],
        shape: .labelledRows(labelColumns: 3),
        rows: Template2021.applications.rows.filter { !$0.path.contains(Template2021.otherProcessing) }.flatMap { row in
            row.key == "total"
                ? [Template2021.application("other_processing", [Template2021.results, Template2021.otherProcessing]), row]
                : [row]
        },
        signature: Template2021.applicationSignature,
        header: Template2021.applicationHeader)
}

import NianbaoModel

/// The standard tables of the 2021 format (国办公开办函〔2021〕30号), from TEMPLATE.md.
public enum Template2021 {
    public static let name = "2021"

    /// The edition: its three standard tables in report order, and the sums that hold in them.
    public static let edition = Edition(name: name, tables: [activeDisclosure, applications, reviewLitigation], rules: [
        .balance(applications),
        SumRule(id: "applications.outcomes", table: applications.key, axis: .eachColumn,
                left: ["total"], right: applications.keys(from: "granted", through: "other_other"),
                leftName: "（七）总计", rightName: "（一）至（六）各项之和"),
        .rowTotal(applications),
        .groupTotal(reviewLitigation),
    ])

    // MARK: 表二

    static let contentColumns = [
        ColumnTemplate("issued", "本年制发件数"), ColumnTemplate("repealed", "本年废止件数"),
        ColumnTemplate("in_force", "现行有效件数"),
    ]
    static let decisionColumns = [ColumnTemplate("decisions", "本年处理决定数量")]
    static let feeColumns = [ColumnTemplate("amount", "本年收费金额（单位：万元）", aliases: ["本年收费金额"], unit: .tenThousandYuan)]

    public static let activeDisclosure = TableTemplate(
        key: "active_disclosure", numeral: "二", name: "表二（主动公开政府信息情况）", editions: [name],
        shape: .blocks,
        rows: [
            RowTemplate("regulations", ["第二十条第（一）项", "规章"], columns: contentColumns),
            RowTemplate("normative_documents", ["第二十条第（一）项", "行政规范性文件"], aliases: ["规范性文件"],
                        columns: contentColumns),
            RowTemplate("licensing", ["第二十条第（五）项", "行政许可"], columns: decisionColumns),
            RowTemplate("punishment", ["第二十条第（六）项", "行政处罚"], columns: decisionColumns),
            RowTemplate("coercion", ["第二十条第（六）项", "行政强制"], columns: decisionColumns),
            RowTemplate("fees", ["第二十条第（八）项", "行政事业性收费"], columns: feeColumns),
        ],
        signature: ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "信息内容"],
        header: [])

    // MARK: 表三

    public static let applicantColumns = [
        ColumnTemplate("natural_person", "自然人"), ColumnTemplate("commercial", "商业企业"),
        ColumnTemplate("research", "科研机构"), ColumnTemplate("social_welfare", "社会公益组织"),
        ColumnTemplate("legal_service", "法律服务机构"), ColumnTemplate("other_org", "其他"),
        ColumnTemplate("total", "总计"),
    ]

    public static func application(_ key: String, _ path: [String], aliases: [String] = []) -> RowTemplate {
        RowTemplate(key, path, aliases: aliases, columns: applicantColumns)
    }

    public static let results = "三、本年度办理结果"
    public static let denied = "（三）不予公开"
    public static let unavailable = "（四）无法提供"
    public static let notProcessed = "（五）不予处理"
    public static let otherProcessing = "（六）其他处理"

    public static let applications = TableTemplate(
        key: "applications", numeral: "三", name: "表三（收到和处理政府信息公开申请情况）", editions: [name],
        shape: .labelledRows(labelColumns: 3),
        rows: [
            application("new_received", ["一、本年新收政府信息公开申请数量"]),
            application("carried_over", ["二、上年结转政府信息公开申请数量"]),
            application("granted", [results, "（一）予以公开"]),
            application("partial_grant", [results, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
                        aliases: ["（二）部分公开"]),
            application("denied_state_secret", [results, denied, "1.属于国家秘密"]),
            application("denied_law_forbidden", [results, denied, "2.其他法律行政法规禁止公开"]),
            application("denied_three_safety", [results, denied, "3.危及“三安全一稳定”"]),
            application("denied_third_party", [results, denied, "4.保护第三方合法权益"]),
            application("denied_internal_affairs", [results, denied, "5.属于三类内部事务信息"]),
            application("denied_process_info", [results, denied, "6.属于四类过程性信息"]),
            application("denied_enforcement_file", [results, denied, "7.属于行政执法案卷"]),
            application("denied_inquiry", [results, denied, "8.属于行政查询事项"]),
            application("unavailable_not_held", [results, unavailable, "1.本机关不掌握相关政府信息"]),
            application("unavailable_needs_creation", [results, unavailable, "2.没有现成信息需要另行制作"]),
            application("unavailable_unclear", [results, unavailable, "3.补正后申请内容仍不明确"]),
            application("not_processed_petition", [results, notProcessed, "1.信访举报投诉类申请"]),
            application("not_processed_repeat", [results, notProcessed, "2.重复申请"]),
            application("not_processed_publication", [results, notProcessed, "3.要求提供公开出版物"]),
            application("not_processed_massive", [results, notProcessed, "4.无正当理由大量反复申请"]),
            application("not_processed_confirm", [results, notProcessed, "5.要求行政机关确认或重新出具已获取信息"]),
            application("other_no_correction", [results, otherProcessing,
                                                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
            application("other_no_fee", [results, otherProcessing,
                                         "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
            application("other_other", [results, otherProcessing, "3.其他"]),
            application("total", [results, "（七）总计"]),
            application("carried_forward", ["四、结转下年度继续办理"]),
        ],
        signature: applicationSignature,
        header: applicationHeader)

    public static let applicationSignature = ["申请人情况", "法人或其他组织", "勾稽关系"]

    /// The header of table 三, the same in both editions.
    public static let applicationHeader: [[GridCell]] = [
        [GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowSpan: 3, colSpan: 3),
         GridCell("申请人情况", colSpan: 7)],
        [GridCell("自然人", rowSpan: 2), GridCell("法人或其他组织", colSpan: 5), GridCell("总计", rowSpan: 2)],
        [GridCell("商业企业"), GridCell("科研机构"), GridCell("社会公益组织"), GridCell("法律服务机构"), GridCell("其他")],
    ]

    // MARK: 表四

    static let outcomeColumns = [
        ColumnTemplate("upheld", "结果维持"), ColumnTemplate("corrected", "结果纠正"),
        ColumnTemplate("other", "其他结果"), ColumnTemplate("pending", "尚未审结"), ColumnTemplate("total", "总计"),
    ]

    public static let reviewLitigation = TableTemplate(
        key: "review_litigation", numeral: "四", name: "表四（政府信息公开行政复议、行政诉讼情况）",
        editions: [name, Template2019.name],
        shape: .singleValueRow,
        rows: [
            RowTemplate("review", ["行政复议"], columns: outcomeColumns),
            RowTemplate("litigation_direct", ["行政诉讼", "未经复议直接起诉"], columns: outcomeColumns),
            RowTemplate("litigation_after_review", ["行政诉讼", "复议后起诉"], columns: outcomeColumns),
        ],
        signature: ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"],
        header: [
            [GridCell("行政复议", colSpan: 5), GridCell("行政诉讼", colSpan: 10)],
            outcomeColumns.map { GridCell($0.label, rowSpan: 2) }
                + [GridCell("未经复议直接起诉", colSpan: 5), GridCell("复议后起诉", colSpan: 5)],
            (0..<2).flatMap { _ in outcomeColumns.map { GridCell($0.label) } },
        ])
}

import NianbaoModel
import NianbaoTables

/// Checks across years (TEMPLATE.md): given several reports, those of one organ (by normalized name)
/// for consecutive years chain. Applications carried over into year N equal those carried forward out
/// of N−1, column by column; the 2021 table 二's in_force of N is that of N−1 plus issued minus
/// repealed, a hint only (clean-ups break it).
public enum YearChain {
    /// For each report, in order, the checks linking it to the organ's report of the year before.
    public static func checks(_ reports: [Report]) -> [[Check]] {
        var byOrganYear: [String: Int] = [:]
        for (index, report) in reports.enumerated() {
            guard let organ = report.meta.organ.map(normalized), let year = report.meta.year else { continue }
            byOrganYear["\(organ)|\(year)"] = byOrganYear["\(organ)|\(year)"] ?? index
        }
        return reports.map { report in
            guard let organ = report.meta.organ.map(normalized), let year = report.meta.year,
                  let earlier = byOrganYear["\(organ)|\(year - 1)"] else { return [] }
            let before = reports[earlier]
            return carried(report, before) + inForce(report, before)
        }
    }

    /// An organ's name as different reports may write it: no spaces or punctuation, half-width.
    public static func normalized(_ organ: String) -> String {
        String(LabelKey.halfWidth(organ).filter { $0.isLetter || $0.isNumber })
    }

    private static func source(_ report: Report) -> String {
        "\(report.meta.year.map { "\($0) 年" } ?? "")报告（\(report.source.path ?? "标准输入")）"
    }

    private static func carried(_ report: Report, _ before: Report) -> [Check] {
        let template = Edition.template("applications", edition: report.table("applications")?.edition)
            ?? Template2021.applications
        let columns = template.rows.first { $0.key == "carried_over" }?.columns ?? []
        let now = report.table("applications"), then = before.table("applications")
        return columns.map { column in
            let subject = Subject(table: template.name, row: "二、上年结转政府信息公开申请数量", column: column.label)
            func make(_ status: CheckStatus, _ message: String, found: String? = nil, expected: String? = nil) -> Check {
                Check(id: "chain.carried_over", scope: column.key, status: status, message: message,
                      cells: ["applications.carried_over.\(column.key)"], subject: subject, found: found, expected: expected)
            }
            guard let values = now?.values, let previous = then?.values, now?.present == true, then?.present == true else {
                return make(.skipped, "\(template.name)在本年或上年报告中未能读取，无法核对上年结转")
            }
            if values.isUnresolved(row: "carried_over", column: column.key)
                || previous.isUnresolved(row: "carried_forward", column: column.key) {
                return make(.skipped, "“\(column.label)”列的上年结转或上年的结转下年度数值无法从原文确定，无法核对")
            }
            let over = values["carried_over", column.key] ?? 0
            let forward = previous["carried_forward", column.key] ?? 0
            if over == forward {
                return make(.pass, "“\(column.label)”列上年结转 \(numberText(over)) 件，与\(source(before))结转下年度一致")
            }
            return make(.fail, "\(template.name)“\(column.label)”列上年结转为 \(numberText(over)) 件，"
                            + "而\(source(before))“四、结转下年度继续办理”为 \(numberText(forward)) 件",
                        found: numberText(over), expected: numberText(forward))
        }
    }

    private static func inForce(_ report: Report, _ before: Report) -> [Check] {
        guard let now = report.table("active_disclosure"), let then = before.table("active_disclosure"),
              now.edition == Template2021.name, then.edition == Template2021.name,
              let values = now.values, let previous = then.values else { return [] }
        return ["regulations", "normative_documents"].compactMap { row in
            guard let inForce = values[row, "in_force"], let last = previous[row, "in_force"] else { return nil }
            let issued = values[row, "issued"] ?? 0, repealed = values[row, "repealed"] ?? 0
            let expected = last + issued - repealed
            let label = values.rows.first { $0.key == row }?.label ?? row
            let subject = Subject(table: now.name, row: label, column: "现行有效件数")
            let cells = ["in_force", "issued", "repealed"].map { "active_disclosure.\(row).\($0)" }
            if inForce == expected {
                return Check(id: "chain.in_force", scope: row, status: .pass,
                             message: "“\(label)”现行有效 \(numberText(inForce)) 件，等于上年现行有效加本年制发减本年废止",
                             cells: cells, severity: .warning, subject: subject)
            }
            return Check(id: "chain.in_force", scope: row, status: .fail,
                         message: "\(now.name)“\(label)”现行有效为 \(numberText(inForce)) 件，而\(source(before))现行有效 "
                            + "\(numberText(last)) 件加本年制发 \(numberText(issued)) 件减本年废止 \(numberText(repealed)) 件为 "
                            + "\(numberText(expected)) 件（清理文件时可能不等，请核对）",
                         cells: cells, severity: .warning, subject: subject,
                         found: numberText(inForce), expected: numberText(expected))
        }
    }
}

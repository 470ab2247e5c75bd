import NianbaoModel
import NianbaoTables

/// The figures the narrative states (共收到申请81件, 予以公开30件, 行政复议2件) against the tables:
/// one check per statement, failing with the sentence quoted when they differ. Approximate figures
/// (约, 余, 多) are not compared. 信息处理费 is not compared: table 二's row is 行政事业性收费, another
/// fee (a seed report states 收取信息处理费0元 beside 9.51 万元 of 行政事业性收费, both right).
struct NarrativeFigures: ReportCheck {
    /// One kind of statement: how the text says it, and the cells whose sum it states.
    struct Statement: Sendable {
        var id: String
        /// A word every way of stating it contains, in Han characters only: paragraphs without it are
        /// not searched.
        var anchor: String
        /// What is stated, in messages.
        var subject: String
        /// Words right before the number (then the unit).
        var lead: Phrase
        var unit: Phrase
        /// Phrases that state zero (未收到政府信息公开申请).
        var zero: [Phrase] = []
        var table: String
        var cells: [(row: String, column: String)]
        /// Other sums of cells a correct report may mean by the same words (收到 including 上年结转).
        var alternatives: [[(row: String, column: String)]] = []

        /// The lead, a number and the unit: the number named `n`, 约 before it `approx`, 余 after it `more`.
        var figure: Phrase { .sequence([lead, NarrativeFigures.number, unit]) }
    }

    /// 政府信息公开 and the like, any number of times, between a verb and 申请.
    private static let apply = Phrase.repeated(.oneOf("政府信息公开", "信息公开", "依申请公开", "的"))
    private static func total(_ rows: [String]) -> [(row: String, column: String)] { rows.map { ($0, "total") } }
    /// 未发生…行政复议: a verb of occurring, then up to 16 characters within the clause, then the subject.
    private static func noneOf(_ subject: String) -> Phrase {
        .sequence([.oneOf("未", "没有"), .oneOf("发生", "收到", "出现", "产生", "涉及"),
                   .scalars(ScalarClass("，。；,;0123456789", excluding: true), min: 0, max: 16), .text(subject)])
    }

    /// The statements TEMPLATE.md lists; a new phrasing is an edit here.
    static let statements: [Statement] = [
        Statement(id: "narrative.new_received", anchor: "申请", subject: "新收政府信息公开申请",
                  lead: .sequence([.oneOf("收到", "新收", "接到"), .maybe("各类"), apply, .text("申请"), .maybe("数量"),
                                   .maybe("共计", "合计", "总计", "共", "为")]),
                  unit: .text("件"),
                  zero: [.sequence([.oneOf("未", "没有"), .oneOf("收到", "接到", "新收"), .maybe("过"), .maybe("任何"), apply,
                                    .text("申请")])],
                  table: "applications", cells: total(["new_received"]),
                  alternatives: [total(["new_received", "carried_over"])]),
        Statement(id: "narrative.carried_over", anchor: "结转", subject: "上年结转申请",
                  lead: .sequence([.text("上"), .maybe("一"), .text("年"), .maybe("度"), .text("结转"), apply, .maybe("申请"),
                                   .maybe("共计", "共")]),
                  unit: .text("件"), table: "applications", cells: total(["carried_over"])),
        Statement(id: "narrative.total", anchor: "办结", subject: "办结申请",
                  lead: .sequence([.text("办结"), apply, .maybe("申请"), .maybe("共计", "共")]),
                  unit: .text("件"), table: "applications", cells: total(["total"])),
        Statement(id: "narrative.granted", anchor: "予以公开", subject: "予以公开",
                  lead: .sequence([.text("予以公开"), .maybe("的"), .maybe("共")]),
                  unit: .text("件"), table: "applications", cells: total(["granted"])),
        Statement(id: "narrative.partial_grant", anchor: "部分公开", subject: "部分公开",
                  lead: .sequence([.text("部分公开"), .maybe("的"), .maybe("共")]),
                  unit: .text("件"), table: "applications", cells: total(["partial_grant"])),
        Statement(id: "narrative.denied", anchor: "不予公开", subject: "不予公开",
                  lead: .sequence([.text("不予公开"), .maybe("的"), .maybe("共")]),
                  unit: .text("件"), table: "applications",
                  cells: total(Template2021.applications.keys(from: "denied_state_secret", through: "denied_inquiry"))),
        Statement(id: "narrative.carried_forward", anchor: "结转", subject: "结转下年度继续办理",
                  lead: .sequence([.text("结转"), .maybe("至", "到"), .text("下"), .maybe("一"), .text("年"), .maybe("度"),
                                   .maybe("继续办理"), .maybe("的"), apply, .maybe("申请"), .maybe("共")]),
                  unit: .text("件"), table: "applications", cells: total(["carried_forward"])),
        Statement(id: "narrative.review", anchor: "行政复议", subject: "行政复议",
                  lead: .sequence([.text("行政复议"), .maybe("申请", "案件"), .maybe("共计", "共")]),
                  unit: .oneOf("件", "起"), zero: [noneOf("行政复议")],
                  table: "review_litigation", cells: [("review", "total")]),
        Statement(id: "narrative.litigation", anchor: "行政诉讼", subject: "行政诉讼",
                  lead: .sequence([.text("行政诉讼"), .maybe("案件"), .maybe("共计", "共")]),
                  unit: .oneOf("件", "起"), zero: [noneOf("行政诉讼")],
                  table: "review_litigation", cells: [("litigation_direct", "total"), ("litigation_after_review", "total")]),
    ]

    /// A figure: digits or Chinese numerals, perhaps 约 before or 余 after.
    private static let number = Phrase.sequence([
        .optional(.named("approx", .oneOf("约", "近", "超过", "逾"))),
        .named("n", .either([
            .sequence([.scalars(.digits, min: 1, max: 1),
                       .scalars(ScalarClass("0123456789,，."), min: 0, max: .max)]),
            .scalars(ScalarClass("零〇一二两三四五六七八九十百千万"), min: 1, max: .max),
        ])),
        .optional(.named("more", .oneOf("余", "多"))),
    ])

    /// Each statement's figure, made once.
    private static let figures = statements.map(\.figure)
    /// The anchor words apart, so that asking them of every paragraph copies no statement.
    private static let anchors = statements.map(\.anchor)

    func checks(of report: Report) -> [Check] {
        var checks: [Check] = []
        var seen = Set<String>()
        for section in report.sections {
            for (index, paragraph) in section.paragraphs.enumerated() {
                // Most paragraphs state none of these: a plain search for the anchor word spares the regexes,
                // and the half-width copy too, as anchors are Han words, which half-width forms leave as
                // they are (white space is dropped first: it may stand between an anchor's characters).
                let compact = paragraph.removingSpaces()
                guard Self.anchors.contains(where: compact.containsText) else { continue }
                let text = LabelKey.halfWidth(compact)
                // By index: a statement copied for each paragraph retained each of its phrases.
                for i in Self.statements.indices where text.containsText(Self.anchors[i]) {
                    let statement = Self.statements[i]
                    for (stated, quote) in figures(statement, Self.figures[i], in: text) where seen.insert("\(statement.id)|\(quote)").inserted {
                        checks.append(check(statement, stated: stated, quote: quote, section: section,
                                            at: section.location(ofParagraph: index), report: report))
                    }
                }
            }
        }
        return checks
    }

    /// The numbers a paragraph states for one kind of statement (nil when approximate), with their clause.
    private func figures(_ statement: Statement, _ figure: Phrase, in text: String) -> [(Double?, String)] {
        var found: [(Double?, String)] = []
        for match in figure.matches(in: text) {
            let quote = Quote.around(match.text, in: text)
            let approximate = match.named["approx"] != nil || match.named["more"] != nil
            guard let digits = match.named["n"], let value = ChineseNumber.value(digits) else { continue }
            found.append((approximate ? nil : value, quote))
        }
        for pattern in statement.zero {
            for match in pattern.matches(in: text) {
                found.append((0, Quote.around(match.text, in: text)))
            }
        }
        return found
    }

    private func check(_ statement: Statement, stated: Double?, quote: String, section: Section,
                       at location: SourceLocation?, report: Report) -> Check {
        let table = report.table(statement.table)
        let subject = Subject(table: table?.name, row: table.flatMap { label(of: statement.cells, in: $0) },
                              column: table?.values?.rows.first { $0.key == statement.cells[0].row }?
                                  .cells.first { $0.key == statement.cells[0].column }?.label)
        let place = "第\(section.numeral)部分写“\(quote)”"
        func make(_ status: CheckStatus, _ message: String, found: String? = nil, expected: String? = nil) -> Check {
            Check(id: statement.id, scope: section.key, status: status, message: message,
                  cells: statement.cells.map { "\(statement.table).\($0.row).\($0.column)" },
                  subject: subject, found: found, expected: expected, location: location)
        }
        guard let stated else { return make(.skipped, "\(place)，是约数，不与表格比较") }
        guard let table, table.present, let values = table.values else {
            return make(.skipped, "\(place)，但\(table?.name ?? "相应表格")未能读取，无法比较")
        }
        func sum(_ cells: [(row: String, column: String)]) -> Double? {
            if cells.contains(where: { values.isUnresolved(row: $0.row, column: $0.column) }) { return nil }
            return cells.reduce(0) { $0 + (values[$1.row, $1.column] ?? 0) }
        }
        guard let tabled = sum(statement.cells) else {
            return make(.skipped, "\(place)，但表中相应数值无法从原文确定，无法比较")
        }
        let (statedText, tabledText) = (numberText(stated), numberText(tabled))
        if ([statement.cells] + statement.alternatives).compactMap(sum).contains(stated) {
            return make(.pass, "\(place)，与\(table.name)一致")
        }
        return make(.fail, "\(place)，\(statement.subject)为 \(statedText)；\(table.name)\(subject.row.map { "“\($0)”" } ?? "")"
                        + "\(subject.column.map { "“\($0)”" } ?? "")为 \(tabledText)",
                    found: statedText, expected: tabledText)
    }

    /// The label of the row a statement names, or of its group for a sum of rows (（三）不予公开).
    private func label(of cells: [(row: String, column: String)], in table: StandardTable) -> String? {
        let rows = Set(cells.map(\.row))
        if rows.count == 1 { return table.values?.rows.first { rows.contains($0.key) }?.label }
        let template = Edition.template(table.key, edition: table.edition)
        let paths = template?.rows.filter { rows.contains($0.key) }.map(\.path) ?? []
        guard let first = paths.first else { return nil }
        // The deepest label all the rows share.
        let shared = first.indices.prefix { depth in paths.allSatisfy { $0.count > depth && $0[depth] == first[depth] } }
        return shared.last.map { first[$0] } ?? cells.map(\.row).joined(separator: "+")
    }
}

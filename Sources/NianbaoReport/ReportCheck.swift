import NianbaoModel

/// One kind of check a report gets: given the report as read, the checks it yields, each passed,
/// failed or skipped with the reason. A new kind of check is one more small type in `all`.
public protocol ReportCheck: Sendable {
    func checks(of report: Report) -> [Check]
}

/// The checks every report gets, in the order they are listed.
public enum ReportChecks {
    public static let all: [any ReportCheck] = [
        ArithmeticChecks(), CountValues(), DateAgreement(), TemplateLeftovers(), NarrativeFigures(),
    ]

    /// Every check of `all` on the report.
    public static func run(_ report: Report) -> [Check] {
        all.flatMap { $0.checks(of: report) }
    }
}

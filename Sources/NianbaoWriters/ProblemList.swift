import NianbaoModel

/// An office's problem list: one line per problem, as CSV (for Excel and WPS) or JSON.
public enum ProblemList {
    public static let header = ["file", "organ", "year", "severity", "code", "table", "row", "column",
                                "found", "expected", "message", "place"]

    /// Severity in the words an office reads.
    public static func severityName(_ severity: Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }

    /// The CSV record of one problem, in `header` order.
    public static func record(_ p: Problem) -> [String] {
        [p.file ?? "-", p.organ ?? "", p.year.map(String.init) ?? "", severityName(p.severity), p.code,
         p.subject?.table ?? "", p.subject?.row ?? "", p.subject?.column ?? "", p.found ?? "", p.expected ?? "",
         p.message, p.place]
    }

    /// The JSON object of one problem, keys as `header` (severity in English).
    public static func value(_ p: Problem) -> JSONValue {
        func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        return .object([
            ("file", string(p.file)), ("organ", string(p.organ)), ("year", p.year.map { .number(String($0)) } ?? .null),
            ("severity", .string(p.severity.rawValue)), ("code", .string(p.code)),
            ("table", string(p.subject?.table)), ("row", string(p.subject?.row)), ("column", string(p.subject?.column)),
            ("found", string(p.found)), ("expected", string(p.expected)), ("message", .string(p.message)),
            ("line", p.location?.line.map { .number(String($0)) } ?? .null),
        ])
    }
}

import NianbaoModel

/// The report as JSON of the contract "nianbao.report/1" (DESIGN.md), fields in contract order.
public enum ReportJSON {
    /// The JSON value of a report.
    public static func value(_ report: Report) -> JSONValue {
        .object([
            ("schema", .string(Report.schema)),
            ("source", source(report.source)),
            ("meta", meta(report.meta)),
            ("sections", .array(report.sections.map(section))),
            ("tables", .object(report.tables.map { ($0.key, table($0)) })),
            ("other_tables", .array(report.otherTables.map(grid))),
            ("checks", .array(report.checks.map(check))),
            ("diagnostics", .array(report.diagnostics.map(diagnostic))),
        ])
    }

    /// The report as pretty JSON (a document) or as one line (for NDJSON streams).
    public static func text(_ report: Report, pretty: Bool = true) -> String {
        value(report).rendered(pretty: pretty)
    }

    /// The same text as UTF-8 bytes, followed by a line break: a document or an NDJSON line as it is written.
    public static func line(_ report: Report, pretty: Bool = true) -> [UInt8] {
        var bytes = value(report).utf8(pretty: pretty)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The schema of the line that stands for an input that could not be converted.
    public static let failureSchema = "nianbao.error/1"

    /// The NDJSON line of an input that could not be converted: which input, and why, with a stable code,
    /// so that a stream has one line per input.
    public static func failureLine(path: String?, code: String, message: String) -> String {
        JSONValue.object([
            ("schema", .string(failureSchema)), ("source", .object([("path", .optional(path))])),
            ("error", .object([("code", .string(code)), ("message", .string(message))])),
        ]).rendered(pretty: false)
    }

    private static func source(_ s: SourceInfo) -> JSONValue {
        .object([
            ("path", .optional(s.path)), ("format", .string(s.format.rawValue)), ("encoding", .string(s.encoding)),
            ("layout", .optional(s.layout)), ("sha256", .string(s.sha256)),
            ("properties", s.properties.map { p in
                .object([("title", .optional(p.title)), ("created", .optional(p.created)), ("modified", .optional(p.modified))])
            } ?? .null),
        ])
    }

    private static func meta(_ m: Meta) -> JSONValue {
        .object([
            ("title", .optional(m.title)), ("organ", .optional(m.organ)), ("year", .optional(m.year)),
            ("period", m.period.map { .object([("from", .string($0.from)), ("to", .string($0.to))]) } ?? .null),
            ("published", .optional(m.published)), ("template", .optional(m.template)),
            ("preamble", .array(m.preamble.map(JSONValue.string))),
        ])
    }

    private static func section(_ s: Section) -> JSONValue {
        .object([
            ("number", .number(String(s.number))), ("key", .string(s.key)), ("title", .string(s.title)),
            ("paragraphs", .array(s.paragraphs.map(JSONValue.string))),
            ("heading", .string(s.heading)), ("location", location(s.location)),
            ("images", .array(s.images.map(JSONValue.string))),
        ])
    }

    private static func table(_ t: StandardTable) -> JSONValue {
        .object([
            ("present", .bool(t.present)),
            ("values", t.values.map { values in
                .object(values.rows.map { row in (row.key, .object(row.cells.map { ($0.key, .optional($0.value)) })) })
            } ?? .null),
            ("grid", t.grid.map(grid) ?? .null),
            ("location", location(t.location)),
            // Cells the source has but does not settle, as "row.column": null in `values` for a reason.
            ("unresolved", .array((t.values?.rows ?? []).flatMap { row in
                row.cells.filter(\.unresolved).map { JSONValue.string("\(row.key).\($0.key)") }
            })),
            // The template edition the table is drawn in; null when nothing in the report tells.
            ("edition", .optional(t.edition)),
        ])
    }

    private static func grid(_ g: Grid) -> JSONValue {
        .object([
            ("columns", .number(String(g.columns))),
            ("rows", .array(g.rows.map { row in
                .array(row.map { cell in
                    var fields: [(String, JSONValue)] = [("text", .string(cell.text)), ("row_span", .number(String(cell.rowSpan))),
                                                         ("col_span", .number(String(cell.colSpan)))]
                    // Only value cells carry a key, so that a page or script can find a value's cell.
                    if let key = cell.key { fields.append(("key", .string(key))) }
                    return .object(fields)
                })
            })),
        ])
    }

    private static func check(_ c: Check) -> JSONValue {
        .object([
            ("id", .string(c.id)), ("scope", .string(c.scope)), ("status", .string(c.status.rawValue)),
            ("message", .string(c.message)), ("cells", .array(c.cells.map(JSONValue.string))),
            // Added to the contract: how serious a failure is, and what and where, as the report prints it.
            ("severity", .string(c.severity.rawValue)),
            ("table", .optional(c.subject?.table)), ("row", .optional(c.subject?.row)), ("column", .optional(c.subject?.column)),
            ("found", .optional(c.found)), ("expected", .optional(c.expected)), ("location", location(c.location)),
        ])
    }

    private static func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object([
            ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", .string(d.message)),
            ("location", location(d.location)),
            ("table", .optional(d.subject?.table)), ("row", .optional(d.subject?.row)), ("column", .optional(d.subject?.column)),
        ])
    }

    private static func location(_ l: SourceLocation?) -> JSONValue {
        guard let l else { return .null }
        var members: [(String, JSONValue)] = []
        if let line = l.line { members.append(("line", .number(String(line)))) }
        if let part = l.part { members.append(("part", .string(part))) }
        if let index = l.index { members.append(("index", .number(String(index)))) }
        if let page = l.page { members.append(("page", .number(String(page)))) }
        return .object(members)
    }
}

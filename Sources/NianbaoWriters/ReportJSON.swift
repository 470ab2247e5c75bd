import NianbaoModel

/// The report as JSON of the contract "nianbao.report/1" (DESIGN.md), fields in contract order.
public enum ReportJSON {
    /// Writes the report as its JSON document.
    public static func write(_ report: Report, to w: inout JSONWriter) {
        w.object { w in
            w.member("schema", Report.schema)
            w.member("source") { source(report.source, to: &$0) }
            w.member("meta") { meta(report.meta, to: &$0) }
            w.member("sections") { $0.array(report.sections, section) }
            w.member("tables") { w in
                w.object { w in
                    for t in report.tables { w.member(t.key) { table(t, to: &$0) } }
                }
            }
            w.member("other_tables") { $0.array(report.otherTables) { w, g in w.object { gridMembers(&$0, g) } } }
            w.member("checks") { $0.array(report.checks, check) }
            w.member("diagnostics") { $0.array(report.diagnostics, diagnostic) }
        }
    }

    /// The report as pretty JSON (a document) or as one line (for NDJSON streams).
    public static func text(_ report: Report, pretty: Bool = true) -> String {
        var w = JSONWriter(pretty: pretty)
        write(report, to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, followed by a line break: a document or an NDJSON line as it is written.
    public static func line(_ report: Report, pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty)
        write(report, to: &w)
        var bytes = w.bytes
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

    private static func source(_ s: SourceInfo, to w: inout JSONWriter) {
        w.object { w in
            w.member("path", s.path)
            w.member("format", s.format.rawValue)
            w.member("encoding", s.encoding)
            w.member("layout", s.layout)
            w.member("sha256", s.sha256)
            w.member("properties", s.properties) { w, p in
                w.member("title", p.title)
                w.member("created", p.created)
                w.member("modified", p.modified)
            }
        }
    }

    private static func meta(_ m: Meta, to w: inout JSONWriter) {
        w.object { w in
            w.member("title", m.title)
            w.member("organ", m.organ)
            w.member("year", m.year)
            w.member("period", m.period) { w, period in
                w.member("from", period.from)
                w.member("to", period.to)
            }
            w.member("published", m.published)
            w.member("template", m.template)
            w.member("preamble") { $0.array(m.preamble) }
        }
    }

    private static func section(_ w: inout JSONWriter, _ s: Section) {
        w.object { w in
            w.member("number", s.number)
            w.member("key", s.key)
            w.member("title", s.title)
            w.member("paragraphs") { $0.array(s.paragraphs) }
            w.member("heading", s.heading)
            w.member("location") { location(s.location, to: &$0) }
            w.member("images") { $0.array(s.images) }
        }
    }

    private static func table(_ t: StandardTable, to w: inout JSONWriter) {
        w.object { w in
            w.member("present", t.present)
            w.member("values", t.values) { w, values in
                for row in values.rows {
                    w.member(row.key, row) { w, row in
                        for cell in row.cells { w.member(cell.key, cell.value) }
                    }
                }
            }
            w.member("grid", t.grid, object: gridMembers)
            w.member("location") { location(t.location, to: &$0) }
            // Cells the source has but does not settle, as "row.column": null in `values` for a reason.
            w.member("unresolved") { w in
                w.array { w in
                    for row in t.values?.rows ?? [] {
                        for cell in row.cells where cell.unresolved {
                            w.item()
                            w.string("\(row.key).\(cell.key)")
                        }
                    }
                }
            }
            // The template edition the table is drawn in; null when nothing in the report tells.
            w.member("edition", t.edition)
        }
    }

    private static func gridMembers(_ w: inout JSONWriter, _ g: Grid) {
        w.member("columns", g.columns)
        w.member("rows") { w in
            w.array(g.rows) { w, row in
                w.array(row) { w, cell in
                    w.object { w in
                        w.member("text", cell.text)
                        w.member("row_span", cell.rowSpan)
                        w.member("col_span", cell.colSpan)
                        // Only value cells carry a key, so that a page or script can find a value's cell.
                        if let key = cell.key { w.member("key", key) }
                    }
                }
            }
        }
    }

    private static func check(_ w: inout JSONWriter, _ c: Check) {
        w.object { w in
            w.member("id", c.id)
            w.member("scope", c.scope)
            w.member("status", c.status.rawValue)
            w.member("message", c.message)
            w.member("cells") { $0.array(c.cells) }
            // Added to the contract: how serious a failure is, and what and where, as the report prints it.
            w.member("severity", c.severity.rawValue)
            subject(c.subject, to: &w)
            w.member("found", c.found)
            w.member("expected", c.expected)
            w.member("location") { location(c.location, to: &$0) }
        }
    }

    private static func diagnostic(_ w: inout JSONWriter, _ d: Diagnostic) {
        w.object { w in
            w.member("severity", d.severity.rawValue)
            w.member("code", d.code)
            w.member("message", d.message)
            w.member("location") { location(d.location, to: &$0) }
            subject(d.subject, to: &w)
        }
    }

    /// The members "table", "row" and "column" of what a check or diagnostic is about.
    private static func subject(_ s: Subject?, to w: inout JSONWriter) {
        w.member("table", s?.table)
        w.member("row", s?.row)
        w.member("column", s?.column)
    }

    private static func location(_ l: SourceLocation?, to w: inout JSONWriter) {
        guard let l else { return w.null() }
        w.object { w in
            if let line = l.line { w.member("line", line) }
            if let part = l.part { w.member("part", part) }
            if let index = l.index { w.member("index", index) }
            if let page = l.page { w.member("page", page) }
        }
    }
}

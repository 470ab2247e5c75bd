import NianbaoModel
import Testing
@testable import NianbaoWriters

@Suite struct ReportJSONTests {
    @Test func stringsAreEscapedAndChineseKeptAsIs() {
        let value = JSONValue.object([("a", .string("引号\"\\\n\t\u{01}")), ("b", .null), ("c", .bool(true))])
        #expect(value.rendered(pretty: false) == #"{"a":"引号\"\\\n\t\u0001","b":null,"c":true}"#)
    }

    @Test func lineSeparatorsAreEscapedAndOtherPunctuationIsNot() {
        // U+2028 and “—” share their first UTF-8 byte; only the line separator is escaped.
        let value = JSONValue.array([.string("甲\u{2028}乙\u{2029}丙“—”"), .string("无须转义")])
        #expect(value.rendered(pretty: false) == #"["甲\u2028乙\u2029丙“—”","无须转义"]"#)
    }

    @Test func prettyOutputIndentsByTwoSpaces() {
        let value = JSONValue.object([("x", .array([.number("1"), .object([])])), ("y", .array([]))])
        #expect(value.rendered(pretty: true) == "{\n  \"x\": [\n    1,\n    {}\n  ],\n  \"y\": []\n}")
    }

    @Test func writerGivesTheTextOfTheSameTree() {
        var w = JSONWriter(pretty: true)
        w.object { w in
            w.member("a", 1)
            w.member("b", nil as String?)
            w.member("c", (x: 2.5, y: "乙")) { w, c in
                w.member("x", c.x)
                w.member("y", c.y)
            }
            w.member("d", nil as Int?) { w, _ in w.member("never", true) }
            w.member("e") { $0.array(["甲", "\""]) }
            w.member("f") { $0.array([String]()) }
        }
        let tree = JSONValue.object([
            ("a", .number("1")), ("b", .null), ("c", .object([("x", .number("2.5")), ("y", .string("乙"))])),
            ("d", .null), ("e", .array([.string("甲"), .string("\"")])), ("f", .array([])),
        ])
        #expect(String(decoding: w.bytes, as: UTF8.self) == tree.rendered(pretty: true))
        #expect(tree.rendered(pretty: true).hasPrefix("{\n  \"a\": 1,\n  \"b\": null,\n  \"c\": {\n    \"x\": 2.5,"))
    }

    @Test func integersAreWrittenAsTheirDecimalDigits() {
        var w = JSONWriter(pretty: false)
        w.array([0, 7, -42, 1_000_000, Int.max, Int.min]) { $0.integer($1) }
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[0,7,-42,1000000,9223372036854775807,-9223372036854775808]")
    }

    @Test func aTextLargerThanTheFirstBufferIsWrittenWhole() {
        let long = String(repeating: "政府信息公开\"", count: 2_000)
        var w = JSONWriter(pretty: true)
        w.array([long, "末"])
        let expected = "[\n  \"" + long.replacingAll("\"", with: "\\\"") + "\",\n  \"末\"\n]"
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
    }

    @Test func numbersHaveOneTextForm() {
        #expect(numberText(0) == "0")
        #expect(numberText(1573) == "1573")
        #expect(numberText(9.51) == "9.51")
        #expect(numberText(12.5) == "12.5")
    }

    @Test func reportFieldsComeInContractOrder() {
        let values = TableValues(rows: [RowValues(key: "fees", cells: [ColumnValue(key: "amount", value: 9.51)])])
        let report = Report(
            source: SourceInfo(path: "a.txt", format: .text, encoding: "GB18030", layout: "tab", sha256: "00"),
            meta: Meta(title: "标题", organ: "某局", year: 2024, period: Period(from: "2024-01-01", to: "2024-12-31")),
            sections: [],
            tables: [StandardTable(key: "active_disclosure", present: true, values: values, grid: nil, location: nil),
                     .absent("review_litigation")],
            otherTables: [],
            checks: [Check(id: "values.kind", scope: "fees.amount", status: .fail, message: "为负数", cells: ["active_disclosure.fees.amount"],
                           subject: Subject(table: "表二", row: "行政事业性收费", column: "本年收费金额"), found: "-1", expected: "不小于 0")],
            diagnostics: [Diagnostic(.warning, "table.absent", "报告中没有表四", at: SourceLocation(line: 9))])
        let json = ReportJSON.text(report, pretty: false)
        #expect(json == #"{"schema":"nianbao.report/1","source":{"path":"a.txt","format":"text","encoding":"GB18030","layout":"tab","sha256":"00","properties":null},"#
            + #""meta":{"title":"标题","organ":"某局","year":2024,"period":{"from":"2024-01-01","to":"2024-12-31"},"published":null,"template":null,"preamble":[]},"#
            + #""sections":[],"tables":{"active_disclosure":{"present":true,"values":{"fees":{"amount":9.51}},"grid":null,"location":null,"unresolved":[],"edition":null},"#
            + #""review_litigation":{"present":false,"values":null,"grid":null,"location":null,"unresolved":[],"edition":null}},"other_tables":[],"#
            + #""checks":[{"id":"values.kind","scope":"fees.amount","status":"fail","message":"为负数","cells":["active_disclosure.fees.amount"],"#
            + #""severity":"error","table":"表二","row":"行政事业性收费","column":"本年收费金额","found":"-1","expected":"不小于 0","location":null}],"#
            + #""diagnostics":[{"severity":"warning","code":"table.absent","message":"报告中没有表四","location":{"line":9},"table":null,"row":null,"column":null}]}"#)
    }
}

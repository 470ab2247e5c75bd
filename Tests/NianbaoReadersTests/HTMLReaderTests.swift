import NianbaoModel
import Testing
@testable import NianbaoReaders

@Suite struct HTMLReaderTests {
    func read(_ html: String) throws -> Document { try HTMLReader().read(Array(html.utf8)) }

    func texts(_ document: Document) -> [String] {
        document.blocks.compactMap { block -> String? in
            switch block {
            case .paragraph(let p): p.text
            case .heading(let h): "#\(h.level) \(h.text)"
            case .image(let i): "[image \(i.name)]"
            case .table(let t): "[table \(t.rows.count)]"
            case .placeholder(let p): "[placeholder \(p.text)]"
            }
        }
    }

    @Test func hiddenStylesAreFoundWhateverTheirCaseAndBlanks() throws {
        let page = """
            <html><body><p style="color: red; Display : NONE">甲</p><p style="VISIBILITY:\n hidden">乙</p>
            <p style="display: block; visibility: visible">丙</p><p style="font-family: 宋体">丁</p><p class="x">戊</p></body></html>
            """
        #expect(texts(try read(page)) == ["丙", "丁", "戊"])
    }

    @Test func theDeclaredCharsetIsFoundInMetaTags() {
        #expect(HTMLReader.declaredCharset(Array("<meta charset=\"GB2312\">".utf8)) == "gb2312")
        #expect(HTMLReader.declaredCharset(Array("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=gbk'>".utf8)) == "gbk")
        #expect(HTMLReader.declaredCharset(Array("<p>charset=utf-8</p>".utf8)) == nil)
    }

    @Test func gbkBytesUnderAWrongDeclarationAreStillRead() throws {
        // 一、总体情况 in GBK, declared as UTF-8.
        let body: [UInt8] = [0xD2, 0xBB, 0xA1, 0xA2, 0xD7, 0xDC, 0xCC, 0xE5, 0xC7, 0xE9, 0xBF, 0xF6]
        let bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
        let document = try HTMLReader().read(bytes)
        #expect(document.encoding == "GB18030")
        #expect(texts(document) == ["一、总体情况"])
        #expect(document.diagnostics.map(\.code) == ["encoding.mismatch"])
    }

    @Test func pageFurnitureIsLeftOutAndTheTitleAboveTheArticleKept() throws {
        let document = try read("""
            <html><head><title>某局2024年政府信息公开工作年度报告_某市人民政府</title><script>var a = "一、脚本";</script></head>
            <body><ul class="nav"><li>一、首页</li><li>二、政务公开</li></ul>
            <h1>某局2024年政府信息公开工作年度报告</h1><div class="info">发布时间：2025-01-20</div>
            <div id="zoom"><p>一、总体情况</p><p>正文&nbsp;一。</p><p>二、主动公开政府信息情况</p>
            <table><tr><td>规章</td><td>1</td></tr><tr><td>行政许可</td><td>2</td></tr></table>
            <div class="bdshare">分享到：微信</div></div><div class="footer">版权所有</div></body></html>
            """)
        #expect(texts(document) == ["#1 某局2024年政府信息公开工作年度报告", "一、总体情况", "正文 一。", "二、主动公开政府信息情况", "[table 2]"])
        #expect(document.properties?.title == "某局2024年政府信息公开工作年度报告")
    }

    @Test func layoutTablesAreReadAsFlowAndDataTablesInsideThemKept() throws {
        let long = String(repeating: "正文很长。", count: 100)
        let document = try read("""
            <table><tr><td><p>一、总体情况</p><p>\(long)</p>
            <table><tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table></td></tr></table>
            """)
        #expect(texts(document) == ["一、总体情况", long, "[table 2]"])
    }

    @Test func numeralsSetApartListsBreaksAndDeletionsReadAsAPageShowsThem() throws {
        let document = try read("""
            <p><b>一、</b><b>总体</b>情况</p><p>二、</p><p>主动公开政府信息情况</p>
            <p>第一行<br>第二行</p><ol start="3"><li>收到和处理</li><li value="5">存在的<del>旧</del>问题</li></ol>
            <ol style="list-style-type: cjk-ideographic"><li>六项</li></ol><p><img src="media/t2.png"></p>
            """)
        #expect(texts(document) == ["一、总体情况", "二、主动公开政府信息情况", "第一行", "第二行", "3.收到和处理", "5.存在的问题",
                                     "一、六项", "[image media/t2.png]"])
    }

    @Test func spansTakeTheirPlacesAndRaggedRowsAreReported() throws {
        let document = try read("""
            <table><tr><td rowspan="2">甲</td><td colspan="2">乙</td></tr><tr><td>1</td><td>&nbsp;</td><td>多余</td></tr>
            <tr><td rowspan="5">丙</td><td>3<br>4</td></tr></table>
            """)
        guard case .table(let table) = document.blocks.first else { Issue.record("no table"); return }
        #expect(table.rows.map { $0.cells.map { "\($0.text)/\($0.rowSpan)/\($0.colSpan)" } }
                == [["甲/2/1", "乙/1/2"], ["1/1/1", "/1/1", "多余/1/1"], ["丙/1/1", "3\n4/1/1"]])
        #expect(document.diagnostics.map(\.code) == ["table.ragged", "table.span_clamped"])
    }
}

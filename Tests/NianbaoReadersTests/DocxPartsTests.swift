import NianbaoModel
import Testing
@testable import NianbaoReaders

@Suite struct DocxPartsTests {
    @Test func chineseCountingAsWordRendersIt() {
        #expect([1, 2, 10, 11, 20, 21, 99, 100, 105, 110].map(NumberFormat.chineseCounting)
                == ["一", "二", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"])
        #expect(NumberFormat.render(3, format: "decimalEnclosedCircle") == "③")
        #expect(NumberFormat.render(4, format: "upperRoman") == "IV")
        #expect(NumberFormat.render(2, format: "ideographTraditional") == "乙")
        #expect(NumberFormat.render(12, format: "decimalFullWidth") == "１２")
    }

    @Test func numberingCountsPerListAndRestartsDeeperLevels() throws {
        let xml = """
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3"/><w:suff w:val="space"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
        </w:numbering>
        """
        var numbering = try DocxNumbering(bytes: Array(xml.utf8), part: "word/numbering.xml")
        let sequence = [(3, 0), (3, 1), (3, 1), (3, 2), (3, 0), (3, 1), (4, 0), (9, 0)]
        let texts = sequence.map { numbering.next(NumberingReference(numId: String($0.0), level: $0.1)) }
        #expect(texts == ["一、", "（一）", "（二）", "二.1 ", "二、", "（一）", "五、", nil])
    }

    @Test func verticalAndLegacyHorizontalMergesBecomeSpans() {
        var builder = DocxTableBuilder(location: SourceLocation(index: 1))
        func row(_ cells: [(String, span: Int, vMerge: String??)]) {
            builder.startRow(at: SourceLocation(index: 1))
            for cell in cells {
                builder.startCell()
                builder.setGridSpan(cell.span)
                if let merge = cell.vMerge { builder.setVerticalMerge(merge) }
                builder.addParagraph(cell.0)
                builder.endCell()
            }
        }
        row([("甲", 1, .some("restart")), ("乙", 2, nil)])
        row([("", 1, .some(nil)), ("丙", 1, nil), ("丁", 1, nil)])
        row([("", 1, .some(nil)), ("戊", 2, nil)])
        let table = builder.build()
        #expect(table.rows.map { $0.cells.map { "\($0.text)\($0.rowSpan)\($0.colSpan)" } }
                == [["甲31", "乙12"], ["丙11", "丁11"], ["戊12"]])
    }

    @Test func relationshipTargetsResolveAgainstTheSourceFolder() {
        #expect(DocxPackage.resolve("media/image1.png", from: "word") == "word/media/image1.png")
        #expect(DocxPackage.resolve("../customXml/item1.xml", from: "word") == "customXml/item1.xml")
        #expect(DocxPackage.resolve("/word/document.xml", from: "") == "word/document.xml")
    }

    @Test func xmlWithADoctypeIsRefused() {
        let xml = Array("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>".utf8)
        #expect(throws: ReaderError.self) {
            let reader = try XMLStreamReader(bytes: xml, part: "p.xml")
            while try reader.read() {}
        }
    }
}

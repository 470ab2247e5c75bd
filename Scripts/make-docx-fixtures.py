#!/usr/bin/env python3
"""Builds the DOCX fixtures of Tests/Fixtures/docx. Run once; the outputs are committed, and the
tests need none of the tools used here.

- template-filled.docx: the official 2021 template (../shared/corpus) with a title, a statistics
  period and a different number in every value cell. Only the runs inside those cells and the texts
  named below change; the merged-cell structure around them stays byte for byte.
- features.docx: the same report with headings that exist only as auto-numbering (numbering.xml,
  一、 and （一）), tracked changes (one of them in a value cell), fields, a hyperlink, a content
  control, a text box written twice (mc:Choice and mc:Fallback), an image, tabs, breaks, soft hyphens,
  a nested table and a table with gridBefore and legacy hMerge.
- *-libreoffice.docx: those two re-saved by LibreOffice (soffice --headless --convert-to docx).
- python-docx.docx: a report written by python-docx from scratch, table 三 merged with its API.
- not-a-report.docx: a memo written by python-docx, with a table.
- broken/: packages that must be refused with a clear error: no main document, a DTD with
  entities (XXE naming a local file), malformed XML, a truncated package.

NAME.expected.json records the values this script wrote (see fixture_values.py).
Needs: LibreOffice (apt-get install libreoffice-writer-nogui) and python-docx (pip install python-docx).

Usage: Scripts/make-docx-fixtures.py [TEMPLATE_DOCX] [OUT_DIR]
"""
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from fixture_values import ACTIVE, APP_ROWS, GROUP_COLUMNS, GROUPS, ORGS, balanced_values, write_expectation

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "report-template-2021.docx"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "Tests" / "Fixtures" / "docx"

ORGAN, YEAR = "示例县示例镇人民政府", 2024
TITLE = f"{ORGAN}{YEAR}年政府信息公开工作年度报告"
PERIOD = f"本报告中所列数据的统计期限为{YEAR}年1月1日至{YEAR}年12月31日。"
ALL_TABLES = ["active_disclosure", "applications", "review_litigation"]
APP_COLUMNS = ORGS + ["total"]
ACTIVE_LABELS = {"规章": "regulations", "行政规范性文件": "normative_documents", "行政许可": "licensing",
                 "行政处罚": "punishment", "行政强制": "coercion", "行政事业性收费": "fees"}
RUN = re.compile(r"<w:r(?: [^>]*)?>.*?</w:r>", re.S)
TRACKED = 'w:id="{id}" w:author="审核人" w:date="2025-01-10T09:00:00Z"'


def fmt(v):
    return "" if v is None else (str(v) if isinstance(v, int) else f"{v:g}")


def spans(pattern, text):
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.S)]


def set_cell(cell, content):
    """The cell with its runs replaced by `content` (runs), inside its last paragraph."""
    cell = RUN.sub("", cell)
    end = cell.rindex("</w:p>")
    return cell[:end] + content + cell[end:]


def run(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def fill_tables(xml, values, cell_content=None):
    """Writes every value of the three standard tables into the template's empty value cells."""
    cell_content = cell_content or (lambda table, row, column, v: run(fmt(v)))
    tables = spans(r"<w:tbl>.*?</w:tbl>", xml)
    assert len(tables) == 3, len(tables)
    edits = []  # (start, end, new text), applied from the end
    for (t_start, t_end), key in zip(tables, ALL_TABLES):
        rows = spans(r"<w:tr[ >].*?</w:tr>", xml[t_start:t_end])
        targets = []  # (cells of the row, [(row key, column key)])
        for r_start, r_end in rows:
            row = xml[t_start + r_start:t_start + r_end]
            cells = [(t_start + r_start + a, t_start + r_start + b) for a, b in spans(r"<w:tc>.*?</w:tc>", row)]
            targets.append(cells)
        if key == "active_disclosure":
            columns = dict(ACTIVE)
            for cells in targets:
                label = re.sub(r"<[^>]+>", "", xml[cells[0][0]:cells[0][1]]).strip()
                if label in ACTIVE_LABELS:
                    row_key = ACTIVE_LABELS[label]
                    for cell, column in zip(cells[1:], columns[row_key]):
                        edits.append((cell, key, row_key, column))
        elif key == "applications":
            for cells, row_key in zip(targets[3:], APP_ROWS):
                for cell, column in zip(cells[-7:], APP_COLUMNS):
                    edits.append((cell, key, row_key, column))
        else:
            cells = targets[-1]
            assert len(cells) == 15
            for i, cell in enumerate(cells):
                edits.append((cell, key, GROUPS[i // 5], GROUP_COLUMNS[i % 5]))
    for (start, end), table, row, column in sorted(edits, reverse=True):
        xml = xml[:start] + set_cell(xml[start:end], cell_content(table, row, column, values[table][row][column])) \
            + xml[end:]
    return xml


def replace_once(xml, old, new):
    assert xml.count(old) == 1, (old, xml.count(old))
    return xml.replace(old, new)


def paragraph_of(xml, text):
    """Start and end of the paragraph whose only text is `text`."""
    at = xml.index(f"<w:t>{text}</w:t>")
    start = xml.rindex("<w:p ", 0, at)
    return start, xml.index("</w:p>", at) + len("</w:p>")


def read_parts(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def write_parts(parts, path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["[Content_Types].xml"] + [n for n in parts if n != "[Content_Types].xml"]:
            z.writestr(name, parts[name])


def filled_report(values):
    parts = read_parts(TEMPLATE)
    xml = parts["word/document.xml"].decode("utf-8")
    xml = replace_once(xml, "<w:t>政府信息公开工作年度报告格式模板</w:t>", f"<w:t>{TITLE}</w:t>")
    xml = xml.replace("<w:t>（文字描述）</w:t>", f"<w:t>{PERIOD}</w:t>", 1)
    xml = fill_tables(xml, values)
    parts["word/document.xml"] = xml.encode("utf-8")
    return parts


NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

SECTION_HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]

TEXT_BOX = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
            'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
            '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionV><wp:extent cx="1800000" cy="360000"/><wp:wrapNone/><wp:docPr id="20" name="文本框 1"/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr '
            'txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="360000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r>'
            '<w:t>文本框内的说明文字</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape '
            'style="width:140pt;height:28pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框内的说明文字</w:t>'
            '</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')

IMAGE = ('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="952500" '
         'cy="952500"/><wp:docPr id="30" name="图片 1"/><a:graphic '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
         'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic '
         'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" '
         'name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImage1"/>'
         '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext '
         'cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
         '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')

# A 1×1 transparent PNG.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000100ff5f3a3c0000000049454e44ae426082")


def p(*content, numbered=None):
    num = (f'<w:pPr><w:numPr><w:ilvl w:val="{numbered}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
           if numbered is not None else "")
    return "<w:p>" + num + "".join(content) + "</w:p>"


def cell(*content, props=""):
    return f"<w:tc><w:tcPr>{props}</w:tcPr>" + (p(*content) if content else p()) + "</w:tc>"


def features_report(values):
    """The filled report with the features real Word and WPS files contain."""
    def traced(table, row, column, v):
        # 表三 予以公开/自然人 was corrected with tracked changes: the accepted value is the true one.
        if (table, row, column) == ("applications", "granted", "natural_person"):
            return (f'<w:del {TRACKED.format(id=90)}><w:r><w:delText>99999</w:delText></w:r></w:del>'
                    f'<w:ins {TRACKED.format(id=91)}>{run(fmt(v))}</w:ins>')
        return run(fmt(v))

    parts = read_parts(TEMPLATE)
    xml = parts["word/document.xml"].decode("utf-8")
    xml = replace_once(xml, "<w:t>政府信息公开工作年度报告格式模板</w:t>", f"<w:t>{TITLE}</w:t>")
    xml = fill_tables(xml, values, traced)

    # Section headings exist only as numbering: the text loses its 一、, the paragraph gains numPr.
    for heading in SECTION_HEADINGS:
        start, end = paragraph_of(xml, heading)
        paragraph = xml[start:end].replace(f"<w:t>{heading}</w:t>", f"<w:t>{heading[2:]}</w:t>")
        paragraph = paragraph.replace("<w:widowControl/>",
                                      '<w:widowControl/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>', 1)
        xml = xml[:start] + paragraph + xml[end:]

    body_1 = "".join([
        p(run("主动公开情况"), numbered=1),
        p(run(PERIOD)),
        p(run("本机关"),
          f'<w:del {TRACKED.format(id=1)}><w:r><w:delText>删去的旧说法</w:delText></w:r></w:del>',
          f'<w:ins {TRACKED.format(id=2)}>{run("全年主动公开信息")}</w:ins>',
          run("，详见"),
          '<w:hyperlink r:id="rIdLink1"><w:r><w:t>政府网站</w:t></w:r></w:hyperlink>',
          run("。")),
        p(run("依申请公开情况"), numbered=1),
        p(run("甲"), "<w:r><w:tab/></w:r>", run("乙"), "<w:r><w:br/></w:r>", run("丙"),
          "<w:r><w:softHyphen/></w:r>", run("丁"), '<w:r><w:sym w:font="Wingdings" w:char="2605"/></w:r>'),
        p(run("第"), '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>', run("页"), TEXT_BOX),
        p(IMAGE),
    ])
    start, end = paragraph_of(xml, "（文字描述）")
    xml = xml[:start] + body_1 + xml[end:]

    nested = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>" + cell(run("栏目")) + cell(run("条数"))
              + "</w:tr><w:tr>" + cell(run("工作动态")) + "<w:tc><w:tcPr/>"
              + "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>" + cell(run("内嵌表格")) + "</w:tr></w:tbl>"
              + p(run("20")) + "</w:tc></w:tr></w:tbl>")
    legacy = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
              "<w:tr>" + cell(run("渠道"), props='<w:hMerge w:val="restart"/>') + cell(props='<w:hMerge/>')
              + cell(run("数量")) + "</w:tr>"
              '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + cell(run("网站")) + cell(run("15")) + "</w:tr>"
              "</w:tbl>")
    signature = "".join([
        p('<w:sdt><w:sdtPr><w:alias w:val="机关名称"/><w:tag w:val="organ"/><w:text/></w:sdtPr><w:sdtContent>',
          run(ORGAN), "</w:sdtContent></w:sdt>"),
        p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("2025年1月20日"),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    ])
    start, end = paragraph_of(xml, "（文字描述，收取信息处理费情况在此处报告。）")
    xml = xml[:start] + p(run("本年度未收取信息处理费。")) + nested + legacy + signature + xml[end:]
    parts["word/document.xml"] = xml.encode("utf-8")

    parts["word/numbering.xml"] = NUMBERING.encode("utf-8")
    parts["word/media/image1.png"] = PNG
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8").replace("</Relationships>", (
        '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'numbering" Target="numbering.xml"/>'
        '<Relationship Id="rIdImage1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        'Target="media/image1.png"/>'
        '<Relationship Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'hyperlink" Target="http://www.example.gov.cn/" TargetMode="External"/></Relationships>'))
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8").replace("</Types>", (
        '<Default Extension="png" ContentType="image/png"/><Override PartName="/word/numbering.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'))
    parts["[Content_Types].xml"] = types.encode("utf-8")
    return parts


def python_docx_report(values):
    """Table 三 built with python-docx's merge API, headings in Heading styles."""
    import docx
    document = docx.Document()
    document.add_heading(TITLE, level=0)
    document.add_heading("一、总体情况", level=1)
    document.add_paragraph(PERIOD)
    document.add_heading("二、主动公开政府信息情况", level=1)
    rows = [["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    rows += [[label] + [fmt(values["active_disclosure"][key][c]) for c in ["issued", "repealed", "in_force"]]
             for label, key in [("规章", "regulations"), ("行政规范性文件", "normative_documents")]]
    for block, header, items in [("第二十条第（五）项", "本年处理决定数量", [("行政许可", "licensing")]),
                                 ("第二十条第（六）项", "本年处理决定数量", [("行政处罚", "punishment"), ("行政强制", "coercion")]),
                                 ("第二十条第（八）项", "本年收费金额（单位：万元）", [("行政事业性收费", "fees")])]:
        rows += [[block], ["信息内容", header]]
        rows += [[label, fmt(next(iter(values["active_disclosure"][key].values())))] for label, key in items]
    table = document.add_table(rows=len(rows), cols=4)
    for r, cells in enumerate(rows):
        merged = table.cell(r, len(cells) - 1).merge(table.cell(r, 3)) if len(cells) < 4 else None
        for c, text in enumerate(cells):
            (merged if merged is not None and c == len(cells) - 1 else table.cell(r, c)).text = text

    document.add_heading("三、收到和处理政府信息公开申请情况", level=1)
    app = values["applications"]
    labels = {
        "new_received": ["一、本年新收政府信息公开申请数量"], "carried_over": ["二、上年结转政府信息公开申请数量"],
        "granted": ["三、本年度办理结果", "（一）予以公开"],
        "partial_grant": ["三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
    }
    groups = [("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
              ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
              ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                            "5.要求行政机关确认或重新出具已获取信息"]),
              ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"])]
    keys = iter(APP_ROWS[4:23])
    for group, items in groups:
        for item in items:
            labels[next(keys)] = ["三、本年度办理结果", group, item]
    labels["total"] = ["三、本年度办理结果", "（七）总计"]
    labels["carried_forward"] = ["四、结转下年度继续办理"]
    table = document.add_table(rows=3 + len(APP_ROWS), cols=10)
    table.cell(0, 0).merge(table.cell(2, 2)).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    table.cell(0, 3).merge(table.cell(0, 9)).text = "申请人情况"
    table.cell(1, 3).merge(table.cell(2, 3)).text = "自然人"
    table.cell(1, 4).merge(table.cell(1, 8)).text = "法人或其他组织"
    table.cell(1, 9).merge(table.cell(2, 9)).text = "总计"
    for i, label in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        table.cell(2, 4 + i).text = label
    spans_done = set()
    for r, key in enumerate(APP_ROWS, start=3):
        path = labels[key]
        for depth, label in enumerate(path):
            if (depth, label) in spans_done and depth < len(path) - 1:
                continue
            last = r
            while depth < len(path) - 1 and last + 1 < 3 + len(APP_ROWS) and \
                    labels[APP_ROWS[last + 1 - 3]][:depth + 1] == path[:depth + 1]:
                last += 1
            end_col = 2 if depth == len(path) - 1 else depth
            table.cell(r, depth).merge(table.cell(last, end_col)).text = label
            spans_done.add((depth, label))
        for c, column in enumerate(APP_COLUMNS):
            table.cell(r, 3 + c).text = fmt(app[key][column])

    document.add_heading("四、政府信息公开行政复议、行政诉讼情况", level=1)
    table = document.add_table(rows=4, cols=15)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
    table.cell(0, 5).merge(table.cell(0, 14)).text = "行政诉讼"
    names = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    for i, name in enumerate(names):
        table.cell(1, i).merge(table.cell(2, i)).text = name
        table.cell(2, 5 + i).text = name
        table.cell(2, 10 + i).text = name
    table.cell(1, 5).merge(table.cell(1, 9)).text = "未经复议直接起诉"
    table.cell(1, 10).merge(table.cell(1, 14)).text = "复议后起诉"
    for i, (g, c) in enumerate((g, c) for g in GROUPS for c in GROUP_COLUMNS):
        table.cell(3, i).text = fmt(values["review_litigation"][g][c])
    document.add_heading("五、存在的主要问题及改进情况", level=1)
    document.add_paragraph("一是公开内容不够全面。")
    document.add_heading("六、其他需要报告的事项", level=1)
    document.add_paragraph("无。")
    return document


def not_a_report():
    import docx
    document = docx.Document()
    document.add_heading("关于召开工作会议的通知", level=1)
    document.add_paragraph("各科室：定于下周一上午召开工作会议，请准时参加。")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "科室", (0, 1): "人数", (1, 0): "办公室", (1, 1): "3"}.items():
        table.cell(r, c).text = text
    document.add_paragraph("办公室")
    return document


def libreoffice_copy(source, target):
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", folder, str(source)],
                       check=True, capture_output=True)
        shutil.move(Path(folder) / source.name, target)


def write_expected(name, values):
    write_expectation(OUT / f"{name}.expected.json", values, ALL_TABLES, ORGAN, YEAR)


def broken_packages(filled):
    """Small hostile or damaged packages, each of which must end in a clear error."""
    folder = OUT / "broken"
    folder.mkdir(exist_ok=True)
    parts = read_parts(filled)
    without = {k: v for k, v in parts.items() if k != "word/document.xml"}
    write_parts(without, folder / "no-document.docx")
    xxe = dict(parts)
    xxe["word/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        '<w:t>&secret;&b;</w:t></w:r></w:p></w:body></w:document>').encode("utf-8")
    write_parts(xxe, folder / "doctype-entities.docx")
    malformed = dict(parts)
    malformed["word/document.xml"] = parts["word/document.xml"][:5000]
    write_parts(malformed, folder / "malformed-xml.docx")
    data = filled.read_bytes()
    (folder / "truncated.docx").write_bytes(data[:len(data) * 2 // 3])


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    values = balanced_values(11)

    write_parts(filled_report(values), OUT / "template-filled.docx")
    write_expected("template-filled", values)
    write_parts(features_report(values), OUT / "features.docx")
    write_expected("features", values)
    for name in ["template-filled", "features"]:
        libreoffice_copy(OUT / f"{name}.docx", OUT / f"{name}-libreoffice.docx")
        write_expected(f"{name}-libreoffice", values)

    other = balanced_values(12)
    python_docx_report(other).save(OUT / "python-docx.docx")
    write_expected("python-docx", other)
    not_a_report().save(OUT / "not-a-report.docx")
    broken_packages(OUT / "template-filled.docx")


if __name__ == "__main__":
    main()

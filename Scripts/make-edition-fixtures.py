#!/usr/bin/env python3
"""Builds the fixtures of Tests/Fixtures/editions: reports whose tables are drawn in the 2019 format,
in a mix of formats, or with merged blank cells, each in the forms real tools leave them. Run once;
the outputs are committed, and the tests need none of the tools used here.

- report-2019.docx: every table in the 2019 format, drawn as real 2019 reports draw them. In table 二
  the 本年增/减 header spans two grid columns while the data rows give that extra column to
  上一年项目数量 (the value cell spans it), the 采购总金额 is written in 元 (`251000元`), and 本年增/减
  is negative in places. Table 三 has the single （六）其他处理 row.
- mixed.docx: a 2021 table 二 beside a table 三 with the 2019 （六）其他处理 row.
- merged-blanks.docx: a 2021 report where an author merged two blank value cells into one, in every
  table (w:gridSpan="2"), once at the start of a row's values.
- NAME.libreoffice.html: each DOCX through LibreOffice (soffice --headless --convert-to html), which
  writes the merges as colspan and rowspan.
- NAME.pandoc.html: each DOCX through pandoc (pandoc -s -f docx -t html), the other common converter.
- NAME.markdown.md, NAME.gfm.md, NAME.plain.txt: each DOCX through pandoc to markdown, GitHub markdown
  and plain text (merged tables come out as raw HTML, grid or simple tables).
- NAME.tab.txt: each DOCX as the seed extracts in ../shared/seeds render it: a paragraph a line, a
  table row a line of tab-separated cells padded to the table's width, a horizontally merged cell one
  cell, a vertically merged continuation an empty cell. A merged blank is lost there; where that leaves
  a row's values without their columns, the row is expected null.

The DOCX files are written with python-docx, merging cells with its API as an office tool does.
NAME.expected.json records the values written, the edition of each table and of the report.
Needs: python-docx (pip install python-docx), LibreOffice (apt-get install libreoffice-writer-nogui), pandoc.

Usage: Scripts/make-edition-fixtures.py [OUT_DIR]
"""
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from fixture_values import (ACTIVE_2019, APP_ROWS, APP_ROWS_2019, GROUP_COLUMNS, GROUPS, ORGS, OUTCOMES,
                            OUTCOMES_2019, balanced_values, write_expectation)

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Tests" / "Fixtures" / "editions"
ORGAN = "示例市示例区审计局"
ALL = ["active_disclosure", "applications", "review_litigation"]

RESULTS = "三、本年度办理结果"
GROUP_LABELS = [
    ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                  "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
    ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
    ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                  "5.要求行政机关确认或重新出具已获取信息"]),
    ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]),
]


def fmt(v):
    return "" if v is None else (str(v) if isinstance(v, int) else f"{v:g}")


def values_2019(seed):
    """Balanced 2021 values turned into a 2019 report's: table 二 in its own columns (本年增/减 negative in
    places, 采购总金额 in 万元), table 三's （六） sub-items folded into other_processing."""
    values = balanced_values(seed)
    rng = random.Random(seed)
    pool = iter(rng.sample(range(400, 900), 400))
    active = {row: {c: next(pool) for c in cols} for row, cols in ACTIVE_2019}
    for row in ["licensing", "coercion", "fees"]:
        active[row]["change"] = -(active[row]["change"] % 97 + 1)
    active["procurement"]["total_amount"] = 25.1
    app = values["applications"]
    folded = {c: sum(app[r][c] for r in ["other_no_correction", "other_no_fee", "other_other"]) for c in app["total"]}
    app = {r: (folded if r == "other_processing" else app[r]) for r in APP_ROWS_2019}
    return {"active_disclosure": active, "applications": app, "review_litigation": values["review_litigation"]}


def merge(table, r0, c0, r1, c1, text):
    cell = table.cell(r0, c0).merge(table.cell(r1, c1)) if (r0, c0) != (r1, c1) else table.cell(r0, c0)
    cell.text = text
    return cell


def table2_2021(document, active, blank_merge=False):
    rows = [("第二十条第（一）项", "信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"],
             [("规章", "regulations"), ("行政规范性文件", "normative_documents")]),
            ("第二十条第（五）项", "信息内容", ["本年处理决定数量"], [("行政许可", "licensing")]),
            ("第二十条第（六）项", "信息内容", ["本年处理决定数量"], [("行政处罚", "punishment"), ("行政强制", "coercion")]),
            ("第二十条第（八）项", "信息内容", ["本年收费金额（单位：万元）"], [("行政事业性收费", "fees")])]
    count = sum(2 + len(items) for *_, items in rows)
    table = document.add_table(rows=count, cols=4)
    table.style = "Table Grid"
    r = 0
    for block, corner, headers, items in rows:
        merge(table, r, 0, r, 3, block)
        table.cell(r + 1, 0).text = corner
        if len(headers) == 1:
            merge(table, r + 1, 1, r + 1, 3, headers[0])
        else:
            for i, h in enumerate(headers):
                table.cell(r + 1, 1 + i).text = h
        r += 2
        for label, key in items:
            table.cell(r, 0).text = label
            cells = list(active[key].items())
            if len(cells) == 1:
                merge(table, r, 1, r, 3, fmt(cells[0][1]))
            elif blank_merge and key == "regulations":
                # repealed and in_force left blank, their cells merged into one.
                table.cell(r, 1).text = fmt(cells[0][1])
                merge(table, r, 2, r, 3, "")
            else:
                for i, (_, v) in enumerate(cells):
                    table.cell(r, 1 + i).text = fmt(v)
            r += 1


def table2_2019(document, active):
    """Five blocks on a grid of five columns, merged as real 2019 tables are: headers and data rows
    divide the value columns differently."""
    blocks = [
        ("第二十条第（一）项", [("本年新制作数量", 1, 1), ("本年新公开数量", 2, 3), ("对外公开总数量", 4, 4)],
         [("规章", "regulations"), ("规范性文件", "normative_documents")], [(1, 1), (2, 3), (4, 4)]),
        # 本年增/减 spans columns 2–3 in the header, while the data rows give column 2 to 上一年项目数量.
        ("第二十条第（五）项", [("上一年项目数量", 1, 1), ("本年增/减", 2, 3), ("处理决定数量", 4, 4)],
         [("行政许可", "licensing"), ("其他对外管理服务事项", "other_external_services")], [(1, 2), (3, 3), (4, 4)]),
        ("第二十条第（六）项", [("上一年项目数量", 1, 1), ("本年增/减", 2, 3), ("处理决定数量", 4, 4)],
         [("行政处罚", "punishment"), ("行政强制", "coercion")], [(1, 2), (3, 3), (4, 4)]),
        ("第二十条第（八）项", [("上一年项目数量", 1, 1), ("本年增/减", 2, 4)],
         [("行政事业性收费", "fees")], [(1, 2), (3, 4)]),
        ("第二十条第（九）项", [("采购项目数量", 1, 2), ("采购总金额", 3, 4)],
         [("政府集中采购", "procurement")], [(1, 2), (3, 4)]),
    ]
    count = sum(2 + len(items) for _, _, items, _ in blocks)
    table = document.add_table(rows=count, cols=5)
    table.style = "Table Grid"
    r = 0
    for block, headers, items, data in blocks:
        merge(table, r, 0, r, 4, block)
        table.cell(r + 1, 0).text = "信息内容"
        for text, c0, c1 in headers:
            merge(table, r + 1, c0, r + 1, c1, text)
        r += 2
        for label, key in items:
            table.cell(r, 0).text = label
            for (c0, c1), (column, v) in zip(data, active[key].items()):
                text = "251000元" if column == "total_amount" else fmt(v)
                merge(table, r, c0, r, c1, text)
            r += 1


def table3(document, app, edition, blank_merges=()):
    """Three label columns merged down as in the template; `blank_merges` lists (row, first column) pairs
    whose two blank cells are merged into one."""
    labels = {"new_received": ["一、本年新收政府信息公开申请数量"], "carried_over": ["二、上年结转政府信息公开申请数量"],
              "granted": [RESULTS, "（一）予以公开"],
              "partial_grant": [RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]}
    groups = GROUP_LABELS[:3] if edition == "2019" else GROUP_LABELS
    keys = iter(OUTCOMES[2:])
    for group, items in groups:
        for item in items:
            labels[next(keys)] = [RESULTS, group, item]
    if edition == "2019":
        labels["other_processing"] = [RESULTS, "（六）其他处理"]
    labels["total"] = [RESULTS, "（七）总计"]
    labels["carried_forward"] = ["四、结转下年度继续办理"]
    rows = APP_ROWS_2019 if edition == "2019" else APP_ROWS
    table = document.add_table(rows=3 + len(rows), cols=10)
    table.style = "Table Grid"
    merge(table, 0, 0, 2, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    merge(table, 0, 3, 0, 9, "申请人情况")
    merge(table, 1, 3, 2, 3, "自然人")
    merge(table, 1, 4, 1, 8, "法人或其他组织")
    merge(table, 1, 9, 2, 9, "总计")
    for i, label in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        table.cell(2, 4 + i).text = label
    for r, key in enumerate(rows, start=3):
        path = labels[key]
        for depth, label in enumerate(path):
            above = labels[rows[r - 4]] if r > 3 else []
            if depth < len(path) - 1 and above[:depth + 1] == path[:depth + 1]:
                continue
            last = r
            while depth < len(path) - 1 and last + 1 < 3 + len(rows) and labels[rows[last - 2]][:depth + 1] == path[:depth + 1]:
                last += 1
            merge(table, r, depth, last, 2 if depth == len(path) - 1 else depth, label)
        columns = ORGS + ["total"]
        c = 0
        while c < len(columns):
            if (key, columns[c]) in blank_merges:
                merge(table, r, 3 + c, r, 4 + c, "")
                c += 2
            else:
                table.cell(r, 3 + c).text = fmt(app[key][columns[c]])
                c += 1


def table4(document, review, blank_merge=False):
    table = document.add_table(rows=4, cols=15)
    table.style = "Table Grid"
    merge(table, 0, 0, 0, 4, "行政复议")
    merge(table, 0, 5, 0, 14, "行政诉讼")
    outcome = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    for i, label in enumerate(outcome):
        merge(table, 1, i, 2, i, label)
    merge(table, 1, 5, 1, 9, "未经复议直接起诉")
    merge(table, 1, 10, 1, 14, "复议后起诉")
    for i, label in enumerate(outcome * 2):
        table.cell(2, 5 + i).text = label
    flat = [review[g][c] for g in GROUPS for c in GROUP_COLUMNS]
    c = 0
    while c < 15:
        if blank_merge and c == 1:
            merge(table, 3, 1, 3, 2, "")  # review: corrected and other left blank, merged
            c += 2
            continue
        table.cell(3, c).text = fmt(flat[c])
        c += 1


def report(path, values, edition2, edition3, year, blank_merges=False):
    import docx
    document = docx.Document()
    document.add_paragraph(f"{ORGAN}{year}年政府信息公开工作年度报告")
    document.add_paragraph(f"本报告中所列数据的统计期限为{year}年1月1日至{year}年12月31日。")
    document.add_paragraph("一、总体情况")
    document.add_paragraph(f"{year}年，我局认真贯彻落实政府信息公开条例，全面推进政务公开工作。")
    document.add_paragraph("二、主动公开政府信息情况")
    if edition2 == "2019":
        table2_2019(document, values["active_disclosure"])
    else:
        table2_2021(document, values["active_disclosure"], blank_merge=blank_merges)
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    merges = {("granted", "research"), ("denied_state_secret", "natural_person"),
              ("carried_forward", "legal_service")} if blank_merges else set()
    table3(document, values["applications"], edition3, merges)
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table4(document, values["review_litigation"], blank_merge=blank_merges)
    document.add_paragraph("五、存在的主要问题及改进情况")
    document.add_paragraph("公开内容还不够全面，下一步将加强培训。")
    document.add_paragraph("六、其他需要报告的事项")
    document.add_paragraph("本年度未收取信息处理费。")
    document.save(path)


# The rows of merged-blanks.docx whose merged blank stands before a value (table 四 is one row, all lost).
MERGES_BEFORE_LAST_VALUE = [("applications", "granted"), ("applications", "denied_state_secret"),
                            ("applications", "carried_forward")] + [("review_litigation", g) for g in GROUPS]


def blank(values, cells):
    for table, row, column in cells:
        values[table][row][column] = None
    return values


def tab_extract(source):
    """The DOCX body as tab-separated text, merged cells as the seed extracts show them."""
    import re
    import zipfile
    xml = zipfile.ZipFile(source).read("word/document.xml").decode("utf-8")
    body = xml[xml.index("<w:body>"):]
    lines = []
    text = lambda fragment: "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", fragment))
    for block in re.finditer(r"<w:tbl>.*?</w:tbl>|<w:p[ >].*?</w:p>", body, re.S):
        if block.group().startswith("<w:tbl>"):
            width = len(re.findall(r"<w:gridCol\b", block.group()))
            for row in re.findall(r"<w:tr[ >].*?</w:tr>", block.group(), re.S):
                cells = ["" if re.search(r'<w:vMerge/>|<w:vMerge w:val="continue"/>', c) else text(c)
                         for c in re.findall(r"<w:tc>.*?</w:tc>", row, re.S)]
                # As in the seeds, a row is padded with empty cells to the table's width.
                lines.append("\t".join(cells + [""] * (width - len(cells))))
        else:
            lines.append(text(block.group()))
    return "\n".join(lines) + "\n"


def convert(form, source, target):
    """`source` through the tool a form comes from."""
    if form == "tab.txt":
        target.write_text(tab_extract(source), encoding="utf-8")
        return
    if form == "libreoffice.html":
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run(["soffice", "--headless", "--convert-to", "html", "--outdir", folder, str(source)],
                           check=True, capture_output=True)
            target.write_bytes((Path(folder) / (source.stem + ".html")).read_bytes())
        return
    writer = {"pandoc.html": "html", "markdown.md": "markdown", "gfm.md": "gfm", "plain.txt": "plain"}[form]
    extra = ["-s", "--metadata", "title=" + source.stem] if writer == "html" else []
    subprocess.run(["pandoc", "-f", "docx", "-t", writer, *extra, "-o", str(target), str(source)],
                   check=True, capture_output=True)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    merged_blank_cells = [
        ("active_disclosure", "regulations", "repealed"), ("active_disclosure", "regulations", "in_force"),
        ("applications", "granted", "research"), ("applications", "granted", "social_welfare"),
        ("applications", "denied_state_secret", "natural_person"), ("applications", "denied_state_secret", "commercial"),
        ("applications", "carried_forward", "legal_service"), ("applications", "carried_forward", "other_org"),
        ("review_litigation", "review", "corrected"), ("review_litigation", "review", "other"),
    ]
    v2019 = values_2019(31)
    mixed = values_2019(47)
    mixed["active_disclosure"] = balanced_values(47)["active_disclosure"]
    fixtures = [
        ("report-2019", v2019, "2019", "2019", 2019, False,
         {"active_disclosure": "2019", "applications": "2019", "review_litigation": "2019"}),
        # Table 四 is drawn alike in both editions; in a mixed report nothing says which.
        ("mixed", mixed, "2021", "2019", 2020, False,
         {"active_disclosure": "2021", "applications": "2019", "review_litigation": None}),
        ("merged-blanks", blank(balanced_values(53), merged_blank_cells), "2021", "2021", 2023, True,
         {"active_disclosure": "2021", "applications": "2021", "review_litigation": "2021"}),
    ]
    for name, values, edition2, edition3, year, merges, editions in fixtures:
        docx_path = OUT / f"{name}.docx"
        report(docx_path, values, edition2, edition3, year, blank_merges=merges)
        write_expectation(OUT / f"{name}.expected.json", values, ALL, ORGAN, year, editions)
        for form in ["libreoffice.html", "pandoc.html", "markdown.md", "gfm.md", "plain.txt", "tab.txt"]:
            convert(form, docx_path, OUT / f"{name}.{form}")
            stem = form.rsplit(".", 1)[0]
            # The tab extract loses a merge: a row with a merged blank before its last value loses its columns.
            lost = [(t, r) for t, r in MERGES_BEFORE_LAST_VALUE] if merges and form == "tab.txt" else []
            write_expectation(OUT / f"{name}.{stem}.expected.json", values, ALL, ORGAN, year, editions, lost)


if __name__ == "__main__":
    main()

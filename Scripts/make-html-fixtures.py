#!/usr/bin/env python3
"""Builds the HTML fixtures of Tests/Fixtures/html from the DOCX fixtures. Run once; the outputs are
committed, and the tests need none of the tools used here.

- *.libreoffice.html, *.pandoc.html: HTML written by real converters from the DOCX fixtures
  (soffice --headless --convert-to html; pandoc -s -f docx -t html). LibreOffice writes the
  auto-numbered headings of features.docx as <ol> lists (the page shows 1. 2. …) and its tracked
  changes as plain text.
- template-filled.gb2312.html: the LibreOffice page in GB18030 bytes, declared as gb2312.
- template-filled.gb18030-undeclared.html: the same bytes with no declaration at all.
- template-filled.declared-utf8-is-gb18030.html / .declared-gbk-is-utf8.html: declarations that lie.
- template-filled.page.html: the report inside a whole government CMS page (navigation with numbered
  items, breadcrumbs, an <h1> title outside the article, share buttons, footer, scripts, styles).
- template-filled.layout-table.html: the same page laid out with a table around everything.
- headings.html: headings only bold or centred paragraphs, one split across two paragraphs.
- spans.html: table 四 whose rowspan and row lengths disagree.

NAME.expected.json holds the values the DOCX fixture scripts wrote (see fixture_values.py).
Needs: LibreOffice and pandoc (apt-get install libreoffice-writer-nogui pandoc).

Usage: Scripts/make-html-fixtures.py [DOCX_FIXTURES] [OUT_DIR]
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fixture_values import GROUP_COLUMNS, GROUPS, balanced_values, write_expectation

ROOT = Path(__file__).resolve().parent.parent
DOCX = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Tests" / "Fixtures" / "docx"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "Tests" / "Fixtures" / "html"
ORGAN, YEAR = "示例县示例镇人民政府", 2024
ALL = ["active_disclosure", "applications", "review_litigation"]

PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>示例县示例镇人民政府2024年政府信息公开工作年度报告_示例县人民政府</title>
<link rel="stylesheet" href="/css/main.css"/><style>.nav li{float:left} .share{color:#999}</style>
<script>var _hmt = _hmt || []; document.write("<div>统计代码</div>");</script></head>
<body><div class="top-header"><div class="logo">示例县人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">一、政务公开</a></li><li><a href="/hdjl/">二、互动交流</a></li>
<li><a href="/bsfw/">三、办事服务</a></li></ul><div class="search"><form><input name="q"/><button>搜索</button></form></div></div>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>
<div class="main"><h1 class="article-title">示例县示例镇人民政府2024年政府信息公开工作年度报告</h1>
<div class="info">发布时间：2025-01-20　来源：示例镇人民政府　浏览次数：128</div>
<div class="TRS_Editor" id="zoom">BODY</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
<div class="article-related"><h3>相关文章</h3><ul><li>一、示例县2023年政府信息公开工作年度报告</li></ul></div></div>
<div class="footer"><p>版权所有：示例县人民政府办公室　地址：示例县人民路1号</p><p>网站标识码：1234567890　备案号：示ICP备00000000号</p></div>
<script src="/js/jquery.js"></script><script>$(function(){ $(".nav").show(); });</script></body></html>
"""

LAYOUT = """<html><head><meta charset="utf-8"><title>示例县人民政府</title></head><body>
<table width="1000" border="0" cellpadding="0" cellspacing="0"><tr><td colspan="2" class="banner">示例县人民政府门户网站</td></tr>
<tr><td width="200" valign="top" class="left-menu"><ul><li>一、机构概况</li><li>二、政策文件</li><li>三、年度报告</li></ul></td>
<td width="800" valign="top"><h2>示例县示例镇人民政府2024年政府信息公开工作年度报告</h2>BODY</td></tr>
<tr><td colspan="2" class="footer">主办：示例县人民政府办公室</td></tr></table></body></html>
"""


def convert(tool, source, target):
    with tempfile.TemporaryDirectory() as folder:
        if tool == "soffice":
            subprocess.run(["soffice", "--headless", "--convert-to", "html", "--outdir", folder, str(source)],
                           check=True, capture_output=True)
            shutil.move(Path(folder) / (source.stem + ".html"), target)
        else:
            subprocess.run(["pandoc", "-s", "-f", "docx", "-t", "html", "--metadata", "title=" + source.stem,
                            str(source), "-o", str(target)], check=True, capture_output=True)


def body_of(html):
    return re.search(r"<body[^>]*>(.*)</body>", html, re.S).group(1)


def write_expected(name, values, tables=ALL):
    write_expectation(OUT / f"{name}.expected.json", values, tables, ORGAN, YEAR)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    values = balanced_values(11)  # the DOCX fixtures' numbers
    for name in ["template-filled", "features"]:
        convert("soffice", DOCX / f"{name}.docx", OUT / f"{name}.libreoffice.html")
    write_expected("template-filled.libreoffice", values)
    # LibreOffice 7.4 exports the tracked change in 予以公开/自然人 as plain text, deleted digits
    # first: the page says 99999 followed by the accepted value, and so must the report.
    exported = json.loads(json.dumps(values))
    cell = exported["applications"]["granted"]
    cell["natural_person"] = int(f"99999{cell['natural_person']}")
    write_expected("features.libreoffice", exported)
    convert("pandoc", DOCX / "template-filled.docx", OUT / "template-filled.pandoc.html")
    write_expected("template-filled.pandoc", values)

    page = (OUT / "template-filled.libreoffice.html").read_text(encoding="utf-8")
    declaration = '<meta http-equiv="content-type" content="text/html; charset=utf-8"/>'
    assert declaration in page
    variants = {
        "gb2312": (page.replace(declaration, '<meta http-equiv="content-type" content="text/html; charset=gb2312"/>'),
                   "gb18030"),
        "gb18030-undeclared": (page.replace(declaration, ""), "gb18030"),
        "declared-utf8-is-gb18030": (page, "gb18030"),
        "declared-gbk-is-utf8": (page.replace(declaration, '<meta charset="gbk">'), "utf-8"),
    }
    for suffix, (text, encoding) in variants.items():
        (OUT / f"template-filled.{suffix}.html").write_bytes(text.encode(encoding))
        write_expected(f"template-filled.{suffix}", values)

    body = body_of(page)
    (OUT / "template-filled.page.html").write_text(PAGE.replace("BODY", body), encoding="utf-8")
    write_expected("template-filled.page", values)
    (OUT / "template-filled.layout-table.html").write_text(LAYOUT.replace("BODY", body), encoding="utf-8")
    write_expected("template-filled.layout-table", values)

    pandoc = (OUT / "template-filled.pandoc.html").read_text(encoding="utf-8")
    replacements = [
        ("<p><strong>一、总体情况</strong></p>", "<p><strong>一、</strong><strong>总体情况</strong></p>"),
        ("<p><strong>二、主动公开政府信息情况</strong></p>", '<p align="center"><b>二、主动公开政府信息情况</b></p>'),
        ("<p><strong>三、收到和处理政府信息公开申请情况</strong></p>", "<p>三、</p><p>收到和处理政府信息公开申请情况</p>"),
        ("<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>",
         '<div style="text-align:center"><span style="font-weight:bold">四、政府信息公开</span>'
         '<span style="font-weight:bold">行政复议、行政诉讼情况</span></div>'),
    ]
    for old, new in replacements:
        assert old in pandoc, old
        pandoc = pandoc.replace(old, new)
    (OUT / "headings.html").write_text(pandoc, encoding="utf-8")
    write_expected("headings", values)

    review = balanced_values(21)
    cells = "".join(f"<td>{review['review_litigation'][g][c]}</td>" for g in GROUPS for c in GROUP_COLUMNS)
    names = "".join(f"<td>{n}</td>" for n in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    (OUT / "spans.html").write_text(f"""<html><head><meta charset="utf-8"></head><body>
<p>{ORGAN}{YEAR}年政府信息公开工作年度报告</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td><td>多出的单元格</td></tr>
<tr>{"".join(f'<td rowspan="9">{n}</td>' for n in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>{names}{names}</tr>
<tr>{cells}</tr>
</table></body></html>
""", encoding="utf-8")
    write_expected("spans", review, tables=["review_litigation"])


if __name__ == "__main__":
    main()

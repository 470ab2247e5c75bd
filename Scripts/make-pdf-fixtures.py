#!/usr/bin/env python3
"""Makes Tests/Fixtures/pdf with the tools a report's PDF comes from, not with our own writer:
- NAME.pdf: LibreOffice's PDF of Tests/Fixtures/docx/NAME.docx or Tests/Fixtures/editions/NAME.docx
  (`soffice --headless --convert-to pdf`, fonts-noto-cjk installed so that the Chinese has real
  glyphs), with NAME.expected.json, the DOCX fixture's own expectation; table 三 of the template
  runs over a page break; python-docx, mixed and report-2019 have label columns so narrow that the
  labels break into pieces of two or three characters down the page;
- scanned.pdf: page 1 of template-filled.pdf rasterised (pdftoppm, 60 dpi) and wrapped as a PDF
  again (img2pdf): no text layer;
- running-heads.pdf: template-filled.docx with a header (the office's name) and a footer (the title and
  a PAGE field) on every page, as python-docx writes them, through LibreOffice; expected as
  template-filled;
- repeated-header.pdf: template-filled.docx with table 三's three header rows marked to repeat
  (w:tblHeader), so LibreOffice draws them again at the top of the next page; expected as
  template-filled;
- two-columns.pdf: template-filled.docx with twelve more paragraphs in section 一 and everything before
  table 二 set in two columns (a section of w:cols num=2), as narratives often are; expected as
  template-filled, and read column by column;
- page-break.pdf: template-filled.docx with twelve more paragraphs of five lines or so in section 一, in
  one column, so that paragraphs run over page breaks, and with running-heads.pdf's header and footer: the
  paragraph reads whole; expected as template-filled;
- turned-pages.pdf: template-filled.pdf with its pages stored turned (/Rotate 90, 270 and 180, pypdf),
  expected as template-filled;
- locked.pdf: template-filled.pdf encrypted with a user password (pypdf), which cannot be read;
- owner-password.pdf: encrypted with an owner password only, so that anyone may read it;
and Samples/template-2021-filled.pdf, LibreOffice's PDF of the filled template sample.
Usage: Scripts/make-pdf-fixtures.py [NAME.pdf ...]   (only the fixtures named, when any: scanned.pdf,
turned-pages.pdf and the locked ones are made from template-filled.pdf as it is; needs soffice, pdftoppm, and python3 with python-docx, img2pdf and pypdf)"""
import copy, os, shutil, subprocess, sys, tempfile

import docx
import img2pdf
from docx.oxml import parse_xml
from pypdf import PdfReader, PdfWriter

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "Tests", "Fixtures", "pdf")
os.makedirs(out, exist_ok=True)
work = tempfile.mkdtemp(prefix="nianbao-pdf-")
wanted = set(sys.argv[1:])
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def want(name):
    return not wanted or name in wanted


def save_as_filled_pdf(document, name):
    """NAME.pdf from a changed template-filled.docx through LibreOffice, expected as template-filled."""
    document.save(os.path.join(work, name + ".docx"))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", out,
                    os.path.join(work, name + ".docx")], check=True, capture_output=True)
    shutil.copy(os.path.join(root, "Tests", "Fixtures", "docx", "template-filled.expected.json"),
                os.path.join(out, name + ".expected.json"))


def narrative_paragraph(n):
    """Paragraph n of the two-column fixture's narrative: long enough to wrap, with numbers in it."""
    return (f"（{n}）第{n}项工作。本机关围绕第{n}项重点工作，持续完善公开目录，全年通过政府网站发布相关信息"
            f"{n * 7}条，通过政务新媒体发布{n * 3}条，做到应公开尽公开。")


def long_paragraph(n):
    """A paragraph of five lines or so: LibreOffice keeps two lines of a paragraph together at a page's
    foot and head, so a shorter one moves to the next page whole instead of breaking."""
    return (narrative_paragraph(n) + f"同时，本机关对照第{n}项工作要求，逐条核对已公开信息的准确性和时效性，"
            f"对过期信息{n * 2}条及时作出标注，对群众留言反映的{n}个问题逐一答复，并将办理结果在网站上公开。")


def text_of(paragraph):
    return "".join(t.text or "" for t in paragraph.iter(f"{{{W}}}t"))


def add_narrative(paragraphs, count, paragraph=narrative_paragraph):
    """Paragraphs 1…count after the statistics period's paragraph, in its style."""
    period = next(p for p in paragraphs if text_of(p).startswith("本报告中所列数据"))
    anchor = period
    for n in range(1, count + 1):
        added = copy.deepcopy(period)
        for run in added.findall(f"{{{W}}}r")[1:]:
            added.remove(run)
        next(added.iter(f"{{{W}}}t")).text = paragraph(n)
        anchor.addnext(added)
        anchor = added


def add_running_heads(document):
    """The office's name over every page; the title and a PAGE field under it."""
    for section in document.sections:
        section.header.paragraphs[0].text = "示例县示例镇人民政府办公室"
        foot = section.footer.paragraphs[0]
        foot.text = "示例县示例镇人民政府 2024 年政府信息公开工作年度报告  第 "
        foot._p.append(parse_xml(f'<w:fldSimple xmlns:w="{W}" w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        foot.add_run(" 页")


try:
    for folder, name in [("docx", "template-filled"), ("docx", "template-filled-libreoffice"), ("docx", "python-docx"),
                         ("editions", "mixed"), ("editions", "report-2019")]:
        if not want(name + ".pdf"):
            continue
        shutil.copy(os.path.join(root, "Tests", "Fixtures", folder, name + ".docx"), work)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", work,
                        os.path.join(work, name + ".docx")], check=True, capture_output=True)
        shutil.copy(os.path.join(work, name + ".pdf"), out)
        shutil.copy(os.path.join(root, "Tests", "Fixtures", folder, name + ".expected.json"), out)

    if want("two-columns.pdf"):
        document = docx.Document(os.path.join(root, "Tests", "Fixtures", "docx", "template-filled.docx"))
        body = document.element.body
        paragraphs = [p for p in body if p.tag == f"{{{W}}}p"]
        add_narrative(paragraphs, 12)
        # The section that ends before table 二's heading has two columns; the last one keeps one.
        columns = copy.deepcopy(body.find(f"{{{W}}}sectPr"))
        for old in columns.findall(f"{{{W}}}cols"):
            columns.remove(old)
        columns.append(parse_xml(f'<w:cols xmlns:w="{W}" w:num="2" w:space="425"/>'))
        breaker = parse_xml(f'<w:p xmlns:w="{W}"><w:pPr/></w:p>')
        breaker.find(f"{{{W}}}pPr").append(columns)
        next(p for p in paragraphs if text_of(p).startswith("二、主动公开")).addprevious(breaker)
        save_as_filled_pdf(document, "two-columns")

    if want("running-heads.pdf"):
        document = docx.Document(os.path.join(root, "Tests", "Fixtures", "docx", "template-filled.docx"))
        add_running_heads(document)
        save_as_filled_pdf(document, "running-heads")

    if want("page-break.pdf"):
        document = docx.Document(os.path.join(root, "Tests", "Fixtures", "docx", "template-filled.docx"))
        add_narrative([p for p in document.element.body if p.tag == f"{{{W}}}p"], 12, long_paragraph)
        add_running_heads(document)
        save_as_filled_pdf(document, "page-break")

    if want("repeated-header.pdf"):
        document = docx.Document(os.path.join(root, "Tests", "Fixtures", "docx", "template-filled.docx"))
        applications = [t for t in document.tables if "申请人情况" in t._tbl.xml][0]
        for row in applications._tbl.tr_lst[:3]:
            row.get_or_add_trPr().append(parse_xml(
                '<w:tblHeader xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'))
        save_as_filled_pdf(document, "repeated-header")

    if want("template-2021-filled.pdf"):
        shutil.copy(os.path.join(root, "Samples", "template-2021-filled.docx"), work)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", os.path.join(root, "Samples"),
                        os.path.join(work, "template-2021-filled.docx")], check=True, capture_output=True)

    filled = os.path.join(out, "template-filled.pdf")
    if want("scanned.pdf"):
        subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", filled, os.path.join(work, "page")], check=True)
        page = [f for f in os.listdir(work) if f.startswith("page") and f.endswith(".png")][0]
        with open(os.path.join(out, "scanned.pdf"), "wb") as f:
            f.write(img2pdf.convert(os.path.join(work, page)))

    if want("turned-pages.pdf"):
        turned = PdfWriter(clone_from=PdfReader(filled))
        for page, angle in zip(turned.pages, [90, 270, 180]):
            page.rotate(angle)
        with open(os.path.join(out, "turned-pages.pdf"), "wb") as f:
            turned.write(f)
        shutil.copy(os.path.join(out, "template-filled.expected.json"), os.path.join(out, "turned-pages.expected.json"))

    for target, user, owner in [("locked.pdf", "secret", "owner-secret"), ("owner-password.pdf", "", "owner-secret")]:
        if not want(target):
            continue
        writer = PdfWriter(clone_from=PdfReader(filled))
        writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
        with open(os.path.join(out, target), "wb") as f:
            writer.write(f)
finally:
    shutil.rmtree(work, ignore_errors=True)
print(f"make-pdf-fixtures: {sorted(os.listdir(out))}", file=sys.stderr)

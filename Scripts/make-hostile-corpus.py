#!/usr/bin/env python3
"""Builds the hostile and broken inputs the hostile-input tests read (too large to commit: a zip
bomb expanding past 1 GB, a 200 MB line). Every file must end in a clear error or, where noted in
HostileInputTests, in a report with a diagnostic: no crash, no hang, nothing read from the disk.

Usage: Scripts/make-hostile-corpus.py [OUT_DIR]     (default .build/hostile-corpus)
"""
import random
import re
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "hostile-corpus"
FILLED = ROOT / "Tests" / "Fixtures" / "docx" / "template-filled.docx"
SEED = ROOT / "Samples" / "000_1fc2bd555d7c5ccd.txt"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                 'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def docx(path, document, stream=None):
    """A minimal package; `stream` writes word/document.xml in pieces instead of `document`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        if stream:
            with z.open("word/document.xml", "w", force_zip64=True) as f:
                stream(f)
        elif document is not None:
            z.writestr("word/document.xml", document)


def package(path, document, numbering=None, extra=()):
    """A package with word/document.xml, optionally numbering.xml (related from the document) and more entries."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document)
        if numbering:
            z.writestr("word/_rels/document.xml.rels",
                       '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
                       '2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
            z.writestr("word/numbering.xml", numbering)
        for name, data in extra:
            z.writestr(name, data)


def body(content):
    return f"<w:document {W}><w:body>{content}</w:body></w:document>"


def cell(text, properties=""):
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def para(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def numbering(number_format, start, level="0", override=None):
    extra = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>'
             if override is not None else "")
    return (f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{level}"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{extra}</w:num></w:numbering>')


def numbered(text, level="0"):
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f'<w:r><w:t>{text}</w:t></w:r></w:p>')


def attack_cases(rng):
    """Integers from the file past every bound, spans and rows built to blow up, hidden text,
    ambiguous packages and contradicted encodings: each must end in a clear answer, quickly."""
    big = 2 ** 63 - 1
    for name, value in [("gridspan-max", big), ("gridspan-min", -2 ** 63), ("gridspan-999999999", 999999999),
                        ("gridspan-20-digits", "99999999999999999999")]:
        package(OUT / f"{name}.docx", body("<w:tbl><w:tr>" + cell("a", f'<w:gridSpan w:val="{value}"/>')
                                           + cell("b", "<w:hMerge/>") + "</w:tr></w:tbl>"))
    package(OUT / "gridbefore-max.docx",
            body(f'<w:tbl><w:tr><w:trPr><w:gridBefore w:val="{big}"/></w:trPr>{cell("a")}</w:tr></w:tbl>'))
    # 40,000 cells in one row, numbers that do not compress to a zip bomb.
    package(OUT / "row-40000-cells.docx",
            body("<w:tbl><w:tr>" + "".join(cell(str(rng.getrandbits(40))) for _ in range(40000)) + "</w:tr></w:tbl>"))
    package(OUT / "hmerge-40000.docx", body("<w:tbl><w:tr>" + cell("a") + "".join(
        cell(str(rng.getrandbits(40)), "<w:hMerge/>") for _ in range(40000)) + "</w:tr></w:tbl>"))
    three = numbered("总体情况") * 3
    package(OUT / "numbering-start-max.docx", body(three), numbering("decimal", big))
    package(OUT / "numbering-start-min.docx", body(three), numbering("decimal", -2 ** 63))
    package(OUT / "numbering-override-max.docx", body(three), numbering("decimal", 1, override=big))
    package(OUT / "numbering-level-max.docx", body(numbered("总体情况", str(big))), numbering("decimal", 1, level=str(big)))
    package(OUT / "numbering-level-minus-1.docx", body(numbered("总体情况", "-1")), numbering("decimal", 1, level="-1"))
    package(OUT / "numbering-level-1e8.docx", body(numbered("总体情况", "100000000")),
            numbering("decimal", 1, level="100000000"))
    package(OUT / "numbering-ideograph-minus-1.docx", body(numbered("总体情况")), numbering("ideographDigital", -1))
    for fmt in ["upperLetter", "upperRoman", "chineseCounting"]:
        package(OUT / f"numbering-{fmt}-1e12.docx", body(numbered("总体情况")), numbering(fmt, 10 ** 12))
    package(OUT / "vanish-title.docx", body('<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>假机关2099年政府信息公开工作年度报告</w:t>'
                                            '</w:r></w:p>' + para("真机关2023年政府信息公开工作年度报告")))
    package(OUT / "vanish-digit.docx", body(
        "<w:tbl><w:tr>" + cell("规章") + '<w:tc><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>1</w:t></w:r>'
        "<w:r><w:t>3951</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"))
    package(OUT / "two-documents.docx", body(para("第一")), extra=[("WORD/DOCUMENT.XML", body(para("第二")))])
    with zipfile.ZipFile(OUT / "workbook-named.docx", "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/workbook.xml", "<workbook/>")

    (OUT / "ol-start-max.html").write_text(f'<html><body><ol start="{big}"><li>a</li><li>b</li></ol>'
                                           f'<ol><li value="{big}">x</li><li>y</li></ol></body></html>')
    (OUT / "ol-letters-1e13.html").write_text('<html><body><ol type="a" start="10000000000000"><li>a</li></ol>'
                                              '<ol type="I" start="10000000000000"><li>a</li></ol></body></html>')
    (OUT / "colspan-1000x1000.html").write_text("<html><body><table><tr>" + '<td colspan="1000">1</td>' * 1000
                                                + "</tr></table></body></html>")
    (OUT / "rowspan-0.html").write_text("<html><body><table>" + ("<tr>" + '<td rowspan="0">1</td>' * 30 + "</tr>") * 2000
                                        + "</table></body></html>")
    (OUT / "hidden.html").write_text('<html><body><p style="display: none">假机关2099年政府信息公开工作年度报告</p>'
                                     '<p hidden>隐藏</p><table><tr><td>规章</td><td><span style="display:none">1</span>'
                                     "3951</td></tr></table></body></html>")
    page = "<html><head><meta charset=\"{}\"></head><body><p>一、总体情况</p><p>本机关2023年政府信息公开工作年度报告</p></body></html>"
    for charset in ["iso-8859-1", "windows-1252", "koi8-r"]:
        (OUT / f"gbk-declared-{charset}.html").write_bytes(page.format(charset).encode("gbk"))

    for name, line in [("lines-of-bars", "||\n"), ("lines-of-tabs", "\t\t\n"), ("lines-of-rules", "|---|\n")]:
        (OUT / f"{name}.txt").write_text(line * 40000)
    (OUT / "paragraphs-1m.txt").write_text("段落\n\n" * 1_000_000)
    (OUT / "lone-surrogate-utf16.txt").write_bytes(b"\xff\xfe" + "一、总体情况\n".encode("utf-16-le") + b"\x00\xd8"
                                                   + "二\n".encode("utf-16-le"))
    gb = ("一、总体情况\n本机关2023年\n" * 20).encode("gb18030")
    (OUT / "gb18030-one-bad-byte.txt").write_bytes(gb[:30] + b"\xff" + gb[30:])
    (OUT / "numbers.txt").write_text(
        "二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | --- | --- | --- |\n"
        "| 规章 | 1e309 | 0x1A | .5 |\n| 行政规范性文件 | 99999999999999999999 | 9007199254740993 | 1,2,3,4 |\n"
        "| 行政许可 | 一百 |\n| 行政处罚 | (5) |\n| 行政强制 | 约5 |\n| 行政事业性收费 | 1 234 |\n")


def zeros(total):
    def write(f):
        f.write(f'<w:document {W}><w:body><w:p><w:r><w:t>'.encode())
        chunk = b"0" * (1 << 20)
        for _ in range(total >> 20):
            f.write(chunk)
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return write


def lie_about_size(path, name, declared):
    """Sets the uncompressed size the local header and the central directory state for `name`."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    at = data.find(b"PK\x03\x04")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 26)[0]
        if data[at + 30:at + 30 + length] == encoded:
            struct.pack_into("<I", data, at + 22, declared)
        at = data.find(b"PK\x03\x04", at + 4)
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == encoded:
            struct.pack_into("<I", data, at + 24, declared)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def pdf_file(objects, root=1):
    """A PDF of `objects` (bodies of objects 1, 2, …) with a correct cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_cases():
    """PDFs cut, broken and built to blow up poppler or the reader: each must end in a clear answer."""
    filled = (ROOT / "Tests" / "Fixtures" / "pdf" / "template-filled.pdf").read_bytes()
    (OUT / "pdf-truncated.pdf").write_bytes(filled[:len(filled) // 2])
    xref = filled.rfind(b"xref")
    (OUT / "pdf-broken-xref.pdf").write_bytes(filled[:xref] + b"xref\ngarbage\n" + filled[xref + 200:])
    # A page tree that claims a billion pages and holds one.
    (OUT / "pdf-count-1e9.pdf").write_bytes(pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 1000000000 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]))
    # Three thousand real, empty pages: past the page limit.
    kids = " ".join(f"{n} 0 R" for n in range(3, 3003)).encode()
    (OUT / "pdf-3000-pages.pdf").write_bytes(pdf_file(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 3000 /Kids [" + kids + b"] >>"]
        + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * 3000))
    (OUT / "pdf-nested-100000.pdf").write_bytes(pdf_file(
        [b"<< /Type /Catalog /Pages 2 0 R /Deep " + b"[" * 100000 + b"]" * 100000 + b" >>",
         b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>", b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]))
    (OUT / "pdf-no-text.pdf").write_bytes(pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)

    docx(OUT / "zip-bomb.docx", None, stream=zeros(1100 << 20))
    docx(OUT / "zip-bomb-lying.docx", None, stream=zeros(300 << 20))
    lie_about_size(OUT / "zip-bomb-lying.docx", "word/document.xml", 4096)

    docx(OUT / "xxe.docx", f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                           f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    laughs = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    docx(OUT / "billion-laughs.docx", f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">{laughs}]>'
                                      f'<w:document {W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body>'
                                      f'</w:document>')
    (OUT / "xxe.html").write_text('<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                  "<html><body><p>一、总体情况</p><p>&x;</p></body></html>")
    filled = FILLED.read_bytes()
    for percent in [10, 50, 90, 99]:
        (OUT / f"truncated-{percent}.docx").write_bytes(filled[:len(filled) * percent // 100])
    docx(OUT / "bad-encoding.docx", b'<?xml version="1.0" encoding="GB2312"?><w:document ' + W.encode()
         + b'><w:body><w:p>\xff\xff\x00\x00\x00\x00</w:p></w:body></w:document>')
    docx(OUT / "no-document.docx", None)
    (OUT / "empty.docx").write_bytes(b"")
    for suffix in ["docx", "html", "txt"]:
        (OUT / f"random.{suffix}").write_bytes(bytes(rng.getrandbits(8) for _ in range(65536)))

    depth = 10000
    docx(OUT / "nested-10000.docx", f"<w:document {W}><w:body>" + "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>"
         + "</w:tc></w:tr></w:tbl>" * depth + "</w:body></w:document>")
    (OUT / "nested-10000.html").write_text("<html><body>" + "<table><tr><td>" * depth + "深"
                                           + "</td></tr></table>" * depth + "</body></html>")

    with open(OUT / "long-line.txt", "wb") as f:
        chunk = "一".encode() * (1 << 18)
        for _ in range(200 * 4 // 3 + 1):
            f.write(chunk)

    text = SEED.read_text(encoding="utf-8")
    broken = bytearray(text.encode("utf-8"))
    for at in range(200, len(broken), 997):
        broken[at] = 0xFF
    (OUT / "invalid-utf8.txt").write_bytes(bytes(broken))
    # 100,000 short lines, labels and lone numbers, a section heading every 500: the shape of
    # LibreOffice's text export at scale. Each line must cost little (regexes built once, no search
    # tables per comparison) and a stretch too long for a standard table stays text.
    labels = ["规章", "行政规范性文件", "第二十条第（一）项", "信息内容", "本年制发件数"]
    short = [("二、主动公开政府信息情况" if i % 500 == 0 else labels[i % 5] if i % 3 == 0 else str(i % 997))
             for i in range(100_000)]
    (OUT / "short-lines.txt").write_text("\n".join(short), encoding="utf-8")
    # A crawler's page whose glued digit runs in tables 三 and 四 are all ones, up to 36 long: the
    # most ways to divide a run, so the search for readings that keep the sums is bounded by its own
    # pruning, not by the size of the file.
    page = (ROOT / "Tests" / "Fixtures" / "forms" / "dense.crawler.txt").read_text(encoding="utf-8")
    at = page.index("三、收到和处理")
    ones = re.sub(r"\d{10,}", lambda m: "1" * min(36, len(m.group()) + 7), page[at:])
    (OUT / "glued-ones.txt").write_text(page[:at] + ones, encoding="utf-8")
    # Grid tables: a drawing past the size a report's table has stays text; one of 123,500 boxes is refused.
    (OUT / "grid-huge.md").write_text("\n".join(["+" + "-+" * 30000, "|" + " |" * 30000] * 40 + ["+" + "-+" * 30000]))
    (OUT / "grid-wide.md").write_text("\n".join(["+" + "-+" * 1300, "|" + "1|" * 1300] * 95 + ["+" + "-+" * 1300]))
    (OUT / "utf16le-bom.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (OUT / "utf16be-bom.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    (OUT / "utf16le.txt").write_bytes(text.encode("utf-16-le"))
    attack_cases(rng)
    pdf_cases()
    (OUT / "error-page.docx").write_text("<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
                                         "<body><h1>404 Not Found</h1><p>nginx</p></body></html>")


if __name__ == "__main__":
    main()

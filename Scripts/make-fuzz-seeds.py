#!/usr/bin/env python3
"""Seeds a fuzz target's corpus. FuzzDocx gets each DOCX fixture's document, numbering and styles
parts joined by the separator line FuzzDocx splits at (no zip, so no CRCs for mutations to break),
plus packages built to reach the integer attributes; FuzzHTML gets the pages plus lists and spans.

Usage: Scripts/make-fuzz-seeds.py TARGET DIR
"""
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEPARATOR = b"\n--nianbao-part--\n"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_seeds(out):
    sources = sorted(ROOT.glob("Samples/*.docx")) + sorted(ROOT.glob("Tests/Fixtures/docx/**/*.docx"))
    for path in sources:
        try:
            with zipfile.ZipFile(path) as z:
                names = {n.lower(): n for n in z.namelist()}
                parts = [z.read(names[n]) if n in names else b"" for n in
                         ["word/document.xml", "word/numbering.xml", "word/styles.xml"]]
        except (zipfile.BadZipFile, KeyError, OSError):
            (out / path.name).write_bytes(path.read_bytes())
            continue
        (out / (path.stem + ".parts")).write_bytes(SEPARATOR.join(parts))
    numbering = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 f'<w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1">'
                 f'<w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>'
                 f'</w:num></w:numbering>').encode()
    document = (f'<w:document {W}><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
                f'</w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r><w:r><w:t>总体情况</w:t></w:r></w:p><w:tbl><w:tr>'
                f'<w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'
                f'</w:tcPr><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc></w:tr>'
                f'</w:tbl></w:body></w:document>').encode()
    (out / "integers.parts").write_bytes(SEPARATOR.join([document, numbering, b""]))


def html_seeds(out):
    for path in sorted(ROOT.glob("Samples/*.html")) + sorted(ROOT.glob("Tests/Fixtures/html/*.html")):
        (out / path.name).write_bytes(path.read_bytes())
    (out / "lists-and-spans.html").write_text(
        '<html><body><ol start="3" type="A"><li>甲</li><li value="7">乙</li></ol><ol type="i"><li>丙</li></ol>'
        '<table><tr><td rowspan="2" colspan="3">规章</td><td rowspan="0">1</td></tr><tr><td colspan="0">2</td></tr>'
        '</table><p style="display: none">隐</p><p hidden>藏</p></body></html>', encoding="utf-8")


def pdf_seeds(out):
    """The fixture PDFs, and small ones written here whose text poppler reaches at once."""
    for path in sorted(ROOT.glob("Tests/Fixtures/pdf/*.pdf")):
        (out / path.name).write_bytes(path.read_bytes())
    lines = ["(1.  Total 3951 4795) Tj", "(2.  12.34  -5  1,234) Tj"]
    stream = ("BT /F1 12 Tf 72 720 Td " + " 0 -16 Td ".join(lines) + " ET").encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    body, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    (out / "small-text.pdf").write_bytes(bytes(body))


def main():
    target, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    if target == "FuzzDocx":
        docx_seeds(out)
    elif target == "FuzzHTML":
        html_seeds(out)
    elif target == "FuzzPDF":
        pdf_seeds(out)
    else:
        # The other tools' forms too: each reaches a layout of its own (grid, dashed, aligned, flattened).
        forms = sorted(p for p in ROOT.glob("Tests/Fixtures/forms/*") if p.suffix in (".txt", ".md"))
        for path in sorted(ROOT.glob("Samples/*.txt")) + sorted(ROOT.glob("Tests/Fixtures/text/*.txt")) + forms:
            (out / path.name).write_bytes(path.read_bytes())


if __name__ == "__main__":
    main()

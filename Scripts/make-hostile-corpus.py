#!/usr/bin/env python3
"""Builds the hostile and broken inputs the hostile-input tests read (too large to commit: a zip
bomb expanding past 1 GB, a 200 MB line). Every file must end in a clear error or, where noted in
HostileInputTests, in a report with a diagnostic: no crash, no hang, nothing read from the disk.

Usage: Scripts/make-hostile-corpus.py [OUT_DIR]     (default .build/hostile-corpus)
"""
import random
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
    (OUT / "utf16le-bom.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (OUT / "utf16be-bom.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    (OUT / "utf16le.txt").write_bytes(text.encode("utf-16-le"))
    (OUT / "error-page.docx").write_text("<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
                                         "<body><h1>404 Not Found</h1><p>nginx</p></body></html>")


if __name__ == "__main__":
    main()

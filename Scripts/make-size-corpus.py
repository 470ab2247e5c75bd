#!/usr/bin/env python3
"""Builds the inputs Scripts/bench uses to see how a report's cost grows with its size: the bundled
sample report in each format, with its section 一 lengthened by narrative paragraphs until the part
that is parsed (word/document.xml, the page, the text) reaches each size, and the DOCX with an image
of each size (stored, as Word stores pictures that do not compress).

Usage: Scripts/make-size-corpus.py OUT_DIR [--only KIND] [MB ...]      (default sizes 1 2 4 8)
Writes OUT_DIR/{docx,html,text}-MB.{docx,html,txt} and OUT_DIR/image-MB.docx (KIND docx, html, text
or image: that kind only); prints each file with the size of its parsed part in bytes.
"""
import random
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCX = ROOT / "Samples" / "template-2021-filled.docx"
HTML = ROOT / "Samples" / "scraped-page-2024.html"
TEXT = ROOT / "Samples" / "000_1fc2bd555d7c5ccd.txt"

# Running text as reports write it, numbered so that no two paragraphs are the same.
SENTENCE = ("本机关坚持以公开为常态、不公开为例外，围绕重点领域第{n}项工作，及时发布政策文件、"
            "工作动态和办事指南，健全政府信息公开工作机制，主动回应社会关切，"
            "全年更新栏目{n}次，切实保障人民群众的知情权、参与权和监督权。")


def lengthen(text, anchor_end, paragraph, size):
    """`text` with copies of `paragraph(n)` put after `anchor_end` until it is `size` bytes or more."""
    head, tail = text[:anchor_end], text[anchor_end:]
    pieces, total, n = [], len((head + tail).encode()), 0
    while total < size:
        n += 1
        piece = paragraph(n)
        pieces.append(piece)
        total += len(piece.encode())
    return head + "".join(pieces) + tail


def after(text, pattern):
    """Where the first match of `pattern` ends."""
    match = re.search(pattern, text, flags=re.S)
    if not match:
        sys.exit(f"make-size-corpus: the sample no longer has {pattern!r}")
    return match.end()


def write_docx(path, document=None, extra=None):
    """The sample DOCX, its document.xml replaced by `document`, with `extra` (name, bytes) stored."""
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml" and document is not None:
                data = document.encode()
            out.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
        if extra:
            out.writestr(extra[0], extra[1], compress_type=zipfile.ZIP_STORED)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    args = sys.argv[2:]
    kinds = {"docx", "html", "text", "image"}
    if args[:1] == ["--only"]:
        kinds, args = {args[1]}, args[2:]
    sizes = [int(s) for s in args] or [1, 2, 4, 8]
    with zipfile.ZipFile(DOCX) as z:
        document = z.read("word/document.xml").decode()
    # The sample's own first paragraph of section 一, its text replaced: the markup Word writes for one.
    first = re.search(r"<w:p[ >](?:(?!</w:p>).)*统计期限(?:(?!</w:p>).)*</w:p>", document, flags=re.S).group(0)
    run = re.search(r"<w:r>(?:(?!</w:r>).)*</w:r>", first, flags=re.S).group(0)
    p_open = first[:first.index("<w:r>")]
    docx_paragraph = lambda n: p_open + re.sub(r"<w:t[^>]*>[^<]*</w:t>",
                                               f"<w:t>{SENTENCE.format(n=n)}</w:t>", run) + "</w:p>"
    html = HTML.read_text(encoding="utf-8")
    html_paragraph = lambda n: ('<p align="justify" style="line-height: 100%; text-indent: 0.29in; margin-bottom: 0in">'
                                f'<font face="宋体"><font size="3" style="font-size: 12pt">{SENTENCE.format(n=n)}'
                                '</font></font></p>\n')
    text = TEXT.read_text(encoding="utf-8")
    text_paragraph = lambda n: SENTENCE.format(n=n) + "\n\n"
    for mb in sizes:
        size = mb << 20
        if "docx" in kinds:
            lengthened = lengthen(document, after(document, r"一、总体情况.*?</w:p>"), docx_paragraph, size)
            write_docx(out / f"docx-{mb}.docx", document=lengthened)
            print(f"docx-{mb}.docx {len(lengthened.encode())}")
        if "html" in kinds:
            page = lengthen(html, after(html, r"一、总体情况.*?</p>\n"), html_paragraph, size)
            (out / f"html-{mb}.html").write_text(page, encoding="utf-8")
            print(f"html-{mb}.html {len(page.encode())}")
        if "text" in kinds:
            extract = lengthen(text, after(text, r"## 一、总体情况\n\n"), text_paragraph, size)
            (out / f"text-{mb}.txt").write_text(extract, encoding="utf-8")
            print(f"text-{mb}.txt {len(extract.encode())}")
        if "image" in kinds:
            write_docx(out / f"image-{mb}.docx", extra=("word/media/image-large.png", random.Random(mb).randbytes(size)))
            print(f"image-{mb}.docx {size}")


if __name__ == "__main__":
    main()

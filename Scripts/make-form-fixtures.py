#!/usr/bin/env python3
"""Builds Tests/Fixtures/forms: the same reports as other tools leave them, made with those tools.

From two filled DOCX reports (the official template filled by make-docx-fixtures.py: `dense`, every
cell a different 2-5 digit number, and `sparse`, a small organ's zeros and single digits):
- NAME.layout.txt   LibreOffice → PDF → `pdftotext -layout` (columns by spaces, wrapped labels and
                    numbers, the merged label down the margin, a page break inside table 三);
- NAME.libreoffice.txt  LibreOffice's text export (`soffice --convert-to txt`): a cell a line, no row ends;
  Tests/Fixtures/cell-lines holds the same export of fixtures with blank and merged cells and a tracked change
  (editions/merged-blanks.docx, docx/features.docx), whose DOCX reading is the reference;
- annotated.*       the dense report with 规章's 本年制发件数 written `22（其中修订16件）`, as pdftotext
                    (which spaces the note: `22（其中修订 16 件）`), pandoc gfm, LibreOffice's text
                    export and a crawler leave it: 22 is the value where the form settles it, the 16 in
                    the note is never one;
- NAME.pandoc.md    `pandoc -t markdown` (tables 二 and 四 as multiline tables, table 三 as raw HTML);
- NAME.gfm.md       `pandoc -t gfm` (pipe tables, raw HTML);
- NAME.plain.txt    `pandoc -t plain` (table 三 is `[TABLE]`: absent, never zeros);
- NAME.grid.md, NAME.gridplain.txt  pandoc 3's `-t markdown` and `-t plain`, which draw every table with
                    merged cells as a grid table (`+---+` boxes, a merged cell one larger box);
- NAME.markitdown.md  Microsoft's markitdown (`markitdown NAME.docx`): pipe tables, merged cells repeated
                    or left empty;
- NAME.crawler.txt  a crawler's flattened page: a header block, then the report on one line, paragraphs
                    joined by spaces, table cells run together with no separator, a few padded cells;
- NAME.cutoff.txt   the crawler page cut off inside table 三.

Tests/Fixtures/lossy holds forms that lose values no reader can get back: markitdown of the PDF
(`markitdown NAME.pdf`, pdfminer's text cut into pipe tables one row group at a time, two columns run
into one cell, a total broken over lines), of the two reports and of two DOCX fixtures, and plain
`pdftotext` without -layout, with -raw and with -layout, pdfplumber's, pdfminer's and PyMuPDF's text and pymupdf4llm's
markdown of the PDF fixtures (NAME.pdftotext.txt, NAME.pdftotext-raw.txt, NAME.pdftotext-layout.txt, NAME.pdfplumber.txt,
NAME.pdfminer.txt (its boxes a column at a time, labels apart from their rows), NAME.pymupdf.txt,
NAME.pymupdf4llm.md), and mammoth's markdown, docx2txt's text and html2text's markdown of the DOCX
fixtures (NAME.mammoth.md, NAME.docx2txt.txt, NAME.html2text.md), and a browser's PDF of an HTML fixture
(NAME.chromium.pdf). Their NAME.expected.json holds the true values; the tests
ask that every value read is one of them, never another number.

NAME.expected.json is written from this script's own bookkeeping (fixture_values.py). Where the form
cannot settle a value (a glued digit run with more than one split that satisfies the row's arithmetic,
a row cut off), the expectation is null: nianbao must not guess there.
Needs: LibreOffice, poppler-utils and pandoc (apt-get install libreoffice-writer-nogui poppler-utils
pandoc fonts-noto-cjk chromium), and a pandoc 3 for the grid forms: $PANDOC3, a `pandoc` of version 3 or later, or
the one pypandoc_binary brings (pip install pypandoc_binary); and markitdown (pip install
'markitdown[docx,pdf]') and pdfplumber, PyMuPDF and pymupdf4llm (pip install pdfplumber pymupdf pymupdf4llm), and mammoth, docx2txt and html2text.

Usage: Scripts/make-form-fixtures.py [OUT_DIR]
"""
import html.parser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fixture_values import ACTIVE, APP_ROWS, GROUP_COLUMNS, GROUPS, ORGS, OUTCOMES, balanced_values, sparse_values

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Tests" / "Fixtures" / "forms"
LOSSY = OUT.parent / "lossy"
spec = importlib.util.spec_from_file_location("docx_fixtures", ROOT / "Scripts" / "make-docx-fixtures.py")
docx_fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(docx_fixtures)
TABLES = ["active_disclosure", "applications", "review_litigation"]


def text(v):
    return docx_fixtures.fmt(v)


# --- the crawler's flattening ---------------------------------------------------------------

class Flattener(html.parser.HTMLParser):
    """Paragraphs joined by spaces, table cells run together with nothing between them."""

    def __init__(self, padded):
        super().__init__()
        self.out, self.cell, self.depth, self.padded = [], None, 0, padded

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
            self.out.append(" ")
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            content = "".join(self.cell).strip()
            # Some cells carry padding (&nbsp;) that the crawler keeps as a space.
            self.out.append(content + (" " if content in self.padded else ""))
            self.cell = None
        elif tag == "table":
            self.depth -= 1
            self.out.append(" ")
        elif tag in ("p", "h1", "h2", "h3") and not self.depth:
            self.out.append(" ")

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data.replace("\n", ""))
        elif not self.depth:
            self.out.append(data.replace("\n", ""))


def crawler_page(docx, padded):
    page = subprocess.run(["pandoc", "-f", "docx", "-t", "html", str(docx)], check=True,
                          capture_output=True, text=True).stdout
    flat = Flattener(padded)
    flat.feed(page)
    body = " ".join("".join(flat.out).split())
    return ("标题: " + docx_fixtures.TITLE + "\n发布时间: 2025-01-20 09:30\n来源: 示例县人民政府办公室\n" + body + "\n")


# --- what a glued digit run settles -----------------------------------------------------------

def splits(run, count, totals):
    """Every way to cut a digit run (spaces are hard boundaries) into `count` numbers without leading
    zeros, where the value at each index of `totals` is the sum of the values at its listed indexes."""
    pieces = run.split()
    results = []

    def walk(p, at, taken):
        if p == len(pieces):
            if len(taken) == count:
                results.append(taken)
            return
        piece = pieces[p]
        if at == len(piece):
            walk(p + 1, 0, taken)
            return
        if len(taken) == count:
            return
        if len(taken) in totals:
            # A total is not free: it must read as the sum of its parts.
            want = sum(taken[i] for i in totals[len(taken)])
            spelled = text(int(want)) if want == int(want) else text(want)
            if piece.startswith(spelled, at):
                walk(p, at + len(spelled), taken + [want])
            return
        for end in range(at + 1, len(piece) + 1):
            number = piece[at:end]
            if len(number) > 1 and number[0] == "0" and not number.startswith("0."):
                break
            if end < len(piece) and piece[end] == ".":
                continue
            walk(p, end, taken + [float(number)])
    walk(0, 0, [])
    return results


def settled(run, count, totals):
    """The values a run settles: its one split that keeps the row's totals, else None."""
    found = splits(run, count, totals)
    return found[0] if len(found) == 1 else None


def crawler_expectation(values, padded, app_rows=APP_ROWS):
    """What the flattened page settles: a row whose run has one split keeping its arithmetic. Only
    `app_rows` of table 三 stand on the page (a cut-off page lacks the rest)."""
    def run_of(cells):
        return "".join(text(v) + (" " if text(v) in padded else "") for v in cells)

    out = json.loads(json.dumps(values))
    for row, columns in ACTIVE:
        got = settled(run_of(values["active_disclosure"][row][c] for c in columns), len(columns), {})
        for i, c in enumerate(columns):
            out["active_disclosure"][row][c] = None if got is None else values["active_disclosure"][row][c]
    columns = ORGS + ["total"]
    readings = {row: splits(run_of(values["applications"][row][c] for c in columns), 7, {6: range(6)})
                for row in app_rows}
    known = {row: found[0] for row, found in readings.items() if len(found) == 1}
    # Table 三's column rules settle a row with several readings where the other rows of a rule are
    # known and exactly one reading keeps the rule in every column (at most 16 readings are weighed).
    rules = [(["new_received", "carried_over"], ["total", "carried_forward"]), (["total"], OUTCOMES)]
    progress = True
    while progress:
        progress = False
        for row in app_rows:
            if row in known or not 1 < len(readings[row]) <= 16:
                continue
            survivors, decided = readings[row], False
            for left, right in rules:
                others = [r for r in left + right if r != row]
                if row not in left + right or not all(r in known for r in others):
                    continue
                decided = True
                value = lambda r, c, reading: reading[c] if r == row else known[r][c]
                survivors = [reading for reading in survivors
                             if all(abs(sum(value(r, c, reading) for r in left) - sum(value(r, c, reading) for r in right)) < 1e-6
                                    for c in range(7))]
            if decided and len(survivors) == 1:
                known[row], progress = survivors[0], True
    for row in APP_ROWS:
        for c in columns:
            out["applications"][row][c] = values["applications"][row][c] if row in known else None
    cells = [values["review_litigation"][g][c] for g in GROUPS for c in GROUP_COLUMNS]
    got = settled(run_of(cells), 15, {i + 4: range(i, i + 4) for i in (0, 5, 10)})
    for g in GROUPS:
        for c in GROUP_COLUMNS:
            out["review_litigation"][g][c] = None if got is None else values["review_litigation"][g][c]
    return out


# --- writing ----------------------------------------------------------------------------------

def write_expected(name, values, present=TABLES, unsettled=(), folder=None):
    """NAME.expected.json: values per table (null where the form does not settle them)."""
    expected = {
        "organ": docx_fixtures.ORGAN, "year": docx_fixtures.YEAR,
        "tables": {t: ({"present": True, "values": values[t]} if t in present else {"present": False, "values": None})
                   for t in TABLES},
        # Balanced values fail no rule; checks over cells a form cannot settle are skipped, not failed.
        "failing_checks": [],
    }
    ((folder or OUT) / f"{name}.expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")


def run(*command, **kw):
    subprocess.run(command, check=True, capture_output=True, **kw)


def pandoc3():
    """A pandoc of version 3 or later: Debian 12's is 2.17, which writes no grid tables with spans."""
    candidates = [os.environ.get("PANDOC3"), shutil.which("pandoc")]
    try:
        import pypandoc
        candidates.append(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        pass
    for candidate in filter(None, candidates):
        version = subprocess.run([candidate, "--version"], capture_output=True, text=True).stdout.split()[1]
        if int(version.split(".")[0]) >= 3:
            return candidate
    sys.exit("make-form-fixtures: no pandoc 3 found; set PANDOC3 or pip install pypandoc_binary")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    sources = {"dense": balanced_values(11), "sparse": sparse_values(5)}
    grid_pandoc = pandoc3()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, values in sources.items():
            docx = tmp / f"{name}.docx"
            docx_fixtures.write_parts(docx_fixtures.filled_report(values), docx)
            run("soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx))
            run("pdftotext", "-layout", str(tmp / f"{name}.pdf"), str(OUT / f"{name}.layout.txt"))
            write_expected(f"{name}.layout", values)
            # LibreOffice's own text export: a cell a line, every value on a line of its own.
            run("soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp), str(docx))
            (OUT / f"{name}.libreoffice.txt").write_bytes((tmp / f"{name}.txt").read_bytes())
            write_expected(f"{name}.libreoffice", values)
            for form, suffix in [("markdown", "pandoc.md"), ("gfm", "gfm.md"), ("plain", "plain.txt")]:
                run("pandoc", "-f", "docx", "-t", form, "--wrap=none" if form == "gfm" else "--wrap=auto",
                    str(docx), "-o", str(OUT / f"{name}.{suffix}"))
                stem = suffix.rsplit(".", 1)[0]
                if form == "plain":
                    absent = dict(values, applications=None)
                    write_expected(f"{name}.{stem}", absent, present=["active_disclosure", "review_litigation"])
                else:
                    write_expected(f"{name}.{stem}", values)
            for form, stem, suffix in [("markdown", "grid", "md"), ("plain", "gridplain", "txt")]:
                run(grid_pandoc, "-f", "docx", "-t", form, str(docx), "-o", str(OUT / f"{name}.{stem}.{suffix}"))
                write_expected(f"{name}.{stem}", values)

            run("markitdown", str(docx), "-o", str(OUT / f"{name}.markitdown.md"))
            write_expected(f"{name}.markitdown", values)
            LOSSY.mkdir(parents=True, exist_ok=True)
            run("markitdown", str(tmp / f"{name}.pdf"), "-o", str(LOSSY / f"{name}.markitdown-pdf.md"))
            write_expected(f"{name}.markitdown-pdf", values, folder=LOSSY)

            padded = {"0"} if name == "sparse" else set()
            page = crawler_page(docx, padded)
            (OUT / f"{name}.crawler.txt").write_text(page, encoding="utf-8")
            crawled = crawler_expectation(values, padded)
            write_expected(f"{name}.crawler", crawled)

            # Cut off inside table 三, in the middle of the 4.保护第三方合法权益 row's digits.
            cut = page.index("4.保护第三方合法权益") + len("4.保护第三方合法权益") + 3
            (OUT / f"{name}.cutoff.txt").write_text(page[:cut], encoding="utf-8")
            lost = APP_ROWS[APP_ROWS.index("denied_third_party"):]
            kept = crawler_expectation(values, padded, [row for row in APP_ROWS if row not in lost])
            for row in lost:
                kept["applications"][row] = {c: None for c in ORGS + ["total"]}
            write_expected(f"{name}.cutoff", kept, present=["active_disclosure", "applications"])


def cell_lines_of_other_fixtures():
    """LibreOffice's text export of DOCX fixtures with blanks: the tests compare it with their DOCX reading."""
    folder = ROOT / "Tests" / "Fixtures" / "cell-lines"
    folder.mkdir(parents=True, exist_ok=True)
    fixtures = ROOT / "Tests" / "Fixtures"
    with tempfile.TemporaryDirectory() as tmp:
        for docx in [fixtures / "editions" / "merged-blanks.docx", fixtures / "docx" / "features.docx"]:
            run("soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, str(docx))
            (folder / f"{docx.stem}.txt").write_bytes((Path(tmp) / f"{docx.stem}.txt").read_bytes())


def lossy_of_other_fixtures():
    """markitdown of the PDFs of docx/features.docx and editions/merged-blanks.docx: table 三 in pieces a
    row group each, two columns run into one cell, a total cut in two (merged-blanks' 26141 as 2614,
    its 1 on the line after); and `pdftotext -layout` of features' PDF; expected as the DOCX fixtures,
    whose values they keep only in part."""
    LOSSY.mkdir(parents=True, exist_ok=True)
    fixtures = ROOT / "Tests" / "Fixtures"
    with tempfile.TemporaryDirectory() as tmp:
        for docx in [fixtures / "docx" / "features.docx", fixtures / "editions" / "merged-blanks.docx"]:
            run("soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx))
            run("markitdown", str(Path(tmp) / f"{docx.stem}.pdf"), "-o", str(LOSSY / f"{docx.stem}.markitdown-pdf.md"))
            shutil.copy(docx.with_suffix(".expected.json"), LOSSY / f"{docx.stem}.markitdown-pdf.expected.json")
        # features' tracked change shows both numbers, 9999 struck through above the row and 323 below.
        run("pdftotext", "-layout", str(Path(tmp) / "features.pdf"), str(LOSSY / "features.layout.txt"))
        shutil.copy(fixtures / "docx" / "features.expected.json", LOSSY / "features.layout.expected.json")


def text_of_pdf_fixtures():
    """What other tools make of Tests/Fixtures/pdf, expected as those PDFs, whose values they keep only
    in part: the text in the order it was drawn, a cell a line or a row a line, header words between
    numbers, a total centred above its values or broken in two by its narrow column, a table's last
    row after the next sections, a turned page's numbers before their headers; pymupdf4llm's pipe
    tables with a cell's lines joined by `<br>` and labels cut into pieces across label cells."""
    import pdfplumber
    import pymupdf
    import pymupdf4llm
    from pdfminer.high_level import extract_text

    def pdftotext(*options):
        return lambda pdf: subprocess.run(["pdftotext", *options, str(pdf), "-"], check=True,
                                          capture_output=True).stdout.decode("utf-8")

    def plumber(pdf):
        with pdfplumber.open(pdf) as document:
            return "\n".join(page.extract_text() or "" for page in document.pages)

    def mupdf(pdf):
        with pymupdf.open(pdf) as document:
            return "".join(page.get_text() for page in document)

    tools = {"pdftotext.txt": pdftotext(), "pdftotext-raw.txt": pdftotext("-raw"),
             "pdftotext-layout.txt": pdftotext("-layout"), "pdfplumber.txt": plumber,
             "pdfminer.txt": lambda pdf: extract_text(str(pdf)),
             "pymupdf.txt": mupdf, "pymupdf4llm.md": lambda pdf: pymupdf4llm.to_markdown(str(pdf))}
    LOSSY.mkdir(parents=True, exist_ok=True)
    for expected in sorted((ROOT / "Tests" / "Fixtures" / "pdf").glob("*.expected.json")):
        name = expected.name[:-len(".expected.json")]
        for suffix, tool in tools.items():
            (LOSSY / f"{name}.{suffix}").write_text(tool(expected.with_name(f"{name}.pdf")), encoding="utf-8")
            stem = suffix.rsplit(".", 1)[0]
            shutil.copy(expected, LOSSY / f"{name}.{stem}.expected.json")


def text_of_docx_fixtures():
    """What Python's DOCX tools make of Tests/Fixtures/docx, expected as those DOCX: mammoth's markdown
    (no tables: a cell a paragraph, `__bold__` headings, `1\\.` escaped), docx2txt's text (a cell a
    line) and html2text's markdown of mammoth's HTML (pipe tables without spans)."""
    import docx2txt
    import html2text
    import mammoth

    def html(docx):
        with open(docx, "rb") as f:
            return mammoth.convert_to_html(f).value

    def markdown(docx):
        with open(docx, "rb") as f:
            return mammoth.convert_to_markdown(f).value

    tools = {"mammoth.md": markdown, "docx2txt.txt": docx2txt.process,
             "html2text.md": lambda docx: html2text.html2text(html(docx))}
    LOSSY.mkdir(parents=True, exist_ok=True)
    for expected in sorted((ROOT / "Tests" / "Fixtures" / "docx").glob("*.expected.json")):
        name = expected.name[:-len(".expected.json")]
        for suffix, tool in tools.items():
            (LOSSY / f"{name}.{suffix}").write_text(tool(str(expected.with_name(f"{name}.docx"))), encoding="utf-8")
            shutil.copy(expected, LOSSY / f"{name}.{suffix.rsplit('.', 1)[0]}.expected.json")


def chromium_pdfs_of_html_fixtures(folder=None, names=("headings", "template-filled.libreoffice")):
    """Tests/Fixtures/html printed to PDF by a browser (Chromium's --print-to-pdf, as "Save as PDF"
    does): narrow columns whose label lines run close together, a digit of a list marker set in
    another font between them. Into the lossy fixtures only `names` (a browser PDF carries its CJK
    font and is half a megabyte); with a folder, every page whose declared charset a browser follows
    (the charset-trick fixtures show a browser mojibake). Needs chromium and fonts-noto-cjk."""
    folder = Path(folder) if folder else LOSSY
    folder.mkdir(parents=True, exist_ok=True)
    for expected in sorted((ROOT / "Tests" / "Fixtures" / "html").glob("*.expected.json")):
        name = expected.name[:-len(".expected.json")]
        if (folder == LOSSY and name not in names) or name.startswith("template-filled.declared-"):
            continue
        run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            f"--print-to-pdf={folder / (name + '.chromium.pdf')}", expected.with_name(name + ".html").as_uri())
        shutil.copy(expected, folder / f"{name}.chromium.expected.json")


def pdftotext_of_chromium_pdfs(names=("template-filled.layout-table", "headings", "spans")):
    """HTML fixtures printed to PDF by Chromium, then through pdftotext, plain and -layout: the text
    of a page saved as PDF. Plain pdftotext writes some rows' numbers before their labels; -layout
    runs two labels together above both rows' numbers, and squeezes a narrow page's numbers one
    space apart. Needs chromium, fonts-noto-cjk and poppler-utils."""
    for name in names:
        expected = ROOT / "Tests" / "Fixtures" / "html" / f"{name}.expected.json"
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / f"{name}.pdf"
            run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}", expected.with_name(name + ".html").as_uri())
            for form, flags in (("pdftotext", []), ("layout", ["-layout"])):
                run("pdftotext", *flags, str(pdf), str(LOSSY / f"{name}.chromium.{form}.txt"))
                shutil.copy(expected, LOSSY / f"{name}.chromium.{form}.expected.json")


def annotated_forms():
    """A value cell with a note after its number, through the real tools."""
    values = balanced_values(11)
    values["active_disclosure"]["regulations"]["issued"] = 22
    note = ("active_disclosure", "regulations", "issued")

    def content(table, row, column, v):
        return docx_fixtures.run("22（其中修订16件）" if (table, row, column) == note else text(v))

    parts = docx_fixtures.read_parts(docx_fixtures.TEMPLATE)
    xml = parts["word/document.xml"].decode("utf-8")
    xml = docx_fixtures.replace_once(xml, "<w:t>政府信息公开工作年度报告格式模板</w:t>", f"<w:t>{docx_fixtures.TITLE}</w:t>")
    xml = xml.replace("<w:t>（文字描述）</w:t>", f"<w:t>{docx_fixtures.PERIOD}</w:t>", 1)
    parts["word/document.xml"] = docx_fixtures.fill_tables(xml, values, content).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docx = tmp / "annotated.docx"
        docx_fixtures.write_parts(parts, docx)
        run("soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx))
        run("pdftotext", "-layout", str(tmp / "annotated.pdf"), str(OUT / "annotated.layout.txt"))
        write_expected("annotated.layout", values)
        run("pandoc", "-f", "docx", "-t", "gfm", "--wrap=none", str(docx), "-o", str(OUT / "annotated.gfm.md"))
        write_expected("annotated.gfm", values)
        run("soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp), str(docx))
        (OUT / "annotated.libreoffice.txt").write_bytes((tmp / "annotated.txt").read_bytes())
        # A cell a line: 22, 287 and 239 stand apart once the note's 16 is taken as words.
        write_expected("annotated.libreoffice", values)
        # A crawler's page: the note's digits are words, but 22 and 287239 can be cut into 3 values
        # more than one way (table 二 has no sums), so 规章 is not settled there.
        (OUT / "annotated.crawler.txt").write_text(crawler_page(docx, set()), encoding="utf-8")
        crawled = crawler_expectation(values, set())
        crawled["active_disclosure"]["regulations"] = {c: None for c in values["active_disclosure"]["regulations"]}
        write_expected("annotated.crawler", crawled)


if __name__ == "__main__":
    main()
    cell_lines_of_other_fixtures()
    lossy_of_other_fixtures()
    text_of_pdf_fixtures()
    text_of_docx_fixtures()
    chromium_pdfs_of_html_fixtures()
    pdftotext_of_chromium_pdfs()
    annotated_forms()

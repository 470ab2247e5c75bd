#!/usr/bin/env python3
"""Measures whether `check` finds a report's own arithmetic error in the forms offices hold it in.
Makes COUNT reports from the official template (balanced values, a different seed each), changes one
value of table 三 or 四 in each (+1, +7, +10 or +100, so that a row or group no longer adds up), and
writes each as DOCX, as LibreOffice's HTML, text export and PDF, and as that PDF through `pdftotext
-layout` and, where it is installed, markitdown. For each form it counts the values read right and
wrong against the planted ones, the changed cells read, and the reports whose failing arithmetic
checks are exactly those the planted values fail.
Needs LibreOffice and poppler-utils.
Usage: Scripts/score-planted-errors.py NIANBAO_BINARY [COUNT] [WORK_DIR] [SEED] [dense|sparse]
       (default 40 reports, a temporary folder, seed 7, dense: every cell a 2-5 digit number; sparse
       is a small organ's zeros and single digits; another seed gives other reports and changes)
"""
import importlib.util
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
binary = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
work = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(tempfile.mkdtemp())
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 7
kind = sys.argv[5] if len(sys.argv) > 5 else "dense"
sys.path.insert(0, str(ROOT / "Scripts"))
sys.argv = sys.argv[:1]  # make-docx-fixtures reads its template from the arguments: the default one
spec = importlib.util.spec_from_file_location("docx_fixtures", ROOT / "Scripts" / "make-docx-fixtures.py")
docx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(docx)
from fixture_values import balanced_values, failing_checks, sparse_values

TABLES = ["active_disclosure", "applications", "review_litigation"]
# markitdown's text of each PDF too, where markitdown is installed (pip install 'markitdown[pdf]').
MARKITDOWN = shutil.which("markitdown")


def make_reports():
    rng = random.Random(seed)
    cases = {}
    work.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        values = (sparse_values if kind == "sparse" else balanced_values)(seed * 1000 + i)
        table = rng.choice(["applications", "applications", "review_litigation"])
        row = rng.choice(list(values[table]))
        column = rng.choice(list(values[table][row]))
        values[table][row][column] = (values[table][row][column] or 0) + rng.choice([1, 7, 10, 100])
        parts = docx.read_parts(docx.TEMPLATE)
        parts["word/document.xml"] = docx.fill_tables(parts["word/document.xml"].decode("utf-8"), values).encode("utf-8")
        name = f"planted-{i:03d}"
        docx.write_parts(parts, work / f"{name}.docx")
        cases[name] = (values, (table, row, column))
    documents = [str(work / f"{name}.docx") for name in cases]
    for target in ["pdf", "html", "txt:Text (encoded):UTF8"]:
        subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir", str(work)] + documents,
                       check=True, capture_output=True)
    for name in cases:
        (work / f"{name}.txt").rename(work / f"{name}.libreoffice.txt")
        subprocess.run(["pdftotext", "-layout", str(work / f"{name}.pdf"), str(work / f"{name}.layout.txt")], check=True)
        if MARKITDOWN:
            subprocess.run([MARKITDOWN, str(work / f"{name}.pdf"), "-o", str(work / f"{name}.markitdown-pdf.md")],
                           check=True, capture_output=True)
    return cases


def score(cases, suffix):
    total = right = wrong = changed = found = 0
    for name, (values, (table, row, column)) in sorted(cases.items()):
        run = subprocess.run([binary, "convert", str(work / f"{name}.{suffix}"), "--to", "json"], capture_output=True, text=True)
        report = json.loads(run.stdout)

        def read(t, r, c):
            return (report["tables"][t].get("values") or {}).get(r, {}).get(c) if report["tables"][t]["present"] else None

        for t in TABLES:
            for r, cells in values[t].items():
                for c, want in cells.items():
                    got = read(t, r, c)
                    total += 1
                    right += got == want
                    if got is not None and got != want:
                        wrong += 1
                        print(f"WRONG {name}.{suffix} {t}.{r}.{c} = {got}, planted {want}")
        changed += read(table, row, column) == values[table][row][column]
        failing = sorted([check["id"], check["scope"]] for check in report["checks"] if check["status"] == "fail"
                         and check["id"].split(".")[0] in ("applications", "review_litigation"))
        found += failing == sorted(list(f) for f in failing_checks(values, TABLES))
    print(f"{suffix:17} values {right}/{total}, wrong {wrong}; changed cell read {changed}/{len(cases)}; "
          f"failing checks as planted {found}/{len(cases)}")


cases = make_reports()
for suffix in ["docx", "html", "libreoffice.txt", "pdf", "layout.txt"] + (["markitdown-pdf.md"] if MARKITDOWN else []):
    score(cases, suffix)

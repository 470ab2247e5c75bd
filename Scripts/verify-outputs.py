#!/usr/bin/env python3
"""Checks nianbao's outputs with readers other than nianbao's own (Scripts/test runs it):
- every Sample's and fixture's JSON validates against docs/schema (draft 2020-12), and a broken
  document does not;
- the .xlsx of every Sample, read back by openpyxl, holds every value of its JSON, as numbers, in
  the long sheet and in the table sheets laid out as the template; all.xlsx of a batch matches
  all-wide.csv; check's workbook lists the problems of check's CSV;
- the committed generated files (docs/keys.md, docs/schema, shell completions) are current, and
  the man page names every option.
Usage: Scripts/verify-outputs.py NIANBAO_BINARY
"""
import csv, glob, io, json, os, re, subprocess, sys, tempfile
import jsonschema, openpyxl

binary = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)
failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message)


def run(*args, check=True):
    result = subprocess.run([binary, *args], capture_output=True)
    if check and result.returncode not in (0, 3):
        fail(f"{args}: exit {result.returncode}: {result.stderr.decode()[:300]}")
    return result


def validator(name):
    schema = json.load(open(f"docs/schema/{name}", encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


# 1. The JSON contract as a schema.
inputs = sorted(glob.glob("Samples/*")) + sorted(
    f for f in glob.glob("Tests/Fixtures/*/*") if f.rsplit(".", 1)[-1] in ("txt", "docx", "html", "md"))
reports = validator("nianbao.report.schema.json")
errors_schema = validator("nianbao.error.schema.json")
lines = run("convert", "-q", "-t", "ndjson", *inputs, "/nonexistent.docx", check=False).stdout.decode().splitlines()
documents = [json.loads(line) for line in lines]
if len(documents) != len(inputs) + 1:
    fail(f"ndjson: {len(documents)} lines for {len(inputs) + 1} inputs")
for document in documents:
    schema = errors_schema if document["schema"] == "nianbao.error/1" else reports
    for error in schema.iter_errors(document):
        fail(f"schema: {document['source'].get('path')}: {list(error.absolute_path)}: {error.message[:200]}")
broken = json.loads(lines[0])
broken["tables"]["applications"]["values"]["new_received"]["total"] = "12"
if reports.is_valid(broken):
    fail("schema: a value given as a string passed")
del broken["meta"]["organ"]
if reports.is_valid(broken):
    fail("schema: a report without meta.organ passed")
problems = json.loads(run("check", "--format", "json", *glob.glob("Samples/*")).stdout)
for error in validator("nianbao.problems.schema.json").iter_errors(problems):
    fail(f"problems schema: {list(error.absolute_path)}: {error.message[:200]}")
print(f"schema: {len(documents)} documents and one problem list checked")

# 2. Workbooks read back by openpyxl.
keys = json.loads(run("keys", "--to", "json").stdout)
order = {}
for k in keys:
    order.setdefault((k["edition"], k["table"]), []).append((k["row"], k["column"]))
numerals = {"active_disclosure": "表二", "applications": "表三", "review_litigation": "表四"}
checked = 0
with tempfile.TemporaryDirectory() as tmp:
    for path in sorted(glob.glob("Samples/*")):
        target = os.path.join(tmp, os.path.basename(path) + ".xlsx")
        run("convert", "-q", "-t", "xlsx", "-o", target, path)
        report = json.loads(run("convert", "-q", path).stdout)
        book = openpyxl.load_workbook(target)
        long_rows = list(book["数值"].iter_rows(values_only=True))
        header = long_rows[0]
        expected = []
        for key, table in report["tables"].items():
            for row, columns in (table["values"] or {}).items():
                for column, value in columns.items():
                    expected.append((key, row, column, value))
        found = [(r[header.index("table")], r[header.index("row")], r[header.index("column")], r[header.index("value")])
                 for r in long_rows[1:]]
        if found != expected:
            fail(f"xlsx long sheet of {path} differs from its JSON")
        for key, table in report["tables"].items():
            sheet = book[numerals[key]]
            numbers = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, (int, float))]
            if not table["present"]:
                if numbers:
                    fail(f"xlsx {path} {key}: numbers in an absent table")
                continue
            edition = table["edition"] or "2021"
            want = [table["values"][r][c] for r, c in order[(edition, key)] if table["values"][r][c] is not None]
            if numbers != want:
                fail(f"xlsx {path} {key}: table sheet numbers {numbers[:8]}… differ from the JSON {want[:8]}…")
            if key == "applications" and not sheet.merged_cells.ranges:
                fail(f"xlsx {path}: table 三 has no merged cells")
            checked += len(want)
    print(f"xlsx: {checked} table values read back from {len(glob.glob('Samples/*'))} workbooks")

    out = os.path.join(tmp, "batch")
    run("batch", "Samples", "-o", out, "-t", "csv-wide,xlsx", "--no-bom")
    wide = list(csv.reader(open(os.path.join(out, "all-wide.csv"), encoding="utf-8", newline="")))
    sheet = list(openpyxl.load_workbook(os.path.join(out, "all.xlsx"))["宽表"].iter_rows(values_only=True))
    as_text = [["" if c is None else (str(int(c)) if isinstance(c, (int, float)) and float(c).is_integer() else str(c))
                for c in row] for row in sheet]
    if [r[:len(wide[0])] for r in as_text] != [r + [""] * (len(wide[0]) - len(r)) for r in wide]:
        fail("all.xlsx 宽表 differs from all-wide.csv")
    target = os.path.join(tmp, "problems.xlsx")
    run("check", "--format", "xlsx", "-o", target, *glob.glob("Samples/*"))
    listed = list(openpyxl.load_workbook(target)["问题"].iter_rows(values_only=True))
    csv_list = list(csv.reader(io.StringIO(run("check", "--format", "csv", *glob.glob("Samples/*")).stdout.decode("utf-8-sig"))))
    if len(listed) != len(csv_list) or [r[4] for r in listed] != [r[4] for r in csv_list]:
        fail("check's workbook lists other problems than its CSV")
    print(f"xlsx: all.xlsx matches all-wide.csv ({len(wide) - 1} reports); check's workbook has {len(listed) - 1} problems")

# 3. Generated files are current.
generated = {
    "docs/keys.md": run("keys", "--to", "markdown").stdout,
    "share/bash-completion/completions/nianbao": run("--generate-completion-script", "bash").stdout,
    "share/zsh/site-functions/_nianbao": run("--generate-completion-script", "zsh").stdout,
    "share/fish/vendor_completions.d/nianbao.fish": run("--generate-completion-script", "fish").stdout,
}
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, "Scripts/make-schema.py", binary, tmp], check=True)
    for name in os.listdir(tmp):
        generated[f"docs/schema/{name}"] = open(os.path.join(tmp, name), "rb").read()
for path, content in generated.items():
    if open(path, "rb").read() != content:
        fail(f"{path} is out of date: run Scripts/make-docs")
manual = open("share/man/man1/nianbao.1", encoding="utf-8").read()
tool = json.loads(run("--experimental-dump-help").stdout)
def options(command):
    for argument in command.get("arguments", []):
        for name in argument.get("names", []):
            yield name["name"]
    for sub in command.get("subcommands", []):
        yield from options(sub)
missing = sorted({o for o in options(tool["command"]) if len(o) > 1 and not re.search(rf"(Fl |, )-{re.escape(o)}\b", manual)})
if missing:
    fail(f"the man page lacks {missing}: run Scripts/make-docs")
print(f"generated files: {len(generated)} current; the man page names every option")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("verify-outputs: all well")

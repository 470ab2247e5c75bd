#!/usr/bin/env python3
"""Scores nianbao on a fixture folder: for every NAME.expected.json, converts NAME.* and counts the
values at their keys that are right, wrong (a number other than the expected one) and missing; then
the same per form (the name's part after its first dot: `pdfplumber.txt`, `layout.txt`).
Usage: Scripts/score-forms.py NIANBAO_BINARY [FIXTURE_DIR]   (default Tests/Fixtures/forms)"""
import glob
import json
import os
import subprocess
import sys

bin = sys.argv[1]
tot = right = wrong = 0
forms = {}
for exp in sorted(glob.glob((sys.argv[2] if len(sys.argv) > 2 else "Tests/Fixtures/forms") + "/*.expected.json")):
    name = exp[:-len(".expected.json")]
    inp = [f for f in glob.glob(name + ".*") if os.path.splitext(f)[0] == name][0]
    e = json.load(open(exp))
    r = subprocess.run([bin, "convert", inp, "--to", "json"], capture_output=True, text=True)
    if r.returncode not in (0, 3):
        print(inp, "ERROR", r.stderr[:200]); continue
    rep = json.loads(r.stdout)
    t = rr = ww = 0; miss = []
    for key, want in e["tables"].items():
        got = rep["tables"][key]
        if want["values"] is None:
            if got["present"]: miss.append(key + " present")
            continue
        for row, cols in want["values"].items():
            for col, v in cols.items():
                g = (got.get("values") or {}).get(row, {}).get(col) if got["present"] else None
                t += 1
                if g == v: rr += 1
                elif g is not None: ww += 1; miss.append(f"WRONG {key}.{row}.{col}={g} want {v}")
                else: miss.append(f"null {key}.{row}.{col} want {v}")
    fails = sorted([c["id"], c["scope"]] for c in rep["checks"] if c["status"] == "fail")
    meta = (rep["meta"]["organ"] == e["organ"], rep["meta"]["year"] == e["year"], len(rep["sections"]))
    print(f"{os.path.basename(inp):28} {rr}/{t} wrong={ww} meta={meta} fails={len(fails)} {miss[:4]}")
    tot += t; right += rr; wrong += ww
    form = forms.setdefault(os.path.basename(inp).split(".", 1)[1], [0, 0, 0])
    form[0] += rr; form[1] += t; form[2] += ww
for name, (rr, t, ww) in sorted(forms.items()):
    print(f"FORM {name:24} {rr}/{t} wrong={ww}")
print("TOTAL", right, "/", tot, "wrong", wrong)

#!/usr/bin/env python3
"""Changes one number at a time in text forms whose true values are known, and checks that nianbao
reads either the true values or, at one key, the changed one: never another number. For every number
of tables 三 and 四 in each FILE (with FILE's NAME.expected.json beside it), its last digit goes up by
one; each variant is converted and compared.
Usage: Scripts/score-perturbed-forms.py NIANBAO_BINARY FILE...
"""
import json
import os
import re
import subprocess
import sys
import tempfile

binary = sys.argv[1]
runs = bad = changed_read = 0
work = tempfile.mkdtemp()
for path in sys.argv[2:]:
    name, suffix = os.path.splitext(path)
    if not os.path.exists(name + ".expected.json"):
        continue
    expected = json.load(open(name + ".expected.json"))
    want = {(t, r, c): v for t, table in expected["tables"].items()
            for r, cells in (table["values"] or {}).items() for c, v in cells.items()}
    text = open(path, encoding="utf-8").read()
    start = text.find("三、收到和处理")
    for match in re.finditer(r"(?<![\d.])\d+(?![\d.])", text):
        token = match.group()
        changed = token[:-1] + str((int(token[-1]) + 1) % 10)
        if match.start() < start or (len(token) > 1 and changed[0] == "0"):
            continue
        variant = os.path.join(work, "variant" + suffix)
        with open(variant, "w", encoding="utf-8") as f:
            f.write(text[:match.start()] + changed + text[match.end():])
        report = json.loads(subprocess.run([binary, "convert", variant, "--to", "json"], capture_output=True, text=True).stdout)
        runs += 1
        differing = []
        for (t, r, c), value in want.items():
            table = report["tables"][t]
            got = (table.get("values") or {}).get(r, {}).get(c) if table["present"] else None
            if got is not None and got != value:
                differing.append((t, r, c, got, value))
        # The changed number may be read at its key, whole or as part of a number wrapped over lines.
        if len(differing) <= 1 and all(changed in str(int(d[3])) for d in differing):
            changed_read += len(differing)
        else:
            bad += 1
            print(f"WRONG {os.path.basename(path)}: {token} → {changed} at {match.start()}: {differing[:4]}")
print(f"{runs} variants, the changed value read in {changed_read}, another value wrong in {bad}")

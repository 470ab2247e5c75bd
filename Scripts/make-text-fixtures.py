#!/usr/bin/env python3
"""Builds the text fixtures of Tests/Fixtures/text from the seed extracts.

Every value cell of a seed's tables gets a different number (so a value placed in the wrong row
or column fails a test), and variants move the seeds' breakages around. Next to each fixture it
writes NAME.expected.json: the values this script put into each canonical cell (null for a cell it
left blank), the organ and year, and the checks that must fail. The expectations come from this
script's own bookkeeping, not from nianbao.

Usage: Scripts/make-text-fixtures.py [SEEDS_DIR] [OUT_DIR]
"""
import json
import re
import sys
from pathlib import Path

from fixture_values import (ACTIVE, APP_COLUMNS, APP_ROWS, GROUP_COLUMNS, GROUPS, balanced_values,
                            write_expectation)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "Tests" / "Fixtures" / "text"


def canonical_order(values, tables):
    """The cells in the order the seeds write them: table by table, row by row, column by column."""
    order = {"active_disclosure": [(r, c) for r, cols in ACTIVE for c in cols],
             "applications": [(r, c) for r in APP_ROWS for c in APP_COLUMNS],
             "review_litigation": [(g, c) for g in GROUPS for c in GROUP_COLUMNS]}
    return [(t, r, c) for t in tables for r, c in order[t]]


def fmt(v):
    return "" if v is None else (str(v) if isinstance(v, int) else f"{v:g}")


NUMBER = re.compile(r"^\d+(\.\d+)?$")


def renumber(text, values, tables, first_heading="二、", last_heading="五、"):
    """Replaces the numbers of the tables between two section headings, in reading order."""
    cells = iter(canonical_order(values, tables))
    out, inside = [], False
    for line in text.split("\n"):
        bare = line.strip("# \u00a0\t")
        if bare.startswith(first_heading):
            inside = True
        elif bare.startswith(last_heading):
            inside = False
        if inside and ("\t" in line or line.count("|") >= 2):
            sep = "\t" if "\t" in line else "|"
            parts = line.split(sep)
            for i, part in enumerate(parts):
                if NUMBER.match(part.strip()):
                    t, r, c = next(cells)
                    parts[i] = part.replace(part.strip(), fmt(values[t][r][c]))
            line = sep.join(parts)
        out.append(line)
    left = list(cells)
    assert not left, f"{len(left)} cells were not in the text"
    return "\n".join(out)


def blank(values, table, row, column, text, line_pattern, nth_number):
    """Blanks one cell: in the expectations, and in the text (the nth number of the matching line)."""
    values[table][row][column] = None
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if re.search(line_pattern, line):
            sep = "\t" if "\t" in line else "|"
            parts = line.split(sep)
            numbers = [j for j, p in enumerate(parts) if NUMBER.match(p.strip())]
            parts[numbers[nth_number]] = parts[numbers[nth_number]].replace(parts[numbers[nth_number]].strip(), "")
            lines[i] = sep.join(parts)
            return "\n".join(lines)
    raise ValueError(f"no line matches {line_pattern}")


def replace_line(text, pattern, make):
    lines = text.split("\n")
    hits = [i for i, l in enumerate(lines) if re.search(pattern, l)]
    assert len(hits) == 1, (pattern, hits)
    lines[hits[0]:hits[0] + 1] = make(lines[hits[0]]).split("\n")
    return "\n".join(lines)


def write(name, text, values, tables, organ, year, encoding="utf-8", newline="\n", bom=False):
    data = text.replace("\n", newline).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    (OUT / f"{name}.txt").write_bytes(data)
    write_expectation(OUT / f"{name}.expected.json", values, tables, organ, year)


def copy(values):
    return json.loads(json.dumps(values))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    seed = lambda n: next(SEEDS.glob(f"{n}_*.txt")).read_text(encoding="utf-8")
    all_tables = ["active_disclosure", "applications", "review_litigation"]

    # Tab-separated (seed 000).
    tab_organ = ("三门峡市陕州区西李村乡人民政府", 2024)
    v = balanced_values(1)
    tab = renumber(seed("000"), v, all_tables)
    write("tab-balanced", tab, v, all_tables, *tab_organ)

    # The seed's breakages moved: another row loses its leading empties, a label wraps onto a
    # second line, a blank line stands inside table 三, 3. 其他 keeps its leading empties.
    moved = replace_line(tab, r"^\t\t2\. 重复申请", lambda l: l.lstrip("\t"))
    moved = replace_line(moved, r"^3\. 其他\t", lambda l: "\t\t" + l.rstrip("\t"))
    moved = replace_line(moved, r"\(二\) 部分公开", lambda l: l.replace("(区分处理的, ", "(区分处理的,\n"))
    moved = replace_line(moved, r"8\. 属于行政查询事项", lambda l: l + "\n")
    moved = replace_line(moved, r"^行政处罚\t", lambda l: l.rstrip("\t"))
    write("tab-moved", moved, v, all_tables, *tab_organ)

    # One wrong total: (七) 总计 of 自然人 is one too many.
    wrong = copy(v)
    wrong["applications"]["total"]["natural_person"] += 1
    write("tab-wrong-total", renumber(seed("000"), wrong, all_tables), wrong, all_tables, *tab_organ)

    # Blank cells: one in the middle of a row, a whole row, a single-value row, one in table 四.
    b = copy(v)
    blanks = blank(b, "applications", "granted", "research", tab, r"予以公开", 2)
    blanks = blank(b, "applications", "new_received", "commercial", blanks, r"本年新收", 1)
    for c in APP_COLUMNS:
        blanks = blank(b, "applications", "denied_inquiry", c, blanks, r"8\. 属于行政查询事项", 0)
    blanks = blank(b, "active_disclosure", "licensing", "decisions", blanks, r"^行政许可\t", 0)
    blanks = blank(b, "review_litigation", "review", "other", blanks, r"^\d+\t\d+\t\d+\t", 2)
    write("tab-blanks", blanks, b, all_tables, *tab_organ)

    # Encodings and line ends.
    write("tab-gb18030", tab, v, all_tables, *tab_organ, encoding="gb18030")
    write("tab-bom-crlf", tab, v, all_tables, *tab_organ, newline="\r\n", bom=True)

    # Pipe-separated (seed 002).
    pipe_organ = ("北票市长皋乡人民政府", 2024)
    p = balanced_values(2)
    pipe = renumber(seed("002"), p, all_tables)
    write("pipe-balanced", pipe, p, all_tables, *pipe_organ)
    moved = replace_line(pipe, r"^\(二\)部分公开", lambda l: l.replace("(区分处理的,", "(区分处理的, |\n"))
    moved = replace_line(moved, r"^5\.属于三类内部事务信息", lambda l: l + "\n")
    moved = replace_line(moved, r"^规章 \|", lambda l: "| " + l)
    moved = replace_line(moved, r"^3\.其他 \|", lambda l: "(六)其他处理 | " + l)
    write("pipe-moved", moved, p, all_tables, *pipe_organ)

    # One cell a line (seed 004): table 二 is an image, table 四 is absent.
    cell_organ = ("沂源县西里镇人民政府", 2024)
    c = balanced_values(3)
    cell = renumber(seed("004"), c, ["applications"])
    write("cell-per-line", cell, c, ["applications"], *cell_organ)

    # The same layout with all three tables, and its breakages moved: another label wraps, a row
    # loses its leading empty cell.
    def cells_block(rows):
        return "\n\n".join("\n".join("\t" + x for x in row) for row in rows) + "\n"
    active_rows = [["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    active_rows += [[label] + [fmt(c["active_disclosure"][key][k]) for k in ["issued", "repealed", "in_force"]]
                    for label, key in [("规章", "regulations"), ("行政规范性文件", "normative_documents")]]
    for block, header, rows in [("第二十条第（五）项", "本年处理决定数量", [("行政许可", "licensing")]),
                                ("第二十条第（六）项", "本年处理决定数量", [("行政处罚", "punishment"), ("行政强制", "coercion")]),
                                ("第二十条第（八）项", "本年收费金额（单位：万元）", [("行政事业性收费", "fees")])]:
        active_rows += [[block], ["信息内容", header]]
        active_rows += [[label, fmt(next(iter(c["active_disclosure"][key].values())))] for label, key in rows]
    review_rows = [["行政复议", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
                   ["\u00a0"] * 5 + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
                   [fmt(c["review_litigation"][g][k]) for g in GROUPS for k in GROUP_COLUMNS]]
    full = cell.replace("[image: IMG_259]\n", "")
    full = replace_line(full, r"二、主动公开政府信息情况", lambda l: l + "\n" + cells_block(active_rows))
    full = replace_line(full, r"四、政府信息公开行政复议", lambda l: l + "\n" + cells_block(review_rows))
    full = replace_line(full, r"^\t2\.没有现成信息需要另行制作$", lambda l: "\t2.没有现成信息\n需要另行制作")
    full = full.replace("\t\u00a0\n\t\u00a0\n\t2.重复申请", "\t\u00a0\n\t2.重复申请")
    write("cell-per-line-full", full, c, all_tables, *cell_organ)


if __name__ == "__main__":
    main()

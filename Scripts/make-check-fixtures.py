#!/usr/bin/env python3
"""Makes Tests/Fixtures/check: reports with one problem planted each, from the real seed report
Samples/002 (pipe tables, every check passes on it as published), and expected.json: per fixture the
problem codes `nianbao check` must list and a phrase the message must quote. Run from the repository root."""
import json
import os

BASE = "Samples/002_032b4f47aa39f490.txt"
OUT = "Tests/Fixtures/check"
SENTENCE = "现公布北票市长皋乡人民政府2024年度政府信息公开工作报告"
NARRATIVE = "2024年,我乡未收到政府信息公开申请"
ZEROS7 = " | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"


def replace(text, old, new, count=1):
    assert text.count(old) >= count, old
    return text.replace(old, new, count)


def drop_between(text, start, end):
    """Removes the lines after the line holding `start` up to the line holding `end`."""
    lines = text.split("\n")
    i = next(n for n, l in enumerate(lines) if start in l)
    j = next(n for n, l in enumerate(lines) if n > i and end in l)
    return "\n".join(lines[: i + 1] + lines[j:])


def drop_lines(text, first, last):
    lines = text.split("\n")
    i = next(n for n, l in enumerate(lines) if first in l)
    j = next(n for n, l in enumerate(lines) if n >= i and last in l)
    return "\n".join(lines[:i] + lines[j + 1 :])


def main():
    base = open(BASE, encoding="utf-8").read()
    review_row = " | ".join(["0"] * 15) + " |"
    plants = {
        # name: (text, codes the problem list holds, a phrase its message quotes)
        "year-mismatch": (replace(base, SENTENCE, SENTENCE.replace("2024", "2023")),
                          ["meta.period", "meta.published"], "2024-01-01 至 2024-12-31"),
        "published-early": (replace(base, "\n2025年1月16日", "\n2024年1月16日"), ["meta.published"], "2024-01-16"),
        "placeholder": (replace(base, "五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进情况\n（文字描述）\n"),
                        ["text.placeholder"], "文字描述"),
        "negative": (replace(base, "规章 | 0 | 0 | 0 |", "规章 | -5 | 0 | 0 |"), ["values.kind"], "-5"),
        "chinese-numeral": (replace(base, "规章 | 0 | 0 | 0 |", "规章 | 二百三十二 | 0 | 0 |"),
                            ["value.unreadable"], "二百三十二"),
        "wrong-cell": (replace(base, "(一)予以公开 | 0 |", "(一)予以公开 | 3 |"),
                       ["applications.outcomes", "applications.row_total"], "予以公开"),
        "review-total": (replace(base, review_row, "1 | " + " | ".join(["0"] * 14) + " |"),
                         ["review_litigation.group_total"], "行政复议"),
        "narrative": (replace(base, NARRATIVE, "2024年,我乡共收到政府信息公开申请3件"),
                      ["narrative.new_received"], "共收到政府信息公开申请3件"),
        "missing-table": (drop_lines(base, "行政复议 | 行政诉讼", review_row), ["table.absent"], "表四"),
        "empty-section": (drop_between(base, "五、存在的主要问题及改进情况", "六、其他需要报告的事项"),
                          ["section.empty"], "第五部分"),
    }
    # Two years of one organ: the 2023 report carries 1 application forward, the 2024 one (the seed as
    # published) carries none over.
    earlier = replace(base, SENTENCE, SENTENCE.replace("2024", "2023"))
    earlier = replace(earlier, "2024年1月1日至2024年12月31日", "2023年1月1日至2023年12月31日")
    earlier = replace(earlier, "\n2025年1月16日", "\n2024年1月16日")
    earlier = replace(earlier, NARRATIVE, "2023年,我乡收到政府信息公开申请1件")
    for label in ["一、本年新收政府信息公开申请数量", "四、结转下年度继续办理"]:
        earlier = replace(earlier, label + ZEROS7, label + " | 1 | 0 | 0 | 0 | 0 | 0 | 1 |")
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    for name, (text, codes, phrase) in plants.items():
        open(f"{OUT}/{name}.txt", "w", encoding="utf-8").write(text)
        expected[f"{name}.txt"] = {"codes": codes, "quotes": phrase}
    open(f"{OUT}/chain-2023.txt", "w", encoding="utf-8").write(earlier)
    open(f"{OUT}/chain-2024.txt", "w", encoding="utf-8").write(base)
    expected["chain-2023.txt"] = {"codes": [], "quotes": ""}
    expected["chain-2024.txt"] = {"codes": ["chain.carried_over", "chain.carried_over"], "quotes": "上年结转为 0 件"}
    with open(f"{OUT}/expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

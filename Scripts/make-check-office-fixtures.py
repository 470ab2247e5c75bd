#!/usr/bin/env python3
"""Builds Tests/Fixtures/check/office: reports with problems planted in a DOCX (the official 2021
template filled as in make-docx-fixtures.py) and the same reports as LibreOffice's HTML and text
exports, its PDF and that PDF through `pdftotext -layout`, so that `check` is tried on what offices
actually hold, not only on our own text.

- clean: every value balanced, the narrative's figure agrees with table 三, no template text left.
- wrong-cell: table 三's 一、本年新收 for 自然人 one more than its sums allow.
- wrong-group-total: table 四's 行政复议 总计 one more than its four results.
- wrong-wrapped-row: table 三's （六）2.申请人逾期未按收费… for 自然人 one more: in the PDF its label wraps
  over three lines, its total on the first and its values on the second.
- wrong-last-row: table 三's （六）3.其他 for 科研机构 one more: in the PDF the wrapped total of （七）总计
  stands on lines of its own around it.
- narrative: the overview says more applications were received than table 三 counts.
- placeholder: section 五 keeps the template's （文字描述）.
- year-mismatch: the statistics period is of the year before the report's.

expected.json gives per file the codes of the problems `check` must list (sorted), and for the
arithmetic the (rule, scope) pairs fixture_values.failing_checks computes from the planted values.
Run once; the outputs are committed. Needs LibreOffice and poppler-utils (apt-get install
libreoffice-writer-nogui poppler-utils fonts-noto-cjk).
Usage: Scripts/make-check-office-fixtures.py [TEMPLATE_DOCX] [OUT_DIR]
"""
import copy
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Before the template argument is handed on alone below.
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "Tests" / "Fixtures" / "check" / "office"
sys.path.insert(0, str(ROOT / "Scripts"))
spec = importlib.util.spec_from_file_location("docx_fixtures", ROOT / "Scripts" / "make-docx-fixtures.py")
docx = importlib.util.module_from_spec(spec)
sys.argv = sys.argv[:1] + sys.argv[1:2]  # the template argument, as make-docx-fixtures reads it
spec.loader.exec_module(docx)
from fixture_values import balanced_values, failing_checks

ALL = ["active_disclosure", "applications", "review_litigation"]
PROBLEMS_TEXT = "本机关政府信息公开工作仍存在信息更新不够及时等问题，下一步将加强审核，提高发布时效。"
OTHER_TEXT = "本年度未收取信息处理费。"


def report(values, *, received_said=None, keep_placeholder=False, period_year=docx.YEAR):
    parts = docx.read_parts(docx.TEMPLATE)
    xml = parts["word/document.xml"].decode("utf-8")
    xml = docx.replace_once(xml, "<w:t>政府信息公开工作年度报告格式模板</w:t>", f"<w:t>{docx.TITLE}</w:t>")
    said = values["applications"]["new_received"]["total"] if received_said is None else received_said
    overview = (f"本报告中所列数据的统计期限为{period_year}年1月1日至{period_year}年12月31日。"
                f"本年度共收到政府信息公开申请{said}件。")
    xml = xml.replace("<w:t>（文字描述）</w:t>", f"<w:t>{overview}</w:t>", 1)
    if not keep_placeholder:
        xml = docx.replace_once(xml, "<w:t>（文字描述）</w:t>", f"<w:t>{PROBLEMS_TEXT}</w:t>")
    xml = docx.replace_once(xml, "<w:t>（文字描述，收取信息处理费情况在此处报告。）</w:t>", f"<w:t>{OTHER_TEXT}</w:t>")
    xml = docx.fill_tables(xml, values)
    parts["word/document.xml"] = xml.encode("utf-8")
    return parts


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    values = balanced_values(71)
    received = values["applications"]["new_received"]["total"]
    carried = values["applications"]["carried_over"]["total"]
    wrong = copy.deepcopy(values)
    wrong["applications"]["new_received"]["natural_person"] += 1
    wrong_review = copy.deepcopy(values)
    wrong_review["review_litigation"]["review"]["total"] += 1
    wrong_wrapped = copy.deepcopy(values)
    wrong_wrapped["applications"]["other_no_fee"]["natural_person"] += 1
    wrong_last = copy.deepcopy(values)
    wrong_last["applications"]["other_other"]["research"] += 1
    # name: (the report, the codes `check` lists, the values its arithmetic is computed from)
    cases = {
        "clean": (report(values), [], values),
        "wrong-cell": (report(wrong, received_said=wrong["applications"]["new_received"]["total"]),
                       sorted(rule for rule, _ in failing_checks(wrong, ALL)), wrong),
        "wrong-group-total": (report(wrong_review), sorted(rule for rule, _ in failing_checks(wrong_review, ALL)),
                              wrong_review),
        "wrong-wrapped-row": (report(wrong_wrapped), sorted(rule for rule, _ in failing_checks(wrong_wrapped, ALL)),
                              wrong_wrapped),
        "wrong-last-row": (report(wrong_last), sorted(rule for rule, _ in failing_checks(wrong_last, ALL)), wrong_last),
        # Neither the new applications nor new plus carried over: no reading of the sentence agrees.
        "narrative": (report(values, received_said=received + carried + 7), ["narrative.new_received"], values),
        "placeholder": (report(values, keep_placeholder=True), ["text.placeholder"], values),
        "year-mismatch": (report(values, period_year=docx.YEAR - 1), ["meta.period"], values),
    }
    expected = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (parts, codes, planted) in cases.items():
            path = OUT / f"{name}.docx"
            docx.write_parts(parts, path)
            for kind, filter_name, suffix in [("html", "html", "html"), ("pdf", "pdf", "pdf"),
                                              ("txt", "txt:Text (encoded):UTF8", "libreoffice.txt")]:
                subprocess.run(["soffice", "--headless", "--convert-to", filter_name, "--outdir", tmp, str(path)],
                               check=True, capture_output=True)
                (OUT / f"{name}.{suffix}").write_bytes((Path(tmp) / f"{name}.{kind}").read_bytes())
            subprocess.run(["pdftotext", "-layout", str(OUT / f"{name}.pdf"), str(OUT / f"{name}.layout.txt")], check=True)
            for suffix in ("docx", "html", "pdf", "layout.txt", "libreoffice.txt"):
                expected[f"{name}.{suffix}"] = {"codes": sorted(codes),
                                                "failing_checks": [list(f) for f in failing_checks(planted, ALL)]}
    (OUT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")


main()

"""Values for nianbao's test fixtures: numbers that satisfy (or break) TEMPLATE.md's arithmetic,
all different from each other, and the checks a set of values fails. Used by the fixture scripts."""
import json
import random

ACTIVE = [("regulations", ["issued", "repealed", "in_force"]),
          ("normative_documents", ["issued", "repealed", "in_force"]),
          ("licensing", ["decisions"]), ("punishment", ["decisions"]), ("coercion", ["decisions"]),
          ("fees", ["amount"])]
ORGS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
APP_COLUMNS = ORGS + ["total"]
OUTCOMES = ["granted", "partial_grant", "denied_state_secret", "denied_law_forbidden", "denied_three_safety",
            "denied_third_party", "denied_internal_affairs", "denied_process_info", "denied_enforcement_file",
            "denied_inquiry", "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
            "not_processed_petition", "not_processed_repeat", "not_processed_publication", "not_processed_massive",
            "not_processed_confirm", "other_no_correction", "other_no_fee", "other_other"]
APP_ROWS = ["new_received", "carried_over"] + OUTCOMES + ["total", "carried_forward"]
# The 2019 format: table 三 has one （六）其他处理 row; table 二 has its own rows and columns.
OUTCOMES_2019 = OUTCOMES[:18] + ["other_processing"]
APP_ROWS_2019 = ["new_received", "carried_over"] + OUTCOMES_2019 + ["total", "carried_forward"]
ACTIVE_2019 = [("regulations", ["new_made", "new_published", "total_published"]),
               ("normative_documents", ["new_made", "new_published", "total_published"]),
               ("licensing", ["prev_year_items", "change", "decisions"]),
               ("other_external_services", ["prev_year_items", "change", "decisions"]),
               ("punishment", ["prev_year_items", "change", "decisions"]),
               ("coercion", ["prev_year_items", "change", "decisions"]),
               ("fees", ["prev_year_items", "change"]),
               ("procurement", ["items", "total_amount"])]
GROUPS = ["review", "litigation_direct", "litigation_after_review"]
GROUP_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]


def balanced_values(seed):
    """Values that satisfy every rule of TEMPLATE.md, all different from each other."""
    while True:
        rng = random.Random(seed)
        pool = iter(rng.sample(range(1, 400), 399))
        active = {row: {c: next(pool) for c in cols} for row, cols in ACTIVE}
        active["fees"]["amount"] = 12.34
        app = {row: {c: next(pool) for c in ORGS} for row in OUTCOMES}
        app["total"] = {c: sum(app[r][c] for r in OUTCOMES) for c in ORGS}
        app["carried_forward"] = {c: next(pool) for c in ORGS}
        app["carried_over"] = {c: next(pool) for c in ORGS}
        app["new_received"] = {c: app["total"][c] + app["carried_forward"][c] - app["carried_over"][c] for c in ORGS}
        for row in app.values():
            row["total"] = sum(row[c] for c in ORGS)
        review = {g: {c: next(pool) for c in GROUP_COLUMNS[:4]} for g in GROUPS}
        for g in review.values():
            g["total"] = sum(g[c] for c in GROUP_COLUMNS[:4])
        values = {"active_disclosure": active,
                  "applications": {r: app[r] for r in APP_ROWS},
                  "review_litigation": review}
        flat = [v for t in values.values() for row in t.values() for v in row.values()]
        if len(flat) == len(set(flat)):
            return values
        seed += 1000


def failing_checks(values, tables):
    """The (rule, scope) pairs TEMPLATE.md's arithmetic fails on, blanks counting as 0; table 三's
    outcome rows are those of its edition (a 2019 table has other_processing)."""
    def total(cells):
        return sum(v or 0 for v in cells)
    fails = []
    if "applications" in tables:
        app = values["applications"]
        outcomes = OUTCOMES_2019 if "other_processing" in app else OUTCOMES
        for c in APP_COLUMNS:
            if total([app["new_received"][c], app["carried_over"][c]]) != total([app["total"][c], app["carried_forward"][c]]):
                fails.append(("applications.balance", c))
            if total([app["total"][c]]) != total(app[r][c] for r in outcomes):
                fails.append(("applications.outcomes", c))
        for r in app:
            if total([app[r]["total"]]) != total(app[r][c] for c in ORGS):
                fails.append(("applications.row_total", r))
    if "review_litigation" in tables:
        for g, row in values["review_litigation"].items():
            if total([row["total"]]) != total(row[c] for c in GROUP_COLUMNS[:4]):
                fails.append(("review_litigation.group_total", g))
    return fails



def expectation(values, tables, organ, year, editions=None, unresolved=()):
    """What a fixture's NAME.expected.json says: the values per table, organ, year, failing checks, and
    where given the edition of each table and of the report. `unresolved` lists (table, row) pairs the
    form cannot settle: their values are null, and the checks over them are skipped, not failed."""
    values = {t: {r: ({c: None for c in cols} if (t, r) in unresolved else cols) for r, cols in rows.items()}
              for t, rows in values.items()}
    def touches_unresolved(rule, scope):
        table = rule.split(".")[0]
        rows = {r for t, r in unresolved if t == table}
        if rule in ("applications.balance", "applications.outcomes"):
            return bool(rows)
        return scope in rows
    result = {
        "organ": organ, "year": year,
        "tables": {t: ({"present": True, "values": values[t]} if t in tables else {"present": False, "values": None})
                   for t in ["active_disclosure", "applications", "review_litigation"]},
        "failing_checks": sorted([list(f) for f in failing_checks(values, tables) if not touches_unresolved(*f)]),
    }
    if editions:
        for t, edition in editions.items():
            result["tables"][t]["edition"] = edition
        distinct = sorted({e for e in editions.values() if e})
        result["template"] = distinct[0] if len(distinct) == 1 else "mixed"
    return result


def write_expectation(path, values, tables, organ, year, editions=None, unresolved=()):
    """Writes a fixture's NAME.expected.json."""
    text = json.dumps(expectation(values, tables, organ, year, editions, unresolved), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


def sparse_values(seed):
    """Values like a small organ's: mostly zeros and single digits, every rule of TEMPLATE.md satisfied.
    Glued together in a crawler's text such rows are the hard case (801000081 is 80|1|0|0|0|0|81)."""
    rng = random.Random(seed)
    small = lambda: rng.choice([0, 0, 0, 0, 1, 2, 3, 5, 12])
    active = {"regulations": {"issued": 0, "repealed": 0, "in_force": 0},
              "normative_documents": {"issued": 3, "repealed": 1, "in_force": 12},
              "licensing": {"decisions": 2}, "punishment": {"decisions": 0}, "coercion": {"decisions": 0},
              "fees": {"amount": 0}}
    app = {row: {c: 0 for c in ORGS} for row in OUTCOMES}
    for row in OUTCOMES:
        app[row]["natural_person"] = rng.choice([0, 0, 1, 4, 17, 31, 80])
        if rng.random() < 0.3:
            app[row]["commercial"] = small()
    app["total"] = {c: sum(app[r][c] for r in OUTCOMES) for c in ORGS}
    app["carried_forward"] = {c: 0 for c in ORGS}
    app["carried_forward"]["natural_person"] = 3
    app["carried_over"] = {c: 0 for c in ORGS}
    app["carried_over"]["natural_person"] = 1
    app["new_received"] = {c: app["total"][c] + app["carried_forward"][c] - app["carried_over"][c] for c in ORGS}
    for row in app.values():
        row["total"] = sum(row[c] for c in ORGS)
    review = {g: {c: 0 for c in GROUP_COLUMNS[:4]} for g in GROUPS}
    review["review"]["upheld"] = 1
    review["litigation_direct"].update({"upheld": 2, "corrected": 0, "other": 4, "pending": 1})
    for g in review.values():
        g["total"] = sum(g[c] for c in GROUP_COLUMNS[:4])
    return {"active_disclosure": active, "applications": {r: app[r] for r in APP_ROWS}, "review_litigation": review}

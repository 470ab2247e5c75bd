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
    """The (rule, scope) pairs TEMPLATE.md's arithmetic fails on, blanks counting as 0."""
    def total(cells):
        return sum(v or 0 for v in cells)
    fails = []
    if "applications" in tables:
        app = values["applications"]
        for c in APP_COLUMNS:
            if total([app["new_received"][c], app["carried_over"][c]]) != total([app["total"][c], app["carried_forward"][c]]):
                fails.append(("applications.balance", c))
            if total([app["total"][c]]) != total(app[r][c] for r in OUTCOMES):
                fails.append(("applications.outcomes", c))
        for r in APP_ROWS:
            if total([app[r]["total"]]) != total(app[r][c] for c in ORGS):
                fails.append(("applications.row_total", r))
    if "review_litigation" in tables:
        for g, row in values["review_litigation"].items():
            if total([row["total"]]) != total(row[c] for c in GROUP_COLUMNS[:4]):
                fails.append(("review_litigation.group_total", g))
    return fails



def expectation(values, tables, organ, year):
    """What a fixture's NAME.expected.json says: the values per table, organ, year, failing checks."""
    return {
        "organ": organ, "year": year,
        "tables": {t: ({"present": True, "values": values[t]} if t in tables else {"present": False, "values": None})
                   for t in ["active_disclosure", "applications", "review_litigation"]},
        "failing_checks": sorted([list(f) for f in failing_checks(values, tables)]),
    }


def write_expectation(path, values, tables, organ, year):
    """Writes a fixture's NAME.expected.json."""
    path.write_text(json.dumps(expectation(values, tables, organ, year), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")


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

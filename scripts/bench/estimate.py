"""The estimates of scripts/bench/estimate (surveystat) in pandas and
statsmodels, for the benchmark: every question's shares with 95% Wilson
intervals, overall and by gender, age_band, uses_facebook and
uses_instagram, each among the question's base with valid answers (code 9 =
missing).

    python3 scripts/bench/estimate.py FILE.csv
"""
import sys
import time

import pandas as pd
from statsmodels.stats.proportion import proportion_confint

QUESTIONS = ["gender", "age_band", "uses_facebook", "uses_instagram", "aware",
             "attitude", "recall_instagram", "recall_facebook", "informed"]
BASE = {"attitude": ("aware", 1), "recall_instagram": ("uses_instagram", 1),
        "recall_facebook": ("uses_facebook", 1)}
SUBGROUPS = ["gender", "age_band", "uses_facebook", "uses_instagram"]


def main(path):
    start = time.perf_counter()
    dtypes = {q: "float32" for q in QUESTIONS}
    dtypes["respondent_id"] = "string"
    d = pd.read_csv(path, dtype=dtypes)
    if d["respondent_id"].duplicated().any():
        raise SystemExit("duplicate respondent id")
    for g in SUBGROUPS:
        d.loc[d[g] == 9, g] = float("nan")
    n = 0
    for q in QUESTIONS:
        keep = d[q].notna() & (d[q] != 9)
        if q in BASE:
            col, value = BASE[q]
            keep &= d[col] == value
        sub = d.loc[keep]
        counts = sub[q].value_counts()
        lo, hi = proportion_confint(counts.values, counts.sum(), method="wilson")
        n += len(counts)
        for g in SUBGROUPS:
            if g == q:
                continue
            tab = sub.groupby(g)[q].value_counts()
            nobs = tab.groupby(level=0).transform("sum")
            lo, hi = proportion_confint(tab.values, nobs.values, method="wilson")
            n += len(tab)
    print(f"rows={len(d)} estimates={n} seconds={time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])

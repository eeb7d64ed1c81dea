#!/usr/bin/env python3
"""Writes the data files of the test studies under report/testdata/studies/.

The studies are invented (their names, institutes, dates and numbers belong
to no real survey); each has a different shape so that every sentence the
report writes is exercised: unweighted respondent rows, a weighted sample
with strata and clusters, raking, a cell table, a table reconstructed from
published percentages with an assumed n, and synthetic data. The study
files themselves are written by hand; this script only makes their data,
deterministically (fixed seeds), so that re-running it changes nothing.

Run from the repository root: python3 scripts/teststudies/generate.py
"""
import csv
import os
import random

ROOT = os.path.join("report", "testdata", "studies")


def write(study, name, header, rows):
    path = os.path.join(ROOT, study, name)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def pick(rng, weighted):
    x = rng.random() * sum(w for _, w in weighted)
    for v, w in weighted:
        x -= w
        if x < 0:
            return v
    return weighted[-1][0]


def rows_unweighted():
    # 300 respondents; cycles has don't-know (9) and empty answers.
    rng = random.Random(1101)
    rows = []
    for i in range(300):
        age = pick(rng, [(1, 3), (2, 4), (3, 3)])
        cycles = pick(rng, [(1, 42), (2, 48), (9, 7), ("", 3)])
        reason = pick(rng, [(1, 5), (2, 3), (3, 2)]) if cycles == 1 else ""
        safe = pick(rng, [(1, 5), (2, 4), (9, 1)])
        rows.append([f"C{i+1:03d}", age, cycles, reason, safe])
    write("rows-unweighted", "responses.csv", ["id", "age_group", "cycles", "reason", "safe"], rows)


def weighted_strata_clusters():
    # 4 districts (strata) × 3 villages (PSUs) × 40 respondents, weights.
    rng = random.Random(2202)
    rows = []
    i = 0
    for district in range(1, 5):
        for village in range(1, 4):
            psu = district * 10 + village
            for _ in range(40):
                i += 1
                w = round(0.5 + rng.random() * (1.0 + 0.4 * district), 3)
                visits = pick(rng, [(1, 2 + district), (2, 4), (3, 3), (9, 1)])
                ebooks = pick(rng, [(1, 3), (2, 5)]) if visits in (1, 2) else ""
                region = 1 if district <= 2 else 2
                rows.append([f"L{i:04d}", district, psu, w, region, visits, ebooks])
    write("weighted-strata-clusters", "responses.csv",
          ["id", "district", "village", "wt", "region", "visits", "ebooks"], rows)


def raked():
    rng = random.Random(3303)
    rows = []
    for i in range(400):
        sex = pick(rng, [(1, 45), (2, 55)])
        age = pick(rng, [(1, 30), (2, 40), (3, 30)])
        trust = pick(rng, [(1, 3 + age), (2, 5), (9, 1)])
        rows.append([f"N{i+1:03d}", sex, age, trust])
    write("raked", "responses.csv", ["id", "sex", "age", "trust"], rows)
    write("raked", "margins.csv", ["variable", "category", "total"],
          [["sex", "f", 510], ["sex", "m", 490], ["age", "young", 280], ["age", "middle", 360], ["age", "old", 360]])


def cells():
    # A cell table: one row per combination, with the number of respondents.
    write("cells", "cells.csv", ["owner", "heatpump", "plans", "n"], [
        [1, 1, "", 88], [1, 2, 1, 61], [1, 2, 2, 170], [1, 2, 9, 22], [1, 9, "", 11],
        [2, 1, "", 19], [2, 2, 1, 37], [2, 2, 2, 181], [2, 2, 9, 14], [2, 9, "", 9],
    ])


def reconstructed():
    # Counts rebuilt from published percentages on an assumed n of 1,200:
    # 58% agree, 35% disagree, 7% undecided; of those who agree, 40% would
    # pay more.
    write("reconstructed", "table.csv", ["agree", "pay", "n"], [
        [1, 1, 278], [1, 2, 418], [2, "", 420], [3, "", 84],
    ])


def synthetic():
    rng = random.Random(6606)
    rows = []
    for i in range(250):
        group = pick(rng, [(1, 1), (2, 1)])
        likes = pick(rng, [(1, 3 + group), (2, 4)])
        rows.append([f"S{i+1:03d}", group, likes])
    write("synthetic", "responses.csv", ["id", "group", "likes"], rows)


if __name__ == "__main__":
    rows_unweighted()
    weighted_strata_clusters()
    raked()
    cells()
    reconstructed()
    synthetic()

"""Reference values for differences of one share between two independent
surveys: statsmodels' confint_proportions_2indep(method="newcomb") and the
two-sample score test without continuity correction (Pearson's chi-square
of the 2x2 table, as R's prop.test(correct = FALSE)).

Writes analysis/testdata/conformance/surveydiff.csv; run by
scripts/crossstudy/generate.sh with Debian's python3-statsmodels.
"""
import csv
import sys

import numpy as np
import statsmodels
from scipy.stats import chi2_contingency
from statsmodels.stats.proportion import confint_proportions_2indep

# x1, n1 (survey A), x2, n2 (survey B); the difference is A - B.
GRID = [
    (224, 861, 182, 1009),   # 26% of 861 against 18% of 1,009
    (370, 861, 394, 1009),   # 43% against 39%
    (30, 70, 12, 60),
    (5, 40, 0, 35),
    (0, 20, 0, 25),
    (20, 20, 17, 25),
    (1, 1000, 9, 1000),
    (500, 1000, 500, 1000),
    (45, 49, 3, 52),
    (12, 31, 19, 30),
]
LEVELS = [0.9, 0.95, 0.99]


def main(path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["x1", "n1", "x2", "n2", "level", "lower", "upper", "chisq", "p_value"])
        for x1, n1, x2, n2 in GRID:
            for level in LEVELS:
                lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff", alpha=1 - level)
                table = np.array([[x1, n1 - x1], [x2, n2 - x2]])
                if (x1 + x2) in (0, n1 + n2):
                    chisq, p = "", ""
                else:
                    stat, pv, _, _ = chi2_contingency(table, correction=False)
                    chisq, p = repr(float(stat)), repr(float(pv))
                w.writerow([x1, n1, x2, n2, level, repr(float(lo)), repr(float(hi)), chisq, p])
    print("statsmodels", statsmodels.__version__, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])

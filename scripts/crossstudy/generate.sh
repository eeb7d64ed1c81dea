#!/bin/sh
# Regenerates the reference values of differences between two independent
# surveys: analysis/testdata/conformance/surveydiff.csv with Debian's
# python3-statsmodels (simple random samples), crossstudy/testdata/weighted*
# with R survey (two weighted surveys).
set -eu
cd "$(dirname "$0")/../.."
if ! /usr/bin/python3 -c 'import statsmodels' >/dev/null 2>&1; then
	apt-get install -y --no-install-recommends python3-statsmodels
fi
/usr/bin/python3 scripts/crossstudy/generate.py analysis/testdata/conformance/surveydiff.csv
if ! Rscript -e 'suppressMessages(library(survey))' >/dev/null 2>&1; then
	apt-get install -y --no-install-recommends r-cran-survey
fi
Rscript scripts/crossstudy/weighted.R

#!/bin/sh
# Regenerates analysis/testdata/conformance/surveydiff.csv (differences
# between two independent surveys) with Debian's python3-statsmodels.
set -eu
cd "$(dirname "$0")/../.."
if ! /usr/bin/python3 -c 'import statsmodels' >/dev/null 2>&1; then
	apt-get install -y --no-install-recommends python3-statsmodels
fi
/usr/bin/python3 scripts/crossstudy/generate.py analysis/testdata/conformance/surveydiff.csv

#!/bin/sh
# Regenerates the conformance reference files in analysis/testdata/conformance
# from R (base stats) and statsmodels. Needs Rscript and /usr/bin/python3
# with statsmodels (Debian: r-base-core, python3-statsmodels).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../../analysis/testdata/conformance" && pwd)
Rscript --vanilla "$here/generate.R" "$out" "$here"
/usr/bin/python3 "$here/generate.py" "$out"
echo "wrote $(ls "$out"/*.csv | wc -l) files to $out"

#!/bin/sh
# Regenerates the conformance reference files in analysis/testdata/conformance
# from R (base stats) and statsmodels. Needs Rscript and /usr/bin/python3
# with statsmodels (Debian: r-base-core, r-cran-epir, python3-statsmodels).
set -eu
# Install the reference tools from Debian when they are missing.
if ! command -v Rscript >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import statsmodels' >/dev/null 2>&1; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends r-base-core python3-statsmodels
fi
# epiR has Newcombe's paired method 10 (epi.conf, ctype = "prop.paired").
if ! Rscript -e 'suppressMessages(library(epiR))' >/dev/null 2>&1; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends r-cran-epir
fi
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../../analysis/testdata/conformance" && pwd)
Rscript --vanilla "$here/generate.R" "$out" "$here"
Rscript --vanilla "$here/paired.R" "$out"
Rscript --vanilla "$here/quantiles.R" "$out"
/usr/bin/python3 "$here/generate.py" "$out"
echo "wrote $(ls "$out"/*.csv | wc -l) files to $out"

#!/bin/sh
# Regenerates report/testdata/precision.csv (the precision statement of a
# weighted, stratified cluster sample) from R's survey package.
# Installs r-cran-survey (Debian) only if it is missing.
set -eu
cd "$(dirname "$0")/../.."
if ! Rscript -e 'suppressMessages(library(survey))' >/dev/null 2>&1; then
	apt-get install -y --no-install-recommends r-cran-survey
fi
Rscript scripts/precision/generate.R > report/testdata/precision.csv

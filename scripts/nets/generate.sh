#!/bin/sh
# Regenerates analysis/testdata/nets/ (nets in a weighted, clustered sample)
# from R's survey package. Installs r-cran-survey (Debian) only if missing.
set -eu
cd "$(dirname "$0")/../.."
if ! Rscript -e 'suppressMessages(library(survey))' >/dev/null 2>&1; then
	apt-get install -y --no-install-recommends r-cran-survey
fi
Rscript scripts/nets/generate.R analysis/testdata/nets

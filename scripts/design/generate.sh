#!/bin/sh
# Regenerates analysis/testdata/design/ from R's survey package.
# Installs r-cran-survey (Debian) only if it is missing.
set -eu
cd "$(dirname "$0")/../.."
if ! Rscript -e 'suppressMessages(library(survey))' >/dev/null 2>&1; then
	apt-get install -y --no-install-recommends r-cran-survey
fi
Rscript scripts/design/generate.R analysis/testdata/design

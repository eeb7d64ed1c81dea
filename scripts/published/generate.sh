#!/bin/sh
# Regenerates analysis/testdata/published/ (intervals on an effective
# sample size) with R (Debian's r-base-core, installed only if missing).
set -eu
cd "$(dirname "$0")/../.."
if ! command -v Rscript >/dev/null 2>&1; then
	apt-get install -y --no-install-recommends r-base-core
fi
Rscript scripts/published/generate.R analysis/testdata/published

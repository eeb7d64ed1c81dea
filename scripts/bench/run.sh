#!/usr/bin/env bash
# End-to-end benchmark of surveystat's estimation against R's survey package
# and pandas + statsmodels (make bench). It generates synthetic respondent
# files in the shipped study's schema (not committed: under $BENCH_DIR,
# default /tmp/surveystat-bench), times the same estimates in each tool
# (wall time and peak RSS from /usr/bin/time), prints a table and writes it
# into docs/benchmarks.md between the results markers.
#
# Settings (environment):
#   BENCH_DIR          where generated files go (default /tmp/surveystat-bench)
#   BENCH_SIZES        numbers of rows (default "10000 1000000 10000000")
#   BENCH_R_MAX_ROWS   largest file given to R survey (default 1000000: the
#                      10M run would take about half an hour)
#   BENCH_PY_MAX_ROWS  largest file given to pandas (default 10000000)
#   PYTHON             Python with pandas and statsmodels (default /usr/bin/python3)
#   BENCH_NO_DOC=1     do not rewrite docs/benchmarks.md
set -euo pipefail
cd "$(dirname "$0")/../.."

GO=${GO:-go}
DIR=${BENCH_DIR:-/tmp/surveystat-bench}
SIZES=${BENCH_SIZES:-"10000 1000000 10000000"}
R_MAX=${BENCH_R_MAX_ROWS:-1000000}
PY_MAX=${BENCH_PY_MAX_ROWS:-10000000}
PYTHON=${PYTHON:-/usr/bin/python3}
STUDY=data/noyb-de-2025/study.yaml
TIME=/usr/bin/time

mkdir -p "$DIR" bin
load=$(cut -d' ' -f1-3 /proc/loadavg)
$GO build -o bin/surveystat ./cmd/surveystat
$GO build -o "$DIR/gen" ./scripts/bench/gen
$GO build -o "$DIR/estimate" ./scripts/bench/estimate

have_r=no
if command -v Rscript >/dev/null && Rscript -e 'suppressMessages(library(survey))' >/dev/null 2>&1; then
	have_r=yes
fi
have_py=no
if [ -x "$PYTHON" ] && "$PYTHON" -c 'import pandas, statsmodels' >/dev/null 2>&1; then
	have_py=yes
fi
if [ ! -x "$TIME" ]; then
	echo "bench: $TIME (GNU time) is needed for peak memory; apt-get install time" >&2
	exit 1
fi

# measure LABEL CMD…: runs CMD under GNU time; prints "seconds peak_MiB".
measure() {
	local out="$DIR/time.out"
	if ! "$TIME" -f '%e %M' -o "$out" "$@" >"$DIR/cmd.out" 2>"$DIR/cmd.err"; then
		echo "bench: $* failed:" >&2
		cat "$DIR/cmd.err" >&2
		return 1
	fi
	awk 'END { printf "%.2f %.0f\n", $1, $2 / 1024 }' "$out"
}

human() {
	awk -v n="$1" 'BEGIN { if (n >= 1e6) printf "%gM", n / 1e6; else if (n >= 1e3) printf "%gk", n / 1e3; else print n }'
}

rows=()
printf '%-6s %9s | %-18s | %-18s | %-18s | %s\n' rows MB surveystat "pandas+statsmodels" "R survey" "speed-up (pandas, R)"
for n in $SIZES; do
	f="$DIR/$n.csv"
	[ -s "$f" ] || "$DIR/gen" -rows "$n" -out "$f"
	mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf (b < 1e7 ? "%.1f" : "%.0f"), b / 1e6 }')
	read -r go_s go_m < <(measure "$DIR/estimate" -study "$STUDY" "$f")
	py="skipped" r="skipped" py_x="–" r_x="–" py_s="" py_m="" r_s="" r_m=""
	if [ "$have_py" = yes ] && [ "$n" -le "$PY_MAX" ]; then
		read -r py_s py_m < <(measure "$PYTHON" scripts/bench/estimate.py "$f")
		py="$py_s s, $py_m MiB"
		py_x=$(awk -v a="$py_s" -v b="$go_s" 'BEGIN { printf "%.0f×", a / b }')
	fi
	if [ "$have_r" = yes ] && [ "$n" -le "$R_MAX" ]; then
		read -r r_s r_m < <(measure Rscript scripts/bench/estimate.R "$f")
		r="$r_s s, $r_m MiB"
		r_x=$(awk -v a="$r_s" -v b="$go_s" 'BEGIN { printf "%.0f×", a / b }')
	fi
	# for scripts/bench/report.sh, which compares the whole report with them
	printf '%s %s %s %s\n' "${py_s:-}" "${py_m:-}" "${r_s:-}" "${r_m:-}" >"$DIR/tools-$n.txt"
	line=$(printf '| %s | %s | %s s, %s MiB | %s | %s | %s | %s |' "$(human "$n")" "$mb" "$go_s" "$go_m" "$py" "$r" "$py_x" "$r_x")
	rows+=("$line")
	printf '%-6s %9s | %-18s | %-18s | %-18s | %s, %s\n' "$(human "$n")" "$mb" "$go_s s, $go_m MiB" "$py" "$r" "$py_x" "$r_x"
done

[ "${BENCH_NO_DOC:-}" = 1 ] && exit 0

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
cores=$(nproc)
ram=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
r_version=$([ "$have_r" = yes ] && Rscript -e 'cat(R.version$major, ".", R.version$minor, " with survey ", as.character(packageVersion("survey")), sep = "")' 2>/dev/null || echo "not installed")
py_version=$([ "$have_py" = yes ] && "$PYTHON" -c 'import sys, pandas, statsmodels; print(f"Python {sys.version.split()[0]}, pandas {pandas.__version__}, statsmodels {statsmodels.__version__}")' || echo "not installed")
{
	echo "<!-- results: written by scripts/bench/run.sh; do not edit by hand -->"
	echo
	echo "Measured $(date -u +%Y-%m-%d) on $cpu, $cores cores, $ram RAM; $($GO version | cut -d' ' -f3);"
	echo "$py_version; R $r_version. Load average (1, 5, 15 min) before the run: $load."
	echo
	echo "| rows | MB | surveystat | pandas + statsmodels | R survey | surveystat faster than pandas | than R |"
	echo "|---|---|---|---|---|---|---|"
	printf '%s\n' "${rows[@]}"
	echo
	echo "Wall time of the whole process (start-up included) and its peak resident memory, from \`/usr/bin/time\`."
	echo "R survey is run up to $(human "$R_MAX") rows; pandas up to $(human "$PY_MAX")."
	echo
	echo "<!-- /results -->"
} >"$DIR/results.md"
awk -v results="$DIR/results.md" '
	/^<!-- results/ { while ((getline l < results) > 0) print l; skip = 1; next }
	/^<!-- \/results -->/ { skip = 0; next }
	!skip { print }
' docs/benchmarks.md >"$DIR/benchmarks.md"
cp "$DIR/benchmarks.md" docs/benchmarks.md
echo "bench: wrote docs/benchmarks.md"

#!/usr/bin/env bash
# Benchmark of the report path (make bench): what `surveystat report` costs,
# with reading, estimation, charts and PDFs separated, on the shipped study
# and on generated files of 10 thousand to 10 million rows in its schema.
# Writes the table into docs/benchmarks.md between the report markers.
#
#   reading, estimation  scripts/bench/estimate: read_seconds (parse, validate,
#                        count the answers) and estimate_seconds (shares and
#                        intervals from the counts), as it prints them
#   charts               `surveystat plot` of the shipped study: every chart, three
#                        languages, PNG/SVG/PDF, print/social/square, as report draws them
#   report               `surveystat report --pdf off`, three languages: wall time and
#                        peak RSS of the whole process (/usr/bin/time)
#   PDFs                 the shipped study's `report` with PDFs minus without
#   R, pandas            side by side on the same files: R survey computing one
#                        share and the same share by gender (svymean, svyby;
#                        scripts/bench/estimate.R FILE one), as the scaling
#                        issue timed it, and pandas + statsmodels computing
#                        every estimate surveystat does (scripts/bench/run.sh,
#                        the step before this one in make bench, leaves its
#                        times in $BENCH_DIR/tools-N.txt); the last column is
#                        how many times faster the whole report is
#
# Settings (environment): BENCH_DIR (default /tmp/surveystat-bench),
# BENCH_SIZES (default "10000 1000000 10000000"), BENCH_REPEAT (runs per
# measurement, the median is shown; default 3), BENCH_NO_DOC=1.
set -euo pipefail
cd "$(dirname "$0")/../.."

GO=${GO:-go}
DIR=${BENCH_DIR:-/tmp/surveystat-bench}
SIZES=${BENCH_SIZES:-"10000 1000000 10000000"}
REPEAT=${BENCH_REPEAT:-3}
R_MAX=${BENCH_R_MAX_ROWS:-1000000}
have_r=no
if command -v Rscript >/dev/null && Rscript -e 'suppressMessages(library(survey))' >/dev/null 2>&1; then
	have_r=yes
fi
STUDY=data/noyb-de-2025/study.yaml
TIME=/usr/bin/time
if [ ! -x "$TIME" ]; then
	echo "bench: $TIME (GNU time) is needed for peak memory; apt-get install time" >&2
	exit 1
fi

mkdir -p "$DIR" bin
load=$(cut -d' ' -f1-3 /proc/loadavg)
$GO build -o bin/surveystat ./cmd/surveystat
$GO build -o "$DIR/gen" ./scripts/bench/gen
$GO build -o "$DIR/estimate" ./scripts/bench/estimate
BIN=$(pwd)/bin/surveystat
OUT="$DIR/out"

# median of the arguments
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# timed CMD…: runs CMD REPEAT times under GNU time; prints "median_seconds max_peak_MiB".
timed() {
	local s=() m=0
	for _ in $(seq "$REPEAT"); do
		if ! "$TIME" -f '%e %M' -o "$DIR/time.out" "$@" >"$DIR/cmd.out" 2>"$DIR/cmd.err"; then
			echo "bench: $* failed:" >&2
			cat "$DIR/cmd.err" >&2
			return 1
		fi
		read -r e k <"$DIR/time.out"
		s+=("$e")
		m=$(awk -v a="$m" -v b="$k" 'BEGIN { print (b / 1024 > a ? b / 1024 : a) }')
	done
	printf '%.2f %.0f\n' "$(median "${s[@]}")" "$m"
}

# phases FILE STUDY: prints "median_read_s median_estimate_s" from scripts/bench/estimate.
phases() {
	local r=() e=()
	for _ in $(seq "$REPEAT"); do
		line=$("$DIR/estimate" -study "$2" "$1")
		r+=("$(sed -n 's/.*read_seconds=\([0-9.]*\).*/\1/p' <<<"$line")")
		e+=("$(sed -n 's/.*estimate_seconds=\([0-9.]*\).*/\1/p' <<<"$line")")
	done
	# reading in seconds, estimation in milliseconds (it works on counts)
	awk -v r="$(median "${r[@]}")" -v e="$(median "${e[@]}")" 'BEGIN { printf "%.3f s %.2f ms\n", r, e * 1000 }'

}

human() {
	awk -v n="$1" 'BEGIN { if (n >= 1e6) printf "%gM", n / 1e6; else if (n >= 1e3) printf "%gk", n / 1e3; else print n }'
}

# The shipped study: report without and with PDFs, charts alone.
rm -rf "$OUT" && mkdir -p "$OUT"
read -r off_s off_m < <(timed "$BIN" report --pdf off --out "$OUT" "$STUDY")
pdf_row="PDFs: skipped (no Chromium)"
if command -v chromium >/dev/null 2>&1 || [ -n "${SURVEYSTAT_CHROMIUM:-}" ]; then
	read -r on_s on_m < <(timed "$BIN" report --pdf on --out "$OUT" "$STUDY")
	pdfs=$(awk -v a="$on_s" -v b="$off_s" 'BEGIN { printf "%.2f", a - b }')
	pdf_row="with its 6 PDFs: $on_s s, $on_m MiB (PDFs $pdfs s)"
fi
read -r plot_s plot_m < <(timed "$BIN" plot --lang en,de,nl --format png,svg,pdf --preset print,social,square --out "$OUT/charts" "$STUDY")
read -r sr _ se _ < <(phases "$(dirname "$STUDY")/responses.csv" "$STUDY")
shipped="| shipped study (1k rows) | $sr s | $se ms | $plot_s s, $plot_m MiB | $off_s s, $off_m MiB | ${pdf_row} | – | – | – |"
echo "$shipped"

# Generated files: a copy of the shipped study pointing at each.
rows=()
for n in $SIZES; do
	f="$DIR/$n.csv"
	[ -s "$f" ] || "$DIR/gen" -rows "$n" -out "$f"
	d="$DIR/study-$n"
	mkdir -p "$d"
	sed "s|^  file: responses.csv$|  file: ../$n.csv|" "$STUDY" >"$d/study.yaml"
	cp "$(dirname "$STUDY")/published.csv" "$d/"
	read -r r _ e _ < <(phases "$f" "$d/study.yaml")
	read -r s m < <(timed "$BIN" report --pdf off --out "$OUT" "$d/study.yaml")
	mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf (b < 1e7 ? "%.1f" : "%.0f"), b / 1e6 }')
	rcol="–" pcol="–" xr="–" xp="–"
	if [ "$have_r" = yes ] && [ "$n" -le "$R_MAX" ]; then
		read -r r1_s r1_m < <(timed Rscript scripts/bench/estimate.R "$f" one)
		rcol="$r1_s s, $r1_m MiB"
		xr=$(awk -v a="$r1_s" -v b="$s" 'BEGIN { printf "%.0f×", a / b }')
	fi
	if [ -s "$DIR/tools-$n.txt" ]; then
		read -r py_s py_m _ _ <"$DIR/tools-$n.txt" || true
		if [ -n "${py_s:-}" ]; then
			pcol="$py_s s, $py_m MiB"
			xp=$(awk -v a="$py_s" -v b="$s" 'BEGIN { printf "%.0f×", a / b }')
		fi
	fi
	line="| $(human "$n") rows ($mb MB) | $r s | $e ms | (as above) | $s s, $m MiB | – | $rcol | $pcol | $xr, $xp |"
	rows+=("$line")
	echo "$line"
done

[ "${BENCH_NO_DOC:-}" = 1 ] && exit 0

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
ram=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
chromium_v=$( (chromium --version 2>/dev/null || echo "no Chromium") | head -1)
{
	echo "<!-- report: written by scripts/bench/report.sh; do not edit by hand -->"
	echo
	echo "Measured $(date -u +%Y-%m-%d) on $cpu, $(nproc) cores, $ram RAM; $($GO version | cut -d' ' -f3); $chromium_v."
	echo "Load average (1, 5, 15 min) before the run: $load. Medians of $REPEAT runs; memory is the largest peak RSS."
	echo
	echo "| input | reading | estimation | charts | \`report --pdf off\` (3 languages) | PDFs | R survey: one share + svyby | pandas + statsmodels: every estimate | whole report faster than R, pandas |"
	echo "|---|---|---|---|---|---|---|---|---|"
	echo "$shipped"
	printf '%s\n' "${rows[@]}"
	echo
	echo "<!-- /report -->"
} >"$DIR/report.md"
awk -v results="$DIR/report.md" '
	/^<!-- report:/ { while ((getline l < results) > 0) print l; skip = 1; next }
	/^<!-- \/report -->/ { skip = 0; next }
	!skip { print }
' docs/benchmarks.md >"$DIR/benchmarks.md"
cp "$DIR/benchmarks.md" docs/benchmarks.md
echo "bench: wrote the report path into docs/benchmarks.md"

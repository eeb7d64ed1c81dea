# surveystat — the two commands: `make report` and `make test`.
GO      ?= go
STUDIES := $(wildcard data/*/study.yaml)
COMPARISONS := $(wildcard data/*/comparison.yaml)
BIN     := bin/surveystat

.PHONY: all build report verify browser-test test warehouse-test vet synth conformance-refs fixtures bench fuzz clean

all: test report

build:
	$(GO) build -o $(BIN) ./cmd/surveystat

## report: write out/<study-id>/ for every study under data/, then out/<comparison-id>/ for
## every comparison of studies (data/*/comparison.yaml)
report: build
	@set -e; for s in $(STUDIES); do ./$(BIN) report --out out $$s; done
	@set -e; for c in $(COMPARISONS); do ./$(BIN) compare --out out $$c; done

## verify: re-run every report from the inputs in its manifest and compare every file
verify: build
	@set -e; for s in $(STUDIES); do \
		id=$$(sed -n 's/^id: *//p' $$s | head -1); ./$(BIN) verify out/$$id; \
	done
	@set -e; for c in $(COMPARISONS); do \
		id=$$(sed -n 's/^id: *//p' $$c | head -1); ./$(BIN) verify out/$$id; \
	done

## browser-test: open every report page in headless Chromium (needs Debian's chromium); screenshots to out/screenshots
browser-test:
	SURVEYSTAT_SCREENSHOT_DIR=$(CURDIR)/out/screenshots $(GO) test ./report -run '^TestBrowser$$' -count=1 -v

## test: vet and run every test (needs only Go)
test:
	$(GO) vet ./...
	$(GO) test ./...

## warehouse-test: the warehouse path on a real engine (docs/aggregated-input.md): one million
## generated respondents in embedded DuckDB, aggregated with the documented SQL, reported from the
## rows and from the cell tables, results compared. A separate Go module (warehouse/, needs cgo and
## a C++ toolchain), so DuckDB stays out of the binary and of `make test`. WAREHOUSE_ROWS=N for fewer rows.
## -mod=mod: warehouse/go.mod follows the surveystat module's requirements without a manual tidy.
warehouse-test:
	cd warehouse && CGO_ENABLED=1 $(GO) test -mod=mod -count=1 -timeout 20m -v .

## synth: regenerate the synthetic respondent files of studies that have a synth section
synth: build
	@set -e; for s in $(STUDIES); do \
		if grep -q '^synth:' $$s; then ./$(BIN) synth $$s; fi; \
	done

## conformance-refs: regenerate the reference values in analysis/testdata/conformance (R and
## statsmodels, with surveydiff.csv for comparisons across surveys), analysis/testdata/design,
## analysis/testdata/nets (R survey), analysis/testdata/published (R) and report/testdata/precision.csv
## (R survey: the precision statement of a complex sample); installs Debian's r-cran-survey and
## python3-statsmodels when missing
conformance-refs:
	bash scripts/conformance/generate.sh
	bash scripts/design/generate.sh
	sh scripts/nets/generate.sh
	sh scripts/crossstudy/generate.sh
	sh scripts/published/generate.sh
	sh scripts/precision/generate.sh

## fixtures: regenerate the SPSS/Stata fixtures in survey/testdata/sysfile with GNU PSPP and R
## haven (scripts/fixtures/generate.sh); installs Debian's pspp and r-cran-haven when missing
fixtures:
	sh scripts/fixtures/generate.sh

## bench: Go benchmarks of the reader and the estimators, then surveystat against R survey and
## pandas+statsmodels on generated 10k/1M/10M-row files (scripts/bench/run.sh), then the report
## path with reading, estimation, charts and PDFs separated (scripts/bench/report.sh); both write
## their table into docs/benchmarks.md
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	bash scripts/bench/run.sh
	bash scripts/bench/report.sh

## fuzz: run every fuzz target for FUZZTIME each (default 60s; the issue asks for 10m before a release):
## the study file, the respondent reader (sequential and parallel), the cell-table reader,
## published.csv and the raking margins
FUZZTIME ?= 60s
FUZZ_SURVEY := FuzzParseStudy FuzzReader FuzzScanParallel FuzzCells FuzzPublished FuzzMargins
fuzz:
	@set -e; for f in $(FUZZ_SURVEY); do \
		$(GO) test ./survey -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) -timeout 0; \
	done
	$(GO) test ./spss -run '^$$' -fuzz '^FuzzReader$$' -fuzztime $(FUZZTIME) -timeout 0
	$(GO) test ./stata -run '^$$' -fuzz '^FuzzReader$$' -fuzztime $(FUZZTIME) -timeout 0
	$(GO) test ./survey -run '^$$' -fuzz '^FuzzReadTable$$' -fuzztime $(FUZZTIME) -timeout 0
	$(GO) test ./analysis -run '^$$' -fuzz '^FuzzReconstructQuestion$$' -fuzztime $(FUZZTIME) -timeout 0
	$(GO) test ./crossstudy -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -timeout 0
	$(GO) test ./svgsafe -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(FUZZTIME) -timeout 0
	$(GO) test ./internal/mdsafe -run '^$$' -fuzz '^FuzzEscape$$' -fuzztime $(FUZZTIME) -timeout 0
	$(GO) test ./internal/mdsafe -run '^$$' -fuzz '^FuzzDestination$$' -fuzztime $(FUZZTIME) -timeout 0

clean:
	rm -rf bin out

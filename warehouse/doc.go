// Package warehouse proves the warehouse path of docs/aggregated-input.md on
// a real engine: its test loads a generated respondent file into embedded
// DuckDB, runs the documented GROUP BY statements unchanged and checks that
// surveystat's results from the cell tables equal those from the rows.
//
// It is a separate Go module so that DuckDB (cgo, a large static library)
// stays out of the surveystat binary and out of `make test`; run it with
// `make warehouse-test`.
package warehouse

// Package report runs a study end to end and writes what people read and
// check: the tidy results (results.csv, results.json), the report documents
// (report.md and a self-contained index.html), the charts, and a manifest
// with the SHA-256 of every input and output.
//
// Generate is the whole job: it loads the study file, streams the
// respondent file through an analysis.Tally, renders everything into a
// temporary directory beside the target and renames it into place only when
// all of it succeeded, so a failed run leaves the previous report as it
// was. Output bytes depend only on the inputs (no clock, no map order).
//
// Every method, level, base and n that a report, chart or alt text names
// is read from the computed estimate (analysis.Estimate: Method, Level,
// Base, NAssumed) and the study file, in one place (wording.go and
// chartwords.go); the translations under i18n/ hold only sentence frames
// and name no study. The data status (survey.Study.Status) gives every
// report and chart its banner or footnote.
package report

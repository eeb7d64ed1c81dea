// Package crossstudy compares the same shares across surveys: waves of one
// survey (2018 against 2020) or the same question in different surveys or
// countries.
//
// A comparison file (see docs/comparisons.md) names two or more study
// files in survey order and the items to compare: question=category,
// question=net or a derived estimate, in every study (a study may name an
// item differently). Every study is analysed as its own report would
// analyse it, so each keeps its own metadata, base, data status, interval
// method and level; nothing is pooled. Consecutive surveys are compared
// item by item as independent samples (analysis.SurveyDiffOf: Newcombe's
// hybrid score interval and the score test for simple random samples,
// effective counts for a design effect, design-based variances for
// weighted studies).
//
// Generate writes a report folder out/<comparison-id>/ with the same
// manifest and atomic replacement as a study report (report.WriteFolder):
// estimates.csv, differences.csv, results.json, the report in en, de and
// nl (Markdown and self-contained HTML) and trend and dumbbell charts
// (package figures) with the difference and its interval on the chart.
// Verify re-runs such a folder from its manifest and compares every file.
package crossstudy

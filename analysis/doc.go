// Package analysis provides the estimators of surveystat: shares, their
// confidence intervals and tests, and the tallies they are computed from.
//
// Everything here is a pure function of its arguments or a value that
// accumulates respondents handed to it; the package does no I/O. Data enters
// as survey.Respondent values (from package survey) or as plain counts, and
// leaves as Estimate rows and Interval values that packages report and
// figures turn into documents and charts.
//
// Interval methods are named as statisticians name them ("wilson",
// "clopper-pearson", …); each documents the reference it follows and is
// tested against published values and against R and statsmodels.
//
// Counts can also come from published percentages: CountRange gives the
// counts compatible with a published rounding, ReconstructQuestion and
// TableEstimates rebuild a question's counts from a published table,
// EffectiveInterval puts an interval on the effective sample size of a
// published design effect, and EvaluateClaimRange tests a claim over every
// compatible count.
package analysis

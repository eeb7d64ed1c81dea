// Package scaffold drafts a study file from a respondent file: a CSV, an
// SPSS system file (.sav, .zsav) or a Stata file (.dta).
//
// Inspect reads the file once, in memory that does not grow with the
// number of rows (at most MaxCodes distinct values are kept per column),
// and classifies every column: the respondent id, the weight, coded
// questions (with their categories, labels and missing codes from the
// file's value labels and user-missing values, or from the distinct
// values of a CSV), and columns to ignore (identifier-like names or
// values, dates, free text, always empty). Draft.Write writes the study
// file with a todo: list naming what only a person can fill in (title,
// metadata, bases, claims, charts, translations); survey refuses a study
// with items left on it unless accept_todo: true is set.
package scaffold

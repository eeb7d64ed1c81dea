// Package survey holds the domain of surveystat: the study file (metadata,
// codebook, bases), the published figures a study reports, and a streaming,
// codebook-driven reader for respondent-level data.
//
// A study enters as a YAML file (see docs/study-format.md) read by Load; its
// respondent file is read row by row by Reader, which validates every cell
// against the codebook and decodes it to category indices, so that later
// stages never see raw codes. Errors locate the fault as encoding/csv does:
// file, line, column and value, plus what was expected.
//
// A respondent file may also be an SPSS (.sav, .zsav) or Stata (.dta)
// file, recognised by its first bytes (SystemFileKind): Scan and ScanCells
// convert its cases, as they are read, to the rows of its CSV export and
// read those (sysfile.go), so that validation and results are the same;
// errors then name the case instead of the line.
//
// A study without respondent data may instead name a published table of
// percentages and bases (data.table), read by ReadTable, from which package
// analysis reconstructs the counts (docs/published-figures.md).
package survey

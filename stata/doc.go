// Package stata reads Stata data files (.dta) of formats 113 to 119, as
// written by Stata 8 to 18, R haven and ReadStat, following Stata's
// documentation of the format ("help dta", and its archived versions for
// formats 113–115).
//
// NewReader reads the header and descriptors: variable names, types,
// display formats, labels and the name of each variable's value label set.
// Observations are then read one at a time with Reader.Read into a reused
// slice, so memory does not grow with the number of observations. Stata
// stores value labels after the data; ReadValueLabels reads them once the
// last observation has been read. Missing values are "." (system missing)
// and the extended missing values ".a" to ".z". Text is UTF-8 from format
// 118 on; before, text that is valid UTF-8 is taken as UTF-8 (R haven
// writes it) and other text as windows-1252 (Stata did), unless the caller
// names an encoding.
// strL values (format 117 on) are not read: Read reports them as empty
// with StrL set on the variable, so a caller can refuse to use them.
//
// Errors name the section or observation and byte offset where the file
// stops making sense; a malformed file never causes a panic, and every
// count read from the file is bounded before memory is allocated for it.
package stata

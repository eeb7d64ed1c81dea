// Package spss reads SPSS system files (.sav) and their zlib-compressed
// variant (.zsav) as written by SPSS Statistics, GNU PSPP, R haven and
// ReadStat, following the format as documented by GNU PSPP ("System File
// Format", PSPP Developers Guide).
//
// NewReader reads the dictionary: variables with their long names, labels,
// print formats, value labels (also on long strings), user-missing values
// and ranges, the weight variable and the file's character encoding. Cases
// are then read one at a time with Reader.Read into a reused slice, so
// memory does not grow with the number of cases. Uncompressed, bytecode
// and zlib compressed data, both byte orders and very long strings (more
// than 255 bytes, stored in segments) are supported. Text is returned as
// UTF-8, decoded from the file's encoding (record 7.20, else the code page
// of record 7.3; windows-1252 when neither is present) unless the caller
// overrides it.
//
// Errors name the record or case and byte offset where the file stops
// making sense; a malformed file never causes a panic, and every count read
// from the file is bounded before memory is allocated for it.
package spss

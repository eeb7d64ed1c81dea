package survey

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
)

// tableSpec describes a small fixed-schema CSV input (published figures,
// raking margins): the columns it must have and the ones it may have.
type tableSpec struct {
	what     string   // the kind of file, in words: "published figures"
	required []string // columns that must be in the header
	optional []string // columns that may be in the header
}

// readTable reads a whole fixed-schema CSV file from r into out (a pointer
// to a slice of structs with csv tags, as gocsv wants) and returns the line
// on which each row starts, so that messages name the right line also
// after a quoted field with line breaks. The header must name every
// required column, and only known columns, each once. name is the file
// name used in errors.
func readTable(r io.Reader, name string, spec tableSpec, out any) (lines []int, err error) {
	cr := csv.NewReader(r)
	var records [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, tableCSVError(name, err)
		}
		line, _ := cr.FieldPos(0)
		records = append(records, rec)
		lines = append(lines, line)
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("%s:1: file is empty (expected a header row: %s)", name, strings.Join(spec.required, ","))
	}
	header := records[0]
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	known := append(slices.Clone(spec.required), spec.optional...)
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		if !slices.Contains(known, h) {
			hint := ""
			if n := nearest(h, known); n != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", n)
			}
			return nil, fmt.Errorf("%s:%d: header: unknown column %q%s; expected the columns %s", name, lines[0], clip(h), hint, strings.Join(known, ", "))
		}
		if seen[h] {
			return nil, fmt.Errorf("%s:%d: header: column %q named twice (expected each column once)", name, lines[0], h)
		}
		seen[h] = true
	}
	for i, rec := range records {
		for j, v := range rec {
			if !utf8.ValidString(v) {
				col := fmt.Sprintf("%d", j+1)
				if j < len(header) {
					col = fmt.Sprintf("%q", header[j])
				}
				return nil, fmt.Errorf("%s:%d: column %s: value %q: text is not valid UTF-8 (expected UTF-8 text); hint: save the file as CSV UTF-8",
					name, lines[i], col, clip(v))
			}
		}
	}
	for _, c := range spec.required {
		if !seen[c] {
			return nil, fmt.Errorf("%s:%d: header: no column %q (a %s file needs the columns %s; the header has %s)",
				name, lines[0], c, spec.what, strings.Join(spec.required, ", "), headerList(header))
		}
	}
	if err := gocsv.UnmarshalCSV(records2Reader(records), out); err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && pe.Line >= 2 && pe.Line-1 < len(lines) && pe.Column >= 1 && pe.Column <= len(header) {
			// gocsv counts records, not lines, and columns from 1.
			return nil, fmt.Errorf("%s:%d: column %q: %w", name, lines[pe.Line-1], header[pe.Column-1], pe.Err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return lines[1:], nil
}

// records2Reader hands records that are already read to gocsv.
type records2Reader [][]string

func (r records2Reader) Read() ([]string, error) {
	return nil, errors.New("records2Reader: use ReadAll")
}

func (r records2Reader) ReadAll() ([][]string, error) { return r, nil }

// tableCSVError turns an error of encoding/csv into a message that points
// at the start of the record: an unterminated quote is reported at the
// line where the quoted field starts, not where the file ends.
func tableCSVError(name string, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", name, err)
	}
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return fmt.Errorf("%s:%d: wrong number of fields (expected as many fields as the header has)", name, pe.StartLine)
	case errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line:
		return fmt.Errorf("%s:%d: a quoted field starting on this row is not closed (reached line %d; expected a closing \" and any \" inside the field doubled)", name, pe.StartLine, pe.Line)
	case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Errorf("%s:%d: column %d: %v (expected quotes to be balanced and doubled inside quoted fields)", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s:%d: %w", name, pe.StartLine, pe.Err)
}

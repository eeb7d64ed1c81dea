package survey

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Errors a Reader reports, wrapped in a *ParseError.
var (
	ErrMissingColumn = errors.New("column not found in header")
	ErrUnknownCode   = errors.New("unknown code")
	ErrOutsideBase   = errors.New("answer given by a respondent outside the question's base")
	ErrDuplicateID   = errors.New("duplicate respondent id")
	ErrEmptyID       = errors.New("empty respondent id")
	ErrWeight        = errors.New("invalid weight")
	ErrNoRows        = errors.New("no respondent rows")
	ErrIdentifier    = errors.New("column looks like a direct identifier or free text")
	ErrEncoding      = errors.New("text is not valid UTF-8")
	ErrDesignCell    = errors.New("invalid sample design value")
	ErrCount         = errors.New("invalid cell count")
	ErrOpenQuote     = errors.New("quoted field not closed")
	ErrDecimal       = errors.New("decimal point and decimal comma mixed in one column")
)

// ParseError locates a problem in a respondent file.
type ParseError struct {
	File   string // file name as given to NewReader
	Line   int    // 1-based line; 0 if unknown
	Column string // column name from the header; empty if not about a cell
	Value  string // the offending cell value (cut to a few dozen characters when shown)
	Hidden bool   // the value is not shown: its column may identify a respondent
	Expect string // what was expected, in words
	Hint   string // how to fix it, if there is a usual fix
	Err    error  // the kind of problem (one of the Err… values, or a csv error)
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ": column %q", clip(e.Column))
	}
	switch {
	case e.Hidden:
		b.WriteString(": value not shown")
	case e.Value != "" || (e.Column != "" && e.Line > 1):
		fmt.Fprintf(&b, ": value %q%s", clip(e.Value), clipNote(e.Value))
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	if e.Expect != "" {
		fmt.Fprintf(&b, " (expected %s)", e.Expect)
	}
	if e.Hint != "" {
		fmt.Fprintf(&b, "; hint: %s", e.Hint)
	}
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Errors is a list of problems found in one or more rows.
type Errors []*ParseError

// Error lists the problems, one message per kind of problem of a column:
// the same problem of one column on many rows (an undeclared e-mail
// column, an unknown code) is shown on its first rows only (maxExamples,
// or one where the value is hidden) and then counted, "… and the same
// problem on 47 more rows (lines 10, 13, 16, …)".
func (e Errors) Error() string {
	type group struct {
		list []*ParseError
	}
	var order []*group
	byKind := map[string]*group{}
	for i, pe := range e {
		key := fmt.Sprint(i) // a problem of the whole row or file stands alone
		if pe.Column != "" && pe.Line > 0 {
			key = fmt.Sprintf("%s\x00%v\x00%s\x00%s\x00%v\x00%s", pe.File, pe.Err, pe.Column, pe.Expect, pe.Hidden, pe.Hint)
		}
		g := byKind[key]
		if g == nil {
			g = &group{}
			byKind[key] = g
			order = append(order, g)
		}
		g.list = append(g.list, pe)
	}
	var s []string
	for _, g := range order {
		shown := min(len(g.list), maxExamples)
		if g.list[0].Hidden {
			shown = 1
		}
		for _, pe := range g.list[:shown] {
			s = append(s, pe.Error())
		}
		if rest := g.list[shown:]; len(rest) > 0 {
			lines := make([]string, 0, maxLinesShown+1)
			for i, pe := range rest {
				if i == maxLinesShown {
					lines = append(lines, "…")
					break
				}
				lines = append(lines, strconv.Itoa(pe.Line))
			}
			rows := "rows"
			if len(rest) == 1 {
				rows = "row"
			}
			s = append(s, fmt.Sprintf("%s: column %q: the same problem on %d more %s (lines %s)",
				g.list[0].File, clip(g.list[0].Column), len(rest), rows, strings.Join(lines, ", ")))
		}
	}
	if len(e) >= MaxErrors {
		s = append(s, fmt.Sprintf("stopped after %d problems; fix these and run again", MaxErrors))
	} else if len(e) > 1 {
		s = append(s, fmt.Sprintf("%d problems", len(e)))
	}
	return strings.Join(s, "\n")
}

// Unwrap lets errors.Is and errors.As see every problem in the list.
func (e Errors) Unwrap() []error {
	out := make([]error, len(e))
	for i, pe := range e {
		out[i] = pe
	}
	return out
}

// MaxErrors is how many problems Scan collects before it stops.
const MaxErrors = 50

// maxExamples is how many rows with the same problem of a column an error
// message shows before it only counts them, and maxLinesShown how many
// line numbers of the others it lists.
const (
	maxExamples   = 3
	maxLinesShown = 8
)

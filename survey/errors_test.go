package survey

import (
	"strings"
	"testing"
)

// TestErrorsGrouped: the same problem of one column on many rows is one
// message with a few examples and a count; different columns, kinds and
// row-level problems keep their own messages.
func TestErrorsGrouped(t *testing.T) {
	id := func(line int) *ParseError {
		return &ParseError{File: "r.csv", Line: line, Column: "contact", Hidden: true, Expect: "no direct identifiers", Err: ErrIdentifier}
	}
	code := func(line int, v string) *ParseError {
		return &ParseError{File: "r.csv", Line: line, Column: "q1", Value: v, Expect: "one of 1, 2", Err: ErrUnknownCode}
	}
	tests := []struct {
		name      string
		errs      Errors
		want      []string
		lines     int // messages, with the closing count
		notWanted string
	}{
		{"identifier on 20 rows", func() Errors {
			var e Errors
			for i := range 20 {
				e = append(e, id(2+3*i))
			}
			return e
		}(), []string{`r.csv:2: column "contact": value not shown`, `r.csv: column "contact": the same problem on 19 more rows (lines 5, 8, 11, 14, 17, 20, 23, 26, …)`, "20 problems"}, 3, "r.csv:5:"},
		{"codes: three examples", Errors{code(2, "7"), code(3, "8"), code(4, "7"), code(9, "7")},
			[]string{`r.csv:2: column "q1": value "7"`, `r.csv:3: column "q1": value "8"`, `r.csv:4: column "q1": value "7"`, `the same problem on 1 more row (lines 9)`}, 5, `r.csv:9:`},
		{"two columns", Errors{code(2, "7"), id(2), code(3, "7")},
			[]string{`r.csv:2: column "q1"`, `r.csv:2: column "contact"`, `r.csv:3: column "q1"`}, 4, "same problem"},
		{"row problems stand alone", Errors{{File: "r.csv", Line: 4, Err: ErrDuplicateID}, {File: "r.csv", Line: 5, Err: ErrDuplicateID}},
			[]string{"r.csv:4", "r.csv:5"}, 3, "same problem"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.errs.Error()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			if n := strings.Count(got, "\n") + 1; n != tt.lines {
				t.Errorf("%d lines, want %d:\n%s", n, tt.lines, got)
			}
			if strings.Contains(got, tt.notWanted) {
				t.Errorf("contains %q:\n%s", tt.notWanted, got)
			}
		})
	}
}

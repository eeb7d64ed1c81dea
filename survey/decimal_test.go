package survey

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestMixedDecimal (issue 13, item 7): weights "0,5" and "2.500" in one
// column are read two ways (2.500 may be 2.5 or, from a German export,
// 2500). With data.decimal unset that is an error naming the line and
// column where the second convention first appears; whole numbers and
// exponents are neutral; data.decimal decides. Both readers (sequential
// and parallel) agree, and weights outside [1e-100, 1e100] are errors.
func TestMixedDecimal(t *testing.T) {
	const head = "id;aware;attitude;w;st;psu;fpc\n"
	for _, c := range []struct {
		name, decimal, data string
		line                int    // 0: no error
		col                 string // column of the error
		err                 error
	}{
		{"comma then point", "", "a;1;2;0,5;s1;p1;100\nb;2;1;3;s1;p2;100\nc;2;1;2.500;s2;p3;100\n", 4, "w", ErrDecimal},
		{"point then comma", "", "a;1;2;1.5;s1;p1;100\nb;2;1;2,5;s1;p2;100\n", 3, "w", ErrDecimal},
		{"fpc mixed", "", "a;1;2;1;s1;p1;0.25\nb;2;1;1;s1;p2;0,25\n", 3, "fpc", ErrDecimal},
		{"commas only", "", "a;1;2;0,5;s1;p1;100\nb;2;1;2,5;s1;p2;100\n", 0, "", nil},
		{"points and integers", "", "a;1;2;0.5;s1;p1;100\nb;2;1;2;s1;p2;1e2\n", 0, "", nil},
		{"decimal comma declared", ",", "a;1;2;0,5;s1;p1;100\nb;2;1;2.500;s1;p2;100\n", 3, "w", ErrWeight},
		{"decimal point declared", ".", "a;1;2;0.5;s1;p1;100\nb;2;1;2,500;s1;p2;100\n", 3, "w", ErrWeight},
		{"tiny weight", "", "a;1;2;1e-308;s1;p1;100\nb;2;1;1;s1;p2;100\n", 2, "w", ErrWeight},
		{"huge weight", "", "a;1;2;1;s1;p1;100\nb;2;1;1e200;s1;p2;100\n", 3, "w", ErrWeight},
		{"weights at the bounds", "", "a;1;2;1e-100;s1;p1;100\nb;2;1;1e100;s1;p2;100\n", 0, "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			study := designStudy
			if c.decimal != "" {
				study = strings.Replace(study, "outside_base: warn}", "outside_base: warn, decimal: \""+c.decimal+"\"}", 1)
			}
			s := mustParse(t, study)
			data := []byte(head + c.data)
			seq := scanResult(t, s, data, false, 0)
			for _, chunk := range []int{1, 7, 0} {
				if par := scanResult(t, s, data, true, chunk); par != seq {
					t.Errorf("chunk %d: parallel reader gives\n%s\nsequential\n%s", chunk, par, seq)
				}
			}
			rd, err := NewReader(bytes.NewReader(data), s, "r.csv")
			if err != nil {
				t.Fatal(err)
			}
			err = rd.scan(false, func(*Respondent) error { return nil })
			if c.line == 0 {
				if err != nil {
					t.Errorf("unexpected error: %v", err)
				}
				return
			}
			var list Errors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("got %v, want an error on line %d", err, c.line)
			}
			pe := list[0]
			if pe.Line != c.line || pe.Column != c.col || !errors.Is(pe, c.err) {
				t.Errorf("got %v (line %d, column %q), want line %d, column %q, %v", pe, pe.Line, pe.Column, c.line, c.col, c.err)
			}
		})
	}
}

// TestComparisonMethod: a comparison's method is newcombe or tango, and
// tango only for paired comparisons in unweighted studies (elsewhere it
// would be ignored, so it is an error).
func TestComparisonMethod(t *testing.T) {
	const base = `
id: t
data: {file: r.csv, id: id%s}
subgroups: [g]
questions:
  - id: g
    categories: [{id: a, codes: [1]}, {id: b, codes: [2]}]
  - id: x
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
  - id: y
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
comparisons:
  - {id: c, a: x=yes, b: %s, method: %s}
`
	for _, c := range []struct {
		data, b, method string
		ok              bool
	}{
		{"", "y=yes", "tango", true},
		{"", "y=yes", "newcombe", true},
		{"", "y=yes", "wald", false},
		{"", "x=yes, a_in: g=a, b_in: g=b", "tango", false},
		{"", "x=yes, a_in: g=a, b_in: g=b", "newcombe", true},
		{", weight: w", "y=yes", "tango", false},
	} {
		_, err := Parse(strings.NewReader(fmt.Sprintf(base, c.data, c.b, c.method)), "s.yaml")
		if (err == nil) != c.ok {
			t.Errorf("%s, b = %s, method %s: err %v, want ok %v", c.data, c.b, c.method, err, c.ok)
		}
	}
}

// TestDecimalSeparatorHint: a number written with the other separator
// than data.decimal declares is an error whose expectation gives an
// example in the declared convention and whose hint says which separator
// is not the decimal one (weights, fpc); a count written with a separator
// is told that counts have none.
func TestDecimalSeparatorHint(t *testing.T) {
	const head = "id;aware;attitude;w;st;psu;fpc\n"
	for _, c := range []struct {
		name, decimal, study, data string
		col, expect, hint          string
	}{
		{"point under comma", ",", designStudy, head + "a;1;2;0,5;s1;p1;100\nb;2;1;42.12;s1;p2;100\n", "w",
			"a positive finite number such as 1,25", `"." is not the decimal separator under data.decimal: ","; write numbers with a decimal comma, such as 1,25`},
		{"comma under point", ".", designStudy, head + "a;1;2;0.5;s1;p1;100\nb;2;1;42,12;s1;p2;100\n", "w",
			"a positive finite number such as 1.25", `"," is not the decimal separator under data.decimal: "."; write numbers with a decimal point, such as 1.25`},
		{"fpc point under comma", ",", designStudy, head + "a;1;2;1;s1;p1;0,25\nb;2;1;1;s1;p2;0.25\n", "fpc",
			"such as 0,25", `"." is not the decimal separator under data.decimal: ","`},
		{"not a number", ",", designStudy, head + "a;1;2;1;s1;p1;100\nb;2;1;x;s1;p2;100\n", "w",
			"a positive finite number such as 1,25", ""},
		{"count with a separator", "", "id: t\ndata: {file: r.csv, id: id, count: n}\nquestions:\n  - id: aware\n    categories:\n      - {id: \"yes\", codes: [1]}\n      - {id: \"no\", codes: [2]}\n",
			"id;aware;n\na;1;3\nb;2;1.000\n", "n", "a whole number of respondents", "a count is written without decimal or thousands separators"},
	} {
		t.Run(c.name, func(t *testing.T) {
			study := c.study
			if c.decimal != "" {
				study = strings.Replace(study, "outside_base: warn}", "outside_base: warn, decimal: \""+c.decimal+"\"}", 1)
			}
			s := mustParse(t, study)
			rd, err := NewReader(bytes.NewReader([]byte(c.data)), s, "r.csv")
			if err != nil {
				t.Fatal(err)
			}
			err = rd.scan(false, func(*Respondent) error { return nil })
			var list Errors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("got %v, want an error on line 3", err)
			}
			pe := list[0]
			if pe.Line != 3 || pe.Column != c.col || !strings.Contains(pe.Expect, c.expect) || pe.Hint != c.hint && !strings.HasPrefix(pe.Hint, c.hint) || (c.hint == "") != (pe.Hint == "") {
				t.Errorf("got %v (line %d, column %q, expect %q, hint %q), want line 3, column %q, expect %q, hint %q", pe, pe.Line, pe.Column, pe.Expect, pe.Hint, c.col, c.expect, c.hint)
			}
		})
	}
}

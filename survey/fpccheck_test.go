package survey

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestFPCSmallerThanSample: a population size (data.fpc) below the number
// of PSUs sampled in its stratum is one error per stratum, when the whole
// file has been read, at the first line of the stratum in the fpc column,
// naming the stratum only when there are strata; Scan and ScanCells agree.
func TestFPCSmallerThanSample(t *testing.T) {
	const q = "questions:\n  - id: aware\n    categories:\n      - {id: \"yes\", codes: [1]}\n      - {id: \"no\", codes: [2]}\n"
	for _, c := range []struct {
		name, data string
		design     string // data keys after fpc
		lines      []int  // lines of the errors; nil: none
		expect     []string
	}{
		{"unstratified, every respondent a PSU", "id,n,aware\na,2,1\nb,2,2\nc,2,1\n", "", []int{2},
			[]string{"data.fpc to be the population size, at least the 3 PSUs sampled; each respondent is a PSU of its own, as data.cluster is not set"}},
		{"population equal to the sample", "id,n,aware\na,3,1\nb,3,2\nc,3,1\n", "", nil, nil},
		{"sampling fractions", "id,n,aware\na,0.5,1\nb,0.5,2\nc,0.5,1\n", "", nil, nil},
		{"strata and clusters", "id,n,st,psu,aware\na,5,s1,p1,1\nb,1,s2,p2,2\nc,1,s2,p3,1\nd,5,s1,p4,1\ne,1,s2,p3,2\n", ", strata: st, cluster: psu", []int{3},
			[]string{`data.fpc to be the population size of stratum "s2", at least its 2 sampled PSUs`}},
		{"two strata too small", "id,n,st,aware\na,2,s1,1\nb,1,s2,2\nc,1,s2,1\nd,2,s1,1\ne,2,s1,2\nf,1,s2,1\n", ", strata: st", []int{2, 3},
			[]string{`stratum "s1", at least its 3 sampled PSUs`, `stratum "s2", at least its 3 sampled PSUs`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := mustParse(t, "id: t\ndata: {file: r.csv, id: id, fpc: n"+c.design+"}\n"+q)
			for _, scan := range []func([]byte) error{
				func(b []byte) error {
					return Scan(bytes.NewReader(b), s, "r.csv", func(*Respondent) error { return nil })
				},
				func(b []byte) error {
					return ScanCells(bytes.NewReader(b), s, "r.csv", func(*Respondent) error { return nil })
				},
			} {
				err := scan([]byte(c.data))
				if c.lines == nil {
					if err != nil {
						t.Fatalf("unexpected error %v", err)
					}
					continue
				}
				var list Errors
				var pe *ParseError
				switch {
				case errors.As(err, &list):
				case errors.As(err, &pe):
					list = Errors{pe}
				default:
					t.Fatalf("got %v, want errors on lines %v", err, c.lines)
				}
				if len(list) != len(c.lines) {
					t.Fatalf("%d errors, want %d: %v", len(list), len(c.lines), err)
				}
				for i, pe := range list {
					if !errors.Is(pe, ErrFPC) || pe.File != "r.csv" || pe.Line != c.lines[i] || pe.Column != "n" || !strings.Contains(pe.Expect, c.expect[i]) {
						t.Errorf("error %d: %v (line %d), want line %d, column n, %q", i, pe, pe.Line, c.lines[i], c.expect[i])
					}
					if c.design == "" && strings.Contains(pe.Error(), "stratum") {
						t.Errorf("unstratified design, but %q names a stratum", pe)
					}
				}
			}
		})
	}
}

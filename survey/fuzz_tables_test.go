package survey

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// FuzzPublished feeds arbitrary bytes to the published-figures reader: it
// must never panic, every error must name the file, and every figure it
// accepts must be a known category with a percentage in 0–100 and 0–6
// decimals.
func FuzzPublished(f *testing.F) {
	const header = "figure,question,category,subgroup,subgroup_value,percent,decimals,base,status,source,note\n"
	f.Add([]byte(header + "f1,aware,yes,,,75,0,all,primary,http://x,\n"))
	f.Add([]byte(header + "f1,aware,yes,,,75,0,all,primary,,\"a\nmulti-line\nnote\"\nf2,aware,no,,,25,1,all,alternative,,\n"))
	f.Add([]byte("figure,question,category,decimals,status\nf1,aware,yes,0,primary\n"))
	f.Add([]byte(header + "f1,aware,yes,,,75,2000000000,all,primary,,\n"))
	f.Add([]byte(header + "f1,aware,yes,,,\"75"))
	f.Add([]byte("\ufeff" + header + "f1,attitude,oppose,aware,yes,66,0,the aware,primary,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := mustParse(t, testStudy)
		figs, err := ReadPublished(bytes.NewReader(data), s, "fuzz.csv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, fg := range figs {
			q := s.Question(fg.Question)
			if q == nil || q.CategoryIndex(fg.Category) < 0 {
				t.Fatalf("figure %q of an unknown category accepted", fg.Figure)
			}
			if !(fg.Percent >= 0 && fg.Percent <= 100) || fg.Decimals < 0 || fg.Decimals > MaxDecimals {
				t.Fatalf("figure %q out of range accepted: %v%% at %d decimals", fg.Figure, fg.Percent, fg.Decimals)
			}
			fg.Matches(0.5)
		}
	})
}

// FuzzMargins feeds arbitrary bytes to the raking-margins reader: it must
// never panic, every error must name the file, and accepted margins must
// have a positive finite total for every category of every variable, the
// same sum for every variable.
func FuzzMargins(f *testing.F) {
	f.Add([]byte("variable,category,total\naware,yes,60\naware,no,40\n"))
	f.Add([]byte("variable,category,total\naware,yes,60\naware,no,40\nuses_ig,yes,50\nuses_ig,no,50\n"))
	f.Add([]byte("variable,category,total\naware,yes,1e300\naware,no,1e300\n"))
	f.Add([]byte("variable,category\n\"aware\nyes\",1\n"))
	f.Add([]byte("variable,category,total\naware,yes,0.6\naware,no,0.4\naware,yes,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := mustParse(t, testStudy)
		m, err := ReadMargins(bytes.NewReader(data), s, "fuzz.csv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		var first float64
		for vi, v := range m.Variables {
			q := s.Question(v)
			if q == nil || len(m.Totals[vi]) != len(q.Categories) {
				t.Fatalf("variable %q accepted with %d totals", v, len(m.Totals[vi]))
			}
			var sum float64
			for _, x := range m.Totals[vi] {
				if !(x > 0) || math.IsInf(x, 0) || x > MaxMarginTotal {
					t.Fatalf("total %v accepted", x)
				}
				sum += x
			}
			if vi == 0 {
				first = sum
			} else if math.Abs(sum-first) > 1e-9*first {
				t.Fatalf("margins of different populations accepted: %v and %v", first, sum)
			}
		}
	})
}

// cellStudy is a weighted cell table: answers, a count and the sums of the
// weights and of their squares per row.
const cellStudy = `
id: cells
data: {file: c.csv, count: n, weight_sum: sw, weight_sq_sum: sw2}
questions:
  - id: aware
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
    missing: [9]
  - id: attitude
    base: {when: aware == yes}
    categories: [{id: approve, codes: [1]}, {id: oppose, codes: [2]}]
`

// FuzzCells feeds arbitrary bytes to the cell-table reader (ScanCells on a
// weighted cell table): it must never panic, every problem must be a
// located *ParseError, and every cell it delivers must have a non-negative
// whole count, positive finite weight sums consistent with the count, and
// answers within the codebook and their bases.
func FuzzCells(f *testing.F) {
	f.Add([]byte("aware,attitude,n,sw,sw2\n1,2,3,4.5,7\n2,,2,2,2\n9,,1,1,1\n"))
	f.Add([]byte("aware;attitude;n;sw;sw2\r\n1;1;2;3,5;6,25\r\n"))
	f.Add([]byte("aware,attitude,n,sw,sw2\n1,2,0,0,0\n\"1\",\"2\",\"3\",\"3\",\"3\"\n"))
	f.Add([]byte("aware,attitude,n,sw,sw2\n1,2,2,3,4\n"))
	f.Add([]byte("aware,attitude,n,sw,sw2\n1,2,1e300,1e300,1e300\n"))
	f.Add([]byte("aware,attitude,n,sw,sw2,email\n1,2,1,1,1,x@example.org\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := mustParse(t, cellStudy)
		err := ScanCells(bytes.NewReader(data), s, "fuzz.csv", func(r *Respondent) error {
			if !(r.Count >= 0) || r.Count != math.Trunc(r.Count) || math.IsInf(r.Count, 0) {
				t.Fatalf("count %v accepted", r.Count)
			}
			if r.Count > 0 && (!(r.Weight > 0) || math.IsInf(r.Weight, 0) || !(r.WeightSq > 0) || math.IsInf(r.WeightSq, 0)) {
				t.Fatalf("weight sums %v, %v accepted for count %v", r.Weight, r.WeightSq, r.Count)
			}
			for qi, v := range r.Values {
				if v != Empty && v != Missing && (v < 0 || v >= len(s.Questions[qi].Categories)) {
					t.Fatalf("question %d decoded to %d", qi, v)
				}
				if v >= 0 && !s.InBase(qi, r.Values) {
					t.Fatalf("answer to question %d accepted outside its base", qi)
				}
			}
			return nil
		})
		if err == nil {
			return
		}
		if pe := firstParseError(err); pe == nil || pe.File != "fuzz.csv" {
			t.Fatalf("error is not located in the file: %v", err)
		}
	})
}

// firstParseError returns the first *ParseError in err, or nil.
func firstParseError(err error) *ParseError {
	switch e := err.(type) {
	case *ParseError:
		return e
	case Errors:
		if len(e) > 0 {
			return e[0]
		}
	}
	return nil
}

package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// TestMissingInBase: with missing_in_base, "don't know" answers stay in the
// base (in the overall and the subgroup cells) and in no category, so a
// share is of everyone asked; empty cells still leave the base. Counts by
// hand from the rows below.
func TestMissingInBase(t *testing.T) {
	const study = `
id: t
data: {file: r.csv, id: id}
subgroups: [sex]
questions:
  - id: sex
    categories: [{id: m, codes: [1]}, {id: f, codes: [2]}]
  - id: approve
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
    missing: [9]
    missing_in_base: %s
`
	data := "id,sex,approve\n" +
		"1,1,1\n" +
		"2,1,2\n" +
		"3,2,9\n" +
		"4,2,1\n" +
		"5,1,9\n" +
		"6,2,\n"
	for _, tc := range []struct {
		in                   string
		base, count, baseM   float64
		wantM, wantF, countF float64
		missing, kept        int
	}{
		// Rows 1–5 answered; 3 and 5 said "don't know"; 6 gave no answer.
		{"true", 5, 2, 3, 1, 2, 1, 0, 2},
		{"false", 3, 2, 2, 1, 1, 1, 2, 0},
	} {
		s, tl := tallyStudyOf(t, strings.Replace(study, "%s", tc.in, 1), data)
		est, err := tl.Estimates()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range est {
			if e.Question != "approve" || e.Category != "yes" {
				continue
			}
			switch e.SubgroupValue {
			case "":
				if e.Base != tc.base || e.Count != tc.count || !(e.Lower <= e.Share && e.Share <= e.Upper) {
					t.Errorf("missing_in_base %s: overall %v of %v (%v–%v), want %v of %v", tc.in, e.Count, e.Base, e.Lower, e.Upper, tc.count, tc.base)
				}
			case "m":
				if e.Base != tc.baseM || e.Count != tc.wantM {
					t.Errorf("missing_in_base %s: men %v of %v, want %v of %v", tc.in, e.Count, e.Base, tc.wantM, tc.baseM)
				}
			case "f":
				if e.Base != tc.wantF || e.Count != tc.countF {
					t.Errorf("missing_in_base %s: women %v of %v, want %v of %v", tc.in, e.Count, e.Base, tc.countF, tc.wantF)
				}
			}
		}
		acc := tl.Accounting()[1]
		// Rows 3 and 5 are in the base and used when kept in it, left
		// out for their missing code when not.
		if acc.Used+acc.Missing+acc.NoAnswer != acc.InBase || acc.Missing != tc.missing || acc.KeptInBase != tc.kept || acc.Used != int(tc.base) || acc.NoAnswer != 1 {
			t.Errorf("missing_in_base %s: accounting %+v", tc.in, acc)
		}
		if d := s.Questions[1].BaseDescription("de"); (tc.in == "true") != strings.Contains(d, "weiß nicht") {
			t.Errorf("missing_in_base %s: base wording %q", tc.in, d)
		}
	}
}

// TestMissingInBaseDesign: in a weighted, stratified, clustered sample, a
// "don't know" kept in the base (missing_in_base) gives exactly the
// design-based estimates of the same answers with "don't know" as a
// category of its own: same domain, same numerators.
func TestMissingInBaseDesign(t *testing.T) {
	const kept = `
id: t
data: {file: r.csv, id: id, weight: w, strata: st, cluster: psu}
subgroups: [sex]
questions:
  - id: sex
    categories: [{id: m, codes: [1]}, {id: f, codes: [2]}]
  - id: approve
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
    missing: [9]
    missing_in_base: true
`
	own := strings.Replace(strings.Replace(kept, "    missing: [9]\n    missing_in_base: true\n", "", 1),
		`{id: "no", codes: [2]}]`, `{id: "no", codes: [2]}, {id: dk, codes: [9]}]`, 1)
	var b strings.Builder
	b.WriteString("id,st,psu,w,sex,approve\n")
	answers := []string{"1", "2", "9", "1", "1", "2", "9", "", "1", "2"}
	for i := 0; i < 60; i++ {
		st := 1 + i%2
		psu := 1 + (i/2)%5
		w := []string{"1", "1.5", "2", "0.75", "3"}[i%5]
		fmt.Fprintf(&b, "r%d,%d,%d,%s,%d,%s\n", i, st, psu+10*st, w, 1+(i/3)%2, answers[(i*7)%len(answers)])
	}
	estimates := func(study string) map[string]Estimate {
		_, tl := tallyStudyOf(t, study, b.String())
		est, err := tl.Estimates()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]Estimate{}
		for _, e := range est {
			out[e.Question+"="+e.Category+"|"+e.SubgroupValue] = e
		}
		return out
	}
	a, o := estimates(kept), estimates(own)
	n := 0
	for key, ea := range a {
		eo, ok := o[key]
		if !ok {
			t.Errorf("%s missing with dk as a category", key)
			continue
		}
		if ea.Design == nil || eo.Design == nil {
			t.Fatalf("%s: not design-based", key)
		}
		if ea.Base != eo.Base || ea.Count != eo.Count || *ea.Design != *eo.Design || ea.Lower != eo.Lower || ea.Upper != eo.Upper {
			t.Errorf("%s: kept in base %+v %v–%v, own category %+v %v–%v", key, *ea.Design, ea.Lower, ea.Upper, *eo.Design, eo.Lower, eo.Upper)
		}
		n++
	}
	if n < 8 { // sex m, f; approve yes, no overall and by sex
		t.Errorf("compared %d estimates", n)
	}
}

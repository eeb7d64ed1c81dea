package analysis

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// TestTallyNetsByHand: a net's count is the sum of its categories' counts
// on the question's base (missing codes and respondents outside the base
// left out), overall and by subgroup, with the question's interval method;
// the interval is checked against the Wilson closed form and the
// Clopper–Pearson interval of the same count.
func TestTallyNetsByHand(t *testing.T) {
	src := `
id: t
data: {file: r.csv, id: id}
subgroups: [sex]
questions:
  - id: sex
    categories: [{id: m, codes: [1]}, {id: f, codes: [2]}]
  - id: aware
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
  - id: attitude
    base: {when: aware == yes}
    categories: [{id: against, codes: [1]}, {id: consent, codes: [2]}, {id: fine, codes: [3]}, {id: unsure, codes: [4]}]
    missing: [9]
    nets:
      - {id: reject, categories: [against, consent]}
      - {id: open, categories: [fine, unsure]}
  - id: scale
    method: clopper-pearson
    categories: [{id: s1, codes: [1]}, {id: s2, codes: [2]}, {id: s3, codes: [3]}]
    nets: [{id: top2, categories: [s3, s2]}]
`
	data := "id,sex,aware,attitude,scale\n" +
		"1,1,1,1,3\n" + // m: against, s3
		"2,1,1,2,2\n" + // m: consent, s2
		"3,2,1,3,1\n" + // f: fine, s1
		"4,2,1,1,3\n" + // f: against, s3
		"5,2,1,9,1\n" + // f: don't know (out of the attitude base's answers)
		"6,1,2,,2\n" + // m: not aware, not asked
		"7,2,1,4,\n" + // f: unsure, no answer on scale
		"8,1,1,2,3\n" // m: consent, s3
	_, tl := tallyStudyOf(t, src, data)
	est, err := tl.Estimates()
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ q, c, v string }
	got := map[key]Estimate{}
	for _, e := range est {
		got[key{e.Question, e.Category, e.SubgroupValue}] = e
	}
	// Counted by hand from the rows above.
	for _, c := range []struct {
		q, net, sub string
		x, n        float64
		method      string
	}{
		{"attitude", "reject", "", 4, 6, "wilson"}, // rows 1 2 4 8 of 1 2 3 4 7 8
		{"attitude", "open", "", 2, 6, "wilson"},   // rows 3 7
		{"attitude", "reject", "m", 3, 3, "wilson"},
		{"attitude", "reject", "f", 1, 3, "wilson"}, // rows 3 4 7
		{"scale", "top2", "", 5, 7, "clopper-pearson"},
		{"scale", "top2", "f", 1, 3, "clopper-pearson"}, // rows 3 4 5
	} {
		e, ok := got[key{c.q, c.net, c.sub}]
		if !ok {
			t.Errorf("%s=%s [%s]: no estimate", c.q, c.net, c.sub)
			continue
		}
		if e.Count != c.x || e.Base != c.n || math.Abs(e.Share-c.x/c.n) > 1e-15 || e.Method != c.method {
			t.Errorf("%s=%s [%s]: %v of %v = %v (%s), want %v of %v (%s)", c.q, c.net, c.sub, e.Count, e.Base, e.Share, e.Method, c.x, c.n, c.method)
		}
		var lo, hi float64
		if c.method == "wilson" {
			const z = 1.959963984540054
			p := c.x / c.n
			mid := (2*c.x + z*z) / (2 * (c.n + z*z))
			half := z * math.Sqrt(z*z+4*c.x*(1-p)) / (2 * (c.n + z*z))
			lo, hi = math.Max(0, mid-half), math.Min(1, mid+half)
		} else {
			iv, err := ClopperPearson(c.x, c.n, 0.95)
			if err != nil {
				t.Fatal(err)
			}
			lo, hi = iv.Lower, iv.Upper
		}
		if math.Abs(e.Lower-lo) > 1e-12 || math.Abs(e.Upper-hi) > 1e-12 || !(e.Lower <= e.Share && e.Share <= e.Upper) {
			t.Errorf("%s=%s [%s]: %v–%v, want %v–%v", c.q, c.net, c.sub, e.Lower, e.Upper, lo, hi)
		}
	}
	// A net is the sum of its categories, share for share.
	sum := got[key{"attitude", "against", ""}].Share + got[key{"attitude", "consent", ""}].Share
	if math.Abs(got[key{"attitude", "reject", ""}].Share-sum) > 1e-15 {
		t.Errorf("reject %v, against + consent %v", got[key{"attitude", "reject", ""}].Share, sum)
	}
}

const netsDesignStudy = `
id: nets
data: {file: responses.csv, id: id, weight: w, cluster: psu}
analysis: {level: %LEVEL%, design: %METHOD%}
subgroups: [sex]
questions:
  - id: sex
    categories: [{id: m, codes: [1]}, {id: f, codes: [2]}]
  - id: att
    categories: [{id: a1, codes: [1]}, {id: a2, codes: [2]}, {id: a3, codes: [3]}, {id: a4, codes: [4]}]
    missing: [9]
    nets:
      - {id: reject, categories: [a1, a2]}
      - {id: top, categories: [a3, a4]}
`

// TestTallyNetsDesignMatchesR: in a weighted, clustered sample a net's
// share, standard error and interval are R survey's svymean and svyciprop
// of the indicator "answer in the net" among the valid answers (reference
// values by scripts/nets/generate.R).
func TestTallyNetsDesignMatchesR(t *testing.T) {
	f, err := os.Open("testdata/nets/svyciprop.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	checked := 0
	for _, r := range recs[1:] {
		net, domain, level, method := r[0], r[1], r[2], r[3]
		share, se, lo, hi := num(r[4]), num(r[5]), num(r[6]), num(r[7])
		src := strings.NewReplacer("%LEVEL%", level, "%METHOD%", method).Replace(netsDesignStudy)
		s, err := survey.Parse(strings.NewReader(src), "nets.yaml")
		if err != nil {
			t.Fatal(err)
		}
		fd, err := os.Open("testdata/nets/responses.csv")
		if err != nil {
			t.Fatal(err)
		}
		tl := NewTally(s)
		err = survey.Scan(fd, s, "responses.csv", func(r *survey.Respondent) error { tl.Add(r); return nil })
		fd.Close()
		if err != nil {
			t.Fatal(err)
		}
		est, err := tl.Estimates()
		if err != nil {
			t.Fatal(err)
		}
		sub, val, _ := strings.Cut(domain, "=")
		if domain == "all" {
			sub, val = "", ""
		}
		var got *Estimate
		for i := range est {
			if e := &est[i]; e.Question == "att" && e.Category == net && e.Subgroup == sub && e.SubgroupValue == val {
				got = e
			}
		}
		if got == nil || got.Design == nil {
			t.Fatalf("%v: no design-based estimate", r)
		}
		if math.Abs(got.Share-share) > 1e-12 || math.Abs(got.Design.SE-se) > 1e-9 {
			t.Errorf("%v: share %v SE %v, R %v %v", r[:4], got.Share, got.Design.SE, share, se)
		}
		if math.Abs(got.Lower-lo) > 1e-7 || math.Abs(got.Upper-hi) > 1e-7 || got.Method != "svy-"+method {
			t.Errorf("%v: %v–%v (%s), R %v–%v", r[:4], got.Lower, got.Upper, got.Method, lo, hi)
		}
		checked++
	}
	if checked != 36 {
		t.Errorf("checked %d reference rows, want 36", checked)
	}
}

// TestComparisonsOfNets: a study comparison of a net between two groups
// and, paired, of a net against a category of another question, counted
// by hand.
func TestComparisonsOfNets(t *testing.T) {
	src := `
id: t
data: {file: r.csv, id: id}
subgroups: [sex]
questions:
  - id: sex
    categories: [{id: m, codes: [1]}, {id: f, codes: [2]}]
  - id: att
    categories: [{id: a, codes: [1]}, {id: b, codes: [2]}, {id: c, codes: [3]}]
    nets: [{id: ab, categories: [a, b]}]
  - id: other
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
comparisons:
  - {id: groups, a: att=ab, a_in: sex=m, b: att=ab, b_in: sex=f}
  - {id: paired, a: att=ab, b: other=yes}
`
	data := "id,sex,att,other\n" +
		"1,1,1,1\n" + // m, in net, yes
		"2,1,2,2\n" + // m, in net, no
		"3,1,3,1\n" + // m, not, yes
		"4,2,1,1\n" + // f, in net, yes
		"5,2,3,2\n" + // f, not, no
		"6,2,3,2\n" + // f, not, no
		"7,2,2,\n" // f, in net, no answer on other
	_, tl := tallyStudyOf(t, src, data)
	cs, err := tl.Comparisons()
	if err != nil {
		t.Fatal(err)
	}
	g := cs[0]
	if g.P1 != 2.0/3 || g.N1 != 3 || g.P2 != 2.0/4 || g.N2 != 4 {
		t.Errorf("groups: %v of %v against %v of %v", g.P1, g.N1, g.P2, g.N2)
	}
	want, _ := NewcombeDiff(2, 3, 2, 4, 0.95)
	if g.Interval != want {
		t.Errorf("groups interval %v, want %v", g.Interval, want)
	}
	// Paired, among rows 1–6: both (1, 4), net only (2), other only (3), neither (5, 6).
	if p := cs[1]; p.Table != [4]float64{2, 1, 1, 2} {
		t.Errorf("paired table %v", p.Table)
	}
}

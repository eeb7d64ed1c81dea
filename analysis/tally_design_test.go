package analysis

import (
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// apistratStudy describes R's apistrat data as a study file:
// svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc).
const apistratStudy = `
id: apistrat
data: {file: apistrat.csv, id: snum, weight: pw, strata: stype, fpc: fpc}
analysis: {level: %LEVEL%, design: %METHOD%, min_base: -1}
subgroups: [stype]
questions:
  - id: stype
    categories: [{id: e, codes: [E]}, {id: h, codes: [H]}, {id: m, codes: [M]}]
  - id: sch_wide
    column: sch.wide
    categories: [{id: "yes", codes: ["Yes"]}, {id: "no", codes: ["No"]}]
`

// TestTallyDesignMatchesR runs the whole path (study file, reader, tally
// with design accumulators, svyciprop intervals) on R's apistrat and
// compares with R's svyciprop for the share of sch.wide == "Yes", overall
// and in the domain stype == "H".
func TestTallyDesignMatchesR(t *testing.T) {
	refs := designCSV(t, "svyciprop.csv")
	domains := map[string]string{"d_all": "", "d_stypeH": "h"}
	checked := 0
	for _, ref := range refs {
		if ref["design"] != "strat" || ref["share"] != "y_schwide" || domains[ref["domain"]] == "" && ref["domain"] != "d_all" {
			continue
		}
		if ref["lower"] == "NA" || ref["lower"] == "NaN" {
			continue
		}
		src := strings.NewReplacer("%LEVEL%", ref["level"], "%METHOD%", ref["method"]).Replace(apistratStudy)
		s, err := survey.Parse(strings.NewReader(src), "apistrat.yaml")
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open("testdata/design/apistrat.csv")
		if err != nil {
			t.Fatal(err)
		}
		tl := NewTally(s)
		err = survey.Scan(f, s, "apistrat.csv", func(r *survey.Respondent) error { tl.Add(r); return nil })
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		est, err := tl.Estimates()
		if err != nil {
			t.Fatal(err)
		}
		sub, val := "", domains[ref["domain"]]
		if val != "" {
			sub = "stype"
		}
		var got *Estimate
		for i := range est {
			e := &est[i]
			if e.Question == "sch_wide" && e.Category == "yes" && e.Subgroup == sub && e.SubgroupValue == val {
				got = e
			}
		}
		if got == nil {
			t.Fatalf("no estimate for %v", ref)
		}
		lo, _ := strconv.ParseFloat(ref["lower"], 64)
		hi, _ := strconv.ParseFloat(ref["upper"], 64)
		tol := 1e-6
		if ref["method"] == "likelihood" {
			tol = 1e-8 // as in TestDesignIntervalR
		}
		if math.Abs(got.Lower-lo) > tol || math.Abs(got.Upper-hi) > tol {
			t.Errorf("%s %s %s: %v–%v, R %v–%v", ref["domain"], ref["method"], ref["level"], got.Lower, got.Upper, lo, hi)
		}
		if got.Method != "svy-"+ref["method"] || got.Design == nil || got.Deff != got.Design.DeffReplace ||
			math.Abs(got.NEff-float64(got.Design.NObs)/got.Deff) > 1e-9*got.NEff {
			t.Errorf("%s: method %q deff %v n_eff %v, want R's deff (replace) and n/deff", ref["domain"], got.Method, got.Deff, got.NEff)
		}
		checked++
	}
	if checked < 30 {
		t.Fatalf("checked %d reference rows, want 36", checked)
	}
}

// TestTallyDesignCells: counting identical respondents once (ScanCells)
// gives the same design-based estimates as reading row by row, on R's
// apistrat, whose weights repeat within strata.
func TestTallyDesignCells(t *testing.T) {
	src := strings.NewReplacer("%LEVEL%", "0.95", "%METHOD%", "logit").Replace(apistratStudy)
	s, err := survey.Parse(strings.NewReader(src), "apistrat.yaml")
	if err != nil {
		t.Fatal(err)
	}
	run := func(scan func(io.Reader, *survey.Study, string, func(*survey.Respondent) error) error) []Estimate {
		f, err := os.Open("testdata/design/apistrat.csv")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		tl := NewTally(s)
		if err := scan(f, s, "apistrat.csv", func(r *survey.Respondent) error { tl.Add(r); return nil }); err != nil {
			t.Fatal(err)
		}
		est, err := tl.Estimates()
		if err != nil {
			t.Fatal(err)
		}
		return est
	}
	rows, cells := run(survey.Scan), run(survey.ScanCells)
	if len(rows) != len(cells) || len(rows) == 0 {
		t.Fatalf("%d and %d estimates", len(rows), len(cells))
	}
	for i := range rows {
		a, b := rows[i], cells[i]
		for _, p := range [][2]float64{{a.Share, b.Share}, {a.Lower, b.Lower}, {a.Upper, b.Upper}, {a.Deff, b.Deff}, {a.NEff, b.NEff}, {a.Design.SE, b.Design.SE}} {
			if math.Abs(p[0]-p[1]) > 1e-12 {
				t.Errorf("%s=%s %s=%s: rows %+v, cells %+v", a.Question, a.Category, a.Subgroup, a.SubgroupValue, a, b)
				break
			}
		}
	}
}

// TestTallyDesignComparisonsR runs comparisons through the study file on
// R's apistrat and checks them against svycontrast (svydiff.csv): sch.wide
// between school types H and M (independent groups), and sch.wide against
// awards among all schools (paired).
func TestTallyDesignComparisonsR(t *testing.T) {
	src := strings.NewReplacer("%LEVEL%", "0.95", "%METHOD%", "logit").Replace(apistratStudy) + `
  - id: awards
    categories: [{id: "yes", codes: ["Yes"]}, {id: "no", codes: ["No"]}]
comparisons:
  - {id: groups_stype, a: sch_wide=yes, b: sch_wide=yes, a_in: stype=h, b_in: stype=m}
  - {id: paired_all, a: sch_wide=yes, b: awards=yes}
`
	s, err := survey.Parse(strings.NewReader(src), "apistrat.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/design/apistrat.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tl := NewTally(s)
	if err := survey.ScanCells(f, s, "apistrat.csv", func(r *survey.Respondent) error { tl.Add(r); return nil }); err != nil {
		t.Fatal(err)
	}
	got, err := tl.Comparisons()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{}
	for _, r := range designCSV(t, "svydiff.csv") {
		if r["design"] == "strat" {
			want[r["case"]] = r
		}
	}
	if len(got) != 2 {
		t.Fatalf("%d comparisons", len(got))
	}
	for _, c := range got {
		w := want[c.ID]
		if w == nil || c.Method != "svy-wald" || !designClose(c.Diff, designNum(t, w["diff"]), 1e-9) ||
			!designClose(c.Design.SE, designNum(t, w["se"]), 1e-9) ||
			!designClose(c.Lower, designNum(t, w["lower"]), 1e-9) || !designClose(c.Upper, designNum(t, w["upper"]), 1e-9) ||
			!designClose(c.Test.PValue, designNum(t, w["p"]), 1e-9) {
			t.Errorf("%s: %+v %+v; R %v", c.ID, c, c.Design, w)
		}
	}
}

// TestTallyDesignNoDF: a subgroup whose respondents leave no degrees of
// freedom (one in each of two strata), where R's svyciprop gives NA, is
// suppressed with the interval [0, 1] instead of stopping the analysis;
// the overall estimates are unaffected.
func TestTallyDesignNoDF(t *testing.T) {
	const study = `
id: nodf
data: {file: d.csv, id: id, weight: w, strata: st}
analysis: {min_base: -1}
subgroups: [grp]
questions:
  - id: grp
    categories: [{id: common, codes: [1]}, {id: rare, codes: [2]}]
  - id: y
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
`
	var b strings.Builder
	b.WriteString("id,w,st,grp,y\n")
	for i := 0; i < 40; i++ {
		grp := 1
		if i == 0 || i == 39 {
			grp = 2
		}
		fmt.Fprintf(&b, "r%d,%d,s%d,%d,%d\n", i, 1+i%3, i/20, grp, 1+i%2)
	}
	_, tl := tallyStudyOf(t, study, b.String())
	est, err := tl.Estimates()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range est {
		if e.Question != "y" {
			continue
		}
		rare := e.SubgroupValue == "rare"
		if rare != e.Suppressed || rare != (e.Lower == 0 && e.Upper == 1) || e.Design == nil || (rare && e.Design.DF != 0) {
			t.Errorf("%s=%s among %s: suppressed %v, [%v, %v], %+v", e.Question, e.Category, e.SubgroupValue, e.Suppressed, e.Lower, e.Upper, e.Design)
		}
		seen++
	}
	if seen != 6 {
		t.Errorf("%d estimates of y", seen)
	}
}

// TestTallyDesignSingleRespondent (issue 13, item 6): in a weighted study,
// a question asked of a single respondent leaves its design-based
// interval no degrees of freedom (R's svyciprop gives NA). The estimate is
// suppressed with reason no-df and the interval [0, 1], overall as in
// subgroups, instead of stopping the analysis; the other questions keep
// their intervals.
func TestTallyDesignSingleRespondent(t *testing.T) {
	const study = `
id: single
data: {file: d.csv, id: id, weight: w}
analysis: {min_base: -1}
subgroups: [grp]
questions:
  - id: grp
    categories: [{id: common, codes: [1]}, {id: rare, codes: [2]}]
  - id: follow
    base: {when: grp == rare}
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
  - id: y
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
`
	var b strings.Builder
	b.WriteString("id,w,grp,follow,y\n")
	for i := 0; i < 40; i++ {
		if i == 7 {
			fmt.Fprintf(&b, "r%d,%d,2,1,%d\n", i, 1+i%3, 1+i%2)
			continue
		}
		fmt.Fprintf(&b, "r%d,%d,1,,%d\n", i, 1+i%3, 1+i%2)
	}
	_, tl := tallyStudyOf(t, study, b.String())
	est, err := tl.Estimates()
	if err != nil {
		t.Fatalf("one question of one respondent stopped the analysis: %v", err)
	}
	follow := 0
	for _, e := range est {
		single := e.Question == "follow" || e.Question == "y" && e.SubgroupValue == "rare"
		if single {
			follow++
			if !e.Suppressed || e.Reason != ReasonNoDF || e.Lower != 0 || e.Upper != 1 || e.Share != e.Count/e.Base {
				t.Errorf("%s=%s among %q: suppressed %v (%q), share %v, [%v, %v]", e.Question, e.Category, e.SubgroupValue, e.Suppressed, e.Reason, e.Share, e.Lower, e.Upper)
			}
			continue
		}
		if e.Suppressed || e.Reason != "" || !(e.Lower > 0 && e.Upper < 1) {
			t.Errorf("%s=%s among %q: suppressed %v (%q), [%v, %v]", e.Question, e.Category, e.SubgroupValue, e.Suppressed, e.Reason, e.Lower, e.Upper)
		}
	}
	if follow == 0 {
		t.Error("no estimate of the single-respondent question")
	}
}

// TestTallyDesignFields (issue 13, item 4): every design column declared
// in a study file changes the estimates. Each case declares one field on
// the same data and compares the interval of y = yes with the plain
// (undeclared) one; the fpc case is also checked against R:
// svyciprop(~y, svydesign(ids = ~1, fpc = ~N, data = d)) for 90 of 271
// sampled from 5,000 gives [0.2796693812, 0.3890582494].
func TestTallyDesignFields(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,w,st,cl,N,y\n")
	for i := 0; i < 271; i++ {
		y := 2
		if i < 90 {
			y = 1
		}
		// Strata and clusters correlated with y, weights varying with y.
		fmt.Fprintf(&b, "r%d,%d,s%d,c%d,5000,%d\n", i, 1+(i%4)*(y%2+1), i*3/271, i/9, y)
	}
	data := b.String()
	interval := func(t *testing.T, decl string) Estimate {
		t.Helper()
		study := "id: f\ndata: {file: d.csv, id: id" + decl + "}\nanalysis: {min_base: -1}\n" +
			"questions:\n  - id: y\n    categories: [{id: \"yes\", codes: [1]}, {id: \"no\", codes: [2]}]\n"
		_, tl := tallyStudyOf(t, study, data)
		est, err := tl.Estimates()
		if err != nil {
			t.Fatal(err)
		}
		return est[0]
	}
	plain := interval(t, "")
	for _, c := range []struct{ field, decl string }{
		{"weight", ", weight: w"},
		{"strata", ", strata: st"},
		{"cluster", ", cluster: cl"},
		{"fpc", ", fpc: N"},
	} {
		t.Run(c.field, func(t *testing.T) {
			e := interval(t, c.decl)
			if e.Design == nil || e.Lower == plain.Lower && e.Upper == plain.Upper && e.Share == plain.Share {
				t.Errorf("declaring %s changes nothing: %+v", c.field, e)
			}
			if c.field == "fpc" && (math.Abs(e.Lower-0.2796693812) > 1e-9 || math.Abs(e.Upper-0.3890582494) > 1e-9) {
				t.Errorf("fpc alone: [%.10f, %.10f], R [0.2796693812, 0.3890582494]", e.Lower, e.Upper)
			}
		})
	}
}

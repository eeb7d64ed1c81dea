package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

const tallyStudy = `
id: t
data: {file: r.csv, id: id}
subgroups: [sex]
questions:
  - id: sex
    categories: [{id: m, codes: [1]}, {id: f, codes: [2]}]
  - id: aware
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
    missing: [9]
  - id: attitude
    base: {when: aware == yes}
    categories: [{id: approve, codes: [1]}, {id: oppose, codes: [2]}]
    missing: [9]
`

// tallyOf tallies the respondent CSV data of tallyStudy.
func tallyOf(t *testing.T, data string) (*survey.Study, *Tally) {
	t.Helper()
	return tallyStudyOf(t, tallyStudy, data)
}

// tallyStudyOf parses the study file text study and tallies the
// respondent CSV text data with it, failing the test on any error.
func tallyStudyOf(t *testing.T, study, data string) (*survey.Study, *Tally) {
	t.Helper()
	s, err := survey.Parse(strings.NewReader(study), "study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tl := NewTally(s)
	if err := survey.Scan(strings.NewReader(data), s, "r.csv", func(r *survey.Respondent) error { tl.Add(r); return nil }); err != nil {
		t.Fatal(err)
	}
	return s, tl
}

func TestTallyEstimatesAndAccounting(t *testing.T) {
	data := "id,sex,aware,attitude\n" +
		"1,1,1,1\n" +
		"2,1,1,2\n" +
		"3,2,1,2\n" +
		"4,2,2,\n" +
		"5,2,9,\n" +
		"6,1,1,9\n" +
		"7,2,1,\n" +
		"8,,1,2\n"
	_, tl := tallyOf(t, data)
	est, err := tl.Estimates()
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ q, c, g, v string }
	got := map[key]Estimate{}
	for _, e := range est {
		got[key{e.Question, e.Category, e.Subgroup, e.SubgroupValue}] = e
	}
	tests := []struct {
		k        key
		base, x  float64
		wantRows bool
	}{
		{key{"aware", "yes", "", ""}, 7, 6, true},            // row 5 has the missing code
		{key{"attitude", "oppose", "", ""}, 4, 3, true},      // rows 2, 3, 8 of the 6 aware; 6 missing, 7 empty
		{key{"attitude", "approve", "sex", "m"}, 2, 1, true}, // rows 1, 2
		{key{"attitude", "oppose", "sex", "f"}, 1, 1, true},  // row 3
		{key{"sex", "m", "sex", "m"}, 0, 0, false},           // no question by itself
	}
	for _, tt := range tests {
		e, ok := got[tt.k]
		if ok != tt.wantRows {
			t.Errorf("%v present = %v, want %v", tt.k, ok, tt.wantRows)
			continue
		}
		if !ok {
			continue
		}
		if e.Base != tt.base || e.Count != tt.x || e.Share != tt.x/tt.base {
			t.Errorf("%v: base %v count %v share %v, want %v/%v", tt.k, e.Base, e.Count, e.Share, tt.x, tt.base)
		}
		w, _ := Wilson(tt.x, tt.base, 0.95)
		if !e.Suppressed || e.Deff != 1 || e.NEff != e.Base {
			t.Errorf("%v: base %v under the default minimum of 30 must be suppressed (deff %v, n_eff %v)", tt.k, e.Base, e.Deff, e.NEff)
		}
		if e.Lower != w.Lower || e.Upper != w.Upper || e.Method != "wilson" || e.Level != 0.95 {
			t.Errorf("%v: interval %v–%v %s %v", tt.k, e.Lower, e.Upper, e.Method, e.Level)
		}
	}
	if tl.Rows() != 8 {
		t.Errorf("rows %d", tl.Rows())
	}
	for _, a := range tl.Accounting() {
		if a.OutsideBase+a.InBase != 8 || a.Used+a.Missing+a.NoAnswer != a.InBase {
			t.Errorf("%s: accounting does not add up: %+v", a.Question, a)
		}
		if a.Question == "attitude" && (a.OutsideBase != 2 || a.Used != 4 || a.Missing != 1 || a.NoAnswer != 1) {
			t.Errorf("attitude accounting %+v", a)
		}
	}
}

func TestTallyEmptyBase(t *testing.T) {
	_, tl := tallyOf(t, "id,sex,aware,attitude\n1,1,2,\n2,2,2,\n")
	_, err := tl.Estimates()
	if err == nil || !strings.Contains(err.Error(), `question "attitude": no respondent in its base`) {
		t.Errorf("error %v", err)
	}
}

func TestWilsonClosedForm(t *testing.T) {
	// Independent evaluation of the closed form at z = 1.959963984540054.
	const z = 1.959963984540054
	for _, c := range [][2]float64{{81, 263}, {750, 1000}, {52, 750}, {1, 29}, {0, 20}, {20, 20}} {
		x, n := c[0], c[1]
		p := x / n
		mid := (2*x + z*z) / (2 * (n + z*z))
		half := z * math.Sqrt(z*z+4*x*(1-p)) / (2 * (n + z*z))
		got, err := Wilson(x, n, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.Lower-math.Max(0, mid-half)) > 1e-12 || math.Abs(got.Upper-math.Min(1, mid+half)) > 1e-12 {
			t.Errorf("Wilson(%v, %v) = %v, want %v–%v", x, n, got, mid-half, mid+half)
		}
	}
}

func TestTallyDerived(t *testing.T) {
	src := tallyStudy + `
derived:
  - id: aware_oppose
    when: aware == yes and attitude == oppose
  - id: men_aware
    when: aware == yes
    base: {when: sex == m}
`
	data := "id,sex,aware,attitude\n" +
		"1,1,1,2\n" + // aware, oppose
		"2,1,1,1\n" + // aware, approve
		"3,2,2,\n" + // not aware: attitude not asked → event false
		"4,2,1,9\n" + // aware, attitude "don't know" → unknown, left out
		"5,1,9,\n" + // awareness unknown → left out of both
		"6,2,1,2\n" // aware, oppose
	_, tl := tallyStudyOf(t, src, data)
	est, err := tl.Estimates()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]float64{"aware_oppose": {2, 4}, "men_aware": {2, 2}}
	for _, e := range est {
		w, ok := want[e.Question]
		if !ok || e.Subgroup != "" {
			continue
		}
		if e.Category != survey.DerivedCategory || e.Count != w[0] || e.Base != w[1] {
			t.Errorf("%s: %v of %v (category %q), want %v of %v", e.Question, e.Count, e.Base, e.Category, w[0], w[1])
		}
		delete(want, e.Question)
	}
	if len(want) > 0 {
		t.Errorf("no overall rows for %v", want)
	}
}

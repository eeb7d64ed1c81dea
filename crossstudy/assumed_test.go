package crossstudy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSharesForDiff(t *testing.T) {
	for _, tc := range []struct {
		a, b, diff float64
		sa, sb     string
		exact      bool
	}{
		// 43.0% and 39.0% would read as +4.0; two decimals give +3.92.
		{0.4296, 0.3904, 0.0392, "42.96%", "39.04%", true},
		{0.16, 0.21, -0.05, "16.0%", "21.0%", true},
		// Inconsistent on purpose: no rounding makes 10 points of 20.
		{0.5, 0.4, 0.2, "50.0%", "40.0%", false},
	} {
		sa, sb, exact := sharesForDiff(tc.a, tc.b, tc.diff, "en")
		if sa != tc.sa || sb != tc.sb || exact != tc.exact {
			t.Errorf("%v − %v = %v: %s, %s, exact %v; want %s, %s, %v", tc.a, tc.b, tc.diff, sa, sb, exact, tc.sa, tc.sb, tc.exact)
		}
	}
}

// TestAssumedAcrossSurveys: an n that follows from an assumed base is
// marked "(assumed)" in the Estimates table, the chart's base line and
// points, and estimates.csv, as in the study's own report; a difference
// between reconstructed studies says it is computed at the reconstructed
// counts; empty fieldwork reads "not stated".
func TestAssumedAcrossSurveys(t *testing.T) {
	dir := t.TempDir()
	study := func(id string) string {
		return `id: ` + id + `
data_status: reconstructed
data: {table: table.csv}
questions:
  - id: q
    label: Attitude
    categories: [{id: "yes", label: "Yes"}, {id: "no", label: "No"}]
`
	}
	files := map[string]string{
		"a/study.yaml": study("a"),
		"a/table.csv":  "question,category,percent,decimals,base,n_assumed\nq,yes,21,0,1012,false\nq,no,rest,0,1012,false\n",
		"b/study.yaml": study("b"),
		"b/table.csv":  "question,category,percent,decimals,base,n_assumed\nq,yes,16,0,2500,true\nq,no,rest,0,2500,true\n",
		"c.yaml": `id: c
title: Waves
studies: [{file: a/study.yaml, label: "2024"}, {file: b/study.yaml, label: "2025"}]
items: [{id: yes, item: q=yes}]
charts: [{id: d, kind: dumbbell}]
`,
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := Load(filepath.Join(dir, "c.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(f)
	if err != nil {
		t.Fatal(err)
	}
	rows := r.EstimateRows()
	if len(rows) != 2 || rows[0].NAssumed || !rows[1].NAssumed {
		t.Errorf("estimates.csv n_assumed: %+v", rows)
	}
	d := r.document("en", nil)
	if got := d.Estimates.Rows[1][3]; got != "2,500 (assumed)" {
		t.Errorf("n of the assumed survey %q", got)
	}
	if got := d.Estimates.Rows[0][3]; got != "1,012" {
		t.Errorf("n of the counted survey %q", got)
	}
	if got := d.Surveys.Rows[0][4]; got != "not stated" {
		t.Errorf("fieldwork %q", got)
	}
	if !strings.Contains(d.DiffIntro, "computed at the reconstructed counts") {
		t.Errorf("differences intro %q", d.DiffIntro)
	}
	ch, err := r.Charts("en")
	if err != nil {
		t.Fatal(err)
	}
	if p := ch[0].Series[0].Points; !p[1].NAssumed || p[0].NAssumed || !strings.Contains(ch[0].Base, "2025: n = 2,500 (assumed)") {
		t.Errorf("chart base %q, points %+v", ch[0].Base, p)
	}
}

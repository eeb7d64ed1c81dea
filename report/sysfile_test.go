package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// TestSystemFileResults analyses the shipped study and the hard cases
// from the SPSS and Stata files that GNU PSPP and R haven made of their
// CSVs (scripts/fixtures/generate.sh) and expects results files
// byte-identical to those of the CSV.
func TestSystemFileResults(t *testing.T) {
	fixtures, err := filepath.Abs("../survey/testdata/sysfile")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		study string
		files []string
	}{
		{"../data/noyb-de-2025/study.yaml", []string{"noyb.sav", "noyb.zsav", "noyb.dta"}},
		{"../survey/testdata/sysfile/hard.yaml", []string{"hard.sav", "hard.zsav", "hard_unc.sav", "hard_1252.sav", "hard.dta", "hard_117.dta", "hard_114.dta", "hard_113.dta", "hard_haven.sav", "hard_haven.zsav"}},
	}
	files := func(t *testing.T, s *survey.Study) map[string][]byte {
		t.Helper()
		r, err := Analyse(s)
		if err != nil {
			t.Fatal(err)
		}
		rows := Rows(s.ID, r.Estimates)
		out := map[string][]byte{}
		if out["results.csv"], err = resultsCSV(rows); err != nil {
			t.Fatal(err)
		}
		if out["results.json"], err = resultsJSON(r, rows); err != nil {
			t.Fatal(err)
		}
		claims, comps, indep := testRows(r)
		if out["claims.csv"], err = tableCSV(claims); err != nil {
			t.Fatal(err)
		}
		if out["comparisons.csv"], err = tableCSV(comps); err != nil {
			t.Fatal(err)
		}
		if out["independence.csv"], err = tableCSV(indep); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, tt := range tests {
		s, err := survey.Load(tt.study)
		if err != nil {
			t.Fatal(err)
		}
		want := files(t, s)
		if len(want["results.csv"]) < 200 {
			t.Fatalf("%s: results.csv of %d bytes", tt.study, len(want["results.csv"]))
		}
		for _, f := range tt.files {
			t.Run(f, func(t *testing.T) {
				c := *s
				c.Data.File = filepath.Join(fixtures, f)
				for name, got := range files(t, &c) {
					if !bytes.Equal(got, want[name]) {
						t.Errorf("%s differs from the CSV route", name)
					}
				}
			})
		}
	}
}

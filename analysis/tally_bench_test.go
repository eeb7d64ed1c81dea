package analysis

import (
	"os"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// benchmarkTallyAdd adds the shipped study's 1,000 respondents, one at a
// time; with independence false the study's Rao–Scott tests are dropped,
// which leaves the counts every share is computed from.
func benchmarkTallyAdd(b *testing.B, independence bool) {
	s, err := survey.Load("../data/noyb-de-2025/study.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if !independence {
		s.Analysis.Independence = nil
	}
	f, err := os.Open(s.DataPath())
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var rows []survey.Respondent
	if err := survey.Scan(f, s, "responses.csv", func(r *survey.Respondent) error {
		c := *r
		c.Values = append([]int(nil), r.Values...)
		c.Ignored = append([]bool(nil), r.Ignored...)
		rows = append(rows, c)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	t := NewTally(s)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t.Add(&rows[i%len(rows)])
	}
}

// BenchmarkTallyAdd is the cost of one respondent in the tally of shares.
func BenchmarkTallyAdd(b *testing.B) { benchmarkTallyAdd(b, false) }

// BenchmarkTallyAddIndependence adds the study's Rao–Scott tables.
func BenchmarkTallyAddIndependence(b *testing.B) { benchmarkTallyAdd(b, true) }

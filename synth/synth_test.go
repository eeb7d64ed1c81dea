package synth

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

var update = flag.Bool("update", false, "rewrite the shipped synthetic respondent files")

// TestShippedFilesAreCurrent checks that every shipped synthetic respondent
// file is exactly what Generate produces from its study file, so the data in
// the repository can be re-created byte for byte.
func TestShippedFilesAreCurrent(t *testing.T) {
	s, err := survey.Load("../data/noyb-de-2025/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := Generate(&a, s); err != nil {
		t.Fatal(err)
	}
	if err := Generate(&b, s); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs of Generate differ")
	}
	if *update {
		if err := os.WriteFile(s.DataPath(), a.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(StampPath(s.DataPath()), Stamp(s.DataPath(), a.Bytes()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shipped, err := os.ReadFile(s.DataPath())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shipped, a.Bytes()) {
		t.Errorf("%s differs from what `surveystat synth` generates; run make synth (or go test ./synth -update)", s.DataPath())
	}
	if lines := strings.Count(a.String(), "\n"); lines != 1001 {
		t.Errorf("%d lines, want header + 1000 rows", lines)
	}
}

// TestReproducesPublished reads the generated file back and checks every
// primary published figure at its published rounding.
func TestReproducesPublished(t *testing.T) {
	s, err := survey.Load("../data/noyb-de-2025/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Generate(&buf, s); err != nil {
		t.Fatal(err)
	}
	tally := analysis.NewTally(s)
	if err := survey.Scan(&buf, s, "synthetic", func(r *survey.Respondent) error { tally.Add(r); return nil }); err != nil {
		t.Fatal(err)
	}
	est, err := tally.Estimates()
	if err != nil {
		t.Fatal(err)
	}
	figs, err := s.LoadPublished()
	if err != nil {
		t.Fatal(err)
	}
	primary := 0
	for _, f := range figs {
		if f.Status == "primary" {
			primary++
		}
	}
	if primary < 10 {
		t.Fatalf("only %d primary figures", primary)
	}
	if m := analysis.CheckPublished(figs, est); len(m) > 0 {
		t.Error(analysis.MismatchError(m))
	}
}

const small = `
id: s
data: {file: r.csv, id: id}
questions:
  - id: a
    categories: [{id: x, codes: [1]}, {id: y, codes: [2]}]
  - id: b
    base: {when: a == x}
    categories: [{id: p, codes: [1]}, {id: q, codes: [2]}]
synth:
  seed: 1
  rows: 10
  variables:
    - {question: a, counts: {x: 6, y: 4}}
    - {question: b, counts: {p: 2, q: 4}}
`

func TestGenerateCounts(t *testing.T) {
	s, err := survey.Parse(strings.NewReader(small), "s.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Generate(&buf, s); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	err = survey.Scan(&buf, s, "s", func(r *survey.Respondent) error {
		got["a"+s.Questions[0].Categories[r.Values[0]].ID]++
		if v := r.Values[1]; v >= 0 {
			got["b"+s.Questions[1].Categories[v].ID]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"ax": 6, "ay": 4, "bp": 2, "bq": 4}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d, want %d", k, got[k], v)
		}
	}
}

func TestGenerateCountMismatch(t *testing.T) {
	src := strings.Replace(small, "{p: 2, q: 4}", "{p: 2, q: 3}", 1)
	s, err := survey.Parse(strings.NewReader(src), "s.yaml")
	if err != nil {
		t.Fatal(err)
	}
	err = Generate(&bytes.Buffer{}, s)
	if err == nil || !strings.Contains(err.Error(), "counts add up to 5, but 6 respondents are in the base") {
		t.Errorf("error %v", err)
	}
}

func TestUniformIsUnbiasedEnough(t *testing.T) {
	// Every value of a small range is reachable and none dominates.
	a := []int{0, 1, 2, 3, 4}
	seen := map[int]int{}
	for seed := uint64(0); seed < 2000; seed++ {
		b := append([]int(nil), a...)
		shuffle(newRand(seed), b)
		seen[b[0]]++
	}
	for v := range a {
		if seen[v] < 300 || seen[v] > 500 {
			t.Errorf("value %d first %d times in 2000 shuffles, want about 400", v, seen[v])
		}
	}
}

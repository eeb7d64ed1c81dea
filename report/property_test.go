package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// randomStudy writes a random study (study.yaml and responses.csv) into
// dir: random size, weights or none, interval method, design method,
// level, small-cell rule, "don't know" answers and empty cells, a
// question with a base, a subgroup and a derived estimate, used in
// headlines, claims and charts.
func randomStudy(t *testing.T, rng *rand.Rand, dir string) string {
	t.Helper()
	methods := analysis.MethodNames()
	designs := analysis.DesignMethodNames()
	levels := []float64{0.8, 0.9, 0.95, 0.99, 0.995}
	weighted := rng.IntN(3) == 0
	n := 40 + rng.IntN(260)
	var data bytes.Buffer
	data.WriteString("id,g,q1,q2")
	if weighted {
		data.WriteString(",w")
	}
	data.WriteString("\n")
	for i := range n {
		g := 1 + rng.IntN(2)
		q1 := []string{"1", "2", "3", "9", ""}[rng.IntN(5)]
		q2 := ""
		if q1 == "1" {
			q2 = []string{"1", "2", "9"}[rng.IntN(3)]
		}
		fmt.Fprintf(&data, "r%d,%d,%s,%s", i, g, q1, q2)
		if weighted {
			fmt.Fprintf(&data, ",%.3f", 0.5+1.5*rng.Float64())
		}
		data.WriteString("\n")
	}
	weight := ""
	if weighted {
		weight = "  weight: w\n"
	}
	study := fmt.Sprintf(`id: random
title: {en: Random study, de: Zufallsstudie, nl: Willekeurig onderzoek}
metadata:
  sample_size: %d
  sample_size_assumed: %v
data:
  file: responses.csv
  id: id
%sanalysis:
  level: %v
  method: %s
  design: %s
  min_base: %d
subgroups: [g]
headlines: [q1=a, q2=y, d1]
questions:
  - id: g
    label: {en: Group, de: Gruppe, nl: Groep}
    categories:
      - {id: g1, codes: [1], label: Group 1}
      - {id: g2, codes: [2], label: Group 2}
  - id: q1
    label: {en: First, de: Erste, nl: Eerste}
    categories:
      - {id: a, codes: [1], label: A}
      - {id: b, codes: [2], label: B}
      - {id: c, codes: [3], label: C}
    missing: [9]
  - id: q2
    label: {en: Second, de: Zweite, nl: Tweede}
    method: %s
    base:
      when: q1 == a
      description: {en: people who said A, de: Personen mit Antwort A, nl: mensen die A zeiden}
    categories:
      - {id: "y", codes: [1], label: "Y"}
      - {id: "n", codes: [2], label: "N"}
    missing: [9]
derived:
  - id: d1
    label: {en: A and Y, de: A und Y, nl: A en Y}
    when: q1 == a and q2 == y
claims:
  - {id: c1, item: q1=a, op: ">", value: 0.2, text: {en: Claim one., de: Aussage eins., nl: Bewering een.}}
  - {id: c2, item: d1, op: "<", value: 0.9, text: {en: Claim two., de: Aussage zwei., nl: Bewering twee.}}
charts:
  - {id: one, kind: bars, items: [q1]}
  - {id: two, kind: forest, items: [q2=y], by: g}
  - {id: three, kind: bars, items: [d1, q2=y]}
  - {id: four, kind: funnel, items: [q2=y]}
`, n, rng.IntN(2) == 0, weight, levels[rng.IntN(len(levels))], methods[rng.IntN(len(methods))],
		designs[rng.IntN(len(designs))], []int{-1, 10, 30}[rng.IntN(3)], methods[rng.IntN(len(methods))])
	if err := os.WriteFile(filepath.Join(dir, "responses.csv"), data.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "study.yaml")
	if err := os.WriteFile(p, []byte(study), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// csvRow is one row of results.csv as written.
type csvRow map[string]string

// resultsRows renders results.csv for r and reads it back.
func resultsRows(t *testing.T, r *Result) map[string]csvRow {
	t.Helper()
	b, err := resultsCSV(Rows(r.Study.ID, r.Estimates))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]csvRow{}
	for _, rec := range recs[1:] {
		row := csvRow{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		out[row["question"]+"="+row["category"]+"|"+row["subgroup"]+"="+row["subgroup_value"]] = row
	}
	return out
}

// TestPropertyNamedEqualsResults draws random studies and checks that
// every method, level, base n and interval named in the report, the
// charts and their alt text is the one results.csv holds for that
// estimate.
func TestPropertyNamedEqualsResults(t *testing.T) {
	for seed := range uint64(24) {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 12))
			s, err := survey.Load(randomStudy(t, rng, t.TempDir()))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Analyse(s)
			if err != nil {
				t.Fatal(err)
			}
			rows := resultsRows(t, r)
			overall := func(q, c string) csvRow {
				row, ok := rows[q+"="+c+"|="]
				if !ok {
					t.Fatalf("results.csv has no row %s=%s", q, c)
				}
				return row
			}
			for _, lang := range Langs() {
				checkNamed(t, r, lang, rows, overall)
			}
		})
	}
}

func checkNamed(t *testing.T, r *Result, lang string, rows map[string]csvRow, overall func(q, c string) csvRow) {
	t.Helper()
	s := r.Study
	ms, err := loadMessages(lang)
	if err != nil {
		t.Fatal(err)
	}
	f := func(row csvRow, k string) float64 {
		v, err := strconv.ParseFloat(row[k], 64)
		if err != nil {
			t.Fatalf("results.csv %s %q: %v", k, row[k], err)
		}
		return v
	}
	nText := func(row csvRow) string {
		n := Count(f(row, "base"), lang)
		if row["n_assumed"] == "true" {
			n = ms.T("n_assumed", "n", n)
		}
		return n
	}
	// The level as running text writes it ("95 %") or, in a German
	// compound, "95-%-KI".
	level := func(row csvRow) string { return levelText(f(row, "level"), lang) }
	compound := func(text string) string { return strings.ReplaceAll(text, "-%-", "\u00a0%-") }
	method := func(row csvRow) string { return figures.MethodName(row["method"], lang) }
	contains := func(where, text, want string) {
		t.Helper()
		if !strings.Contains(text, want) && !strings.Contains(compound(text), want) {
			t.Errorf("%s (%s): %q does not name %q", where, lang, text, want)
		}
	}

	charts, _, err := Charts(r, lang)
	if err != nil {
		t.Fatal(err)
	}
	d := buildDocument(r, ms, nil)

	// The estimates tables and the methods section.
	for _, blk := range d.Estimates {
		q := s.Question(blk.ID)
		for i, c := range q.Categories {
			row := overall(q.ID, c.ID)
			cells := blk.Table.Rows[i]
			if cells[1] != nText(row) {
				t.Errorf("%s=%s (%s): base n cell %q, results.csv %s", q.ID, c.ID, lang, cells[1], row["base"])
			}
			contains("base line of "+q.ID, blk.BaseLine, nText(row))
			contains("CI header of "+q.ID, strings.Join(blk.Table.Header, " "), level(row))
			if row["suppressed"] == "false" {
				if want := percentRange(f(row, "lower"), f(row, "upper"), 1, lang); cells[4] != want {
					t.Errorf("%s=%s (%s): interval %q, results.csv %s", q.ID, c.ID, lang, cells[4], want)
				}
			}
			contains("methods section", d.Methods, method(row))
			contains("methods section", d.Methods, level(row))
		}
	}
	// Headlines: q1=a, q2=y and d1, in that order; a suppressed one with
	// its reason and base instead of its share.
	if len(d.Headlines) != 3 {
		t.Fatalf("%s: %d headlines, want 3", lang, len(d.Headlines))
	}
	for hi, it := range [][2]string{{"q1", "a"}, {"q2", "y"}, {"d1", "yes"}} {
		row := overall(it[0], it[1])
		h := d.Headlines[hi]
		contains("headline "+it[0], h, nText(row))
		if row["suppressed"] == "true" {
			reason := ms.T("suppressed_" + strings.ReplaceAll(row["suppressed_reason"], "-", "_"))
			if row["suppressed_reason"] == "min-base" {
				reason = ms.T("suppressed", "min", Count(float64(s.Analysis.MinBase), lang))
			}
			contains("headline "+it[0], h, reason)
			continue
		}
		contains("headline "+it[0], h, level(row))
		contains("headline "+it[0], h, percentRange(f(row, "lower"), f(row, "upper"), 1, lang))
	}
	// Claims: the sentence names the estimate's n, level and method.
	for i, c := range r.Claims {
		q, cat := c.Claim.Target()
		if cat == "" {
			cat = survey.DerivedCategory
		}
		row := overall(q, cat)
		contains("claim "+c.Claim.ID, d.ClaimLines[i], nText(row))
		contains("claim "+c.Claim.ID, d.ClaimLines[i], level(row))
		contains("claim "+c.Claim.ID, d.ClaimLines[i], method(row))
		if d.Claims.Rows[i][2] != nText(row) {
			t.Errorf("claim %s (%s): n cell %q, results.csv %s", c.Claim.ID, lang, d.Claims.Rows[i][2], row["base"])
		}
	}
	// Charts: the method line is that of the estimates shown; the base
	// line names their n; the alt text repeats both.
	items := map[string][][2]string{
		"one":   {{"q1", "a"}, {"q1", "b"}, {"q1", "c"}},
		"two":   {{"q2", "y"}},
		"three": {{"d1", "yes"}, {"q2", "y"}},
		"four":  {{"q2", "y"}},
	}
	for ci, spec := range s.Charts {
		c := charts[ci]
		var lines []string
		for _, it := range items[spec.ID] {
			row := overall(it[0], it[1])
			contains("chart "+spec.ID+" base", c.Base, nText(row))
			shown := []map[string]string{row}
			if spec.Kind == "forest" {
				// A forest plot shows the subgroup estimates, in the
				// order of the subgroup's categories.
				shown = nil
				for _, gc := range s.Question(spec.By).Categories {
					if sr, ok := rows[it[0]+"="+it[1]+"|"+spec.By+"="+gc.ID]; ok {
						shown = append(shown, sr)
					}
				}
			}
			for _, sr := range shown {
				if sr["suppressed"] == "true" {
					continue // no interval shown, none named
				}
				l, err := figures.MethodLine(sr["method"], f(sr, "level"), lang)
				if err != nil {
					t.Fatal(err)
				}
				if !containsString(lines, l) {
					lines = append(lines, l)
				}
			}
		}
		if want := strings.Join(lines, "; "); c.Method != want {
			t.Errorf("chart %s (%s): method line %q, results.csv says %q", spec.ID, lang, c.Method, want)
		}
		alt := figures.AltText(c)
		contains("alt text of "+spec.ID, alt, c.Method)
		contains("alt text of "+spec.ID, alt, c.Base)
		if spec.Kind == "forest" {
			for _, b := range c.Bars {
				found := false
				for k, row := range rows {
					if strings.HasPrefix(k, "q2=y|g=") && f(row, "base") == b.N {
						found = true
					}
				}
				if !found {
					t.Errorf("forest %s (%s): row %q n = %v is no subgroup base in results.csv", spec.ID, lang, b.Label, b.N)
				}
			}
		}
	}
}

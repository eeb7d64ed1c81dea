package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDesignEdgeNamed: a design-based share of exactly 0% has no variance
// and gets the Korn–Graubard limit, not the logit interval of the other
// shares: results.csv, results.json and the methods section name the
// method actually computed (the trial of issue #13 found svy-logit on
// such rows).
func TestDesignEdgeNamed(t *testing.T) {
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("id,w,q\n")
	for i := range 80 {
		fmt.Fprintf(&csv, "r%d,%d.5,%d\n", i, 1+i%3, 2+i%2)
	}
	study := `id: edge
data: {file: r.csv, id: id, weight: w}
questions:
  - id: q
    label: {en: Question}
    categories:
      - {id: "yes", codes: [1], label: {en: "Yes"}}
      - {id: "no", codes: [2], label: {en: "No"}}
      - {id: "maybe", codes: [3], label: {en: "Maybe"}}
`
	for name, body := range map[string]string{"r.csv": csv.String(), "study.yaml": study} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := Generate(filepath.Join(dir, "study.yaml"), Options{Out: filepath.Join(dir, "out"), Langs: []string{"en"}, PDF: "off"})
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Shares of exactly 0% or 100% have no design-based variance",
		"method: design-based, Korn–Graubard on Kish's effective n for Question; design-based, logit for Question.",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("report.md does not say %q", want)
		}
	}
	js, err := os.ReadFile(filepath.Join(out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, filepath.Join(out, "results.csv"))
	for _, tc := range []struct{ category, share, method string }{
		{"yes", "0", "svy-beta-kish"},
		{"no", "0.49748743718592964", "svy-logit"},
		{"maybe", "0.5025125628140703", "svy-logit"},
	} {
		found := false
		for _, r := range rows {
			if r["category"] != tc.category || r["subgroup"] != "" {
				continue
			}
			found = true
			if r["share"] != tc.share || r["method"] != tc.method {
				t.Errorf("results.csv %s: share %s, method %s; want %s, %s", tc.category, r["share"], r["method"], tc.share, tc.method)
			}
		}
		if !found {
			t.Errorf("results.csv has no row for %s", tc.category)
		}
	}
	if !strings.Contains(string(js), `"method": "svy-beta-kish"`) || !strings.Contains(string(js), `"method": "svy-logit"`) {
		t.Errorf("results.json does not name both methods actually computed")
	}
}

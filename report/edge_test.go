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

// TestSuppressedHeadlineListed: a headline whose estimate is suppressed
// (here a question asked of one respondent: no degrees of freedom, as q5
// of the trial of issue #13) is listed in the summary with its reason in
// every language, not dropped without a word.
// islandQuestions are the questions of the island studies below: q5 is
// asked of islanders only, so a subgroup or a base can be left with a
// single respondent.
const islandQuestions = `questions:
  - id: q
    label: {en: Trusts the council, de: Vertraut dem Rat, nl: Vertrouwt de raad}
    categories:
      - {id: "yes", codes: [1], label: {en: "Yes", de: "Ja", nl: "Ja"}}
      - {id: "no", codes: [2], label: {en: "No", de: "Nein", nl: "Nee"}}
  - id: island
    label: {en: Lives on the island, de: Wohnt auf der Insel, nl: Woont op het eiland}
    categories:
      - {id: "yes", codes: [1], label: {en: "Yes", de: "Ja", nl: "Ja"}}
      - {id: "no", codes: [2], label: {en: "No", de: "Nein", nl: "Nee"}}
  - id: q5
    label: {en: Owns a boat, de: Besitzt ein Boot, nl: Heeft een boot}
    base:
      when: island == yes
      description: {en: islanders, de: Inselbewohner, nl: eilandbewoners}
    categories:
      - {id: "yes", codes: [1], label: {en: "Yes", de: "Ja", nl: "Ja"}}
      - {id: "no", codes: [2], label: {en: "No", de: "Nein", nl: "Nee"}}
`

func TestSuppressedHeadlineListed(t *testing.T) {
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("id,w,q,island,q5\n")
	for i := range 60 {
		island, q5 := 2, ""
		if i == 7 {
			island, q5 = 1, "1"
		}
		fmt.Fprintf(&csv, "r%d,%d.5,%d,%d,%s\n", i, 1+i%3, 1+i%2, island, q5)
	}
	study := `id: headlines
data: {file: r.csv, id: id, weight: w}
headlines: [q=yes, q5=yes]
subgroups: [island]
` + islandQuestions
	for name, body := range map[string]string{"r.csv": csv.String(), "study.yaml": study} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := Generate(filepath.Join(dir, "study.yaml"), Options{Out: filepath.Join(dir, "out"), Langs: []string{"en", "de", "nl"}, PDF: "off"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, shown, suppressed string }{
		{"report.md", "answered “Yes” (Trusts the council)", "- Owns a boat: Yes – no degrees of freedom: not shown. Base: "},
		{"report.de.md", "antworteten mit „Ja“ (Vertraut dem Rat)", "- Besitzt ein Boot: Ja – keine Freiheitsgrade: nicht ausgewiesen. Basis: "},
		{"report.nl.md", "antwoordde ‘Ja’ (Vertrouwt de raad)", "- Heeft een boot: Ja – geen vrijheidsgraden: niet getoond. Basis: "},
	} {
		md, err := os.ReadFile(filepath.Join(out, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		summary, _, _ := strings.Cut(string(md), "\n## ")
		if _, rest, ok := strings.Cut(string(md), "\n## "); ok {
			summary, _, _ = strings.Cut(rest, "\n## ")
		}
		for _, want := range []string{tc.shown, tc.suppressed} {
			if !strings.Contains(summary, want) {
				t.Errorf("%s: summary lacks %q:\n%s", tc.file, want, summary)
			}
		}
	}
	// The df column: each design-based row's own degrees of freedom,
	// PSUs − strata among its respondents (R: degf(subset(...))).
	rows := readCSV(t, filepath.Join(out, "results.csv"))
	for _, tc := range []struct{ question, subgroup, value, df string }{
		{"q", "", "", "59"},
		{"q", "island", "no", "58"},
		{"q", "island", "yes", "0"},
		{"q5", "", "", "0"},
	} {
		found := false
		for _, r := range rows {
			if r["question"] == tc.question && r["category"] == "yes" && r["subgroup"] == tc.subgroup && r["subgroup_value"] == tc.value {
				found = true
				if r["df"] != tc.df {
					t.Errorf("%s=yes %s=%s: df %q, want %s", tc.question, tc.subgroup, tc.value, r["df"], tc.df)
				}
			}
		}
		if !found {
			t.Errorf("no row %s=yes %s=%s", tc.question, tc.subgroup, tc.value)
		}
	}
	js, err := os.ReadFile(filepath.Join(out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"df": 58,`) {
		t.Error(`results.json lacks "df": 58`)
	}
}

// TestChartSuppressedAndBases: a bar chart whose only estimate is
// suppressed draws the threshold of the claim on it and no interval line
// (the trial of issue #13 drew an empty 0–2% axis with "95% confidence
// intervals (design-based, logit)"); a chart whose bars have different
// bases says which base belongs to which bar.
func TestChartSuppressedAndBases(t *testing.T) {
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("id,w,q,island,q5\n")
	for i := range 60 {
		island, q5 := 2, ""
		if i == 7 {
			island, q5 = 1, "1"
		}
		fmt.Fprintf(&csv, "r%d,%d.5,%d,%d,%s\n", i, 1+i%3, 1+i%2, island, q5)
	}
	study := strings.Replace(`id: charts
data: {file: r.csv, id: id, weight: w}
headlines: [q=yes, q5=yes]
subgroups: [island]
`+islandQuestions, "questions:\n", `claims:
  - id: boats
    item: q5=yes
    op: ">"
    value: 0.1
    text: {en: More than one in ten islanders own a boat., de: Mehr als jeder zehnte Inselbewohner besitzt ein Boot.}
charts:
  - {id: boat, kind: bars, items: [q5=yes]}
  - {id: mixed, kind: bars, items: [q=yes, q5=yes]}
questions:
`, 1)
	for name, body := range map[string]string{"r.csv": csv.String(), "study.yaml": study} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := Generate(filepath.Join(dir, "study.yaml"), Options{Out: filepath.Join(dir, "out"), Langs: []string{"en", "de"}, PDF: "off"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file     string
		want     []string
		notWants []string
	}{
		{"figures/en/boat.txt", []string{"cannot be assessed", "Reference line at 10%.", "Base: 1 "}, []string{"confidence intervals"}},
		{"figures/de/boat.txt", []string{"Referenzlinie bei 10 %."}, []string{"Konfidenzintervalle"}},
		{"figures/en/mixed.txt", []string{"Base: all 60 respondents for Trusts the council: Yes; 1 ", "islanders for Owns a boat: Yes.", "95% confidence intervals (design-based, logit)"}, []string{"Reference line"}},
		{"figures/de/mixed.txt", []string{"Basis: alle Befragten (n = 60) für Vertraut dem Rat: Ja; Inselbewohner (n = 1) für Besitzt ein Boot: Ja."}, nil},
	} {
		b, err := os.ReadFile(filepath.Join(out, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s lacks %q:\n%s", tc.file, w, b)
			}
		}
		for _, w := range tc.notWants {
			if strings.Contains(string(b), w) {
				t.Errorf("%s says %q:\n%s", tc.file, w, b)
			}
		}
	}
}

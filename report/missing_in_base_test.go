package report

import (
	"io"
	"math"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// TestMissingInBaseReport: "don't know" kept in a question's base
// (missing_in_base) is used, not excluded, in the rows accounted for; every
// wording of the base says it is included, in each language; and the
// estimates table shows it as a row so that the table adds up. By hand: 2
// of 10 said "don't know" (code 9), 5 yes, 3 no.
func TestMissingInBaseReport(t *testing.T) {
	const src = `
id: dk
data: {file: r.csv, id: id}
analysis: {min_base: -1}
headlines: [q=yes]
questions:
  - id: q
    label: {en: Approval, de: Zustimmung, nl: Instemming}
    missing: [9]
    missing_in_base: true
    categories:
      - {id: "yes", codes: [1], label: {en: "Yes", de: "Ja", nl: "Ja"}}
      - {id: "no", codes: [2], label: {en: "No", de: "Nein", nl: "Nee"}}
charts: [{id: split, kind: stacked, items: [q]}]
`
	s, err := survey.Parse(strings.NewReader(src), "dk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := AnalyseReader(s, strings.NewReader("id,q\n1,1\n2,1\n3,1\n4,1\n5,1\n6,2\n7,2\n8,2\n9,9\n10,9\n"), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	if a := r.Accounting[0]; a.InBase != 10 || a.Used != 10 || a.KeptInBase != 2 || a.Missing != 0 {
		t.Errorf("accounting %+v, want 10 in base, 10 used, 2 of them kept in base, none excluded", a)
	}
	for _, tc := range []struct {
		lang, base, dk, kept string
	}{
		{"en", "Base: all 10 respondents (“don't know” and refusals included).", "Don't know / no answer", "Of which “don't know” (in base)"},
		{"de", "Basis: alle Befragten (n = 10), einschließlich „weiß nicht“ und keine Angabe.", "Weiß nicht / keine Angabe", "Davon „weiß nicht“ (in der Basis)"},
		{"nl", "Basis: alle respondenten (n = 10), inclusief ‘weet niet’ en geen antwoord.", "Weet niet / geen antwoord", "Waarvan ‘weet niet’ (in de basis)"},
	} {
		ms, err := loadMessages(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		d := buildDocument(r, ms, nil)
		blk := d.Estimates[0]
		if blk.BaseLine != tc.base {
			t.Errorf("%s: base line %q, want %q", tc.lang, blk.BaseLine, tc.base)
		}
		rows := blk.Table.Rows
		if len(rows) != 3 || rows[2][0] != tc.dk || rows[2][2] != "2" || !strings.HasPrefix(rows[2][3], "20") || blk.Note == "" {
			t.Errorf("%s: estimates table %q (note %q), want a last row %q with 2 = 20%% and a note", tc.lang, rows, blk.Note, tc.dk)
		}
		if h := d.Accounting.Header; len(h) < 5 || h[4] != tc.kept || d.Accounting.Rows[0][3] != "10" || d.Accounting.Rows[0][4] != "2" {
			t.Errorf("%s: accounting %q %q", tc.lang, h, d.Accounting.Rows)
		}
	}
}

// TestMissingInBaseStacked: a stacked chart of a question whose "don't
// know" stays in its base draws what the categories leave (2 of 10) as a
// grey segment without an interval, so that the bar adds up and draws.
func TestMissingInBaseStacked(t *testing.T) {
	const src = `
id: dk
data: {file: r.csv, id: id}
analysis: {min_base: -1}
questions:
  - id: q
    missing: [9]
    missing_in_base: true
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
charts: [{id: split, kind: stacked, items: [q]}, {id: bars, kind: bars, items: [q=yes]}]
`
	s, err := survey.Parse(strings.NewReader(src), "dk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := AnalyseReader(s, strings.NewReader("id,q\n1,1\n2,1\n3,1\n4,1\n5,1\n6,2\n7,2\n8,2\n9,9\n10,9\n"), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	charts, _, err := Charts(r, "de")
	if err != nil {
		t.Fatal(err)
	}
	bars := charts[0].Bars
	if len(bars) != 3 {
		t.Fatalf("%d segments, want yes, no and don't know", len(bars))
	}
	if b := bars[2]; b.Label != "Weiß nicht / keine Angabe" || !b.Neutral || math.Abs(b.Estimate-0.2) > 1e-12 || b.Lower != b.Estimate || b.Upper != b.Estimate {
		t.Errorf("don't-know segment %+v, want a grey 20%% without interval", b)
	}
	if err := figures.Render(io.Discard, charts[0], figures.SVG, figures.Print, figures.DefaultTheme()); err != nil {
		t.Errorf("the chart does not draw: %v", err)
	}
	// A bar chart shows the share of "don't know" in its footer: 20%, not
	// the 50% the one bar (yes) leaves.
	if b := charts[1].Base; !strings.HasSuffix(b, " · Weiß nicht / keine Angabe: 20\u00a0%") {
		t.Errorf("bar chart base %q, want the don't-know share at the end", b)
	}
}

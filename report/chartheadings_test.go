package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

func TestChartHeadings(t *testing.T) {
	for _, tc := range []struct {
		name   string
		charts []figures.Chart
		want   []string
	}{
		{"distinct", []figures.Chart{{Title: "A"}, {Title: "B"}}, []string{"A", "B"}},
		{"by kind", []figures.Chart{{Title: "A", Kind: figures.Bars, Lang: "en"}, {Title: "A", Kind: figures.Stacked, Lang: "en"}, {Title: "B"}},
			[]string{"A – Bar chart", "A – Stacked bar chart", "B"}},
		{"by subtitle", []figures.Chart{{Title: "A", Kind: figures.Forest, Lang: "de", Subtitle: "Nach Alter"}, {Title: "A", Kind: figures.Forest, Lang: "de", Subtitle: "Nach Geschlecht"}},
			[]string{"A – Forest-Plot – Nach Alter", "A – Forest-Plot – Nach Geschlecht"}},
		{"numbered", []figures.Chart{{Title: "A", Lang: "nl"}, {Title: "A", Lang: "nl"}},
			[]string{"A – Staafdiagram (1)", "A – Staafdiagram (2)"}},
	} {
		if got := ChartHeadings(tc.charts); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestForestDefaultTitle: a forest chart without a title names the answer
// its rows show and the groups.
func TestForestDefaultTitle(t *testing.T) {
	const src = `
id: f
data: {file: r.csv, id: id}
analysis: {min_base: -1}
subgroups: [sex]
questions:
  - id: sex
    label: {en: Gender, de: Geschlecht}
    categories: [{id: m, codes: [1], label: {en: Male, de: Männer}}, {id: f, codes: [2], label: {en: Female, de: Frauen}}]
  - id: att
    label: {en: Attitude to AI training, de: Haltung zum KI-Training}
    categories: [{id: ok, codes: [1], label: {en: Wants it, de: Will es}}, {id: no, codes: [2], label: {en: Does not want it, de: Will es nicht}}]
charts: [{id: by, kind: forest, items: [att=no], by: sex}]
`
	s, err := survey.Parse(strings.NewReader(src), "f.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := AnalyseReader(s, strings.NewReader("id,sex,att\n1,1,1\n2,1,2\n3,2,2\n4,2,2\n"), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][2]string{
		"en": {"Attitude to AI training: Does not want it", "By Gender"},
		"de": {"Haltung zum KI-Training: Will es nicht", "Nach Geschlecht"},
	} {
		charts, _, err := Charts(r, lang)
		if err != nil {
			t.Fatal(err)
		}
		if c := charts[0]; c.Title != want[0] || c.Subtitle != want[1] {
			t.Errorf("%s: title %q, subtitle %q; want %q, %q", lang, c.Title, c.Subtitle, want[0], want[1])
		}
	}
}

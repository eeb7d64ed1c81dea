package report

import (
	"path/filepath"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// TestDefaultChartTitle: a chart without a title is named by its
// question only when it shows all of the question's answers; otherwise by
// question and answers, a derived estimate by its label, and bars from
// several sources by their labels, with NeedsTitle set.
func TestDefaultChartTitle(t *testing.T) {
	r, ms := analyseFile(t, filepath.Join("testdata", "standort", "study.yaml"))
	tests := []struct {
		kind  string
		items []string
		want  string
		needs bool
	}{
		{"bars", []string{"f2_erwartung"}, "Expectation: sharing with advertisers", false},
		{"bars", []string{"f3_ok=nein", "f3_ok=ja"}, "Sharing would be acceptable", false}, // all answers, another order
		{"bars", []string{"f3_ok=nein"}, "Sharing would be acceptable: No", false},
		{"funnel", []string{"f2_erwartung=sicher_nicht", "f2_erwartung=eher_nicht"}, "Expectation: sharing with advertisers: Certainly not – \"never & ever\", Probably not", false},
		{"bars", []string{"ueberrascht_und_dagegen"}, "Does not expect sharing & rejects it", false},
		{"bars", []string{"f3_ok=nein", "ueberrascht_und_dagegen"}, "Sharing would be acceptable: No · Does not expect sharing & rejects it", true},
		{"funnel", []string{"f1_standort=ja", "f3_ok=nein"}, "From “App has access to \"location\": Yes” to “Sharing would be acceptable: No”", false},
	}
	for _, tt := range tests {
		spec := &survey.ChartSpec{ID: "c", Kind: tt.kind, Items: tt.items}
		c, err := buildChart(r, spec, ms)
		if err != nil {
			t.Fatalf("%v: %v", tt.items, err)
		}
		if c.Title != tt.want {
			t.Errorf("%s %v: title %q, want %q", tt.kind, tt.items, c.Title, tt.want)
		}
		if got := NeedsTitle(r.Study, spec); got != tt.needs {
			t.Errorf("%s %v: NeedsTitle = %v, want %v", tt.kind, tt.items, got, tt.needs)
		}
	}
}

// analyseFile loads and analyses the study file at path and loads the
// English messages, for tests of wording and charts.
func analyseFile(t *testing.T, path string) (*Result, *messages) {
	t.Helper()
	s, err := survey.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := loadMessages("en")
	if err != nil {
		t.Fatal(err)
	}
	return r, ms
}

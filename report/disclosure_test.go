package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// TestWeightingAndTodoStated: a study with data.weight but no
// metadata.weighting says what it is weighted by rather than "not
// stated"; a study run with accept_todo: true says so under limitations
// and on stderr.
func TestWeightingAndTodoStated(t *testing.T) {
	const src = `
id: w
todo: ["metadata: fill in the sponsor", "wording: give the wording of q"]
accept_todo: true
data: {file: r.csv, id: id, weight: wt}
analysis: {min_base: -1}
questions: [{id: q, categories: [{id: a, codes: [1]}, {id: b, codes: [2]}]}]
`
	s, err := survey.Parse(strings.NewReader(src), "w.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := AnalyseReader(s, strings.NewReader("id,wt,q\n1,1.5,1\n2,0.5,2\n3,1,1\n"), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, weighting, todo string }{
		{"en", "Weighted by the column “wt” of the data file", "still lists 2 item(s) as to be filled in (todo)"},
		{"de", "Gewichtet mit der Variablen „wt“ der Datendatei", "enthält noch offene Punkte (todo: 2)"},
		{"nl", "Gewogen met de variabele ‘wt’ uit het gegevensbestand", "noemt nog 2 open punt(en) (todo)"},
	} {
		ms, err := loadMessages(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		d := buildDocument(r, ms, nil)
		found := false
		for _, p := range d.Disclosure {
			if p.Label == ms.T("d_weighting") {
				found = true
				if !strings.HasPrefix(p.Value, tc.weighting) || p.Missing {
					t.Errorf("%s: weighting %q (missing %v), want %q…", tc.lang, p.Value, p.Missing, tc.weighting)
				}
			}
		}
		if !found {
			t.Errorf("%s: no weighting in the disclosure", tc.lang)
		}
		if !strings.Contains(strings.Join(d.Limits, "\n"), tc.todo) {
			t.Errorf("%s: limitations %q lack %q", tc.lang, d.Limits, tc.todo)
		}
	}
	var warn bytes.Buffer
	warnTodo(&warn, s)
	if w := warn.String(); !strings.Contains(w, "accept_todo: true: reporting with 2 todo item(s) not done") || !strings.Contains(w, "  2. wording: give the wording of q\n") {
		t.Errorf("warning %q", w)
	}
	s.AcceptTodo, s.Todo = false, nil
	warn.Reset()
	warnTodo(&warn, s)
	if warn.Len() != 0 {
		t.Errorf("warning without todo items: %q", warn.String())
	}
}

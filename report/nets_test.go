package report

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// TestNetsInReport: a net is a headline, a claim, a bracket on a stacked
// chart and a bar, with the estimate of the net (counted by hand: 5 of
// 8 reject).
func TestNetsInReport(t *testing.T) {
	const src = `
id: nets
data: {file: r.csv, id: id}
analysis: {min_base: -1}
headlines: [att=reject]
questions:
  - id: att
    label: {en: Use of posts}
    categories:
      - {id: against, codes: [1], label: {en: Against}}
      - {id: consent, codes: [2], label: {en: Only with consent}}
      - {id: fine, codes: [3], label: {en: Fine}}
    nets: [{id: reject, categories: [against, consent], label: {en: Reject}}]
claims: [{id: c, item: att=reject, op: ">", value: 0.2, text: {en: More than a fifth reject.}}]
charts:
  - {id: split, kind: stacked, items: [att], nets: [att=reject]}
  - {id: bars, kind: bars, items: [att=reject, att=fine]}
`
	s, err := survey.Parse(strings.NewReader(src), "nets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := AnalyseReader(s, strings.NewReader("id,att\n1,1\n2,1\n3,2\n4,2\n5,2\n6,3\n7,3\n8,3\n"), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	e, ok := r.Overall("att", "reject")
	if !ok || e.Count != 5 || e.Base != 8 {
		t.Fatalf("net estimate %+v", e)
	}
	if len(r.Claims) != 1 || r.Claims[0].Estimate.Share != e.Share {
		t.Errorf("claim on the net: %+v", r.Claims)
	}
	charts, _, err := Charts(r, "en")
	if err != nil {
		t.Fatal(err)
	}
	want := figures.Bracket{Label: "Reject", First: 0, Last: 1, Estimate: e.Share, Lower: e.Lower, Upper: e.Upper}
	if len(charts[0].Brackets) != 1 || charts[0].Brackets[0] != want {
		t.Errorf("brackets %+v, want %+v", charts[0].Brackets, want)
	}
	if b := charts[1].Bars[0]; b.Label != "Net: Reject" || math.Abs(b.Estimate-0.625) > 1e-15 {
		t.Errorf("bar %+v", b)
	}
	ms, err := loadMessages("en")
	if err != nil {
		t.Fatal(err)
	}
	d := buildDocument(r, ms, nil)
	if len(d.Headlines) != 1 || !strings.Contains(d.Headlines[0], "Reject") || !strings.Contains(d.Headlines[0], "62.5%") {
		t.Errorf("headlines %q", d.Headlines)
	}
	rows := d.Estimates[0].Table.Rows
	if last := rows[len(rows)-1]; last[0] != "Net: Reject (= Against + Only with consent)" || last[3] != "62.5%" {
		t.Errorf("estimates table ends with %q, want the net, marked and spelled out", last)
	}
	if d.Estimates[0].Note == "" {
		t.Error("no note under a table with a net row")
	}
}

// TestPublishedNetAndDerived: published.csv may name a net and a derived
// estimate; both are checked against the data like any figure.
func TestPublishedNetAndDerived(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"study.yaml": `
id: pub
data: {file: r.csv, id: id}
published: published.csv
questions:
  - id: att
    categories:
      - {id: against, codes: [1]}
      - {id: consent, codes: [2]}
      - {id: fine, codes: [3]}
    nets: [{id: reject, categories: [against, consent]}]
derived:
  - id: against_any
    when: att == against
`,
		"r.csv": "id,att\n1,1\n2,1\n3,2\n4,2\n5,2\n6,3\n7,3\n8,3\n",
		"published.csv": "figure,question,category,subgroup,subgroup_value,percent,decimals,base,status,source,note\n" +
			"net,att,reject,,,63,0,all,primary,,\n" +
			"derived,against_any,,,,25,0,all,primary,,\n" +
			"wrong,att,reject,,,60,0,all,alternative,,\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := survey.Load(filepath.Join(dir, "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Published) != 3 || len(r.Mismatches) != 0 {
		t.Fatalf("published %d, mismatches %v", len(r.Published), r.Mismatches)
	}
	for _, f := range r.Published {
		e, ok := analysis.FindPublished(r.Estimates, f)
		if !ok {
			t.Errorf("figure %s: no estimate", f.Figure)
			continue
		}
		if want := f.Status == "primary"; f.Matches(e.Share) != want {
			t.Errorf("figure %s: %v%% against %v", f.Figure, float64(f.Percent), e.Share)
		}
	}
}

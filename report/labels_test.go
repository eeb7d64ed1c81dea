package report

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// TestLabelsNotIDs: the published-figures table names each figure by
// what it is a share of (category, net, derived estimate, subgroup), not
// its id; its base reads as a count, "(assumed)" where the estimate's base
// is; comparisons without a label read "A vs B" from the labels.
func TestLabelsNotIDs(t *testing.T) {
	const src = `
id: lab
data: {file: r.csv, id: id}
published: published.csv
metadata: {sample_size: 8, sample_size_assumed: true}
analysis: {min_base: -1}
subgroups: [sex]
questions:
  - id: sex
    label: {en: Gender, de: Geschlecht}
    categories: [{id: m, codes: [1], label: {en: Male, de: Männlich}}, {id: f, codes: [2], label: {en: Female, de: Weiblich}}]
  - id: att
    label: {en: Attitude, de: Haltung}
    categories:
      - {id: pro, codes: [1], label: {en: For, de: Dafür}}
      - {id: con, codes: [2], label: {en: Against, de: Dagegen}}
      - {id: dk, codes: [3], label: {en: Unsure, de: Unsicher}}
    nets: [{id: notpro, categories: [con, dk], label: {en: Not for, de: Nicht dafür}}]
  - id: aware
    label: {en: Aware, de: Bekannt}
    categories: [{id: "yes", codes: [1], label: {en: "Yes", de: "Ja"}}, {id: "no", codes: [2], label: {en: "No", de: "Nein"}}]
derived:
  - {id: informed, label: {en: Informed and for, de: Informiert und dafür}, when: aware == yes and att == pro}
comparisons:
  - {id: pro-m-f, a: att=pro, a_in: sex=m, b: att=pro, b_in: sex=f}
  - {id: pro-aware, a: att=pro, b: aware=yes}
  - {id: own, label: {en: Own words, de: Eigene Worte}, a: att=con, b: aware=no}
`
	const pub = "figure,question,category,subgroup,subgroup_value,percent,decimals,base,status,source,note\n" +
		"pro,att,pro,,,25,0,8,primary,,\n" +
		"notpro,att,notpro,,,75,0,1000,primary,,\n" +
		"inf,informed,,,,25,0,not published,primary,,\n" +
		"pro-f,att,pro,sex,f,25,0,4,primary,,\n"
	dir := t.TempDir()
	for name, body := range map[string]string{
		"study.yaml":    src,
		"r.csv":         "id,sex,att,aware\n1,1,1,1\n2,1,2,1\n3,1,2,2\n4,1,3,1\n5,2,1,1\n6,2,2,2\n7,2,2,2\n8,2,3,1\n",
		"published.csv": pub,
	} {
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
	for _, tc := range []struct {
		lang    string
		figures []string
		bases   []string
		comps   []string
	}{
		{"en",
			[]string{"Attitude: For", "Attitude: Not for", "Informed and for", "Attitude: For (Gender: Female)"},
			[]string{"8 (assumed)", "1,000", "not published", "4 (assumed)"},
			[]string{"Attitude: For – Gender: Male vs Female", "Attitude: For vs Aware: Yes", "Own words"}},
		{"de",
			[]string{"Haltung: Dafür", "Haltung: Nicht dafür", "Informiert und dafür", "Haltung: Dafür (Geschlecht: Weiblich)"},
			[]string{"8, angenommen", "1.000", "not published", "4, angenommen"},
			[]string{"Haltung: Dafür – Geschlecht: Männlich vs. Weiblich", "Haltung: Dafür vs. Bekannt: Ja", "Eigene Worte"}},
	} {
		ms, err := loadMessages(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		d := buildDocument(r, ms, nil)
		if len(d.Published.Rows) != len(tc.figures) {
			t.Fatalf("%s: %d published rows, want %d", tc.lang, len(d.Published.Rows), len(tc.figures))
		}
		for i, row := range d.Published.Rows {
			if row[0] != tc.figures[i] || row[2] != tc.bases[i] {
				t.Errorf("%s: published row %d named %q with base %q, want %q and %q", tc.lang, i, row[0], row[2], tc.figures[i], tc.bases[i])
			}
		}
		for i, row := range d.Compare.Rows {
			if row[0] != tc.comps[i] {
				t.Errorf("%s: comparison %d labelled %q, want %q", tc.lang, i, row[0], tc.comps[i])
			}
		}
	}
}

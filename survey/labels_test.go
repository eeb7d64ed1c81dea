package survey

import "testing"

// TestDefaultLabels: a question, category, net or derived estimate without
// a label is labelled with its id in every language; a label given in any
// language is kept; a comparison keeps no label, so that the report names
// it from its items.
func TestDefaultLabels(t *testing.T) {
	s := mustParse(t, `
id: t
data: {file: r.csv, id: id}
questions:
  - id: aware
    categories:
      - {id: "yes", codes: [1]}
      - {id: "no", codes: [2], label: {de: Nein}}
      - {id: dk, codes: [3], label: {en: ""}}
    nets:
      - {id: any, categories: ["yes", "no"]}
  - id: attitude
    label: {nl: Houding}
    categories:
      - {id: approve, codes: [1]}
      - {id: oppose, codes: [2]}
derived:
  - id: aware_oppose
    when: aware == yes and attitude == oppose
comparisons:
  - id: yes-approve
    a: aware=yes
    b: attitude=approve
`)
	aware, attitude := s.Question("aware"), s.Question("attitude")
	for _, tt := range []struct {
		name string
		got  Text
		want map[string]string // language → label
	}{
		{"question", aware.Label, map[string]string{"en": "aware", "de": "aware", "nl": "aware"}},
		{"category", aware.Categories[0].Label, map[string]string{"en": "yes", "de": "yes", "nl": "yes"}},
		{"category labelled in German", aware.Categories[1].Label, map[string]string{"en": "Nein", "de": "Nein", "nl": "Nein"}},
		{"category with an empty label", aware.Categories[2].Label, map[string]string{"en": "dk", "de": "dk"}},
		{"net", aware.Nets[0].Label, map[string]string{"en": "any", "nl": "any"}},
		{"question labelled in Dutch", attitude.Label, map[string]string{"en": "Houding", "nl": "Houding"}},
		{"derived", s.Derived[0].Label, map[string]string{"en": "aware_oppose", "de": "aware_oppose"}},
	} {
		for lang, want := range tt.want {
			if got := tt.got.Get(lang); got != want {
				t.Errorf("%s in %s: %q, want %q", tt.name, lang, got, want)
			}
		}
	}
	if s.Compare[0].Label.Get("en") != "" {
		t.Errorf("comparison labelled %q, want no label (the report names it from its items)", s.Compare[0].Label.Get("en"))
	}
}

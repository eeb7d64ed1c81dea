package survey

import (
	"slices"
	"strings"
	"testing"
)

func TestUntranslated(t *testing.T) {
	const src = `
id: t
title: {en: Title, de: Titel}
data: {file: r.csv, id: id}
metadata:
  sponsor: A Company Ltd
  notes:
    - {en: Only English.}
    - {en: Both, de: Beide, nl: Beide}
  limitations: [Plain string is English.]
questions:
  - id: q
    label: {en: Question, de: Frage, nl: Vraag}
    categories: [{id: a, codes: [1], label: {de: Nur Deutsch}}, {id: b, codes: [2]}]
`
	s, err := Parse(strings.NewReader(src), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"de", []string{"metadata.notes[0]", "metadata.limitations[0]"}},
		{"nl", []string{"title", "metadata.notes[0]", "metadata.limitations[0]", "questions[0].categories[0].label"}},
		{"en", []string{"questions[0].categories[0].label"}},
	} {
		if got := s.Untranslated(tc.lang); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
}

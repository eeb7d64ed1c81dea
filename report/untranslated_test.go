package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// TestUntranslatedMarked: a note or limitation given only in another
// language prints marked as such; stderr lists every text without the
// report's language.
func TestUntranslatedMarked(t *testing.T) {
	for _, tc := range []struct {
		lang string
		text survey.Text
		want string
	}{
		{"de", survey.Text{"en": "Weighted."}, "Weighted. (nur auf Englisch)"},
		{"nl", survey.Text{"en": "Weighted."}, "Weighted. (alleen in het Engels)"},
		{"en", survey.Text{"de": "Gewichtet."}, "Gewichtet. (German only)"},
		{"nl", survey.Text{"de": "Gewichtet.", "en": "Weighted."}, "Weighted. (alleen in het Engels)"},
		{"de", survey.Text{"de": "Gewichtet.", "en": "Weighted."}, "Gewichtet."},
		{"de", survey.Text{}, ""},
	} {
		ms, err := loadMessages(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := markedText(tc.text, ms); got != tc.want {
			t.Errorf("%s %v: %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
	s, err := survey.Parse(strings.NewReader(`
id: t
data: {file: r.csv, id: id}
metadata: {notes: [Only English.], limitations: [{en: Both, de: Beide}]}
questions: [{id: q, categories: [{id: a, codes: [1]}]}]
`), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var warn bytes.Buffer
	warnUntranslated(&warn, s, "de")
	if w := warn.String(); !strings.Contains(w, `1 text(s) have no "de" translation`) || !strings.HasSuffix(w, ": metadata.notes[0]\n") {
		t.Errorf("warning %q", w)
	}
	warn.Reset()
	warnUntranslated(&warn, s, "en")
	if warn.Len() != 0 {
		t.Errorf("warning for English: %q", warn.String())
	}
}

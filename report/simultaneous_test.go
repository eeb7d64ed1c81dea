package report

import (
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
)

// TestSimultaneousFallback: where every answer falls in one category a
// Sison–Glaz chart draws Goodman's intervals, and its method line names
// Goodman and says why, in every language; otherwise it names the method
// asked for.
func TestSimultaneousFallback(t *testing.T) {
	for _, tt := range []struct {
		counts       []float64
		method, lang string
		used, want   string
	}{
		{[]float64{0, 271, 0}, "sison-glaz", "en", "goodman", "95% simultaneous confidence intervals (Goodman; Sison–Glaz is not defined when every answer falls in one category)"},
		{[]float64{0, 271, 0}, "sison-glaz", "de", "goodman", "(Goodman; Sison–Glaz ist nicht definiert, wenn alle Antworten auf eine Kategorie entfallen)"},
		{[]float64{5, 0}, "sison-glaz", "nl", "goodman", "(Goodman; Sison–Glaz is niet gedefinieerd als alle antwoorden in één categorie vallen)"},
		{[]float64{52, 495, 203}, "sison-glaz", "en", "sison-glaz", "95% simultaneous confidence intervals (Sison–Glaz):"},
		{[]float64{0, 271, 0}, "goodman", "en", "goodman", "95% simultaneous confidence intervals (Goodman):"},
	} {
		ms, err := loadMessages(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		ivs, line, err := simultaneous(tt.counts, 0.95, tt.method, tt.lang, ms)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(line, tt.want) {
			t.Errorf("%v %s %s: method line %q lacks %q", tt.counts, tt.method, tt.lang, line, tt.want)
		}
		want, err := analysis.MultinomialIntervals(tt.counts, 0.95, tt.used)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			if ivs[i] != want[i] {
				t.Errorf("%v %s: category %d = %v, want %s's %v", tt.counts, tt.method, i, ivs[i], tt.used, want[i])
			}
		}
	}
}

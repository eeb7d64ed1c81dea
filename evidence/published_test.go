package evidence

import (
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

// TestPublishedIntro checks the sentence over the table of published
// figures in every language, for none, one and several not reproduced,
// and a figure whose share is reproduced but whose published margin of
// error is not.
func TestPublishedIntro(t *testing.T) {
	s, err := survey.Parse(strings.NewReader(study), "study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := analysis.Estimate{Share: 0.7, Lower: 0.6, Upper: 0.8, Base: 100}
	ok := Published{Figure: "a", Label: "A", Percent: 70, Status: "primary", Estimate: &e, Matches: true}
	bad := Published{Figure: "b", Label: "B", Percent: 73, Status: "primary", Estimate: &e}
	moe := ok
	moe.Precision = "published margin of error ±0.5 points not reproducible"
	for _, tt := range []struct {
		lang string
		pub  []Published
		want string
	}{
		{"en", []Published{ok, ok, ok}, "All 3 published figures are reproduced at their published rounding."},
		{"de", []Published{ok, ok, ok}, "Alle 3 veröffentlichten Zahlen werden in ihrer veröffentlichten Rundung wiedergegeben."},
		{"nl", []Published{ok, ok, ok}, "Alle 3 gepubliceerde cijfers worden gereproduceerd tot op de gepubliceerde afronding."},
		{"en", []Published{ok}, "The one published figure is reproduced at its published rounding."},
		{"de", []Published{ok}, "Die eine veröffentlichte Zahl wird in ihrer veröffentlichten Rundung wiedergegeben."},
		{"nl", []Published{ok}, "Het enige gepubliceerde cijfer wordt gereproduceerd tot op de gepubliceerde afronding."},
		{"en", []Published{ok, bad}, "1 of 2 figures is not reproduced at its published rounding; it is listed first."},
		{"en", []Published{ok, bad, bad}, "2 of 3 figures are not reproduced at their published rounding; they are listed first."},
		{"en", []Published{ok, moe}, "1 of 2 figures is not reproduced at its published rounding or with its published margin of error; it is listed first."},
	} {
		in := Input{Study: s, Lang: tt.lang, Format: format(tt.lang), Published: tt.pub}
		ms, err := loadMessages(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		rows, intro := published(in, ms)
		if !strings.Contains(intro, tt.want) || strings.Contains(intro, " 0 ") {
			t.Errorf("%s, %d figures: intro %q, want %q", tt.lang, len(tt.pub), intro, tt.want)
		}
		for _, r := range rows {
			if r.Label == "A" && (r.Inconsistent != (r.Consistent == moe.Precision)) {
				t.Errorf("%s: row %+v: a figure whose margin of error is not reproduced must say so", tt.lang, r)
			}
		}
	}
}

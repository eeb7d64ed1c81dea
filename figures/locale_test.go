package figures

import (
	"strings"
	"testing"
)

func TestPctRangeLimitsDiffer(t *testing.T) {
	tests := []struct {
		lang   string
		lo, hi float64
		want   string
	}{
		{"en", 0.364, 0.437, "36–44%"},
		{"en", 0.1263, 0.1342, "12.6–13.4%"},
		{"de", 0.0301, 0.0304, "3,01–3,04 %"},
		{"nl", 0.25, 0.25, "25–25%"}, // no interval: nothing to tell apart
	}
	for _, tt := range tests {
		if got := newNumFormat(tt.lang, 0, " ").pctRange(tt.lo, tt.hi); got != tt.want {
			t.Errorf("pctRange(%v, %v) in %s = %q, want %q", tt.lo, tt.hi, tt.lang, got, tt.want)
		}
	}
}

func TestAssumedN(t *testing.T) {
	for lang, want := range map[string]string{"en": "n = 1,200 (assumed)", "de": "n = 1.200 (angenommen)", "nl": "n = 1.200 (aangenomen)"} {
		if got := newNumFormat(lang, 0, " ").nLabel(1200, true); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	c := Chart{Kind: Bars, Lang: "en", Title: "T", Bars: []Bar{{Label: "Yes", Estimate: 0.58, Lower: 0.55, Upper: 0.61, N: 1200, NAssumed: true}}}
	// Inside the alt text's parentheses the note takes square brackets,
	// not a second pair of parentheses.
	if alt := AltText(c); !strings.Contains(alt, "(interval 55–61%, n = 1,200 [assumed])") || strings.Contains(alt, "))") {
		t.Errorf("alt text %q does not mark the assumed n in brackets", alt)
	}
}

func TestMethodNameDesign(t *testing.T) {
	for _, tt := range []struct{ method, lang, want string }{
		{"svy-logit", "en", "design-based, logit"},
		{"svy-beta", "de", "designbasiert, Korn-Graubard"},
		{"wilson", "nl", "Wilson"},
		{"wilson", "en", "Wilson score"},
		{"unknown", "en", "unknown"},
	} {
		if got := MethodName(tt.method, tt.lang); got != tt.want {
			t.Errorf("MethodName(%q, %s) = %q, want %q", tt.method, tt.lang, got, tt.want)
		}
	}
}

// TestPctNearEdges: a share that is not exactly 0 or 1 never prints as 0%
// or 100%, in any language, in the chart and in its alt text.
func TestPctNearEdges(t *testing.T) {
	for _, tt := range []struct {
		lang     string
		decimals int
		v        float64
		want     string
	}{
		{"en", 0, 1.0 / 271, "<1%"},
		{"en", 0, 270.0 / 271, ">99%"},
		{"en", 0, 0, "0%"},
		{"en", 0, 1, "100%"},
		{"en", 0, 0.005, "1%"},   // rounds to 1%: an ordinary label
		{"en", 0, 0.995, ">99%"}, // rounds (half away from zero) to 100 but is not 1
		{"de", 0, 1.0 / 271, "<1 %"},
		{"de", 0, 270.0 / 271, ">99 %"},
		{"nl", 0, 1.0 / 271, "<1%"},
		{"en", 1, 0.0004, "<0.1%"},
		{"de", 1, 0.9996, ">99,9 %"},
		{"nl", 2, 0.99999, ">99,99%"},
		{"nl", 1, 0.0037, "0,4%"},
	} {
		if got := newNumFormat(tt.lang, tt.decimals, " ").pct(tt.v); got != tt.want {
			t.Errorf("pct(%v) in %s with %d decimals = %q, want %q", tt.v, tt.lang, tt.decimals, got, tt.want)
		}
	}
	c := Chart{Kind: Bars, Lang: "de", Title: "T", Bars: []Bar{
		{Label: "Ja", Estimate: 1.0 / 271, Lower: 0.0001, Upper: 0.02, N: 271},
		{Label: "Nein", Estimate: 270.0 / 271, Lower: 0.98, Upper: 0.9999, N: 271},
	}}
	alt := AltText(c)
	for _, want := range []string{"<1 %", ">99 %"} {
		if !strings.Contains(alt, want) {
			t.Errorf("alt text %q lacks %q", alt, want)
		}
	}
}

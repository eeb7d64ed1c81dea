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
	if alt := AltText(c); !strings.Contains(alt, "n = 1,200 (assumed)") {
		t.Errorf("alt text %q does not mark the assumed n", alt)
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

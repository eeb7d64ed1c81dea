package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

func TestLongDate(t *testing.T) {
	tests := []struct{ in, lang, want string }{
		{"2025-08-07", "en", "7 August 2025"},
		{"2025-08-07", "de", "7. August 2025"},
		{"2025-08-07", "nl", "7 augustus 2025"},
		{"2025-03-01/2025-03-10", "de", "1. März 2025 – 10. März 2025"},
		{"Spring 2025", "en", "Spring 2025"},
		{"2025-13-01", "en", "2025-13-01"},
		{"", "nl", ""},
	}
	for _, tt := range tests {
		if got := longDate(tt.in, tt.lang); got != tt.want {
			t.Errorf("longDate(%q, %s) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestPercentRangeLimitsDiffer(t *testing.T) {
	tests := []struct {
		lo, hi float64
		lang   string
		want   string
	}{
		{0.1251, 0.1349, "en", "12.5–13.5%"},
		{0.13001, 0.13049, "en", "13.00–13.05%"},
		{0.030001, 0.030004, "de", "3,0001–3,0004\u00a0%"},
		{0.5, 0.5, "nl", "50,0–50,0%"}, // equal limits stay equal
	}
	for _, tt := range tests {
		if got := percentRange(tt.lo, tt.hi, 1, tt.lang); got != tt.want {
			t.Errorf("percentRange(%v, %v) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
}

func TestBasePhrases(t *testing.T) {
	tests := []struct {
		b          baseWords
		lang, want string
		chart      string
	}{
		{baseWords{N: 270, InBase: 300}, "en",
			"270 of 300 respondents with a valid answer (30 don't know or no answer not counted)",
			"Base: 270 respondents with a valid answer (of 300)"},
		{baseWords{N: 300, InBase: 300}, "en", "all 300 respondents", "Base: all 300 respondents"},
		{baseWords{N: 1009}, "en", "1,009 respondents", "Base: 1,009 respondents"}, // not known to be all
		{baseWords{N: 750, InBase: 750, Desc: "respondents who knew of the plans"}, "en",
			"750 respondents who knew of the plans", "Base: 750 respondents who knew of the plans"},
		{baseWords{N: 1000, InBase: 1000, Assumed: true}, "en", "all 1,000 (assumed) respondents", "Base: all 1,000 (assumed) respondents"},
		{baseWords{N: 253, InBase: 274, Desc: "respondents whose app has location access"}, "en",
			"274 respondents whose app has location access, of whom 253 gave a valid answer (21 don't know or no answer not counted)",
			"Base: 274 respondents whose app has location access, of whom 253 gave a valid answer"},
		{baseWords{N: 270, InBase: 300, Desc: "Instagram-Nutzer"}, "de",
			"Instagram-Nutzer (n = 300), davon 270 mit gültiger Antwort; 30 mit „weiß nicht“ oder ohne Angabe nicht berücksichtigt",
			"Basis: Instagram-Nutzer (n = 300), davon 270 mit gültiger Antwort"},
		{baseWords{N: 1000, InBase: 1000, Assumed: true}, "nl", "alle respondenten (n = 1.000, aangenomen)", "Basis: alle respondenten (n = 1.000, aangenomen)"},
	}
	for _, tt := range tests {
		ms, err := loadMessages(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := tt.b.phrase(ms); got != tt.want {
			t.Errorf("%+v phrase (%s) = %q, want %q", tt.b, tt.lang, got, tt.want)
		}
		if got := ms.T("chart_base", "base", tt.b.chartPhrase(ms)); got != tt.chart {
			t.Errorf("%+v chart (%s) = %q, want %q", tt.b, tt.lang, got, tt.chart)
		}
	}
}

func TestPDFAutoWithoutChromiumSaysSo(t *testing.T) {
	t.Setenv("SURVEYSTAT_CHROMIUM", "")
	t.Setenv("PATH", t.TempDir())
	var warn bytes.Buffer
	if c, err := pdfChromium("auto", &warn); err != nil || c != "" {
		t.Fatalf("auto without Chromium: %q, %v", c, err)
	}
	if !strings.Contains(warn.String(), "no PDF written") || !strings.Contains(warn.String(), "Chromium") {
		t.Errorf("warning %q", warn.String())
	}
	warn.Reset()
	if c, err := pdfChromium("off", &warn); err != nil || c != "" || warn.Len() != 0 {
		t.Errorf("--pdf off: %q, err %v, warning %q", c, err, warn.String())
	}
	if _, err := pdfChromium("on", &warn); err == nil {
		t.Error("--pdf on without Chromium: no error")
	}
}

func TestPaperSize(t *testing.T) {
	for in, want := range map[string]string{"": "A4", "a4": "A4", "letter": "letter"} {
		if got, err := paperSize(in); err != nil || got != want {
			t.Errorf("paperSize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := paperSize("legal"); err == nil {
		t.Error("paper legal accepted")
	}
}

func TestPaperInHTML(t *testing.T) {
	s, err := survey.Load(filepath.Join("testdata", "studies", "synthetic", "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := loadMessages("en")
	for _, paper := range []string{"A4", "letter"} {
		d := buildDocument(r, ms, nil)
		d.Paper = paper
		html, err := renderHTML(d)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(html), "@page { size: "+paper+";") {
			t.Errorf("index.html for %s has no @page size %s", paper, paper)
		}
	}
}

func TestPValue(t *testing.T) {
	for _, tt := range []struct {
		p          float64
		lang, want string
	}{
		{0.99999984, "en", ">\u00a00.999"},
		{0.99999984, "de", ">\u00a00,999"},
		{0.9994, "nl", ">\u00a00,999"},
		{0.999, "en", "0.999"},
		{0.876, "de", "0,876"},
		{0.0005, "en", "0.00050"},
		{0.00005, "en", "<\u00a00.0001"},
	} {
		if got := pValue(tt.p, tt.lang); got != tt.want {
			t.Errorf("pValue(%v, %s) = %q, want %q", tt.p, tt.lang, got, tt.want)
		}
	}
	if got := pSentence(pValue(0.99999984, "en")); got != "p\u00a0>\u00a00.999" {
		t.Errorf("pSentence = %q", got)
	}
}

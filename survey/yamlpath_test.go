package survey

import (
	"strings"
	"testing"
)

// TestSourceTitles: a source's title is a text like any other, and a
// value of the wrong kind anywhere in the study file is named by its key
// path and line.
func TestSourceTitles(t *testing.T) {
	s := mustParse(t, testStudy+`metadata:
  sources:
    - {title: {de: Pressemitteilung, en: Press release, nl: Persbericht}, url: "https://example.org/a"}
    - {title: Plain title}
`)
	if got := s.Metadata.Sources[0].Title.Get("nl"); got != "Persbericht" {
		t.Errorf("nl title %q", got)
	}
	if got := s.Metadata.Sources[1].Title.Get("de"); got != "Plain title" {
		t.Errorf("de title of a plain title %q", got)
	}
	for _, u := range s.Untranslated("de") {
		if strings.HasPrefix(u, "metadata.sources") {
			t.Errorf("a source's own title counts as untranslated: %v", u)
		}
	}
}

func TestTypeErrorsNameTheKey(t *testing.T) {
	tests := []struct{ name, add, want string }{
		{"source title a list", "metadata:\n  sources:\n    - {title: [a, b], url: u}\n",
			"line 26: metadata.sources[0].title: want a text (a string, or {en: …, de: …, nl: …}), not a list"},
		{"sponsor a list", "metadata:\n  sponsor: [a, b]\n", "line 25: metadata.sponsor: want a text"},
		{"sample size a word", "metadata:\n  sample_size: many\n", "line 25: metadata.sample_size: want a number, not a string (\"many\")"},
		{"url a mapping", "metadata:\n  sources:\n    - title: T\n      url: {en: x}\n", "line 27: metadata.sources[0].url: want a string, not a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(testStudy+tt.add), "study.yaml")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "study.yaml") {
				t.Errorf("error %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
	_, err := Parse(strings.NewReader(strings.Replace(testStudy, "  - id: aware\n", "  - id: aware\n    label: [x]\n", 1)), "study.yaml")
	if err == nil || !strings.Contains(err.Error(), "line 6: questions[0].label: want a text") {
		t.Errorf("question label a list: %v", err)
	}
}

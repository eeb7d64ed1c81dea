package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportWarnsUndrawableText checks that text a chart cannot draw is
// named on standard error, label by label, and that the run still
// succeeds.
func TestReportWarnsUndrawableText(t *testing.T) {
	src := "../../data/noyb-de-2025"
	in := t.TempDir()
	study, err := os.ReadFile(filepath.Join(src, "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	study = bytes.Replace(study, []byte(`en: "Yes, heard of it"`), []byte(`en: "Yes \U0001F600 مرحبا"`), 1)
	study = bytes.Replace(study, []byte(`en: "No, not heard"`), []byte(`en: "No\u202e, not heard"`), 1)
	if err := os.WriteFile(filepath.Join(in, "study.yaml"), study, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"responses.csv", "published.csv"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"report", "--pdf", "off", "--lang", "en", "--out", t.TempDir(), filepath.Join(in, "study.yaml")}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{
		`warning: chart "awareness" (en): label "Yes 😀 مرحبا": the chart font has no glyph for U+1F600 '😀', U+0645 'م', U+0631 'ر', U+062D 'ح', U+0628 'ب', and 1 more (left out)`,
		`label "No, not heard": bidirectional control U+202E removed (charts draw text left to right)`,
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q; got:\n%s", want, stderr.String())
		}
	}
}

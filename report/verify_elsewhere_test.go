package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyElsewhere runs verify on a report made with relative paths
// from another directory: the error says that the manifest's paths are
// relative to the directory the report was made in, names the path, and
// guesses that directory from the report folder; from that directory
// verify finds the report identical.
func TestVerifyElsewhere(t *testing.T) {
	made := t.TempDir()
	for _, f := range []string{"study.yaml", "responses.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "failing", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(made, "data", "failing"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(made, "data", "failing", f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(made)
	if _, err := Generate(filepath.Join("data", "failing", "study.yaml"), Options{Out: "out", Langs: []string{"en"}, PDF: "off"}); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(made, "out", "failing-claims")
	t.Chdir(t.TempDir())
	_, err := Verify(report)
	if err == nil {
		t.Fatal("verify from another directory: no error")
	}
	for _, want := range []string{
		"input data/failing/study.yaml: not found",
		"relative to the directory the report was made in; run surveystat verify from that directory",
		"(probably " + made + ", which holds data/failing/study.yaml)",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	t.Chdir(made)
	diffs, err := Verify(filepath.Join("out", "failing-claims"))
	if err != nil || len(diffs) != 0 {
		t.Errorf("verify from the directory the report was made in: %v, %v", diffs, err)
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyMessages checks the count of differences verify reports (one
// difference, two differences) and that no error repeats its prefix.
func TestVerifyMessages(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"report", "--pdf", "off", "--lang", "en", "--out", out, "../../data/noyb-de-2025/study.yaml"}, &stdout, &stderr); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr.String())
	}
	dir := filepath.Join(out, "noyb-de-2025")
	tests := []struct {
		name    string
		spoil   []string // files of the report to change
		dir     string
		code    int
		stderr  string
		notWant string
	}{
		{"one", []string{"results.csv"}, dir, 1, dir + ": 1 difference\n", "differences"},
		{"two", []string{"claims.csv"}, dir, 1, dir + ": 2 differences\n", ""},
		{"no folder", nil, filepath.Join(out, "nope"), 1, "surveystat verify: report folder " + filepath.Join(out, "nope") + ": ", "verify: verify:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range tt.spoil {
				if err := os.WriteFile(filepath.Join(dir, f), []byte("changed\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{"verify", tt.dir}, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr.String(), tt.code, tt.stderr)
			}
			if tt.notWant != "" && strings.Contains(stderr.String(), tt.notWant) {
				t.Errorf("stderr %q contains %q", stderr.String(), tt.notWant)
			}
		})
	}
}

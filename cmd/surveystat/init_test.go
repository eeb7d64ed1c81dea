package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/report"
	"github.com/surveystat/surveystat/survey"
)

// TestInitThenReport drafts a study file from each fixture with
// `surveystat init`, checks that it is refused while its todo list is
// there, and analyses it once accept_todo: true is added.
func TestInitThenReport(t *testing.T) {
	for _, file := range []string{"hard.csv", "hard.sav", "hard.zsav", "hard_1252.sav", "hard.dta", "hard_117.dta", "hard_114.dta", "hard_113.dta", "hard_haven.sav", "hard_haven.zsav", "noyb.sav", "noyb.dta"} {
		t.Run(file, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "study.yaml")
			src := filepath.Join("../../survey/testdata/sysfile", file)
			var stdout, stderr bytes.Buffer
			if code := run([]string{"init", "--lang", "de", "--out", out, src}, &stdout, &stderr); code != 0 {
				t.Fatalf("init: exit %d: %s", code, stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), "wrote "+out) {
				t.Errorf("init said %q", stdout.String())
			}
			stderr.Reset()
			if code := run([]string{"report", "--out", dir, "--pdf", "off", out}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "todo: ") {
				t.Errorf("report on the draft: exit %d, %s; want 1 and the todo list", code, stderr.String())
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(out, append(b, "accept_todo: true\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := survey.Load(out)
			if err != nil {
				t.Fatal(err)
			}
			r, err := report.Analyse(s)
			if err != nil {
				t.Fatal(err)
			}
			if r.Rows == 0 || len(r.Estimates) == 0 {
				t.Errorf("%d rows, %d estimates", r.Rows, len(r.Estimates))
			}
		})
	}
}

// TestInitRefuses checks that init never overwrites a file without
// --force, and reports bad input with exit status 1 and nothing written.
func TestInitRefuses(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "study.yaml")
	if err := os.WriteFile(existing, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "cut.sav")
	b, err := os.ReadFile("../../survey/testdata/sysfile/hard.sav")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(truncated, b[:len(b)-40], 0o644); err != nil {
		t.Fatal(err)
	}
	src := "../../survey/testdata/sysfile/hard.sav"
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"init", "--out", existing, src}, 1, "exists; use --force"},
		{[]string{"init", "--out", filepath.Join(dir, "new.yaml"), truncated}, 1, "cut.sav: case 5: not a valid SPSS system file"},
		{[]string{"init", "--out", filepath.Join(dir, "new.yaml"), dir}, 1, "not a regular file"},
		{[]string{"init", "--lang", "fr", src}, 2, `--lang "fr"`},
		{[]string{"init"}, 2, "want one respondent file"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
	if b, _ := os.ReadFile(existing); string(b) != "mine" {
		t.Error("init overwrote an existing file")
	}
	if _, err := os.Stat(filepath.Join(dir, "new.yaml")); err == nil {
		t.Error("init wrote a study file for bad input")
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"init", "--force", "--out", existing, src}, &stdout, &stderr); code != 0 {
		t.Errorf("init --force: exit %d: %s", code, stderr.String())
	}
}

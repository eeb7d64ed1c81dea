package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitCodes(t *testing.T) {
	out := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no args", nil, 2, "", "usage: surveystat COMMAND"},
		{"help", []string{"help"}, 0, "", "report"},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"report without study", []string{"report"}, 2, "", "want one study file"},
		{"report bad flag", []string{"report", "--nope", "x.yaml"}, 2, "", "flag provided but not defined"},
		{"report missing study", []string{"report", "--out", out, "nope.yaml"}, 1, "", "study file: open nope.yaml"},
		{"report", []string{"report", "--pdf", "off", "--out", out, "../../data/noyb-de-2025/study.yaml"}, 0, "wrote " + filepath.Join(out, "noyb-de-2025"), ""},
		{"flags after argument", []string{"report", "../../data/noyb-de-2025/study.yaml", "--out", out, "--pdf=off"}, 0, "wrote ", ""},
		{"version", []string{"version"}, 0, "surveystat ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr: %s)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q lacks %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderr)
			}
		})
	}
}

func TestSynthToFile(t *testing.T) {
	target := filepath.Join(t.TempDir(), "r.csv")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"synth", "--out", target, "../../data/noyb-de-2025/study.yaml"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, _ := os.ReadFile(target)
	want, _ := os.ReadFile("../../data/noyb-de-2025/responses.csv")
	if !bytes.Equal(got, want) {
		t.Error("synth output differs from the shipped responses.csv")
	}
}

func TestPlot(t *testing.T) {
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"plot", "--lang", "de", "--format", "svg,png", "--preset", "square", "--palette", "#003366,#cc0000,#999999",
		"--out", out, "../../data/noyb-de-2025/study.yaml"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, f := range []string{"de/recall.square.svg", "de/recall.square.png", "de/recall.txt", "de/instagram-funnel.square.png"} {
		if _, err := os.Stat(filepath.Join(out, "noyb-de-2025", f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	svg, _ := os.ReadFile(filepath.Join(out, "noyb-de-2025", "de", "awareness.square.svg"))
	if !bytes.Contains(svg, []byte("#003366")) && !bytes.Contains(svg, []byte("rgb(0,51,102)")) {
		t.Error("house palette not used")
	}
	for _, bad := range [][]string{
		{"plot", "--format", "gif", "x.yaml"},
		{"plot", "--preset", "poster", "x.yaml"},
		{"plot", "--lang", "fr", "x.yaml"},
		{"plot", "--palette", "red", "x.yaml"},
	} {
		if code := run(bad, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}

package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompareCommand(t *testing.T) {
	out := t.TempDir()
	comparison := "../../crossstudy/testdata/comparison.yaml"
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"compare"}, 2, "", "want one comparison file"},
		{[]string{"compare", "--lang", "fr", comparison}, 2, "", `--lang "fr"`},
		{[]string{"compare", "--pdf", "maybe", comparison}, 2, "", `--pdf "maybe"`},
		{[]string{"compare", "--out", out, "nope.yaml"}, 1, "", "comparison file: stat nope.yaml"},
		{[]string{"compare", "--out", out, "--pdf", "off", "--lang", "de,en", comparison}, 0, "wrote " + filepath.Join(out, "test-waves"), ""},
		{[]string{"verify", filepath.Join(out, "test-waves")}, 0, "identical", ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.args, code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
		}
	}
}

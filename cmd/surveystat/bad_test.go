package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden messages in testdata/bad/*/want.txt")

// TestBadInputCorpus runs `surveystat report` on every case under
// testdata/bad/ (one per kind of input error) and compares the exit status
// and message with the case's want.txt. A case with a file named args runs
// that command line instead, with STUDY standing for its study.yaml and OUT
// for the output directory (exit 2 is then allowed, for a usage error).
// The inputs must come out unchanged and no output directory may be left
// behind.
func TestBadInputCorpus(t *testing.T) {
	cases, err := filepath.Glob("testdata/bad/*/study.yaml")
	if err != nil || len(cases) < 80 { // a case removed by mistake shows here
		t.Fatalf("found %d cases (%v)", len(cases), err)
	}
	for _, study := range cases {
		dir := filepath.Dir(study)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			inputs := snapshot(t, dir)
			out := t.TempDir()
			var stdout, stderr bytes.Buffer
			args := []string{"report", "--out", out, study}
			custom, err := os.ReadFile(filepath.Join(dir, "args"))
			if err == nil {
				args = args[:0]
				for _, a := range strings.Fields(string(custom)) {
					switch a {
					case "STUDY":
						a = study
					case "OUT":
						a = out
					}
					args = append(args, a)
				}
			}
			code := run(args, &stdout, &stderr)
			got := fmt.Sprintf("exit %d\n%s", code, strings.ReplaceAll(stderr.String(), dir+string(filepath.Separator), "CASE/"))
			golden := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/surveystat -update)", err)
			}
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			if code != 1 && (custom == nil || code != 2) {
				t.Errorf("exit %d, want 1 for bad input (2 for a bad command line)", code)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("a failed run left %d entries in the output directory", len(entries))
			}
			if after := snapshot(t, dir); !equalSnap(inputs, after) {
				t.Error("the run changed its input files")
			}
		})
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		m[e.Name()] = string(b)
	}
	return m
}

func equalSnap(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

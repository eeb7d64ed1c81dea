package synth

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// TestCheckTarget checks when synth may write its file: only for a study
// marked synthetic, and over an existing file only if synth wrote it (the
// stamp file has its SHA-256, or it is what synth would write now) or
// --force is given.
func TestCheckTarget(t *testing.T) {
	const study = "id: s\ndata_status: %s\ndata: {file: r.csv, id: id}\nquestions:\n  - id: q\n    categories: [{id: a, codes: [1]}]\n"
	parse := func(t *testing.T, status string) *survey.Study {
		s, err := survey.Parse(strings.NewReader(strings.Replace(study, "%s", status, 1)), "s.yaml")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	data := []byte("q\n1\n")
	tests := []struct {
		name, status    string
		existing, stamp string // "" none; "-" leave out
		dir             bool
		force           bool
		kind            error
	}{
		{name: "new file", status: "synthetic"},
		{name: "same as would be written", status: "synthetic", existing: "q\n1\n"},
		{name: "written by synth before", status: "synthetic", existing: "q\n1\n1\n", stamp: "q\n1\n1\n"},
		{name: "changed since synth wrote it", status: "synthetic", existing: "q\n1\n1\n", stamp: "q\n1\n", kind: ErrNotOwnFile},
		{name: "not written by synth", status: "synthetic", existing: "id,q\nr1,1\n", kind: ErrNotOwnFile},
		{name: "not written by synth, forced", status: "synthetic", existing: "id,q\nr1,1\n", force: true},
		{name: "respondent data", status: "respondent", kind: ErrNotSynthetic},
		{name: "respondent data, forced", status: "respondent", force: true, kind: ErrNotSynthetic},
		{name: "reconstructed", status: "reconstructed", kind: ErrNotSynthetic},
		{name: "a directory", status: "synthetic", dir: true, kind: errNotFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "r.csv")
			if tt.existing != "" {
				if err := os.WriteFile(target, []byte(tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.dir {
				if err := os.Mkdir(target, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if tt.stamp != "" {
				if err := os.WriteFile(StampPath(target), Stamp(target, []byte(tt.stamp)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := CheckTarget(parse(t, tt.status), target, data, tt.force)
			if tt.kind == nil && err != nil || tt.kind != nil && !errors.Is(err, tt.kind) {
				t.Fatalf("CheckTarget = %v, want %v", err, tt.kind)
			}
		})
	}
}

// TestShippedStampsAreCurrent checks that every shipped synthetic file has
// a stamp with its SHA-256, so make synth can regenerate it.
func TestShippedStampsAreCurrent(t *testing.T) {
	s, err := survey.Load("../data/noyb-de-2025/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(s.DataPath())
	if err != nil {
		t.Fatal(err)
	}
	stamp, err := os.ReadFile(StampPath(s.DataPath()))
	if err != nil || string(stamp) != string(Stamp(s.DataPath(), b)) {
		t.Errorf("stamp %q (%v), want %q (go test ./synth -update)", stamp, err, Stamp(s.DataPath(), b))
	}
}

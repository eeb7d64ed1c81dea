package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWarnReplaced: replacing a report made from another study file with
// the same id is said on the warnings writer; re-running the same study
// file is not.
func TestWarnReplaced(t *testing.T) {
	out := t.TempDir()
	write := func(study string) string {
		t.Helper()
		p := filepath.Join(t.TempDir(), study)
		if err := os.WriteFile(p, []byte("id: x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		in, err := HashInputs(p)
		if err != nil {
			t.Fatal(err)
		}
		var warn bytes.Buffer
		if _, err := WriteFolder(Folder{Out: out, ID: "x", Langs: []string{"en"}, PDF: "off", Inputs: in, Warnings: &warn},
			func(write func(string, []byte) error) error { return write("a.txt", []byte("a")) }); err != nil {
			t.Fatal(err)
		}
		return warn.String()
	}
	if w := write("one.yaml"); w != "" {
		t.Errorf("first run warned %q", w)
	}
	if w := write("two.yaml"); !strings.Contains(w, "is replaced by that of") {
		t.Errorf("a report of another study file replaced without a warning (%q)", w)
	}
}

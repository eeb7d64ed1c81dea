package fonttest

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the font files of the bad-input corpus")

// corpusFonts are the font files of cmd/surveystat's bad-input corpus
// made by Renamed; the test keeps them what Renamed makes.
var corpusFonts = []struct{ path, family, postscript string }{
	{"../../cmd/surveystat/testdata/bad/theme-font-markup-name/font.ttf", `x"><img src=x onerror=alert(1)>`, "X"},
}

func TestCorpusFonts(t *testing.T) {
	for _, f := range corpusFonts {
		want := Renamed(f.family, f.postscript)
		if *update {
			if err := os.WriteFile(f.path, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/fonttest -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from Renamed(%q, %q); run go test ./internal/fonttest -update", f.path, f.family, f.postscript)
		}
	}
}

package figures

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestDump writes sample charts to $FIGURES_DUMP for visual inspection.
func TestDump(t *testing.T) {
	dir := os.Getenv("FIGURES_DUMP")
	if dir == "" {
		t.Skip("set FIGURES_DUMP=dir to write sample charts")
	}
	for _, lang := range []string{"en", "de", "nl"} {
		for name, c := range sampleCharts(lang) {
			for _, p := range Presets() {
				for _, f := range Formats() {
					var buf bytes.Buffer
					if err := Render(&buf, c, f, p, DefaultTheme()); err != nil {
						t.Errorf("%s %s %s %s: %v", lang, name, p, f, err)
						continue
					}
					fn := filepath.Join(dir, name+"-"+lang+"-"+string(p)+"."+string(f))
					if err := os.WriteFile(fn, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}

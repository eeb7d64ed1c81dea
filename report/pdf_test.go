package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// needChromium skips a test when Chromium is not installed, except in CI
// (CI=true), where .ci/run installs it and a missing browser is a failure.
func needChromium(t *testing.T) string {
	t.Helper()
	c := Chromium()
	if c == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but no Chromium was found; .ci/run must install Debian's chromium")
		}
		t.Skip("Chromium not installed (apt-get install chromium); skipping")
	}
	return c
}

func TestPDFReproducible(t *testing.T) {
	needChromium(t)
	t.Setenv("SOURCE_DATE_EPOCH", "1754524800") // 2025-08-07
	var runs [2]string
	for i := range runs {
		// The same command line in both runs (the output folders differ).
		dir, err := Generate(shipped, Options{Out: t.TempDir(), Langs: []string{"de"}, PDF: "on",
			Command: Command(shipped, Options{Out: "out", Langs: []string{"de"}, PDF: "on"})})
		if err != nil {
			t.Fatal(err)
		}
		runs[i] = dir
	}
	for _, name := range []string{"report.pdf", "evidence.pdf"} {
		var pdfs [2][]byte
		for i, dir := range runs {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			pdfs[i] = b
		}
		if !bytes.HasPrefix(pdfs[0], []byte("%PDF-")) {
			t.Fatalf("%s is not a PDF", name)
		}
		if !bytes.Equal(pdfs[0], pdfs[1]) {
			t.Errorf("%s differs between two runs", name)
		}
		if !bytes.Contains(pdfs[0], []byte("D:20250807000000")) {
			t.Errorf("%s: SOURCE_DATE_EPOCH not used for the PDF dates", name)
		}
	}
}

func TestFixPDFDates(t *testing.T) {
	in := []byte("/CreationDate (D:20261122214042+00'00')\n/ModDate (D:20261122214042+00'00')")
	got := fixPDFDates(in, time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC))
	want := []byte("/CreationDate (D:19800101000000+00'00')\n/ModDate (D:19800101000000+00'00')")
	if !bytes.Equal(got, want) || len(got) != len(in) {
		t.Errorf("got %s", got)
	}
}

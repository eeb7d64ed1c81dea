package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
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

// TestPrintPDFs prints two pages in one Chromium session and checks that a
// page that cannot be printed is an error naming its file, and that the
// session leaves no profile directory behind either way.
func TestPrintPDFs(t *testing.T) {
	chromium := needChromium(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	page := func(name, body string) string {
		p := filepath.Join(dir, name)
		html := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>@page { size: A4; margin: 15mm; }</style></head><body>` + body + `</body></html>`
		if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	installed := func(c string) string { return c }
	tests := []struct {
		name     string
		chromium func(installed string) string
		jobs     []pdfJob
		wantErr  string // "" for success
	}{
		{"none", installed, nil, ""},
		{"two pages", installed, []pdfJob{
			{page("a.html", "<p>first</p>"), filepath.Join(dir, "a.pdf")},
			{page("b.html", "<p>second</p>"), filepath.Join(dir, "b.pdf")},
		}, ""},
		{"missing page", installed, []pdfJob{
			{page("c.html", "<p>third</p>"), filepath.Join(dir, "c.pdf")},
			{filepath.Join(dir, "missing.html"), filepath.Join(dir, "missing.pdf")},
		}, "missing.html"},
		// chromedp.Cancel on a browser that never started waits forever.
		{"no such chromium", func(string) string { return "/nonexistent/chromium" }, []pdfJob{
			{page("d.html", "<p>fourth</p>"), filepath.Join(dir, "d.pdf")},
		}, "/nonexistent/chromium"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := printPDFs(nil, tc.chromium(chromium), tc.jobs)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatal(err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("got error %v, want one naming %s", err, tc.wantErr)
			}
			if tc.wantErr == "" {
				for _, j := range tc.jobs {
					b, err := os.ReadFile(j.pdf)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("D:19800101000000")) {
						t.Errorf("%s: not a PDF with the fixed date", j.pdf)
					}
				}
			}
			left, err := os.ReadDir(tmp)
			if err != nil {
				t.Fatal(err)
			}
			if len(left) != 0 {
				t.Errorf("left behind in the temporary directory: %s", left[0].Name())
			}
		})
	}
}

// pdfPageObject matches the dictionary of one page of a PDF as Chromium
// writes it (page objects outside compressed object streams); "/Type
// /Pages", the page tree, does not match.
var pdfPageObject = regexp.MustCompile(`/Type\s*/Page\b`)

// pdfPages returns the number of pages of a PDF printed by Chromium.
func pdfPages(b []byte) (int, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return 0, errors.New("not a PDF")
	}
	n := len(pdfPageObject.FindAll(b, -1))
	if n == 0 {
		return 0, errors.New("no page objects found (compressed object streams?)")
	}
	return n, nil
}

func TestPDFPages(t *testing.T) {
	one := []byte("%PDF-1.4\n1 0 obj\n<</Type /Pages\n/Count 2\n/Kids [2 0 R 3 0 R]>>\nendobj\n2 0 obj\n<</Type /Page\n/Parent 1 0 R>>\nendobj\n3 0 obj\n<</Type/Page/Parent 1 0 R>>\nendobj\n")
	if n, err := pdfPages(one); n != 2 || err != nil {
		t.Errorf("pdfPages = %d, %v; want 2", n, err)
	}
	for _, bad := range []string{"<html>", "%PDF-1.4\n<</Type /Pages /Count 0>>"} {
		if n, err := pdfPages([]byte(bad)); err == nil {
			t.Errorf("pdfPages(%q) = %d, no error", bad, n)
		}
	}
}

// TestEvidenceBriefPageCount prints the evidence brief of every study
// with an evidence section (the shipped studies under ../data and the test
// studies under testdata) in every language on A4 and checks that it
// stays an annex of at most four pages; the shipped study's brief, with
// three exhibits, the checklist and twelve published figures, takes at
// least two, on A4 and on US letter.
func TestEvidenceBriefPageCount(t *testing.T) {
	needChromium(t)
	hasEvidence := regexp.MustCompile(`(?m)^evidence:`)
	var studies []string
	for _, pattern := range []string{"../data/*/study.yaml", "testdata/*/study.yaml"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if hasEvidence.Match(b) {
				studies = append(studies, p)
			}
		}
	}
	if !slices.Contains(studies, shipped) {
		t.Fatalf("the shipped study %s has no evidence section (found %v)", shipped, studies)
	}
	type run struct{ study, paper string }
	var runs []run
	for _, s := range studies {
		runs = append(runs, run{s, "a4"})
	}
	runs = append(runs, run{shipped, "letter"})
	for _, tt := range runs {
		study := tt.study
		t.Run(filepath.Base(filepath.Dir(study))+"/"+tt.paper, func(t *testing.T) {
			dir, err := Generate(study, Options{Out: t.TempDir(), PDF: "on", Paper: tt.paper})
			if err != nil {
				t.Fatal(err)
			}
			min := 1
			if study == shipped {
				min = 2
			}
			for _, name := range []string{"evidence.pdf", "evidence.de.pdf", "evidence.nl.pdf"} {
				b, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				n, err := pdfPages(b)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if n < min || n > 4 {
					t.Errorf("%s: %d pages, want %d to 4", name, n, min)
				}
			}
		})
	}
}

package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// testStudies are the invented studies under testdata/studies, one of
// each shape the report must word truthfully (their data is made by
// scripts/teststudies/generate.py).
var testStudies = []string{"rows-unweighted", "weighted-strata-clusters", "raked", "cells", "reconstructed", "synthetic"}

// studyTexts returns every sentence a study's report says, without
// drawing its charts: report.<lang>.md for every language, and
// charts.<lang>.txt with each chart's title, subtitle, data-status mark,
// footer lines (base, method, source) and alt text.
func studyTexts(t *testing.T, path string) (*survey.Study, map[string][]byte) {
	t.Helper()
	s, err := survey.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, lang := range Langs() {
		ms, err := loadMessages(lang)
		if err != nil {
			t.Fatal(err)
		}
		charts, ids, err := Charts(r, lang)
		if err != nil {
			t.Fatal(err)
		}
		var docs []chartDoc
		var txt bytes.Buffer
		for i, c := range charts {
			alt := figures.AltText(c)
			docs = append(docs, chartDoc{ID: ids[i], Title: c.Title, Alt: alt, Files: []string{"figures/" + lang + "/" + ids[i] + ".png"}})
			fmt.Fprintf(&txt, "## %s\ntitle: %s\nsubtitle: %s\nsynthetic mark: %v\nfooter: %s\nfooter: %s\nfooter: %s\nalt: %s\n\n",
				ids[i], c.Title, c.Subtitle, c.Synthetic, c.Base, c.Method, c.Source, alt)
		}
		md, err := renderMarkdown(buildDocument(r, ms, docs))
		if err != nil {
			t.Fatal(err)
		}
		out["report."+lang+".md"] = md
		out["charts."+lang+".txt"] = txt.Bytes()
	}
	return s, out
}

// TestStudyGoldens compares every sentence of every test study's report
// and charts, in every language, with its golden file (reviewed by
// reading; regenerate with go test ./report -run TestStudyGoldens -update).
func TestStudyGoldens(t *testing.T) {
	for _, id := range testStudies {
		t.Run(id, func(t *testing.T) {
			_, texts := studyTexts(t, filepath.Join("testdata", "studies", id, "study.yaml"))
			for name, got := range texts {
				golden := filepath.Join("testdata", "studies", id, "golden", name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./report -run TestStudyGoldens -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s; if intended, run go test ./report -run TestStudyGoldens -update and read the diff", name, golden)
				}
			}
		})
	}
}

// facts returns what identifies a study: sponsor, institute, title and
// sources in every language, and its dates as any report writes them.
func facts(s *survey.Study) []string {
	m := s.Metadata
	var out []string
	add := func(v string) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	for _, lang := range Langs() {
		add(m.Sponsor.Get(lang))
		add(m.Institute.Get(lang))
		add(s.Title.Get(lang))
		for _, d := range []string{m.Published, m.FieldDates} {
			if d != "" {
				add(d)
				add(longDate(d, lang))
			}
		}
	}
	for _, src := range m.Sources {
		for _, lang := range Langs() {
			add(src.Title.Get(lang))
		}
		add(src.URL)
	}
	return out
}

// TestNoForeignFacts checks that no output of a study names another
// study's sponsor, institute, title, source or date, or states another
// study's sample size as its own, and that no translation or template
// names any of them.
func TestNoForeignFacts(t *testing.T) {
	paths := []string{shipped}
	for _, id := range testStudies {
		paths = append(paths, filepath.Join("testdata", "studies", id, "study.yaml"))
	}
	type study struct {
		s     *survey.Study
		texts map[string][]byte
	}
	var all []study
	for _, p := range paths {
		s, texts := studyTexts(t, p)
		all = append(all, study{s, texts})
	}
	for i, a := range all {
		for j, b := range all {
			if i == j {
				continue
			}
			foreign := facts(b.s)
			if n := b.s.Metadata.SampleSize; n > 0 && n != a.s.Metadata.SampleSize {
				for _, lang := range Langs() {
					ms, _ := loadMessages(lang)
					// The sample size as the disclosure states it.
					foreign = append(foreign, ms.T("d_sample_size")+":** "+Count(float64(n), lang)+"\n")
				}
			}
			for name, text := range a.texts {
				for _, f := range foreign {
					if own := slicesContains(facts(a.s), f); !own && bytes.Contains(text, []byte(f)) {
						t.Errorf("%s %s names %q of %s", a.s.ID, name, f, b.s.ID)
					}
				}
			}
		}
	}
	// Nothing of any study lives in the translations or templates.
	var fixed []string
	for _, dir := range []string{"i18n", "templates"} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			fixed = append(fixed, filepath.Join(dir, e.Name()))
		}
	}
	for _, f := range fixed {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range all {
			names := facts(st.s)
			// Each word of a sponsor's or institute's name too, so that
			// "not Gallup's results" is caught as well as "Gallup Institut".
			for _, lang := range Langs() {
				for _, v := range []string{st.s.Metadata.Sponsor.Get(lang), st.s.Metadata.Institute.Get(lang)} {
					for _, w := range strings.Fields(v) {
						if len([]rune(w)) >= 4 {
							names = append(names, w)
						}
					}
				}
			}
			for _, fact := range names {
				if word := regexp.MustCompile(`\b` + regexp.QuoteMeta(fact) + `\b`); word.Match(b) {
					t.Errorf("%s names %q of study %s", f, fact, st.s.ID)
				}
			}
		}
	}
}

func slicesContains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

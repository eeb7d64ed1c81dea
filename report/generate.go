package report

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/surveystat/surveystat/survey"
)

// Options control Generate.
type Options struct {
	Out   string   // parent directory; the report goes to Out/<study-id>
	Langs []string // report languages; default all of Langs(), the first gets index.html

	// PDF says whether to print report.pdf (one per language) from the
	// HTML with headless Chromium: "auto" (default) when Chromium is
	// installed, "on" to require it, "off" never.
	PDF string

	// Input, if set, wraps the respondent file as it is read (the CLI
	// draws a progress bar on a terminal).
	Input InputFunc
}

// Generate runs the study file at path end to end and writes its report to
// opts.Out/<study-id>, returning that directory. Everything is written to a
// temporary directory beside it first and moved into place only when all
// of it succeeded.
func Generate(path string, opts Options) (string, error) {
	s, err := survey.Load(path)
	if err != nil {
		return "", err
	}
	others, err := otherInputs(s)
	if err != nil {
		return "", err
	}
	r, err := AnalyseWith(s, opts.Input)
	if err != nil {
		return "", err
	}
	if opts.Out == "" {
		opts.Out = "out"
	}
	langs := opts.Langs
	if len(langs) == 0 {
		langs = Langs()
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return "", err
	}
	dir := filepath.Join(opts.Out, s.ID)
	staged, err := os.MkdirTemp(opts.Out, "."+s.ID+".tmp-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(staged) // no-op once renamed into place
	if err := os.Chmod(staged, 0o755); err != nil {
		return "", err
	}

	man := newManifest(s.ID, langs)
	man.Inputs = append([]FileEntry{{Path: s.Path, Bytes: s.Bytes, SHA256: hex.EncodeToString(s.SHA256[:])}, r.DataFile}, others...)
	write := func(rel string, b []byte) error {
		p := filepath.Join(staged, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
		man.Outputs = append(man.Outputs, hashBytes(filepath.ToSlash(rel), b))
		return nil
	}
	if err := writeAll(r, langs, write); err != nil {
		return "", err
	}
	// The manifest must describe the inputs as they were read: none may
	// have changed during the run.
	if err := unchanged(s, append([]FileEntry{man.Inputs[0]}, others...)); err != nil {
		return "", err
	}
	if err := writePDFs(staged, langs, opts.PDF, man); err != nil {
		return "", err
	}
	mb, err := man.encode()
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(staged, "manifest.json"), mb, 0o644); err != nil {
		return "", err
	}
	if err := replaceDir(staged, dir); err != nil {
		return "", err
	}
	return dir, nil
}

// otherInputs hashes the inputs of a study other than the study file and
// the respondent file: published figures, raking margins, fonts.
func otherInputs(s *survey.Study) ([]FileEntry, error) {
	var entries []FileEntry
	font, bold := s.FontPaths()
	for _, in := range []struct{ what, key, path string }{
		{"published figures", "published", s.PublishedPath()},
		{"raking margins", "analysis.rake.margins", s.RakePath()},
		{"theme font", "theme.font", font},
		{"bold theme font", "theme.font_bold", bold},
	} {
		if in.path == "" {
			continue
		}
		e, err := hashFile(in.path)
		if err != nil {
			return nil, fmt.Errorf("%s (%s in %s, relative to the study file): %w", in.what, in.key, s.Path, err)
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// unchanged checks that the study file and the other inputs are still
// what they were when they were read: before holds the study file's entry
// and then those of otherInputs.
func unchanged(s *survey.Study, before []FileEntry) error {
	st, err := hashFile(s.Path)
	if err != nil {
		return err
	}
	others, err := otherInputs(s)
	if err != nil {
		return err
	}
	for i, e := range append([]FileEntry{st}, others...) {
		if i >= len(before) || e != before[i] {
			return fmt.Errorf("%s: %w", e.Path, errChanged)
		}
	}
	return nil
}

// writeAll renders every output file of a result and hands it to write.
func writeAll(r *Result, langs []string, write func(rel string, b []byte) error) error {
	rows := Rows(r.Study.ID, r.Estimates)
	csvb, err := resultsCSV(rows)
	if err != nil {
		return fmt.Errorf("results.csv: %w", err)
	}
	if err := write("results.csv", csvb); err != nil {
		return err
	}
	jsb, err := resultsJSON(r, rows)
	if err != nil {
		return fmt.Errorf("results.json: %w", err)
	}
	if err := write("results.json", jsb); err != nil {
		return err
	}
	claims, comps, indep := testRows(r)
	for _, t := range []struct {
		name   string
		render func() ([]byte, error)
	}{
		{"claims.csv", func() ([]byte, error) { return tableCSV(claims) }},
		{"comparisons.csv", func() ([]byte, error) { return tableCSV(comps) }},
		{"independence.csv", func() ([]byte, error) { return tableCSV(indep) }},
	} {
		b, err := t.render()
		if err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
		if err := write(t.name, b); err != nil {
			return err
		}
	}
	out := DefaultChartOutput()
	th, err := StudyTheme(r.Study)
	if err != nil {
		return err
	}
	out.Theme = th
	// Draw the charts of every language at once, on all cores, and write
	// each language's files and documents as soon as its charts are done.
	sets := make([]*chartSet, len(langs))
	for i, lang := range langs {
		if sets[i], err = newChartSet(r, lang, out); err != nil {
			return err
		}
	}
	stop := renderCharts(sets, out.Theme)
	defer stop()
	for i, lang := range langs {
		ms, err := loadMessages(lang)
		if err != nil {
			return err
		}
		charts, err := sets[i].write(write)
		if err != nil {
			return err
		}
		d := buildDocument(r, ms, charts)
		suffix := "." + lang
		if i == 0 {
			suffix = ""
		}
		md, err := renderMarkdown(d)
		if err != nil {
			return fmt.Errorf("report%s.md: %w", suffix, err)
		}
		if err := write("report"+suffix+".md", md); err != nil {
			return err
		}
		html, err := renderHTML(d)
		if err != nil {
			return fmt.Errorf("index%s.html: %w", suffix, err)
		}
		if err := write("index"+suffix+".html", html); err != nil {
			return err
		}
	}
	return nil
}

// writePDFs prints each language's index*.html to report*.pdf.
func writePDFs(staged string, langs []string, mode string, man *Manifest) error {
	chromium := ""
	switch mode {
	case "", "auto":
		chromium = Chromium()
		if chromium == "" {
			return nil
		}
	case "on":
		if chromium = Chromium(); chromium == "" {
			return errors.New("--pdf on: no Chromium found (install Debian's chromium or set SURVEYSTAT_CHROMIUM)")
		}
	case "off":
		return nil
	default:
		return fmt.Errorf("pdf %q: want auto, on or off", mode)
	}
	for i, lang := range langs {
		suffix := "." + lang
		if i == 0 {
			suffix = ""
		}
		pdf := filepath.Join(staged, "report"+suffix+".pdf")
		if err := printPDF(chromium, filepath.Join(staged, "index"+suffix+".html"), pdf); err != nil {
			return err
		}
		e, err := hashFile(pdf)
		if err != nil {
			return err
		}
		e.Path = "report" + suffix + ".pdf"
		man.Outputs = append(man.Outputs, e)
	}
	return nil
}

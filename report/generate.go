package report

import (
	"context"
	"errors"
	"fmt"
	"io"
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

	// Warnings, if set, receives one line per warning about something
	// that does not stop the run, such as chart text the chart font cannot
	// draw (the CLI passes standard error).
	Warnings io.Writer

	// Context, if set, stops the run when it is done (the CLI cancels it
	// on Ctrl-C or SIGTERM): Generate returns its error at the next step
	// and removes what it had written; the previous report stays.
	Context context.Context

	// Test hooks: afterStep is called after each step of writing the
	// report directory (it may block, or fail the run); noExchange makes
	// replaceDir use its fallback without an atomic exchange.
	afterStep  func(step string) error
	noExchange bool
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
	step := func(name string) error {
		if opts.Context != nil {
			if err := opts.Context.Err(); err != nil {
				return fmt.Errorf("interrupted (%s): %w", name, err)
			}
		}
		if opts.afterStep != nil {
			return opts.afterStep(name)
		}
		return nil
	}
	dir := filepath.Join(opts.Out, s.ID)
	lock, err := lockOutput(filepath.Join(opts.Out, lockName(s.ID)))
	if err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	defer lock.unlock()
	if err := step("locked"); err != nil {
		return "", err
	}
	if err := recoverLeftovers(opts.Out, s.ID); err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	if err := step("recovered"); err != nil {
		return "", err
	}
	staged, err := os.MkdirTemp(opts.Out, stagingPrefix(s.ID))
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(staged) // the old report after an exchange; no-op after a rename
	if err := os.Chmod(staged, 0o755); err != nil {
		return "", err
	}
	if err := step("staged"); err != nil {
		return "", err
	}

	man := newManifest(s.ID, langs)
	for _, in := range []string{s.Path, s.DataPath(), s.PublishedPath()} {
		if in == "" {
			continue
		}
		e, err := hashFile(in)
		if err != nil {
			return "", err
		}
		man.Inputs = append(man.Inputs, e)
	}
	write := func(rel string, b []byte) error {
		p := filepath.Join(staged, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
		man.Outputs = append(man.Outputs, hashBytes(filepath.ToSlash(rel), b))
		return step("wrote " + rel)
	}
	if err := writeAll(r, langs, opts.Warnings, write); err != nil {
		return "", err
	}
	if err := writePDFs(staged, langs, opts.PDF, man); err != nil {
		return "", err
	}
	if err := step("printed"); err != nil {
		return "", err
	}
	mb, err := man.encode()
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(staged, "manifest.json"), mb, 0o644); err != nil {
		return "", err
	}
	if err := step("wrote manifest.json"); err != nil {
		return "", err
	}
	if err := replaceDir(staged, dir, !opts.noExchange, step); err != nil {
		return "", err
	}
	return dir, nil
}

// writeAll renders every output file of a result and hands it to write.
func writeAll(r *Result, langs []string, warnings io.Writer, write func(rel string, b []byte) error) error {
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
	out.Warnings = warnings
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

package report

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/surveystat/surveystat/figures"
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

	// Paper is the page size of the printed report (the HTML's @page rule
	// and so the PDFs): "a4" (default) or "letter".
	Paper string

	// Command, if set, is the command line the report's documents print
	// as the one that re-creates it (Verify sets it from the manifest);
	// by default it is made from the study path and the options above
	// (see Command).
	Command string

	// Input, if set, wraps the respondent file as it is read (the CLI
	// draws a progress bar on a terminal).
	Input InputFunc

	// Warnings, if set, receives one line for everything the run skipped
	// or could not do as asked without failing: PDFs under --pdf auto when
	// no Chromium is installed, chart text the chart font cannot draw.
	// The CLI passes stderr.
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

// paperSize returns the CSS page size for opts.Paper.
func paperSize(p string) (string, error) {
	switch p {
	case "", "a4", "A4":
		return "A4", nil
	case "letter", "Letter":
		return "letter", nil
	}
	return "", fmt.Errorf("paper %q: want a4 or letter", p)
}

// Generate runs the study file at path end to end and writes its report to
// opts.Out/<study-id>, returning that directory. Everything is written to a
// temporary directory beside it first and moved into place only when all
// of it succeeded.
func Generate(path string, opts Options) (string, error) {
	paper, err := paperSize(opts.Paper)
	if err != nil {
		return "", err
	}
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
	langs := opts.Langs
	if len(langs) == 0 {
		langs = Langs()
	}
	// The study file comes first (verify re-runs it), as it was parsed;
	// the respondent file is recorded as it was read.
	study := FileEntry{Path: s.Path, Bytes: s.Bytes, SHA256: hex.EncodeToString(s.SHA256[:])}
	inputs := append([]FileEntry{study, r.DataFile}, others...)
	run := runCommand{Report: opts.Command}
	if run.Report == "" {
		run.Report = Command(s.Path, Options{Out: opts.Out, Langs: langs, PDF: opts.PDF, Paper: opts.Paper})
	}
	run.Verify = verifyCommand(run.Report, s.ID)
	return WriteFolder(Folder{
		Out: opts.Out, ID: s.ID, Langs: langs, PDF: opts.PDF, Paper: paper, Command: run.Report,
		Inputs: inputs, Warnings: opts.Warnings, Context: opts.Context,
		afterStep: opts.afterStep, noExchange: opts.noExchange,
	}, func(write func(rel string, b []byte) error) error {
		if err := writeAll(r, langs, paper, run, opts.Warnings, inputs, write); err != nil {
			return err
		}
		// The manifest must describe the inputs as they were read: none
		// may have changed during the run.
		return unchanged(s, append([]FileEntry{study}, others...))
	})
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

// writeAll renders every output file of a result and hands it to write;
// inputs are the input files with their hashes, for the evidence brief.
func writeAll(r *Result, langs []string, paper string, run runCommand, warnings io.Writer, inputs []FileEntry, write func(rel string, b []byte) error) error {
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
		if i == 0 {
			warnTodo(warnings, r.Study)
			warnPrecision(warnings, r)
		}
		warnUntranslated(warnings, r.Study, lang)
		charts, err := sets[i].write(write)
		if err != nil {
			return err
		}
		d := buildDocument(r, ms, charts)
		d.Paper = paper
		d.FooterMD, d.FooterHTML = run.footer(ms)
		suffix := "." + lang
		if i == 0 {
			suffix = ""
		}
		if err := writeBrief(r, lang, suffix, paper, run, inputs, charts, sets[i], out.Theme, write); err != nil {
			return err
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
		if html, err = figures.SubsetPageFonts(html, out.Theme); err != nil {
			return fmt.Errorf("index%s.html: %w", suffix, err)
		}
		if err := write("index"+suffix+".html", html); err != nil {
			return err
		}
	}
	return nil
}

// pdfChromium returns the Chromium that prints the PDFs under mode ("" or
// "auto", "on", "off"): "" for none. Under "auto" without Chromium it
// says on warn that no PDF will be written; under "on" that is an error.
func pdfChromium(mode string, warn io.Writer) (string, error) {
	switch mode {
	case "", "auto":
		chromium := Chromium()
		if chromium == "" && warn != nil {
			fmt.Fprintln(warn, "surveystat: no PDF written: --pdf auto found no Chromium (chromium, chromium-browser or google-chrome on PATH, or SURVEYSTAT_CHROMIUM); install Debian's chromium or use --pdf off to silence this")
		}
		return chromium, nil
	case "on":
		chromium := Chromium()
		if chromium == "" {
			return "", errors.New("--pdf on: no Chromium found (install Debian's chromium or set SURVEYSTAT_CHROMIUM)")
		}
		return chromium, nil
	case "off":
		return "", nil
	}
	return "", fmt.Errorf("pdf %q: want auto, on or off", mode)
}

// writePDFs prints with p (nil for no PDFs) each language's index*.html
// to report*.pdf and, where the folder has an evidence brief,
// evidence*.html to evidence*.pdf.
func writePDFs(p *pdfPrinter, staged string, langs []string, man *Manifest) error {
	if p == nil {
		return nil
	}
	pages := [][2]string{{"index", "report"}}
	if _, err := os.Stat(filepath.Join(staged, "evidence.html")); err == nil {
		pages = append(pages, [2]string{"evidence", "evidence"})
	}
	var jobs []pdfJob
	var names []string
	for i, lang := range langs {
		suffix := "." + lang
		if i == 0 {
			suffix = ""
		}
		for _, pg := range pages {
			jobs = append(jobs, pdfJob{html: filepath.Join(staged, pg[0]+suffix+".html"), pdf: filepath.Join(staged, pg[1]+suffix+".pdf")})
			names = append(names, pg[1]+suffix+".pdf")
		}
	}
	if err := p.print(jobs); err != nil {
		return err
	}
	for i, j := range jobs {
		e, err := hashFile(j.pdf)
		if err != nil {
			return err
		}
		e.Path = names[i]
		man.Outputs = append(man.Outputs, e)
	}
	return nil
}

// warnUntranslated says on warn which texts of the study the report in
// lang prints in another language (Text.Get's fallback), up to ten of
// them by their place in the study file.
func warnUntranslated(warn io.Writer, s *survey.Study, lang string) {
	u := s.Untranslated(lang)
	if warn == nil || len(u) == 0 {
		return
	}
	list := strings.Join(u[:min(len(u), 10)], ", ")
	if len(u) > 10 {
		list += fmt.Sprintf(" and %d more", len(u)-10)
	}
	fmt.Fprintf(warn, "warning: %s: %d text(s) have no %q translation and print in the language given (question wordings, notes and limitations marked as such): %s\n", s.Path, len(u), lang, list)
}

// warnTodo says on warn that the study runs with todo items unfilled
// (accept_todo: true), and which.
func warnTodo(warn io.Writer, s *survey.Study) {
	todo := s.OpenTodo()
	if warn == nil || !s.AcceptTodo || len(todo) == 0 {
		return
	}
	fmt.Fprintf(warn, "warning: %s: accept_todo: true: reporting with %d todo item(s) not done; the report says so under limitations:\n", s.Path, len(todo))
	for i, t := range todo {
		fmt.Fprintf(warn, "  %d. %s\n", i+1, strings.Join(strings.Fields(t), " "))
	}
}

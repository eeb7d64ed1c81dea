package crossstudy

import (
	"fmt"
	"io"

	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/report"
)

// Kind is the manifest kind of a comparison report folder.
const Kind = "comparison"

// Options control Generate.
type Options struct {
	Out   string   // parent directory; the report goes to Out/<comparison-id>; default "out"
	Langs []string // report languages; default report.Langs(), the first gets index.html
	PDF   string   // auto (default), on or off, as report.Options.PDF
	// Warnings, if set, receives a line for everything skipped without
	// failing, as report.Options.Warnings.
	Warnings io.Writer
}

// Generate runs the comparison file at path and writes its report folder
// to opts.Out/<comparison-id>, returning that directory. The folder is
// written as a study report is (report.WriteFolder): staged beside its
// place and moved there only when complete, with a manifest of the SHA-256
// of every input (the comparison file, then each study's files) and
// output.
func Generate(path string, opts Options) (string, error) {
	f, err := Load(path)
	if err != nil {
		return "", err
	}
	r, err := Run(f)
	if err != nil {
		return "", err
	}
	langs := opts.Langs
	if len(langs) == 0 {
		langs = report.Langs()
	}
	for _, l := range langs {
		if _, ok := messages[l]; !ok {
			return "", fmt.Errorf("language %q: no translation (have en, de, nl)", l)
		}
	}
	paths := []string{path}
	for _, res := range r.Studies {
		s := res.Study
		font, bold := s.FontPaths()
		paths = append(paths, s.Path, s.DataPath(), s.PublishedPath(), s.RakePath(), font, bold)
	}
	inputs, err := report.HashInputs(paths...)
	if err != nil {
		return "", err
	}
	th, err := report.StudyTheme(r.Studies[0].Study)
	if err != nil {
		return "", err
	}
	return report.WriteFolder(report.Folder{Out: opts.Out, ID: f.ID, Kind: Kind, Langs: langs, Inputs: inputs, PDF: opts.PDF, Warnings: opts.Warnings},
		func(write func(rel string, b []byte) error) error {
			return r.writeAll(langs, th, write)
		})
}

// writeAll renders every file of the comparison report.
func (r *Result) writeAll(langs []string, th figures.Theme, write func(rel string, b []byte) error) error {
	est, err := tableCSV(r.EstimateRows())
	if err != nil {
		return fmt.Errorf("estimates.csv: %w", err)
	}
	if err := write("estimates.csv", est); err != nil {
		return err
	}
	diff, err := tableCSV(r.DifferenceRows())
	if err != nil {
		return fmt.Errorf("differences.csv: %w", err)
	}
	if err := write("differences.csv", diff); err != nil {
		return err
	}
	js, err := r.resultsJSON()
	if err != nil {
		return fmt.Errorf("results.json: %w", err)
	}
	if err := write("results.json", js); err != nil {
		return err
	}
	rd := new(figures.Renderer)
	for i, lang := range langs {
		charts, err := r.writeCharts(lang, th, rd, write)
		if err != nil {
			return err
		}
		d := r.document(lang, charts)
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
		if html, err = figures.SubsetPageFonts(html, th); err != nil {
			return fmt.Errorf("index%s.html: %w", suffix, err)
		}
		if err := write("index"+suffix+".html", html); err != nil {
			return err
		}
	}
	return nil
}

// Verify re-runs the comparison report in dir from the inputs in its
// manifest and compares every file, as report.Verify does for a study.
func Verify(dir string) ([]report.Difference, error) {
	return report.VerifyWith(dir, func(m *report.Manifest, out, pdf string) (string, error) {
		if m.Kind != Kind {
			return "", fmt.Errorf("%s is not a comparison report (manifest kind %q)", dir, m.Kind)
		}
		return Generate(m.Inputs[0].Path, Options{Out: out, Langs: m.Langs, PDF: pdf})
	})
}

package report

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"

	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// Folder describes a report folder written by WriteFolder: a study's
// report, or another kind of report (a comparison of surveys) that uses
// the same manifest, atomic replacement and verification.
type Folder struct {
	Out   string   // parent directory; the folder is Out/ID
	ID    string   // folder name and the manifest's id
	Kind  string   // manifest kind: "" for a study report, else e.g. "comparison"
	Langs []string // languages; the first gets index.html and report.md
	// Inputs are the files the report is made from, hashed as they were
	// read (see HashInputs); Verify re-runs the report from the first.
	Inputs []FileEntry
	// PDF prints each index*.html to report*.pdf: "auto", "on" or "off",
	// as Options.PDF.
	PDF string
	// Paper is the page size the HTML was laid out for ("A4" or
	// "letter"); the manifest records it when it is not A4, for Verify.
	Paper string
	// Command is the command line that made the folder, recorded in the
	// manifest for Verify; "" records none.
	Command string
	// Warnings, if set, receives a line for everything skipped without
	// failing (PDFs under "auto" without Chromium).
	Warnings io.Writer
	// Context, if set, stops the writing when it is done: WriteFolder
	// returns its error at the next step and removes what it had written;
	// the previous folder stays.
	Context context.Context

	// Test hooks: afterStep is called after each step of writing the
	// folder (it may block, or fail the run); noExchange makes replaceDir
	// use its fallback without an atomic exchange.
	afterStep  func(step string) error
	noExchange bool
}

// HashInputs hashes the input files at paths (empty paths are skipped) for
// Folder.Inputs. Each must be a regular file.
func HashInputs(paths ...string) ([]FileEntry, error) {
	var out []FileEntry
	for _, p := range paths {
		if p == "" {
			continue
		}
		e, err := hashFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// WriteFolder writes a report folder: fill hands every file to write
// (paths relative to the folder, with "/"), then the PDFs are printed and
// the manifest with the SHA-256 of every input and output is written.
// Everything goes to a temporary directory beside the folder first and
// replaces it only when all of it succeeded; on error nothing is left
// behind and a previous folder is kept. It returns Out/ID.
func WriteFolder(f Folder, fill func(write func(rel string, b []byte) error) error) (string, error) {
	if f.Out == "" {
		f.Out = "out"
	}
	if err := os.MkdirAll(f.Out, 0o755); err != nil {
		return "", err
	}
	step := func(name string) error {
		if f.Context != nil {
			if err := f.Context.Err(); err != nil {
				return fmt.Errorf("interrupted (%s): %w", name, err)
			}
		}
		if f.afterStep != nil {
			return f.afterStep(name)
		}
		return nil
	}
	chromium, err := pdfChromium(f.PDF, f.Warnings)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(f.Out, f.ID)
	lock, err := lockOutput(filepath.Join(f.Out, lockName(f.ID)))
	if err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	defer lock.unlock()
	// Chromium, when PDFs are to be printed, starts now, in the
	// background, while the files are made. On an early return it is
	// stopped rather than waited for.
	var printer *pdfPrinter
	printed := false
	if chromium != "" {
		parent := f.Context
		if parent == nil {
			parent = context.Background()
		}
		ctx, cancel := context.WithCancel(parent)
		printer = startPrinter(ctx, chromium)
		defer func() {
			if !printed {
				cancel() // an early return: a browser still starting gives up
			}
			printer.close() // closes Chromium gracefully after printing
			cancel()
		}()
	}
	if err := step("locked"); err != nil {
		return "", err
	}
	if err := recoverLeftovers(f.Out, f.ID); err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	if err := step("recovered"); err != nil {
		return "", err
	}
	warnReplaced(f, dir)
	staged, err := os.MkdirTemp(f.Out, stagingPrefix(f.ID))
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(staged) // the old folder after an exchange; no-op after a rename
	if err := os.Chmod(staged, 0o755); err != nil {
		return "", err
	}
	if err := step("staged"); err != nil {
		return "", err
	}
	man := newManifest(f.ID, f.Langs)
	man.Kind = f.Kind
	man.Command = f.Command
	if f.Paper != "" && f.Paper != "A4" {
		man.Paper = f.Paper
	}
	man.Inputs = append(man.Inputs, f.Inputs...)
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
	if err := fill(write); err != nil {
		return "", err
	}
	err = writePDFs(printer, staged, f.Langs, man)
	printed = true
	if err != nil {
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
	if err := replaceDir(staged, dir, !f.noExchange, step); err != nil {
		return "", err
	}
	return dir, nil
}

// ReadManifest reads the manifest.json of the report folder dir.
func ReadManifest(dir string) (*Manifest, error) {
	p := filepath.Join(dir, "manifest.json")
	b, err := survey.ReadInput(p, maxManifestBytes)
	if err != nil {
		return nil, fmt.Errorf("report folder %s: %w", dir, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: not a manifest: %w", p, err)
	}
	return &m, nil
}

// InlineSVG prepares an SVG chart for inclusion in an HTML page, as the
// study report does: the XML prolog is dropped and every id is prefixed
// with prefix so that several charts on one page cannot clash. The SVG is
// treated as untrusted: it is checked against an allow-list of elements and
// attributes (package svgsafe) and an error is returned if anything else
// is in it. The fonts embedded in an SVG are declared by @font-face rules,
// which apply to the whole page, and each SVG file embeds only the glyphs
// it draws: first says whether this is the first chart of the page, which
// then carries the whole fonts of th (figures.WholeSVGFonts), while the
// others carry none. Pass the finished page to figures.SubsetPageFonts to
// cut those fonts down to the characters of the page.
func InlineSVG(b []byte, prefix string, first bool, th figures.Theme) (template.HTML, error) {
	return inlineSVGOnPage(b, prefix, first, th)
}

// PercentRange formats an interval with one unit sign, "62.5–69.3%", in
// the conventions of lang.
func PercentRange(lo, hi float64, decimals int, lang string) string {
	return percentRange(lo, hi, decimals, lang)
}

// LevelText formats a confidence level, "95%", in the conventions of lang.
func LevelText(level float64, lang string) string { return levelText(level, lang) }

// LongDate writes an ISO date (2025-08-07) as a reader of lang expects it:
// "7 August 2025", "7. August 2025", "7 augustus 2025"; other text is
// returned as it is.
func LongDate(iso, lang string) string { return longDate(iso, lang) }

// warnReplaced says on f.Warnings when the folder about to be replaced was
// made from another study or comparison file with the same id: two studies
// with one id would otherwise overwrite each other's report without a word.
func warnReplaced(f Folder, dir string) {
	if f.Warnings == nil || len(f.Inputs) == 0 {
		return
	}
	old, err := ReadManifest(dir)
	if err != nil || len(old.Inputs) == 0 {
		return // no earlier report there (or not one of ours)
	}
	was, now := filepath.Clean(old.Inputs[0].Path), filepath.Clean(f.Inputs[0].Path)
	if was != now {
		fmt.Fprintf(f.Warnings, "warning: %s held the report of %s; it is replaced by that of %s (the same id %q)\n", dir, was, now, f.ID)
	}
}

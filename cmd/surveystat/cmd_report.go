package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/surveystat/surveystat/report"
)

func runReport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("report", "[--out DIR] [--lang en,de,nl] [--pdf auto|on|off] [--paper a4|letter] STUDY.yaml", stderr)
	out := fs.String("out", "out", "write the report to `DIR`/<study-id>")
	pdf := fs.String("pdf", "auto", "print report.pdf with headless Chromium: auto (if installed), on, off")
	paper := fs.String("paper", "a4", "page size of the PDFs: a4 or letter")
	langs := fs.String("lang", strings.Join(report.Langs(), ","), "report languages, comma-separated; the first gets index.html and report.md")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one study file, got %d arguments", len(pos))
	}
	switch *pdf {
	case "auto", "on", "off":
	default:
		return usagef("--pdf %q: want auto, on or off", *pdf)
	}
	if *pdf == "on" && report.Chromium() == "" {
		return fmt.Errorf("--pdf on: no Chromium found (install Debian's chromium or set SURVEYSTAT_CHROMIUM)")
	}
	ls := split(*langs)
	for _, l := range ls {
		if !contains(report.Langs(), l) {
			return usagef("--lang %q: want one of %s", l, strings.Join(report.Langs(), ", "))
		}
	}
	if len(ls) == 0 {
		return usagef("--lang: name at least one language")
	}
	// Ctrl-C or SIGTERM stops the run at its next step, which removes
	// what it had written; a second one ends the process at once (the
	// next run cleans up then).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	dir, err := report.Generate(pos[0], report.Options{Out: *out, PDF: *pdf, Paper: *paper, Langs: ls, Input: progressInput(stderr), Context: ctx, Warnings: stderr})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "wrote %s\n", dir)
	return err
}

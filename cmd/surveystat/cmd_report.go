package main

import (
	"fmt"
	"io"

	"github.com/surveystat/surveystat/report"
)

func runReport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("report", "[--out DIR] [--pdf auto|on|off] STUDY.yaml", stderr)
	out := fs.String("out", "out", "write the report to `DIR`/<study-id>")
	pdf := fs.String("pdf", "auto", "print report.pdf with headless Chromium: auto (if installed), on, off")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one study file, got %d arguments", len(pos))
	}
	dir, err := report.Generate(pos[0], report.Options{Out: *out, PDF: *pdf})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "wrote %s\n", dir)
	return err
}

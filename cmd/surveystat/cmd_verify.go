package main

import (
	"fmt"
	"io"

	"github.com/surveystat/surveystat/crossstudy"
	"github.com/surveystat/surveystat/report"
)

func runVerify(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("verify", "REPORT-DIR", stderr)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one report directory (such as out/<study-id>), got %d arguments", len(pos))
	}
	m, err := report.ReadManifest(pos[0])
	if err != nil {
		return err
	}
	verify := report.Verify
	if m.Kind == crossstudy.Kind {
		verify = crossstudy.Verify
	}
	diffs, err := verify(pos[0])
	if err != nil {
		return err
	}
	if len(diffs) == 0 {
		_, err := fmt.Fprintf(stdout, "%s: identical\n", pos[0])
		return err
	}
	for _, d := range diffs {
		fmt.Fprintf(stdout, "%s: %s: %s\n", pos[0], d.Path, d.Reason)
	}
	if len(diffs) == 1 {
		return fmt.Errorf("%s: 1 difference", pos[0])
	}
	return fmt.Errorf("%s: %d differences", pos[0], len(diffs))
}

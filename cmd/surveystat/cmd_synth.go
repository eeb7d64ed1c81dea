package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/report"
	"github.com/surveystat/surveystat/survey"
	"github.com/surveystat/surveystat/synth"
)

const synthArgs = "[--out FILE] [--force] STUDY.yaml"

func runSynth(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("synth", synthArgs, stderr)
	out := fs.String("out", "", "write to `FILE` instead of the study's data.file")
	force := fs.Bool("force", false, "replace FILE even if surveystat synth did not write it (or it was changed since)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one study file, got %d arguments", len(pos))
	}
	s, err := survey.Load(pos[0])
	if err != nil {
		return err
	}
	if s.Status != survey.StatusSynthetic {
		return synth.CheckTarget(s, "", nil, *force)
	}
	target := *out
	if target == "" {
		target = s.DataPath()
	}
	var buf bytes.Buffer
	if err := synth.Generate(&buf, s); err != nil {
		return err
	}
	// The generated file must reproduce every primary published figure
	// before it replaces anything.
	res, err := report.AnalyseReader(s, bytes.NewReader(buf.Bytes()), target)
	if err != nil {
		return err
	}
	if len(res.Mismatches) > 0 {
		return fmt.Errorf("%s: %w", s.Path, analysis.MismatchError(res.Mismatches))
	}
	if err := synth.CheckTarget(s, target, buf.Bytes(), *force); err != nil {
		return err
	}
	if err := report.WriteFileAtomic(target, buf.Bytes()); err != nil {
		return err
	}
	if err := report.WriteFileAtomic(synth.StampPath(target), synth.Stamp(target, buf.Bytes())); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "wrote %s (%d respondents, all published figures reproduced)\n", target, res.Rows)
	return err
}

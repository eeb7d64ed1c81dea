package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/surveystat/surveystat/report"
	"github.com/surveystat/surveystat/scaffold"
	"github.com/surveystat/surveystat/survey"
)

const initArgs = "[--out study.yaml] [--lang en|de|nl] [--encoding E] [--force] FILE"

// maxInitInput bounds the respondent file init reads.
const maxInitInput = 16 << 30

func runInit(args []string, stdout, stderr io.Writer) error {
	fl := newFlags("init", initArgs, stderr)
	out := fl.String("out", "study.yaml", "write the study file to `FILE`")
	lang := fl.String("lang", "en", "`language` of the file's labels: en, de or nl")
	enc := fl.String("encoding", "", "character `encoding` of the file (default: the file's own; UTF-8 for CSV)")
	force := fl.Bool("force", false, "overwrite an existing study file")
	pos, err := parse(fl, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one respondent file (.csv, .sav, .zsav or .dta), got %d arguments", len(pos))
	}
	switch *lang {
	case "en", "de", "nl":
	default:
		return usagef("--lang %q: want en, de or nl", *lang)
	}
	src := pos[0]
	if _, err := os.Stat(*out); err == nil && !*force {
		return fmt.Errorf("%s exists; use --force to overwrite it, or --out to write elsewhere", *out)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", src)
	}
	if st.Size() > maxInitInput {
		return fmt.Errorf("%s: %d bytes, more than the %d bytes init reads", src, st.Size(), int64(maxInitInput))
	}
	d, err := scaffold.Inspect(io.LimitReader(f, maxInitInput), src, *enc)
	if err != nil {
		return err
	}
	absOut, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	absSrc, err := filepath.Abs(src)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(filepath.Dir(absOut), absSrc)
	if err != nil {
		rel = absSrc
	}
	id := scaffold.Slug(strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)))
	if id == "" {
		id = "study"
	}
	var buf bytes.Buffer
	if err := d.Write(&buf, scaffold.Options{ID: id, DataFile: filepath.ToSlash(rel), Source: filepath.Base(src), Lang: *lang}); err != nil {
		return err
	}
	// The draft must read back as a study, with its todo list the only
	// thing standing in the way of a report.
	if _, err := survey.Parse(bytes.NewReader(append(buf.Bytes(), "\naccept_todo: true\n"...)), *out); err != nil {
		return fmt.Errorf("drafted study file does not validate (please report this): %w", err)
	}
	if err := report.WriteFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	nq := 0
	for _, c := range d.Columns {
		if c.Role == scaffold.Question {
			nq++
		}
	}
	_, err = fmt.Fprintf(stdout, "wrote %s: %d questions from %d columns of %s (%s, %d rows); fill in its todo list before `surveystat report`\n", *out, nq, len(d.Columns), src, d.Format, d.Rows)
	return err
}

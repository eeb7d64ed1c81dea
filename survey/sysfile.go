package survey

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/surveystat/surveystat/spss"
	"github.com/surveystat/surveystat/stata"
)

// System files (SPSS .sav/.zsav, Stata .dta) are read by converting every
// case, as it is read, to the row a CSV export of the file would have,
// and passing those rows through the CSV reader: the same validation, the
// same decoding and so the same results as the CSV export. Numbers are
// written as codes the way the codebook spells them (1 → "1", 1.5 →
// "1.5"), system-missing as an empty cell, dates as ISO dates, text as
// UTF-8. A value the file declares user-missing (SPSS missing values and
// ranges, Stata's .a–.z) that the codebook does not give a category counts
// as missing, like the codebook's own missing codes.

// SystemFileKind names the format of a respondent file from its first
// bytes: "sav" (SPSS, also .zsav), "dta" (Stata) or "" for text.
func SystemFileKind(head []byte) string {
	switch {
	case len(head) >= 4 && (string(head[:4]) == "$FL2" || string(head[:4]) == "$FL3"):
		return "sav"
	case len(head) >= 11 && string(head[:11]) == "<stata_dta>":
		return "dta"
	case len(head) >= 4 && head[0] >= 113 && head[0] <= 115 && (head[1] == 1 || head[1] == 2) && head[2] == 1 && head[3] == 0:
		return "dta"
	}
	return ""
}

// sysColumn converts one variable of a system file to CSV cells.
type sysColumn struct {
	name     string
	numeric  bool
	date     func(float64) (string, bool) // nil: not a date
	missing  func(spss.Value) bool        // SPSS user-missing; nil for Stata
	rangeTag string                       // the missing code standing for a user-missing range
	codes    map[string]bool              // the codebook's category codes, for a question column
}

// sysSource is an open system file.
type sysSource struct {
	kind    string
	cols    []sysColumn
	weight  string // the weight variable the file names; "" if none
	sav     *spss.Reader
	dta     *stata.Reader
	savRow  []spss.Value
	dtaRow  []stata.Value
	caseNum func() int64
}

func openSystemFile(br *bufio.Reader, kind string, s *Study) (*sysSource, error) {
	src := &sysSource{kind: kind}
	switch kind {
	case "sav":
		rd, err := spss.NewReader(br, spss.Options{Encoding: s.Data.Encoding})
		if err != nil {
			return nil, err
		}
		src.sav, src.weight = rd, rd.Dict.Weight
		src.savRow = make([]spss.Value, len(rd.Dict.Variables))
		src.caseNum = func() int64 { return int64(rd.Case()) }
		for _, v := range rd.Dict.Variables {
			c := sysColumn{name: v.Name, numeric: v.Numeric()}
			if v.Numeric() && v.Format.IsDate() {
				withTime := v.Format.HasTime()
				c.date = func(x float64) (string, bool) { return spss.DateString(x, withTime), true }
			}
			m, numeric := v.Missing, v.Numeric()
			if len(m.Values) > 0 || m.HasRange {
				c.missing = func(x spss.Value) bool { return m.Contains(x, numeric) }
			}
			if m.HasRange {
				c.rangeTag = rangeWords(m.Low, m.High)
			}
			src.cols = append(src.cols, c)
		}
	default:
		rd, err := stata.NewReader(br, stata.Options{Encoding: s.Data.Encoding})
		if err != nil {
			return nil, err
		}
		src.dta = rd
		src.dtaRow = make([]stata.Value, len(rd.Variables))
		src.caseNum = rd.Observation
		for i := range rd.Variables {
			v := &rd.Variables[i]
			c := sysColumn{name: v.Name, numeric: v.Numeric()}
			if v.Numeric() && v.IsDate() {
				c.date = v.DateString
			}
			src.cols = append(src.cols, c)
		}
	}
	return src, nil
}

// extendedMissing is the code that stands for Stata's .a–.z when the
// codebook gives them no category.
const extendedMissing = ".a–.z"

// rangeWords describes an SPSS user-missing range as a code ("7 thru 9",
// "LO thru 0").
func rangeWords(lo, hi float64) string {
	end := func(x float64, inf string) string {
		if math.IsInf(x, 0) || math.Abs(x) >= math.MaxFloat64/2 {
			return inf
		}
		return spss.FormatNumber(x)
	}
	return end(lo, "LO") + " thru " + end(hi, "HI")
}

// studyFor returns a copy of s for reading the converted rows: the text is
// already UTF-8 and comma-separated, and user-missing values the codebook
// does not give a category are added to the questions' missing codes.
func (src *sysSource) studyFor(s *Study) (*Study, error) {
	if src.weight != "" && s.Data.Weight == "" && s.Data.WeightSum == "" && !slices.Contains(s.Data.Ignore, src.weight) {
		return nil, fmt.Errorf("the file is weighted by its variable %q, which the study file does not use (expected data.weight: %s, or %s listed under data.ignore to analyse the data unweighted)", src.weight, src.weight, src.weight)
	}
	if src.dta != nil {
		used := []string{s.Data.ID, s.Data.Weight, s.Data.Strata, s.Data.Cluster, s.Data.FPC}
		for _, q := range s.Questions {
			used = append(used, q.Column)
		}
		for _, v := range src.dta.Variables {
			if v.StrL() && slices.Contains(used, v.Name) {
				return nil, fmt.Errorf("variable %q is a strL (long string), which surveystat does not read (expected a str# variable; in Stata: recast str2045 %s)", v.Name, v.Name)
			}
		}
	}
	c := *s
	c.Data.Encoding, c.Data.Delimiter, c.Data.Decimal = "", ",", "."
	c.Questions = slices.Clone(s.Questions)
	byName := map[string]int{}
	for i, col := range src.cols {
		byName[col.name] = i
	}
	for qi := range c.Questions {
		q := &c.Questions[qi]
		i, ok := byName[q.Column]
		if !ok {
			continue
		}
		codes := map[string]bool{}
		for _, cat := range q.Categories {
			for _, code := range cat.Codes {
				codes[code] = true
			}
		}
		col := &src.cols[i]
		col.codes = codes
		q.Missing = slices.Clone(q.Missing)
		add := func(code string) {
			if !codes[code] && !slices.Contains(q.Missing, code) {
				q.Missing = append(q.Missing, code)
			}
		}
		if src.sav != nil {
			v := src.sav.Dict.Variables[i]
			for _, m := range v.Missing.Values {
				if v.Numeric() {
					add(spss.FormatNumber(m.Num))
				} else {
					add(m.Str)
				}
			}
			if col.rangeTag != "" {
				add(col.rangeTag)
			}
		} else if col.numeric {
			add(extendedMissing)
		}
	}
	return &c, nil
}

// cell converts value i of the current case.
func (src *sysSource) cell(i int) string {
	col := &src.cols[i]
	if src.sav != nil {
		v := src.savRow[i]
		if !col.numeric {
			return v.Str // user-missing strings are discrete: added to the missing codes
		}
		if v.IsSysmis() {
			return ""
		}
		code := spss.FormatNumber(v.Num)
		if col.date != nil {
			code, _ = col.date(v.Num)
		}
		if col.rangeTag != "" && col.codes != nil && !col.codes[code] && col.missing(v) && !slices.ContainsFunc(src.sav.Dict.Variables[i].Missing.Values, func(m spss.Value) bool { return m.Num == v.Num }) {
			return col.rangeTag
		}
		return code
	}
	v := src.dtaRow[i]
	if !col.numeric {
		return v.Str
	}
	if v.IsMissing() {
		if v.Missing == 0 {
			return ""
		}
		code := "." + string(rune(v.Missing))
		if col.codes != nil && !col.codes[code] {
			return extendedMissing
		}
		return code
	}
	if col.date != nil {
		if d, ok := col.date(v.Num); ok {
			return d
		}
	}
	return spss.FormatNumber(v.Num)
}

// next reads the next case; io.EOF after the last.
func (src *sysSource) next() error {
	if src.sav != nil {
		return src.sav.Read(src.savRow)
	}
	return src.dta.Read(src.dtaRow)
}

// writeCSV writes the header and every case as CSV to w.
func (src *sysSource) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	rec := make([]string, len(src.cols))
	for i, c := range src.cols {
		rec[i] = c.name
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for {
		err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		for i := range rec {
			rec[i] = src.cell(i)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if src.dta != nil {
		// Stata stores value labels after the data: reading them checks
		// that the file is whole.
		if _, err := src.dta.ReadValueLabels(); err != nil {
			return err
		}
	}
	return nil
}

// scanAny is Scan (agg false) and ScanCells (agg true) on a CSV or system
// file.
func scanAny(r io.Reader, s *Study, name string, agg bool, fn func(*Respondent) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(11)
	kind := SystemFileKind(head)
	if kind == "" {
		rd, err := NewReader(br, s, name)
		if err != nil {
			return err
		}
		return rd.scan(agg, fn)
	}
	src, err := openSystemFile(br, kind, s)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	sc, err := src.studyFor(s)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	pr, pw := io.Pipe()
	werr := make(chan error, 1)
	go func() {
		err := src.writeCSV(pw)
		pw.CloseWithError(err)
		werr <- err
	}()
	err = func() error {
		rd, err := NewReader(pr, sc, name)
		if err != nil {
			return err
		}
		return rd.scan(agg, fn)
	}()
	pr.CloseWithError(errStopped)
	if e := <-werr; e != nil && !errors.Is(e, errStopped) {
		return fmt.Errorf("%s: case %d: %w", name, src.caseNum()+1, e)
	}
	return toCases(err, name)
}

// errStopped ends the conversion when the reader has stopped.
var errStopped = errors.New("reading stopped")

var firstSeenLine = regexp.MustCompile(`first seen on line (\d+)`)

// toCases rewrites the locations of errors about converted rows from lines
// of the CSV form to case numbers of the system file (line 1 being the
// header, case n is line n+1).
func toCases(err error, name string) error {
	fix := func(pe *ParseError) *ParseError {
		c := *pe
		if errors.Is(c.Err, ErrNoRows) {
			c.Line, c.Expect = 0, "at least one case"
		}
		if c.Line > 1 {
			c.File = fmt.Sprintf("%s: case %d", name, c.Line-1)
		}
		c.Line = 0
		c.Expect = firstSeenLine.ReplaceAllStringFunc(c.Expect, func(m string) string {
			n, _ := strconv.Atoi(firstSeenLine.FindStringSubmatch(m)[1])
			return "first seen in case " + strconv.Itoa(n-1)
		})
		c.Expect = strings.ReplaceAll(c.Expect, "; the header has ", "; the file has the variables ")
		return &c
	}
	var list Errors
	var pe *ParseError
	switch {
	case errors.As(err, &list) && len(list) > 0:
		out := make(Errors, len(list))
		for i, e := range list {
			out[i] = fix(e)
		}
		return out
	case errors.As(err, &pe):
		return fix(pe)
	}
	return err
}

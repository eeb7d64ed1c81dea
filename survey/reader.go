package survey

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Decoded values of a question without a valid answer.
const (
	// Empty marks an empty cell: the question was not asked or not answered.
	Empty = -1
	// Missing marks a declared missing code ("don't know", refused).
	Missing = -2
)

// Respondent is one decoded row of a respondent file. Values holds, per
// question of the study in order, the index of the answer's category, or
// Empty or Missing. The ID and Line are for locating errors only and are
// never written to any output.
type Respondent struct {
	Line   int
	ID     string
	Values []int
	// Weight is the respondent's weight (1 without data.weight). In a
	// weighted cell table (data.weight_sum) Summed is set and Weight is
	// the sum of the weights of the row's Count respondents, WeightSq the
	// sum of their squares.
	Weight   float64
	WeightSq float64
	Summed   bool

	// Stratum and PSU identify the respondent's stratum and primary
	// sampling unit when the study declares those columns ("" otherwise);
	// FPC is the finite population correction (0: none).
	Stratum, PSU string
	FPC          float64

	// Count is how many identical respondents this row stands for: 1 for
	// a respondent file, the cell count for an aggregated cell table.
	Count float64

	// Ignored marks, per question, an answer from outside the question's
	// base that was ignored because the study sets data.outside_base: warn.
	Ignored []bool

	// decSep records the decimal separators of the row's weight, Σw² and
	// fpc cells (see sepBits), for Reader.mixedDecimal.
	decSep uint8
}

// Reader reads respondents from a CSV file described by a study's codebook.
// Every cell of a question column must be empty, one of the question's
// category codes, or one of its missing codes; an answer from a respondent
// outside the question's base is an error.
type Reader struct {
	// decSeen is, per tracked number column (colWeight, …), the first
	// decimal separator seen and its line (see mixedDecimal).
	decSeen [3]struct {
		bits uint8
		line int
	}
	study  *Study
	name   string
	csv    *csv.Reader
	br     *bufio.Reader // the prepared input, positioned after the header once read
	comma  rune
	header []string

	idCol, weightCol              int
	strataCol, clusterCol, fpcCol int
	countCol                      int
	wsqCol                        int              // Σw² column of a weighted cell table
	summed                        bool             // data.weight_sum: weightCol holds Σw
	undeclared                    []int            // columns the study does not mention or ignore
	cols                          []int            // column index per question
	codes                         []map[string]int // code → category index or Missing
	code1                         [][256]int16     // single-byte codes per question; noCode if none
	expect                        []string         // codes in words, per question
	ids                           *idSet           // respondent id → line first seen
	line0                         int              // lines before the csv reader's first line
	dataLine                      int              // line of the first row after the header; 0 if unknown
	headerEnd                     int              // line on which the header ends
	chunkSize                     int              // bytes per chunk of the parallel reader; 0: the default
	maxRow                        int64            // bytes a row may have; 0: MaxRowBytes
	limit                         *rowLimit        // limits the rows the csv reader reads after the fast path; nil: none
	rec                           Respondent
	rows                          int

	// read lists the columns the reader looks at (every column except
	// those under data.ignore); shown marks the columns whose values a
	// message may show (question columns), numeric those whose values it
	// may show when they look like a number (weights, counts, FPC).
	read           []int
	shown, numeric []bool
}

// NewReader reads the header of a respondent file from r and returns a
// Reader for its rows. name is the file name used in errors. A UTF-8 byte
// order mark is skipped.
func NewReader(r io.Reader, s *Study, name string) (*Reader, error) {
	// The header is read whole; a limit keeps a file without line breaks
	// from being read into memory.
	hl := &headerLimit{r: r, name: name}
	br, comma, err := prepare(hl, &s.Data, name)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{File: name, Line: 1, Err: errors.New("file is empty"), Expect: "a header row naming the columns"}
	}
	if err != nil {
		return nil, (&Reader{name: name}).csvError(err)
	}
	hl.done = true
	header = append([]string(nil), header...)
	headerEnd, _ := cr.FieldPos(len(header) - 1)
	headerEnd += strings.Count(header[len(header)-1], "\n")
	dataLine := 0
	if hl, _ := cr.FieldPos(0); !strings.ContainsAny(strings.Join(header, ""), "\r\n") {
		dataLine = hl + 1
	}
	index := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		if _, dup := index[h]; dup {
			return nil, &ParseError{File: name, Line: 1, Column: h, Value: h, Err: errors.New("column named twice in header")}
		}
		index[h] = i
	}
	rd := &Reader{study: s, name: name, csv: cr, br: br, comma: comma, header: header, idCol: -1, weightCol: -1,
		strataCol: -1, clusterCol: -1, fpcCol: -1, countCol: -1, wsqCol: -1, ids: newIDSet(), dataLine: dataLine, headerEnd: headerEnd}
	find := func(col, what string) (int, error) {
		i, ok := index[col]
		if !ok {
			return 0, &ParseError{File: name, Line: 1, Column: col, Err: ErrMissingColumn,
				Expect: fmt.Sprintf("a column %q for %s; the header has %s", col, what, headerList(header))}
		}
		return i, nil
	}
	if s.Data.ID != "" {
		if rd.idCol, err = find(s.Data.ID, "the respondent id"); err != nil {
			return nil, err
		}
	}
	if s.Data.Count != "" {
		if rd.countCol, err = find(s.Data.Count, "the cell count"); err != nil {
			return nil, err
		}
	}
	if s.Data.Weight != "" {
		if rd.weightCol, err = find(s.Data.Weight, "the weight"); err != nil {
			return nil, err
		}
	}
	if s.Data.WeightSum != "" {
		if rd.weightCol, err = find(s.Data.WeightSum, "the sum of the weights"); err != nil {
			return nil, err
		}
		if rd.wsqCol, err = find(s.Data.WeightSqSum, "the sum of the squared weights"); err != nil {
			return nil, err
		}
		rd.summed = true
	}
	for _, c := range []struct {
		col  string
		to   *int
		what string
	}{{s.Data.Strata, &rd.strataCol, "the stratum"}, {s.Data.Cluster, &rd.clusterCol, "the PSU (cluster)"}, {s.Data.FPC, &rd.fpcCol, "the finite population correction"}} {
		if c.col != "" {
			if *c.to, err = find(c.col, c.what); err != nil {
				return nil, err
			}
		}
	}
	declared := map[string]bool{s.Data.ID: true, s.Data.Weight: true, s.Data.WeightSum: true, s.Data.WeightSqSum: true, s.Data.Strata: true, s.Data.Cluster: true, s.Data.FPC: true, s.Data.Count: true}
	for _, q := range s.Questions {
		declared[q.Column] = true
	}
	ignored := map[string]bool{}
	for _, c := range s.Data.Ignore {
		ignored[c] = true
	}
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, encodingError(name, 1, "", h, true)
		}
		if declared[h] || ignored[h] {
			continue
		}
		if looksLikeIdentifier(h) {
			return nil, &ParseError{File: name, Line: 1, Column: h, Value: h, Err: ErrIdentifier,
				Expect: "only the columns the study file declares, or columns listed under data.ignore",
				Hint:   "remove the column from the file before analysis, or list it under data.ignore in the study file; its values are never read then"}
		}
		rd.undeclared = append(rd.undeclared, i)
	}
	rd.cols = make([]int, len(s.Questions))
	rd.codes = make([]map[string]int, len(s.Questions))
	rd.code1 = make([][256]int16, len(s.Questions))
	rd.expect = make([]string, len(s.Questions))
	for qi := range s.Questions {
		q := &s.Questions[qi]
		if rd.cols[qi], err = find(q.Column, "question "+q.ID); err != nil {
			return nil, err
		}
		m := map[string]int{}
		var words []string
		for ci, c := range q.Categories {
			for _, code := range c.Codes {
				m[code] = ci
			}
			words = append(words, strings.Join(c.Codes, "/")+" = "+c.ID)
		}
		for _, code := range q.Missing {
			m[code] = Missing
		}
		if len(q.Missing) > 0 {
			words = append(words, strings.Join(q.Missing, "/")+" = missing")
		}
		rd.codes[qi] = m
		for b := range rd.code1[qi] {
			rd.code1[qi][b] = noCode
		}
		for code, ci := range m {
			if len(code) == 1 && ci < math.MaxInt16 {
				rd.code1[qi][code[0]] = int16(ci)
			}
		}
		rd.expect[qi] = "one of " + strings.Join(words, ", ") + ", or an empty cell"
	}
	rd.rec.Values = make([]int, len(s.Questions))
	rd.rec.Ignored = make([]bool, len(s.Questions))
	rd.columnRoles()
	return rd, nil
}

// Header returns the column names of the file.
func (r *Reader) Header() []string { return r.header }

// Read returns the next respondent, or io.EOF after the last one. The
// returned value is reused by the next call. A row with problems yields an
// error (a *ParseError, or an Errors list when a row has several); reading
// may continue with the next row.
func (r *Reader) Read() (*Respondent, error) {
	for {
		rec, err := r.csv.Read()
		if r.limit != nil {
			r.limit.n = 0
		}
		if err == io.EOF {
			if r.rows == 0 {
				return nil, &ParseError{File: r.name, Line: 2, Err: ErrNoRows, Expect: "at least one row after the header"}
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.csvError(err)
		}
		r.rows++
		if r.limit != nil && len(rec) > 0 {
			// The line on which this row ends.
			last, _ := r.csv.FieldPos(len(rec) - 1)
			r.limit.line = last + r.line0 + strings.Count(rec[len(rec)-1], "\n")
		}
		line, _ := r.csv.FieldPos(0)
		line += r.line0
		resp := &r.rec
		pos := func(col int) int {
			l, _ := r.csv.FieldPos(col)
			return l + r.line0
		}
		errs, early := r.decode(rec, pos, resp)
		resp.Line = line
		if resp.ID != "" {
			if pe := r.checkID(resp.ID, line, pos(r.idCol)); pe != nil {
				errs = append(Errors{pe}, errs...)
			}
		}
		if len(errs) == 0 {
			if pe, col := r.mixedDecimal(resp.decSep, line); pe != nil {
				pe.Value = strings.TrimSpace(rec[col])
				errs = append(errs, pe)
			}
		}
		switch {
		case early:
			return resp, errs
		case len(errs) == 0:
			if resp.Count == 0 {
				continue // an empty cell of a cell table stands for nobody
			}
			return resp, nil
		case len(errs) == 1:
			return resp, errs[0]
		}
		return resp, errs
	}
}

// checkID records a respondent id of the record on line, or returns the
// error for an id seen before; idLine is the line of the id field.
func (r *Reader) checkID(id string, line, idLine int) *ParseError {
	if first, dup := r.ids.add(id, line); dup {
		return dupIDError(r.name, idLine, r.header[r.idCol], first)
	}
	return nil
}

// decode checks and decodes one record into resp, except for the
// uniqueness of its id, which the caller checks in file order. pos gives
// the line of a field. early reports that the record was abandoned at an
// encoding problem.
func (r *Reader) decode(rec []string, pos func(col int) int, resp *Respondent) (errs Errors, early bool) {
	at := func(col int, value, expect string, e error) {
		errs = append(errs, &ParseError{File: r.name, Line: pos(col), Column: r.header[col], Value: value, Expect: expect, Err: e,
			Hidden: !r.shown[col] && !(r.numeric[col] && numberLike(value))})
	}
	resp.ID = ""
	if r.idCol >= 0 {
		resp.ID = strings.TrimSpace(rec[r.idCol])
		if resp.ID == "" {
			at(r.idCol, "", "a respondent id", ErrEmptyID)
		}
	}
	// Only the columns that are read are checked; ignored columns are
	// never looked at.
	for _, i := range r.read {
		if v := rec[i]; !utf8.ValidString(v) {
			errs = append(errs, encodingError(r.name, pos(i), r.header[i], v, r.shown[i]))
			return errs, true
		}
	}
	for _, col := range r.undeclared {
		if kind := identifierKind(rec[col]); kind != "" {
			at(col, "", "no direct identifiers in columns the study does not declare",
				fmt.Errorf("%w (%s)", ErrIdentifier, kind))
			errs[len(errs)-1].Hint = "remove the column before analysis, or list it under data.ignore in the study file"
		}
	}
	resp.Weight = 1
	resp.decSep = 0
	if r.weightCol >= 0 {
		v := strings.TrimSpace(rec[r.weightCol])
		resp.decSep |= sepBits(v, r.study.Data.Decimal, colWeight)
		w, ok := parseWeight(v, r.study.Data.Decimal)
		switch {
		case !ok:
			at(r.weightCol, v, "a positive finite number such as "+decimalExample(r.study.Data.Decimal, "1.25"), ErrWeight)
			errs[len(errs)-1].Hint = separatorHint(v, r.study.Data.Decimal)
		case w < MinWeight || w > MaxWeight:
			at(r.weightCol, v, "a weight between 1e-100 and 1e100 (estimates do not depend on the scale of the weights: rescale them)", ErrWeight)
		}
		resp.Weight = w
	}
	resp.WeightSq, resp.Summed = 0, r.summed
	if r.summed {
		v := strings.TrimSpace(rec[r.wsqCol])
		resp.decSep |= sepBits(v, r.study.Data.Decimal, colWSq)
		w2, ok := parseWeight(v, r.study.Data.Decimal)
		switch {
		case !ok:
			at(r.wsqCol, v, "a positive finite number such as "+decimalExample(r.study.Data.Decimal, "2.5")+": the sum of the squared weights of the row's respondents", ErrWeight)
			errs[len(errs)-1].Hint = separatorHint(v, r.study.Data.Decimal)
		case w2 < MinWeight*MinWeight || w2 > MaxWeight*MaxWeight:
			at(r.wsqCol, v, "a sum of squared weights between 1e-200 and 1e200 (rescale the weights)", ErrWeight)
		}
		resp.WeightSq = w2
	}
	resp.Stratum, resp.PSU, resp.FPC, resp.Count = "", "", 0, 1
	if r.strataCol >= 0 {
		if resp.Stratum = strings.TrimSpace(rec[r.strataCol]); resp.Stratum == "" {
			at(r.strataCol, "", "a stratum id", ErrDesignCell)
		}
	}
	if r.clusterCol >= 0 {
		if resp.PSU = strings.TrimSpace(rec[r.clusterCol]); resp.PSU == "" {
			at(r.clusterCol, "", "a PSU (cluster) id", ErrDesignCell)
		}
	}
	if r.fpcCol >= 0 {
		v := strings.TrimSpace(rec[r.fpcCol])
		resp.decSep |= sepBits(v, r.study.Data.Decimal, colFPC)
		f, ok := parseWeight(v, r.study.Data.Decimal)
		if !ok {
			at(r.fpcCol, v, "a positive number: the population size (≥ 1) or sampling fraction (< 1, such as "+decimalExample(r.study.Data.Decimal, "0.25")+") of the stratum", ErrDesignCell)
			errs[len(errs)-1].Hint = separatorHint(v, r.study.Data.Decimal)
		}
		resp.FPC = f
	}
	if r.countCol >= 0 {
		v := strings.TrimSpace(rec[r.countCol])
		c, ok := parseCount(v)
		if !ok {
			at(r.countCol, v, "a whole number of respondents, 0 or more, such as 12", ErrCount)
			if strings.ContainsAny(v, ".,") {
				errs[len(errs)-1].Hint = "a count is written without decimal or thousands separators (data.decimal applies to weights, Σw² and fpc only)"
			}
		}
		resp.Count = c
	}
	if r.summed && resp.Count > 0 {
		sw := resp.Weight
		switch {
		case resp.WeightSq < sw*sw/resp.Count*(1-1e-9):
			at(r.wsqCol, strings.TrimSpace(rec[r.wsqCol]), fmt.Sprintf("at least (Σw)²/count = %.6g: the sum of the squares of %v weights that sum to %v", sw*sw/resp.Count, resp.Count, sw), ErrWeight)
		case resp.WeightSq > sw*sw*(1+1e-9):
			at(r.wsqCol, strings.TrimSpace(rec[r.wsqCol]), fmt.Sprintf("at most (Σw)² = %.6g: the sum of the squares of positive weights that sum to %v", sw*sw, sw), ErrWeight)
		}
	}
	for qi, col := range r.cols {
		v := strings.TrimSpace(rec[col])
		if v == "" {
			resp.Values[qi] = Empty
			continue
		}
		ci, ok := r.codes[qi][v]
		if !ok {
			at(col, v, r.expect[qi], ErrUnknownCode)
			errs[len(errs)-1].Hint = fmt.Sprintf("if %q is a valid answer, add it to a category or to missing of question %s in the study file", clip(v), r.study.Questions[qi].ID)
			resp.Values[qi] = Empty
			continue
		}
		resp.Values[qi] = ci
	}
	if bad := r.applyBases(resp, true); bad != nil {
		for _, qi := range bad {
			q := &r.study.Questions[qi]
			at(r.cols[qi], strings.TrimSpace(rec[r.cols[qi]]),
				fmt.Sprintf("an empty cell: the question is asked only if %s", q.Base.When), ErrOutsideBase)
			errs[len(errs)-1].Hint = "check the base in the study file and the export; data.outside_base: warn ignores and counts such answers"
		}
	}
	return errs, false
}

// parseCount parses a cell count: a whole number from 0 to 2⁵³.
func parseCount(v string) (float64, bool) {
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil || n > 1<<53 {
		return 0, false
	}
	return float64(n), true
}

// applyBases empties the answers of questions the respondent was not asked
// and sets resp.Ignored. It returns, in the order found, the questions
// whose answers are errors because they come from outside the question's
// base; with all false it stops at the first such question and returns it
// without changing its answer.
func (r *Reader) applyBases(resp *Respondent, all bool) (bad []int) {
	// Bases are checked in study order; a question's base may depend on
	// an answer that is itself ignored as outside its own base, so repeat
	// until nothing changes.
	for qi := range resp.Ignored {
		resp.Ignored[qi] = false
	}
	for changed := true; changed; {
		changed = false
		for qi := range r.study.Questions {
			if resp.Values[qi] == Empty || r.study.InBase(qi, resp.Values) {
				continue
			}
			if resp.Values[qi] == Missing || r.study.Data.OutsideBase == "warn" {
				// A missing code from someone not asked is "not asked";
				// under outside_base: warn an answer is ignored and counted.
				resp.Ignored[qi] = resp.Values[qi] != Missing
				resp.Values[qi] = Empty
				changed = true
				continue
			}
			bad = append(bad, qi)
			if !all {
				return bad
			}
			resp.Values[qi] = Empty
		}
	}
	return bad
}

// csvError converts an error of the csv reader, whose line numbers start
// after r.line0 lines.
func (r *Reader) csvError(err error) error {
	name := r.name
	var own *ParseError
	if errors.As(err, &own) {
		return own // located already (a row too large)
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		expect := ""
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			expect = "the same number of fields as the header"
		} else if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			expect = "quotes to be balanced and doubled inside quoted fields"
		}
		line := pe.Line
		if errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line {
			// An unterminated quote is found where the file ends; the
			// fault is where the quoted field starts.
			return &ParseError{File: name, Line: pe.StartLine + r.line0, Err: ErrOpenQuote,
				Expect: fmt.Sprintf("a closing \" before the end of the file: the quoted field runs on to line %d", pe.Line+r.line0),
				Hint:   "a quote inside a field must be doubled (\"\"); a field starting with \" must end with one"}
		}
		return &ParseError{File: name, Line: line + r.line0, Err: pe.Err, Expect: expect}
	}
	return &ParseError{File: name, Err: err}
}

// Scan reads every respondent from r and calls fn for each valid one, in
// file order. It collects up to MaxErrors problems and returns them as
// Errors; fn is not called for a row with problems, nor for any row after
// the first problem. An error from fn stops the scan and is returned as it
// is.
//
// Scan parses the file on all cores (see GOMAXPROCS) and calls fn from
// the calling goroutine only. A file with quoted fields is read
// sequentially from the first row that has a quote.
func Scan(r io.Reader, s *Study, name string, fn func(*Respondent) error) error {
	return scanAny(r, s, name, false, fn) // CSV, or a system file: sysfile.go
}

// ScanCells is Scan for callers that only count respondents, such as
// analysis.Tally: respondents with identical answers, weight, design ids
// and ignored answers are delivered once, with Count set to how many rows
// they stand for (the sum of their counts, for a cell table). fn is called
// at most once per distinct combination every 65536 combinations, in an
// order that depends only on the file; it is not called at all if the
// file has a problem within the first such block. Memory depends on the
// number of distinct combinations, not on the number of rows. The
// respondents fn sees have no ID; their Line is that of the first row of
// the combination, for messages.
func ScanCells(r io.Reader, s *Study, name string, fn func(*Respondent) error) error {
	return scanAny(r, s, name, true, fn)
}

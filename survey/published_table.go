package survey

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// MaxTableSize is the largest published table read, in bytes: a table of
// published percentages has a few rows per question, so anything larger is
// not one.
const MaxTableSize = 4 << 20

// MaxTableBase is the largest base a published table may state.
const MaxTableBase = 100_000_000

// Remainder is the percent cell of a category that stands for everything
// the published categories leave over, so that a question's categories sum
// to 100%: its counts are the base minus the published counts.
const Remainder = "rest"

// TableRow is one row of a published table (data.table): the share of one
// category of a question as its authors published it, on a base of Base
// respondents. See docs/published-figures.md.
type TableRow struct {
	Line     int // line in the table file, for messages
	Question string
	Category string
	// Percent is the published percentage (18 for 18%); NaN for the
	// remainder category (Remainder in the file).
	Percent   float64
	Remainder bool
	Decimals  int // decimals the percentage was rounded to
	Base      int // respondents the percentage is of
	// NAssumed marks Base as an assumption (the publication gave no base
	// for this figure).
	NAssumed bool
	// Deff is the published design effect, NEff the published effective
	// sample size; NaN when not published (at most one of them is given).
	Deff, NEff float64
	// MOE is the published margin of error in percentage points; Lower and
	// Upper the published interval in percent. NaN when not published.
	MOE, Lower, Upper float64
	Source, Note      string
}

// tableColumns lists the columns a published table may have; the first
// five are required.
func tableColumns() []string {
	return []string{"question", "category", "percent", "decimals", "base", "n_assumed", "deff", "n_eff", "moe", "lower", "upper", "source", "note"}
}

func tableRequired() []string { return tableColumns()[:5] }

// TableError is a problem in a published table, located as encoding/csv
// locates its errors.
type TableError struct {
	File   string
	Line   int
	Column string // empty for a problem of the whole row or file
	Value  string
	Msg    string
}

func (e *TableError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ": column %q", e.Column)
	}
	if e.Value != "" || e.Column != "" {
		fmt.Fprintf(&b, ": value %q", e.Value)
	}
	return b.String() + ": " + e.Msg
}

// ReadTable reads a published table (CSV with a header row; columns
// question, category, percent, decimals and base, and optionally n_assumed,
// deff, n_eff, moe, lower, upper, source, note, in any order) and checks it
// against the study's codebook: every category of every question exactly
// once, one base and design effect per question, at most one remainder per
// question. It reads at most MaxTableSize bytes; name is
// used in errors, which are *TableError.
func ReadTable(r io.Reader, s *Study, name string) ([]TableRow, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxTableSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > MaxTableSize {
		return nil, &TableError{File: name, Msg: fmt.Sprintf("file larger than %d MiB: a published table has a few rows per question", MaxTableSize>>20)}
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !isText(b) {
		return nil, &TableError{File: name, Msg: "not a text file (expected a CSV table of published percentages)"}
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = 0
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &TableError{File: name, Msg: "file is empty (expected a header row: " + strings.Join(tableRequired(), ",") + ")"}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if !containsString(tableColumns(), h) {
			return nil, &TableError{File: name, Line: 1, Column: h, Value: h, Msg: "unknown column (expected " + strings.Join(tableColumns(), ", ") + ")"}
		}
		if _, dup := col[h]; dup {
			return nil, &TableError{File: name, Line: 1, Column: h, Value: h, Msg: "column given twice"}
		}
		col[h] = i
	}
	for _, h := range tableRequired() {
		if _, ok := col[h]; !ok {
			return nil, &TableError{File: name, Line: 1, Column: h, Msg: "column not found in header (the header has " + strings.Join(header, ", ") + ")"}
		}
	}
	var rows []TableRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		cell := func(c string) string {
			if i, ok := col[c]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		bad := func(c, msg string) error {
			return &TableError{File: name, Line: line, Column: c, Value: cell(c), Msg: msg}
		}
		row := TableRow{Line: line, Question: cell("question"), Category: cell("category"), Source: cell("source"), Note: cell("note")}
		q := s.Question(row.Question)
		if q == nil {
			return nil, bad("question", "unknown question (expected a question id of the study file)")
		}
		if n := q.NetByID(row.Category); n != nil {
			return nil, bad("category", fmt.Sprintf("is a net of question %q (%s); a net's count is the sum of its categories' counts, so give only the categories here, and the net's published figure in published.csv to compare it", q.ID, strings.Join(n.Categories, ", ")))
		}
		if q.CategoryIndex(row.Category) < 0 {
			return nil, bad("category", fmt.Sprintf("question %q has no such category (expected one of %s)", q.ID, categoryIDs(q)))
		}
		if p := cell("percent"); strings.EqualFold(p, Remainder) {
			row.Remainder, row.Percent = true, math.NaN()
		} else if row.Percent, err = parseReal(p); err != nil || row.Percent < 0 || row.Percent > 100 {
			return nil, bad("percent", "expected a percentage from 0 to 100 such as 18 or 17.5 (not 0.18), or "+Remainder+" for everything else")
		}
		d, err := strconv.Atoi(cell("decimals"))
		if err != nil || d < 0 || d > 6 {
			return nil, bad("decimals", "expected the number of decimals the percentage was rounded to, a whole number from 0 to 6")
		}
		row.Decimals = d
		if !row.Remainder && math.Abs(row.Percent*math.Pow(10, float64(d))-math.Round(row.Percent*math.Pow(10, float64(d)))) > 1e-6 {
			hint := ""
			if row.Percent < 1 {
				hint = fmt.Sprintf(" (percentages are written as %s for %s%%, not %s)", strconv.FormatFloat(100*row.Percent, 'g', 10, 64), strconv.FormatFloat(100*row.Percent, 'g', 10, 64), cell("percent"))
			}
			return nil, bad("percent", fmt.Sprintf("has more decimals than decimals = %d says%s", d, hint))
		}
		n, err := strconv.Atoi(cell("base"))
		if err != nil || n < 1 || n > MaxTableBase {
			return nil, bad("base", "expected the number of respondents the percentage is of, a whole number such as 1009")
		}
		row.Base = n
		switch strings.ToLower(cell("n_assumed")) {
		case "", "false", "no":
		case "true", "yes":
			row.NAssumed = true
		default:
			return nil, bad("n_assumed", "expected true (the base is an assumption), false or an empty cell")
		}
		for _, f := range []struct {
			c   string
			dst *float64
			ok  func(float64) bool
			msg string
		}{
			{"deff", &row.Deff, func(v float64) bool { return v > 0 }, "expected a positive design effect such as 1.5, or an empty cell"},
			{"n_eff", &row.NEff, func(v float64) bool { return v > 0 && v <= MaxTableBase }, "expected a positive effective sample size such as 640, or an empty cell"},
			{"moe", &row.MOE, func(v float64) bool { return v >= 0 && v <= 100 }, "expected the published margin of error in percentage points such as 3.1, or an empty cell"},
			{"lower", &row.Lower, func(v float64) bool { return v >= 0 && v <= 100 }, "expected the published lower bound in percent, or an empty cell"},
			{"upper", &row.Upper, func(v float64) bool { return v >= 0 && v <= 100 }, "expected the published upper bound in percent, or an empty cell"},
		} {
			*f.dst = math.NaN()
			if v := cell(f.c); v != "" {
				x, err := parseReal(v)
				if err != nil || !f.ok(x) {
					return nil, bad(f.c, f.msg)
				}
				*f.dst = x
			}
		}
		if !math.IsNaN(row.Deff) && !math.IsNaN(row.NEff) {
			return nil, bad("n_eff", "give a design effect (deff) or an effective sample size (n_eff), not both")
		}
		if math.IsNaN(row.Lower) != math.IsNaN(row.Upper) {
			return nil, bad("upper", "a published interval needs both lower and upper")
		}
		if !math.IsNaN(row.Lower) && !row.Remainder && !(row.Lower <= row.Percent && row.Percent <= row.Upper) {
			return nil, bad("lower", fmt.Sprintf("the published interval %v–%v does not contain the percentage %v", row.Lower, row.Upper, row.Percent))
		}
		rows = append(rows, row)
	}
	if err := checkTable(rows, s, name); err != nil {
		return nil, err
	}
	return rows, nil
}

// checkTable checks what concerns several rows: every category of every
// question once, and one base per question.
func checkTable(rows []TableRow, s *Study, name string) error {
	if len(rows) == 0 {
		return &TableError{File: name, Msg: "no rows (expected one row per category of every question)"}
	}
	first := map[string]*TableRow{}
	seen := map[string]int{}
	for i := range rows {
		r := &rows[i]
		key := r.Question + "=" + r.Category
		if l, dup := seen[key]; dup {
			return &TableError{File: name, Line: r.Line, Column: "category", Value: r.Category, Msg: fmt.Sprintf("%s given twice (first on line %d)", key, l)}
		}
		seen[key] = r.Line
		f, ok := first[r.Question]
		if !ok {
			first[r.Question] = r
			continue
		}
		same := func(c string, a, b float64) error {
			if a == b || (math.IsNaN(a) && math.IsNaN(b)) {
				return nil
			}
			return &TableError{File: name, Line: r.Line, Column: c, Value: formatCell(b),
				Msg: fmt.Sprintf("question %q: every category of a question has the same %s (line %d has %s)", r.Question, c, f.Line, formatCell(a))}
		}
		for _, err := range []error{
			same("base", float64(f.Base), float64(r.Base)),
			same("deff", f.Deff, r.Deff),
			same("n_eff", f.NEff, r.NEff),
		} {
			if err != nil {
				return err
			}
		}
		if f.NAssumed != r.NAssumed {
			return &TableError{File: name, Line: r.Line, Column: "n_assumed", Value: strconv.FormatBool(r.NAssumed),
				Msg: fmt.Sprintf("question %q: every category of a question has the same n_assumed (line %d has %v)", r.Question, f.Line, f.NAssumed)}
		}
		if r.Remainder && f.Remainder {
			return &TableError{File: name, Line: r.Line, Column: "percent", Value: Remainder, Msg: fmt.Sprintf("question %q: only one category can be the remainder (line %d is one)", r.Question, f.Line)}
		}
		if r.Remainder {
			first[r.Question] = r
		}
	}
	for qi := range s.Questions {
		q := &s.Questions[qi]
		for _, c := range q.Categories {
			if _, ok := seen[q.ID+"="+c.ID]; !ok {
				return &TableError{File: name, Msg: fmt.Sprintf("no row for %s = %s (every category of every question needs one; use percent %s for a category that stands for everything else)", q.ID, c.ID, Remainder)}
			}
		}
		if f := first[q.ID]; f != nil && !math.IsNaN(f.NEff) && f.NEff > float64(f.Base) {
			return &TableError{File: name, Line: f.Line, Column: "n_eff", Value: formatCell(f.NEff), Msg: fmt.Sprintf("an effective sample size above the base %d (a design effect below 1) is not supported: give deff instead if that is what was published", f.Base)}
		}
	}
	return nil
}

// LoadTable reads the study's published table (data.table).
func (s *Study) LoadTable() ([]TableRow, error) {
	p := s.DataPath()
	b, err := ReadInput(p, MaxTableBytes)
	if err != nil {
		return nil, fmt.Errorf("published table (data.table in %s, relative to the study file): %w", s.Path, err)
	}
	return ReadTable(bytes.NewReader(b), s, p)
}

// FromTable reports whether the study's data is a published table rather
// than a respondent file.
func (s *Study) FromTable() bool { return s.Data.Table != "" }

// validateTable checks the parts of a study that a published table
// cannot feed: everything that needs respondent-level answers.
func (s *Study) validateTable() error {
	d := &s.Data
	if d.File != "" {
		return errors.New("data.table and data.file: give a respondent file or a published table, not both")
	}
	for _, c := range []struct{ v, key string }{
		{d.ID, "data.id"}, {d.Weight, "data.weight"}, {d.Strata, "data.strata"}, {d.Cluster, "data.cluster"},
		{d.FPC, "data.fpc"}, {d.Count, "data.count"}, {d.WeightSum, "data.weight_sum"}, {d.WeightSqSum, "data.weight_sq_sum"},
	} {
		if c.v != "" {
			return fmt.Errorf("%s: a published table (data.table) has no respondent rows; give a design effect in the table's deff or n_eff column instead", c.key)
		}
	}
	if s.Status != StatusReconstructed {
		return fmt.Errorf("data.table: a study built from a published table needs data_status: reconstructed (it has %s)", s.Status)
	}
	switch {
	case s.Analysis.Rake != nil:
		return errors.New("analysis.rake: raking needs respondent rows, not a published table")
	case len(s.Analysis.Independence) > 0:
		return errors.New("analysis.independence: tests of independence need respondent rows, not a published table")
	case len(s.Subgroups) > 0:
		return errors.New("subgroups: subgroup estimates need respondent rows, not a published table")
	case len(s.Derived) > 0:
		return errors.New("derived: derived estimates combine answers of the same respondents and need respondent rows, not a published table")
	case len(s.Compare) > 0:
		return errors.New("comparisons: comparisons within a study need respondent rows, not a published table")
	case s.Synth != nil:
		return errors.New("synth: a study built from a published table has nothing to synthesise")
	}
	for _, q := range s.Questions {
		if q.Base != nil && strings.TrimSpace(q.Base.When) != "" {
			return fmt.Errorf("question %q: base.when selects respondents, and a published table has none: describe the base in base.description and give its size in the table's base column", q.ID)
		}
		if len(q.Missing) > 0 || q.MissingInBase {
			return fmt.Errorf("question %q: missing codes belong to respondent files; in a published table, \"don't know\" is a category of its own", q.ID)
		}
	}
	return nil
}

func parseReal(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return v, nil
}

func formatCell(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func categoryIDs(q *Question) string {
	ids := make([]string, len(q.Categories))
	for i, c := range q.Categories {
		ids[i] = c.ID
	}
	return strings.Join(ids, ", ")
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// isText reports whether b looks like text: no NUL byte in its first
// kilobytes.
func isText(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	return bytes.IndexByte(b, 0) < 0
}

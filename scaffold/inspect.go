package scaffold

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"github.com/surveystat/surveystat/spss"
	"github.com/surveystat/surveystat/stata"
	"github.com/surveystat/surveystat/survey"
)

// MaxCodes is the largest number of distinct values a column may have to
// be drafted as a coded question; a column with more is free text or a
// number (age in years, an id) and is ignored.
const MaxCodes = 30

// maxCodeLen is the longest value of a coded question; a column with a
// longer value holds free text.
const maxCodeLen = 60

// maxIDs bounds the values kept to check that an id column is unique.
const maxIDs = 1 << 20

// Role says what a column is in the draft.
type Role int

const (
	Question Role = iota
	ID
	Weight
	Ignored
)

// Code is one value of a column.
type Code struct {
	Value   string
	Label   string // from the file's value labels; "" if none
	Missing bool   // user-missing in the file (SPSS missing values, Stata .a–.z)
	Count   int    // rows with this value
}

// Column is what Inspect found out about one column.
type Column struct {
	Name   string
	Label  string // variable label; "" if none
	Role   Role
	Reason string // why an ignored column is ignored
	Codes  []Code // for a question: labelled and observed values, in order
	Empty  int    // rows with an empty cell (system-missing, ".")

	numeric, date, duration, many, allPositive, idValue, long bool
	uniq                                                      map[string]struct{}
	unique                                                    bool
	index                                                     map[string]int // value → index in Codes
	labels                                                    map[string]string
	missing                                                   map[string]bool
	inRange                                                   func(float64) bool
}

// Draft is a respondent file as Inspect saw it.
type Draft struct {
	Format   string // "CSV", "SPSS" or "Stata"
	Encoding string // of the file's text ("" for UTF-8 CSV)
	Rows     int
	Columns  []*Column
	ID       string // the guessed respondent id column; "" if none
	Weight   string // the weight column: the file's, or a guess; "" if none
	// FileWeight is set when the weight is the one the file records
	// (SPSS WEIGHT BY), not a guess from the column name.
	FileWeight bool
}

var (
	idName     = regexp.MustCompile(`(?i)^(id|.*[_.]id|id[_.].*|respid|respondent|lfdn|caseid|case|serial|interview|fallnr|nr)$`)
	weightName = regexp.MustCompile(`(?i)^(w|wt|wgt|weight|weights|gewicht|gew|weging|gewicht_.*|weight_.*|.*_weight|.*_gewicht|.*_wt)$`)
	isoDate    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$`)
)

// Inspect reads a respondent file. name is used in errors; encoding
// overrides the file's character encoding ("" for the file's own, or
// UTF-8 for a CSV).
func Inspect(r io.Reader, name, encoding string) (*Draft, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(11)
	d := &Draft{}
	var err error
	switch survey.SystemFileKind(head) {
	case "sav":
		d.Format = "SPSS"
		err = d.readSPSS(br, encoding)
	case "dta":
		d.Format = "Stata"
		err = d.readStata(br, encoding)
	default:
		d.Format = "CSV"
		err = d.readCSV(br, encoding)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if d.Rows == 0 {
		return nil, fmt.Errorf("%s: no respondent rows", name)
	}
	d.classify()
	return d, nil
}

func newColumn(name, label string, numeric bool, guessID bool) *Column {
	c := &Column{Name: name, Label: label, numeric: numeric, allPositive: true, unique: true,
		index: map[string]int{}, labels: map[string]string{}, missing: map[string]bool{}}
	if guessID {
		c.uniq = map[string]struct{}{}
	}
	return c
}

// add records one cell.
func (c *Column) add(v string) {
	if v == "" {
		c.Empty++
		c.unique = false
		return
	}
	if c.uniq != nil && c.unique {
		if _, dup := c.uniq[v]; dup {
			c.unique = false
			c.uniq = nil
		} else if len(c.uniq) < maxIDs {
			c.uniq[v] = struct{}{}
		} else {
			c.uniq = nil // too many to check: not guessed as the id
			c.unique = false
		}
	}
	if c.allPositive {
		x, ok := number(v)
		c.allPositive = ok && x > 0 && !math.IsInf(x, 0)
	}
	if len(v) > maxCodeLen {
		c.long = true
	}
	if !c.idValue && survey.LooksLikeIdentifierValue(v) {
		c.idValue = true
	}
	if !c.date && !c.numeric && isoDate.MatchString(v) {
		c.date = true
	}
	if i, ok := c.index[v]; ok {
		c.Codes[i].Count++
		return
	}
	if c.many {
		return
	}
	if len(c.index) >= MaxCodes {
		c.many = true
		return
	}
	c.index[v] = len(c.Codes)
	c.Codes = append(c.Codes, Code{Value: v, Count: 1})
}

func (d *Draft) readCSV(br *bufio.Reader, encoding string) error {
	var r io.Reader = br
	switch strings.ToLower(encoding) {
	case "", "utf-8", "utf8":
		if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
			br.Discard(3)
		}
	case "windows-1252", "cp1252":
		r, d.Encoding = transform.NewReader(br, charmap.Windows1252.NewDecoder()), "windows-1252"
	case "iso-8859-1", "latin1":
		r, d.Encoding = transform.NewReader(br, charmap.ISO8859_1.NewDecoder()), "iso-8859-1"
	case "iso-8859-15", "latin9":
		r, d.Encoding = transform.NewReader(br, charmap.ISO8859_15.NewDecoder()), "iso-8859-15"
	default:
		return fmt.Errorf("unknown encoding %q (want one of %s)", encoding, strings.Join(survey.Encodings(), ", "))
	}
	if head, _ := br.Peek(8 << 10); bytes.IndexByte(head, 0) >= 0 {
		return errors.New("not a text file (expected a CSV, an SPSS .sav/.zsav or a Stata .dta file)")
	}
	bufr := bufio.NewReaderSize(r, 64<<10)
	first, _ := bufr.Peek(8 << 10)
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	comma, best := ',', 0
	for _, c := range []rune{',', ';', '\t', '|'} {
		if n := strings.Count(string(first), string(c)); n > best {
			comma, best = c, n
		}
	}
	cr := csv.NewReader(bufr)
	cr.Comma = comma
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return errors.New("file is empty")
	}
	if err != nil {
		return err
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		d.Columns = append(d.Columns, newColumn(h, "", false, i == 0 || idName.MatchString(h)))
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		d.Rows++
		for i, c := range d.Columns {
			if i < len(rec) {
				c.add(strings.TrimSpace(rec[i]))
			}
		}
	}
}

func (d *Draft) readSPSS(br *bufio.Reader, encoding string) error {
	rd, err := spss.NewReader(br, spss.Options{Encoding: encoding})
	if err != nil {
		return err
	}
	d.Encoding = rd.Dict.Encoding
	if rd.Dict.Weight != "" {
		d.Weight, d.FileWeight = rd.Dict.Weight, true
	}
	for i, v := range rd.Dict.Variables {
		c := newColumn(v.Name, v.Label, v.Numeric(), i == 0 || idName.MatchString(v.Name))
		c.date = v.Numeric() && v.Format.IsDate()
		c.duration = v.Numeric() && v.Format.IsDuration()
		for _, l := range v.ValueLabels {
			c.labels[spssCode(v, l.Value)] = l.Label
		}
		for _, m := range v.Missing.Values {
			c.missing[spssCode(v, m)] = true
		}
		if m := v.Missing; m.HasRange {
			c.inRange = func(x float64) bool { return x >= m.Low && x <= m.High }
		}
		d.Columns = append(d.Columns, c)
	}
	row := make([]spss.Value, len(rd.Dict.Variables))
	for {
		err := rd.Read(row)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("case %d: %w", rd.Case()+1, err)
		}
		d.Rows++
		for i, v := range rd.Dict.Variables {
			c := d.Columns[i]
			if v.Numeric() && row[i].IsSysmis() {
				c.add("")
				continue
			}
			code := spssCode(v, row[i])
			if c.inRange != nil && c.inRange(row[i].Num) {
				c.missing[code] = true
			}
			c.add(code)
		}
	}
}

func spssCode(v spss.Variable, x spss.Value) string {
	if !v.Numeric() {
		return x.Str
	}
	if v.Format.IsDate() {
		return spss.DateString(x.Num, v.Format.HasTime())
	}
	return spss.FormatNumber(x.Num)
}

func (d *Draft) readStata(br *bufio.Reader, encoding string) error {
	rd, err := stata.NewReader(br, stata.Options{Encoding: encoding})
	if err != nil {
		return err
	}
	d.Encoding = rd.Encoding
	for i := range rd.Variables {
		v := &rd.Variables[i]
		c := newColumn(v.Name, v.Label, v.Numeric(), i == 0 || idName.MatchString(v.Name))
		c.date = v.Numeric() && v.IsDate()
		if v.StrL() {
			c.date, c.many = false, true // never read: ignored below
		}
		d.Columns = append(d.Columns, c)
	}
	row := make([]stata.Value, len(rd.Variables))
	for {
		err := rd.Read(row)
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("observation %d: %w", rd.Observation()+1, err)
		}
		d.Rows++
		for i := range rd.Variables {
			v, c := &rd.Variables[i], d.Columns[i]
			x := row[i]
			switch {
			case !v.Numeric():
				c.add(x.Str)
			case x.IsMissing() && x.Missing == 0:
				c.add("")
			case x.IsMissing():
				code := "." + string(rune(x.Missing))
				c.missing[code] = true
				c.add(code)
			default:
				if s, ok := v.DateString(x.Num); ok && c.date {
					c.add(s)
				} else {
					c.add(spss.FormatNumber(x.Num))
				}
			}
		}
	}
	sets, err := rd.ReadValueLabels()
	if err != nil {
		return err
	}
	for i := range rd.Variables {
		v, c := &rd.Variables[i], d.Columns[i]
		for _, l := range sets[v.ValueLabel] {
			code := spss.FormatNumber(l.Value)
			if l.Missing != 0 {
				code = "." + string(rune(l.Missing))
				c.missing[code] = true
			}
			c.labels[code] = l.Label
		}
	}
	return nil
}

// classify decides the role of every column and completes the codes of
// questions with labelled values that do not occur.
func (d *Draft) classify() {
	// The id: a unique column named like an id, else the first column if
	// it is unique and not a handful of codes.
	for _, c := range d.Columns {
		if c.unique && c.uniq != nil && idName.MatchString(c.Name) && c.Empty == 0 {
			d.ID = c.Name
			break
		}
	}
	if c := d.Columns[0]; d.ID == "" && c.unique && c.uniq != nil && c.Empty == 0 && d.Rows > MaxCodes {
		d.ID = c.Name
	}
	if d.Weight == "" {
		for _, c := range d.Columns {
			if weightName.MatchString(c.Name) && c.allPositive && c.Empty == 0 && c.Name != d.ID {
				d.Weight = c.Name
				break
			}
		}
	}
	for _, c := range d.Columns {
		switch {
		case c.Name == d.ID:
			c.Role = ID
		case c.Name == d.Weight:
			c.Role = Weight
		case survey.LooksLikeIdentifier(c.Name):
			c.Role, c.Reason = Ignored, "named like a direct identifier or free text"
		case c.idValue:
			c.Role, c.Reason = Ignored, "holds e-mail or IP addresses"
		case c.date:
			c.Role, c.Reason = Ignored, "a date or time: not a code"
		case c.duration:
			c.Role, c.Reason = Ignored, "a duration: not a code"
		case c.long && len(c.labels) == 0:
			c.Role, c.Reason = Ignored, fmt.Sprintf("free text (values longer than %d bytes)", maxCodeLen)
		case len(c.labels) == 0 && c.singleText():
			c.Role, c.Reason = Ignored, "text without value labels, with a value only one row has: possibly free text (declare it as a question by hand if it is coded)"
		case c.many:
			c.Role, c.Reason = Ignored, fmt.Sprintf("more than %d distinct values: free text, a number or an id, not a coded question", MaxCodes)
		case c.Empty == d.Rows && len(c.labels) == 0:
			c.Role, c.Reason = Ignored, "always empty"
		default:
			c.Role = Question
			c.complete()
			valid := 0
			for _, code := range c.Codes {
				if !code.Missing {
					valid++
				}
			}
			if valid == 0 {
				c.Role, c.Reason = Ignored, "only missing values"
			}
		}
	}
}

// complete adds labelled values that do not occur, attaches labels and
// marks missing codes, in code order (numbers by value).
func (c *Column) complete() {
	for code := range c.labels {
		if _, ok := c.index[code]; !ok {
			c.index[code] = len(c.Codes)
			c.Codes = append(c.Codes, Code{Value: code})
		}
	}
	for i := range c.Codes {
		c.Codes[i].Label = c.labels[c.Codes[i].Value]
		c.Codes[i].Missing = c.missing[c.Codes[i].Value]
	}
	sort.SliceStable(c.Codes, func(a, b int) bool {
		x, errx := strconv.ParseFloat(c.Codes[a].Value, 64)
		y, erry := strconv.ParseFloat(c.Codes[b].Value, 64)
		switch {
		case errx == nil && erry == nil:
			return x < y
		case errx == nil:
			return true
		case erry == nil:
			return false
		}
		return c.Codes[a].Value < c.Codes[b].Value
	})
}

// singleText reports whether the column has a non-numeric value that only
// one row has. Such a value may be free text that identifies someone, so
// the draft does not copy it into the study file.
func (c *Column) singleText() bool {
	for _, code := range c.Codes {
		if code.Count != 1 {
			continue
		}
		if _, ok := number(code.Value); !ok {
			return true
		}
	}
	return false
}

// number parses a numeric cell as the respondent reader parses weights:
// with a decimal point ("1.572") or a decimal comma ("1,572"; one comma
// and no point).
func number(v string) (float64, bool) {
	if strings.Count(v, ",") == 1 && !strings.Contains(v, ".") {
		v = strings.Replace(v, ",", ".", 1)
	}
	x, err := strconv.ParseFloat(v, 64)
	return x, err == nil
}

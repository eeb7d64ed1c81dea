package spss

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// ErrFormat is wrapped by every error about a malformed system file.
var ErrFormat = errors.New("not a valid SPSS system file")

// Value is one cell of a case: a number (Width 0 variables) or a string.
// A system-missing number is NaN (see IsSysmis).
type Value struct {
	Num float64
	Str string
}

// IsSysmis reports whether v is the system-missing value of a numeric
// variable.
func (v Value) IsSysmis() bool { return math.IsNaN(v.Num) }

// Format is a print or write format: its type code (5 = F, 20 = DATE, …),
// field width and decimals, as in PSPP's format table.
type Format struct {
	Type, Width, Decimals int
}

// IsDate reports whether the format shows a calendar date or date and
// time (DATE, DATETIME, ADATE, JDATE, MOYR, QYR, WKYR, EDATE, SDATE,
// YMDHMS): the values are seconds since 14 October 1582, not codes.
// WKDAY and MONTH values are day and month numbers (1–7, 1–12), which can
// be codes, and are not dates here.
func (f Format) IsDate() bool {
	switch f.Type {
	case 20, 22, 23, 24, 28, 29, 30, 38, 39, 86:
		return true
	}
	return false
}

// IsDuration reports whether the format shows a time interval (TIME,
// DTIME, MTIME): the values are seconds, not codes.
func (f Format) IsDuration() bool { return f.Type == 21 || f.Type == 25 || f.Type == 85 }

// HasTime reports whether a date format also shows the time of day
// (DATETIME, YMDHMS).
func (f Format) HasTime() bool { return f.Type == 22 || f.Type == 86 }

// ValueLabel labels one value of a variable.
type ValueLabel struct {
	Value Value
	Label string
}

// Missing holds a variable's user-missing values: up to three discrete
// values, or a range Low–High (either end may be infinite, for LO THRU x
// and x THRU HI) with at most one discrete value.
type Missing struct {
	Values   []Value
	HasRange bool
	Low      float64
	High     float64
}

// Contains reports whether v is user-missing. A system-missing value is
// not user-missing.
func (m Missing) Contains(v Value, numeric bool) bool {
	if numeric {
		if v.IsSysmis() {
			return false
		}
		if m.HasRange && v.Num >= m.Low && v.Num <= m.High {
			return true
		}
		for _, x := range m.Values {
			if x.Num == v.Num {
				return true
			}
		}
		return false
	}
	for _, x := range m.Values {
		if x.Str == v.Str {
			return true
		}
	}
	return false
}

// Variable describes one variable of the dictionary.
type Variable struct {
	Name        string // long name (record 7.13), or the short name
	ShortName   string // the 8-byte name of the variable record
	Label       string
	Width       int // 0 for numeric, else the string width in bytes
	Format      Format
	ValueLabels []ValueLabel
	Missing     Missing

	index    int // 1-based dictionary index of the first 8-byte unit
	segments []segment
}

// Numeric reports whether the variable holds numbers.
func (v *Variable) Numeric() bool { return v.Width == 0 }

// segment is one stored piece of a variable: a numeric variable, a string
// of up to 255 bytes, or one 255-byte piece of a very long string.
type segment struct {
	units int // 8-byte units in a case
	used  int // bytes of the string value it contributes
}

// Dictionary is what the file says about its variables.
type Dictionary struct {
	Variables []Variable
	Weight    string // name of the weight variable; "" if none
	Label     string // the file label
	Encoding  string // the character encoding of the file's text
	Cases     int    // number of cases from the header; -1 if unknown
	Documents []string
}

// FormatNumber writes a number as surveystat writes a code: the shortest
// decimal that reads back to the same float64, without exponent for
// ordinary magnitudes (1 → "1", 1.5 → "1.5", -2 → "-2").
func FormatNumber(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatInt(int64(x), 10)
	}
	if a := math.Abs(x); a >= 1e-6 && a < 1e21 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// trimString removes the space padding of a stored string.
func trimString(s string) string { return strings.TrimRight(s, " \x00") }

// gregorianOffset is the number of seconds from 14 October 1582, the
// origin of SPSS dates, to 1 January 1970.
const gregorianOffset = 12219379200

// DateString writes an SPSS date value (seconds since 14 October 1582) as
// an ISO 8601 date, with the time of day when withTime is set
// ("2025-01-31", "2025-01-31 13:45:00"), in UTC.
func DateString(x float64, withTime bool) string {
	t := time.Unix(int64(math.Floor(x))-gregorianOffset, 0).UTC()
	if withTime {
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02")
}

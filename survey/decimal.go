package survey

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The number columns whose decimal separator is tracked, for sepBits.
const (
	colWeight = iota
	colWSq
	colFPC
)

// sepBits returns the decimal separator a number cell of column col uses,
// as read with data.decimal unset: bit 2·col for a point, bit 2·col + 1 for
// a comma (as parseWeight reads them), 0 for a whole number or when
// data.decimal says which separator is meant.
func sepBits(v, decimal string, col int) uint8 {
	if decimal != "" {
		return 0
	}
	switch {
	case strings.Contains(v, "."):
		return 1 << (2 * col)
	case strings.Count(v, ",") == 1:
		return 2 << (2 * col)
	}
	return 0
}

// mixedDecimal records the decimal separators of a row on line (sepBits
// of its cells) and returns an error for a column whose values use a
// decimal point on one line and a decimal comma on another, unless
// data.decimal says which is meant: "2.500" may be 2.5 or, from a German
// export with a thousands separator, 2500. Rows must be given in file order.
//
// The error's Value is left for the caller to fill from the cell of the
// column whose index is returned.
func (r *Reader) mixedDecimal(bits uint8, line int) (*ParseError, int) {
	if bits == 0 {
		return nil, -1
	}
	cols := [3]int{r.weightCol, r.wsqCol, r.fpcCol}
	for c := range 3 {
		b := (bits >> (2 * c)) & 3
		if b == 0 {
			continue
		}
		st := &r.decSeen[c]
		if st.bits == 0 {
			st.bits, st.line = b, line
			continue
		}
		if b != st.bits {
			name := [2]string{"a decimal point (.)", "a decimal comma (,)"}
			return &ParseError{File: r.name, Line: line, Column: r.header[cols[c]], Err: ErrDecimal,
				Expect: fmt.Sprintf("%s, as on line %d", name[st.bits-1], st.line),
				Hint:   `set data.decimal to "." or "," in the study file to say which separator the column uses`}, cols[c]
		}
	}
	return nil, -1
}

// MinWeight and MaxWeight bound the weights a respondent file may hold.
// Weights are used only relative to each other, but their sums and sums of
// squares must stay within float64: weights of 1e-308 have squares that
// underflow to 0 (zero-width intervals, NaN design effects, p = 0), and
// sums of weights near 1e308 overflow. Within [1e-100, 1e100] the squares
// and sums of up to 1e90 respondents are exact to rounding. (The fast path
// of the reader cannot produce weights outside these bounds: it reads at
// most 15 digits without an exponent.)
const (
	MinWeight = 1e-100
	MaxWeight = 1e100
)

// parseWeight parses a weight; with decimal "" both "1.5" and "1,5" are
// accepted, with "." or "," only that separator.
func parseWeight(v, decimal string) (float64, bool) {
	if decimal == "," || (decimal == "" && strings.Count(v, ",") == 1 && !strings.Contains(v, ".")) {
		if strings.Contains(v, ".") {
			return 0, false
		}
		v = strings.Replace(v, ",", ".", 1)
	}
	w, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(w) || math.IsInf(w, 0) || w <= 0 {
		return w, false
	}
	return w, true
}

// decimalExample writes the example number ex (written with a decimal
// point) in the convention of data.decimal.
func decimalExample(decimal, ex string) string {
	if decimal == "," {
		return strings.Replace(ex, ".", ",", 1)
	}
	return ex
}

// separatorHint returns, for a cell v that is not a number under
// data.decimal but is one with the other separator ("42.12" under ","),
// a hint that says so, with an example in the declared convention; ""
// otherwise.
func separatorHint(v, decimal string) string {
	other := map[string]string{",": ".", ".": ","}[decimal]
	if other == "" || !strings.Contains(v, other) {
		return ""
	}
	if _, ok := parseWeight(v, other); !ok {
		return ""
	}
	name := map[string]string{",": "decimal comma", ".": "decimal point"}
	return fmt.Sprintf(`%q is not the decimal separator under data.decimal: %q; write numbers with a %s, such as %s, or change data.decimal if the whole column uses %q`,
		other, decimal, name[decimal], decimalExample(decimal, "1.25"), other)
}

package survey

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrFPC is the error of a population size (data.fpc) smaller than the
// number of PSUs sampled in its stratum.
var ErrFPC = errors.New("population size smaller than the sample")

// fpcCheck checks over a whole file that the population sizes of data.fpc
// are not smaller than the number of PSUs sampled in their stratum, as R's
// svydesign does when it builds the design (as.fpc: "FPC implies
// population smaller than sample"). As there, the fpc values are
// population sizes when any exceeds 1; values of at most 1 are sampling
// fractions, which need no check (a mix is the analysis's error). A
// respondent without a PSU id is a PSU of its own, counted with its
// multiplicity (Respondent.Count).
type fpcCheck struct {
	strata map[string]*fpcStratum
	order  []*fpcStratum // in order of first appearance
}

type fpcStratum struct {
	id     string
	fpc    float64
	line   int                 // first line with this fpc value in the stratum
	psus   map[string]struct{} // clustered PSUs
	single float64             // respondents that are their own PSU
}

func newFPCCheck() *fpcCheck {
	return &fpcCheck{strata: map[string]*fpcStratum{}}
}

// add counts one respondent (or r.Count identical ones).
func (c *fpcCheck) add(r *Respondent) {
	st := c.strata[r.Stratum]
	if st == nil {
		st = &fpcStratum{id: r.Stratum, fpc: r.FPC, line: r.Line, psus: map[string]struct{}{}}
		c.strata[r.Stratum] = st
		c.order = append(c.order, st)
	}
	if r.FPC == st.fpc && r.Line > 0 && (st.line == 0 || r.Line < st.line) {
		st.line = r.Line // cells of ScanCells come with their first line, not in line order
	}
	if r.PSU == "" {
		n := r.Count
		if n == 0 {
			n = 1
		}
		st.single += n
		return
	}
	st.psus[r.PSU] = struct{}{}
}

// errs returns one error per stratum whose population size is smaller
// than its sampled PSUs, located at the stratum's first line in the fpc
// column of rd's file; nil if there is none.
func (c *fpcCheck) errs(rd *Reader) error {
	anyBig := false
	for _, st := range c.order {
		if st.fpc > 1 {
			anyBig = true
		}
	}
	if !anyBig {
		return nil
	}
	var out Errors
	col := rd.fpcCol
	for _, st := range c.order {
		n := float64(len(st.psus)) + st.single
		if st.fpc < 1 || st.fpc >= n {
			continue // a fraction among sizes is the analysis's error
		}
		n0 := strconv.FormatFloat(n, 'f', -1, 64)
		what := "the population size, at least the " + n0 + " PSUs sampled"
		if rd.strataCol >= 0 {
			what = fmt.Sprintf("the population size of stratum %q, at least its %s sampled PSUs", clip(st.id), n0)
		}
		if st.single > 0 && len(st.psus) == 0 {
			what += "; each respondent is a PSU of its own, as data.cluster is not set"
			if rd.clusterCol >= 0 {
				what += "; each respondent without a PSU id is a PSU of its own"
			}
		}
		v := strconv.FormatFloat(st.fpc, 'f', -1, 64)
		if rd.study.Data.Decimal == "," {
			v = strings.Replace(v, ".", ",", 1)
		}
		out = append(out, &ParseError{File: rd.name, Line: st.line, Column: rd.header[col], Value: v, Err: ErrFPC,
			Expect: "data.fpc to be " + what,
			Hint:   "data.fpc values above 1 are population sizes (values of at most 1 would be sampling fractions), as in R's svydesign",
			Hidden: !rd.shown[col] && !(rd.numeric[col] && numberLike(v))})
		if len(out) == MaxErrors {
			break
		}
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return out
}

package synth

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/surveystat/surveystat/survey"
)

// Generate writes a synthetic respondent file for the study to w. The study
// must have a synth section; every question is generated with exactly the
// counts given there.
func Generate(w io.Writer, s *survey.Study) error {
	sy := s.Synth
	if sy == nil {
		return errors.New("study has no synth section")
	}
	n := sy.Rows
	values := make([][]int, len(s.Questions)) // [question][respondent]
	for i := range values {
		values[i] = make([]int, n)
		for r := range values[i] {
			values[i][r] = survey.Empty
		}
	}
	rng := newRand(sy.Seed)
	row := make([]int, len(s.Questions))
	for _, v := range sy.Variables {
		qi := s.QuestionIndex(v.Question)
		q := &s.Questions[qi]
		byi := -1
		if v.By != "" {
			byi = s.QuestionIndex(v.By)
		}
		// Respondents in the base, grouped by the By variable's category.
		cells := map[string][]int{}
		for r := 0; r < n; r++ {
			for j := range row {
				row[j] = values[j][r]
			}
			if !s.InBase(qi, row) {
				continue
			}
			key := ""
			if byi >= 0 {
				if row[byi] < 0 {
					continue
				}
				key = s.Questions[byi].Categories[row[byi]].ID
			}
			cells[key] = append(cells[key], r)
		}
		for key, members := range cells {
			if _, ok := v.Cells[key]; !ok && len(members) > 0 {
				return fmt.Errorf("synth %s: %d respondents in the base have %s = %s, but no counts are given for them", q.ID, len(members), v.By, key)
			}
		}
		for _, key := range v.CellKeys() {
			counts := v.Cells[key]
			members := cells[key]
			var codes []int
			for ci, c := range q.Categories {
				for k := 0; k < counts[c.ID]; k++ {
					codes = append(codes, ci)
				}
			}
			if len(codes) != len(members) {
				where := ""
				if key != "" {
					where = fmt.Sprintf(" among %s = %s", v.By, key)
				}
				return fmt.Errorf("synth %s%s: counts add up to %d, but %d respondents are in the base (%s)",
					q.ID, where, len(codes), len(members), q.BaseDescription("en"))
			}
			shuffle(rng, codes)
			for k, r := range members {
				values[qi][r] = codes[k]
			}
		}
	}
	cw := csv.NewWriter(w)
	header := []string{s.Data.ID}
	for _, q := range s.Questions {
		header = append(header, q.Column)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	for r := 0; r < n; r++ {
		rec[0] = fmt.Sprintf(sy.IDFormat, r+1)
		for qi, q := range s.Questions {
			rec[qi+1] = ""
			if v := values[qi][r]; v >= 0 {
				rec[qi+1] = q.Categories[v].Codes[0]
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// newRand returns the generator for a seed.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// shuffle is a Fisher–Yates shuffle driven by rng.Uint64 with Lemire-style
// rejection, written out so that the output never depends on how a Go
// release implements rand.Shuffle.
func shuffle(rng *rand.Rand, a []int) {
	for i := len(a) - 1; i > 0; i-- {
		j := int(uniform(rng, uint64(i+1)))
		a[i], a[j] = a[j], a[i]
	}
}

// uniform returns a uniform integer in [0, n) by rejection sampling.
func uniform(rng *rand.Rand, n uint64) uint64 {
	limit := ^uint64(0) - (^uint64(0)%n+1)%n // largest multiple of n, minus 1
	for {
		v := rng.Uint64()
		if v <= limit {
			return v % n
		}
	}
}

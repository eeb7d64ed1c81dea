package survey

import (
	"fmt"
	"sort"

	"go.yaml.in/yaml/v3"
)

// Synth describes how to generate a synthetic respondent file that has
// exactly the given counts. It is used where the real respondent-level data
// is not public: the generated file reproduces the published figures and
// lets the whole pipeline run. See package synth.
type Synth struct {
	Seed      uint64          `yaml:"seed"`      // fixed seed: the file is deterministic
	Rows      int             `yaml:"rows"`      // number of respondents
	IDFormat  string          `yaml:"id_format"` // fmt verb for ids, default "R%05d"
	Variables []SynthVariable `yaml:"variables"` // in generation order
}

// SynthVariable gives the exact category counts of one question among the
// respondents in its base, overall or separately within each category of
// an earlier variable (By).
type SynthVariable struct {
	Question string    `yaml:"question"`
	By       string    `yaml:"by"`
	Counts   yaml.Node `yaml:"counts"`

	// Cells maps a By category id ("" without By) to category counts.
	Cells map[string]map[string]int `yaml:"-"`
}

// CellKeys returns the keys of Cells in sorted order.
func (v *SynthVariable) CellKeys() []string {
	keys := make([]string, 0, len(v.Cells))
	for k := range v.Cells {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (sy *Synth) validate(s *Study) error {
	if sy.Rows <= 0 {
		return fmt.Errorf("rows %d: want a positive number", sy.Rows)
	}
	if sy.IDFormat == "" {
		sy.IDFormat = "R%05d"
	}
	done := map[string]bool{}
	for i := range sy.Variables {
		v := &sy.Variables[i]
		q := s.Question(v.Question)
		if q == nil {
			return fmt.Errorf("variables[%d]: unknown question %q", i, v.Question)
		}
		if done[v.Question] {
			return fmt.Errorf("variables[%d]: question %q generated twice", i, v.Question)
		}
		for _, cl := range q.base {
			if dep := s.Questions[cl.question].ID; !done[dep] {
				return fmt.Errorf("variables[%d]: question %q has a base on %q, which must be generated first", i, v.Question, dep)
			}
		}
		v.Cells = map[string]map[string]int{}
		checkCounts := func(m map[string]int, where string) error {
			for cat, n := range m {
				if q.CategoryIndex(cat) < 0 {
					return fmt.Errorf("variables[%d] (%s)%s: unknown category %q", i, v.Question, where, cat)
				}
				if n < 0 {
					return fmt.Errorf("variables[%d] (%s)%s: negative count for %q", i, v.Question, where, cat)
				}
			}
			return nil
		}
		if v.By == "" {
			var m map[string]int
			if err := v.Counts.Decode(&m); err != nil {
				return fmt.Errorf("variables[%d] (%s): counts: %w", i, v.Question, err)
			}
			if err := checkCounts(m, ""); err != nil {
				return err
			}
			v.Cells[""] = m
		} else {
			by := s.Question(v.By)
			if by == nil || !done[v.By] {
				return fmt.Errorf("variables[%d] (%s): by %q must be a question generated earlier", i, v.Question, v.By)
			}
			var m map[string]map[string]int
			if err := v.Counts.Decode(&m); err != nil {
				return fmt.Errorf("variables[%d] (%s): counts by %s: %w", i, v.Question, v.By, err)
			}
			for k, cm := range m {
				if by.CategoryIndex(k) < 0 {
					return fmt.Errorf("variables[%d] (%s): question %q has no category %q", i, v.Question, v.By, k)
				}
				if err := checkCounts(cm, " among "+v.By+" = "+k); err != nil {
					return err
				}
			}
			v.Cells = m
		}
		done[v.Question] = true
	}
	for _, q := range s.Questions {
		if !done[q.ID] {
			return fmt.Errorf("question %q: no synth variable generates it", q.ID)
		}
	}
	return nil
}

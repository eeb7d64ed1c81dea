package survey

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Margin is one population total for raking: the number (or share) of
// people in Category of Variable.
type Margin struct {
	Variable string       `csv:"variable"`
	Category string       `csv:"category"`
	Total    RequiredReal `csv:"total"`
}

// Margins are population totals per category of each raking variable, in
// the order of the margins file.
type Margins struct {
	Variables []string    // question ids
	Totals    [][]float64 // [variable][category in codebook order]
}

// MaxMarginTotal is the largest population total a margin may give: more
// than the people on Earth, and far from where sums lose precision.
const MaxMarginTotal = 1e12

// marginsTable is the schema of a raking margins file.
var marginsTable = tableSpec{what: "raking margins", required: []string{"variable", "category", "total"}}

// ReadMargins reads a margins CSV (variable,category,total) and checks it
// against the codebook: every category of every variable named needs a
// total, and the totals of all variables must agree.
func ReadMargins(r io.Reader, s *Study, name string) (*Margins, error) {
	var rows []Margin
	lines, err := readTable(r, name, marginsTable, &rows)
	if err != nil {
		return nil, err
	}
	m := &Margins{}
	index := map[string]int{}
	seen := map[string]bool{}
	for i, row := range rows {
		line := lines[i]
		q := s.Question(row.Variable)
		if q == nil {
			return nil, fmt.Errorf("%s:%d: unknown question %q", name, line, clip(row.Variable))
		}
		ci := q.CategoryIndex(row.Category)
		if ci < 0 {
			return nil, fmt.Errorf("%s:%d: question %q has no category %q", name, line, row.Variable, clip(row.Category))
		}
		if row.Total <= 0 || row.Total > MaxMarginTotal {
			return nil, fmt.Errorf("%s:%d: total %v for %s = %s: want a positive number of at most %g", name, line, float64(row.Total), row.Variable, row.Category, float64(MaxMarginTotal))
		}
		key := row.Variable + "=" + row.Category
		if seen[key] {
			return nil, fmt.Errorf("%s:%d: %s given twice", name, line, key)
		}
		seen[key] = true
		vi, ok := index[row.Variable]
		if !ok {
			vi = len(m.Variables)
			index[row.Variable] = vi
			m.Variables = append(m.Variables, row.Variable)
			m.Totals = append(m.Totals, make([]float64, len(q.Categories)))
		}
		m.Totals[vi][ci] = float64(row.Total)
	}
	if len(m.Variables) == 0 {
		return nil, fmt.Errorf("%s: no margins", name)
	}
	var first float64
	for vi, v := range m.Variables {
		q := s.Question(v)
		var sum float64
		var missing []string
		for ci, t := range m.Totals[vi] {
			if t == 0 {
				missing = append(missing, q.Categories[ci].ID)
			}
			sum += t
		}
		if len(missing) > 0 {
			return nil, fmt.Errorf("%s: %s: no total for %s (raking needs every category)", name, v, strings.Join(missing, ", "))
		}
		if vi == 0 {
			first = sum
		} else if d := sum - first; d > 1e-9*first || d < -1e-9*first {
			return nil, fmt.Errorf("%s: totals of %s add up to %v but those of %s to %v: margins must describe the same population", name, v, sum, m.Variables[0], first)
		}
	}
	return m, nil
}

// LoadMargins reads the study's raking margins, or returns nil, nil when
// the study does not rake.
func (s *Study) LoadMargins() (*Margins, error) {
	p := s.RakePath()
	if p == "" {
		return nil, nil
	}
	b, err := ReadInput(p, MaxTableBytes)
	if err != nil {
		return nil, fmt.Errorf("raking margins (analysis.rake.margins in %s, relative to the study file): %w", s.Path, err)
	}
	return ReadMargins(bytes.NewReader(b), s, p)
}

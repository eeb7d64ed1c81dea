package survey

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// PublishedFigure is one figure as its authors published it: a share of a
// category of a question on a stated base, rounded to Decimals places of a
// percentage. Status "primary" marks the figure the study reproduces;
// "alternative" marks a different figure for the same quantity reported
// elsewhere, kept so that inconsistencies stay visible.
type PublishedFigure struct {
	Figure        string       `csv:"figure"`
	Question      string       `csv:"question"`
	Category      string       `csv:"category"`
	Subgroup      string       `csv:"subgroup"`
	SubgroupValue string       `csv:"subgroup_value"`
	Percent       RequiredReal `csv:"percent"`
	Decimals      RequiredInt  `csv:"decimals"`
	Base          string       `csv:"base"`
	Status        string       `csv:"status"`
	Source        string       `csv:"source"`
	Note          string       `csv:"note"`
}

// Matches reports whether share (a proportion) rounds to the published
// percentage at its published number of decimals.
func (f *PublishedFigure) Matches(share float64) bool {
	scale := math.Pow(10, float64(f.Decimals))
	// Round half away from zero, on the percentage; a tiny tolerance keeps
	// 0.07 × 100 = 7.000000000000001 from misrounding.
	got := math.Round(share*100*scale+1e-9) / scale
	return math.Abs(got-float64(f.Percent)) < 1e-9
}

// RequiredReal is a number that must be present: gocsv turns an empty cell
// into 0 for plain float fields, which would hide a missing value.
type RequiredReal float64

// UnmarshalCSV parses a number and rejects an empty cell.
func (r *RequiredReal) UnmarshalCSV(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return errors.New("empty cell, expected a number")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("value %q is not a finite number", clip(s))
	}
	*r = RequiredReal(v)
	return nil
}

// RequiredInt is a whole number that must be present.
type RequiredInt int

// UnmarshalCSV parses a whole number and rejects an empty cell.
func (r *RequiredInt) UnmarshalCSV(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return errors.New("empty cell, expected a whole number")
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("value %q is not a whole number", clip(s))
	}
	*r = RequiredInt(v)
	return nil
}

// publishedTable is the schema of published.csv.
var publishedTable = tableSpec{
	what:     "published figures",
	required: []string{"figure", "question", "category", "percent", "decimals", "status"},
	optional: []string{"subgroup", "subgroup_value", "base", "source", "note"},
}

// MaxDecimals is the largest number of decimals a published percentage
// may be rounded to.
const MaxDecimals = 6

// ReadPublished reads a published-figures CSV and checks every figure
// against the study's codebook. name is used in errors, which give the
// line on which the figure's row starts.
func ReadPublished(r io.Reader, s *Study, name string) ([]PublishedFigure, error) {
	var figs []PublishedFigure
	lines, err := readTable(r, name, publishedTable, &figs)
	if err != nil {
		return nil, err
	}
	if len(figs) == 0 {
		return nil, fmt.Errorf("%s:2: no figures (expected at least one row after the header, or no published file in the study)", name)
	}
	for i := range figs {
		f := &figs[i]
		line := lines[i]
		q := s.Question(f.Question)
		if q == nil && s.DerivedByID(f.Question) != nil {
			// A derived estimate: its share is that of category "yes".
			if f.Category != "" && f.Category != DerivedCategory {
				return nil, fmt.Errorf("%s:%d: figure %q: %q is a derived estimate: leave category empty (or %q)", name, line, clip(f.Figure), clip(f.Question), DerivedCategory)
			}
			f.Category = DerivedCategory
		} else if q == nil {
			return nil, fmt.Errorf("%s:%d: figure %q: unknown question %q (nor a derived estimate)", name, line, clip(f.Figure), clip(f.Question))
		} else if !q.HasItem(f.Category) {
			return nil, fmt.Errorf("%s:%d: figure %q: question %q has no category %q (nor a net of that id)", name, line, clip(f.Figure), f.Question, clip(f.Category))
		}
		if f.Subgroup != "" {
			g := s.Question(f.Subgroup)
			if g == nil || g.CategoryIndex(f.SubgroupValue) < 0 {
				return nil, fmt.Errorf("%s:%d: figure %q: unknown subgroup %s = %s", name, line, clip(f.Figure), clip(f.Subgroup), clip(f.SubgroupValue))
			}
		}
		if f.Status != "primary" && f.Status != "alternative" {
			return nil, fmt.Errorf("%s:%d: figure %q: status %q, expected primary or alternative", name, line, clip(f.Figure), clip(f.Status))
		}
		if f.Percent < 0 || f.Percent > 100 {
			return nil, fmt.Errorf("%s:%d: figure %q: percent %v outside 0–100", name, line, clip(f.Figure), f.Percent)
		}
		if f.Decimals < 0 || f.Decimals > MaxDecimals {
			return nil, fmt.Errorf("%s:%d: figure %q: decimals %d (expected a whole number from 0 to %d)", name, line, clip(f.Figure), f.Decimals, MaxDecimals)
		}
	}
	return figs, nil
}

// LoadPublished reads the study's published figures; it returns nil, nil
// when the study names no such file.
func (s *Study) LoadPublished() ([]PublishedFigure, error) {
	p := s.PublishedPath()
	if p == "" {
		return nil, nil
	}
	b, err := ReadInput(p, MaxTableBytes)
	if err != nil {
		return nil, fmt.Errorf("published figures (published in %s, relative to the study file): %w", s.Path, err)
	}
	return ReadPublished(bytes.NewReader(b), s, p)
}

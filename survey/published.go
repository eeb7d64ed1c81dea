package survey

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
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
		return fmt.Errorf("value %q is not a finite number", s)
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
		return fmt.Errorf("value %q is not a whole number", s)
	}
	*r = RequiredInt(v)
	return nil
}

// ReadPublished reads a published-figures CSV and checks every figure
// against the study's codebook. name is used in errors.
func ReadPublished(r io.Reader, s *Study, name string) ([]PublishedFigure, error) {
	var figs []PublishedFigure
	cr := csv.NewReader(r)
	if err := gocsv.UnmarshalCSV(cr, &figs); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for i := range figs {
		f := &figs[i]
		line := i + 2
		q := s.Question(f.Question)
		if q == nil && s.DerivedByID(f.Question) != nil {
			// A derived estimate: its share is that of category "yes".
			if f.Category != "" && f.Category != DerivedCategory {
				return nil, fmt.Errorf("%s:%d: figure %q: %q is a derived estimate: leave category empty (or %q)", name, line, f.Figure, f.Question, DerivedCategory)
			}
			f.Category = DerivedCategory
		} else if q == nil {
			return nil, fmt.Errorf("%s:%d: figure %q: unknown question %q (nor a derived estimate)", name, line, f.Figure, f.Question)
		} else if !q.HasItem(f.Category) {
			return nil, fmt.Errorf("%s:%d: figure %q: question %q has no category %q (nor a net of that id)", name, line, f.Figure, f.Question, f.Category)
		}
		if f.Subgroup != "" {
			g := s.Question(f.Subgroup)
			if g == nil || g.CategoryIndex(f.SubgroupValue) < 0 {
				return nil, fmt.Errorf("%s:%d: figure %q: unknown subgroup %s = %s", name, line, f.Figure, f.Subgroup, f.SubgroupValue)
			}
		}
		if f.Status != "primary" && f.Status != "alternative" {
			return nil, fmt.Errorf("%s:%d: figure %q: status %q, expected primary or alternative", name, line, f.Figure, f.Status)
		}
		if f.Percent < 0 || f.Percent > 100 {
			return nil, fmt.Errorf("%s:%d: figure %q: percent %v outside 0–100", name, line, f.Figure, f.Percent)
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
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("published figures: %w", err)
	}
	defer f.Close()
	return ReadPublished(f, s, p)
}

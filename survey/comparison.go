package survey

import (
	"fmt"
	"strings"
)

// Comparison asks for the difference of two shares, with its interval and
// test. Without A/B groups it compares two questions answered by the same
// respondents (paired, among the respondents in both bases: e.g. recall of
// the Instagram notification against recall of the Facebook e-mail among
// people who use both); with groups (AIn, BIn: "variable=category" of the
// same subgroup variable) it compares one share between two disjoint
// groups (independent samples: e.g. men against women).
type Comparison struct {
	ID    string `yaml:"id"`
	Label Text   `yaml:"label"`
	A     string `yaml:"a"`    // question=category or question=net
	B     string `yaml:"b"`    // question=category or question=net
	AIn   string `yaml:"a_in"` // optional group of A: variable=category
	BIn   string `yaml:"b_in"` // optional group of B: variable=category
	// Method is the interval of a paired comparison: "newcombe" (default,
	// also ""; Newcombe's paired score interval) or "tango" (Tango's score
	// interval). Comparisons of two groups take Newcombe's hybrid score
	// interval and accept only "" or "newcombe".
	Method string `yaml:"method"`

	// Parsed forms.
	ItemA, ItemB   Item `yaml:"-"`
	GroupA, GroupB Item `yaml:"-"`
}

// Paired reports whether the comparison is between two questions of the
// same respondents rather than between two groups.
func (c *Comparison) Paired() bool { return c.AIn == "" }

func (c *Comparison) validate(s *Study) error {
	if !idPattern.MatchString(c.ID) {
		return fmt.Errorf("comparison id %q: want lower-case letters, digits, '-' and '_'", c.ID)
	}
	item := func(key, v string, nets bool) (Item, error) {
		q, cat, ok := strings.Cut(v, "=")
		q, cat = strings.TrimSpace(q), strings.TrimSpace(cat)
		if !ok {
			return Item{}, fmt.Errorf("comparison %q: %s %q: want question=category", c.ID, key, v)
		}
		qq := s.Question(q)
		if qq == nil {
			return Item{}, fmt.Errorf("comparison %q: %s %q: unknown question %q", c.ID, key, v, q)
		}
		if nets && qq.NetByID(cat) != nil {
			return Item{q, cat}, nil
		}
		if qq.CategoryIndex(cat) < 0 {
			return Item{}, fmt.Errorf("comparison %q: %s %q: question %q has no category %q", c.ID, key, v, q, cat)
		}
		return Item{q, cat}, nil
	}
	var err error
	if c.ItemA, err = item("a", c.A, true); err != nil {
		return err
	}
	if c.ItemB, err = item("b", c.B, true); err != nil {
		return err
	}
	switch {
	case c.Method == "" || c.Method == "newcombe":
	case c.Method == "tango" && s.HasDesign():
		return fmt.Errorf("comparison %q: method tango is for unweighted samples; with weights, strata, clusters, fpc or raking comparisons are design-based (Wald, as R's svycontrast)", c.ID)
	case c.Method == "tango" && c.AIn == "":
	case c.Method == "tango":
		return fmt.Errorf("comparison %q: method tango is for paired comparisons (two questions of the same respondents), not for two groups", c.ID)
	default:
		return fmt.Errorf("comparison %q: method %q: want newcombe or tango", c.ID, c.Method)
	}
	if (c.AIn == "") != (c.BIn == "") {
		return fmt.Errorf("comparison %q: a_in and b_in go together", c.ID)
	}
	if c.AIn == "" {
		if c.ItemA.Question == c.ItemB.Question {
			return fmt.Errorf("comparison %q: a paired comparison needs two different questions (or a_in and b_in for two groups)", c.ID)
		}
		return nil
	}
	if c.GroupA, err = item("a_in", c.AIn, false); err != nil {
		return err
	}
	if c.GroupB, err = item("b_in", c.BIn, false); err != nil {
		return err
	}
	if c.GroupA.Question != c.GroupB.Question || c.GroupA.Category == c.GroupB.Category {
		return fmt.Errorf("comparison %q: a_in and b_in must be two categories of the same variable, so that the groups are disjoint", c.ID)
	}
	found := false
	for _, g := range s.Subgroups {
		found = found || g == c.GroupA.Question
	}
	if !found {
		return fmt.Errorf("comparison %q: %q must be listed under subgroups", c.ID, c.GroupA.Question)
	}
	return nil
}

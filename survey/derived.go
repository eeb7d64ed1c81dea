package survey

import (
	"fmt"
	"strings"
)

// Derived is an estimate computed from several answers of the same
// respondents, such as "knew of the plans and does not want it" among all
// respondents, or the reach of the opt-out: Instagram users who both knew
// of the plans and remember the notification. Computing it from the
// microdata gives it its own, correct interval (multiplying published
// shares does not).
type Derived struct {
	ID    string `yaml:"id"`
	Label Text   `yaml:"label"`
	When  string `yaml:"when"` // the event, e.g. "aware == yes and attitude == oppose"
	Base  *Base  `yaml:"base"` // among whom; default all respondents

	event, base condition
}

// Claim is a statement about a share that the report tests, e.g. "fewer
// than half of Instagram users remember the notification":
// item recall_instagram=yes, op "<", value 0.5.
type Claim struct {
	ID    string  `yaml:"id"`
	Text  Text    `yaml:"text"`
	Item  string  `yaml:"item"`  // "question=category", "question=net" or a derived id
	Op    string  `yaml:"op"`    // "<" or ">"
	Value float64 `yaml:"value"` // the threshold, a proportion
}

// Target returns the claim's question (or derived id) and category ("" for a
// derived estimate).
func (c *Claim) Target() (question, category string) {
	q, cat, _ := strings.Cut(c.Item, "=")
	return strings.TrimSpace(q), strings.TrimSpace(cat)
}

func (d *Derived) validate(s *Study) error {
	if !idPattern.MatchString(d.ID) {
		return fmt.Errorf("derived id %q: want lower-case letters, digits, '-' and '_'", d.ID)
	}
	if s.Question(d.ID) != nil {
		return fmt.Errorf("derived %q: a question has the same id", d.ID)
	}
	var err error
	if d.event, err = parseCondition(d.When, s); err != nil {
		return fmt.Errorf("derived %q: when %q: %w", d.ID, d.When, err)
	}
	if d.Base != nil && strings.TrimSpace(d.Base.When) != "" {
		if d.base, err = parseCondition(d.Base.When, s); err != nil {
			return fmt.Errorf("derived %q: base %q: %w", d.ID, d.Base.When, err)
		}
	}
	return nil
}

func (c *Claim) validate(s *Study) error {
	if !idPattern.MatchString(c.ID) {
		return fmt.Errorf("claim id %q: want lower-case letters, digits, '-' and '_'", c.ID)
	}
	q, cat := c.Target()
	switch {
	case cat == "" && s.DerivedByID(q) == nil:
		return fmt.Errorf("claim %q: item %q: want question=category or the id of a derived estimate", c.ID, c.Item)
	case cat != "":
		qq := s.Question(q)
		if qq == nil {
			return fmt.Errorf("claim %q: item %q: unknown question %q", c.ID, c.Item, q)
		}
		if !qq.HasItem(cat) {
			return fmt.Errorf("claim %q: item %q: question %q has no category %q (nor a net of that id)", c.ID, c.Item, q, cat)
		}
	}
	if c.Op != "<" && c.Op != ">" {
		return fmt.Errorf(`claim %q: op %q: want "<" or ">"`, c.ID, c.Op)
	}
	if !(c.Value > 0 && c.Value < 1) {
		return fmt.Errorf("claim %q: value %v: want a proportion strictly between 0 and 1 (0.5 for half)", c.ID, c.Value)
	}
	return nil
}

// DerivedByID returns the derived estimate with the given id, or nil.
func (s *Study) DerivedByID(id string) *Derived {
	for i := range s.Derived {
		if s.Derived[i].ID == id {
			return &s.Derived[i]
		}
	}
	return nil
}

// Evaluate says whether a respondent with the given decoded answers is in
// the derived estimate's base and, if so, whether the event holds. known is
// false when the event depends on a question the respondent was asked but
// did not answer validly ("don't know", empty): such respondents are left
// out of the base rather than counted as "no". A question the respondent
// was not asked makes its clause false.
func (s *Study) Evaluate(d *Derived, values []int) (inBase, event, known bool) {
	if !s.holds(d.base, values) {
		return false, false, false
	}
	event = true
	for _, cl := range d.event {
		v := values[cl.question]
		if v < 0 {
			if s.InBase(cl.question, values) {
				return true, false, false
			}
			event = false
			continue
		}
		if cl.categories[v] == cl.negate {
			event = false
		}
	}
	return true, event, true
}

func (s *Study) holds(c condition, values []int) bool {
	for _, cl := range c {
		v := values[cl.question]
		if v < 0 || cl.categories[v] == cl.negate {
			return false
		}
	}
	return true
}

// BaseDescription returns the derived estimate's base in words.
func (d *Derived) BaseDescription(lang string) string {
	q := Question{Base: d.Base}
	return q.BaseDescription(lang)
}

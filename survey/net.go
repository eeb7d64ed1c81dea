package survey

import (
	"fmt"
	"strings"
)

// Net groups categories of one question into one share, such as "reject" =
// "against any use" + "only with consent", or a top-2-box. A net is
// referred to as question=net_id wherever a category can be: headlines,
// claims, chart items, comparisons and published figures. Its share is
// that of a respondent answering any of its categories, among the
// question's base with a valid answer, with the interval of the question's
// method (or the design-based one).
type Net struct {
	ID         string   `yaml:"id"`
	Categories []string `yaml:"categories"` // two or more category ids of the question
	Label      Text     `yaml:"label"`
}

// NetByID returns the question's net with the given id, or nil.
func (q *Question) NetByID(id string) *Net {
	for i := range q.Nets {
		if q.Nets[i].ID == id {
			return &q.Nets[i]
		}
	}
	return nil
}

// HasItem reports whether id is a category or a net of the question.
func (q *Question) HasItem(id string) bool {
	return q.CategoryIndex(id) >= 0 || q.NetByID(id) != nil
}

// ItemCategories returns the indices of the categories that make up item
// id: one for a category, those of the net for a net, nil for an unknown
// id.
func (q *Question) ItemCategories(id string) []int {
	if ci := q.CategoryIndex(id); ci >= 0 {
		return []int{ci}
	}
	n := q.NetByID(id)
	if n == nil {
		return nil
	}
	out := make([]int, len(n.Categories))
	for i, c := range n.Categories {
		out[i] = q.CategoryIndex(c)
	}
	return out
}

// ItemLabel returns the label of category or net id (nil if unknown).
func (q *Question) ItemLabel(id string) Text {
	if ci := q.CategoryIndex(id); ci >= 0 {
		return q.Categories[ci].Label
	}
	if n := q.NetByID(id); n != nil {
		return n.Label
	}
	return nil
}

// InItem reports whether category index v (as in Respondent.Values) is
// part of item id of the question; v < 0 (no valid answer) never is.
func (q *Question) InItem(id string, v int) bool {
	if v < 0 {
		return false
	}
	for _, ci := range q.ItemCategories(id) {
		if ci == v {
			return true
		}
	}
	return false
}

// validateNets checks the question's nets: ids like category ids and
// distinct from them, two or more distinct categories of the question.
func (q *Question) validateNets() error {
	seen := map[string]bool{}
	for i, n := range q.Nets {
		where := fmt.Sprintf("question %q: nets[%d]", q.ID, i)
		if !idPattern.MatchString(n.ID) {
			return fmt.Errorf("%s: id %q: want lower-case letters, digits, '-' and '_'", where, n.ID)
		}
		if q.CategoryIndex(n.ID) >= 0 {
			return fmt.Errorf("%s: id %q is also a category id (a net needs its own id)", where, n.ID)
		}
		if seen[n.ID] {
			return fmt.Errorf("%s: net %q defined twice", where, n.ID)
		}
		seen[n.ID] = true
		if len(n.Categories) < 2 {
			return fmt.Errorf("%s: net %q: want two or more categories (one category is already a share)", where, n.ID)
		}
		in := map[string]bool{}
		for _, c := range n.Categories {
			if q.CategoryIndex(c) < 0 {
				return fmt.Errorf("%s: net %q: question %q has no category %q (want one of %s)", where, n.ID, q.ID, c, strings.Join(q.categoryIDs(), ", "))
			}
			if in[c] {
				return fmt.Errorf("%s: net %q: category %q listed twice", where, n.ID, c)
			}
			in[c] = true
		}
		if len(n.Categories) == len(q.Categories) {
			return fmt.Errorf("%s: net %q: holds every category of %q, so its share is always 100%%", where, n.ID, q.ID)
		}
	}
	return nil
}

func (q *Question) categoryIDs() []string {
	ids := make([]string, len(q.Categories))
	for i := range q.Categories {
		ids[i] = q.Categories[i].ID
	}
	return ids
}

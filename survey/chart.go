package survey

import (
	"fmt"
	"strings"
)

// ChartSpec asks for one chart of a study's estimates.
type ChartSpec struct {
	ID       string   `yaml:"id"`       // file name stem, e.g. "awareness"
	Kind     string   `yaml:"kind"`     // bars, stacked, funnel, waffle, forest
	Title    Text     `yaml:"title"`    // headline; default the first item's label (a funnel: "From … to …")
	Subtitle Text     `yaml:"subtitle"` // optional
	Items    []string `yaml:"items"`    // "question=category", or "question" for all its categories
	By       string   `yaml:"by"`       // forest: the subgroup question
	Ref      float64  `yaml:"reference"`
	Labels   []Text   `yaml:"labels"`  // optional per-item labels, e.g. platform names
	Neutral  []string `yaml:"neutral"` // stacked: category ids drawn in neutral grey
	// Nets (stacked charts): "question=net" of the chart's question,
	// drawn as a bracket with its total under the net's segments, which
	// must be adjacent in the chart.
	Nets   []string `yaml:"nets"`
	Sorted bool     `yaml:"sorted"` // bars and forest: by descending share

	// Simultaneous replaces each bar's interval by simultaneous intervals
	// for all categories of one question (sison-glaz or goodman): the
	// companion of a stacked split.
	Simultaneous string `yaml:"simultaneous"`
}

// ChartKinds lists the chart kinds a study file may ask for.
func ChartKinds() []string { return []string{"bars", "stacked", "funnel", "waffle", "forest"} }

// DerivedCategory is the category id of a derived estimate's share in
// results files: the share of respondents for whom the event holds.
const DerivedCategory = "yes"

// Item is one question–category pair a chart shows.
type Item struct {
	Question, Category string
}

// ParsedItems expands the chart's items to question–category pairs.
func (c *ChartSpec) ParsedItems(s *Study) ([]Item, error) {
	out, err := s.ParseItems(c.Items)
	if err != nil {
		return nil, fmt.Errorf("chart %q: %w", c.ID, err)
	}
	return out, nil
}

// ParseItems expands items as a chart or the headlines list them
// ("question=category", "question" for all its categories, or a derived
// id) to question–category pairs; a derived estimate's category is
// DerivedCategory.
func (s *Study) ParseItems(items []string) ([]Item, error) {
	var out []Item
	for _, it := range items {
		qid, cat, hasCat := strings.Cut(it, "=")
		qid, cat = strings.TrimSpace(qid), strings.TrimSpace(cat)
		q := s.Question(qid)
		if q == nil && !hasCat && s.DerivedByID(qid) != nil {
			out = append(out, Item{qid, DerivedCategory})
			continue
		}
		if q == nil {
			return nil, fmt.Errorf("item %q: unknown question or derived estimate %q", it, qid)
		}
		if !hasCat {
			for _, k := range q.Categories {
				out = append(out, Item{qid, k.ID})
			}
			continue
		}
		if !q.HasItem(cat) {
			return nil, fmt.Errorf("item %q: question %q has no category %q (nor a net of that id)", it, qid, cat)
		}
		out = append(out, Item{qid, cat})
	}
	return out, nil
}

func (c *ChartSpec) validate(s *Study) error {
	if !idPattern.MatchString(c.ID) {
		return fmt.Errorf("chart id %q: want lower-case letters, digits, '-' and '_'", c.ID)
	}
	ok := false
	for _, k := range ChartKinds() {
		ok = ok || k == c.Kind
	}
	if !ok {
		return fmt.Errorf("chart %q: kind %q, want one of %s", c.ID, c.Kind, strings.Join(ChartKinds(), ", "))
	}
	if len(c.Items) == 0 {
		return fmt.Errorf("chart %q: no items", c.ID)
	}
	if _, err := c.ParsedItems(s); err != nil {
		return err
	}
	if c.By != "" && s.Question(c.By) == nil {
		return fmt.Errorf("chart %q: by: unknown question %q", c.ID, c.By)
	}
	if c.Kind == "forest" && c.By == "" {
		return fmt.Errorf("chart %q: a forest chart needs 'by' (the subgroup question)", c.ID)
	}
	items, _ := c.ParsedItems(s)
	if c.Kind == "stacked" || c.Kind == "waffle" {
		// These charts split 100% among categories; a net would count
		// its categories twice.
		for _, it := range items {
			if q := s.Question(it.Question); q != nil && q.NetByID(it.Category) != nil {
				return fmt.Errorf("chart %q: item %s=%s is a net: a %s chart shows categories that add up to 100%%; show the net in a bars chart", c.ID, it.Question, it.Category, c.Kind)
			}
		}
	}
	if err := c.validateNets(s, items); err != nil {
		return err
	}
	if c.Simultaneous != "" {
		q := s.Question(items[0].Question)
		if c.Kind != "bars" || q == nil || len(items) != len(q.Categories) || !sameQuestion(items) || !allCategories(q, items) {
			return fmt.Errorf("chart %q: simultaneous intervals need a bars chart of all categories of one question", c.ID)
		}
	}
	if len(c.Labels) > 0 && len(c.Labels) != len(c.Items) {
		return fmt.Errorf("chart %q: %d labels for %d items", c.ID, len(c.Labels), len(c.Items))
	}
	return nil
}

func allCategories(q *Question, items []Item) bool {
	for _, it := range items {
		if q.CategoryIndex(it.Category) < 0 {
			return false
		}
	}
	return true
}

func sameQuestion(items []Item) bool {
	for _, it := range items {
		if it.Question != items[0].Question {
			return false
		}
	}
	return true
}

// ThemeSpec is an organisation's house style for the study's charts:
// colours used in order, and font files (relative to the study file).
type ThemeSpec struct {
	Palette  []string `yaml:"palette"`   // "#RRGGBB"
	Font     string   `yaml:"font"`      // regular TTF/OTF
	FontBold string   `yaml:"font_bold"` // bold TTF/OTF; default the regular one
}

func (t *ThemeSpec) validate() error {
	for _, c := range t.Palette {
		if len(c) != 7 || c[0] != '#' || strings.Trim(strings.ToLower(c[1:]), "0123456789abcdef") != "" {
			return fmt.Errorf("theme.palette: %q is not a colour #RRGGBB", c)
		}
	}
	if t.FontBold != "" && t.Font == "" {
		return fmt.Errorf("theme.font_bold needs theme.font")
	}
	return nil
}

// FontPaths returns the theme's font files resolved against the study
// file's directory ("" where not set).
func (s *Study) FontPaths() (regular, bold string) {
	if s.Theme == nil {
		return "", ""
	}
	if s.Theme.Font != "" {
		regular = s.resolve(s.Theme.Font)
	}
	if s.Theme.FontBold != "" {
		bold = s.resolve(s.Theme.FontBold)
	}
	return regular, bold
}

// NetSpan returns, for a net named in a stacked chart's nets, the net's
// question and id and the first and last index of its categories among
// the chart's items.
func (c *ChartSpec) NetSpan(s *Study, items []Item, ref string) (question, net string, first, last int, err error) {
	q, n, _ := strings.Cut(ref, "=")
	q, n = strings.TrimSpace(q), strings.TrimSpace(n)
	qq := s.Question(q)
	if qq == nil || qq.NetByID(n) == nil {
		return "", "", 0, 0, fmt.Errorf("chart %q: nets: %q is not question=net", c.ID, ref)
	}
	first, last = -1, -1
	count := 0
	for i, it := range items {
		if it.Question != q {
			continue
		}
		if qq.InItem(n, qq.CategoryIndex(it.Category)) {
			if first < 0 {
				first = i
			}
			last = i
			count++
		}
	}
	if count != len(qq.NetByID(n).Categories) || last-first+1 != count {
		return "", "", 0, 0, fmt.Errorf("chart %q: nets: the categories of %s must all be items of the chart, next to each other", c.ID, ref)
	}
	return q, n, first, last, nil
}

func (c *ChartSpec) validateNets(s *Study, items []Item) error {
	if len(c.Nets) == 0 {
		return nil
	}
	if c.Kind != "stacked" {
		return fmt.Errorf("chart %q: nets are drawn on stacked charts only (a bars chart shows a net as an item)", c.ID)
	}
	if len(c.Nets) > 3 {
		return fmt.Errorf("chart %q: %d nets, at most 3 fit under a stacked bar", c.ID, len(c.Nets))
	}
	for _, ref := range c.Nets {
		if _, _, _, _, err := c.NetSpan(s, items, ref); err != nil {
			return err
		}
	}
	return nil
}

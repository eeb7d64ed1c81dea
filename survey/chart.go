package survey

import (
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits of what a chart can show, checked when the study is read (they
// are those package figures draws to).
const (
	MaxChartRows    = 30 // bars, funnel steps, forest rows
	MaxWaffleShares = 4  // shares on one waffle chart
)

// ChartSpec asks for one chart of a study's estimates.
type ChartSpec struct {
	ID       string   `yaml:"id"`       // file name stem, e.g. "awareness"
	Kind     string   `yaml:"kind"`     // bars, stacked, funnel, waffle, forest
	Title    Text     `yaml:"title"`    // headline; default the question's label, with the answers shown when they are not all its categories (a funnel across questions: "From … to …")
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

	// Line is the chart's line in the study file (0 if unknown).
	Line int `yaml:"-"`
}

// UnmarshalYAML decodes a chart strictly (unknown keys are errors, as
// everywhere in a study file) and records its line.
func (c *ChartSpec) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: charts: each chart is a mapping with keys id, kind, items, …", n.Line)
	}
	if err := checkKeys(n, reflect.TypeOf(*c)); err != nil {
		return err
	}
	type plain ChartSpec
	var v plain
	if err := n.Decode(&v); err != nil {
		return err
	}
	*c = ChartSpec(v)
	c.Line = n.Line
	return nil
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
	if err := c.validateShape(s, items); err != nil {
		return err
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

// validateShape checks what the kind of chart can draw, so that a chart
// that cannot be drawn fails when the study is read, not at drawing time:
// at most MaxChartRows rows; a stacked chart splits 100% among all the
// categories of one question (a question whose "don't know" stays in its
// base, missing_in_base, gets a grey segment for it); a waffle shows at
// most MaxWaffleShares categories of one question (or one share of any
// kind).
func (c *ChartSpec) validateShape(s *Study, items []Item) error {
	rows := len(items)
	if c.Kind == "forest" {
		if g := s.Question(c.By); g != nil {
			rows = len(g.Categories)
		}
	}
	if c.Kind == "funnel" {
		rows++ // the base is the first step
	}
	if rows > MaxChartRows {
		return fmt.Errorf("chart %q: %d rows, at most %d fit on a chart", c.ID, rows, MaxChartRows)
	}
	switch c.Kind {
	case "stacked":
		q := s.Question(items[0].Question)
		if q == nil || !sameQuestion(items) {
			return fmt.Errorf("chart %q: a stacked chart splits 100%% among the categories of one question; its items name more than one question or a derived estimate (use a bars chart)", c.ID)
		}
		seen := map[string]bool{}
		for _, it := range items {
			if seen[it.Category] {
				return fmt.Errorf("chart %q: category %s=%s listed twice", c.ID, q.ID, it.Category)
			}
			seen[it.Category] = true
		}
		var left []string
		for _, k := range q.Categories {
			if !seen[k.ID] {
				left = append(left, k.ID)
			}
		}
		if len(left) > 0 {
			return fmt.Errorf("chart %q: a stacked chart splits 100%% among all categories of %q, and its items leave out %s (list them, write items: [%s], or use a bars chart)", c.ID, q.ID, strings.Join(left, ", "), q.ID)
		}
	case "waffle":
		if len(items) > MaxWaffleShares {
			return fmt.Errorf("chart %q: a waffle chart shows at most %d shares, and it has %d items (use a bars or stacked chart)", c.ID, MaxWaffleShares, len(items))
		}
		if q := s.Question(items[0].Question); len(items) > 1 && (q == nil || !sameQuestion(items)) {
			return fmt.Errorf("chart %q: a waffle chart shows one share, or shares of one question's categories, which cannot add up to more than 100%%; its items name more than one question or a derived estimate", c.ID)
		}
	}
	return nil
}

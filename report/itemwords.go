package report

import (
	"strings"

	"github.com/surveystat/surveystat/survey"
)

// What the report calls the things it shows: nets, the "don't know" kept in
// a base, published figures, comparisons, and texts not in its language.

// netLabel is how a net is named in a table: marked as a net and spelled
// out, "Net: Dissatisfied (= Rather dissatisfied + Very dissatisfied)", so
// that it does not read as one more category.
func netLabel(q *survey.Question, n *survey.Net, lang string, ms *messages) string {
	parts := make([]string, len(n.Categories))
	for i, c := range n.Categories {
		parts[i] = q.ItemLabel(c).Get(lang)
	}
	return ms.T("net_label", "label", n.Label.Get(lang), "parts", strings.Join(parts, " + "))
}

// dkRow is the row of a question whose "don't know" and refusals stay in
// its base (missing_in_base): what its categories leave of the base, so
// that the table adds up to 100%. Its share is 1 − Σ shares of the
// categories (weighted where they are), its count the base n minus their
// counts; no interval is computed for it. nil when nothing is left.
func dkRow(r *Result, q *survey.Question, b baseWords, showDeff bool, ms *messages) []string {
	count, share, ok := dkRest(r, q)
	if !ok || share <= 1e-9 {
		return nil
	}
	row := []string{ms.T("dk_row"), b.count(ms), Count(b.N-count, ms.lang), Percent(share, 1, ms.lang), "–"}
	if showDeff {
		row = append(row, "", "")
	}
	return row
}

// joinNote adds a sentence to a note.
func joinNote(note, add string) string {
	if note == "" {
		return add
	}
	return note + " " + add
}

// figureLabel names a published figure by what it is a share of, as the
// report's tables do: "Attitude: Does not want it", a derived estimate's
// label, with the subgroup "(Gender: Female)"; the figure's id only for an
// item the study does not know.
func figureLabel(s *survey.Study, f survey.PublishedFigure, lang string) string {
	it := survey.Item{Question: f.Question, Category: f.Category}
	var label string
	switch q := s.Question(f.Question); {
	case q != nil && q.HasItem(f.Category):
		label = itemLabel(s, it, lang)
	case q == nil && s.DerivedByID(f.Question) != nil:
		label = s.DerivedByID(f.Question).Label.Get(lang)
	default:
		return f.Figure
	}
	if g := s.Question(f.Subgroup); g != nil {
		if i := g.CategoryIndex(f.SubgroupValue); i >= 0 {
			label += " (" + g.Label.Get(lang) + ": " + g.Categories[i].Label.Get(lang) + ")"
		}
	}
	return label
}

// comparisonLabel is a comparison's label in the study file, or else
// "A vs B" from the labels of what it compares: "Recall: Instagram vs
// Recall: Facebook"; for two groups with one item, "Attitude: Approve –
// Gender: Male vs Female".
func comparisonLabel(s *survey.Study, c *survey.Comparison, ms *messages) string {
	lang := ms.lang
	if l := c.Label.Get(lang); l != "" {
		return l
	}
	a, b := itemLabel(s, c.ItemA, lang), itemLabel(s, c.ItemB, lang)
	if c.Paired() {
		return ms.T("versus", "a", a, "b", b)
	}
	g := s.Question(c.GroupA.Question)
	ga, gb := g.ItemLabel(c.GroupA.Category).Get(lang), g.ItemLabel(c.GroupB.Category).Get(lang)
	if c.ItemA == c.ItemB && c.GroupA.Question == c.GroupB.Question {
		return a + " – " + g.Label.Get(lang) + ": " + ms.T("versus", "a", ga, "b", gb)
	}
	gbq := s.Question(c.GroupB.Question)
	return ms.T("versus", "a", a+" ("+g.Label.Get(lang)+": "+ga+")", "b", b+" ("+gbq.Label.Get(lang)+": "+gb+")")
}

// markedText is t in the document's language or, where the study gives it
// only in another, that text marked "(English only)" in the document's
// language, so that a reader knows it was not translated.
func markedText(t survey.Text, ms *messages) string {
	out := t.Get(ms.lang)
	if m := textMarker(t, ms); m != "" {
		return out + " " + m
	}
	return out
}

// textMarker returns the mark markedText puts after a text of the study
// file that exists only in another language than the report's ("(Dutch
// only)"), or "" when the text is in the report's language or empty.
func textMarker(t survey.Text, ms *messages) string {
	out := t.Get(ms.lang)
	if strings.TrimSpace(t[ms.lang]) != "" || out == "" {
		return ""
	}
	for _, l := range survey.Languages() {
		if t[l] == out {
			return ms.T("only_in_" + l)
		}
	}
	return ""
}

// dkRest returns what the categories of question q leave of its base
// overall: Σ counts of the categories and 1 − Σ shares (the "don't know"
// kept in the base under missing_in_base); ok is false when an estimate
// is missing.
func dkRest(r *Result, q *survey.Question) (counted, rest float64, ok bool) {
	share := 0.0
	for _, c := range q.Categories {
		e, found := r.Overall(q.ID, c.ID)
		if !found {
			return 0, 0, false
		}
		counted += e.Count
		share += e.Share
	}
	return counted, max(0, 1-share), true
}

package survey

import (
	"fmt"
	"strings"
)

// A condition is a conjunction of clauses over other questions' answers,
// parsed from a base such as "aware == yes and uses_instagram == yes".
type condition []clause

// clause is "question == category", "question != category" or
// "question in (a, b, …)".
type clause struct {
	question   int
	categories []bool // indexed by category
	negate     bool
}

// parseCondition parses a base expression. The grammar is
//
//	condition = clause { "and" clause }
//	clause    = question ( "==" | "!=" ) category
//	          | question "in" "(" category { "," category } ")"
func parseCondition(expr string, s *Study) (condition, error) {
	var c condition
	for _, part := range splitAnd(expr) {
		cl, err := parseClause(strings.TrimSpace(part), s)
		if err != nil {
			return nil, err
		}
		c = append(c, cl)
	}
	return c, nil
}

func splitAnd(expr string) []string {
	fields := strings.Fields(expr)
	var parts []string
	var cur []string
	for _, f := range fields {
		if f == "and" || f == "&&" {
			parts = append(parts, strings.Join(cur, " "))
			cur = nil
			continue
		}
		cur = append(cur, f)
	}
	return append(parts, strings.Join(cur, " "))
}

func parseClause(s string, st *Study) (clause, error) {
	var name, op, rest string
	switch {
	case strings.Contains(s, "=="):
		name, rest, _ = strings.Cut(s, "==")
		op = "=="
	case strings.Contains(s, "!="):
		name, rest, _ = strings.Cut(s, "!=")
		op = "!="
	case strings.Contains(s, " in "):
		name, rest, _ = strings.Cut(s, " in ")
		op = "in"
	default:
		return clause{}, fmt.Errorf("clause %q: want QUESTION == CATEGORY, QUESTION != CATEGORY or QUESTION in (A, B)", s)
	}
	name = strings.TrimSpace(name)
	qi := st.QuestionIndex(name)
	if qi < 0 {
		return clause{}, fmt.Errorf("clause %q: unknown question %q", s, name)
	}
	q := &st.Questions[qi]
	var cats []string
	rest = strings.TrimSpace(rest)
	if op == "in" {
		if !strings.HasPrefix(rest, "(") || !strings.HasSuffix(rest, ")") {
			return clause{}, fmt.Errorf("clause %q: want a list in parentheses after 'in'", s)
		}
		for _, c := range strings.Split(rest[1:len(rest)-1], ",") {
			cats = append(cats, strings.TrimSpace(c))
		}
	} else {
		cats = []string{rest}
	}
	cl := clause{question: qi, categories: make([]bool, len(q.Categories)), negate: op == "!="}
	for _, c := range cats {
		ci := q.CategoryIndex(c)
		if ci < 0 {
			ids := make([]string, len(q.Categories))
			for i := range q.Categories {
				ids[i] = q.Categories[i].ID
			}
			return clause{}, fmt.Errorf("clause %q: question %q has no category %q (it has %s)", s, name, c, strings.Join(ids, ", "))
		}
		cl.categories[ci] = true
	}
	return cl, nil
}

// InBase reports whether a respondent whose decoded answers are values
// (category index per question, negative for no valid answer) belongs to
// the base of question q. A clause on a question without a valid answer is
// false.
func (s *Study) InBase(q int, values []int) bool {
	for _, cl := range s.Questions[q].base {
		v := values[cl.question]
		if v < 0 {
			return false
		}
		if cl.categories[v] == cl.negate {
			return false
		}
	}
	return true
}

// HasBase reports whether question q is asked of a subset of respondents:
// it has a base condition, or (in a study built from a published table,
// which has no conditions) a described base.
func (q *Question) HasBase() bool {
	return len(q.base) > 0 || (q.Base != nil && q.Base.When == "" && q.Base.Description.Get("en") != "")
}

// BaseDescription returns the base in words in the given language, e.g.
// "respondents who knew of the plans"; questions asked of everyone are
// described as "all respondents". A question with missing_in_base adds
// that "don't know" answers are included.
func (q *Question) BaseDescription(lang string) string {
	return q.baseWords(lang) + q.missingInBaseWords(lang)
}

func (q *Question) baseWords(lang string) string {
	if q.Base != nil {
		if d := q.Base.Description.Get(lang); d != "" {
			return d
		}
		if q.Base.When != "" {
			return q.Base.When
		}
	}
	switch lang {
	case "de":
		return "alle Befragten"
	case "nl":
		return "alle respondenten"
	}
	return "all respondents"
}

// missingInBaseWords says that "don't know" answers are in the base.
func (q *Question) missingInBaseWords(lang string) string {
	if !q.MissingInBase {
		return ""
	}
	switch lang {
	case "de":
		return " (einschließlich „weiß nicht“ und keine Angabe)"
	case "nl":
		return " (inclusief ‘weet niet’ en geen antwoord)"
	}
	return " (“don't know” and refusals included)"
}

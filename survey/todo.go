package survey

import (
	"fmt"
	"strings"
)

// checkTodo refuses a study file that still lists things to fill in
// (the todo: key written by surveystat init), naming each, unless
// accept_todo: true says to go on with them unfilled.
func (s *Study) checkTodo() error {
	left := s.OpenTodo()
	if len(left) == 0 || s.AcceptTodo {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "todo: %d item(s) still to fill in before a report:", len(left))
	for i, t := range left {
		fmt.Fprintf(&b, "\n  %d. %s", i+1, t)
	}
	b.WriteString("\n(fill in each and delete it from the todo list, or set accept_todo: true to run with them unfilled)")
	return fmt.Errorf("%s", b.String())
}

// OpenTodo returns the items still on the study's todo list (non-empty,
// trimmed). With accept_todo: true a report runs with them, and says so.
func (s *Study) OpenTodo() []string {
	var left []string
	for _, t := range s.Todo {
		if t = strings.TrimSpace(t); t != "" {
			left = append(left, t)
		}
	}
	return left
}

// LooksLikeIdentifier reports whether a column name suggests a direct
// identifier or free text (name, e-mail, phone, address, IP, comment, birth
// date, in English, German, Dutch and French): the reader refuses such a column
// unless the study lists it under data.ignore.
func LooksLikeIdentifier(col string) bool { return looksLikeIdentifier(col) }

// LooksLikeIdentifierValue reports whether a cell looks like a direct
// identifier: an e-mail address in any form, an IP address, a phone number
// or an IBAN.
func LooksLikeIdentifierValue(v string) bool { return identifierKind(v) != "" }

package survey

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxShown is how many characters of an input value a message shows at
// most; longer values are cut, so that a huge cell is not echoed whole.
const maxShown = 40

// clip cuts v to maxShown characters, marking a cut with "…", and makes it
// valid UTF-8.
func clip(v string) string {
	v = strings.ToValidUTF8(v, "\ufffd")
	if utf8.RuneCountInString(v) <= maxShown {
		return v
	}
	n := 0
	for i := range v {
		if n == maxShown {
			return v[:i] + "…"
		}
		n++
	}
	return v
}

// Clip cuts an input value to the length messages show (40 characters,
// marking a cut with "…") and makes it valid UTF-8, for messages of other
// packages about values of the data.
func Clip(v string) string { return clip(v) }

// clipNote says how much of v a message shows when clip cut it: "" or
// " (first 40 of 52428800 characters shown)".
func clipNote(v string) string {
	if n := utf8.RuneCountInString(v); n > maxShown {
		return fmt.Sprintf(" (first %d of %d characters shown)", maxShown, n)
	}
	return ""
}

// columnRoles sets which columns the reader reads and whose values its
// messages may show.
func (r *Reader) columnRoles() {
	r.shown = make([]bool, len(r.header))
	r.numeric = make([]bool, len(r.header))
	for _, c := range r.cols {
		r.shown[c] = true
	}
	for _, c := range []int{r.weightCol, r.wsqCol, r.fpcCol, r.countCol} {
		if c >= 0 {
			r.numeric[c] = true
		}
	}
	ignored := map[string]bool{}
	for _, c := range r.study.Data.Ignore {
		ignored[c] = true
	}
	r.read = r.read[:0]
	for i, h := range r.header {
		if !ignored[h] || r.shown[i] || r.numeric[i] || i == r.idCol || i == r.strataCol || i == r.clusterCol {
			r.read = append(r.read, i)
		}
	}
}

// numberLike reports whether v is written like a number (digits, signs,
// separators, an exponent, or inf/nan), so that a message about a weight
// may show it without showing text.
func numberLike(v string) bool {
	if len(v) > maxShown {
		return false
	}
	switch strings.ToLower(strings.TrimLeft(v, "+-")) {
	case "inf", "infinity", "nan":
		return true
	}
	for _, c := range v {
		if !strings.ContainsRune("0123456789.,+-eE ", c) {
			return false
		}
	}
	return true
}

// dupIDError reports an id seen before on line first; ids are never shown.
func dupIDError(name string, line int, col string, first int) *ParseError {
	return &ParseError{File: name, Line: line, Column: col, Hidden: true,
		Expect: fmt.Sprintf("ids to be unique; the same id is on line %d", first), Err: ErrDuplicateID}
}

// encodingError reports text that is not UTF-8; show says whether the
// value may be shown (a question column's).
func encodingError(name string, line int, col, v string, show bool) *ParseError {
	pe := &ParseError{File: name, Line: line, Column: col, Err: ErrEncoding, Hidden: !show,
		Expect: "UTF-8 text", Hint: "declare the file's encoding in the study file, e.g. data.encoding: windows-1252 (the rows after this one are checked once it is read right)"}
	if show {
		pe.Value = strings.ToValidUTF8(v, "\ufffd")
	}
	return pe
}

// encoding reports whether the list holds an encoding problem: the
// file's encoding is wrong, so the rest of it need not be reported.
func (e Errors) encoding() bool {
	for _, pe := range e {
		if errors.Is(pe.Err, ErrEncoding) {
			return true
		}
	}
	return false
}

// maxListed is how many column names headerList shows.
const maxListed = 20

// headerList lists the columns of a header for a message: each name cut
// to a short length, and at most maxListed of them.
func headerList(header []string) string {
	var b strings.Builder
	for i, h := range header {
		if i == maxListed {
			fmt.Fprintf(&b, ", … (%d columns)", len(header))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(clip(h))
	}
	return b.String()
}

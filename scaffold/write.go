package scaffold

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Options say how Write drafts the study file.
type Options struct {
	ID       string // the study id
	DataFile string // data.file: the respondent file relative to the study file
	Source   string // the respondent file as the user named it, for the header comment
	Lang     string // language of the file's labels: en, de or nl
}

// q quotes s as a YAML double-quoted scalar (Go's quoting is a subset of
// YAML's: \", \\, \n, \t, \xNN, \uNNNN).
func q(s string) string { return strconv.Quote(s) }

// Slug makes an id from a name or label: lower-case ASCII letters,
// digits, '-' and '_' (ä → ae, ß → ss, other characters → '-'); "" if
// nothing is left.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		var w string
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			w = string(r)
		case r == 'ä' || r == 'æ':
			w = "ae"
		case r == 'ö' || r == 'ø' || r == 'œ':
			w = "oe"
		case r == 'ü':
			w = "ue"
		case r == 'ß':
			w = "ss"
		case r == 'é' || r == 'è' || r == 'ê' || r == 'ë':
			w = "e"
		case r == 'á' || r == 'à' || r == 'â' || r == 'å':
			w = "a"
		case r == 'ó' || r == 'ò' || r == 'ô':
			w = "o"
		case r == 'í' || r == 'ì' || r == 'î' || r == 'ï' || r == 'ĳ':
			w = "i"
		case r == 'ú' || r == 'ù' || r == 'û':
			w = "u"
		case r == 'ç':
			w = "c"
		case r == 'ñ':
			w = "n"
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || r >= 0x80:
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
			continue
		default:
			continue
		}
		b.WriteString(w)
		dash = false
	}
	out := strings.Trim(b.String(), "-_")
	if len(out) > 40 {
		out = strings.TrimRight(out[:40], "-_")
	}
	return out
}

// unique returns id, or id-2, id-3, … if it is taken, and takes it.
func unique(id string, taken map[string]bool) string {
	out := id
	for n := 2; taken[out]; n++ {
		out = fmt.Sprintf("%s-%d", id, n)
	}
	taken[out] = true
	return out
}

// Write writes the draft study file to w.
func (d *Draft) Write(w io.Writer, opt Options) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	lang := opt.Lang
	if lang == "" {
		lang = "en"
	}
	var questions, ignored, emptyQ []*Column
	for _, c := range d.Columns {
		switch c.Role {
		case Question:
			questions = append(questions, c)
			if c.Empty > 0 {
				emptyQ = append(emptyQ, c)
			}
		case Ignored:
			ignored = append(ignored, c)
		}
	}

	p("# Study file drafted by `surveystat init` from %s (%s, %d rows).\n", oneLine(opt.Source), d.Format, d.Rows)
	p("# Everything below was read from the file; what only a person can know is\n")
	p("# listed under todo:. surveystat refuses to report until every item is done\n")
	p("# and deleted from the list (or accept_todo: true is set). The format is\n")
	p("# described in docs/study-format.md.\n")
	p("todo:\n")
	p("  - %s\n", q("title: name the study in en, de and nl"))
	p("  - %s\n", q("metadata: sponsor, institute, population, sample type and source, mode, field dates, sample size, weighting, published date and sources (AAPOR disclosure)"))
	p("  - %s\n", q(fmt.Sprintf("labels: the question and category labels are the file's, given as %s; check them, give each question a short label and add the other languages", lang)))
	var noWording []string
	for _, c := range questions {
		if !looksLikeQuestion(c.Label) {
			noWording = append(noWording, c.Name)
		}
	}
	switch {
	case len(noWording) == 0:
		p("  - %s\n", q("wording: each question's wording was taken from its variable label, which reads like a question; check that it is the exact wording as asked, and add the other languages"))
	default:
		p("  - %s\n", q(fmt.Sprintf("wording: give the exact wording as asked (wording: {%s: ...}; the report shows it, AAPOR asks for it) of %s", lang, strings.Join(noWording, ", "))))
	}
	if len(emptyQ) > 0 {
		var names []string
		for _, c := range emptyQ {
			names = append(names, fmt.Sprintf("%s (%d empty)", c.Name, c.Empty))
		}
		p("  - %s\n", q("bases: these questions have empty cells: "+strings.Join(names, ", ")+"; give each question asked only of some respondents its base (e.g. base: aware == yes), otherwise empty cells count as not answered"))
	} else {
		p("  - %s\n", q("bases: every question was answered by every respondent; give a question asked only of some respondents its base (e.g. base: aware == yes)"))
	}
	p("  - %s\n", q("claims and charts: add the claims the study makes (claims:), the published figures (published:) and the charts to draw (charts:), or leave them out"))
	if d.Format == "CSV" {
		p("  - %s\n", q("missing codes: a CSV does not say which codes mean \"don't know\" or \"no answer\"; move such codes from a question's categories to its missing: list"))
	}
	if d.ID == "" {
		p("  - %s\n", q("data.id: no column with a unique value in every row was found; name the respondent id column"))
	}
	if d.Weight != "" && !d.FileWeight {
		p("  - %s\n", q(fmt.Sprintf("data.weight: the column %s was taken as the weight from its name; check it, or delete data.weight", d.Weight)))
	}
	p("\nid: %s\n", q(opt.ID))
	p("title: {%s: %s}\n", lang, q(opt.ID))
	p("\ndata:\n  file: %s\n", q(opt.DataFile))
	if d.ID != "" {
		p("  id: %s\n", q(d.ID))
	}
	if d.Weight != "" {
		if d.FileWeight {
			p("  # the weight variable recorded in the file\n")
		}
		p("  weight: %s\n", q(d.Weight))
	}
	if d.Format == "CSV" && d.Encoding != "" {
		p("  encoding: %s\n", q(d.Encoding))
	}
	if len(ignored) > 0 {
		p("  ignore:\n")
		for _, c := range ignored {
			p("    - %s  # %s\n", q(c.Name), c.Reason)
		}
	}

	p("\nquestions:\n")
	taken := map[string]bool{}
	for _, c := range questions {
		id := Slug(c.Name)
		if id == "" || !(id[0] >= 'a' && id[0] <= 'z' || id[0] >= '0' && id[0] <= '9') {
			id = "q-" + id
		}
		id = unique(id, taken)
		p("  - id: %s\n", q(id))
		if id != c.Name {
			p("    column: %s\n", q(c.Name))
		}
		label := c.Label
		if label == "" {
			label = c.Name
		}
		p("    label: {%s: %s}\n", lang, q(label))
		if looksLikeQuestion(c.Label) {
			p("    wording: {%s: %s}  # the variable label; check it is the wording as asked\n", lang, q(c.Label))
		}
		p("    categories:\n")
		cats := map[string]bool{}
		var missing []string
		for _, code := range c.Codes {
			if code.Missing {
				missing = append(missing, code.Value)
				continue
			}
			cl := code.Label
			if cl == "" {
				cl = code.Value
			}
			cid := Slug(cl)
			if cid == "" {
				cid = Slug(code.Value)
			}
			if cid == "" {
				cid = "code"
			}
			cid = unique(cid, cats)
			p("      - {id: %s, codes: [%s], label: {%s: %s}}", q(cid), q(code.Value), lang, q(cl))
			if code.Count == 0 {
				p("  # labelled in the file, not in the data")
			}
			p("\n")
		}
		if len(missing) > 0 {
			var qs, words []string
			for _, m := range missing {
				qs = append(qs, q(m))
				if l := c.labels[m]; l != "" {
					words = append(words, m+" = "+oneLine(l))
				}
			}
			p("    missing: [%s]", strings.Join(qs, ", "))
			if len(words) > 0 {
				p("  # %s", strings.Join(words, "; "))
			}
			p("\n")
		}
	}
	return bw.Flush()
}

// oneLine keeps a text on one comment line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// looksLikeQuestion reports whether a variable label reads like the
// question as asked rather than a short name: it ends with a question
// mark.
func looksLikeQuestion(label string) bool {
	l := strings.TrimSpace(label)
	return strings.HasSuffix(l, "?") || strings.HasSuffix(l, "？")
}

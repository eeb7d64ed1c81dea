package evidence

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"

	"github.com/surveystat/surveystat/internal/mdsafe"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

// Markdown renders the brief as Markdown; every text is escaped for
// where it lands (mdsafe.AutoEscape). The word joiners (U+2060) that keep
// an interval on one line in the HTML, and the soft hyphens of its table
// headers, are left out: Markdown is copied into filings, where an
// invisible character does not belong.
func Markdown(d *Document) ([]byte, error) {
	b, err := mdsafe.Render(templateFiles, "templates/evidence.md.tmpl", texttemplate.FuncMap{
		"inc": func(i int) int { return i + 1 },
	}, d)
	if err != nil {
		return nil, err
	}
	b = bytes.ReplaceAll(b, []byte(wordJoiner), nil)
	return bytes.ReplaceAll(b, []byte(softHyphen), nil), nil
}

// wordJoiner is U+2060 WORD JOINER: no break on either side, no width.
// softHyphen is U+00AD SOFT HYPHEN, where a narrow table header of the
// HTML may break with a hyphen ("Überein-stimmung"; Chromium has no
// hyphenation dictionary when it prints the PDF).
const (
	wordJoiner = "\u2060"
	softHyphen = "\u00ad"
)

// HTML renders the brief as one self-contained HTML page (inline CSS and
// SVG, no external requests), laid out to print on A4.
func HTML(d *Document) ([]byte, error) {
	t, err := htmltemplate.New("evidence.html.tmpl").Funcs(htmltemplate.FuncMap{
		// words splits a command line at its spaces, so that each word
		// can be kept from breaking at its hyphens ("--pdf").
		"words": strings.Fields,
		// finding pairs a claim of an exhibit with the brief's messages
		// for the "finding" template.
		"finding": func(d *Document, f Finding) findingView { return findingView{T: d.T, F: f} },
	}).ParseFS(templateFiles, "templates/evidence.html.tmpl")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// findingView is what the HTML template "finding" renders: one claim of
// an exhibit and the brief's messages.
type findingView struct {
	T func(key string, pairs ...string) string
	F Finding
}

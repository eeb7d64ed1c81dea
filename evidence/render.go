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
// where it lands (mdsafe.AutoEscape).
func Markdown(d *Document) ([]byte, error) {
	return mdsafe.Render(templateFiles, "templates/evidence.md.tmpl", texttemplate.FuncMap{
		"inc": func(i int) int { return i + 1 },
	}, d)
}

// HTML renders the brief as one self-contained HTML page (inline CSS and
// SVG, no external requests), laid out to print on A4.
func HTML(d *Document) ([]byte, error) {
	t, err := htmltemplate.New("evidence.html.tmpl").Funcs(htmltemplate.FuncMap{
		// words splits a command line at its spaces, so that each word
		// can be kept from breaking at its hyphens ("--pdf").
		"words": strings.Fields,
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

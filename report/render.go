package report

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	"regexp"
	texttemplate "text/template"

	"github.com/surveystat/surveystat/internal/mdsafe"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

// mdTable renders a report table in Markdown: every cell escaped, the
// columns after the first right-aligned (they hold numbers).
func mdTable(t table) string { return mdsafe.Table(t.Header, t.Rows, true) }

func renderMarkdown(d *document) ([]byte, error) {
	return mdsafe.Render(templateFiles, "templates/report.md.tmpl", texttemplate.FuncMap{
		"mdtable": mdTable,
		// mdtrusted prints translation text that holds Markdown on
		// purpose and no text from an input file (the footer).
		"mdtrusted": func(s string) string { return s },
	}, d)
}

func renderHTML(d *document) ([]byte, error) {
	t, err := htmltemplate.New("index.html.tmpl").Funcs(htmltemplate.FuncMap{
		"linkable": mdsafe.AllowedURL,
		"nowrap":   nowrapNumbers,
	}).ParseFS(templateFiles, "templates/index.html.tmpl")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// numberGroup matches what must not break across lines in a table cell:
// an interval ("8.2–14.5%", "8,2–14,5 %"), a p-value bound ("< 0.0001",
// "> 0.999")
// and a pair of degrees of freedom ("4.00; 2996.0").
var numberGroup = regexp.MustCompile(`(?:&lt;|&gt;)[ \x{00a0}]\d[\d.,]*|\d[\d.,]*(?:\x{00a0}?%)?–\d[\d.,]*(?:\x{00a0}?%)?|\d[\d.,]*; \d[\d.,]*`)

// nowrapNumbers escapes a table cell for HTML and keeps its intervals,
// p-value bounds and degree-of-freedom pairs on one line.
func nowrapNumbers(s string) htmltemplate.HTML {
	e := htmltemplate.HTMLEscapeString(s)
	return htmltemplate.HTML(numberGroup.ReplaceAllString(e, `<span class="nowrap">$0</span>`))
}

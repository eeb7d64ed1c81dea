package evidence

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

// mdEscape escapes s for a Markdown paragraph, list item or table cell
// (CommonMark with GitHub's tables and strikethrough): a backslash before
// every character that can open or close inline markup anywhere (\ ` * _
// [ ] < > | ~ &), and before a character that would start a block (#, +,
// -, =, or a number followed by . or ) at the start of the text). Line
// breaks become spaces, so that text cannot start a block of its own.
func mdEscape(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := strings.TrimLeft(b.String(), " ")
	// What would start a block: a heading (#), a list item (-, +, or
	// digits and . or ) before a space), a setext underline (=).
	marker := func(i int) bool { return i >= len(out) || out[i] == ' ' || out[i] == '\t' }
	switch {
	case out == "":
	case (out[0] == '#' || out[0] == '-' || out[0] == '+') && marker(1):
		return "\\" + out
	case out[0] == '#':
		return "\\" + out
	case strings.Trim(out, "=") == "":
		return "\\" + out
	}
	digits := len(out) - len(strings.TrimLeft(out, "0123456789"))
	if digits > 0 && digits < len(out) && (out[digits] == '.' || out[digits] == ')') && marker(digits+1) {
		return out[:digits] + "\\" + out[digits:]
	}
	return out
}

// mdCode writes s as inline code, with a fence longer than any run of
// backticks inside it.
func mdCode(s string) string {
	s = strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " " // CommonMark strips one space on each side
	}
	return fence + s + fence
}

// mdLink writes a relative file path as a Markdown link destination.
func mdDest(s string) string {
	return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\n", "").Replace(s) + ">"
}

// Markdown renders the brief as Markdown.
func Markdown(d *Document) ([]byte, error) {
	t, err := texttemplate.New("evidence.md.tmpl").Funcs(texttemplate.FuncMap{
		"md": mdEscape, "code": mdCode, "dest": mdDest, "inc": func(i int) int { return i + 1 },
	}).ParseFS(templateFiles, "templates/evidence.md.tmpl")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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

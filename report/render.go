package report

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"net/url"
	"regexp"
	"strings"
	texttemplate "text/template"
	"text/template/parse"
	"unicode"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

// mdEscape escapes text for a Markdown paragraph, heading, list item or
// table cell: every character that could start markup (emphasis, code,
// links and images, raw HTML, entities, table cells) gets a backslash, and
// line breaks become spaces, so that text from an input file reads as the
// same text and never as a link, an image or HTML.
func mdEscape(s string) string {
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "&", `\&`, "\n", " ", "\r", " ")

// mdLink formats a link to url with the text title. Only http, https and
// mailto URLs become links; anything else (javascript:, data:, relative
// paths) is written as plain text after the title.
func mdLink(title, url string) string {
	if title == "" {
		title = url
	}
	if !allowedURL(url) {
		if url == "" {
			return mdEscape(title)
		}
		return mdEscape(title) + " (" + mdEscape(url) + ")"
	}
	return "[" + mdEscape(title) + "](" + mdDestination(url) + ")"
}

// mdImage formats an image of a report's own file (a relative path such
// as figures/en/bars.png) with the alt text alt.
func mdImage(alt, path string) string {
	return "![" + mdEscape(alt) + "](" + mdDestination(path) + ")"
}

// mdDestination percent-encodes every byte of a link destination that is
// not an unreserved or reserved URL character, and the parentheses,
// which would end the destination.
func mdDestination(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			strings.IndexByte("-._~:/?#@!$&'*+,;=%", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// allowedURL reports whether u may be written as a link: an absolute
// http, https or mailto URL without white space or control characters.
func allowedURL(u string) bool {
	if strings.IndexFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f || unicode.IsSpace(r) }) >= 0 {
		return false
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}

// mdSafeFunc reports whether the template function name returns Markdown
// already escaped; every other action of the Markdown template is escaped
// with mdEscape (see autoEscapeMarkdown).
func mdSafeFunc(name string) bool {
	switch name {
	case "md", "mdtable", "mdlink", "mdimage", "mdtrusted":
		return true
	}
	return false
}

// autoEscapeMarkdown makes every action of t and its associated templates
// that prints a value escape it with the template function md, unless the
// action already ends in one of them (mdSafeFunc), as html/template does for
// HTML: {{.Title}} prints mdEscape(.Title). Text from input files cannot
// reach report.md unescaped even where a template forgets md.
func autoEscapeMarkdown(t *texttemplate.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			escapeNode(tt.Tree.Root)
		}
	}
}

func escapeNode(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			escapeNode(c)
		}
	case *parse.IfNode:
		escapeNode(n.List)
		escapeNode(n.ElseList)
	case *parse.RangeNode:
		escapeNode(n.List)
		escapeNode(n.ElseList)
	case *parse.WithNode:
		escapeNode(n.List)
		escapeNode(n.ElseList)
	case *parse.ActionNode:
		p := n.Pipe
		if len(p.Decl) > 0 || len(p.Cmds) == 0 {
			return // an assignment prints nothing
		}
		last := p.Cmds[len(p.Cmds)-1]
		if id, ok := last.Args[0].(*parse.IdentifierNode); ok && mdSafeFunc(id.Ident) {
			return
		}
		p.Cmds = append(p.Cmds, &parse.CommandNode{
			NodeType: parse.NodeCommand,
			Pos:      n.Pos,
			Args:     []parse.Node{parse.NewIdentifier("md").SetPos(n.Pos)},
		})
	}
}

func mdTable(t table) string {
	if len(t.Header) == 0 {
		return ""
	}
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + mdEscape(c) + " |")
		}
		b.WriteString("\n")
	}
	row(t.Header)
	b.WriteString("|")
	for i := range t.Header {
		if i == 0 {
			b.WriteString(" --- |")
		} else {
			b.WriteString(" ---: |")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r)
	}
	return b.String()
}

func renderMarkdown(d *document) ([]byte, error) {
	t, err := texttemplate.New("report.md.tmpl").Funcs(texttemplate.FuncMap{
		"md": mdEscape, "mdtable": mdTable, "mdlink": mdLink, "mdimage": mdImage,
		// mdtrusted prints translation text that holds Markdown on
		// purpose and no text from an input file (the footer).
		"mdtrusted": func(s string) string { return s },
	}).ParseFS(templateFiles, "templates/report.md.tmpl")
	if err != nil {
		return nil, err
	}
	autoEscapeMarkdown(t)
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func renderHTML(d *document) ([]byte, error) {
	t, err := htmltemplate.New("index.html.tmpl").Funcs(htmltemplate.FuncMap{
		"linkable": allowedURL,
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
// an interval ("8.2–14.5%", "8,2–14,5 %"), a p-value bound ("< 0.0001")
// and a pair of degrees of freedom ("4.00; 2996.0").
var numberGroup = regexp.MustCompile(`&lt;[ \x{00a0}]\d[\d.,]*|\d[\d.,]*(?:\x{00a0}?%)?–\d[\d.,]*(?:\x{00a0}?%)?|\d[\d.,]*; \d[\d.,]*`)

// nowrapNumbers escapes a table cell for HTML and keeps its intervals,
// p-value bounds and degree-of-freedom pairs on one line.
func nowrapNumbers(s string) htmltemplate.HTML {
	e := htmltemplate.HTMLEscapeString(s)
	return htmltemplate.HTML(numberGroup.ReplaceAllString(e, `<span class="nowrap">$0</span>`))
}

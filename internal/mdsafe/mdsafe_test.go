package mdsafe

import (
	"bytes"
	"strings"
	"testing"
	"text/template"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"25.0% of 1,000", "25.0% of 1,000"},
		{"1. first", `1\. first`},
		{"12) twelfth", `12\) twelfth`},
		{"2.", `2\.`},
		{"2.5 points", "2.5 points"},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"-", `\-`},
		{"---", `\---`},
		{"-3.4 points", "-3.4 points"},
		{"# title", `\# title`},
		{"#tag", `\#tag`},
		{"Most #", `Most \#`},
		{"a ##", `a \##`},
		{"C# and F#", "C# and F#"},
		{"===", `\===`},
		{"=== ", `\=== `},
		{"-- -", `\-- -`},
		{"==x", "==x"},
		{"    code block", "code block"},
		{" \t# late heading", `\# late heading`},
		{"a | b", `a \| b`},
		{"line\nbreak", "line break"},
		{"crlf\r\nbreak\rcr", "crlf break cr"},
		{"a\n- b", `a - b`},
		{"<b>x</b>", `\<b\>x\</b\>`},
		{"> quote", `\> quote`},
		{"`code`", "\\`code\\`"},
		{"a_b*c~d&e", `a\_b\*c\~d\&e`},
		{`back\slash`, `back\\slash`},
		{"[x](javascript:alert(1))", `\[x\](javascript:alert(1))`},
		{"Grüße – 95 %", "Grüße – 95 %"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc", "`abc`"},
		{"a`b", "``a`b``"},
		{"``x", "``` ``x ```"},
		{"surveystat report 'my study.yaml'", "`surveystat report 'my study.yaml'`"},
		{"a\nb", "`a b`"},
	}
	for _, tt := range tests {
		if got := Code(tt.in); got != tt.want {
			t.Errorf("Code(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLinks(t *testing.T) {
	for _, tc := range []struct{ title, url, want string }{
		{"Report", "https://example.org/a(b)?q=ä", "[Report](https://example.org/a%28b%29?q=%C3%A4)"},
		{"Mail", "mailto:x@example.org", "[Mail](mailto:x@example.org)"},
		{"", "https://example.org/", "[https://example.org/](https://example.org/)"},
		{"[x]", "javascript:alert(1)", `\[x\] (javascript:alert(1))`},
		{"Data", "data:text/html,<script>", `Data (data:text/html,\<script\>)`},
		{"Rel", "//evil.invalid/x", "Rel (//evil.invalid/x)"},
		{"Host-less", "http:/x", "Host-less (http:/x)"},
		{"Space", "https://a.example/ x", "Space (https://a.example/ x)"},
		{"Mail-less", "mailto:", "Mail-less (mailto:)"},
		{"None", "", "None"},
	} {
		if got := Link(tc.title, tc.url); got != tc.want {
			t.Errorf("Link(%q, %q) = %q, want %q", tc.title, tc.url, got, tc.want)
		}
	}
	for _, tc := range []struct{ alt, path, want string }{
		{"a ![b](c)", "figures/en/x y.png", `![a !\[b\](c)](figures/en/x%20y.png)`},
		{"Chart", "figures/de/a_b.svg", `![Chart](figures/de/a_b.svg)`},
		{"x", "f/<a>\\(b)\n", `![x](f/%3Ca%3E%5C%28b%29%0A)`},
	} {
		if got := Image(tc.alt, tc.path); got != tc.want {
			t.Errorf("Image(%q, %q) = %q, want %q", tc.alt, tc.path, got, tc.want)
		}
	}
}

func TestAutoEscape(t *testing.T) {
	const src = `# {{.Title}}
{{range .Items}}- {{.}}
{{end}}{{with .Title}}{{md .}}{{end}} {{mdcode .Title}} {{if .Items}}{{index .Items 0 | printf "%s!"}}{{end}}` +
		`{{$x := .Title}}{{template "sub" .}}{{define "sub"}} [{{.Title}}] {{mdraw .Title}}{{end}}`
	tp := template.Must(template.New("t").Funcs(Funcs()).Funcs(template.FuncMap{
		"mdraw": func(s string) string { return s },
	}).Parse(src))
	AutoEscape(tp)
	var buf bytes.Buffer
	data := struct {
		Title string
		Items []string
	}{"<b>*x*</b>", []string{"# a", "1. b"}}
	if err := tp.Execute(&buf, data); err != nil {
		t.Fatal(err)
	}
	want := `# \<b\>\*x\*\</b\>
- \# a
- 1\. b
\<b\>\*x\*\</b\> ` + "`<b>*x*</b>`" + ` \# a! [\<b\>\*x\*\</b\>] <b>*x*</b>`
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// FuzzEscape checks that Escape leaves no character that could start
// markup without a backslash before it, no line break and no block
// marker at the start.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", `"><img src=x onerror=alert(1)>`, "[x](javascript:alert(1))", "a\\\n*b*_c_`d`|e&amp;", "1. x", "  - y", "---"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if strings.ContainsAny(e, "\n\r") {
			t.Fatalf("Escape(%q) = %q has a line break", s, e)
		}
		if strings.HasPrefix(e, " ") || strings.HasPrefix(e, "\t") {
			t.Fatalf("Escape(%q) = %q starts with a blank", s, e)
		}
		blank := func(i int) bool { return i >= len(e) || e[i] == ' ' || e[i] == '\t' }
		if strings.HasPrefix(e, "#") || (strings.HasPrefix(e, "-") || strings.HasPrefix(e, "+")) && blank(1) ||
			e != "" && (strings.Trim(e, "= \t") == "" || strings.Trim(e, "- \t") == "") {
			t.Fatalf("Escape(%q) = %q starts a block", s, e)
		}
		if d := strings.TrimLeft(e, "0123456789"); d != e && (strings.HasPrefix(d, ". ") || strings.HasPrefix(d, ") ") || d == "." || d == ")") {
			t.Fatalf("Escape(%q) = %q starts with an ordered list marker", s, e)
		}
		escaped := false
		for i := 0; i < len(e); i++ {
			c := e[i]
			if escaped {
				escaped = false
				continue
			}
			if c == '\\' {
				escaped = true
				continue
			}
			if strings.IndexByte("<>&[]*_`|~", c) >= 0 {
				t.Fatalf("Escape(%q) = %q: unescaped %q at %d", s, e, c, i)
			}
		}
		if escaped {
			t.Fatalf("Escape(%q) = %q ends in a lone backslash", s, e)
		}
	})
}

func FuzzDestination(f *testing.F) {
	for _, s := range []string{"figures/en/a b.png", "https://x.example/a(b)", "<>\\\n\x00ä"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Destination(s)
		if strings.ContainsAny(d, " \t\n\r()<>\\[]\"`") {
			t.Fatalf("Destination(%q) = %q", s, d)
		}
	})
}

// TestTable: cells are escaped, numeric tables right-align every column
// after the first, and a table without a header is empty.
func TestTable(t *testing.T) {
	got := Table([]string{"Item", "Share"}, [][]string{{"a|b", "<1%"}}, true)
	want := "| Item | Share |\n| --- | ---: |\n| a\\|b | \\<1% |\n"
	if got != want {
		t.Errorf("numeric table:\n%q\nwant\n%q", got, want)
	}
	if got := Table([]string{"A", "B"}, nil, false); got != "| A | B |\n| --- | --- |\n" {
		t.Errorf("left-aligned table %q", got)
	}
	if got := Table(nil, [][]string{{"x"}}, true); got != "" {
		t.Errorf("table without header %q", got)
	}
}

func TestTextBefore(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"", false}, {"  ", false}, {"- ", false}, {"* ", false}, {"+ ", false}, {"> ", false},
		{"> - ", false}, {"1. ", false}, {"12) ", false}, {"# ", false}, {"###", false}, {"- 1. ", false},
		{"- **Published:** ", true}, {"**Bold** ", true}, {"-5 ", true}, {"1.5 ", true}, {"Text ", true},
		{"| a | ", true}, {"> quoted ", true},
	} {
		if got := textBefore([]byte(tt.line)); got != tt.want {
			t.Errorf("textBefore(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestAutoEscapeMidLine: a value after text on its line cannot start a
// block, so "7. August 2025" is printed as it is there, and escaped where
// it would start a list.
func TestAutoEscapeMidLine(t *testing.T) {
	tp := template.Must(template.New("t").Funcs(Funcs()).Parse("- **Published:** {{.}}\n- {{.}}\n{{.}}\nOn {{.}}, {{if .}}{{.}}{{end}}\n" +
		"- **Date:** {{if false}}⚠ {{end}}{{md .}}\n{{if true}}x\n{{end}}{{md .}}\n"))
	AutoEscape(tp)
	var b strings.Builder
	if err := tp.Execute(&b, "7. August 2025 <b>"); err != nil {
		t.Fatal(err)
	}
	want := "- **Published:** 7. August 2025 \\<b\\>\n- 7\\. August 2025 \\<b\\>\n7\\. August 2025 \\<b\\>\nOn 7. August 2025 \\<b\\>, 7\\. August 2025 \\<b\\>\n" +
		"- **Date:** 7. August 2025 \\<b\\>\nx\n7\\. August 2025 \\<b\\>\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestAutoEscapeBlockStarts: where an action may stand at a block start
// after what other actions printed, or after markers only, it gets the
// full escaping (review of the inline escaping).
func TestAutoEscapeBlockStarts(t *testing.T) {
	tp := template.Must(template.New("t").Funcs(Funcs()).Parse("{{.N}}. {{.X}}\n-- {{.Y}}\n= {{.Y}}\n**{{.N}}:** {{.X}}\n"))
	AutoEscape(tp)
	var b strings.Builder
	if err := tp.Execute(&b, map[string]string{"N": "3", "X": "# H", "Y": "-"}); err != nil {
		t.Fatal(err)
	}
	want := "3. \\# H\n-- \\-\n= \\-\n**3:** # H\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestEscapeInvisible: invisible characters that a writer may strip from
// its finished Markdown are dropped from values before escaping, so that
// stripping them cannot turn escaped text into markup.
func TestEscapeInvisible(t *testing.T) {
	for in, want := range map[string]string{
		"\u00ad# Heading": `\# Heading`, "-\u2060 item": `\- item`, "1\u00ad. x": `1\. x`,
		"=\u00ad==": `\===`, "Title #\u00ad": `Title \#`, "Title ## ": `Title \## `,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

package report

import (
	"strings"
	"testing"
)

func TestMarkdownLinks(t *testing.T) {
	for _, tc := range []struct{ title, url, want string }{
		{"Report", "https://example.org/a(b)?q=ä", "[Report](https://example.org/a%28b%29?q=%C3%A4)"},
		{"Mail", "mailto:x@example.org", "[Mail](mailto:x@example.org)"},
		{"[x]", "javascript:alert(1)", `\[x\] (javascript:alert(1))`},
		{"Data", "data:text/html,<script>", `Data (data:text/html,\<script\>)`},
		{"Rel", "//evil.invalid/x", "Rel (//evil.invalid/x)"},
		{"Host-less", "http:/x", "Host-less (http:/x)"},
		{"Space", "https://a.example/ x", "Space (https://a.example/ x)"},
		{"None", "", "None"},
	} {
		if got := mdLink(tc.title, tc.url); got != tc.want {
			t.Errorf("mdLink(%q, %q) = %q, want %q", tc.title, tc.url, got, tc.want)
		}
	}
	if got, want := mdImage("a ![b](c)", "figures/en/x y.png"), `![a !\[b\](c)](figures/en/x%20y.png)`; got != want {
		t.Errorf("mdImage = %q, want %q", got, want)
	}
}

// FuzzMarkdownEscape checks that mdEscape leaves no character that could
// start markup without a backslash before it, and no line break.
func FuzzMarkdownEscape(f *testing.F) {
	for _, s := range []string{"", `"><img src=x onerror=alert(1)>`, "[x](javascript:alert(1))", "a\\\n*b*_c_`d`|e&amp;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := mdEscape(s)
		if strings.ContainsAny(e, "\n\r") {
			t.Fatalf("mdEscape(%q) = %q has a line break", s, e)
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
			if strings.IndexByte("<>&[]*_`|", c) >= 0 {
				t.Fatalf("mdEscape(%q) = %q: unescaped %q at %d", s, e, c, i)
			}
		}
		if escaped {
			t.Fatalf("mdEscape(%q) = %q ends in a lone backslash", s, e)
		}
	})
}

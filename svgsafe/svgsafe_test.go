package svgsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	const open = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">`
	for _, tc := range []struct {
		name, svg string
		unsafe    bool // else: want a syntax error when bad
		bad       bool
	}{
		{name: "plain", svg: open + `<g transform="scale(1, -1)"><path d="M0 0L1 1" style="fill:#000000"/><text x="1" y="2" style="font-family:Liberation Sans;font-size:8px">a &lt; b &amp; c</text></g></svg>`},
		{name: "prolog", svg: `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + "\n" + open + `</svg>`},
		{name: "font face", svg: open + `<defs><style>@font-face{font-family:"Liberation";src: url(data:font/ttf;charset=utf-8;base64,AAEA/+==) format("truetype");}</style></defs><g clip-path="url(#c1)"/><use/></svg>`, bad: true, unsafe: true},
		{name: "internal href", svg: open + `<clipPath id="c"><rect width="1" height="1"/></clipPath><g clip-path="url(#c)" /></svg>`},
		{name: "script", svg: open + `<script>alert(1)</script></svg>`, bad: true, unsafe: true},
		{name: "foreignObject", svg: open + `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>`, bad: true, unsafe: true},
		{name: "event handler", svg: open + `<g onload="alert(1)"/></svg>`, bad: true, unsafe: true},
		{name: "external href", svg: open + `<g><path xlink:href="http://evil/x" d=""/></g></svg>`, bad: true, unsafe: true},
		{name: "javascript href", svg: open + `<path href="javascript:alert(1)" d=""/></svg>`, bad: true, unsafe: true},
		{name: "style url", svg: open + `<path d="" style="fill:url(http://evil/t.png)"/></svg>`, bad: true, unsafe: true},
		{name: "style import", svg: open + `<style>@import "http://evil/x.css";</style></svg>`, bad: true, unsafe: true},
		{name: "css escape", svg: open + `<path d="" style="fill:u\72l(http://evil)"/></svg>`, bad: true, unsafe: true},
		{name: "image", svg: open + `<image href="#x"/></svg>`, bad: true, unsafe: true},
		{name: "prefixed script", svg: `<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script/></svg:svg>`, bad: true, unsafe: true},
		{name: "foreign namespace", svg: `<svg xmlns="http://www.w3.org/1999/xhtml"></svg>`, bad: true, unsafe: true},
		{name: "comment", svg: open + `<!-- x --></svg>`, bad: true, unsafe: true},
		{name: "comment in prolog", svg: `<!-- made by a program -->` + open + `</svg>`},
		{name: "cdata", svg: open + `<text><![CDATA[</text><script>alert(1)</script>]]></text></svg>`, bad: true, unsafe: true},
		{name: "entity declaration", svg: `<!DOCTYPE svg [<!ENTITY x "y">]>` + open + `</svg>`, bad: true, unsafe: true},
		{name: "processing instruction", svg: open + `<?xml-stylesheet href="http://evil/x.css"?></svg>`, bad: true, unsafe: true},
		{name: "broken attribute", svg: `<svg xmlns="http://www.w3.org/2000/svg"><text style="font-family:x"><img src=x onerror=alert(1)>;"/></svg>`, bad: true},
		{name: "unclosed", svg: open + `<g>`, bad: true},
		{name: "mismatched", svg: open + `<g></text></svg>`, bad: true},
		{name: "two roots", svg: open + `</svg>` + open + `</svg>`, bad: true, unsafe: true},
		{name: "not svg", svg: `<html/>`, bad: true, unsafe: true},
		{name: "empty", svg: ``, bad: true},
		{name: "unknown entity", svg: open + `<text>&evil;</text></svg>`, bad: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check([]byte(tc.svg))
			switch {
			case !tc.bad && err != nil:
				t.Fatalf("Check: %v, want nil", err)
			case tc.bad && err == nil:
				t.Fatal("Check: nil, want an error")
			case tc.bad && errors.Is(err, ErrUnsafe) != tc.unsafe:
				t.Fatalf("Check: %v; errors.Is(err, ErrUnsafe) = %v, want %v", err, !tc.unsafe, tc.unsafe)
			}
		})
	}
}

// TestCheckCharts checks the SVG charts the figures package draws for its
// golden tests: what gonum/plot writes must pass.
func TestCheckCharts(t *testing.T) {
	files, err := filepath.Glob("../figures/testdata/*.svg")
	if err != nil || len(files) == 0 {
		t.Fatalf("no SVG goldens found (%v)", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := Check(b); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// FuzzCheck checks that Check never panics and that whatever it accepts
// is well-formed XML without a script element or event handler.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><g><text x="1">a</text></g></svg>`))
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`))
	f.Add([]byte(`<svg><style>@font-face{src:url(data:font/ttf;base64,AA==)}</style></svg>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if Check(b) != nil {
			return
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("Check accepted malformed XML: %v", err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				if strings.EqualFold(se.Name.Local, "script") || strings.EqualFold(se.Name.Local, "foreignObject") {
					t.Fatalf("Check accepted <%s>", se.Name.Local)
				}
				for _, a := range se.Attr {
					if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
						t.Fatalf("Check accepted attribute %s", a.Name.Local)
					}
				}
			}
		}
	})
}

// TestDropBase64: only the base64 payload of a data URL is left out, so
// markup after it is still found.
func TestDropBase64(t *testing.T) {
	in := `<style>@font-face{src:url(data:font/ttf;base64,QUJD+/==)}</style><script>`
	if got := string(dropBase64([]byte(in))); got != `<style>@font-face{src:url(data:font/ttf;base64,)}</style><script>` {
		t.Errorf("dropBase64: %q", got)
	}
	bad := `<svg xmlns="http://www.w3.org/2000/svg"><style>@font-face{src:url(data:font/ttf;base64,QUJD)}</style><script>x</script></svg>`
	if err := Check([]byte(bad)); err == nil {
		t.Error("a script after an embedded font passed the check")
	}
}

package report

import (
	"encoding/base64"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"golang.org/x/image/font/sfnt"
)

var (
	fontRuleRE = regexp.MustCompile(`@font-face\{[^}]*font-weight:(\w+)[^}]*base64,([A-Za-z0-9+/=]+)\)`)
	svgTextRE  = regexp.MustCompile(`<text[^>]*font-weight:(\w+)[^>]*>([^<]*)</text>`)
)

// pageFonts returns the fonts embedded in an HTML page or SVG file by
// weight, and the characters its SVG text draws in each weight.
func pageFonts(t *testing.T, b []byte) (fonts map[string]*sfnt.Font, sizes map[string]int, text map[string][]rune) {
	t.Helper()
	fonts, sizes, text = map[string]*sfnt.Font{}, map[string]int{}, map[string][]rune{}
	for _, m := range fontRuleRE.FindAllSubmatch(b, -1) {
		w := string(m[1])
		if _, dup := fonts[w]; dup {
			t.Errorf("two %s fonts embedded", w)
		}
		raw, err := base64.StdEncoding.DecodeString(string(m[2]))
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(raw)
		if err != nil {
			t.Fatalf("%s font: %v", w, err)
		}
		fonts[w], sizes[w] = f, len(raw)
	}
	for _, m := range svgTextRE.FindAllSubmatch(b, -1) {
		w := string(m[1])
		text[w] = append(text[w], []rune(html.UnescapeString(string(m[2])))...)
	}
	return fonts, sizes, text
}

// TestPageFontsCoverText: each SVG file embeds only the glyphs it draws,
// and each HTML page (report, evidence brief) embeds each face once, cut
// to the characters of the whole page, so that every chart inlined in it
// finds its glyphs. Every character any SVG text draws is in the embedded
// font of its weight.
func TestPageFontsCoverText(t *testing.T) {
	dir := sharedShipped(t)
	var pages, svgs []string
	for _, pat := range []string{"index*.html", "evidence*.html"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		pages = append(pages, m...)
	}
	svgs, _ = filepath.Glob(filepath.Join(dir, "figures", "*", "*.svg"))
	if len(pages) < 6 || len(svgs) < 8 {
		t.Fatalf("%d pages, %d SVGs", len(pages), len(svgs))
	}
	for _, p := range append(pages, svgs...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		fonts, sizes, text := pageFonts(t, b)
		if len(text) == 0 {
			t.Errorf("%s: no SVG text", rel)
		}
		for w, rs := range text {
			f := fonts[w]
			if f == nil {
				t.Errorf("%s: text in %s but no %s font embedded", rel, w, w)
				continue
			}
			// Subsets: of the glyphs of the whole page in pages (a page's
			// charts share its fonts), of the chart's glyphs in SVG files.
			if sizes[w] > 100_000 {
				t.Errorf("%s: %s font of %d bytes, want a subset", rel, w, sizes[w])
			}
			var buf sfnt.Buffer
			for _, r := range rs {
				if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
					t.Errorf("%s: %q (%U) not in the embedded %s font", rel, r, r, w)
					break
				}
			}
		}
	}
}

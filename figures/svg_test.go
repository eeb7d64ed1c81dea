package figures

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"html"
	"regexp"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// vgsvgEmbedded renders c as SVG the way Render did before svgEmbedCanvas:
// with vgsvg.EmbedFonts(true).
func vgsvgEmbedded(t *testing.T, c Chart, p Preset, th Theme) []byte {
	t.Helper()
	spec, err := p.spec()
	if err != nil {
		t.Fatal(err)
	}
	if c, err = c.normalize(); err != nil {
		t.Fatal(err)
	}
	th = th.withDefaults()
	sc := vgsvg.NewWith(vgsvg.UseWH(spec.w, spec.h), vgsvg.EmbedFonts(true))
	dc := draw.New(sc)
	dc.SetColor(th.Background)
	dc.Fill(rectPath(0, 0, spec.w, spec.h))
	r := &renderer{c: c, th: th, dc: dc, spec: spec,
		nf: newNumFormat(c.Lang, c.Decimals, nbsp), words: wording[c.Lang]}
	if err := r.draw(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := sc.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSVGEmbedMatchesVGSVG checks that SVGs with whole embedded fonts are
// the bytes vgsvg writes, also with a house font whose bold is its regular
// face and when the cached rules are reused.
func TestSVGEmbedMatchesVGSVG(t *testing.T) {
	house, err := ParseFonts(goregular.TTF, nil)
	if err != nil {
		t.Fatal(err)
	}
	whole := DefaultTheme()
	whole.SVGWholeFonts = true
	themes := []Theme{whole, {Fonts: house, EmbedSVGFonts: true, SVGWholeFonts: true}}
	for round := range 2 {
		for ti, th := range themes {
			for _, lang := range []string{"en", "de"} {
				charts := sampleCharts(lang)
				for _, name := range sortedNames(charts) {
					for _, p := range Presets() {
						want := vgsvgEmbedded(t, charts[name], p, th)
						got := render(t, charts[name], SVG, p, th)
						if !bytes.Equal(got, want) {
							t.Errorf("round %d, theme %d, %s %s %s: SVG differs from vgsvg's (%d bytes, want %d)",
								round, ti, lang, name, p, len(got), len(want))
						}
					}
				}
			}
		}
	}
}

// svgFontData matches the base64 font file of an embedded @font-face rule.
var svgFontRE = regexp.MustCompile(`base64,([A-Za-z0-9+/=]+)\)`)

// svgTextRE matches an SVG text element: its font weight and content.
var svgTextRE = regexp.MustCompile(`<text[^>]*font-weight:(\w+)[^>]*>([^<]*)</text>`)

// svgRuleWeightRE matches the font weight of each @font-face rule.
var svgRuleWeightRE = regexp.MustCompile(`@font-face\{[^}]*font-weight:(\w+)`)

// TestSVGSubsetFonts: by default each embedded font is cut down to the
// glyphs of the chart. The SVG is the whole-font SVG with only the font
// files changed, a fraction of its size, and every character of its text
// is in the subset with the advance width of the whole font.
func TestSVGSubsetFonts(t *testing.T) {
	whole := DefaultTheme()
	whole.SVGWholeFonts = true
	for _, lang := range []string{"en", "de", "nl"} {
		charts := sampleCharts(lang)
		for _, name := range sortedNames(charts) {
			for _, p := range Presets() {
				got := render(t, charts[name], SVG, p, DefaultTheme())
				want := render(t, charts[name], SVG, p, whole)
				id := fmt.Sprintf("%s %s %s", lang, name, p)
				if !bytes.Equal(svgFontRE.ReplaceAll(got, nil), svgFontRE.ReplaceAll(want, nil)) {
					t.Errorf("%s: subset SVG differs from the whole-font SVG outside the font files", id)
				}
				if len(got) > len(want)/10 {
					t.Errorf("%s: %d bytes, whole fonts %d", id, len(got), len(want))
				}
				text := map[string][]rune{} // by font weight
				for _, m := range svgTextRE.FindAllSubmatch(got, -1) {
					text[string(m[1])] = append(text[string(m[1])], []rune(html.UnescapeString(string(m[2])))...)
				}
				fonts := svgFontRE.FindAllSubmatch(got, -1)
				wholeFonts := svgFontRE.FindAllSubmatch(want, -1)
				weights := svgRuleWeightRE.FindAllSubmatch(got, -1)
				if len(text) == 0 || len(fonts) == 0 || len(fonts) != len(wholeFonts) || len(weights) != len(fonts) {
					t.Fatalf("%s: text in %d weights, %d fonts (whole: %d), %d rules", id, len(text), len(fonts), len(wholeFonts), len(weights))
				}
				for k := range fonts {
					sub, err1 := base64.StdEncoding.DecodeString(string(fonts[k][1]))
					full, err2 := base64.StdEncoding.DecodeString(string(wholeFonts[k][1]))
					if err1 != nil || err2 != nil {
						t.Fatalf("%s: font %d: %v %v", id, k, err1, err2)
					}
					w := string(weights[k][1])
					if len(text[w]) == 0 {
						t.Errorf("%s: a %s font is embedded but no text uses it", id, w)
					}
					if err := sameGlyphs(full, sub, text[w]); err != nil {
						t.Errorf("%s, %s: %v", id, w, err)
					}
				}
			}
		}
	}
}

// TestSubsetFontFallback: what cannot be subset is embedded whole.
func TestSubsetFontFallback(t *testing.T) {
	if _, err := subsetFont([]byte("not a font"), map[rune]struct{}{'a': {}}); err == nil {
		t.Error("subsetFont accepted a file that is not a font")
	}
	r := svgRule{head: "h", tail: "t", font: []byte("not a font")}
	if got := r.subset(map[rune]struct{}{'a': {}}); !bytes.Equal(got.font, r.font) {
		t.Error("a font that cannot be subset was changed")
	}
}

// TestSubsetDeterministic: a subset carries the dates of the font it was
// cut from (tdewolff's writer stamps the current time), and valid
// checksums, so that re-runs write the same SVG bytes.
func TestSubsetDeterministic(t *testing.T) {
	ttf := goregular.TTF
	sub, err := subsetFont(ttf, map[rune]struct{}{'a': {}, 'Z': {}, '%': {}})
	if err != nil {
		t.Fatal(err)
	}
	head, _, err := sfntTable(sub, "head")
	if err != nil {
		t.Fatal(err)
	}
	srcHead, _, _ := sfntTable(ttf, "head")
	if !bytes.Equal(head[20:36], srcHead[20:36]) {
		t.Errorf("created/modified %x, source %x", head[20:36], srcHead[20:36])
	}
	if got := sfntChecksum(sub); got != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA", got)
	}
	n := int(binary.BigEndian.Uint16(sub[4:6]))
	for i := range n {
		rec := 12 + 16*i
		tag := string(sub[rec : rec+4])
		table, _, err := sfntTable(sub, tag)
		if err != nil {
			t.Fatal(err)
		}
		want := binary.BigEndian.Uint32(sub[rec+4:])
		got := sfntChecksum(table)
		if tag == "head" {
			got -= binary.BigEndian.Uint32(table[8:12])
		}
		if got != want {
			t.Errorf("table %s: checksum %#x, directory says %#x", tag, got, want)
		}
	}
}

// TestWholeSVGFontsAddsFaces: the first chart of a page carries both
// faces whole, also when it draws no bold text itself (review).
func TestWholeSVGFontsAddsFaces(t *testing.T) {
	th := DefaultTheme()
	c := Chart{Kind: Bars, Lang: "en", Bars: []Bar{{Label: "Yes", Suppressed: true, N: 5}}}
	b := render(t, c, SVG, Print, th)
	before := len(svgRuleWeightRE.FindAll(b, -1))
	if before != 1 {
		t.Fatalf("the test chart embeds %d faces; it should draw one, so that one is added", before)
	}
	got, err := WholeSVGFonts(b, th)
	if err != nil {
		t.Fatal(err)
	}
	weights := map[string]int{}
	for _, m := range svgRuleWeightRE.FindAllSubmatch(got, -1) {
		weights[string(m[1])]++
	}
	if weights["normal"] != 1 || weights["bold"] != 1 {
		t.Errorf("rules by weight %v (the chart alone had %d rules)", weights, before)
	}
	for _, m := range svgFontRE.FindAllSubmatch(got, -1) {
		if len(m[1]) < 300_000 {
			t.Errorf("embedded font of %d base64 bytes, want a whole font", len(m[1]))
		}
	}
	if again, _ := WholeSVGFonts(got, th); !bytes.Equal(again, got) {
		t.Error("WholeSVGFonts is not idempotent")
	}
}

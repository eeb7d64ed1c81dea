package figures

import (
	"bytes"
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

// TestSVGEmbedMatchesVGSVG checks that SVGs with embedded fonts are the
// bytes vgsvg writes, also with a house font whose bold is its regular face
// and when the cached rules are reused.
func TestSVGEmbedMatchesVGSVG(t *testing.T) {
	house, err := ParseFonts(goregular.TTF, nil)
	if err != nil {
		t.Fatal(err)
	}
	themes := []Theme{DefaultTheme(), {Fonts: house, EmbedSVGFonts: true}}
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

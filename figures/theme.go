package figures

import (
	"errors"
	"fmt"
	"image/color"
	"slices"
	"sync"
	"unicode"

	stdfnt "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"
)

// Fonts is a parsed regular and bold typeface. Create it once with
// [ParseFonts] and reuse it: renderers cache font data per Fonts value.
type Fonts struct {
	cache   *font.Cache
	regular font.Font
	bold    font.Font

	mu  sync.Mutex
	pdf map[bool][]byte       // font files for PDF, by boldness
	svg map[font.Font]svgRule // @font-face rules for SVG, by font without size
}

// ParseFonts parses TrueType or OpenType font files for a house style.
// bold may be nil, in which case regular is used for bold text too.
// The family and PostScript names inside a font are written into SVG
// style attributes and PDF name objects as they are (by gonum/plot's
// vgsvg and by fpdf), so a font whose names hold anything but letters,
// digits, spaces and "-_.+" is rejected (see [ErrFontName]); so is a font
// without a family name, which gonum/plot's SVG output cannot name.
func ParseFonts(regular, bold []byte) (*Fonts, error) {
	reg, err := opentype.Parse(regular)
	if err != nil {
		return nil, fmt.Errorf("figures: parse regular font: %w", err)
	}
	bld := reg
	if bold != nil {
		if bld, err = opentype.Parse(bold); err != nil {
			return nil, fmt.Errorf("figures: parse bold font: %w", err)
		}
	}
	for _, p := range []struct {
		what string
		f    *opentype.Font
	}{{"regular", reg}, {"bold", bld}} {
		if err := checkFontNames(p.f); err != nil {
			return nil, fmt.Errorf("figures: %s font: %w", p.what, err)
		}
	}
	const name = "House"
	f := &Fonts{
		regular: font.Font{Typeface: name},
		bold:    font.Font{Typeface: name, Weight: stdfnt.WeightBold},
	}
	f.cache = font.NewCache(font.Collection{
		{Font: f.regular, Face: reg},
		{Font: f.bold, Face: bld},
	})
	return f, nil
}

var defaultFonts = sync.OnceValue(func() *Fonts {
	f := &Fonts{
		regular: font.Font{Typeface: "Liberation", Variant: "Sans"},
		bold:    font.Font{Typeface: "Liberation", Variant: "Sans", Weight: stdfnt.WeightBold},
	}
	var coll font.Collection
	for _, fc := range liberation.Collection() {
		if fc.Font.Variant == "Sans" {
			coll = append(coll, fc)
		}
	}
	f.cache = font.NewCache(coll)
	return f
})

// DefaultFonts returns Liberation Sans regular and bold, embedded in the
// binary. It is parsed once and shared (read-only).
func DefaultFonts() *Fonts { return defaultFonts() }

// face returns the font face for the given weight and size.
func (f *Fonts) face(bold bool, size vg.Length) font.Face {
	if bold {
		return f.cache.Lookup(f.bold, size)
	}
	return f.cache.Lookup(f.regular, size)
}

// Theme is the visual style of a chart. The zero value of any field means
// the default of [DefaultTheme].
type Theme struct {
	Fonts      *Fonts        // typeface; nil = Liberation Sans
	Palette    []color.Color // categorical colours, used in order
	Neutral    color.Color   // Neutral stack segments, empty waffle cells
	Text       color.Color   // titles, labels, values
	Muted      color.Color   // subtitle, footer, axis labels
	Grid       color.Color   // grid lines
	Whisker    color.Color   // interval whiskers
	Accent     color.Color   // reference line, synthetic-data mark
	Background color.Color   // page background
	// EmbedSVGFonts embeds the fonts in SVG output, so the SVG looks the
	// same on machines without the font: each font cut down to the glyphs
	// the chart uses (a few kB), or whole (about 0.5 MB) with
	// SVGWholeFonts. Whole fonts are for SVGs that are shown together and
	// share one set of @font-face rules, as charts inlined in one HTML
	// page: a subset made for one chart lacks glyphs of the others.
	EmbedSVGFonts bool
	SVGWholeFonts bool
}

// OkabeIto returns the colour-blind-safe palette of Okabe and Ito (2008),
// black omitted, ordered for maximum contrast between neighbours.
func OkabeIto() []color.Color {
	return []color.Color{
		rgb(0x00, 0x72, 0xB2), // blue
		rgb(0xE6, 0x9F, 0x00), // orange
		rgb(0x00, 0x9E, 0x73), // bluish green
		rgb(0xCC, 0x79, 0xA7), // reddish purple
		rgb(0x56, 0xB4, 0xE9), // sky blue
		rgb(0xD5, 0x5E, 0x00), // vermillion
		rgb(0xF0, 0xE4, 0x42), // yellow
	}
}

func rgb(r, g, b uint8) color.Color { return color.RGBA{R: r, G: g, B: b, A: 0xFF} }

// DefaultTheme returns the default style: embedded Liberation Sans,
// Okabe–Ito palette, light grid, fonts embedded in SVG.
func DefaultTheme() Theme {
	return Theme{
		Fonts:         DefaultFonts(),
		Palette:       OkabeIto(),
		Neutral:       rgb(0xD0, 0xD0, 0xD0),
		Text:          rgb(0x22, 0x22, 0x22),
		Muted:         rgb(0x66, 0x66, 0x66),
		Grid:          rgb(0xE3, 0xE3, 0xE3),
		Whisker:       rgb(0x22, 0x22, 0x22),
		Accent:        rgb(0xD5, 0x5E, 0x00),
		Background:    color.White,
		EmbedSVGFonts: true,
	}
}

// withDefaults fills zero fields from DefaultTheme.
func (t Theme) withDefaults() Theme {
	d := DefaultTheme()
	if t.Fonts == nil {
		t.Fonts = d.Fonts
	}
	if len(t.Palette) == 0 {
		t.Palette = d.Palette
	} else {
		t.Palette = slices.Clone(t.Palette) // never write to the caller's slice
	}
	for _, p := range []struct {
		dst *color.Color
		def color.Color
	}{
		{&t.Neutral, d.Neutral}, {&t.Text, d.Text}, {&t.Muted, d.Muted},
		{&t.Grid, d.Grid}, {&t.Whisker, d.Whisker}, {&t.Accent, d.Accent},
		{&t.Background, d.Background},
	} {
		if *p.dst == nil {
			*p.dst = p.def
		}
	}
	for i, c := range t.Palette {
		if c == nil {
			t.Palette[i] = d.Palette[i%len(d.Palette)]
		}
	}
	return t
}

// color returns palette colour i, cycling.
func (t Theme) color(i int) color.Color { return t.Palette[i%len(t.Palette)] }

// textOn returns a readable text colour on background bg.
func (t Theme) textOn(bg color.Color) color.Color {
	r, g, b, _ := bg.RGBA()
	// relative luminance, roughly (sRGB, no linearisation needed for a threshold)
	l := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xFFFF
	if l > 0.55 {
		return t.Text
	}
	return color.White
}

// ErrFontName is wrapped by the error of [ParseFonts] for a font whose
// family or PostScript name is missing or holds characters that could
// change the meaning of the SVG or PDF it is written into.
var ErrFontName = errors.New("unsafe font name")

// checkFontNames checks the names that end up in output files: the
// family name (SVG font-family, unquoted in a style attribute, and quoted
// in an @font-face rule) and the PostScript name (a PDF name object).
func checkFontNames(f *opentype.Font) error {
	var buf sfnt.Buffer
	for _, n := range []struct {
		id   sfnt.NameID
		what string
	}{{sfnt.NameIDFamily, "family name"}, {sfnt.NameIDPostScript, "PostScript name"}} {
		postscript := n.id == sfnt.NameIDPostScript
		name, err := f.Name(&buf, n.id)
		if err != nil && !(postscript && errors.Is(err, sfnt.ErrNotFound)) {
			return fmt.Errorf("%s: %w (%w)", n.what, ErrFontName, err)
		}
		if len(name) > 63 {
			return fmt.Errorf("%s %.40q…: longer than 63 bytes: %w", n.what, name, ErrFontName)
		}
		for _, r := range name {
			if !plainFontNameRune(r, postscript) {
				want := "letters, digits, spaces and - _ . +"
				if postscript {
					want = "ASCII letters, digits and - _ . +"
				}
				return fmt.Errorf("%s %q: character %q not allowed (want %s): %w", n.what, name, r, want, ErrFontName)
			}
		}
	}
	return nil
}

// plainFontNameRune reports whether r may appear in a font name written to
// output files. PostScript names are printable ASCII without spaces.
func plainFontNameRune(r rune, postscript bool) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.', r == '+':
		return true
	case postscript:
		return false
	case r == ' ':
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

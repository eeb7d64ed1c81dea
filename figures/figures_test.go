package figures

import (
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"errors"
	"flag"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"gonum.org/v1/plot/vg"
)

var update = flag.Bool("update", false, "update golden files in testdata")

var langs = []string{"en", "de", "nl"}

// sortedNames returns the sample chart names in a fixed order.
func sortedNames(m map[string]Chart) []string {
	var names []string
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func render(t *testing.T, c Chart, f Format, p Preset, th Theme) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, c, f, p, th); err != nil {
		t.Fatalf("Render(%s, %s, %s): %v", c.Kind, f, p, err)
	}
	return buf.Bytes()
}

// TestRenderAll renders every chart kind in every language, format and
// preset and checks that the output is valid.
func TestRenderAll(t *testing.T) {
	for _, lang := range langs {
		charts := sampleCharts(lang)
		for _, name := range sortedNames(charts) {
			for _, p := range Presets() {
				for _, f := range Formats() {
					t.Run(strings.Join([]string{lang, name, string(p), string(f)}, "/"), func(t *testing.T) {
						if testing.Short() && p != Social {
							t.Skip("short")
						}
						c := charts[name]
						out := render(t, c, f, p, DefaultTheme())
						checkValid(t, out, f, p)
						if f == PDF {
							text := pdfText(t, out)
							for _, want := range []string{clean(c.Title), clean(c.Source)} {
								if !strings.Contains(text, want) {
									t.Errorf("PDF text lacks %q:\n%s", want, text)
								}
							}
						}
					})
				}
			}
		}
	}
}

func checkValid(t *testing.T, out []byte, f Format, p Preset) {
	t.Helper()
	if len(out) == 0 {
		t.Fatal("empty output")
	}
	switch f {
	case PNG:
		img, err := png.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("PNG does not decode: %v", err)
		}
		w, h, _ := p.PixelSize()
		if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
			t.Errorf("PNG is %dx%d, want %dx%d", b.Dx(), b.Dy(), w, h)
		}
	case SVG:
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("SVG is not XML: %v", err)
			}
		}
	case PDF:
		if !bytes.HasPrefix(out, []byte("%PDF-")) {
			t.Fatalf("PDF starts with %q", out[:min(8, len(out))])
		}
		if !bytes.Contains(out[max(0, len(out)-64):], []byte("%%EOF")) {
			t.Error("PDF lacks the end-of-file marker")
		}
	}
}

var tjRE = regexp.MustCompile(`\(((?:[^()\\]|\\.)*)\)\s*Tj`)

// pdfText extracts the text shown by Tj operators in the (zlib-compressed
// or plain) content streams of pdf, decoded from Windows-1252.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	var streams [][]byte
	rest := pdf
	for {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("endstream"))
		if j < 0 {
			break
		}
		s := rest[:j]
		rest = rest[j:]
		if zr, err := zlib.NewReader(bytes.NewReader(s)); err == nil {
			if d, err := io.ReadAll(zr); err == nil {
				s = d
			}
		}
		streams = append(streams, s)
	}
	var lines []string
	for _, s := range streams {
		for _, m := range tjRE.FindAllSubmatch(s, -1) {
			raw := pdfUnescape(m[1])
			if len(raw)%2 != 0 {
				t.Fatalf("PDF text %q: odd number of bytes for UTF-16BE (Identity-H)", raw)
			}
			u := make([]uint16, len(raw)/2)
			for i := range u {
				u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
			}
			lines = append(lines, string(utf16.Decode(u)))
		}
	}
	return strings.ReplaceAll(strings.Join(lines, " "), "\u00a0", " ")
}

// pdfUnescape undoes the escapes of a PDF literal string: \n, \r, \t,
// \b, \f, \ddd (octal) and \ before any other character.
func pdfUnescape(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 == len(b) {
			out = append(out, b[i])
			continue
		}
		i++
		switch c := b[i]; {
		case c == 'n':
			out = append(out, '\n')
		case c == 'r':
			out = append(out, '\r')
		case c == 't':
			out = append(out, '\t')
		case c == 'b':
			out = append(out, '\b')
		case c == 'f':
			out = append(out, '\f')
		case c >= '0' && c <= '7':
			v := 0
			for k := 0; k < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
				v = v*8 + int(b[i]-'0')
				i++
			}
			i--
			out = append(out, byte(v))
		default:
			out = append(out, c)
		}
	}
	return out
}

// TestPDFGerman checks that umlauts and ß survive in PDF output (gonum/plot
// issue #347).
func TestPDFGerman(t *testing.T) {
	c := sampleCharts("de")["bars"]
	c.Title = "Größe der Stichprobe: 1.000 Befragte – Übersicht"
	out := render(t, c, PDF, Print, DefaultTheme())
	text := pdfText(t, out)
	for _, want := range []string{"Größe", "Befragte", "Übersicht", "40 %", "n < 30 – nicht ausgewiesen", "Instagram-Nutzer"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Ã") {
		t.Errorf("PDF text is double-encoded UTF-8:\n%s", text)
	}
}

// TestGoldenSVG compares SVG output (fonts not embedded) with
// testdata/*.svg. Run go test -update to rewrite them.
func TestGoldenSVG(t *testing.T) {
	th := DefaultTheme()
	th.EmbedSVGFonts = false
	charts := sampleCharts("de")
	for _, name := range sortedNames(charts) {
		t.Run(name, func(t *testing.T) {
			got := render(t, charts[name], SVG, Social, th)
			path := filepath.Join("testdata", name+"-de-social.svg")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from rendered output; inspect and run go test -update if intended", path)
			}
		})
	}
}

// TestDeterministic renders each chart twice and compares the bytes.
func TestDeterministic(t *testing.T) {
	charts := sampleCharts("de")
	for _, name := range sortedNames(charts) {
		for _, f := range Formats() {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				a := render(t, charts[name], f, Social, DefaultTheme())
				b := render(t, charts[name], f, Social, DefaultTheme())
				if !bytes.Equal(a, b) {
					t.Errorf("two renderings differ (%d vs %d bytes)", len(a), len(b))
				}
			})
		}
	}
}

func TestWrap(t *testing.T) {
	f := DefaultFonts().face(false, 10)
	long := strings.Repeat("Datenschutz-Grundverordnung und KI-Training ", 8)
	word := strings.Repeat("Ü", 300)
	tests := []struct {
		name     string
		s        string
		width    vg.Length
		maxLines int
		minLines int
	}{
		{"short", "Dafür", 200, 3, 1},
		{"long sentence", long, 150, 100, 2},
		{"long sentence capped", long, 150, 3, 3},
		{"one 300-rune word", word, 100, 100, 2},
		{"control characters", "a\nb\tc\x00d", 200, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := wrap(f, tt.s, tt.width, tt.maxLines)
			if len(ls) < tt.minLines || len(ls) > tt.maxLines {
				t.Fatalf("got %d lines, want %d–%d: %q", len(ls), tt.minLines, tt.maxLines, ls)
			}
			for _, l := range ls {
				if w := f.Width(l); w > tt.width {
					t.Errorf("line %q is %v wide, more than %v", l, w, tt.width)
				}
				if strings.ContainsAny(l, "\n\t\x00") {
					t.Errorf("line %q contains control characters", l)
				}
			}
		})
	}
	if got := wrap(f, "   ", 100, 3); got != nil {
		t.Errorf("blank string wraps to %q", got)
	}
	if ls := wrap(f, long, 150, 3); !strings.HasSuffix(ls[2], ellipsis) {
		t.Errorf("truncated text does not end in an ellipsis: %q", ls)
	}
	// A no-break space keeps "95 %" on one line, drawn as a space; a
	// width that fits "(Konfidenzniveau 95" but not the "%" moves the
	// whole "95 %" down.
	s := "gestützt (Konfidenzniveau 95\u00a0%)."
	w := f.Width("gestützt (Konfidenzniveau 95") + 1
	ls := wrap(f, s, w, 5)
	if len(ls) != 2 || ls[0] != "gestützt (Konfidenzniveau" || ls[1] != "95 %)." {
		t.Errorf("no-break space: got %q", ls)
	}
}

// TestHostileInput checks that bad input returns an error or renders, but
// never panics.
func TestHostileInput(t *testing.T) {
	good := sampleCharts("en")["bars"]
	long := strings.Repeat("very long label ", 19) // about 300 characters
	tests := []struct {
		name    string
		edit    func(*Chart)
		wantErr bool
	}{
		{"empty bars", func(c *Chart) { c.Bars = nil }, true},
		{"NaN estimate", func(c *Chart) { c.Bars[0].Estimate = math.NaN() }, true},
		{"Inf upper", func(c *Chart) { c.Bars[0].Upper = math.Inf(1) }, true},
		{"NaN n", func(c *Chart) { c.Bars[0].N = math.NaN() }, true},
		{"estimate above 1", func(c *Chart) { c.Bars[0].Estimate, c.Bars[0].Upper = 40, 41 }, true},
		{"interval excludes estimate", func(c *Chart) { c.Bars[0].Lower = 0.5 }, true},
		{"NaN reference", func(c *Chart) { c.Reference = math.NaN() }, true},
		{"unknown language", func(c *Chart) { c.Lang = "fr" }, true},
		{"unknown kind", func(c *Chart) { c.Kind = 42 }, true},
		{"too many rows", func(c *Chart) { c.Bars = slices.Repeat(c.Bars[:1], maxRows+1) }, true},
		{"stacked not summing to 1", func(c *Chart) { c.Kind = Stacked; c.Bars = c.Bars[:2] }, true},
		{"NaN suppressed values ignored", func(c *Chart) { c.Bars[2].Estimate = math.NaN() }, false},
		{"all suppressed", func(c *Chart) {
			for i := range c.Bars {
				c.Bars[i].Suppressed = true
			}
		}, false},
		{"300-character labels and title", func(c *Chart) {
			c.Title, c.Subtitle, c.Source = long, long, long
			for i := range c.Bars {
				c.Bars[i].Label = long
			}
		}, false},
		{"300-character word", func(c *Chart) { c.Bars[0].Label = strings.Repeat("x", 300) }, false},
		{"empty texts", func(c *Chart) {
			c.Title, c.Subtitle, c.Base, c.Method, c.Source = "", "", "", "", ""
			for i := range c.Bars {
				c.Bars[i].Label = ""
			}
		}, false},
		{"invalid UTF-8", func(c *Chart) { c.Title = "ab\xffcd" }, false},
		{"zero shares", func(c *Chart) {
			c.Reference = 0
			for i := range c.Bars {
				c.Bars[i] = Bar{Label: "zero"}
			}
		}, false},
		{"full shares", func(c *Chart) {
			for i := range c.Bars {
				c.Bars[i] = Bar{Label: "all", Estimate: 1, Lower: 0.98, Upper: 1}
			}
		}, false},
		{"many rows", func(c *Chart) { c.Bars = slices.Repeat(c.Bars[:1], maxRows) }, true},
	}
	for _, tt := range tests {
		for _, k := range []Kind{Bars, Stacked, Funnel, Waffle, Forest} {
			t.Run(tt.name+"/"+k.String(), func(t *testing.T) {
				c := good
				c.Bars = slices.Clone(good.Bars)
				c.Kind = k
				if k == Stacked {
					c.Bars = slices.Clone(sampleCharts("en")["stacked"].Bars)
				}
				tt.edit(&c)
				for _, f := range Formats() {
					err := Render(io.Discard, c, f, Print, DefaultTheme())
					if err != nil && strings.Contains(err.Error(), "rendering") {
						t.Fatalf("%s: recovered panic: %v", f, err)
					}
					if k == Bars && (err != nil) != tt.wantErr {
						t.Errorf("%s: err = %v, want error %v", f, err, tt.wantErr)
					}
					if tt.wantErr && k == Bars && !errors.Is(err, ErrInvalidChart) && !strings.Contains(err.Error(), "does not fit") {
						t.Errorf("%s: error %v neither wraps ErrInvalidChart nor says it does not fit", f, err)
					}
				}
				_ = AltText(c) // must not panic
			})
		}
	}
}

func TestBadFormatAndPreset(t *testing.T) {
	c := sampleCharts("en")["bars"]
	if err := Render(io.Discard, c, "gif", Social, DefaultTheme()); err == nil {
		t.Error("format gif: no error")
	}
	if err := Render(io.Discard, c, PNG, "poster", DefaultTheme()); err == nil {
		t.Error("preset poster: no error")
	}
}

func TestCustomTheme(t *testing.T) {
	fonts, err := ParseFonts(goregular.TTF, gobold.TTF)
	if err != nil {
		t.Fatal(err)
	}
	th := Theme{Fonts: fonts, Palette: []color.Color{color.RGBA{R: 0x80, A: 0xFF}, nil}}
	for _, f := range Formats() {
		out := render(t, sampleCharts("de")["stacked"], f, Social, th)
		checkValid(t, out, f, Social)
	}
	if th.Palette[1] != nil {
		t.Error("Render modified the caller's palette")
	}
	if _, err := ParseFonts([]byte("not a font"), nil); err == nil {
		t.Error("ParseFonts accepted garbage")
	}
}

func TestNumberFormat(t *testing.T) {
	tests := []struct {
		lang     string
		decimals int
		v        float64
		pct      string
		lo, hi   float64
		rng      string
		n        float64
		count    string
	}{
		{"en", 0, 0.40, "40%", 0.357, 0.445, "36–45%", 1000, "1,000"},
		{"de", 0, 0.40, "40 %", 0.357, 0.445, "36–45 %", 1000, "1.000"},
		{"nl", 0, 0.40, "40%", 0.357, 0.445, "36–45%", 1000, "1.000"},
		{"de", 1, 0.405, "40,5 %", 0.3571, 0.4449, "35,7–44,5 %", 750.5, "750,5"},
		{"nl", 1, 0.07, "7,0%", 0, 0.01, "0,0–1,0%", 12345678, "12.345.678"},
		{"en", 2, 0.123456, "12.35%", -1e-12, 0.5, "0.00–50.00%", 30, "30"},
	}
	for _, tt := range tests {
		nf := newNumFormat(tt.lang, tt.decimals, " ")
		if got := nf.pct(tt.v); got != tt.pct {
			t.Errorf("%s pct(%v) = %q, want %q", tt.lang, tt.v, got, tt.pct)
		}
		if got := nf.pctRange(tt.lo, tt.hi); got != tt.rng {
			t.Errorf("%s pctRange(%v, %v) = %q, want %q", tt.lang, tt.lo, tt.hi, got, tt.rng)
		}
		if got := nf.count(tt.n); got != tt.count {
			t.Errorf("%s count(%v) = %q, want %q", tt.lang, tt.n, got, tt.count)
		}
	}
}

func TestAltText(t *testing.T) {
	tests := []struct {
		lang, kind string
		want       []string
	}{
		{"en", "bars", []string{"Bar chart: Few remember", "40% (interval 36–45%, n = 480)", "not shown (n < 30)", "Reference line at 50%.", "Base: users", "95% Wilson", "Source: noyb"}},
		{"de", "stacked", []string{"Gestapeltes Balkendiagramm", "Dagegen: 66 % (Intervall 63–69 %, n = 750)", "Basis: 750 Befragte"}},
		{"nl", "waffle", []string{"Wafeldiagram", "Synthetische gegevens", "75% (interval 72–78%, n = 1.000)"}},
		{"de", "forest", []string{"Forest-Plot", "16–29: 58 % (Intervall 50–66 %, n = 150)", "Keine Angabe: nicht ausgewiesen (n < 30)"}},
	}
	for _, tt := range tests {
		got := AltText(sampleCharts(tt.lang)[tt.kind])
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("AltText(%s %s) lacks %q:\n%s", tt.lang, tt.kind, w, got)
			}
		}
	}
}

func TestWaffleCells(t *testing.T) {
	tests := []struct {
		shares []float64
		want   []int
	}{
		{[]float64{0.75}, []int{75}},
		{[]float64{0.333, 0.333, 0.334}, []int{33, 33, 34}},
		{[]float64{0.005}, []int{1}},
		{[]float64{0.004}, []int{0}},
		{[]float64{1}, []int{100}},
		{[]float64{0.505, 0.505}, []int{50, 50}},
	}
	for _, tt := range tests {
		var bars []Bar
		for _, s := range tt.shares {
			bars = append(bars, Bar{Estimate: s})
		}
		if got := waffleCells(bars); !slices.Equal(got, tt.want) {
			t.Errorf("waffleCells(%v) = %v, want %v", tt.shares, got, tt.want)
		}
	}
}

func TestNiceAxis(t *testing.T) {
	for _, tt := range []struct{ lo, hi, wantHi, wantStep float64 }{
		{0, 0.445, 0.5, 0.1},
		{0, 0.78, 0.8, 0.2},
		{0, 1, 1, 0.2},
		{0, 0.03, 0.03, 0.01},
		{0, 0, 0.01, 0.01},
	} {
		a := niceAxis(tt.lo, tt.hi)
		if math.Abs(a.hi-tt.wantHi) > 1e-9 || a.step != tt.wantStep {
			t.Errorf("niceAxis(%v, %v) = %v..%v step %v, want hi %v step %v", tt.lo, tt.hi, a.lo, a.hi, a.step, tt.wantHi, tt.wantStep)
		}
	}
}

// TestConcurrent renders from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	charts := sampleCharts("de")
	errs := make(chan error, 3*len(charts))
	for _, name := range sortedNames(charts) {
		for _, f := range Formats() {
			go func() {
				errs <- Render(io.Discard, charts[name], f, Social, DefaultTheme())
			}()
		}
	}
	for range 3 * len(charts) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestPDFUnicode checks that a PDF draws text beyond Windows-1252 that
// the font has glyphs for (it printed "?ód?" for "Łódź" before the fonts
// were embedded as UTF-8 TrueType fonts).
func TestPDFUnicode(t *testing.T) {
	c := sampleCharts("en")["bars"]
	c.Title = "Łódź, Ελλάδα, Москва, Kraków – ½ ≥ 40 %"
	c.Bars[0].Label = "Čeština: ďáblík"
	c.Bars[1].Label = "emoji 😀 beyond U+FFFF"
	text := pdfText(t, render(t, c, PDF, Print, DefaultTheme()))
	for _, want := range []string{"Łódź", "Ελλάδα", "Москва", "Kraków", "≥", "Čeština: ďáblík", "emoji \ufffd beyond"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

// TestPDFFonts checks that the regular and bold faces are embedded as two
// distinct font files (vgpdf embeds one file for both) and that the
// metadata date honours SOURCE_DATE_EPOCH.
func TestPDFFonts(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1750000000") // 2025-06-15T15:06:40Z
	out := render(t, sampleCharts("de")["stacked"], PDF, Social, DefaultTheme())
	refs := regexp.MustCompile(`/FontFile2 (\d+) 0 R`).FindAllSubmatch(out, -1)
	seen := map[string]bool{}
	for _, m := range refs {
		seen[string(m[1])] = true
	}
	if len(seen) != 2 {
		t.Errorf("PDF embeds %d distinct font files, want 2 (regular and bold)", len(seen))
	}
	for _, want := range []string{"/BaseFont /utf8bold", "/BaseFont /utf8regular", "D:20250615150640"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func TestMethodLine(t *testing.T) {
	tests := []struct {
		method string
		level  float64
		lang   string
		want   string
	}{
		{"wilson", 0.95, "en", "95% confidence intervals (Wilson score)"},
		{"wilson", 0.95, "de", "95-%-Konfidenzintervalle (Wilson)"},
		{"clopper-pearson", 0.995, "de", "99,5-%-Konfidenzintervalle (Clopper-Pearson, exakt)"},
		{"jeffreys", 0.9, "nl", "90%-betrouwbaarheidsintervallen (Jeffreys)"},
		{"bootstrap", 0.95, "en", "95% confidence intervals (bootstrap)"},
	}
	for _, tt := range tests {
		got, err := MethodLine(tt.method, tt.level, tt.lang)
		if err != nil || got != tt.want {
			t.Errorf("MethodLine(%q, %v, %q) = %q, %v; want %q", tt.method, tt.level, tt.lang, got, err, tt.want)
		}
	}
	for _, level := range []float64{0, 1, math.NaN(), 95} {
		if _, err := MethodLine("wilson", level, "en"); err == nil {
			t.Errorf("level %v: no error", level)
		}
	}
	if _, err := MethodLine("wilson", 0.95, "fr"); err == nil {
		t.Error("language fr: no error")
	}
}

func TestParse(t *testing.T) {
	for _, f := range Formats() {
		if got, err := ParseFormat(string(f)); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	for _, p := range Presets() {
		if got, err := ParsePreset(string(p)); err != nil || got != p {
			t.Errorf("ParsePreset(%q) = %q, %v", p, got, err)
		}
	}
	for _, k := range []Kind{Bars, Stacked, Funnel, Waffle, Forest} {
		if got, err := ParseKind(k.String()); err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k, got, err)
		}
	}
	if _, err := ParseFormat("gif"); err == nil {
		t.Error("ParseFormat(gif): no error")
	}
	if _, err := ParsePreset("a4"); err == nil {
		t.Error("ParsePreset(a4): no error")
	}
	if _, err := ParseKind("pie"); err == nil {
		t.Error("ParseKind(pie): no error")
	}
}

// FuzzRender checks that arbitrary labels and values never make Render or
// AltText panic.
func FuzzRender(f *testing.F) {
	f.Add(uint8(0), "Größe", "Befragte", 0.4, 0.35, 0.45, 480.0, false, 0.5)
	f.Add(uint8(1), strings.Repeat("x", 300), "", math.NaN(), 0.0, 1.0, 0.0, true, 0.0)
	f.Add(uint8(4), "\x00\n\t\xff", "日本語", 1.0, 1.0, 1.0, 1e12, false, 1.0)
	f.Fuzz(func(t *testing.T, kind uint8, label, title string, est, lo, hi, n float64, supp bool, ref float64) {
		c := sampleCharts("de")["stacked"]
		c.Kind = Kind(kind % 6)
		c.Title = title
		c.Reference = ref
		c.Bars = append(slices.Clone(c.Bars), Bar{Label: label, Estimate: est, Lower: lo, Upper: hi, N: n, Suppressed: supp})
		for _, format := range []Format{SVG, PDF} {
			err := Render(io.Discard, c, format, Print, DefaultTheme())
			if err != nil && strings.Contains(err.Error(), "rendering") {
				t.Fatalf("recovered panic: %v", err)
			}
		}
		_ = AltText(c)
	})
}

package figures

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	for _, tc := range []struct {
		name, label string
		want        []string // substrings of the one message; none: no message
	}{
		{"latin", "Łódź and Kraków – ½ ≥ 40 %", nil},
		{"arabic", "مرحبا", []string{`label "مرحبا"`, "no glyph for U+0645 'م'", "left out"}},
		{"emoji", "yes 😀", []string{`label "yes 😀"`, "no glyph for U+1F600 '😀'"}},
		{"bidi override", "abc\u202edef", []string{`label "abcdef"`, "bidirectional control U+202E removed"}},
		{"isolates", "\u2067x\u2069", []string{"U+2067, U+2069 removed"}},
		{"hebrew", "שלום", []string{"right-to-left letters such as U+05E9 'ש'", "drawn left to right"}},
		{"control", "a\x01b\tc", []string{`label "a b c"`, "control character U+0001, U+0009 drawn as a space"}},
		{"invalid utf-8", "a\xffb", []string{"invalid UTF-8"}},
		{"many missing", "😀😁😂😃😄😅😆", []string{"U+1F604 '😄', and 2 more"}},
		{"long", strings.Repeat("x", 70) + "😀", []string{`"` + strings.Repeat("x", 60) + `…"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := sampleCharts("en")["bars"]
			c.Bars[0].Label = tc.label
			msgs := CheckText(c, DefaultTheme())
			if len(tc.want) == 0 {
				if len(msgs) != 0 {
					t.Fatalf("CheckText: %q, want nothing", msgs)
				}
				return
			}
			if len(msgs) != 1 {
				t.Fatalf("CheckText: %q, want one message", msgs)
			}
			for _, w := range tc.want {
				if !strings.Contains(msgs[0], w) {
					t.Errorf("CheckText: %q, want it to contain %q", msgs[0], w)
				}
			}
			if c.Bars[0].Label != tc.label {
				t.Error("CheckText changed the chart")
			}
		})
	}
}

// TestControlCharactersSVG checks that text with control characters,
// bidirectional controls and invalid UTF-8 still gives well-formed SVG.
func TestControlCharactersSVG(t *testing.T) {
	c := sampleCharts("en")["bars"]
	c.Title = "a\x01b\x1b[31m\u202e\xff\ufffe"
	c.Bars[0].Label = "x\x00y\u2066"
	out := render(t, c, SVG, Print, DefaultTheme())
	d := xml.NewDecoder(bytes.NewReader(out))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
	if bytes.Contains(out, []byte("\u202e")) {
		t.Error("SVG still holds U+202E")
	}
}

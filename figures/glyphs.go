package figures

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
)

// Text a chart cannot draw as written. Charts draw text left to right with
// one font and no shaping, so:
//
//   - bidirectional control characters (U+061C, U+200E, U+200F,
//     U+202A–U+202E, U+2066–U+2069) are removed: they would reorder
//     nothing and show as boxes;
//   - other control characters (tabs, line breaks, C0 and C1 controls,
//     U+FFFE and U+FFFF) become spaces, and invalid UTF-8 becomes U+FFFD: SVG (XML) cannot
//     hold them;
//   - characters the font has no glyph for (Arabic and emoji in Liberation
//     Sans, for example) are missing from the chart;
//   - right-to-left letters are drawn left to right and, in Arabic script,
//     unjoined;
//   - characters beyond U+FFFF (emoji) that the font has are drawn in PNG
//     and SVG but as U+FFFD in PDF (fpdf's fonts are 16-bit).
//
// [CheckText] names every text of a chart that is affected, so that the
// caller can warn; rendering applies the first two rules itself.

// isBidiControl reports whether r is one of the Unicode bidirectional
// formatting characters (Unicode Standard Annex #9, table 4).
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// isControlChar reports whether r is a control character or a
// noncharacter that XML cannot hold (U+FFFE, U+FFFF).
func isControlChar(r rune) bool {
	return unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF
}

// isRTL reports whether r is a letter of a right-to-left script.
func isRTL(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}

// cleanText applies the rules above that rendering applies: bidirectional
// controls removed, other controls replaced by a space, invalid UTF-8 by
// U+FFFD.
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case isBidiControl(r):
			return -1
		case isControlChar(r):
			return ' '
		}
		return r
	}, s)
}

func isClean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if isBidiControl(r) || isControlChar(r) {
			return false
		}
	}
	return true
}

// cleanTexts returns c with cleanText applied to every text it draws.
func (c Chart) cleanTexts() Chart {
	c.Title, c.Subtitle, c.Base = cleanText(c.Title), cleanText(c.Subtitle), cleanText(c.Base)
	c.Method, c.Source = cleanText(c.Method), cleanText(c.Source)
	for i := range c.Bars {
		c.Bars[i].Label = cleanText(c.Bars[i].Label)
	}
	return c
}

// CheckText returns one message per text of c that the chart cannot draw
// as written with th's fonts (see the rules above), naming the text (its
// role and its first 60 characters) and the characters concerned, e.g.
//
//	label "مرحبا": the chart font has no glyph for U+0645 'م', … (left out)
//
// c's Bars are not changed. The messages quote the texts the caller gave
// (titles, labels, base and source lines), never data values.
func CheckText(c Chart, th Theme) []string {
	th = th.withDefaults()
	faces := []*sfnt.Font{th.Fonts.face(false, 10).Face, th.Fonts.face(true, 10).Face}
	var buf sfnt.Buffer
	hasGlyph := func(r rune) bool {
		for _, f := range faces {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				return false
			}
		}
		return true
	}
	texts := []struct{ role, s string }{
		{"title", c.Title}, {"subtitle", c.Subtitle}, {"base line", c.Base},
		{"method line", c.Method}, {"source line", c.Source},
	}
	for _, b := range c.Bars {
		texts = append(texts, struct{ role, s string }{"label", b.Label})
	}
	var msgs []string
	for _, t := range texts {
		var problems []string
		if !utf8.ValidString(t.s) {
			problems = append(problems, "invalid UTF-8 (drawn as U+FFFD)")
		}
		var bidi, ctrl, missing, rtl, astral []rune
		for _, r := range strings.ToValidUTF8(t.s, "") {
			switch {
			case isBidiControl(r):
				bidi = appendNew(bidi, r)
			case isControlChar(r):
				ctrl = appendNew(ctrl, r)
			case unicode.IsSpace(r):
			case !hasGlyph(r):
				missing = appendNew(missing, r)
			case isRTL(r):
				rtl = appendNew(rtl, r)
			case r > 0xFFFF:
				astral = appendNew(astral, r)
			}
		}
		if len(bidi) > 0 {
			problems = append(problems, "bidirectional control "+runeList(bidi, false)+" removed (charts draw text left to right)")
		}
		if len(ctrl) > 0 {
			problems = append(problems, "control character "+runeList(ctrl, false)+" drawn as a space")
		}
		if len(missing) > 0 {
			problems = append(problems, "the chart font has no glyph for "+runeList(missing, true)+" (left out)")
		}
		if len(rtl) > 0 {
			problems = append(problems, "right-to-left letters such as "+runeList(rtl, true)+" are drawn left to right, unjoined")
		}
		if len(astral) > 0 {
			problems = append(problems, runeList(astral, true)+" drawn as U+FFFD in PDF")
		}
		if len(problems) > 0 {
			msgs = append(msgs, fmt.Sprintf("%s %q: %s", t.role, shorten(cleanText(t.s), 60), strings.Join(problems, "; ")))
		}
	}
	return msgs
}

func appendNew(rs []rune, r rune) []rune {
	for _, x := range rs {
		if x == r {
			return rs
		}
	}
	return append(rs, r)
}

// runeList formats at most 5 runes as "U+0645 'م', U+1F600 '😀', …"
// (without the character itself where show is false).
func runeList(rs []rune, show bool) string {
	var parts []string
	for i, r := range rs {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(rs)-5))
			break
		}
		if show {
			parts = append(parts, fmt.Sprintf("U+%04X '%c'", r, r))
		} else {
			parts = append(parts, fmt.Sprintf("U+%04X", r))
		}
	}
	return strings.Join(parts, ", ")
}

// shorten cuts s to n runes, marking the cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

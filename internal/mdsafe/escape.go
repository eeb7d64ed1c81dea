package mdsafe

import "strings"

// lineBreaks turns every line break into a space, so that text cannot end
// a block or start one of its own, and drops the invisible characters
// that a Markdown writer may remove from its finished output (soft hyphen
// U+00AD, word joiner U+2060, zero-width space U+200B, zero-width no-break
// space U+FEFF): removed after escaping, one of them could otherwise turn
// escaped text into markup ("\u00ad# x" → "# x").
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ",
	"\u00ad", "", "\u2060", "", "\u200b", "", "\ufeff", "")

// Escape escapes s for a Markdown paragraph, heading, list item or table
// cell. It puts a backslash before every character that can open or close
// inline markup anywhere (\ ` * _ [ ] < > | ~ &), turns line breaks into
// spaces, drops leading spaces and tabs (four would start a code block),
// and puts a backslash before what would start a block at the start of
// the text: a heading (#), a bullet (-, + before a space or at the end),
// an ordered list marker (digits and . or ) before a space or at the
// end), a setext underline or thematic break (a line of only = or only -,
// and blanks).
// Escaped text renders as s with line breaks as spaces and without its
// leading blanks.
func Escape(s string) string {
	out := escapeInline(s)
	// marker reports whether a block marker ending before i is one: it is
	// followed by a blank or by nothing.
	marker := func(i int) bool { return i >= len(out) || out[i] == ' ' || out[i] == '\t' }
	switch {
	case out == "":
		return out
	case out[0] == '#':
		return `\` + out
	case (out[0] == '-' || out[0] == '+') && marker(1):
		return `\` + out
	case strings.Trim(out, "= \t") == "", strings.Trim(out, "- \t") == "":
		return `\` + out
	}
	digits := len(out) - len(strings.TrimLeft(out, "0123456789"))
	if digits > 0 && digits < len(out) && (out[digits] == '.' || out[digits] == ')') && marker(digits+1) {
		return out[:digits] + `\` + out[digits:]
	}
	return out
}

// EscapeInline escapes s for a place in a Markdown line that follows other
// text on the same line, such as after "**Published:** ": as [Escape], but
// without escaping what would start a block at the start of a line, which
// s cannot be there ("7. August 2025" stays as it is).
func EscapeInline(s string) string { return escapeInline(s) }

// escapeInline is Escape less its block-start rules.
func escapeInline(s string) string {
	s = lineBreaks.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := strings.TrimLeft(b.String(), " \t")
	// A run of # at the end after a blank, followed by nothing but blanks,
	// would close an ATX heading ("## Title # " renders "Title"): escape
	// its first #.
	body := strings.TrimRight(out, " \t")
	if t := strings.TrimRight(body, "#"); len(t) < len(body) && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		out = t + `\` + out[len(t):]
	}
	return out
}

// Code writes s as an inline code span, with line breaks as spaces and a
// fence of backticks longer than any run of backticks inside s
// (CommonMark 6.1). Nothing inside a code span is markup.
func Code(s string) string {
	s = lineBreaks.Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " " // CommonMark strips one space on each side
	}
	return fence + s + fence
}

package mdsafe

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// Link writes a link to u with the text title (u when title is empty).
// Only URLs that [AllowedURL] accepts become links; anything else
// (javascript:, data:, relative paths) is written as escaped text after
// the title, in parentheses.
func Link(title, u string) string {
	if title == "" {
		title = u
	}
	if !AllowedURL(u) {
		if u == "" {
			return Escape(title)
		}
		return Escape(title) + " (" + Escape(u) + ")"
	}
	return "[" + Escape(title) + "](" + Destination(u) + ")"
}

// Image writes an image of a report's own file, a relative path such as
// figures/en/bars.png, with the alternative text alt.
func Image(alt, path string) string {
	return "![" + Escape(alt) + "](" + Destination(path) + ")"
}

// Destination percent-encodes every byte of a link destination that is
// not an unreserved or reserved URL character (RFC 3986, section 2),
// and the parentheses, which would end the destination: the result is a
// destination without blanks, brackets or backslashes.
func Destination(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			strings.IndexByte("-._~:/?#@!$&'*+,;=%", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// AllowedURL reports whether u may be written as a link: an absolute
// http or https URL with a host, or a mailto URL with an address, without
// white space or control characters.
func AllowedURL(u string) bool {
	if strings.IndexFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f || unicode.IsSpace(r) }) >= 0 {
		return false
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}

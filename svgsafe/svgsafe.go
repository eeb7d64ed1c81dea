package svgsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrUnsafe is wrapped by every error of [Check] that reports content
// outside the allow-list (as opposed to malformed XML).
var ErrUnsafe = errors.New("unsafe SVG content")

// The namespaces an element or attribute may be in.
const (
	nsSVG   = "http://www.w3.org/2000/svg"
	nsXLink = "http://www.w3.org/1999/xlink"
	nsXMLNS = "xmlns"
)

// elements is the allow-list of SVG elements: shapes, text, groups,
// clipping and the style sheet that declares embedded fonts.
var elements = map[string]bool{
	"svg": true, "g": true, "defs": true, "style": true, "title": true, "desc": true,
	"path": true, "rect": true, "circle": true, "ellipse": true, "line": true,
	"polyline": true, "polygon": true, "text": true, "tspan": true, "clipPath": true,
}

// attributes is the allow-list of attributes (without namespace). href is
// allowed only as a reference within the document ("#id").
var attributes = map[string]bool{
	"version": true, "width": true, "height": true, "viewBox": true, "x": true, "y": true,
	"x1": true, "y1": true, "x2": true, "y2": true, "cx": true, "cy": true, "r": true,
	"rx": true, "ry": true, "d": true, "points": true, "transform": true, "style": true,
	"id": true, "class": true, "clip-path": true, "clipPathUnits": true, "fill": true,
	"stroke": true, "stroke-width": true, "opacity": true, "font-family": true,
	"font-size": true, "font-weight": true, "text-anchor": true, "dx": true, "dy": true,
	"href": true, "role": true, "aria-label": true, "preserveAspectRatio": true,
}

// Check parses the SVG document b and returns nil if every element
// and attribute is on the allow-list and no style refers to anything but
// embedded data fonts and fragments of the document itself. An XML
// declaration and a DOCTYPE without internal subset are allowed before
// the root element, and comments there; processing instructions, comments
// in the drawing, CDATA sections and entity declarations are not. Errors name the first offending element
// or attribute and wrap [ErrUnsafe], or describe the XML syntax error.
func Check(b []byte) error {
	if i := bytes.Index(b, []byte("<![CDATA[")); i >= 0 {
		return unsafef("CDATA section at byte %d", i)
	}
	// Embedded fonts are long base64 runs (megabytes per chart): their
	// payload is left out before parsing. Only base64 characters are
	// removed, none of which can open markup, a comment or a URL, so what
	// is checked below is everything else; byte offsets in errors refer
	// to the shortened document.
	d := xml.NewDecoder(bytes.NewReader(dropBase64(b)))
	d.Strict = true
	var stack []string
	root := false
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(stack) != 0 {
				return fmt.Errorf("svg: unexpected end of document in <%s>", stack[len(stack)-1])
			}
			if !root {
				return errors.New("svg: no root element")
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("svg: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root && len(stack) == 0 {
				return unsafef("second root element <%s> at byte %d", t.Name.Local, off)
			}
			if len(stack) == 0 && t.Name.Local != "svg" {
				return unsafef("root element <%s>, want <svg>", t.Name.Local)
			}
			root = true
			if err := checkElement(t); err != nil {
				return err
			}
			stack = append(stack, qname(t.Name))
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != qname(t.Name) {
				return fmt.Errorf("svg: unexpected </%s>", qname(t.Name))
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(t)) != 0 {
					return unsafef("text outside the root element")
				}
				continue
			}
			if stack[len(stack)-1] == "style" {
				if err := checkCSS(string(t)); err != nil {
					return err
				}
			}
		case xml.ProcInst:
			if root || t.Target != "xml" {
				return unsafef("processing instruction <?%s?>", t.Target)
			}
		case xml.Directive:
			s := string(t)
			if root || !strings.HasPrefix(s, "DOCTYPE") || strings.ContainsAny(s, "[<") {
				return unsafef("markup declaration <!%.20s…>", s)
			}
		case xml.Comment:
			if !root {
				continue
			}
			return unsafef("comment at byte %d", off)
		}
	}
}

// checkElement checks one start tag. RawToken leaves namespace prefixes
// as written, so the prefix is checked against the declarations the
// allow-list knows.
func checkElement(t xml.StartElement) error {
	if t.Name.Space != "" || !elements[t.Name.Local] {
		return unsafef("element <%s> is not allowed", qname(t.Name))
	}
	for _, a := range t.Attr {
		name := a.Name.Local
		switch {
		case a.Name.Space == nsXMLNS || (a.Name.Space == "" && name == nsXMLNS):
			if a.Value != nsSVG && a.Value != nsXLink {
				return unsafef("namespace %q on <%s> is not allowed", a.Value, t.Name.Local)
			}
			continue
		case a.Name.Space == "xlink" && name == "href":
		case a.Name.Space != "":
			return unsafef("attribute %s on <%s> is not allowed", qname(a.Name), t.Name.Local)
		case !attributes[name]:
			return unsafef("attribute %s on <%s> is not allowed", name, t.Name.Local)
		}
		if name == "href" {
			if !strings.HasPrefix(a.Value, "#") {
				return unsafef("reference %q on <%s> leaves the document", a.Value, t.Name.Local)
			}
			continue
		}
		if err := checkCSS(a.Value); err != nil {
			return fmt.Errorf("attribute %s on <%s>: %w", name, t.Name.Local, err)
		}
	}
	return nil
}

// checkCSS checks a style sheet, a style attribute or any attribute value
// (which the browser may read as a presentation property): it may refer
// only to fragments of the document (url(#…)) and to embedded fonts
// (url(data:font/…)), and may contain no CSS escapes, imports, comments
// or scriptable expressions that could hide another reference.
func checkCSS(s string) error {
	l := strings.ToLower(s)
	for _, bad := range []string{"\\", "@import", "/*", "expression(", "javascript:", "<", "image-set(", "-moz-binding", "behavior:"} {
		if strings.Contains(l, bad) {
			return unsafef("style or attribute value contains %q", bad)
		}
	}
	for rest := l; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return nil
		}
		rest = strings.TrimLeft(rest[i+len("url("):], " \t\n\r\f\"'")
		if !strings.HasPrefix(rest, "#") && !strings.HasPrefix(rest, "data:font/") {
			return unsafef("style refers to url(%.30s…)", rest)
		}
	}
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func unsafef(format string, a ...any) error {
	return fmt.Errorf("svg: %s: %w", fmt.Sprintf(format, a...), ErrUnsafe)
}

// dropBase64 returns b without the payload of every ";base64," data URL:
// the run of base64 characters (A–Z, a–z, 0–9, +, /, =) after it.
func dropBase64(b []byte) []byte {
	const marker = ";base64,"
	if !bytes.Contains(b, []byte(marker)) {
		return b
	}
	out := make([]byte, 0, len(b)/4)
	for {
		i := bytes.Index(b, []byte(marker))
		if i < 0 {
			return append(out, b...)
		}
		j := i + len(marker)
		out = append(out, b[:j]...)
		k := j
		for k < len(b) && isBase64(b[k]) {
			k++
		}
		b = b[k:]
	}
}

func isBase64(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '='
}

// Package svgsafe checks that an SVG document is safe to inline into an
// HTML page: it holds only drawing elements and attributes from a small
// allow-list, no scripts, no event handlers, no foreign content and no
// reference to anything outside the document.
//
// The charts of a report are drawn by gonum/plot from text that comes
// from input files (labels, titles, notes, font names). The text is
// escaped on the way, but the HTML report treats the finished SVG as
// untrusted all the same and runs it through [Check] before it is
// inlined: a chart that fails the check is an error, never a page that
// runs code or makes a request.
//
// The document is parsed with encoding/xml in strict mode, so a check
// that passes also means that the SVG is well-formed XML.
package svgsafe

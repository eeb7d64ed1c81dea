// Package mdsafe writes text from input files into Markdown so that it
// reads as the same text and never as markup: no link, image, raw HTML,
// entity, emphasis, code span, table cell or block (heading, list item,
// quote, setext underline, thematic break) that the text did not come
// from the report itself.
//
// [Escape] escapes text for a paragraph, heading, list item or table
// cell; [Code] writes it as an inline code span; [Link] and [Image] write
// links and images, with destinations percent-encoded by [Destination]
// and links limited to the schemes [AllowedURL] accepts (http, https,
// mailto). [AutoEscape] does for a text/template what html/template does
// for HTML: every action that prints a value is escaped with [Escape]
// unless it already ends in a function whose name starts with "md" (see
// [Funcs]), so that a template that forgets to escape still cannot write
// markup from an input file.
//
// The rules are those of CommonMark 0.31 (https://spec.commonmark.org/)
// with GitHub's extensions for tables and strikethrough: a backslash
// before any ASCII punctuation character stands for the character itself.
package mdsafe

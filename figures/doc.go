// Package figures draws publication-ready survey charts: shares with
// confidence-interval whiskers, 100 % stacked attitude splits, funnels,
// 10×10 waffles and forest plots, and, for the same share in several
// surveys, trend charts and dumbbell charts ([Series]) that print the
// difference between the surveys next to the points.
//
// The charts are meant to be published unchanged (press releases, social
// media, court filings), so every chart carries its title, subtitle, base,
// interval method and source, and a conspicuous mark when the data are
// synthetic. Values are printed directly on the chart in the number format
// of the chart language (en, de, nl), and [AltText] gives a plain-language
// description listing every value with its interval and base.
//
// Input is plain data ([Chart], [Bar]); the package does not depend on the
// rest of surveystat. Charts are drawn with gonum.org/v1/plot's vector
// graphics layer into PNG, SVG or PDF ([Format]) at a fixed size ([Preset]),
// or at a size of the caller's ([Size], [Renderer.RenderSize]), e.g. as wide
// as the text of a page and only as tall as the bars need.
// A [Theme] sets fonts and colours; [DefaultTheme] embeds Liberation Sans
// (full Western European glyph coverage) and uses the colour-blind-safe
// Okabe–Ito palette.
//
// Output is deterministic: identical input gives identical bytes in every
// format. PDF metadata dates come from SOURCE_DATE_EPOCH if set, else
// 1980-01-01 UTC. The package keeps no mutable package-level state and
// changes none in gonum/plot or fpdf; the default fonts are parsed once
// and then only read, and each [Fonts] value converts its faces for PDF
// and SVG once and caches them.
//
// PNG is drawn by this package's adaptation of gonum's vgimg canvas, pixel
// for pixel the same but without copying each image and with gg's text
// compositing done directly, and written by its own encoder (unfiltered
// rows, zlib's fastest level): several times faster than vgimg with
// image/png, and smaller files. A [Renderer] reuses the raster memory from
// one chart to the next. SVG is vgsvg's, with embedded fonts converted
// once per Fonts value instead of once per chart.
//
// PDF is written by this package's own adaptation of gonum's vgpdf, which
// fixes garbled umlauts (gonum/plot issue #347) and bold text, and embeds
// the fonts. PDF text is encoded as Windows-1252, which covers German,
// Dutch and French; other characters print as "?". PNG and SVG support
// every glyph of the theme font.
package figures

package report

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"image/color"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
	"github.com/surveystat/surveystat/svgsafe"
)

// ChartOutput selects the files written for every chart.
type ChartOutput struct {
	Formats []figures.Format // formats at Preset
	Preset  figures.Preset   // size of those formats; "" means print
	Extra   []figures.Preset // further PNG sizes (social, square)
	Theme   figures.Theme

	// Warnings, if set, receives one line per chart text that the charts
	// cannot draw as written (figures.CheckText): a character the font
	// lacks, a bidirectional control, right-to-left letters.
	Warnings io.Writer
}

// DefaultChartOutput is what a report contains: PNG (300 dpi), SVG and PDF
// at print size, and PNGs for social media (1200×675 and 1080×1080).
func DefaultChartOutput() ChartOutput {
	return ChartOutput{
		Formats: figures.Formats(),
		Preset:  figures.Print,
		Extra:   []figures.Preset{figures.Social, figures.Square},
		Theme:   figures.DefaultTheme(),
	}
}

// StudyTheme returns the default theme with the study's house style (its
// theme section) applied.
func StudyTheme(s *survey.Study) (figures.Theme, error) {
	th := figures.DefaultTheme()
	if s.Theme == nil {
		return th, nil
	}
	if len(s.Theme.Palette) > 0 {
		th.Palette = nil
	}
	for _, c := range s.Theme.Palette {
		v, err := strconv.ParseUint(c[1:], 16, 32)
		if err != nil {
			return th, fmt.Errorf("theme.palette %q: %w", c, err)
		}
		th.Palette = append(th.Palette, color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff})
	}
	if reg, bold := s.FontPaths(); reg != "" {
		rb, err := survey.ReadInput(reg, survey.MaxFontBytes)
		if err != nil {
			return th, fmt.Errorf("theme.font: %w", err)
		}
		var bb []byte
		if bold != "" {
			if bb, err = survey.ReadInput(bold, survey.MaxFontBytes); err != nil {
				return th, fmt.Errorf("theme.font_bold: %w", err)
			}
		}
		if th.Fonts, err = figures.ParseFonts(rb, bb); err != nil {
			return th, fmt.Errorf("theme.font %s: %w", reg, err)
		}
	}
	return th, nil
}

// Charts builds the study's charts (its charts section) in one language.
func Charts(r *Result, lang string) ([]figures.Chart, []string, error) {
	ms, err := loadMessages(lang)
	if err != nil {
		return nil, nil, err
	}
	var charts []figures.Chart
	var ids []string
	for i := range r.Study.Charts {
		c, err := buildChart(r, &r.Study.Charts[i], ms)
		if err != nil {
			return nil, nil, fmt.Errorf("chart %q: %w", r.Study.Charts[i].ID, err)
		}
		charts = append(charts, c)
		ids = append(ids, r.Study.Charts[i].ID)
	}
	return charts, ids, nil
}

// WriteCharts renders the study's charts in one language with the given
// outputs, hands each file to write (paths figures/<lang>/<id>.<ext>) and
// returns what the report documents need to show them.
func WriteCharts(r *Result, lang string, out ChartOutput, write func(rel string, b []byte) error) ([]chartDoc, error) {
	cs, err := newChartSet(r, lang, out)
	if err != nil {
		return nil, err
	}
	stop := renderCharts([]*chartSet{cs}, out.Theme)
	defer stop()
	return cs.write(write)
}

// chartSet is the chart files of one language.
type chartSet struct {
	lang   string
	ids    []string
	charts []figures.Chart
	preset figures.Preset
	jobs   []*chartJob    // every file, in the order it is written
	done   sync.WaitGroup // one count per job, done when it is rendered
	// rd draws the set's files (set by renderCharts, shared by every set
	// drawn at once), and whatever else is drawn for the set's language
	// meanwhile (the evidence brief's exhibits), so that all of it shares
	// one bound on the PNGs drawn, and held in memory, at a time.
	rd *figures.Renderer
}

// chartJob is one chart file.
type chartJob struct {
	chart  int
	format figures.Format
	preset figures.Preset
	rel    string
	b      []byte
	svg    template.HTML // inline version of the SVG at the set's preset
	err    error
}

// newChartSet builds the charts of one language and lists their files.
func newChartSet(r *Result, lang string, out ChartOutput) (*chartSet, error) {
	charts, ids, err := Charts(r, lang)
	if err != nil {
		return nil, err
	}
	if out.Warnings != nil {
		for i, c := range charts {
			if NeedsTitle(r.Study, &r.Study.Charts[i]) {
				fmt.Fprintf(out.Warnings, "warning: chart %q (%s): its items come from more than one question or derived estimate and it has no title; it is titled %q; give it a title: in the study file\n", ids[i], lang, c.Title)
			}
			for _, m := range figures.CheckText(c, out.Theme) {
				fmt.Fprintf(out.Warnings, "warning: chart %q (%s): %s\n", ids[i], lang, m)
			}
		}
	}
	cs := &chartSet{lang: lang, ids: ids, charts: charts, preset: out.Preset}
	if cs.preset == "" {
		cs.preset = figures.Print
	}
	for i := range charts {
		stem := "figures/" + lang + "/" + ids[i]
		main := stem
		if cs.preset != figures.Print {
			main = stem + "." + string(cs.preset)
		}
		for _, f := range out.Formats {
			cs.jobs = append(cs.jobs, &chartJob{chart: i, format: f, preset: cs.preset, rel: main + "." + string(f)})
		}
		for _, p := range out.Extra {
			cs.jobs = append(cs.jobs, &chartJob{chart: i, format: figures.PNG, preset: p, rel: stem + "." + string(p) + ".png"})
		}
	}
	cs.done.Add(len(cs.jobs))
	return cs, nil
}

// errStopped is the error of a chart job skipped because rendering stopped.
var errStopped = errors.New("chart rendering stopped")

// renderCharts starts rendering every file of sets in the background, one
// worker per core, taking the sets and their files in order so that the
// first set is complete first and can be written while the others render.
// Each job is independent and figures.Renderer is safe for concurrent
// use; the files are written afterwards in order (chartSet.write), so the
// output does not depend on scheduling. The returned function skips the
// jobs not yet started and waits for the workers; call it once the sets
// are written or abandoned.
func renderCharts(sets []*chartSet, th figures.Theme) (stop func()) {
	type item struct {
		cs *chartSet
		jb *chartJob
	}
	queue := make(chan item)
	quit := make(chan struct{})
	rd := new(figures.Renderer) // shares scratch memory between the workers
	for _, cs := range sets {
		cs.rd = rd
	}
	var workers sync.WaitGroup
	workers.Go(func() {
		defer close(queue)
		for _, cs := range sets {
			for _, jb := range cs.jobs {
				queue <- item{cs, jb}
			}
		}
	})
	for range runtime.GOMAXPROCS(0) {
		workers.Go(func() {
			for it := range queue {
				select {
				case <-quit:
					it.jb.err = errStopped
				default:
					it.cs.render(rd, it.jb, th)
				}
				it.cs.done.Done()
			}
		})
	}
	var once sync.Once
	return func() {
		once.Do(func() { close(quit) })
		workers.Wait()
	}
}

// render draws one file and, for the SVG shown in the HTML report, its
// inline version.
func (cs *chartSet) render(rd *figures.Renderer, jb *chartJob, th figures.Theme) {
	var buf bytes.Buffer
	if err := rd.Render(&buf, cs.charts[jb.chart], jb.format, jb.preset, th); err != nil {
		jb.err = fmt.Errorf("chart %q (%s, %s): %w", cs.ids[jb.chart], jb.format, jb.preset, err)
		return
	}
	jb.b = buf.Bytes()
	if jb.format == figures.SVG && jb.preset == cs.preset {
		svg, err := inlineSVGOnPage(jb.b, cs.ids[jb.chart], jb.chart == 0, th)
		if err != nil {
			jb.err = fmt.Errorf("chart %q (%s, %s): %w", cs.ids[jb.chart], jb.format, jb.preset, err)
			return
		}
		jb.svg = svg
	}
}

// write waits until every file of the set is rendered, hands the files
// and the alt texts to write in order and returns what the report
// documents need to show the charts.
func (cs *chartSet) write(write func(rel string, b []byte) error) ([]chartDoc, error) {
	cs.done.Wait()
	docs := make([]chartDoc, len(cs.charts))
	headings := ChartHeadings(cs.charts)
	for i, c := range cs.charts {
		docs[i] = chartDoc{ID: cs.ids[i], Title: headings[i], Alt: figures.AltText(c)}
	}
	distinctHeadings(docs, cs.charts)
	for _, jb := range cs.jobs {
		if jb.err != nil {
			return nil, jb.err
		}
		if err := write(jb.rel, jb.b); err != nil {
			return nil, err
		}
		d := &docs[jb.chart]
		d.Files = append(d.Files, jb.rel)
		if jb.svg != "" {
			d.SVG = jb.svg
		}
		jb.b, jb.svg = nil, "" // written: let the memory go while other sets render
	}
	for i := range docs {
		if err := write("figures/"+cs.lang+"/"+cs.ids[i]+".txt", []byte(docs[i].Alt+"\n")); err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// inlineSVG prepares an SVG file for inclusion in HTML: the XML prolog is
// dropped and ids are prefixed with the chart id so that several charts
// on one page cannot clash. The SVG holds text from input files, so it is
// treated as untrusted: the result is inlined only if it passes
// svgsafe.Check (drawing elements only, no script, no event handler, no
// reference outside the document).
func inlineSVG(b []byte, prefix string) (template.HTML, error) {
	s := prefixedSVG(b, prefix)
	if err := svgsafe.Check([]byte(s)); err != nil {
		return "", fmt.Errorf("inline SVG: %w", err)
	}
	return template.HTML(s), nil // checked by svgsafe
}

// inlineSVGOnPage is inlineSVG for one of the charts of an HTML page. The
// fonts embedded in an SVG are declared by @font-face rules, which apply
// to the whole page, and each SVG file embeds only the glyphs it draws: the
// first chart of the page carries the whole fonts (figures.WholeSVGFonts)
// and the others none, rather than the same font data for every chart;
// once the page is complete, figures.SubsetPageFonts cuts those fonts down
// to the characters of the page.
func inlineSVGOnPage(b []byte, prefix string, first bool, th figures.Theme) (template.HTML, error) {
	if !first {
		svg, err := inlineSVG(b, prefix)
		return template.HTML(stripFontFaces(string(svg))), err
	}
	whole, err := figures.WholeSVGFonts(b, th)
	if err != nil {
		return "", err
	}
	return inlineSVG(whole, prefix)
}

// prefixedSVG drops the XML prolog of an SVG file and prefixes its ids.
func prefixedSVG(b []byte, prefix string) string {
	return prefixIDs(stripProlog(string(b)), prefix)
}

// xmlSpace is \s of Go's regular expressions.
const xmlSpace = " \t\n\f\r"

// stripProlog removes a leading XML declaration and document type
// declaration with the white space around them, as replacing
// (?s)^\s*<\?xml.*?\?>\s*(<!DOCTYPE[^>]*>\s*)? with nothing does.
func stripProlog(s string) string {
	t := strings.TrimLeft(s, xmlSpace)
	rest, ok := strings.CutPrefix(t, "<?xml")
	if !ok {
		return s
	}
	_, rest, ok = strings.Cut(rest, "?>")
	if !ok {
		return s
	}
	rest = strings.TrimLeft(rest, xmlSpace)
	if strings.HasPrefix(rest, "<!DOCTYPE") {
		if _, after, ok := strings.Cut(rest, ">"); ok {
			rest = strings.TrimLeft(after, xmlSpace)
		}
	}
	return rest
}

// prefixIDs puts prefix and "-" before every id defined or referenced in
// an SVG: the name after id=", url(# and href="# (as xlink:href="#),
// where the attribute or url( does not continue a word and the name starts
// with a letter or underscore. It gives what replacing the regular
// expression \b(id="|url\(#|href="#)([A-Za-z_][\w.-]*) with
// ${1}prefix-${2} gives, in one pass that skips ahead to the next " or #
// (every match has one within its first 7 bytes): an SVG with embedded
// fonts is over 1 MB of base64, which has neither, and the regular
// expression took longer than drawing the chart.
func prefixIDs(s, prefix string) string {
	var b strings.Builder
	last := 0
	next := func(c byte, from int) int {
		if j := strings.IndexByte(s[from:], c); j >= 0 {
			return from + j
		}
		return len(s)
	}
	quote, hash := -1, -1 // the next " and # at or after i; len(s) if none
	for i := 0; i < len(s); i++ {
		if quote < i {
			quote = next('"', i)
		}
		if hash < i {
			hash = next('#', i)
		}
		c := min(quote, hash)
		if c == len(s) {
			break
		}
		if c-6 > i {
			i = c - 6
		}
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
		var n int
		switch rest := s[i:]; {
		case strings.HasPrefix(rest, `id="`):
			n = len(`id="`)
		case strings.HasPrefix(rest, `url(#`):
			n = len(`url(#`)
		case strings.HasPrefix(rest, `href="#`):
			n = len(`href="#`)
		default:
			continue
		}
		start := i + n
		if start >= len(s) || !(isLetterByte(s[start]) || s[start] == '_') {
			continue
		}
		end := start + 1
		for end < len(s) && (isWordByte(s[end]) || s[end] == '.' || s[end] == '-') {
			end++
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 64*len(prefix))
		}
		b.WriteString(s[last:start])
		b.WriteString(prefix)
		b.WriteByte('-')
		b.WriteString(s[start:end])
		last, i = end, end-1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isWordByte reports whether c is an ASCII word character (\w).
func isWordByte(c byte) bool { return isLetterByte(c) || '0' <= c && c <= '9' || c == '_' }

// stripFontFaces removes every <style> element whose content starts with
// an @font-face rule, as replacing (?s)<style>\s*@font-face.*?</style>
// with nothing does.
func stripFontFaces(s string) string {
	const open, fontFace, closing = "<style>", "@font-face", "</style>"
	var b strings.Builder
	for {
		i := strings.Index(s, open)
		if i < 0 {
			break
		}
		body := strings.TrimLeft(s[i+len(open):], xmlSpace)
		end := strings.Index(body, closing)
		if !strings.HasPrefix(body, fontFace) || end < 0 {
			b.WriteString(s[:i+len(open)])
			s = s[i+len(open):]
			continue
		}
		b.WriteString(s[:i])
		s = body[end+len(closing):]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s)
	return b.String()
}

func buildChart(r *Result, spec *survey.ChartSpec, ms *messages) (figures.Chart, error) {
	s := r.Study
	lang := ms.lang
	kind, err := figures.ParseKind(spec.Kind)
	if err != nil {
		return figures.Chart{}, err
	}
	items, err := spec.ParsedItems(s)
	if err != nil {
		return figures.Chart{}, err
	}
	c := figures.Chart{
		Kind: kind, Lang: lang, Synthetic: s.Status == survey.StatusSynthetic,
		Reference: spec.Ref, Sorted: spec.Sorted, MinN: s.Analysis.MinBase, Decimals: 0,
		Subtitle: spec.Subtitle.Get(lang), Source: chartSource(s, ms),
	}
	if c.MinN < 0 {
		c.MinN = 0
	}
	label := func(i int, it survey.Item) string {
		if i < len(spec.Labels) {
			return spec.Labels[i].Get(lang)
		}
		if d := s.DerivedByID(it.Question); d != nil {
			return d.Label.Get(lang)
		}
		q := s.Question(it.Question)
		cat := q.ItemLabel(it.Category).Get(lang)
		if q.NetByID(it.Category) != nil {
			// A net beside categories must not read as one more of them.
			cat = ms.T("net_short", "label", cat)
		}
		if sameQuestion(items) {
			return cat
		}
		return q.Label.Get(lang) + ": " + cat
	}
	var ests []analysis.Estimate
	switch kind {
	case figures.Forest:
		it := items[0]
		g := s.Question(spec.By)
		for _, gc := range g.Categories {
			e, ok := r.Find(it.Question, it.Category, spec.By, gc.ID)
			if !ok {
				continue
			}
			c.Bars = append(c.Bars, barWithReason(s, gc.Label.Get(lang), e, ms))
			ests = append(ests, e)
		}
	default:
		for i, it := range items {
			e, ok := r.Overall(it.Question, it.Category)
			if !ok {
				return figures.Chart{}, fmt.Errorf("no estimate for %s=%s", it.Question, it.Category)
			}
			l := label(i, it)
			if rc := e.Reconstructed; rc != nil && rc.Remainder && !rc.Net {
				// The rest of a published table was not published: its
				// bar must not read as a published figure.
				l = ms.T("bar_not_published", "label", l)
			}
			b := barWithReason(s, l, e, ms)
			b.Neutral = slices.Contains(spec.Neutral, it.Category)
			c.Bars = append(c.Bars, b)
			ests = append(ests, e)
		}
		if q := s.Question(items[0].Question); kind == figures.Stacked && q != nil && q.MissingInBase {
			if _, rest, ok := dkRest(r, q); ok {
				c.Bars = append(c.Bars, dkSegment(s, rest, ests[0], ms))
			}
		}
	}
	if c.Method, err = methodLine(ests, lang); err != nil {
		return figures.Chart{}, err
	}
	if spec.Simultaneous != "" {
		counts := make([]float64, len(ests))
		for i, e := range ests {
			counts[i] = e.Count
		}
		ivs, line, err := simultaneous(counts, s.Analysis.Level, spec.Simultaneous, lang, ms)
		if err != nil {
			return figures.Chart{}, err
		}
		for i := range ivs {
			c.Bars[i].Lower, c.Bars[i].Upper = ivs[i].Lower, ivs[i].Upper
		}
		c.Method = line
	}
	for _, ref := range spec.Nets {
		q, net, first, last, err := spec.NetSpan(s, items, ref)
		if err != nil {
			return figures.Chart{}, err
		}
		e, ok := r.Overall(q, net)
		if !ok {
			return figures.Chart{}, fmt.Errorf("no estimate for %s", ref)
		}
		c.Brackets = append(c.Brackets, figures.Bracket{Label: s.Question(q).ItemLabel(net).Get(lang),
			First: first, Last: last, Estimate: e.Share, Lower: e.Lower, Upper: e.Upper})
	}
	funnelBases := false // the steps of a funnel have different bases
	if kind == figures.Funnel && len(ests) > 0 {
		for _, e := range ests[1:] {
			funnelBases = funnelBases || r.baseOf(e, lang).chartPhrase(ms) != r.baseOf(ests[0], lang).chartPhrase(ms)
		}
	}
	if kind == figures.Funnel && len(ests) > 0 && funnelBases {
		// Each step is a share of its own base (the footer names them):
		// no 100 % bar, which would stand for no one base.
		c.ShowN = false
	} else if kind == figures.Funnel && len(ests) > 0 {
		// The first step is everyone in the base: 100 %.
		b := r.baseOf(ests[0], lang)
		all := figures.Bar{Label: ms.T("funnel_all"), Estimate: 1, Lower: 1, Upper: 1, N: ests[0].Base, NAssumed: b.Assumed}
		switch valid := b.excluded() > 0; {
		case b.Desc != "" && valid:
			all.Label = ms.T("funnel_desc_valid", "base", b.Desc)
		case b.Desc != "":
			all.Label = ms.T("funnel_all_desc", "base", b.Desc)
		case valid:
			all.Label = ms.T("funnel_valid")
		}
		c.Bars = append([]figures.Bar{all}, c.Bars...)
		c.ShowN = false
	}
	c.Title = spec.Title.Get(lang)
	if c.Title == "" {
		c.Title = defaultTitle(s, kind, items, c.Bars, label, ms)
	}
	if kind == figures.Forest && c.Subtitle == "" {
		c.Subtitle = s.Question(spec.By).Label.Get(lang)
		if spec.Title.Get(lang) == "" {
			c.Subtitle = ms.T("forest_by", "by", c.Subtitle)
		}
	}
	if v := verdicts(r, items, ms); v != "" && kind != figures.Forest {
		if c.Subtitle != "" {
			c.Subtitle += " · "
		}
		c.Subtitle += v
	}
	c.Base = chartBase(r, items, ests, spec.By != "", func(i int) string { return label(i, items[i]) }, ms)
	if q := s.Question(items[0].Question); q != nil && q.MissingInBase && kind != figures.Stacked && kind != figures.Forest && sameQuestion(items) {
		// The bars leave out what the question's "don't know" takes of
		// the base; the footer says how much, so that the shares add up.
		if _, rest, ok := dkRest(r, q); ok {
			c.Base += " · " + ms.T("chart_dk_share", "label", ms.T("dk_row"), "share", Percent(rest, 0, lang))
		}
	}
	if kind == figures.Bars && c.Reference == 0 {
		// Every estimate suppressed: draw the threshold that the claims
		// on these items test, so that the chart shows what could not be
		// assessed (its axis then runs up to it).
		if v, ok := suppressedThreshold(r, items, c.Bars); ok {
			c.Reference = v
		}
	}
	if funnelBases {
		// Which base belongs to which step.
		parts := make([]string, len(ests))
		for i, e := range ests {
			parts[i] = ms.T("funnel_step_base", "step", label(i, items[i]), "base", r.baseOf(e, lang).chartPhrase(ms))
		}
		c.Base = ms.T("chart_base", "base", strings.Join(parts, "; "))
	}
	return c, nil
}

// simultaneous returns the simultaneous intervals of a chart's bars (nil
// where they cannot be computed: the bars keep their own intervals) and
// the chart's method line, which names the method whose intervals are
// drawn: Goodman's where Sison–Glaz falls back to them
// (analysis.MultinomialMethodUsed).
func simultaneous(counts []float64, level float64, method, lang string, ms *messages) ([]analysis.Interval, string, error) {
	ivs, err := analysis.MultinomialIntervals(counts, level, method)
	used, fallback := analysis.MultinomialMethodUsed(counts, method)
	name := map[string]string{"sison-glaz": "Sison–Glaz", "goodman": "Goodman"}[used]
	if fallback != "" {
		name = ms.T("simultaneous_fallback", "method", name)
	}
	switch {
	case errors.Is(err, analysis.ErrDegenerate):
		// Simultaneous intervals that cannot be computed do not stop
		// the report: the chart keeps each share's own interval and
		// says so.
		return nil, ms.T("simultaneous_unavailable", "method", name), nil
	case err != nil:
		return nil, "", err
	}
	return ivs, ms.T("simultaneous_method", "level", levelText(level, lang), "method", name), nil
}

func bar(s *survey.Study, label string, e analysis.Estimate) figures.Bar {
	return figures.Bar{Label: label, Estimate: e.Share, Lower: e.Lower, Upper: e.Upper, N: e.Base,
		NAssumed: nAssumed(s, e), Suppressed: e.Suppressed}
}

// barWithReason is bar with the note of a row suppressed for another
// reason than the small-cell rule (no degrees of freedom, not
// computable), in the chart's language.
func barWithReason(s *survey.Study, label string, e analysis.Estimate, ms *messages) figures.Bar {
	b := bar(s, label, e)
	if e.Suppressed && e.Reason != "" && e.Reason != analysis.ReasonMinBase {
		b.NotShown = suppressedNote(ms, e, s.Analysis.MinBase, ms.lang)
	}
	return b
}

func sameQuestion(items []survey.Item) bool {
	for _, it := range items[1:] {
		if it.Question != items[0].Question {
			return false
		}
	}
	return true
}

// defaultTitle is the title of a chart whose study file gives none: the
// question's label when the bars are all its categories; the question and
// the answers shown when they are some of them ("Sharing would be
// acceptable: No"), so that a bare question never reads as a finding the
// bars contradict; a derived estimate's label; for a funnel across
// questions its first and last step. Bars from several questions or
// derived estimates have no title of their own (NeedsTitle): their labels,
// or "Shares compared" when those are long.
func defaultTitle(s *survey.Study, kind figures.Kind, items []survey.Item, bars []figures.Bar, label func(int, survey.Item) string, ms *messages) string {
	lang := ms.lang
	switch {
	case kind == figures.Forest:
		// Its rows are groups, not answers: the title names the answer
		// whose share they show.
		return itemLabel(s, items[0], lang)
	case kind == figures.Funnel && len(items) > 1 && !sameQuestion(items):
		// A funnel is about all its steps, not its first one.
		return ms.T("funnel_title", "first", label(0, items[0]), "last", label(len(items)-1, items[len(items)-1]))
	case sameQuestion(items):
		if d := s.DerivedByID(items[0].Question); d != nil && s.Question(items[0].Question) == nil {
			return d.Label.Get(lang)
		}
		q := s.Question(items[0].Question)
		if allCategories(q, items) {
			return q.Label.Get(lang)
		}
		answers := make([]string, len(items))
		for i, it := range items {
			answers[i] = q.ItemLabel(it.Category).Get(lang)
		}
		return q.Label.Get(lang) + ": " + strings.Join(answers, ", ")
	}
	labels := make([]string, 0, len(bars))
	for _, b := range bars {
		labels = append(labels, b.Label)
	}
	if t := strings.Join(labels, " · "); utf8.RuneCountInString(t) <= 80 {
		return t
	}
	return ms.T("chart_title_mixed")
}

// allCategories reports whether items are every category of q, each once
// in any order, and nothing else.
func allCategories(q *survey.Question, items []survey.Item) bool {
	if len(items) != len(q.Categories) {
		return false
	}
	for _, c := range q.Categories {
		if !slices.ContainsFunc(items, func(it survey.Item) bool { return it.Category == c.ID }) {
			return false
		}
	}
	return true
}

// NeedsTitle reports whether chart spec of study s has items of several
// questions or derived estimates and no title: no question names what its
// bars show, so its default title only lists them (a funnel, whose title
// names its first and last step, and a forest plot, of one item, need
// none).
func NeedsTitle(s *survey.Study, spec *survey.ChartSpec) bool {
	kind, err := figures.ParseKind(spec.Kind)
	if err != nil || len(spec.Title) > 0 || kind == figures.Funnel || kind == figures.Forest {
		return false
	}
	items, err := spec.ParsedItems(s)
	return err == nil && len(items) > 0 && !sameQuestion(items)
}

// distinctHeadings tells apart charts with the same title in the report's
// headings: by their kind ("Satisfaction (Funnel chart)"), then by their
// subtitle (a forest plot's subgroup variable), then by their number.
func distinctHeadings(docs []chartDoc, charts []figures.Chart) {
	dup := func() map[string]int {
		n := map[string]int{}
		for _, d := range docs {
			n[d.Title]++
		}
		return n
	}
	n := dup()
	for i := range docs {
		if n[docs[i].Title] > 1 {
			c := charts[i]
			docs[i].Title += " (" + c.Kind.Name(c.Lang) + ")"
		}
	}
	n = dup()
	for i := range docs {
		if c := charts[i]; n[docs[i].Title] > 1 && c.Subtitle != "" {
			docs[i].Title += " – " + c.Subtitle
		}
	}
	n = dup()
	seen := map[string]int{}
	for i := range docs {
		if t := docs[i].Title; n[t] > 1 {
			seen[t]++
			docs[i].Title = fmt.Sprintf("%s [%d]", t, seen[t])
		}
	}
}

// suppressedThreshold returns the one threshold of the claims on items
// when every bar is suppressed; false when a bar is shown, no claim is on
// the items or their claims have different thresholds.
func suppressedThreshold(r *Result, items []survey.Item, bars []figures.Bar) (float64, bool) {
	for _, b := range bars {
		if !b.Suppressed {
			return 0, false
		}
	}
	v, found := 0.0, false
	for _, c := range r.Claims {
		q, cat := c.Claim.Target()
		if cat == "" {
			cat = survey.DerivedCategory
		}
		for _, it := range items {
			if it.Question != q || it.Category != cat {
				continue
			}
			if found && c.Claim.Value != v {
				return 0, false
			}
			v, found = c.Claim.Value, true
		}
	}
	return v, found && v > 0 && v < 1
}

package report

import (
	"bytes"
	"fmt"
	"html/template"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/evidence"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// briefCharts returns the ids of the charts the evidence brief shows, in
// the order of its exhibits, each once.
func briefCharts(s *survey.Study) []string {
	if s.Evidence == nil {
		return nil
	}
	var ids []string
	for i := range s.Evidence.Propositions {
		if id := evidence.ExhibitChart(s, &s.Evidence.Propositions[i]); id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// writeBrief writes the evidence brief of one language (evidence<suffix>.md
// and evidence<suffix>.html, printing on paper: "A4" or "letter") from the
// results already computed and the charts already built (set, drawn with
// theme th; charts are their documents in the report). A study without an
// evidence section has none.
//
// Each exhibit's chart is drawn again for the brief (briefChart): as wide
// as the text of an A4 page (on letter paper it prints 3% larger) and only
// as tall as its bars need, as inline
// SVG for the HTML brief and as figures/<lang>/<id>.evidence.png for the
// Markdown brief, when the report writes PNGs.
func writeBrief(r *Result, lang, suffix, paper string, run runCommand, inputs []FileEntry, charts []chartDoc, set *chartSet, th figures.Theme, write func(rel string, b []byte) error) error {
	s := r.Study
	if s.Evidence == nil {
		return nil
	}
	ms, err := loadMessages(lang)
	if err != nil {
		return err
	}
	in := evidence.Input{
		Study:  s,
		Lang:   lang,
		Claims: map[string]analysis.ClaimResult{},
		Charts: map[string]evidence.Chart{},
		// The notes under the charts, by proposition.
		ChartNotes: map[string]string{},
		Paper:      paper,
		Version:    Version,
		Command:    run.Report,
		Verify:     run.Verify,
		Format: evidence.Format{
			Percent: func(p float64, d int) string { return Percent(p, d, lang) },
			// A word joiner on either side of the dash keeps an interval
			// on one line.
			Range: func(lo, hi float64) string {
				return strings.Replace(percentRange(lo, hi, 1, lang), "–", "\u2060–\u2060", 1)
			},
			Count:  func(v float64) string { return Count(v, lang) },
			PValue: func(p float64) string { return pValue(p, lang) },
			Level:  func(l float64) string { return levelText(l, lang) },
			Base:   func(e analysis.Estimate) string { return r.baseOf(e, lang).phrase(ms) },
			OnlyIn: func(t survey.Text) string { return textMarker(t, ms) },
		},
		Ranges: map[string]string{},
	}
	for _, c := range r.Claims {
		in.Claims[c.Claim.ID] = c.ClaimResult
		if note := rangeNote(r, c, lang, ms); note != "" {
			in.Ranges[c.Claim.ID] = note
		}
	}
	rd := set.rd
	if rd == nil {
		rd = new(figures.Renderer)
	}
	first := true
	for _, id := range briefCharts(s) {
		i := slices.IndexFunc(charts, func(c chartDoc) bool { return c.ID == id })
		if i < 0 {
			continue
		}
		doc := charts[i]
		bc, err := briefChart(r, set, id, ms)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := renderBriefChart(rd, &buf, bc.chart, figures.SVG, th); err != nil {
			return fmt.Errorf("chart %q: %w", id, err)
		}
		// Each exhibit's SVG gets its own id prefix; the fonts are declared
		// once, in the first chart of the page.
		svg, err := inlineSVGOnPage(buf.Bytes(), "exhibit-"+id, first, th)
		if err != nil {
			return fmt.Errorf("chart %q: %w", id, err)
		}
		first = false
		ch := evidence.Chart{Title: doc.Title, Alt: bc.alt, SVG: svg}
		maps.Copy(in.ChartNotes, bc.notes)
		if slices.Contains(doc.Files, "figures/"+lang+"/"+id+".png") {
			var pb bytes.Buffer
			if err := renderBriefChart(rd, &pb, bc.chart, figures.PNG, th); err != nil {
				return fmt.Errorf("chart %q: %w", id, err)
			}
			ch.Image = "figures/" + lang + "/" + id + ".evidence.png"
			if err := write(ch.Image, pb.Bytes()); err != nil {
				return err
			}
		}
		in.Charts[id] = ch
	}
	for _, f := range r.Published {
		p := evidence.Published{
			Figure: f.Figure, Label: figureLabel(s, f, lang), Percent: float64(f.Percent),
			Decimals: int(f.Decimals), Base: publishedBase(r, f, lang, ms), Status: f.Status,
		}
		if e, ok := analysis.FindPublished(r.Estimates, f); ok {
			p.Estimate = &e
			p.Matches = !e.Suppressed && f.Matches(e.Share)
			if !e.Suppressed {
				p.Precision = precisionWords(r, e, ms)
			}
		}
		in.Published = append(in.Published, p)
	}
	for _, e := range inputs {
		in.Inputs = append(in.Inputs, evidence.File{Name: path.Base(strings.ReplaceAll(e.Path, `\`, "/")), SHA256: e.SHA256})
		in.Relative = in.Relative || !filepath.IsAbs(e.Path)
	}
	d, err := evidence.Build(in)
	if err != nil {
		return err
	}
	md, err := evidence.Markdown(d)
	if err != nil {
		return fmt.Errorf("evidence%s.md: %w", suffix, err)
	}
	if err := write("evidence"+suffix+".md", md); err != nil {
		return err
	}
	html, err := evidence.HTML(d)
	if err != nil {
		return fmt.Errorf("evidence%s.html: %w", suffix, err)
	}
	if html, err = figures.SubsetPageFonts(html, th); err != nil {
		return fmt.Errorf("evidence%s.html: %w", suffix, err)
	}
	return write("evidence"+suffix+".html", html)
}

// runCommand is how a report folder was made and is checked: the
// commands its documents print.
type runCommand struct {
	Report string // surveystat report --out … STUDY
	Verify string // surveystat verify <the folder>
}

// Command returns the command line that writes the report of the study
// file at path with opts, every option spelled out: "surveystat report
// --out out --lang en,de,nl --pdf auto --paper a4 data/x/study.yaml".
// Paths are written with slashes and quoted for a POSIX shell.
func Command(path string, opts Options) string {
	out := opts.Out
	if out == "" {
		out = "."
	}
	langs := opts.Langs
	if len(langs) == 0 {
		langs = Langs()
	}
	pdf := opts.PDF
	if pdf == "" {
		pdf = "auto"
	}
	paper := strings.ToLower(opts.Paper)
	if paper == "" {
		paper = "a4"
	}
	return "surveystat report --out " + shellQuote(filepath2slash(out)) + " --lang " + strings.Join(langs, ",") +
		" --pdf " + pdf + " --paper " + paper + " " + shellQuote(filepath2slash(path))
}

// footer words the report's footer (generated_by_command) with the
// commands as code: for Markdown each in a code span that no character of
// the command can end (mdCodeSpan), for HTML escaped in <code>. The
// translation itself holds no Markdown or HTML.
func (run runCommand) footer(ms *messages) (md string, h template.HTML) {
	const cmdMark, verifyMark = "\x00command\x00", "\x00verify\x00"
	raw := ms.T("generated_by_command", "version", Version, "command", cmdMark, "verify", verifyMark)
	md = strings.NewReplacer(cmdMark, mdCodeSpan(run.Report), verifyMark, mdCodeSpan(run.Verify)).Replace(raw)
	code := func(s string) string { return "<code>" + template.HTMLEscapeString(s) + "</code>" }
	esc := template.HTMLEscapeString(raw)
	esc = strings.NewReplacer(template.HTMLEscapeString(cmdMark), code(run.Report),
		template.HTMLEscapeString(verifyMark), code(run.Verify)).Replace(esc)
	return md, template.HTML(esc)
}

// mdCodeSpan writes s as a Markdown code span whose fence is longer than
// any run of backticks in s (CommonMark), with line breaks as spaces.
func mdCodeSpan(s string) string {
	s = strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// verifyCommand returns the command that checks the folder the report
// command writes: "surveystat verify out/<id>".
func verifyCommand(report, id string) string {
	out := "."
	if w := shellWords(report); len(w) > 3 && w[2] == "--out" {
		out = w[3]
	}
	return "surveystat verify " + shellQuote(path.Join(out, id))
}

// shellWords splits a command line written by Command (words separated by
// spaces, quoted as shellQuote quotes them) into its words.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	in, started, esc := false, false, false
	for _, r := range s {
		switch {
		case esc:
			w.WriteRune(r)
			esc = false
		case r == '\\' && !in:
			esc, started = true, true
		case r == '\'':
			in, started = !in, true
		case r == ' ' && !in:
			if started {
				words = append(words, w.String())
			}
			w.Reset()
			started = false
		default:
			w.WriteRune(r)
			started = true
		}
	}
	if started {
		words = append(words, w.String())
	}
	return words
}
func filepath2slash(p string) string { return strings.ReplaceAll(p, `\`, "/") }

// shellQuote quotes s for a POSIX shell when it holds anything but safe
// characters.
func shellQuote(s string) string {
	safe := true
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./+,:@%=", r)) {
			safe = false
			break
		}
	}
	if safe && s != "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

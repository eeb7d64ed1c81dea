package evidence

import (
	"errors"
	"fmt"
	"html/template"
	"math"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

// Input is what Build needs: the study, the results already computed for
// it, and how to format numbers in the brief's language.
type Input struct {
	Study *survey.Study
	Lang  string // "en", "de" or "nl"

	// Claims holds the test of every claim of the study, by claim id.
	Claims map[string]analysis.ClaimResult
	// Charts holds the study's rendered charts in Lang, by chart id.
	Charts map[string]Chart
	// ChartNotes holds, by proposition id, what the chart of its exhibit
	// shows that the exhibit's text does not state (Chart.Note); a
	// proposition without one has none.
	ChartNotes map[string]string
	// Ranges holds, by claim id, for a claim on a share reconstructed from
	// published figures, over which counts compatible with the published
	// rounding it was assessed and that its bound and p-value are those of
	// the least favourable of them, worded as in the report; a claim
	// without a range has none.
	Ranges map[string]string
	// Published lists the study's published figures with the recomputed
	// shares, in the order of the published-figures file.
	Published []Published
	// Inputs are the files the report was made from, with their SHA-256
	// as in manifest.json.
	Inputs []File
	// Paper is the CSS page size the HTML prints on: "A4" (also "") or
	// "letter".
	Paper string
	// Version is the surveystat version; Command re-creates the report
	// folder (and so the brief); Verify checks it.
	Version, Command, Verify string
	// Relative is set when Command names its files relative to the
	// directory the report was made in: the brief says to run the
	// commands from there.
	Relative bool

	Format Format
}

// Format formats numbers in the brief's language.
type Format struct {
	Percent func(p float64, decimals int) string // 0.4 → "40.0%"
	Range   func(lo, hi float64) string          // "36.4–43.7%"
	Count   func(v float64) string               // 1000 → "1,000"
	PValue  func(p float64) string               // "0.003", "< 0.0001"
	Level   func(level float64) string           // 0.95 → "95%"
	// Base words the base of an estimate as the report does, with its n
	// and, when some respondents in it gave no valid answer, how many
	// ("572 of 600 respondents with a valid answer (28 don't know or no
	// answer not counted)").
	Base func(e analysis.Estimate) string
	// OnlyIn returns the mark the report puts after a text of the study
	// file that exists only in another language than the brief's ("(Dutch
	// only)"), or "" when there is none; nil: no marks.
	OnlyIn func(t survey.Text) string
}

// Chart is a rendered chart of the study, drawn for the brief: its title
// is printed as the caption, and base, interval method and source, which
// the exhibit's text states, are left out of the drawing.
type Chart struct {
	Title, Alt string
	// Note is what the chart shows that the exhibit's text does not
	// state, printed under it: its base or interval method when they are
	// not those of the exhibit's claims ("Base: …; 95% simultaneous
	// intervals (Sison–Glaz)"); "" when the text states both. Build sets
	// it from Input.ChartNotes.
	Note  string
	SVG   template.HTML // inline SVG for the HTML brief, produced by package figures
	Image string        // PNG path relative to the report directory, for Markdown
}

// Published is a figure as its authors published it, next to the share
// recomputed from the data.
type Published struct {
	Figure   string             // the figure's id
	Label    string             // what it is a share of, in words
	Percent  float64            // the published percentage
	Decimals int                // its published rounding
	Base     string             // the base as the authors stated it, worded as in the report ("800 (assumed)")
	Status   string             // "primary" or "alternative"
	Estimate *analysis.Estimate // the recomputed share; nil if none
	Matches  bool               // the estimate rounds to the published figure
	// Precision says that the margin of error or interval published with
	// the figure cannot be reproduced from its base (worded by the
	// caller); "" when it can or none was published.
	Precision string
}

// File is an input file and its SHA-256.
type File struct {
	Name, SHA256 string
}

// Document is the brief in one language, ready to render.
type Document struct {
	Lang       string
	Paper      string // CSS page size: "A4" or "letter"
	Title      string // "Evidence brief: <study title>"
	Status     string // the data status in one sentence
	StatusKind string // respondent, reconstructed, synthetic
	// MethodNote says what the intervals assume when the sample is not a
	// probability sample: model-based for an opt-in sample (no margin of
	// sampling error, AAPOR), simple random sampling when the sample type
	// is not stated; "" for a probability sample.
	MethodNote string
	// Source names who ran the survey, for whom, when it was published
	// and how the figures were computed; it holds for every exhibit.
	Source         string
	Question       string
	LegalTest      string
	Neutral        string // what the brief does and does not say
	Exhibits       []Exhibit
	Checklist      []Item
	ChecklistIntro string
	Gaps           int
	Published      []PubRow
	PubIntro       string
	Repro          Repro
	T              func(key string, pairs ...string) string
}

// Exhibit is one proposition with everything that supports or fails it.
// What holds for every exhibit (the source, what the intervals assume) is
// said once, at the top of the brief (Document.Source, MethodNote); the
// data status is repeated in every exhibit, so that an exhibit cited
// alone still says what its numbers are.
type Exhibit struct {
	Number    int
	Label     string // "Exhibit 1", "Anlage 1", "Bijlage 1"
	ID        string
	Statement string
	Factor    string
	Reference string
	Supported bool
	// NotAssessed is set when the proposition cannot be assessed: none of
	// its claims fails, but at least one rests on an estimate that is not
	// shown (ClaimResult.NotAssessed).
	NotAssessed bool
	Verdict     string
	Findings    []Finding
	Chart       *Chart
	Status      string // the data status, short (the full sentence heads the brief)
	Caveats     []string
}

// Finding is one claim of an exhibit: the estimate in words, its test and
// verdict.
type Finding struct {
	Claim    string
	Estimate string // share, interval and base in words; or why it is not shown
	Test     string // one-sided bound and test
	// Range says, for a claim on a share reconstructed from published
	// figures, over which counts it was assessed (Input.Ranges); "".
	Range     string
	Verdict   string
	Supported bool
	// NotAssessed is set for a claim on an estimate that is not shown
	// (small base, no design degrees of freedom, not computable): it is
	// neither supported nor refuted.
	NotAssessed bool
	// Published lists, in words, the published figures of the claim's
	// estimate that the data does not reproduce at their published
	// rounding (the table of published figures lists them too).
	Published []string
}

// Item is one entry of the survey-quality checklist.
type Item struct {
	Label string
	Value string // what the study documents; "" if nothing
	// Missing names what the study does not document for this item; ""
	// when nothing is missing.
	Missing string
	Gap     bool // Missing != ""
}

// PubRow is a published figure next to the data.
type PubRow struct {
	Figure, Label, Published, Base, Status, Data, Interval, Consistent string
	Inconsistent                                                       bool
}

// Repro is the reproducibility statement.
type Repro struct {
	Text    string
	Inputs  []File
	Version string
	Command string
	Verify  string
	Where   string // where to run the commands; "" when that does not matter
}

// ErrNoEvidence is returned by Build for a study without an evidence
// section.
var ErrNoEvidence = errors.New("study has no evidence section")

// Build writes the brief of in.Study in in.Lang from the results in in.
// It returns ErrNoEvidence for a study without an evidence section, and an
// error for an unknown language or paper size, an incomplete Format or a
// proposition's claim without a result in in.Claims.
func Build(in Input) (*Document, error) {
	s := in.Study
	if s == nil || s.Evidence == nil {
		return nil, ErrNoEvidence
	}
	if in.Format.Percent == nil || in.Format.Range == nil || in.Format.Count == nil || in.Format.PValue == nil || in.Format.Level == nil || in.Format.Base == nil {
		return nil, errors.New("evidence brief: incomplete Format")
	}
	ms, err := loadMessages(in.Lang)
	if err != nil {
		return nil, err
	}
	paper := in.Paper
	switch paper {
	case "":
		paper = "A4"
	case "A4", "letter":
	default:
		return nil, fmt.Errorf("evidence brief: paper %q: want A4 or letter", in.Paper)
	}
	lang := in.Lang
	ev := s.Evidence
	d := &Document{
		Lang:       lang,
		Paper:      paper,
		Title:      ms.T("title", "study", s.Title.Get(lang)),
		StatusKind: string(s.Status),
		Status:     ms.T("status_" + string(s.Status)),
		Question:   ev.Question.Get(lang),
		LegalTest:  ev.LegalTest.Get(lang),
		Neutral:    ms.T("neutral"),
		T:          ms.T,
	}
	switch s.Metadata.SampleType {
	case "probability":
	case "opt-in":
		d.MethodNote = ms.T("method_note_opt-in")
	default:
		d.MethodNote = ms.T("method_note_unknown")
	}
	if d.Question == "" {
		d.Question = ms.T("not_documented")
	}
	if d.LegalTest == "" {
		d.LegalTest = ms.T("not_documented")
	}
	d.Source = sourceLine(s, in, ms)
	for i := range ev.Propositions {
		p := &ev.Propositions[i]
		x, err := exhibit(i+1, p, in, ms)
		if err != nil {
			return nil, err
		}
		x.Status = ms.T("status_short_" + string(s.Status))
		d.Exhibits = append(d.Exhibits, x)
	}
	d.Checklist = checklist(s, in, ms)
	for _, it := range d.Checklist {
		if it.Gap {
			d.Gaps++
		}
	}
	d.ChecklistIntro = ms.T(one(ms, "checklist_intro", d.Gaps), "gaps", in.Format.Count(float64(d.Gaps)), "items", in.Format.Count(float64(len(d.Checklist))))
	d.Published, d.PubIntro = published(in, ms)
	d.Repro = Repro{
		Text:    ms.T("repro_text", "version", in.Version),
		Inputs:  in.Inputs,
		Version: in.Version,
		Command: in.Command,
		Verify:  in.Verify,
	}
	if in.Relative {
		d.Repro.Where = ms.T("repro_where")
	}
	return d, nil
}

// exhibit builds the exhibit of proposition p, numbered n.
func exhibit(n int, p *survey.Proposition, in Input, ms *messages) (Exhibit, error) {
	s, lang, f := in.Study, in.Lang, in.Format
	x := Exhibit{
		Number:    n,
		Label:     ms.T("exhibit", "n", fmt.Sprint(n)),
		ID:        p.ID,
		Statement: p.Text.Get(lang),
		Factor:    p.Factor.Text.Get(lang),
		Reference: p.Factor.Reference.Get(lang),
		Supported: true,
	}
	failed, open := 0, 0
	level := s.Analysis.Level
	for _, id := range p.Claims {
		c := s.ClaimByID(id)
		r, ok := in.Claims[id]
		if c == nil || !ok {
			return Exhibit{}, fmt.Errorf("evidence brief: proposition %q: claim %q has no result", p.ID, id)
		}
		level = r.Level // the level the claims were tested at
		fd := finding(c, r, s, ms, f)
		if !fd.NotAssessed {
			fd.Range = in.Ranges[id]
		}
		fd.Published = inconsistentFigures(r.Estimate, in, ms)
		switch {
		case fd.NotAssessed:
			open++
			x.Supported = false
		case !fd.Supported:
			failed++
			x.Supported = false
		}
		x.Findings = append(x.Findings, fd)
	}
	lvl := f.Level(level)
	if x.Supported {
		x.Verdict = ms.T("prop_supported", "level", lvl)
		switch len(p.Claims) {
		case 1:
		case 2:
			x.Verdict = ms.T("prop_supported_both", "level", lvl)
		default:
			x.Verdict = ms.T("prop_supported_all", "level", lvl, "k", f.Count(float64(len(p.Claims))))
		}
	} else if failed == 0 {
		// Nothing fails, but not everything could be assessed.
		x.NotAssessed = true
		if len(p.Claims) == 1 {
			x.Verdict = ms.T("prop_not_assessed_one")
		} else {
			x.Verdict = ms.T(one(ms, "prop_not_assessed", open), "open", f.Count(float64(open)), "k", f.Count(float64(len(p.Claims))))
		}
	} else if len(p.Claims) == 1 {
		x.Verdict = ms.T("prop_not_supported_one", "level", lvl)
	} else {
		x.Verdict = ms.T(one(ms, "prop_not_supported", failed), "level", lvl, "failed", f.Count(float64(failed)), "k", f.Count(float64(len(p.Claims))))
		if open > 0 {
			// Not supported either way, but the count of claims that
			// fail is not the count of claims that are not established.
			x.Verdict += " " + ms.T(one(ms, "prop_also_open", open), "open", f.Count(float64(open)), "k", f.Count(float64(len(p.Claims))))
		}
	}
	if c, ok := in.Charts[ExhibitChart(s, p)]; ok {
		c.Note = in.ChartNotes[p.ID]
		x.Chart = &c
	}
	for _, cv := range p.Caveats {
		if t := cv.Get(lang); t != "" {
			x.Caveats = append(x.Caveats, t)
		}
	}
	return x, nil
}

// ExhibitChart returns the id of the chart shown with proposition p: its
// chart, else the first chart of the study (forest plots aside) that shows
// one of its claims' items, else "".
func ExhibitChart(s *survey.Study, p *survey.Proposition) string {
	if p.Chart != "" {
		return p.Chart
	}
	for i := range s.Charts {
		if s.ChartShowsClaims(&s.Charts[i], p.Claims) {
			return s.Charts[i].ID
		}
	}
	return ""
}

// finding words one claim's estimate and test. A claim on an estimate
// that is not shown (base under the small-cell minimum, no design degrees
// of freedom, not computable: analysis.ClaimResult.NotAssessed) is not
// assessed; its estimate is not printed.
func finding(c *survey.Claim, r analysis.ClaimResult, s *survey.Study, ms *messages, f Format) Finding {
	lang := ms.Lang()
	e := r.Estimate
	lvl := f.Level(r.Level)
	value := f.Percent(r.Value, thresholdDecimals(r.Value))
	fd := Finding{Claim: c.Text.Get(lang)}
	if fd.Claim == "" {
		fd.Claim = c.ID
	}
	base := f.Base(e)
	if r.NotAssessed != "" {
		// The base goes in parentheses: no brackets inside brackets
		// ("diverse Befragte, n = 10", not "diverse Befragte (n = 10)").
		base = unbracket(base)
		fd.NotAssessed = true
		min := f.Count(float64(s.Analysis.MinBase))
		switch r.NotAssessed {
		case analysis.ReasonNoDF:
			fd.Estimate = ms.T("suppressed_no_df", "base", base)
			fd.Verdict = ms.T("claim_not_assessed_no_df")
		case analysis.ReasonNotComputable:
			fd.Estimate = ms.T("suppressed_not_computable", "base", base)
			fd.Verdict = ms.T("claim_not_assessed_not_computable")
		default:
			fd.Estimate = ms.T("suppressed", "base", base, "min", min)
			fd.Verdict = ms.T("claim_not_assessed_min", "n", f.Count(e.Base), "min", min)
		}
		return fd
	}
	fd.Estimate = ms.T("estimate", "share", f.Percent(e.Share, 1), "base", base,
		"level", f.Level(e.Level), "range", f.Range(e.Lower, e.Upper), "method", methodName(e.Method, ms))
	dir, bound := "upper", "below"
	if r.Op == ">" {
		dir, bound = "lower", "above"
	}
	fd.Test = ms.T("test_"+dir, "level", lvl, "bound", f.Percent(r.Bound, 1), "value", value,
		"test", testName(r, ms), "p", pSentence(f.PValue(r.PValue)))
	fd.Supported = r.Supported
	if r.Supported {
		fd.Verdict = ms.T("claim_supported_"+bound, "level", lvl, "value", value)
	} else {
		fd.Verdict = ms.T("claim_not_supported_"+bound, "level", lvl, "value", value)
	}
	return fd
}

// unbracket writes a phrase that is to stand in parentheses without
// parentheses of its own: "diverse Befragte (n = 10)" → "diverse
// Befragte, n = 10".
func unbracket(s string) string {
	return strings.TrimSpace(strings.NewReplacer(" (", ", ", "(", "", ")", "").Replace(s))
}

// methodName names an interval method in words.
func methodName(m string, ms *messages) string {
	if ms.Has("method_" + m) {
		return ms.T("method_" + m)
	}
	return m
}

// testName names the test of a claim (analysis.ClaimResult.Test) in
// words.
func testName(r analysis.ClaimResult, ms *messages) string {
	switch r.Test {
	case analysis.TestExact:
		return ms.T("test_exact")
	case analysis.TestScore:
		return ms.T("test_score")
	}
	return ms.T("test_inversion", "method", methodName(r.Estimate.Method, ms))
}

// pSentence writes a formatted p-value as "p = 0.003", "p < 0.0001" or
// "p > 0.999", with no-break spaces, so that it stays on one line.
func pSentence(p string) string {
	if strings.HasPrefix(p, "<") || strings.HasPrefix(p, ">") {
		return "p\u00a0" + p
	}
	return "p\u00a0=\u00a0" + p
}

// sourceLine names who ran the survey, for whom, where it was published,
// and how the figures were computed.
func sourceLine(s *survey.Study, in Input, ms *messages) string {
	m := s.Metadata
	institute, sponsor := m.Institute.Get(in.Lang), m.Sponsor.Get(in.Lang)
	var parts []string
	switch {
	case institute != "" && sponsor != "":
		parts = append(parts, ms.T("source_both", "institute", institute, "sponsor", sponsor))
	case institute != "":
		parts = append(parts, ms.T("source_institute", "institute", institute))
	case sponsor != "":
		parts = append(parts, ms.T("source_sponsor", "sponsor", sponsor))
	}
	if m.Published != "" {
		parts = append(parts, ms.T("source_published", "date", date(m.Published, ms)))
	}
	if s.Data.Table != "" {
		// Rebuilt from a published table: nothing was recomputed from
		// respondent data.
		table := path.Base(strings.ReplaceAll(s.Data.Table, `\`, "/"))
		parts = append(parts, ms.T("source_reconstructed", "version", in.Version, "file", table))
	} else {
		data := path.Base(strings.ReplaceAll(s.Data.File, `\`, "/"))
		parts = append(parts, ms.T("source_computed", "version", in.Version, "file", data))
	}
	return strings.Join(parts, "; ") + "."
}

// thresholdDecimals is the number of decimals (up to 3) that shows a
// claim's threshold exactly as a percentage: 0.5 → 0 ("50%"), 0.075 → 1
// ("7.5%").
func thresholdDecimals(v float64) int {
	d := 0
	for scale := 100.0; d < 3 && math.Abs(v*scale-math.Round(v*scale)) > 1e-9; scale *= 10 {
		d++
	}
	return d
}

// date writes an ISO date (2025-08-07) in words in the brief's language
// ("7 August 2025", "7. August 2025", "7 augustus 2025"); anything else is
// returned as it is.
func date(iso string, ms *messages) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	months := strings.Split(ms.T("months"), ",")
	if len(months) != 12 {
		return iso
	}
	return ms.T("date", "d", strconv.Itoa(t.Day()), "month", months[t.Month()-1], "y", strconv.Itoa(t.Year()))
}

// dateRange writes a date or an ISO range ("2025-07-01/2025-07-10") in
// words, as the report does: "1 July 2025 – 10 July 2025"; anything else
// is returned as it is.
func dateRange(v string, ms *messages) string {
	a, b, ok := strings.Cut(v, "/")
	if !ok {
		return date(strings.TrimSpace(v), ms)
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	la, lb := date(a, ms), date(b, ms)
	if la == a || lb == b {
		return v
	}
	return la + " – " + lb
}

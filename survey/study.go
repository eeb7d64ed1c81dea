package survey

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Study is a parsed study file: what was asked of whom, where the answers
// are, and how to analyse them. See docs/study-format.md.
type Study struct {
	ID    string `yaml:"id"`
	Title Text   `yaml:"title"`
	// Status says where the numbers come from: respondent-level data,
	// counts reconstructed from published figures, or synthetic data. The
	// older key synthetic: true is read as status synthetic.
	Status DataStatus `yaml:"data_status"`
	// Synthetic is true when Status is StatusSynthetic; it is kept for
	// study files written before data_status existed.
	Synthetic bool         `yaml:"synthetic"`
	Metadata  Metadata     `yaml:"metadata"`
	Data      DataSpec     `yaml:"data"`
	Published string       `yaml:"published"`
	Analysis  Analysis     `yaml:"analysis"`
	Questions []Question   `yaml:"questions"`
	Subgroups []string     `yaml:"subgroups"`
	Headlines []string     `yaml:"headlines"`
	Derived   []Derived    `yaml:"derived"`
	Claims    []Claim      `yaml:"claims"`
	Compare   []Comparison `yaml:"comparisons"`
	Charts    []ChartSpec  `yaml:"charts"`
	Theme     *ThemeSpec   `yaml:"theme"`
	Synth     *Synth       `yaml:"synth"`
	// Evidence lists the propositions the evidence brief puts forward.
	Evidence *Evidence `yaml:"evidence"`

	// Todo lists what a person must still fill in, as written by
	// surveystat init; a study with items left is refused unless
	// AcceptTodo is set (see todo.go).
	Todo       []string `yaml:"todo"`
	AcceptTodo bool     `yaml:"accept_todo"`

	// Path is the study file as given to Load; Dir is its directory, to
	// which the data and published paths are relative.
	Path string `yaml:"-"`
	Dir  string `yaml:"-"`

	// Bytes and SHA256 describe the study file as Load read it, for the
	// report's manifest (zero after Parse).
	Bytes  int64    `yaml:"-"`
	SHA256 [32]byte `yaml:"-"`
}

// Metadata describes how the survey was done, as AAPOR and ESOMAR ask any
// published result to disclose.
type Metadata struct {
	Sponsor      Text `yaml:"sponsor" json:"sponsor,omitempty" text:"name"`     // who paid for the survey; per language like any text
	Institute    Text `yaml:"institute" json:"institute,omitempty" text:"name"` // who carried it out
	Population   Text `yaml:"population" json:"population,omitempty"`
	SampleSource Text `yaml:"sample_source" json:"sample_source,omitempty"`
	// SampleType is "probability", "opt-in" (a non-probability online
	// panel) or "" (not known); it decides how precision is worded.
	SampleType string `yaml:"sample_type" json:"sample_type,omitempty"`
	Mode       Text   `yaml:"mode" json:"mode,omitempty"`
	FieldDates string `yaml:"field_dates" json:"field_dates,omitempty"`
	SampleSize int    `yaml:"sample_size" json:"sample_size,omitempty"`
	// SampleSizeAssumed marks SampleSize as an assumption (a published
	// figure gave no base, or the base was reconstructed): every place
	// that shows it says "assumed".
	SampleSizeAssumed bool `yaml:"sample_size_assumed" json:"sample_size_assumed,omitempty"`
	Weighting         Text `yaml:"weighting" json:"weighting,omitempty"`
	// ResponseRate states the response rate and how it was computed (e.g.
	// "AAPOR RR3: 34 %"); a probability sample without it has a missing
	// element of the disclosure.
	ResponseRate Text     `yaml:"response_rate" json:"response_rate,omitempty"`
	Published    string   `yaml:"published" json:"published,omitempty"`
	Sources      []Source `yaml:"sources" json:"sources,omitempty"`
	Notes        []Text   `yaml:"notes" json:"notes,omitempty"`
	Limitations  []Text   `yaml:"limitations" json:"limitations,omitempty"`
}

// Source is a document the study's facts come from. Its title is a text
// like any other (a string, or {en: …, de: …, nl: …}); a title given in
// one language only is the document's own title, not an untranslated
// text.
type Source struct {
	Title Text   `yaml:"title" json:"title,omitempty" text:"name"`
	URL   string `yaml:"url" json:"url,omitempty"`
}

// DataSpec locates the respondent file and its special columns.
type DataSpec struct {
	File      string `yaml:"file"`       // relative to the study file
	ID        string `yaml:"id"`         // respondent id column
	Weight    string `yaml:"weight"`     // optional weight column
	Strata    string `yaml:"strata"`     // optional stratum column (complex samples)
	Cluster   string `yaml:"cluster"`    // optional primary sampling unit (PSU) column
	FPC       string `yaml:"fpc"`        // optional finite population correction column
	LonelyPSU string `yaml:"lonely_psu"` // strata with one PSU: fail (default), certainty, adjust
	Delimiter string `yaml:"delimiter"`  // one character, or "auto" (default): detected from the header
	Decimal   string `yaml:"decimal"`    // decimal separator of weights: "." or ","; default either
	Encoding  string `yaml:"encoding"`   // utf-8 (default), windows-1252, iso-8859-1, iso-8859-15
	Count     string `yaml:"count"`      // cell count column of an aggregated cell table; data.id is optional then

	// Table is a published table of percentages (CSV: question, category,
	// percent, decimals, base, …) from which counts are reconstructed,
	// instead of a respondent file; see ReadTable and
	// docs/published-figures.md. It needs data_status: reconstructed.
	Table string `yaml:"table"`

	// WeightSum and WeightSqSum name the columns of a weighted cell table
	// (with Count): the sum of the weights Σw and of their squares Σw² over
	// the respondents of each row. They replace Weight.
	WeightSum   string `yaml:"weight_sum"`
	WeightSqSum string `yaml:"weight_sq_sum"`

	// Ignore lists columns that are in the file but must not be read,
	// such as names or e-mail addresses: columns that look like direct
	// identifiers stop the run unless they are listed here.
	Ignore []string `yaml:"ignore"`

	// OutsideBase says what to do with an answer from a respondent outside
	// the question's base: "error" (default) stops the run; "warn" ignores
	// the answer and counts it in the report's row accounting.
	OutsideBase string `yaml:"outside_base"`
}

// Analysis holds study-wide analysis settings.
type Analysis struct {
	Level  float64 `yaml:"level"`  // confidence level; default 0.95
	Method string  `yaml:"method"` // interval method; default "wilson"

	// MinBase is the small-cell rule: estimates on fewer unweighted
	// respondents are suppressed in the report and charts and flagged in
	// the results files. Default 30; a negative value turns it off.
	MinBase int `yaml:"min_base"`

	// Design is the interval method for weighted and complex samples, as
	// R's svyciprop: logit (default), xlogit, beta, mean, likelihood, asin.
	// It is used for every estimate when data declares a weight, strata
	// or cluster column.
	Design string `yaml:"design"`

	// Rake calibrates the weights to population margins before estimation.
	Rake *RakeSpec `yaml:"rake"`

	// Independence lists tests of independence (Rao–Scott) between a
	// question and a subgroup variable, among the question's base. They
	// form one family for the Holm and Benjamini–Hochberg adjustments.
	Independence []IndependenceTest `yaml:"independence"`
}

// RakeSpec points to population margins and controls the raking.
type RakeSpec struct {
	Margins string  `yaml:"margins"`  // CSV: variable,category,total (relative to the study file)
	Tol     float64 `yaml:"tol"`      // convergence tolerance (R's epsilon); default 1 (< 1: relative to Σw)
	MaxIter int     `yaml:"max_iter"` // iteration limit; default 10, as R
	Lower   float64 `yaml:"lower"`    // trim weights below Lower × mean weight; 0 = no bound
	Upper   float64 `yaml:"upper"`    // trim weights above Upper × mean weight; 0 = no bound
}

// IndependenceTest asks whether the answers to Question differ by By.
type IndependenceTest struct {
	Question string `yaml:"question"`
	By       string `yaml:"by"`
}

// Question is one categorical variable of the codebook: a survey question
// or a respondent characteristic (age band, platform use) used for bases
// and subgroups.
type Question struct {
	ID         string     `yaml:"id"`
	Column     string     `yaml:"column"` // default: the id
	Label      Text       `yaml:"label"`
	Wording    Text       `yaml:"wording"` // exact question wording, if known
	Categories []Category `yaml:"categories"`
	Missing    []string   `yaml:"missing"` // codes for "don't know" / no answer
	// MissingInBase keeps respondents with a missing code in the base:
	// shares are of everyone asked, "don't know" included, as institutes
	// often publish them. Empty cells still leave the base.
	MissingInBase bool   `yaml:"missing_in_base"`
	Base          *Base  `yaml:"base"`   // nil: asked of everyone
	Method        string `yaml:"method"` // interval method; default the study's
	// Nets group categories into one share, referred to as
	// question=net_id like a category (see Net).
	Nets []Net `yaml:"nets"`

	base condition
}

// Category is one answer category and the raw codes that map to it.
type Category struct {
	ID    string   `yaml:"id"`
	Codes []string `yaml:"codes"`
	Label Text     `yaml:"label"`
}

// Base says who was asked a question.
type Base struct {
	When        string `yaml:"when"`        // e.g. "aware == yes and uses_instagram == yes"
	Description Text   `yaml:"description"` // e.g. "respondents who knew of the plans"
}

// Load reads and validates the study file at path.
func Load(path string) (*Study, error) {
	b, err := ReadInput(path, MaxStudyBytes)
	if err != nil {
		return nil, fmt.Errorf("study file: %w", err)
	}
	s, err := Parse(bytes.NewReader(b), path)
	if err != nil {
		return nil, err
	}
	s.Path = path
	s.Dir = filepath.Dir(path)
	s.Bytes, s.SHA256 = int64(len(b)), sha256.Sum256(b)
	return s, nil
}

// Parse reads and validates a study file from r; name is used in errors.
// Relative paths in the study are resolved against the current directory
// unless Dir is set afterwards (Load sets it).
func Parse(r io.Reader, name string) (*Study, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxStudyBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(src) > MaxStudyBytes {
		return nil, tooLarge(name, -1, MaxStudyBytes)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var s Study
	if err := dec.Decode(&s); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: study file is empty", name)
		}
		return nil, &StudyError{File: name, Msg: explainTypeErrors(explainYAMLError(err.Error()), src), Err: err}
	}
	// A second document after "---" would be silently ignored.
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) && (err != nil || !emptyDocument(&next)) {
		if err != nil {
			return nil, &StudyError{File: name, Msg: explainYAMLError(err.Error()), Err: err}
		}
		return nil, &StudyError{File: name, Msg: fmt.Sprintf("line %d: a second YAML document starts here (expected one study per file; remove this --- line and what follows, or merge it into the first document)", secondDocumentLine(src)), Err: ErrSecondDocument}
	}
	s.Path = name
	if err := s.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, clippedError{err})
	}
	return &s, nil
}

// StudyError is a mistake in a study file that YAML decoding found; Msg
// says it in words (unknown keys come with the nearest known key).
type StudyError struct {
	File string
	Msg  string
	Err  error
}

func (e *StudyError) Error() string { return e.File + ": " + e.Msg }

func (e *StudyError) Unwrap() error { return e.Err }

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

func (s *Study) validate() error {
	if !idPattern.MatchString(s.ID) {
		return fmt.Errorf("id %q: want lower-case letters, digits, '-' and '_'", s.ID)
	}
	if err := s.checkTodo(); err != nil {
		return err
	}
	s.defaultLabels()
	if err := s.validateStatus(); err != nil {
		return err
	}
	if s.FromTable() {
		if err := s.validateTable(); err != nil {
			return err
		}
	} else {
		if s.Data.File == "" {
			return errors.New("data.file: missing (the respondent CSV, relative to the study file; or data.table, a published table)")
		}
		if s.Data.ID == "" && s.Data.Count == "" {
			return errors.New("data.id: missing (the respondent id column)")
		}
	}
	if err := s.Data.validate(); err != nil {
		return err
	}
	if s.Analysis.MinBase == 0 {
		s.Analysis.MinBase = 30
	}
	if s.Analysis.Design == "" {
		s.Analysis.Design = "logit"
	}
	switch s.Metadata.SampleType {
	case "", "probability", "opt-in":
	default:
		return fmt.Errorf("metadata.sample_type %q: want probability, opt-in, or leave it out when unknown", s.Metadata.SampleType)
	}
	switch s.Data.LonelyPSU {
	case "", "fail", "certainty", "adjust":
	default:
		return fmt.Errorf("data.lonely_psu %q: want fail, certainty or adjust", s.Data.LonelyPSU)
	}
	for i, t := range s.Analysis.Independence {
		for _, id := range []string{t.Question, t.By} {
			if s.Question(id) == nil {
				return fmt.Errorf("analysis.independence[%d]: unknown question %q", i, id)
			}
		}
		if s.Question(t.Question).MissingInBase || s.Question(t.By).MissingInBase {
			return fmt.Errorf("analysis.independence[%d]: a question with missing_in_base cannot be tested for independence (its \"don't know\" answers are in no category)", i)
		}
		if t.Question == t.By {
			return fmt.Errorf("analysis.independence[%d]: question %q against itself", i, t.Question)
		}
	}
	if r := s.Analysis.Rake; r != nil {
		if r.Margins == "" {
			return errors.New("analysis.rake.margins: missing (a CSV with columns variable,category,total)")
		}
		if r.MaxIter == 0 {
			r.MaxIter = 10
		}
		if r.Tol == 0 {
			r.Tol = 1
		}
		if r.Tol < 0 || r.MaxIter < 0 || r.Lower < 0 || (r.Upper != 0 && r.Upper < r.Lower) {
			return errors.New("analysis.rake: tol, max_iter, lower and upper must be non-negative, and upper ≥ lower")
		}
	}
	if err := s.validateRanges(); err != nil {
		return err
	}
	if s.Analysis.Level == 0 {
		s.Analysis.Level = 0.95
	}
	if !(s.Analysis.Level > 0 && s.Analysis.Level < 1) {
		return fmt.Errorf("analysis.level %v: want a number strictly between 0 and 1", s.Analysis.Level)
	}
	if s.Analysis.Method == "" {
		s.Analysis.Method = "wilson"
	}
	if len(s.Questions) == 0 {
		return errors.New("questions: none defined")
	}
	seen := map[string]bool{}
	columns := map[string]string{s.Data.ID: "data.id"}
	// The weight is its own column; strata, cluster and fpc columns may
	// also be read as questions (a stratum is often a subgroup).
	for _, c := range []struct{ col, key string }{
		{s.Data.Weight, "data.weight"},
		{s.Data.WeightSum, "data.weight_sum"},
		{s.Data.WeightSqSum, "data.weight_sq_sum"},
	} {
		if c.col == "" {
			continue
		}
		if prev, ok := columns[c.col]; ok {
			return fmt.Errorf("%s: column %q is already used by %s", c.key, c.col, prev)
		}
		columns[c.col] = c.key
	}
	for i := range s.Questions {
		q := &s.Questions[i]
		if !idPattern.MatchString(q.ID) {
			return fmt.Errorf("questions[%d].id %q: want lower-case letters, digits, '-' and '_'", i, q.ID)
		}
		if seen[q.ID] {
			return fmt.Errorf("question %q: defined twice", q.ID)
		}
		seen[q.ID] = true
		if q.Column == "" {
			q.Column = q.ID
		}
		if prev, ok := columns[q.Column]; ok {
			return fmt.Errorf("question %q: column %q is already used by %s", q.ID, q.Column, prev)
		}
		columns[q.Column] = "question " + q.ID
		if q.Method == "" {
			q.Method = s.Analysis.Method
		}
		if err := q.validateCategories(s.FromTable()); err != nil {
			return err
		}
		if q.MissingInBase && len(q.Missing) == 0 && !s.FromTable() {
			return fmt.Errorf("question %q: missing_in_base without missing codes: list the \"don't know\" codes under missing", q.ID)
		}
		if err := q.validateNets(); err != nil {
			return err
		}
	}
	for i := range s.Questions {
		q := &s.Questions[i]
		if q.Base == nil || strings.TrimSpace(q.Base.When) == "" {
			continue
		}
		c, err := parseCondition(q.Base.When, s)
		if err != nil {
			return fmt.Errorf("question %q: base %q: %w", q.ID, q.Base.When, err)
		}
		for _, cl := range c {
			if cl.question == i {
				return fmt.Errorf("question %q: base refers to the question itself", q.ID)
			}
		}
		q.base = c
	}
	if err := s.checkBaseCycles(); err != nil {
		return err
	}
	for _, g := range s.Subgroups {
		if s.QuestionIndex(g) < 0 {
			return fmt.Errorf("subgroups: unknown question %q", g)
		}
	}
	if _, err := s.ParseItems(s.Headlines); err != nil {
		return fmt.Errorf("headlines: %w", err)
	}
	ids := map[string]bool{}
	for i := range s.Derived {
		d := &s.Derived[i]
		if err := d.validate(s); err != nil {
			return err
		}
		if ids[d.ID] {
			return fmt.Errorf("derived %q: defined twice", d.ID)
		}
		ids[d.ID] = true
	}
	for i := range s.Compare {
		if err := s.Compare[i].validate(s); err != nil {
			return err
		}
		if ids[s.Compare[i].ID] {
			return fmt.Errorf("comparison %q: id used twice", s.Compare[i].ID)
		}
		ids[s.Compare[i].ID] = true
	}
	for i := range s.Claims {
		if err := s.Claims[i].validate(s); err != nil {
			return err
		}
		if ids[s.Claims[i].ID] {
			return fmt.Errorf("claim %q: id used twice", s.Claims[i].ID)
		}
		ids[s.Claims[i].ID] = true
	}
	if s.Theme != nil {
		if err := s.Theme.validate(); err != nil {
			return err
		}
	}
	chartIDs := map[string]bool{}
	for i := range s.Charts {
		c := &s.Charts[i]
		if err := c.validate(s); err != nil {
			if c.Line > 0 {
				return fmt.Errorf("line %d: %w", c.Line, err)
			}
			return err
		}
		if chartIDs[c.ID] {
			return fmt.Errorf("chart %q: defined twice", c.ID)
		}
		chartIDs[c.ID] = true
	}
	if err := s.validateEvidence(); err != nil {
		return err
	}
	if s.Synth != nil {
		if err := s.Synth.validate(s); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	return nil
}

func (d *DataSpec) validate() error {
	switch d.Delimiter {
	case "", "auto":
		d.Delimiter = "auto"
	case `\t`, "tab":
		d.Delimiter = "\t"
	default:
		if r := []rune(d.Delimiter); len(r) != 1 || r[0] == '"' || r[0] == '\r' || r[0] == '\n' {
			return fmt.Errorf("data.delimiter %q: want one character (such as , ; or tab) or auto", d.Delimiter)
		}
	}
	switch d.Decimal {
	case "", ".", ",":
	default:
		return fmt.Errorf(`data.decimal %q: want "." or ","`, d.Decimal)
	}
	if _, err := decoderFor(d.Encoding); err != nil {
		return fmt.Errorf("data.encoding: %w", err)
	}
	switch {
	case (d.WeightSum == "") != (d.WeightSqSum == ""):
		return errors.New("data.weight_sum and data.weight_sq_sum go together: the sums of the weights and of their squares per row of a cell table")
	case d.WeightSum != "" && d.Count == "":
		return errors.New("data.weight_sum: needs data.count, the number of respondents per row of the cell table")
	case d.WeightSum != "" && d.Weight != "":
		return errors.New("data.weight_sum replaces data.weight in a weighted cell table: give one of them")
	case d.WeightSum != "" && d.WeightSum == d.WeightSqSum:
		return fmt.Errorf("data.weight_sum and data.weight_sq_sum: both name column %q", d.WeightSum)
	}
	switch d.OutsideBase {
	case "":
		d.OutsideBase = "error"
	case "error", "warn":
	default:
		return fmt.Errorf("data.outside_base %q: want error or warn", d.OutsideBase)
	}
	return nil
}

// validateCategories checks category ids and codes; a study built from a
// published table (table) has no codes to check.
func (q *Question) validateCategories(table bool) error {
	if len(q.Categories) == 0 {
		return fmt.Errorf("question %q: no categories", q.ID)
	}
	codes := map[string]string{}
	ids := map[string]bool{}
	for _, c := range q.Categories {
		if !idPattern.MatchString(c.ID) {
			return fmt.Errorf("question %q: category id %q: want lower-case letters, digits, '-' and '_'", q.ID, c.ID)
		}
		if ids[c.ID] {
			return fmt.Errorf("question %q: category %q defined twice", q.ID, c.ID)
		}
		ids[c.ID] = true
		if table {
			if len(c.Codes) > 0 {
				return fmt.Errorf("question %q: category %q: codes belong to respondent files; a published table (data.table) names categories by id", q.ID, c.ID)
			}
			continue
		}
		if len(c.Codes) == 0 {
			return fmt.Errorf("question %q: category %q has no codes", q.ID, c.ID)
		}
		for _, code := range c.Codes {
			if code == "" {
				return fmt.Errorf("question %q: category %q: empty code (an empty cell means not asked or no answer)", q.ID, c.ID)
			}
			if prev, ok := codes[code]; ok {
				return fmt.Errorf("question %q: code %q maps to both %s and %s", q.ID, code, prev, c.ID)
			}
			codes[code] = c.ID
		}
	}
	for _, code := range q.Missing {
		if prev, ok := codes[code]; ok {
			return fmt.Errorf("question %q: missing code %q is also a code of %s", q.ID, code, prev)
		}
		codes[code] = "missing"
	}
	return nil
}

// checkBaseCycles rejects bases that depend on each other in a circle.
func (s *Study) checkBaseCycles() error {
	state := make([]int, len(s.Questions)) // 0 new, 1 visiting, 2 done
	var visit func(i int) error
	visit = func(i int) error {
		switch state[i] {
		case 1:
			return fmt.Errorf("question %q: bases refer to each other in a circle", s.Questions[i].ID)
		case 2:
			return nil
		}
		state[i] = 1
		for _, cl := range s.Questions[i].base {
			if err := visit(cl.question); err != nil {
				return err
			}
		}
		state[i] = 2
		return nil
	}
	for i := range s.Questions {
		if err := visit(i); err != nil {
			return err
		}
	}
	return nil
}

// HasDesign reports whether the data declares weights, strata, clusters
// or a finite population correction, so that estimates are design-based
// (a finite population correction alone is R's svydesign(ids = ~1,
// fpc = ~N): a simple random sample without replacement).
func (s *Study) HasDesign() bool {
	return s.Data.Weight != "" || s.Data.WeightSum != "" || s.Data.Strata != "" || s.Data.Cluster != "" ||
		s.Data.FPC != "" || s.Analysis.Rake != nil
}

// RakePath returns the raking margins file, resolved against the study
// file's directory, or "".
func (s *Study) RakePath() string {
	if s.Analysis.Rake == nil {
		return ""
	}
	return s.resolve(s.Analysis.Rake.Margins)
}

// QuestionIndex returns the index of the question with the given id, or -1.
func (s *Study) QuestionIndex(id string) int {
	for i := range s.Questions {
		if s.Questions[i].ID == id {
			return i
		}
	}
	return -1
}

// Question returns the question with the given id, or nil.
func (s *Study) Question(id string) *Question {
	if i := s.QuestionIndex(id); i >= 0 {
		return &s.Questions[i]
	}
	return nil
}

// CategoryIndex returns the index of the category with the given id, or -1.
func (q *Question) CategoryIndex(id string) int {
	for i := range q.Categories {
		if q.Categories[i].ID == id {
			return i
		}
	}
	return -1
}

// DataPath returns the respondent file's (or published table's) path, resolved against the study
// file's directory.
func (s *Study) DataPath() string {
	if s.FromTable() {
		return s.resolve(s.Data.Table)
	}
	return s.resolve(s.Data.File)
}

// PublishedPath returns the published-figures file's path, or "" if the
// study has none.
func (s *Study) PublishedPath() string {
	if s.Published == "" {
		return ""
	}
	return s.resolve(s.Published)
}

func (s *Study) resolve(p string) string {
	if filepath.IsAbs(p) || s.Dir == "" {
		return p
	}
	return filepath.Join(s.Dir, p)
}

// DataStatus is where a study's numbers come from. Every report and chart
// carries it: a banner or footnote per status, in every language.
type DataStatus string

const (
	// StatusRespondent: real respondent-level data (or a cell table of it).
	StatusRespondent DataStatus = "respondent"
	// StatusReconstructed: counts reconstructed from published percentages
	// and bases; real results, but rounded and possibly with an assumed n.
	StatusReconstructed DataStatus = "reconstructed"
	// StatusSynthetic: generated data that illustrates the method; not
	// real survey results.
	StatusSynthetic DataStatus = "synthetic"
)

// validateStatus settles Status and Synthetic: data_status wins, the older
// synthetic: true means synthetic, and the default is respondent data.
func (s *Study) validateStatus() error {
	switch s.Status {
	case "":
		if s.Synthetic {
			s.Status = StatusSynthetic
		} else {
			s.Status = StatusRespondent
		}
	case StatusRespondent, StatusReconstructed, StatusSynthetic:
		if s.Synthetic && s.Status != StatusSynthetic {
			return fmt.Errorf("data_status %q contradicts synthetic: true (remove synthetic, data_status says it)", s.Status)
		}
	default:
		return fmt.Errorf("data_status %q: want respondent, reconstructed or synthetic", s.Status)
	}
	s.Synthetic = s.Status == StatusSynthetic
	return nil
}

package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

// Result is everything computed from a study's inputs.
type Result struct {
	Study      *survey.Study
	Rows       int                   // respondents read
	Accounting []analysis.Accounting // per question, what happened to every row
	// DerivedInBase is, per derived estimate id, the number of respondents
	// in its base, valid answers or not (nil for a published table).
	DerivedInBase map[string]int
	Estimates     []analysis.Estimate
	Published     []survey.PublishedFigure
	Mismatches    []analysis.Mismatch // primary published figures not reproduced
	Claims        []ClaimResult

	// Rake reports the raking of the weights, when the study rakes.
	Rake *analysis.RakeReport
	// Independence holds the study's Rao–Scott tests of independence.
	Independence []analysis.IndependenceResult
	// Comparisons holds the study's differences of two shares.
	Comparisons []analysis.ComparisonResult
	// Design describes the sample design of the respondents (strata, PSUs,
	// degrees of freedom); nil for a simple random sample or a published
	// table.
	Design *analysis.DesignSummary

	// DataFile is the respondent file as it was read, for the manifest
	// (empty for AnalyseReader).
	DataFile FileEntry
}

// ClaimResult is a study claim with its test.
type ClaimResult struct {
	Claim survey.Claim
	analysis.ClaimResult
	// Range is how the claim fares over the counts compatible with the
	// published rounding, for a share reconstructed from a published
	// table; nil otherwise.
	Range *analysis.ClaimRange
}

// Analyse reads the study's respondent file and published figures and
// computes every estimate.
func Analyse(s *survey.Study) (*Result, error) {
	return AnalyseWith(s, nil)
}

// InputFunc wraps a respondent file of the given size as it is opened, for
// example to draw a progress bar; done is called when reading has ended.
type InputFunc func(r io.Reader, size int64, name string) (wrapped io.Reader, done func())

// AnalyseWith is Analyse with the respondent file passed through in (nil:
// read as it is).
func AnalyseWith(s *survey.Study, in InputFunc) (*Result, error) {
	if s.FromTable() {
		rows, err := s.LoadTable()
		if err != nil {
			return nil, err
		}
		return analyseTable(s, rows)
	}
	path := s.DataPath()
	// The first reading of the file is hashed as it is read, so that the
	// manifest records the bytes the results come from.
	var (
		h      hash.Hash
		hashed int64
		size   int64
	)
	open := func() (io.ReadCloser, error) {
		f, n, err := survey.OpenInput(path)
		if err != nil {
			return nil, fmt.Errorf("respondent file (data.file in %s, relative to the study file): %w", s.Path, err)
		}
		var r io.Reader = f
		if h == nil {
			h, size = sha256.New(), n
			r = io.TeeReader(f, countWriter{h, &hashed})
		}
		if in == nil {
			return readCloser{r, f.Close}, nil
		}
		r, done := in(r, n, path)
		return readCloser{r, func() error { done(); return f.Close() }}, nil
	}
	res, err := analyse(s, open, path)
	if err != nil {
		return nil, err
	}
	if hashed != size {
		return nil, fmt.Errorf("respondent file %s: read %d bytes of %d: %w", path, hashed, size, errChanged)
	}
	res.DataFile = FileEntry{Path: path, Bytes: hashed, SHA256: hex.EncodeToString(h.Sum(nil))}
	return res, nil
}

// errChanged is reported when an input changes while it is read.
var errChanged = errors.New("the file changed while it was read (expected it to stay the same during the run)")

// countWriter writes to w and counts the bytes in *n.
type countWriter struct {
	w io.Writer
	n *int64
}

func (c countWriter) Write(p []byte) (int, error) {
	*c.n += int64(len(p))
	return c.w.Write(p)
}

type readCloser struct {
	io.Reader
	close func() error
}

func (r readCloser) Close() error { return r.close() }

// AnalyseReader is Analyse on a respondent file read from r; name is used
// in errors. A study that rakes its weights reads the data twice, so r is
// read into memory first in that case.
func AnalyseReader(s *survey.Study, r io.Reader, name string) (*Result, error) {
	if s.FromTable() {
		rows, err := survey.ReadTable(r, s, name)
		if err != nil {
			return nil, err
		}
		return analyseTable(s, rows)
	}
	if s.Analysis.Rake == nil {
		return analyse(s, func() (io.ReadCloser, error) { return io.NopCloser(r), nil }, name)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return analyse(s, func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }, name)
}

// checkMethods rejects unknown interval methods before any data is read.
func checkMethods(s *survey.Study) error {
	for _, q := range s.Questions {
		if !slices.Contains(analysis.MethodNames(), q.Method) {
			return fmt.Errorf("%s: question %q: interval method %q: want one of %s", s.Path, q.ID, q.Method, strings.Join(analysis.MethodNames(), ", "))
		}
	}
	if !slices.Contains(analysis.DesignMethodNames(), s.Analysis.Design) {
		return fmt.Errorf("%s: analysis.design %q: want one of %s", s.Path, s.Analysis.Design, strings.Join(analysis.DesignMethodNames(), ", "))
	}
	return nil
}

// raking is the outcome of raking a study's weights: either a factor per
// raking cell (the combination of a respondent's categories on the margin
// variables), by which every weight in the cell is multiplied, or, with
// trimming bounds, the raked weight of every row in file order.
type raking struct {
	report  *analysis.RakeReport
	vars    []int              // question index of every margin variable
	factor  map[string]float64 // raking cell key → factor
	perRow  []float64          // trimmed raking: the weight of every row
	keyBuf  []byte
	rowSeen int
}

// key returns the raking cell of a respondent.
func (k *raking) key(r *survey.Respondent) string {
	b := k.keyBuf[:0]
	for _, qi := range k.vars {
		b = strconv.AppendInt(b, int64(r.Values[qi]), 10)
		b = append(b, ',')
	}
	k.keyBuf = b
	return string(b)
}

// apply sets the raked weight of the next respondent.
func (k *raking) apply(r *survey.Respondent) {
	g := 0.0
	if k.perRow != nil {
		if r.Weight > 0 {
			g = k.perRow[k.rowSeen] / r.Weight
		}
		k.rowSeen++
	} else {
		g = k.factor[k.key(r)]
	}
	r.Weight *= g
	if r.Summed {
		// A weighted cell table's row: every weight of the row is
		// multiplied by g, so Σw² by g².
		r.WeightSq *= g * g
	}
}

// rake reads the data once to rake the weights to the study's margins.
// Raking multiplies the weights of a raking cell (one category of every
// margin variable) by the same factors, so it is done on the cells' weight
// totals, in memory that depends on the number of cells, not of rows, and
// the respondent file is then read by cells too. Trimming bounds apply to
// single weights, so with them raking is done row by row.
func rake(s *survey.Study, open func() (io.ReadCloser, error), name string) (*raking, error) {
	m, err := s.LoadMargins()
	if err != nil {
		return nil, err
	}
	rs := s.Analysis.Rake
	k := &raking{}
	for _, v := range m.Variables {
		k.vars = append(k.vars, s.QuestionIndex(v))
	}
	trim := rs.Lower > 0 || rs.Upper > 0
	if trim && s.Data.Count != "" {
		return nil, fmt.Errorf("%s: analysis.rake: trimming bounds (lower, upper) bound single weights and need respondent rows, not a cell table (data.count)", s.Path)
	}
	var weights []float64
	vars := make([][]int, len(m.Variables))
	index := map[string]int{}
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	scan := survey.ScanCells
	if trim {
		scan = survey.Scan
	}
	err = scan(f, s, name, func(r *survey.Respondent) error {
		for i, qi := range k.vars {
			if r.Values[qi] < 0 {
				return fmt.Errorf("%s:%d: raking variable %s has no valid answer: every respondent needs one", name, r.Line, m.Variables[i])
			}
		}
		w := r.Weight
		if !r.Summed {
			w *= r.Count
		}
		if !trim {
			key := k.key(r)
			if c, ok := index[key]; ok {
				weights[c] += w
				return nil
			}
			index[key] = len(weights)
		}
		for i, qi := range k.vars {
			vars[i] = append(vars[i], r.Values[qi])
		}
		weights = append(weights, w)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A population total with no respondent to carry it, by name (Rake
	// would say so by index).
	for v, qi := range k.vars {
		have := make([]float64, len(m.Totals[v]))
		for c, w := range weights {
			have[vars[v][c]] += w
		}
		for c, total := range m.Totals[v] {
			if total > 0 && !(have[c] > 0) {
				q := &s.Questions[qi]
				return nil, fmt.Errorf("raking to %s: %s = %s has a population total of %v but no respondent in %s: merge the category with another in the margins and the codebook", s.RakePath(), q.ID, q.Categories[c].ID, total, name)
			}
		}
	}
	raked, rep, err := analysis.Rake(weights, vars, m.Totals, analysis.RakeOptions{Tol: rs.Tol, MaxIter: rs.MaxIter, Lower: rs.Lower, Upper: rs.Upper})
	// Raking that has not converged goes on, as R's rake (which warns):
	// the report says it did not converge, with the remaining difference.
	if err != nil && !errors.Is(err, analysis.ErrRakeNotConverged) {
		return nil, fmt.Errorf("raking to %s: %w", s.RakePath(), err)
	}
	k.report = &rep
	if trim {
		k.perRow = raked
		return k, nil
	}
	k.factor = make(map[string]float64, len(index))
	for key, c := range index {
		if weights[c] > 0 {
			k.factor[key] = raked[c] / weights[c]
		}
	}
	return k, nil
}

func analyse(s *survey.Study, open func() (io.ReadCloser, error), name string) (*Result, error) {
	if err := checkMethods(s); err != nil {
		return nil, err
	}
	var rk *raking
	if s.Analysis.Rake != nil {
		var err error
		if rk, err = rake(s, open, name); err != nil {
			return nil, err
		}
	}
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t := analysis.NewTally(s)
	var rakeReport *analysis.RakeReport
	if rk != nil {
		rakeReport = rk.report
		if err := t.SetRaking(rk.report.Raking, rk.vars); err != nil {
			return nil, fmt.Errorf("%s: %w", s.Path, err)
		}
	}
	// Identical rows (answers, weight, design ids) are counted once with
	// their multiplicity (survey.ScanCells), which is several times faster
	// on large files and gives the same tallies. Raking multiplies the
	// weights of identical rows by the same factor, so it does not stop
	// that, except with trimming bounds, which apply row by row.
	scan := survey.ScanCells
	if rk != nil && rk.perRow != nil {
		scan = survey.Scan
	}
	if err := scan(f, s, name, func(r *survey.Respondent) error {
		if rk != nil {
			rk.apply(r)
		}
		t.Add(r)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := t.CheckDesign(); err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, err)
	}
	indep, err := t.Independence()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, err)
	}
	comps, err := t.Comparisons()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, err)
	}
	est, err := t.Estimates()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, err)
	}
	pub, err := s.LoadPublished()
	if err != nil {
		return nil, err
	}
	if s.Metadata.SampleSizeAssumed {
		// Every n follows from the assumed sample size.
		for i := range est {
			est[i].NAssumed = true
		}
	}
	claims, err := evaluateClaims(s, est)
	if err != nil {
		return nil, err
	}
	var design *analysis.DesignSummary
	if d, ok := t.Design(); ok {
		design = &d
	}
	return &Result{
		Design:        design,
		Rake:          rakeReport,
		Independence:  indep,
		Comparisons:   comps,
		Claims:        claims,
		Study:         s,
		Rows:          t.Rows(),
		Accounting:    t.Accounting(),
		DerivedInBase: derivedInBase(s, t.DerivedInBase()),
		Estimates:     est,
		Published:     pub,
		Mismatches:    analysis.CheckPublished(pub, est),
	}, nil
}

// derivedInBase keys the counts of analysis.Tally.DerivedInBase by the
// derived estimates' ids.
func derivedInBase(s *survey.Study, n []int) map[string]int {
	m := make(map[string]int, len(n))
	for i, v := range n {
		m[s.Derived[i].ID] = v
	}
	return m
}

// evaluateClaims tests the study's claims; a claim about a reconstructed
// share must hold at every count compatible with the published rounding.
func evaluateClaims(s *survey.Study, est []analysis.Estimate) ([]ClaimResult, error) {
	var claims []ClaimResult
	for _, c := range s.Claims {
		q, cat := c.Target()
		if cat == "" {
			cat = survey.DerivedCategory
		}
		e, ok := findEstimate(est, q, cat)
		if !ok {
			return nil, fmt.Errorf("claim %q: no estimate for %s", c.ID, c.Item)
		}
		cr, rng, err := analysis.EvaluateClaimRange(e, c.Op, c.Value, s.Analysis.Level)
		if err != nil {
			return nil, fmt.Errorf("claim %q: %w", c.ID, err)
		}
		claims = append(claims, ClaimResult{Claim: c, ClaimResult: cr, Range: rng})
	}
	return claims, nil
}

// analyseTable computes a study built from a published table (data.table):
// counts reconstructed from the published percentages, every interval and
// claim from them. Each published percentage is also listed as a primary
// published figure, with those of the study's published file if it has one.
func analyseTable(s *survey.Study, rows []survey.TableRow) (*Result, error) {
	if err := checkMethods(s); err != nil {
		return nil, err
	}
	est, err := analysis.TableEstimates(s, rows)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.DataPath(), err)
	}
	for i := range est {
		// An n that follows from an assumed base is said to be assumed
		// wherever it is shown.
		// Each row of the table says whether its base is assumed.
		if rc := est[i].Reconstructed; rc != nil && rc.NAssumed {
			est[i].NAssumed = true
		}
	}
	dataFile, err := hashFile(s.DataPath())
	if err != nil {
		return nil, fmt.Errorf("published table (data.table in %s, relative to the study file): %w", s.Path, err)
	}
	var pub []survey.PublishedFigure
	for _, r := range rows {
		if r.Remainder {
			continue
		}
		pub = append(pub, survey.PublishedFigure{
			Figure: r.Question + "=" + r.Category, Question: r.Question, Category: r.Category,
			Percent: survey.RequiredReal(r.Percent), Decimals: survey.RequiredInt(r.Decimals),
			Base: strconv.Itoa(r.Base), Status: "primary", Source: r.Source, Note: r.Note,
		})
	}
	more, err := s.LoadPublished()
	if err != nil {
		return nil, err
	}
	pub = append(pub, more...)
	claims, err := evaluateClaims(s, est)
	if err != nil {
		return nil, err
	}
	return &Result{
		Study:      s,
		DataFile:   dataFile,
		Estimates:  est,
		Published:  pub,
		Mismatches: analysis.CheckPublished(pub, est),
		Claims:     claims,
	}, nil
}

func findEstimate(est []analysis.Estimate, q, cat string) (analysis.Estimate, bool) {
	for _, e := range est {
		if e.Question == q && e.Category == cat && e.Subgroup == "" {
			return e, true
		}
	}
	return analysis.Estimate{}, false
}

// Overall returns the overall estimate of a question's category.
func (r *Result) Overall(question, category string) (analysis.Estimate, bool) {
	return r.Find(question, category, "", "")
}

// Find returns the estimate of a question's category, overall (empty
// subgroup) or within a subgroup category.
func (r *Result) Find(question, category, subgroup, value string) (analysis.Estimate, bool) {
	for _, e := range r.Estimates {
		if e.Question == question && e.Category == category && e.Subgroup == subgroup && e.SubgroupValue == value {
			return e, true
		}
	}
	return analysis.Estimate{}, false
}

// suppressedNote returns the report's note for a suppressed estimate,
// naming its reason (analysis.Estimate.Reason).
func suppressedNote(ms *messages, e analysis.Estimate, minBase int, lang string) string {
	switch e.Reason {
	case analysis.ReasonNoDF:
		return ms.T("suppressed_no_df")
	case analysis.ReasonNotComputable:
		return ms.T("suppressed_not_computable")
	}
	return ms.T("suppressed", "min", Count(float64(minBase), lang))
}

// alphaText returns 1 − level as a decimal number in the language's
// notation (0.05, 0,05), with as many digits as it needs.
func alphaText(level float64, lang string) string {
	out := strconv.FormatFloat(1-level, 'g', 6, 64)
	if lang == "de" || lang == "nl" {
		out = strings.ReplaceAll(out, ".", ",")
	}
	return out
}

package survey

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ErrSecondDocument is reported for a study file with more than one YAML
// document.
var ErrSecondDocument = errors.New("more than one YAML document")

// emptyDocument reports whether n holds nothing (a trailing "---").
func emptyDocument(n *yaml.Node) bool {
	return n.Kind == 0 || (n.Kind == yaml.DocumentNode && (len(n.Content) == 0 || n.Content[0].Kind == yaml.ScalarNode && n.Content[0].Tag == "!!null"))
}

// secondDocumentLine returns the line of the "---" that starts a second
// YAML document in src (a "---" before any content starts the first), or 0.
// A "---" at the start of a line is always a document marker in YAML.
func secondDocumentLine(src []byte) int {
	content := false
	for i, l := range strings.Split(string(src), "\n") {
		l = strings.TrimRight(l, "\r")
		if l == "---" || strings.HasPrefix(l, "--- ") || strings.HasPrefix(l, "---\t") {
			if content {
				return i + 1
			}
			content = true
			continue
		}
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(l, "%") {
			content = true
		}
	}
	return 0
}

// Limits on numbers in a study file that would otherwise let a typo run
// for ever or exhaust memory.
const (
	// MaxRakeIter bounds analysis.rake.max_iter (R's default is 10).
	MaxRakeIter = 10000
	// MaxSynthRows bounds synth.rows.
	MaxSynthRows = 10_000_000
)

// validateRanges checks the numbers of a study file that no other check
// bounds: every one must be finite and within a range that makes sense.
func (s *Study) validateRanges() error {
	if r := s.Analysis.Rake; r != nil {
		for _, v := range []struct {
			key string
			v   float64
		}{{"tol", r.Tol}, {"lower", r.Lower}, {"upper", r.Upper}} {
			if math.IsNaN(v.v) || math.IsInf(v.v, 0) {
				return fmt.Errorf("analysis.rake.%s %v: want a finite number", v.key, v.v)
			}
		}
		if r.MaxIter > MaxRakeIter {
			return fmt.Errorf("analysis.rake.max_iter %d: want at most %d (R's default is 10)", r.MaxIter, MaxRakeIter)
		}
	}
	for _, c := range s.Charts {
		if c.Ref != 0 && !(c.Ref > 0 && c.Ref < 1) {
			return fmt.Errorf("chart %q: reference %v: want a proportion strictly between 0 and 1 (0.5 for half)", c.ID, c.Ref)
		}
	}
	if s.Metadata.SampleSize < 0 {
		return fmt.Errorf("metadata.sample_size %d: want a positive number, or leave it out", s.Metadata.SampleSize)
	}
	if s.Synth != nil && s.Synth.Rows > MaxSynthRows {
		return fmt.Errorf("synth.rows %d: want at most %d", s.Synth.Rows, MaxSynthRows)
	}
	return nil
}

// quoted matches a string quoted by %q in a message.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// clippedError shows err with every quoted string in it cut to a short
// length (see clip): a study file's messages quote its ids and codes,
// which may be of any length. Errors.Is and errors.As see err.
type clippedError struct{ err error }

func (e clippedError) Error() string {
	return quoted.ReplaceAllStringFunc(e.err.Error(), func(q string) string {
		u, err := strconv.Unquote(q)
		if err != nil || clip(u) == u {
			return q
		}
		return strconv.Quote(clip(u))
	})
}

func (e clippedError) Unwrap() error { return e.err }

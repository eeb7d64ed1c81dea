package survey

import (
	"reflect"
	"regexp"
	"strings"
)

// studyTypes maps the Go type names in YAML decoding errors to the types,
// so that an unknown key can be answered with the nearest known one.
func studyTypes() map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for _, v := range []any{Study{}, Metadata{}, Source{}, DataSpec{}, Analysis{}, Question{}, Net{},
		Category{}, Base{}, ChartSpec{}, Synth{}, SynthVariable{}, Derived{}, Claim{}, RakeSpec{}, IndependenceTest{}, Comparison{}, ThemeSpec{}, Evidence{}, Quality{}} {
		t := reflect.TypeOf(v)
		m["survey."+t.Name()] = t
	}
	return m
}

var unknownField = regexp.MustCompile(`field (\S+) not found in type (survey\.\w+)`)

// explainYAMLError rewrites "field x not found in type survey.T" into a
// message that names the section and suggests the nearest known key.
func explainYAMLError(msg string) string {
	types := studyTypes()
	return unknownField.ReplaceAllStringFunc(msg, func(m string) string {
		sub := unknownField.FindStringSubmatch(m)
		key, t := sub[1], types[sub[2]]
		if t == nil {
			return m
		}
		var keys []string
		for i := 0; i < t.NumField(); i++ {
			tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
			if tag != "" && tag != "-" {
				keys = append(keys, tag)
			}
		}
		out := "unknown key " + key
		if best := nearest(key, keys); best != "" {
			out += ` (did you mean "` + best + `"?)`
		}
		return out + "; known keys here: " + strings.Join(keys, ", ")
	})
}

// nearest returns the candidate closest to s by edit distance, if it is
// close enough to be a likely typo.
func nearest(s string, candidates []string) string {
	best, bestD := "", len(s)/2+2
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

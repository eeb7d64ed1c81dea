package survey

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Evidence is a study's evidence section: what the survey is evidence of.
// It states the question the survey informs and the legal test neutrally,
// and lists propositions, each supported by claims of the study. The
// evidence brief (package evidence) is written from it.
type Evidence struct {
	// Question is the question the survey's numbers inform, stated
	// neutrally, e.g. whether users reasonably expected a processing.
	Question Text `yaml:"question"`
	// LegalTest says what the law asks, without a legal conclusion.
	LegalTest Text `yaml:"legal_test"`
	// Quality documents what the study's metadata does not hold and the
	// survey-quality checklist asks for; anything left empty is a gap.
	Quality Quality `yaml:"quality"`
	// Propositions are the statements the brief puts forward as exhibits.
	Propositions []Proposition `yaml:"propositions"`
}

// Quality holds the items of the survey-quality checklist (Federal
// Judicial Center, Reference Guide on Survey Research; Manual for Complex
// Litigation) that the study metadata has no field for.
type Quality struct {
	SamplingFrame Text `yaml:"sampling_frame"` // the list or panel the sample was drawn from
	Selection     Text `yaml:"selection"`      // how respondents were selected (quotas, random draw)
	Nonresponse   Text `yaml:"nonresponse"`    // response rate and what is known of nonresponse bias
	QuestionOrder Text `yaml:"question_order"` // the order of the questions, and the questionnaire
	Filters       Text `yaml:"filters"`        // filter questions and "don't know" options
	Design        Text `yaml:"design"`         // who designed the questionnaire
	Independence  Text `yaml:"independence"`   // independence of those who designed and ran it
	Disclosure    Text `yaml:"disclosure"`     // what of data and methods is disclosed, and where
}

// Proposition is one statement of the evidence brief: a finding the
// survey supports only if every one of its claims is supported.
type Proposition struct {
	ID   string `yaml:"id"`
	Text Text   `yaml:"text"` // the statement; its strength must not exceed its claims
	// Factor is the legal factor the proposition informs.
	Factor Factor `yaml:"factor"`
	// Claims are ids of the study's claims; all must be supported.
	Claims []string `yaml:"claims"`
	// Chart is the id of one of the study's charts shown with the
	// exhibit; default the first chart showing a claim's item.
	Chart string `yaml:"chart"`
	// Caveats are what a reader must keep in mind (e.g. recall is not
	// exposure).
	Caveats []Text `yaml:"caveats"`

	// Line is the proposition's line in the study file (0 if unknown).
	Line int `yaml:"-"`
}

// Factor is a legal factor with its reference, e.g. "reasonable
// expectations of the data subjects", "GDPR Recital 47".
type Factor struct {
	Text      Text `yaml:"text"`
	Reference Text `yaml:"reference"` // e.g. "Art. 21(4) GDPR", in the study's languages
}

// UnmarshalYAML decodes a proposition strictly (unknown keys are errors,
// as everywhere in a study file) and records its line.
func (p *Proposition) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: evidence.propositions: each proposition is a mapping with keys id, text, factor, claims, chart, caveats", n.Line)
	}
	if err := checkKeys(n, reflect.TypeOf(*p)); err != nil {
		return err
	}
	type plain Proposition
	var v plain
	if err := n.Decode(&v); err != nil {
		return err
	}
	*p = Proposition(v)
	p.Line = n.Line
	return nil
}

// checkKeys rejects keys of the mapping n that the struct type t does not
// have, recursing into struct fields other than Text; Node.Decode does not
// carry the decoder's strict mode.
func checkKeys(n *yaml.Node, t reflect.Type) error {
	if n.Kind != yaml.MappingNode || t.Kind() != reflect.Struct {
		return nil
	}
	fields := map[string]reflect.Type{}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			fields[tag] = t.Field(i).Type
			keys = append(keys, tag)
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		ft, ok := fields[k.Value]
		if !ok {
			msg := fmt.Sprintf("line %d: unknown key %s", k.Line, k.Value)
			if best := nearest(k.Value, keys); best != "" {
				msg += ` (did you mean "` + best + `"?)`
			}
			return errors.New(msg + "; known keys here: " + strings.Join(keys, ", "))
		}
		if ft.Kind() == reflect.Struct {
			if err := checkKeys(n.Content[i+1], ft); err != nil {
				return err
			}
		}
	}
	return nil
}

// validateEvidence checks the evidence section: every proposition has an
// id, a text and at least one claim, and every claim exists. Errors name
// the proposition's line in the study file.
func (s *Study) validateEvidence() error {
	ev := s.Evidence
	if ev == nil {
		return nil
	}
	if len(ev.Propositions) == 0 {
		return errors.New("evidence: no propositions (list at least one under evidence.propositions)")
	}
	seen := map[string]bool{}
	charts := map[string]bool{}
	for _, c := range s.Charts {
		charts[c.ID] = true
	}
	for i := range ev.Propositions {
		p := &ev.Propositions[i]
		where := fmt.Sprintf("evidence.propositions[%d]", i)
		if p.Line > 0 {
			where = fmt.Sprintf("line %d: %s", p.Line, where)
		}
		if !idPattern.MatchString(p.ID) {
			return fmt.Errorf("%s: id %q: want lower-case letters, digits, '-' and '_'", where, p.ID)
		}
		where += " (" + p.ID + ")"
		if seen[p.ID] {
			return fmt.Errorf("%s: id used twice", where)
		}
		seen[p.ID] = true
		if p.Text.Get("en") == "" {
			return fmt.Errorf("%s: text: missing (the proposition, in the study's languages)", where)
		}
		if len(p.Claims) == 0 {
			return fmt.Errorf("%s: claims: none (a proposition needs at least one claim of the study that supports it)", where)
		}
		for _, id := range p.Claims {
			if s.ClaimByID(id) == nil {
				var ids []string
				for _, c := range s.Claims {
					ids = append(ids, c.ID)
				}
				have := "the study has no claims"
				if len(ids) > 0 {
					have = "the study's claims are " + strings.Join(ids, ", ")
				}
				if best := nearest(id, ids); best != "" {
					have = `did you mean "` + best + `"? ` + have
				}
				return fmt.Errorf("%s: claim %q: unknown claim (%s)", where, id, have)
			}
		}
		if p.Chart != "" && !charts[p.Chart] {
			return fmt.Errorf("%s: chart %q: unknown chart (one of the study's charts ids)", where, p.Chart)
		}
		if p.Chart != "" && !s.ChartShowsClaims(s.ChartByID(p.Chart), p.Claims) {
			var items []string
			for _, id := range p.Claims {
				items = append(items, strings.ReplaceAll(s.ClaimByID(id).Item, " ", ""))
			}
			return fmt.Errorf("%s: chart %q: shows none of the estimates its claims test (%s); choose a chart that shows at least one of them, or leave chart out to show the first chart that does", where, p.Chart, strings.Join(items, ", "))
		}
	}
	return nil
}

// ChartShowsClaims reports whether chart c draws the overall estimate of
// the item of at least one of the claims: as a bar or segment, or a net's
// bracket; a forest plot (c.By) shows subgroups, not the claims' estimate.
func (s *Study) ChartShowsClaims(c *ChartSpec, claims []string) bool {
	if c == nil || c.By != "" {
		return false
	}
	items := map[string]bool{}
	for _, id := range claims {
		if cl := s.ClaimByID(id); cl != nil {
			items[strings.ReplaceAll(cl.Item, " ", "")] = true
		}
	}
	its, err := c.ParsedItems(s)
	if err != nil {
		return false
	}
	for _, it := range its {
		key := it.Question + "=" + it.Category
		if it.Category == DerivedCategory && s.DerivedByID(it.Question) != nil && s.Question(it.Question) == nil {
			key = it.Question
		}
		if items[key] {
			return true
		}
	}
	for _, n := range c.Nets {
		if items[strings.ReplaceAll(n, " ", "")] {
			return true
		}
	}
	return false
}

// ChartByID returns the chart with the given id, or nil.
func (s *Study) ChartByID(id string) *ChartSpec {
	for i := range s.Charts {
		if s.Charts[i].ID == id {
			return &s.Charts[i]
		}
	}
	return nil
}

// ClaimByID returns the claim with the given id, or nil.
func (s *Study) ClaimByID(id string) *Claim {
	for i := range s.Claims {
		if s.Claims[i].ID == id {
			return &s.Claims[i]
		}
	}
	return nil
}

package survey

import (
	"strings"
	"testing"
)

// evidenceStudy is testStudy with two claims; the evidence section is
// appended by each test.
const evidenceStudy = testStudy + `
claims:
  - {id: few-approve, item: attitude=approve, op: "<", value: 0.1}
  - {id: most-aware, item: aware=yes, op: ">", value: 0.5}
charts:
  - {id: attitude, kind: bars, items: [attitude]}
`

func TestEvidenceParses(t *testing.T) {
	s := mustParse(t, evidenceStudy+`
evidence:
  question: {en: "Did users expect it?", de: "Haben Nutzer damit gerechnet?"}
  legal_test: Art. 6(1)(f)
  quality: {nonresponse: {en: Not published}}
  propositions:
    - id: acceptance
      text: {en: Few accept it., nl: Weinig mensen accepteren het.}
      factor: {text: Reasonable expectations, reference: Recital 47}
      claims: [few-approve, most-aware]
      chart: attitude
      caveats: [Self-reported.]
`)
	ev := s.Evidence
	if ev == nil || len(ev.Propositions) != 1 {
		t.Fatalf("evidence = %+v", ev)
	}
	p := ev.Propositions[0]
	if p.Line != 36 || p.ID != "acceptance" || len(p.Claims) != 2 || p.Factor.Reference.Get("de") != "Recital 47" ||
		p.Text.Get("nl") != "Weinig mensen accepteren het." || p.Chart != "attitude" || len(p.Caveats) != 1 {
		t.Errorf("proposition = %+v", p)
	}
	if ev.Quality.Nonresponse.Get("de") != "Not published" || ev.Question.Get("de") != "Haben Nutzer damit gerechnet?" {
		t.Errorf("evidence = %+v", ev)
	}
	if s.ClaimByID("most-aware") == nil || s.ClaimByID("nope") != nil {
		t.Error("ClaimByID")
	}
}

func TestEvidenceErrors(t *testing.T) {
	tests := []struct {
		name, evidence, want string
	}{
		{"no propositions", "evidence: {question: Q}\n", "evidence: no propositions"},
		{"no claims", "evidence:\n  propositions:\n    - {id: a, text: A}\n", "line 32: evidence.propositions[0] (a): claims: none"},
		{"unknown claim", "evidence:\n  propositions:\n    - {id: a, text: A, claims: [few-approve, fewapprove]}\n",
			`line 32: evidence.propositions[0] (a): claim "fewapprove": unknown claim (did you mean "few-approve"? the study's claims are few-approve, most-aware)`},
		{"no text", "evidence:\n  propositions:\n    - {id: a, claims: [few-approve]}\n", "(a): text: missing"},
		{"bad id", "evidence:\n  propositions:\n    - {id: A b, text: A, claims: [few-approve]}\n", `id "A b"`},
		{"twice", "evidence:\n  propositions:\n    - {id: a, text: A, claims: [few-approve]}\n    - {id: a, text: B, claims: [few-approve]}\n",
			"line 33: evidence.propositions[1] (a): id used twice"},
		{"unknown chart", "evidence:\n  propositions:\n    - {id: a, text: A, claims: [few-approve], chart: pie}\n", `chart "pie": unknown chart`},
		{"chart without the claims' estimates", "evidence:\n  propositions:\n    - {id: a, text: A, claims: [most-aware], chart: attitude}\n",
			`line 32: evidence.propositions[0] (a): chart "attitude": shows none of the estimates its claims test (aware=yes)`},
		{"unknown key", "evidence:\n  propositions:\n    - {id: a, text: A, claim: [few-approve]}\n", `line 32: unknown key claim (did you mean "claims"?)`},
		{"unknown factor key", "evidence:\n  propositions:\n    - {id: a, text: A, claims: [x], factor: {referenc: R}}\n", `unknown key referenc (did you mean "reference"?)`},
		{"not a mapping", "evidence:\n  propositions: [3]\n", "line 31: evidence.propositions: each proposition is a mapping"},
		{"unknown section key", "evidence:\n  questoin: Q\n", `unknown key questoin (did you mean "question"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(evidenceStudy+tt.evidence), "study.yaml")
			if err == nil {
				t.Fatalf("no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "study.yaml") {
				t.Errorf("error %q\nwant it to name study.yaml and contain %q", err, tt.want)
			}
		})
	}
}

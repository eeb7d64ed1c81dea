package analysis

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestDesignSummary checks the counts of strata, PSUs and degrees of
// freedom of a whole sample and the lonely-PSU check that runs before any
// estimate: one error naming data.lonely_psu and the stratum, whatever
// tests or comparisons the study has.
func TestDesignSummary(t *testing.T) {
	long := strings.Repeat("x", 60)
	tests := []struct {
		name    string
		data    string // the data: line of the study
		psu     func(i int) (stratum, psu string)
		want    DesignSummary
		wantErr string
	}{
		{"stratified clusters", "{file: d.csv, id: id, weight: w, strata: st, cluster: c}",
			func(i int) (string, string) { return fmt.Sprint("s", i%3), fmt.Sprint("c", i%12) },
			DesignSummary{Strata: 3, PSUs: 12, Clustered: true, DF: 9}, ""},
		{"stratified respondents", "{file: d.csv, id: id, weight: w, strata: st}",
			func(i int) (string, string) { return fmt.Sprint("s", i%4), "" },
			DesignSummary{Strata: 4, PSUs: 48, DF: 44}, ""},
		{"weights only", "{file: d.csv, id: id, weight: w}",
			func(i int) (string, string) { return "", "" },
			DesignSummary{Strata: 1, PSUs: 48, DF: 47}, ""},
		{"lonely fails", "{file: d.csv, id: id, weight: w, strata: st, cluster: c}",
			func(i int) (string, string) {
				if i%3 == 2 {
					return "W", "W1"
				}
				return fmt.Sprint("s", i%3), fmt.Sprint("c", i%12)
			},
			DesignSummary{Strata: 3, PSUs: 9, Clustered: true, DF: 6, LonelyStrata: []string{"W"}},
			`data.lonely_psu: stratum "W" has a single PSU`},
		{"two lonely, long id cut", "{file: d.csv, id: id, weight: w, strata: st, cluster: c}",
			func(i int) (string, string) {
				switch i % 4 {
				case 2:
					return long, "a"
				case 3:
					return "V", "b"
				}
				return "s", fmt.Sprint("c", i%8)
			},
			DesignSummary{Strata: 3, PSUs: 6, Clustered: true, DF: 3, LonelyStrata: []string{long, "V"}},
			`stratum "` + strings.Repeat("x", 40) + `…" (and 1 more stratum) has a single PSU`},
		{"lonely certainty", "{file: d.csv, id: id, weight: w, strata: st, cluster: c, lonely_psu: certainty}",
			func(i int) (string, string) {
				if i%3 == 2 {
					return "W", "W1"
				}
				return fmt.Sprint("s", i%3), fmt.Sprint("c", i%12)
			},
			DesignSummary{Strata: 3, PSUs: 9, Clustered: true, DF: 6, Lonely: LonelyCertainty, LonelyStrata: []string{"W"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			study := "id: ds\ndata: " + tt.data + `
analysis: {independence: [{question: y, by: g}]}
questions:
  - id: g
    categories: [{id: a, codes: [1]}, {id: b, codes: [2]}]
  - id: y
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
`
			var b strings.Builder
			b.WriteString("id,w,st,c,g,y\n")
			for i := range 48 {
				st, c := tt.psu(i)
				fmt.Fprintf(&b, "r%d,%d,%s,%s,%d,%d\n", i, 1+i%3, st, c, 1+i%2, 1+i/24)
			}
			_, tl := tallyStudyOf(t, study, b.String())
			got, ok := tl.Design()
			if !ok {
				t.Fatal("no design")
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Design() = %+v, want %+v", got, tt.want)
			}
			err := tl.CheckDesign()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("CheckDesign: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, ErrLonelyPSU)):
				t.Errorf("CheckDesign: %v, want %q wrapping ErrLonelyPSU", err, tt.wantErr)
			}
		})
	}
}

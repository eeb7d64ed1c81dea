package analysis

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// weightSumsStudy is a study of R's api data with varying weights; the
// data section is filled in per test.
const weightSumsStudy = `
id: sums
data: {%DATA%}
analysis: {level: 0.95, design: logit, min_base: -1, independence: [{question: sch_wide, by: awards}]}
subgroups: [stype, awards]
questions:
  - id: stype
    categories: [{id: e, codes: [E]}, {id: h, codes: [H]}, {id: m, codes: [M]}]
  - id: sch_wide
    column: sch.wide
    categories: [{id: "yes", codes: ["Yes"]}, {id: "no", codes: ["No"]}]
  - id: awards
    categories: [{id: "yes", codes: ["Yes"]}, {id: "no", codes: ["No"]}]
comparisons:
  - {id: groups, a: sch_wide=yes, b: sch_wide=yes, a_in: awards=yes, b_in: awards=no}
  - {id: paired, a: sch_wide=yes, b: awards=yes}
`

// TestTallyWeightSums: a weighted cell table (data.weight_sum and
// data.weight_sq_sum: Σw and Σw² per combination of answers and design
// ids, as a GROUP BY gives) yields the same estimates, intervals, design
// effects, tests and comparisons as the respondent rows it sums, for a
// stratified design with fpc and for a clustered one grouped by PSU.
func TestTallyWeightSums(t *testing.T) {
	for _, c := range []struct {
		name, file string
		design     []string // design columns: grouped by, and declared
		decl       string
	}{
		{"stratified", "apistrat.csv", []string{"fpc"}, "strata: stype, fpc: fpc"},
		{"clustered", "apiclus1.csv", []string{"dnum"}, "cluster: dnum"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			data := designCSV(t, c.file)
			cols := []string{"stype", "sch.wide", "awards"}
			// Respondent rows with weights that vary within every cell.
			var micro bytes.Buffer
			fmt.Fprintf(&micro, "snum,%s,%s,w\n", strings.Join(cols, ","), strings.Join(c.design, ","))
			type sums struct{ n, sw, sw2 float64 }
			cells := map[string]*sums{}
			var order []string
			for i, d := range data {
				w := designNum(t, d["pw"]) * (1 + 0.4*math.Sin(float64(i)))
				var vals []string
				for _, col := range append(slices.Clone(cols), c.design...) {
					vals = append(vals, d[col])
				}
				key := strings.Join(vals, ",")
				fmt.Fprintf(&micro, "%s,%s,%.17g\n", d["snum"], key, w)
				s, ok := cells[key]
				if !ok {
					s = &sums{}
					cells[key] = s
					order = append(order, key)
				}
				s.n++
				s.sw += w
				s.sw2 += w * w
			}
			var tab bytes.Buffer
			fmt.Fprintf(&tab, "%s,%s,n,sw,sw2\n", strings.Join(cols, ","), strings.Join(c.design, ","))
			for _, k := range order {
				s := cells[k]
				fmt.Fprintf(&tab, "%s,%v,%.17g,%.17g\n", k, s.n, s.sw, s.sw2)
			}
			if len(order) >= len(data) {
				t.Fatalf("%d cells for %d rows", len(order), len(data))
			}
			os.WriteFile(filepath.Join(dir, "micro.csv"), micro.Bytes(), 0o644)
			os.WriteFile(filepath.Join(dir, "cells.csv"), tab.Bytes(), 0o644)
			run := func(file, decl string, scan func(r io.Reader, s *survey.Study, name string, fn func(*survey.Respondent) error) error) ([]Estimate, []IndependenceResult, []ComparisonResult) {
				src := strings.Replace(weightSumsStudy, "%DATA%", "file: "+file+", "+decl+", "+c.decl, 1)
				s, err := survey.Parse(strings.NewReader(src), filepath.Join(dir, "study.yaml"))
				if err != nil {
					t.Fatal(err)
				}
				f, err := os.Open(filepath.Join(dir, file))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				tl := NewTally(s)
				if err := scan(f, s, file, func(r *survey.Respondent) error { tl.Add(r); return nil }); err != nil {
					t.Fatal(err)
				}
				est, err := tl.Estimates()
				if err != nil {
					t.Fatal(err)
				}
				ind, err := tl.Independence()
				if err != nil {
					t.Fatal(err)
				}
				cmp, err := tl.Comparisons()
				if err != nil {
					t.Fatal(err)
				}
				return est, ind, cmp
			}
			e1, i1, c1 := run("micro.csv", "id: snum, weight: w", survey.Scan)
			for _, scan := range []func(r io.Reader, s *survey.Study, name string, fn func(*survey.Respondent) error) error{survey.Scan, survey.ScanCells} {
				e2, i2, c2 := run("cells.csv", "count: n, weight_sum: sw, weight_sq_sum: sw2", scan)
				same := func(what string, a, b float64) {
					if math.IsNaN(a) && math.IsNaN(b) {
						return // a design effect of a share of 0 or 1, both ways
					}
					if !(math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(a))) {
						t.Errorf("%s: rows %v, cells %v", what, a, b)
					}
				}
				if len(e1) != len(e2) || len(i1) != len(i2) || len(c1) != len(c2) || len(e1) < 20 {
					t.Fatalf("%d/%d estimates, %d/%d tests, %d/%d comparisons", len(e1), len(e2), len(i1), len(i2), len(c1), len(c2))
				}
				for i := range e1 {
					a, b := e1[i], e2[i]
					name := a.Question + "=" + a.Category + " " + a.Subgroup + "=" + a.SubgroupValue
					same(name+" share", a.Share, b.Share)
					same(name+" lower", a.Lower, b.Lower)
					same(name+" upper", a.Upper, b.Upper)
					same(name+" deff", a.Deff, b.Deff)
					same(name+" n_eff", a.NEff, b.NEff)
					same(name+" SE", a.Design.SE, b.Design.SE)
					if a.Design.DF != b.Design.DF || a.Base != b.Base {
						t.Errorf("%s: df %d/%d base %v/%v", name, a.Design.DF, b.Design.DF, a.Base, b.Base)
					}
				}
				for i := range i1 {
					same("Rao–Scott F", i1[i].F, i2[i].F)
					same("Rao–Scott p", i1[i].PF, i2[i].PF)
				}
				for i := range c1 {
					same(c1[i].ID+" diff", c1[i].Diff, c2[i].Diff)
					same(c1[i].ID+" lower", c1[i].Lower, c2[i].Lower)
					same(c1[i].ID+" p", c1[i].Test.PValue, c2[i].Test.PValue)
				}
			}
		})
	}
}

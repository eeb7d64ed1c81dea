package analysis

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"testing"
)

func TestRaoScottR(t *testing.T) {
	cache := map[string][]map[string]string{}
	for _, row := range designCSV(t, "svychisq.csv") {
		name := row["design"] + "/" + row["row"] + "+" + row["col"]
		spec := designSpecs[row["design"]]
		data, ok := cache[spec.data]
		if !ok {
			data = designCSV(t, spec.data)
			cache[spec.data] = data
		}
		rl, cl := levelIndex(data, row["row"]), levelIndex(data, row["col"])
		tab, err := NewDesignTable(len(rl), len(cl), LonelyFail)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range designRows(t, spec, data) {
			if err := tab.Add(r, rl[data[i][row["row"]]], cl[data[i][row["col"]]]); err != nil {
				t.Fatal(err)
			}
		}
		res, err := tab.RaoScott()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		df, _ := strconv.Atoi(row["df_Chisq"])
		checks := []struct {
			what      string
			got, want float64
		}{
			{"F", res.F, designNum(t, row["F"])},
			{"ndf", res.NumDF, designNum(t, row["ndf"])},
			{"ddf", res.DenDF, designNum(t, row["ddf"])},
			{"p(F)", res.PF, designNum(t, row["p_F"])},
			{"X²", res.Pearson, designNum(t, row["X2"])},
			{"p(Chisq)", res.PChisq, designNum(t, row["p_Chisq"])},
			{"df", float64(res.DF), float64(df)},
		}
		for _, c := range checks {
			tol := 1e-8
			if c.what[0] == 'p' {
				// p-values: relative agreement.
				if math.Abs(c.got-c.want) > 1e-6*c.want {
					t.Errorf("%s: %s = %v, R %v", name, c.what, c.got, c.want)
				}
				continue
			}
			if !designClose(c.got, c.want, tol) {
				t.Errorf("%s: %s = %v, R %v", name, c.what, c.got, c.want)
			}
		}
	}
}

func TestRaoScottSRS(t *testing.T) {
	// Equal weights, no clusters: every generalized design effect is
	// n/(n−1) (the variance uses n − 1), so the first-order statistic is
	// Pearson's X²·(n−1)/n.
	counts := [2][3]int{{10, 20, 15}, {25, 5, 25}}
	tab, err := NewDesignTable(2, 3, LonelyFail)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := range counts {
		for j, c := range counts[i] {
			for k := 0; k < c; k++ {
				if err := tab.Add(DesignRow{Weight: 2}, i, j); err != nil {
					t.Fatal(err)
				}
				n++
			}
		}
	}
	res, err := tab.RaoScott()
	if err != nil {
		t.Fatal(err)
	}
	x2 := 0.0
	for i := range counts {
		for j := range counts[i] {
			ri := float64(counts[i][0] + counts[i][1] + counts[i][2])
			cj := float64(counts[0][j] + counts[1][j])
			e := ri * cj / float64(n)
			o := float64(counts[i][j])
			x2 += (o - e) * (o - e) / e
		}
	}
	fn := float64(n)
	if math.Abs(res.Pearson-x2) > 1e-9 || math.Abs(res.MeanDeff-fn/(fn-1)) > 1e-9 || math.Abs(res.NumDF-2) > 1e-9 || res.Nu != n-1 {
		t.Errorf("%+v, want X² %v, δ̄ %v", res, x2, fn/(fn-1))
	}
}

func TestRaoScottErrors(t *testing.T) {
	if _, err := NewDesignTable(1, 3, LonelyFail); !errors.Is(err, ErrDesign) {
		t.Errorf("1×3: %v", err)
	}
	tab, _ := NewDesignTable(2, 2, LonelyFail)
	if err := tab.Add(DesignRow{Weight: 1}, 2, 0); !errors.Is(err, ErrDesign) {
		t.Errorf("cell out of range: %v", err)
	}
	if _, err := tab.RaoScott(); !errors.Is(err, ErrEmptyDomain) {
		t.Errorf("empty: %v", err)
	}
	// Only one column used.
	for i := 0; i < 4; i++ {
		_ = tab.Add(DesignRow{Weight: 1}, i%2, 0)
	}
	if _, err := tab.RaoScott(); !errors.Is(err, ErrDegenerate) {
		t.Errorf("one column: %v", err)
	}
}

func ExampleDesignTable() {
	// Respondents in four clusters; rows: sex, columns: answer yes/no.
	type resp struct {
		psu       string
		sex, answ int
	}
	data := []resp{
		{"a", 0, 0}, {"a", 0, 1}, {"a", 1, 1}, {"b", 0, 0}, {"b", 1, 1}, {"b", 1, 0},
		{"c", 0, 0}, {"c", 1, 1}, {"c", 0, 0}, {"d", 1, 1}, {"d", 1, 1}, {"d", 0, 1},
	}
	tab, _ := NewDesignTable(2, 2, LonelyFail)
	for _, r := range data {
		if err := tab.Add(DesignRow{PSU: r.psu, Weight: 1}, r.sex, r.answ); err != nil {
			fmt.Println(err)
			return
		}
	}
	res, err := tab.RaoScott()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("X² %.4f, F %.3f on %.2f and %.2f df, p %.5f\n", res.Pearson, res.F, res.NumDF, res.DenDF, res.PF)
	fmt.Printf("first order: p %.4f\n", res.PChisq)
	// R: svychisq(~sex + answ, svydesign(id = ~psu, weights = ~1, data))
	// Output:
	// X² 3.0857, F 5.606 on 1.00 and 3.00 df, p 0.09871
	// first order: p 0.0179
}

// levelIndex numbers the values of column v in order of first appearance.
func levelIndex(data []map[string]string, v string) map[string]int {
	m := map[string]int{}
	for _, d := range data {
		if _, ok := m[d[v]]; !ok {
			m[d[v]] = len(m)
		}
	}
	return m
}

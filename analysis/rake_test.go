package analysis

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

// rakeInputR builds Rake's input for generate.R's raking example ex
// ("two" or "three" margins) on apiclus1.
func rakeInputR(t *testing.T, ex string) ([]float64, [][]int, [][]float64) {
	t.Helper()
	data := designCSV(t, "apiclus1.csv")
	column := map[string]string{"stype": "stype", "sch.wide": "sch.wide", "awards": "awards"}
	var names []string
	cats := map[string]map[string]int{}
	var margins [][]float64
	for _, r := range designCSV(t, "rake_margins.csv") {
		if r["example"] != ex {
			continue
		}
		v := r["variable"]
		if cats[v] == nil {
			cats[v] = map[string]int{}
			names = append(names, v)
			margins = append(margins, nil)
		}
		j := len(names) - 1
		cats[v][r["category"]] = len(margins[j])
		margins[j] = append(margins[j], designNum(t, r["total"]))
	}
	w := make([]float64, len(data))
	vars := make([][]int, len(names))
	for j := range vars {
		vars[j] = make([]int, len(data))
	}
	for i, d := range data {
		w[i] = designNum(t, d["pw"])
		for j, v := range names {
			c, ok := cats[v][d[column[v]]]
			if !ok {
				t.Fatalf("row %d: %s = %q not in the margins", i, v, d[column[v]])
			}
			vars[j][i] = c
		}
	}
	return w, vars, margins
}

func TestRakeR(t *testing.T) {
	weights := designCSV(t, "rake_weights.csv")
	for _, run := range designCSV(t, "rake_runs.csv") {
		w, vars, margins := rakeInputR(t, run["example"])
		opts := RakeOptions{Tol: designNum(t, run["epsilon"]), MaxIter: int(designNum(t, run["maxit"]))}
		got, rep, err := Rake(w, vars, margins, opts)
		conv := run["converged"] == "TRUE"
		if conv != rep.Converged || conv != (err == nil) || (!conv && !errors.Is(err, ErrRakeNotConverged)) {
			t.Errorf("%s: converged %v (%v), R %v", run["run"], rep.Converged, err, conv)
		}
		if got == nil {
			t.Fatalf("%s: no weights", run["run"])
		}
		for i, r := range weights {
			if want := designNum(t, r[run["run"]]); !designClose(got[i], want, 1e-9) {
				t.Errorf("%s: weight %d = %v, R %v", run["run"], i, got[i], want)
				break
			}
		}
		if conv && designNum(t, run["epsilon"]) < 1e-6 && rep.MarginDiff > 1e-6 {
			t.Errorf("%s: margins off by %v", run["run"], rep.MarginDiff)
		}
	}
}

func TestRakeErrors(t *testing.T) {
	w := []float64{1, 1, 1, 1}
	a := []int{0, 0, 1, 1}
	b := []int{0, 1, 0, 1}
	ok := [][]float64{{10, 30}, {15, 25}}
	if _, rep, err := Rake(w, [][]int{a, b}, ok, RakeOptions{Tol: 1e-12, MaxIter: 100}); err != nil || !rep.Converged || rep.MarginDiff > 1e-9 {
		t.Errorf("valid input: %+v %v", rep, err)
	}
	cases := []struct {
		name    string
		w       []float64
		vars    [][]int
		margins [][]float64
		opts    RakeOptions
		want    error
	}{
		{"empty category", w, [][]int{a, b}, [][]float64{{10, 30, 5}, {20, 25}}, RakeOptions{}, ErrRakeEmpty},
		{"totals differ", w, [][]int{a, b}, [][]float64{{10, 30}, {15, 20}}, RakeOptions{}, ErrRakeTotals},
		{"bad category", w, [][]int{{0, 0, 2, 1}, b}, ok, RakeOptions{}, ErrRakeInput},
		{"negative weight", []float64{1, -1, 1, 1}, [][]int{a, b}, ok, RakeOptions{}, ErrRakeInput},
		{"NaN total", w, [][]int{a, b}, [][]float64{{math.NaN(), 30}, {15, 25}}, RakeOptions{}, ErrRakeInput},
		{"length", w, [][]int{a[:3], b}, ok, RakeOptions{}, ErrRakeInput},
		{"no margins", w, nil, nil, RakeOptions{}, ErrRakeInput},
		{"margins vs vars", w, [][]int{a}, ok, RakeOptions{}, ErrRakeInput},
		{"bounds", w, [][]int{a, b}, ok, RakeOptions{Lower: 2, Upper: 3}, ErrRakeInput},
		{"zero weights", []float64{0, 0, 0, 0}, [][]int{a, b}, ok, RakeOptions{}, ErrRakeInput},
	}
	for _, c := range cases {
		if _, _, err := Rake(c.w, c.vars, c.margins, c.opts); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func TestRakeTrim(t *testing.T) {
	// Category 0 of variable a is rare in the sample and needs a large
	// weight; an upper bound of 2 times the mean caps it.
	w := []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	a := []int{0, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	got, rep, err := Rake(w, [][]int{a}, [][]float64{{50, 50}}, RakeOptions{Upper: 2, MaxIter: 5})
	if err != nil {
		t.Fatal(err)
	}
	// Each sweep rakes to a total of 100 (mean 10), then caps at 2·10.
	if rep.Trimmed != 1 || math.Abs(got[0]-20) > 1e-12 {
		t.Errorf("trimmed %d, weight %v, converged %v", rep.Trimmed, got[0], rep.Converged)
	}
}

func ExampleRake() {
	// Four respondents, two margin variables (sex, age group), population
	// totals 60/40 and 30/70.
	w := []float64{1, 1, 1, 1}
	sex := []int{0, 0, 1, 1}
	age := []int{0, 1, 0, 1}
	nw, rep, err := Rake(w, [][]int{sex, age}, [][]float64{{60, 40}, {30, 70}}, RakeOptions{Tol: 1e-10, MaxIter: 50})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.1f converged=%v\n", nw, rep.Converged)
	// Output: [18.0 42.0 12.0 28.0] converged=true
}

package analysis

import (
	"encoding/csv"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// designCSV reads testdata/design/name as a slice of column → value maps.
func designCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "design", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) < 2 {
		t.Fatalf("%s: no rows", name)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// designNum parses a number written by R ("NA" and "NaN" become NaN).
func designNum(t *testing.T, s string) float64 {
	t.Helper()
	if s == "NA" || s == "NaN" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("parse %q: %v", s, err)
	}
	return v
}

// designClose reports whether got and want agree to tol, relative for
// values above 1 in magnitude and absolute below.
func designClose(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// designSpec says how the Go tests build each of generate.R's designs.
type designSpec struct {
	data, stratum, psu, weight, fpc string
}

var designSpecs = map[string]designSpec{
	"clus1":      {data: "apiclus1.csv", psu: "dnum", weight: "w_fpc", fpc: "fpc"},
	"clus1nofpc": {data: "apiclus1.csv", psu: "dnum", weight: "pw"},
	"clus2nofpc": {data: "apiclus2.csv", psu: "dnum", weight: "pw"},
	"strat":      {data: "apistrat.csv", stratum: "stype", weight: "pw", fpc: "fpc"},
	"stratfrac":  {data: "apistrat.csv", stratum: "stype", weight: "pw", fpc: "fpcfrac"},
	"stratnofpc": {data: "apistrat.csv", stratum: "stype", weight: "pw"},
	"wonly":      {data: "apistrat.csv", weight: "pw"},
	// Designs with a stratum of a single PSU (lonely.csv).
	"strat_lonely": {data: "apistrat_lonely.csv", stratum: "stype", weight: "pw"},
	"clus1_lonely": {data: "apiclus1_lonely.csv", stratum: "str", psu: "dnum", weight: "pw"},
}

// designRows converts data rows to DesignRow values under spec.
func designRows(t *testing.T, spec designSpec, data []map[string]string) []DesignRow {
	t.Helper()
	rows := make([]DesignRow, len(data))
	for i, d := range data {
		r := DesignRow{Weight: designNum(t, d[spec.weight])}
		if spec.stratum != "" {
			r.Stratum = d[spec.stratum]
		}
		if spec.psu != "" {
			r.PSU = d[spec.psu]
		}
		if spec.fpc != "" {
			r.FPC = designNum(t, d[spec.fpc])
		}
		rows[i] = r
	}
	return rows
}

// designEstimateR computes the estimate generate.R computed for (design,
// share, domain).
func designEstimateR(t *testing.T, cache map[string][]map[string]string, design, share, domain string) (DesignEstimate, error) {
	t.Helper()
	spec, ok := designSpecs[design]
	if !ok {
		t.Fatalf("unknown design %q", design)
	}
	data, ok := cache[spec.data]
	if !ok {
		data = designCSV(t, spec.data)
		cache[spec.data] = data
	}
	tally := NewDesignTally(LonelyFail)
	for i, r := range designRows(t, spec, data) {
		if err := tally.Add(r, data[i][domain] == "1", data[i][share] == "1"); err != nil {
			return DesignEstimate{}, err
		}
	}
	return tally.Estimate()
}

func TestDesignEstimateR(t *testing.T) {
	cache := map[string][]map[string]string{}
	rows := designCSV(t, "svymean.csv")
	for _, row := range rows {
		name := row["design"] + "/" + row["share"] + "/" + row["domain"]
		e, err := designEstimateR(t, cache, row["design"], row["share"], row["domain"])
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		df, _ := strconv.Atoi(row["df"])
		n, _ := strconv.Atoi(row["n"])
		se, deff, deffR := designNum(t, row["se"]), designNum(t, row["deff"]), designNum(t, row["deff_replace"])
		if se < 1e-15 {
			// R's rounding noise where the variance is 0 (p̂ = 0 or 1, or
			// y constant within strata): its deff is then NaN or huge.
			se, deff, deffR = 0, e.Deff, e.DeffReplace
		}
		if !designClose(e.P, designNum(t, row["p"]), 1e-9) ||
			!designClose(e.SE, se, 1e-9) ||
			!designClose(e.Deff, deff, 1e-8) ||
			!designClose(e.DeffReplace, deffR, 1e-8) ||
			e.DF != df || e.N != n {
			t.Errorf("%s: got p %v se %v deff %v df %d n %d; R %s %s %s %s %s", name,
				e.P, e.SE, e.Deff, e.DF, e.N, row["p"], row["se"], row["deff"], row["df"], row["n"])
			t.Errorf("%s: deff (replace) %v; R %s", name, e.DeffReplace, row["deff_replace"])
		}
	}
}

func TestDesignIntervalR(t *testing.T) {
	cache := map[string][]map[string]string{}
	ests := map[string]DesignEstimate{}
	rows := designCSV(t, "svyciprop.csv")
	checked := 0
	for _, row := range rows {
		key := row["design"] + "/" + row["share"] + "/" + row["domain"]
		e, ok := ests[key]
		if !ok {
			var err error
			e, err = designEstimateR(t, cache, row["design"], row["share"], row["domain"])
			if err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			ests[key] = e
		}
		level := designNum(t, row["level"])
		method := row["method"]
		name := key + "/" + method + "/" + row["level"]
		got, err := DesignInterval(method, e, level, TwoSided)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if e.P == 0 || e.P == 1 {
			// R gives NaN, NA or a degenerate interval here; see
			// TestDesignIntervalEdges for what DesignInterval does.
			continue
		}
		lo, hi := designNum(t, row["lower"]), designNum(t, row["upper"])
		if e.Var == 0 {
			// y constant within strata: R gives [p̂, p̂] for most methods
			// but NaN ("likelihood") or [0.5, 0.5] ("beta": qbeta at an
			// effective n of 10³³); DesignInterval gives [p̂, p̂] throughout.
			if got.Lower != e.P || got.Upper != e.P {
				t.Errorf("%s: zero variance, got %v", name, got)
			}
			if method == "beta" || method == "likelihood" {
				continue
			}
		}
		if method == "asin" {
			// R does not clamp asin(√p̂) − t·SE' at 0: sin² folds a negative
			// limit back to a positive lower bound. DesignInterval gives 0.
			th := math.Asin(math.Sqrt(e.P))
			low := th - designT(level, float64(e.DF))*e.SE/(2*math.Sqrt(e.P*(1-e.P)))
			if low < 0 {
				if got.Lower != 0 || !designClose(math.Pow(math.Sin(low), 2), lo, 1e-6) {
					t.Errorf("%s: folded lower limit: got %v, R %v", name, got.Lower, lo)
				}
				lo = 0
			}
		}
		tol := 1e-6
		switch method {
		case "logit":
			tol = 1e-6 // R fits a glm to its convergence tolerance
		case "likelihood":
			// The reference profiles around svyglm fitted to convergence
			// (see scripts/design/generate.R). glm's convergence test is
			// on the deviance, which is flat at the optimum, so even then
			// R's b̂, and with it every knot of its profile, is off by
			// about 1e-8 relative; the limits move by less than that.
			tol = 1e-8
		case "mean":
			lo, hi = clip01(lo), clip01(hi)
		}
		if !designClose(got.Lower, lo, tol) || !designClose(got.Upper, hi, tol) {
			t.Errorf("%s: got [%.10g, %.10g], R [%.10g, %.10g]", name, got.Lower, got.Upper, lo, hi)
		}
		checked++
	}
	if checked < 1000 {
		t.Errorf("only %d intervals compared with R", checked)
	}
}

// TestDesignStatisticsMD checks the values quoted in
// shared/context/statistics.md.
func TestDesignStatisticsMD(t *testing.T) {
	e, err := designEstimateR(t, map[string][]map[string]string{}, "clus1", "y_ell0", "d_all")
	if err != nil {
		t.Fatal(err)
	}
	r4 := func(v float64) float64 { return math.Round(v*1e4) / 1e4 }
	if math.Abs(e.P-.02185792) > 5e-9 || math.Abs(e.SE-.022622) > 5e-7 || r4(e.Deff) != 4.4446 || e.DF != 14 {
		t.Errorf("ell == 0: p %v se %v deff %v df %d", e.P, e.SE, e.Deff, e.DF)
	}
	for _, c := range []struct {
		method string
		lo, hi float64
	}{{"logit", .0023047, .1777478}, {"beta", .0002161, .1375078}} {
		iv, err := DesignInterval(c.method, e, 0.95, TwoSided)
		if err != nil || math.Abs(iv.Lower-c.lo) > 5e-8 || math.Abs(iv.Upper-c.hi) > 5e-8 {
			t.Errorf("%s: %v %v, want %v–%v", c.method, iv, err, c.lo, c.hi)
		}
	}
}

func designTallyOf(t *testing.T, rows []DesignRow, dom, y []bool, lonely LonelyPSU) (DesignEstimate, error) {
	t.Helper()
	tally := NewDesignTally(lonely)
	for i, r := range rows {
		if err := tally.Add(r, dom == nil || dom[i], y[i]); err != nil {
			return DesignEstimate{}, err
		}
	}
	return tally.Estimate()
}

func TestDesignKish(t *testing.T) {
	w := []float64{1, 1, 2, 4}
	rows := make([]DesignRow, len(w))
	for i := range w {
		rows[i] = DesignRow{Weight: w[i]}
	}
	e, err := designTallyOf(t, rows, nil, []bool{true, false, true, false}, LonelyFail)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(e.KishDeff-1.375) > 1e-12 || math.Round(e.NEff*1e6)/1e6 != 2.909091 {
		t.Errorf("Kish deff %v n_eff %v, want 1.375 and 2.909091", e.KishDeff, e.NEff)
	}
}

// TestDesignEqualWeights checks that with equal weights and no clusters
// the design-based SE is the SRS one with n − 1 (R: 81/263 → 0.02852146)
// and the design effects are 1.
func TestDesignEqualWeights(t *testing.T) {
	const n, x = 263, 81
	rows := make([]DesignRow, n)
	y := make([]bool, n)
	for i := range rows {
		rows[i] = DesignRow{Weight: 3}
		y[i] = i < x
	}
	e, err := designTallyOf(t, rows, nil, y, LonelyFail)
	if err != nil {
		t.Fatal(err)
	}
	p := float64(x) / n
	if math.Abs(e.SE-0.02852146) > 5e-9 || math.Abs(e.SE-math.Sqrt(p*(1-p)/(n-1))) > 1e-15 {
		t.Errorf("SE %v, want 0.02852146", e.SE)
	}
	if math.Abs(e.KishDeff-1) > 1e-12 || math.Abs(e.NEff-n) > 1e-9 || math.Abs(e.DeffReplace-1) > 1e-12 || e.DF != n-1 {
		t.Errorf("kish %v n_eff %v deff(replace) %v df %d", e.KishDeff, e.NEff, e.DeffReplace, e.DF)
	}
	// Weight 3 per respondent: population 789, so R's deff = 1/(1 − n/N).
	if want := 1 / (1 - float64(n)/(3*n)); math.Abs(e.Deff-want) > 1e-12 {
		t.Errorf("deff %v, want %v", e.Deff, want)
	}
	// The same data as one-respondent clusters give the same answer.
	for i := range rows {
		rows[i].PSU = strconv.Itoa(i)
	}
	c, err := designTallyOf(t, rows, nil, y, LonelyFail)
	if err != nil || math.Abs(c.SE-e.SE) > 1e-15 || c.DF != e.DF {
		t.Errorf("clustered: %+v %v", c, err)
	}
}

func TestDesignErrors(t *testing.T) {
	y := []bool{true, false, true, false}
	lonely := []DesignRow{{Stratum: "a", PSU: "1", Weight: 1}, {Stratum: "a", PSU: "2", Weight: 1}, {Stratum: "b", PSU: "3", Weight: 1}, {Stratum: "b", PSU: "3", Weight: 2}}
	if _, err := designTallyOf(t, lonely, nil, y, LonelyFail); !errors.Is(err, ErrLonelyPSU) {
		t.Errorf("single PSU: %v, want ErrLonelyPSU", err)
	}
	if e, err := designTallyOf(t, lonely, nil, y, LonelyCertainty); err != nil || e.DF != 1 {
		t.Errorf("certainty: %+v %v", e, err)
	}
	// A single PSU sampled from a population of one is a certainty
	// stratum even under "fail", as in R.
	cert := append([]DesignRow(nil), lonely...)
	cert[2].FPC, cert[3].FPC = 1, 1
	cert[0].FPC, cert[1].FPC = 10, 10
	if _, err := designTallyOf(t, cert, nil, y, LonelyFail); err != nil {
		t.Errorf("certainty by fpc: %v", err)
	}
	empty := []DesignRow{{Weight: 1}, {Weight: 1}, {Weight: 1}, {Weight: 1}}
	if _, err := designTallyOf(t, empty, []bool{false, false, false, false}, y, LonelyFail); !errors.Is(err, ErrEmptyDomain) {
		t.Errorf("empty domain: %v", err)
	}
	zero := []DesignRow{{Weight: 0}, {Weight: 0}, {Weight: 1}, {Weight: 1}}
	if _, err := designTallyOf(t, zero, []bool{true, true, false, false}, y, LonelyFail); !errors.Is(err, ErrEmptyDomain) {
		t.Errorf("zero weights: %v", err)
	}
	for _, bad := range []DesignRow{{Weight: -1}, {Weight: math.NaN()}, {Weight: math.Inf(1)}, {Weight: 1, FPC: -2}} {
		if _, err := designTallyOf(t, []DesignRow{bad}, nil, []bool{true}, LonelyFail); !errors.Is(err, ErrDesign) {
			t.Errorf("%+v: %v, want ErrDesign", bad, err)
		}
	}
	vary := []DesignRow{{Weight: 1, FPC: 10}, {Weight: 1, FPC: 11}}
	if _, err := designTallyOf(t, vary, nil, y[:2], LonelyFail); !errors.Is(err, ErrDesign) {
		t.Errorf("fpc varies: %v", err)
	}
	mixed := []DesignRow{{Weight: 1, FPC: 10, Stratum: "a"}, {Weight: 1, FPC: 10, Stratum: "a"}, {Weight: 1, FPC: 0.5, Stratum: "b"}, {Weight: 1, FPC: 0.5, Stratum: "b"}}
	if _, err := designTallyOf(t, mixed, nil, y, LonelyFail); !errors.Is(err, ErrDesign) {
		t.Errorf("fpc sizes and fractions mixed: %v", err)
	}
	small := []DesignRow{{Weight: 1, FPC: 1}, {Weight: 1, FPC: 1}, {Weight: 1, FPC: 1}}
	if _, err := designTallyOf(t, small, nil, y[:3], LonelyFail); !errors.Is(err, ErrDesign) {
		t.Errorf("population smaller than sample: %v", err)
	}
	psuMix := []DesignRow{{Weight: 1, PSU: "a"}, {Weight: 1}}
	if _, err := designTallyOf(t, psuMix, nil, y[:2], LonelyFail); !errors.Is(err, ErrDesign) {
		t.Errorf("PSU and no PSU in one stratum: %v", err)
	}
	if _, err := ParseLonelyPSU("average"); !errors.Is(err, ErrDesign) {
		t.Errorf("ParseLonelyPSU(average): %v", err)
	}
}

// TestDesignLonelyAdjust checks the "adjust" rule against its definition:
// the lonely PSU's influence total, not centred, enters the variance.
func TestDesignLonelyAdjust(t *testing.T) {
	rows := []DesignRow{{Stratum: "a", PSU: "1", Weight: 1}, {Stratum: "a", PSU: "2", Weight: 2}, {Stratum: "b", PSU: "3", Weight: 3}}
	y := []bool{true, false, false}
	adj, err := designTallyOf(t, rows, nil, y, LonelyAdjust)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := designTallyOf(t, rows, nil, y, LonelyCertainty)
	if err != nil {
		t.Fatal(err)
	}
	W := 6.0
	p := 1 / W
	zb := (0 - p*3) / W // stratum b's PSU total
	if math.Abs(adj.Var-cert.Var-zb*zb) > 1e-15 {
		t.Errorf("adjust var %v, certainty var %v, want difference %v", adj.Var, cert.Var, zb*zb)
	}
}

func TestDesignIntervalEdges(t *testing.T) {
	// p̂ = 0 and p̂ = 1 in a cluster sample: finite intervals for every
	// method, the Korn–Graubard limit at the Kish effective n.
	rows := []DesignRow{{PSU: "1", Weight: 1}, {PSU: "1", Weight: 2}, {PSU: "2", Weight: 1}, {PSU: "3", Weight: 4}}
	for _, all := range []bool{false, true} {
		y := []bool{all, all, all, all}
		e, err := designTallyOf(t, rows, nil, y, LonelyFail)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range DesignMethodNames() {
			iv, err := DesignInterval(m, e, 0.95, TwoSided)
			if err != nil {
				t.Fatalf("%s: %v", m, err)
			}
			ns := e.NEff * designDFRatio(0.95, e.N, e.DF)
			b := math.Pow(0.025, 1/ns)
			want := Interval{Lower: 0, Upper: 1 - b}
			if all {
				want = Interval{Lower: b, Upper: 1}
			}
			if math.Abs(iv.Lower-want.Lower) > 1e-15 || math.Abs(iv.Upper-want.Upper) > 1e-15 || iv.Upper <= iv.Lower {
				t.Errorf("p̂ = %v, %s: %v, want %v", e.P, m, iv, want)
			}
		}
	}
	// df = 0: a single PSU.
	e, err := designTallyOf(t, []DesignRow{{PSU: "1", Weight: 1}, {PSU: "1", Weight: 1}}, nil, []bool{true, false}, LonelyCertainty)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DesignInterval("logit", e, 0.95, TwoSided); !errors.Is(err, ErrDesignDF) {
		t.Errorf("df 0: %v", err)
	}
	good := DesignEstimate{P: 0.3, Var: 0.001, SE: math.Sqrt(0.001), DF: 10, N: 50, NObs: 50, NEff: 40}
	if _, err := DesignInterval("wald", good, 0.95, TwoSided); !errors.Is(err, ErrMethod) {
		t.Errorf("unknown method: %v", err)
	}
	for _, lv := range []float64{0, 1, math.NaN(), -1} {
		if _, err := DesignInterval("logit", good, lv, TwoSided); !errors.Is(err, ErrLevel) {
			t.Errorf("level %v: %v", lv, err)
		}
	}
	if _, err := DesignInterval("logit", good, 0.4, Less); !errors.Is(err, ErrLevel) {
		t.Errorf("one-sided level 0.4: %v", err)
	}
	// Census: zero variance with 0 < p̂ < 1.
	census := good
	census.Var, census.SE = 0, 0
	for _, m := range DesignMethodNames() {
		if iv, err := DesignInterval(m, census, 0.95, TwoSided); err != nil || iv.Lower != 0.3 || iv.Upper != 0.3 {
			t.Errorf("census %s: %v %v", m, iv, err)
		}
	}
	// Huge variance: no NaN, limits inside [0, 1].
	wild := good
	wild.Var, wild.SE, wild.P, wild.DF = 4, 2, 0.001, 1
	for _, m := range DesignMethodNames() {
		iv, err := DesignInterval(m, wild, 0.99, TwoSided)
		if err != nil || math.IsNaN(iv.Lower) || math.IsNaN(iv.Upper) || iv.Lower < 0 || iv.Upper > 1 || iv.Lower > wild.P || iv.Upper < wild.P {
			t.Errorf("wild %s: %v %v", m, iv, err)
		}
	}
}

func TestDesignIntervalOneSided(t *testing.T) {
	e := DesignEstimate{P: 0.2, Var: 0.0009, SE: 0.03, DF: 14, N: 183, NObs: 183, NEff: 150}
	for _, m := range DesignMethodNames() {
		two, err := DesignInterval(m, e, 0.90, TwoSided)
		if err != nil {
			t.Fatal(err)
		}
		less, err1 := DesignInterval(m, e, 0.95, Less)
		greater, err2 := DesignInterval(m, e, 0.95, Greater)
		if err1 != nil || err2 != nil || less.Lower != 0 || math.Abs(less.Upper-two.Upper) > 1e-12 || math.Abs(greater.Lower-two.Lower) > 1e-12 || greater.Upper != 1 {
			t.Errorf("%s: two %v less %v greater %v (%v %v)", m, two, less, greater, err1, err2)
		}
	}
}

func TestDesignRoot(t *testing.T) {
	r, err := designRoot(func(x float64) float64 { return x*x - 2 }, 0, 2)
	if err != nil || math.Abs(r-math.Sqrt2) > 1e-15 {
		t.Errorf("√2: %v %v", r, err)
	}
	r, err = designRoot(func(x float64) float64 { return math.Log(x) + 3 }, 0, 1)
	if err != nil || math.Abs(r-math.Exp(-3)) > 1e-15 {
		t.Errorf("log root: %v %v", r, err)
	}
	if _, err := designRoot(func(x float64) float64 { return x*x + 1 }, -1, 1); !errors.Is(err, ErrDegenerate) {
		t.Errorf("no sign change: %v", err)
	}
	if _, err := designRoot(func(x float64) float64 { return math.NaN() }, -1, 1); !errors.Is(err, ErrDegenerate) {
		t.Errorf("NaN: %v", err)
	}
}

func TestDesignLonelyR(t *testing.T) {
	cache := map[string][]map[string]string{}
	for _, row := range designCSV(t, "lonely.csv") {
		name := row["design"] + "/" + row["rule"] + "/" + row["share"]
		spec := designSpecs[row["design"]]
		data, ok := cache[spec.data]
		if !ok {
			data = designCSV(t, spec.data)
			cache[spec.data] = data
		}
		rule, err := ParseLonelyPSU(row["rule"])
		if err != nil {
			t.Fatal(err)
		}
		tally := NewDesignTally(rule)
		for i, r := range designRows(t, spec, data) {
			if err := tally.Add(r, true, data[i][row["share"]] == "1"); err != nil {
				t.Fatal(err)
			}
		}
		e, err := tally.Estimate()
		if row["se"] == "error" {
			if !errors.Is(err, ErrLonelyPSU) {
				t.Errorf("%s: %v, want ErrLonelyPSU as R", name, err)
			}
			continue
		}
		df, _ := strconv.Atoi(row["df"])
		if err != nil || !designClose(e.P, designNum(t, row["p"]), 1e-9) || !designClose(e.SE, designNum(t, row["se"]), 1e-9) || e.DF != df {
			t.Errorf("%s: %+v %v; R p %s se %s df %s", name, e, err, row["p"], row["se"], row["df"])
		}
	}
}

// TestDesignIntervalRandom runs every method on many small random designs
// (few PSUs, extreme weights, domains) and checks that each interval is
// finite, inside [0, 1] and contains p̂.
func TestDesignIntervalRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 3000; iter++ {
		n := 2 + rng.IntN(30)
		npsu := 2 + rng.IntN(6)
		tally := NewDesignTally(LonelyCertainty)
		pYes := rng.Float64()
		for i := 0; i < n; i++ {
			r := DesignRow{PSU: strconv.Itoa(i % npsu), Weight: math.Exp(3 * rng.NormFloat64())}
			if rng.IntN(3) == 0 {
				r.Stratum = "s"
			}
			if err := tally.Add(r, rng.IntN(4) > 0, rng.Float64() < pYes); err != nil {
				t.Fatal(err)
			}
		}
		e, err := tally.Estimate()
		if err != nil {
			continue // empty domain or mixed PSU ids are fine to refuse
		}
		for _, level := range []float64{0.8, 0.95, 0.999} {
			for _, m := range DesignMethodNames() {
				iv, err := DesignInterval(m, e, level, TwoSided)
				if errors.Is(err, ErrDesignDF) {
					continue
				}
				if err != nil || math.IsNaN(iv.Lower) || math.IsNaN(iv.Upper) || iv.Lower < 0 || iv.Upper > 1 ||
					iv.Lower > e.P+1e-12 || iv.Upper < e.P-1e-12 {
					t.Fatalf("iter %d %s %v: %+v → %v %v", iter, m, level, e, iv, err)
				}
			}
		}
	}
}

// TestDesignCategoriesR checks the multi-category accumulator against R
// for the shares that are categories of a variable (sch.wide "Yes",
// stype "E"), in every design and domain.
func TestDesignCategoriesR(t *testing.T) {
	cache := map[string][]map[string]string{}
	vars := map[string]struct{ column, level string }{
		"y_schwide": {"sch.wide", "Yes"},
		"y_stypeE":  {"stype", "E"},
		"y_awards":  {"awards", "Yes"},
	}
	checked := 0
	for _, row := range designCSV(t, "svymean.csv") {
		v, ok := vars[row["share"]]
		if !ok {
			continue
		}
		spec := designSpecs[row["design"]]
		data, ok := cache[spec.data]
		if !ok {
			data = designCSV(t, spec.data)
			cache[spec.data] = data
		}
		levels := map[string]int{}
		for _, d := range data {
			if _, ok := levels[d[v.column]]; !ok {
				levels[d[v.column]] = len(levels)
			}
		}
		cats, err := NewDesignCategories(len(levels), LonelyFail)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range designRows(t, spec, data) {
			c := levels[data[i][v.column]]
			if data[i][row["domain"]] != "1" {
				c = -1
			}
			if err := cats.Add(r, c); err != nil {
				t.Fatal(err)
			}
		}
		e, err := cats.Estimate(levels[v.level])
		name := row["design"] + "/" + row["share"] + "/" + row["domain"]
		se := designNum(t, row["se"])
		if se < 1e-15 {
			se = 0
		}
		df, _ := strconv.Atoi(row["df"])
		if err != nil || !designClose(e.P, designNum(t, row["p"]), 1e-9) || !designClose(e.SE, se, 1e-9) || e.DF != df {
			t.Errorf("%s: %+v %v; R p %s se %s df %s", name, e, err, row["p"], row["se"], row["df"])
		}
		checked++
	}
	if checked < 50 {
		t.Errorf("only %d estimates compared", checked)
	}
	c, _ := NewDesignCategories(2, LonelyFail)
	if err := c.Add(DesignRow{Weight: 1}, 2); !errors.Is(err, ErrDesign) {
		t.Errorf("category out of range: %v", err)
	}
	if _, err := c.Estimate(0); !errors.Is(err, ErrEmptyDomain) {
		t.Errorf("empty: %v", err)
	}
	if _, err := c.Estimate(5); !errors.Is(err, ErrDesign) {
		t.Errorf("bad category: %v", err)
	}
	if _, err := NewDesignCategories(0, LonelyFail); !errors.Is(err, ErrDesign) {
		t.Errorf("no categories: %v", err)
	}
}

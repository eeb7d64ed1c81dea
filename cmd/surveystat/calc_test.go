package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
)

func TestCalculatorsJSON(t *testing.T) {
	tests := []struct {
		args []string
		want map[string]any // numbers checked to 1e-4 (published 4-dp values)
	}{
		{[]string{"ci", "--json", "81", "263"}, map[string]any{"lower": .2553, "upper": .3662, "method": "wilson", "level": .95, "alternative": "two-sided", "x": 81.0, "n": 263.0}},
		{[]string{"ci", "--json", "--method", "clopper-pearson", "0", "20"}, map[string]any{"lower": 0.0, "upper": .1684}},
		{[]string{"ci", "--json", "--method", "jeffreys", "1", "29"}, map[string]any{"lower": .0037, "upper": .1501}},
		{[]string{"ci", "--json", "--alternative", "less", "--method", "clopper-pearson", "51", "235"}, map[string]any{"lower": 0.0, "upper": .2659, "alternative": "less"}},
		{[]string{"diff", "--json", "56", "70", "48", "80"}, map[string]any{"estimate": 0.2, "lower": .0524, "upper": .3339, "method": "newcombe"}},
		{[]string{"diff", "--json", "10", "10", "0", "20"}, map[string]any{"lower": .6791, "upper": 1.0}},
		{[]string{"multinomial", "--json", "56", "72", "73", "59", "62", "87", "58"}, map[string]any{"method": "sison-glaz"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var got map[string]any
			if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
				t.Fatalf("not one JSON object: %q", stdout.String())
			}
			for k, w := range tt.want {
				switch w := w.(type) {
				case float64:
					g, ok := got[k].(float64)
					if !ok || math.Abs(g-w) > 1e-4 {
						t.Errorf("%s = %v, want %v", k, got[k], w)
					}
				default:
					if got[k] != w {
						t.Errorf("%s = %v, want %v", k, got[k], w)
					}
				}
			}
		})
	}
}

func TestMultinomialJSONShape(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"multinomial", "--json", "--method", "goodman", "56", "72", "73", "59", "62", "87", "58"}, &stdout, &stderr); code != 0 {
		t.Fatal(stderr.String())
	}
	var got struct {
		Estimates, Lower, Upper []float64
		Method                  string
		Level                   float64
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Estimates) != 7 || len(got.Lower) != 7 || len(got.Upper) != 7 || got.Method != "goodman" || got.Level != 0.95 {
		t.Fatalf("%+v", got)
	}
	// Sison & Glaz (1995), Goodman intervals for the first category, 3 dp.
	if math.Abs(got.Lower[0]-.085) > 5e-4 || math.Abs(got.Upper[0]-.166) > 5e-4 {
		t.Errorf("first category %v–%v, want .085–.166", got.Lower[0], got.Upper[0])
	}
}

func TestCalculatorErrors(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"ci", "5", "3"}, "count must be between 0 and the base"},
		{[]string{"ci", "0", "0"}, "base is empty"},
		{[]string{"ci", "--level", "1.5", "1", "2"}, "strictly between 0 and 1"},
		{[]string{"ci", "--level", "0", "1", "2"}, "strictly between 0 and 1"},
		{[]string{"ci", "--method", "bogus", "1", "2"}, `interval method "bogus"`},
		{[]string{"ci", "--alternative", "up", "1", "2"}, `unknown alternative "up"`},
		{[]string{"ci", "x", "2"}, `X "x": want a non-negative number`},
		{[]string{"ci", "1"}, "want X N"},
		{[]string{"ci", "0.18", "1009"}, `a count must be a whole number of respondents (a share of 0.18 is 18%: write "18%")`},
		{[]string{"ci", "18", "1009.5"}, "the base must be a whole number"},
		{[]string{"ci", "18%", "0"}, "base is empty"},
		{[]string{"ci", "abc%", "10"}, `percentage "abc%"`},
		{[]string{"ci", "120%", "10"}, "at most 100%"},
		{[]string{"ci", "16.0%", "10"}, "no whole count of 10 respondents rounds to 16.0%"},
		{[]string{"ci", "--deff", "0", "1", "10"}, "--deff 0"},
		{[]string{"diff", "1", "0", "1", "2"}, "base is empty"},
		{[]string{"diff", "--method", "bogus", "1", "2", "1", "2"}, `--method "bogus"`},
		{[]string{"diff", "1", "2", "3"}, "want four numbers"},
		{[]string{"diff", "--paired-method", "tango", "5", "10", "3", "10"}, "--paired-method tango applies to --method paired only"},
		{[]string{"diff", "--method", "newcombe", "--paired-method", "newcombe", "5", "10", "3", "10"}, "--paired-method newcombe applies to --method paired only"},
		{[]string{"multinomial", "5"}, "at least two categories"},
		{[]string{"multinomial", "0", "0"}, ""},
		{[]string{"multinomial", "--method", "qh", "1", "2"}, `"qh"`},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", tt.args, code, stderr.String())
		}
		if !strings.Contains(stderr.String(), tt.msg) || !strings.Contains(stderr.String(), "usage: surveystat") {
			t.Errorf("%v: stderr %q lacks %q and the usage line", tt.args, stderr.String(), tt.msg)
		}
	}
}

func TestCalculatorText(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"ci", "280", "700"}, &stdout, &stderr); code != 0 {
		t.Fatal(stderr.String())
	}
	if got := stdout.String(); got != "280/700 = 40.0%; 95% two-sided interval (Wilson score): 36.4%–43.7%\n" {
		t.Errorf("got %q", got)
	}
}

func TestLevelAndRangeText(t *testing.T) {
	tests := []struct{ got, want string }{
		{levelPct(0.95), "95%"},
		{levelPct(0.9), "90%"},
		{levelPct(0.975), "97.5%"},
		{levelPct(0.99999), "99.999%"},
		{levelPct(0.05), "5%"},
		{levelPct(0.001), "0.1%"},
		{pctRange(0.364, 0.437), "36.4%–43.7%"},
		{pctRange(0.12951, 0.13042), "12.95%–13.04%"},
		{pctRange(0, 0), "0.0%–0.0%"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"ci", "--level", "0.99999", "280", "700"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "99.999% two-sided interval (Wilson score)") {
		t.Errorf("ci --level 0.99999 printed %q", stdout.String())
	}
}

// TestCalculatorPercent: a percentage as people read it is turned into the
// nearest whole count, with the counts that round to it; the interval is
// that of the count.
func TestCalculatorPercent(t *testing.T) {
	for _, tt := range []struct {
		args            []string
		x, n, lo, hi    float64
		deff            float64
		text, firstLine string
	}{
		{[]string{"18%", "1009"}, 182, 1009, 177, 186, 1, "", "18% of 1009: using 182/1009 (counts that round to 18%: 177–186)"},
		{[]string{"17.5%", "1000"}, 175, 1000, 175, 175, 1, "", "17.5% of 1000: using 175/1000 (counts that round to 17.5%: only 175)"},
		{[]string{"26%", "861"}, 224, 861, 220, 228, 1, "", ""},
		{[]string{"--deff", "1.5", "18%", "1009"}, 182, 1009, 177, 186, 1.5, "(computed on the effective sample size 1009/1.5 = 672.7)", ""},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"ci", "--json"}, tt.args...), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, stderr.String())
		}
		var got struct {
			X, N, Lower, Upper, Deff float64
			CountMin                 float64 `json:"count_min"`
			CountMax                 float64 `json:"count_max"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		want, err := analysis.EffectiveInterval("wilson", tt.x, tt.n, tt.deff, 0.95, analysis.TwoSided)
		if err != nil {
			t.Fatal(err)
		}
		if got.X != tt.x || got.N != tt.n || got.CountMin != tt.lo || got.CountMax != tt.hi || got.Lower != want.Lower || got.Upper != want.Upper {
			t.Errorf("%v: got %+v, want %v of %v (%v–%v), interval %v", tt.args, got, tt.x, tt.n, tt.lo, tt.hi, want)
		}
		stdout.Reset()
		if code := run(append([]string{"ci"}, tt.args...), &stdout, &stderr); code != 0 {
			t.Fatal(stderr.String())
		}
		lines := strings.Split(stdout.String(), "\n")
		if tt.firstLine != "" && lines[0] != tt.firstLine {
			t.Errorf("%v: first line %q, want %q", tt.args, lines[0], tt.firstLine)
		}
		if tt.text != "" && !strings.Contains(stdout.String(), tt.text) {
			t.Errorf("%v: %q lacks %q", tt.args, stdout.String(), tt.text)
		}
	}
}

// TestCalculatorTextNumbers: counts and bases print as whole numbers
// (never 1e+08), differences in signed percentage points without a
// negative zero, and every interval with as many decimals as it takes for
// its limits to differ.
func TestCalculatorTextNumbers(t *testing.T) {
	tests := []struct {
		args []string
		want []string // lines of stdout
	}{
		{[]string{"ci", "1", "100000000"}, []string{"1/100000000 = 0.00000%; 95% two-sided interval (Wilson score): 0.00000%–0.00001%"}},
		{[]string{"ci", "3750000", "7500000"}, []string{"3750000/7500000 = 50.00%; 95% two-sided interval (Wilson score): 49.96%–50.04%"}},
		{[]string{"ci", "--deff", "2", "3750000", "7500000"}, []string{"3750000/7500000 = 50.0%; 95% two-sided interval (Wilson score): 49.9%–50.1% (computed on the effective sample size 7500000/2 = 3750000.0)"}},
		{[]string{"diff", "5", "10", "5", "10"}, []string{"difference 0.0 percentage points; 95% newcombe interval -37.3 to +37.3 percentage points"}},
		{[]string{"diff", "3", "10", "5", "10"}, []string{"difference -20.0 percentage points; 95% newcombe interval -52.6 to +20.2 percentage points"}},
		{[]string{"diff", "100000000", "100000000", "100000000", "100000000"}, []string{"difference 0.000000 percentage points; 95% newcombe interval -0.000004 to +0.000004 percentage points"}},
		{[]string{"diff", "100000000", "100000000", "99999999", "100000000"}, []string{"difference 0.00000 percentage points; 95% newcombe interval 0.00000 to +0.00001 percentage points"}},
		{[]string{"diff", "--method", "paired", "--paired-method", "tango", "5", "10", "3", "10"}, []string{"difference +25.0 percentage points; 95% paired-tango interval -0.3 to +47.3 percentage points"}},
		{[]string{"multinomial", "4950000", "2550000", "0"}, []string{
			"95% simultaneous sison-glaz intervals, n = 7500000:",
			"  1: 4950000 = 66.00%  [65.97%, 66.03%]",
			"  2: 2550000 = 34.00%  [33.97%, 34.03%]",
			"  3: 0 = 0.00%  [0.00%, 0.03%]"}},
		{[]string{"multinomial", "--method", "sison-glaz", "0", "0", "5"}, []string{
			"note: " + analysis.SisonGlazFallback,
			"95% simultaneous goodman intervals, n = 5:",
			"  1: 0 = 0.0%  [0.0%, 53.4%]",
			"  2: 0 = 0.0%  [0.0%, 53.4%]",
			"  3: 5 = 100.0%  [46.6%, 100.0%]"}},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, stderr.String())
		}
		if got, want := stdout.String(), strings.Join(tt.want, "\n")+"\n"; got != want {
			t.Errorf("%v:\n got %q\nwant %q", tt.args, got, want)
		}
	}
}

// TestMultinomialFallbackJSON: where Sison–Glaz falls back to Goodman the
// JSON names the method used, the one asked for and why.
func TestMultinomialFallbackJSON(t *testing.T) {
	for _, tt := range []struct {
		args               []string
		method, asked, why string
	}{
		{[]string{"0", "0", "5"}, "goodman", "sison-glaz", analysis.SisonGlazFallback},
		{[]string{"--method", "sison-glaz", "1", "0", "0"}, "goodman", "sison-glaz", analysis.SisonGlazFallback},
		{[]string{"0", "5"}, "goodman", "sison-glaz", analysis.SisonGlazFallback},
		{[]string{"10", "0", "0"}, "goodman", "sison-glaz", analysis.SisonGlazFallback},
		{[]string{"10", "0", "1"}, "sison-glaz", "", ""},
		{[]string{"--method", "goodman", "10", "0", "0"}, "goodman", "", ""},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"multinomial", "--json"}, tt.args...), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, stderr.String())
		}
		var got struct {
			Method, Fallback string
			Asked            string `json:"requested_method"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if got.Method != tt.method || got.Asked != tt.asked || got.Fallback != tt.why {
			t.Errorf("%v: got %+v, want method %q, requested %q, fallback %q", tt.args, got, tt.method, tt.asked, tt.why)
		}
	}
}

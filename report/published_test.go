package report

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var bitkomStudies = []string{"bitkom-de-2018", "bitkom-de-2020"}

// TestBitkomGoldens: the two shipped studies reconstructed from published
// figures, their results, claims and reports against golden files.
func TestBitkomGoldens(t *testing.T) {
	for _, id := range bitkomStudies {
		t.Run(id, func(t *testing.T) {
			dir, err := Generate(filepath.Join("..", "data", id, "study.yaml"), Options{Out: t.TempDir(), PDF: "off"})
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"results.csv", "claims.csv", "report.md", "report.de.md", "report.nl.md"} {
				got, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				got = normOut(got, dir)
				golden := filepath.Join("testdata", id+"."+name+".golden")
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./report -run Bitkom -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s; if the change is intended, run go test ./report -run Bitkom -update and review the diff", name, golden)
				}
			}
		})
	}
}

// TestPublishedTable: a study built from a published table with a design
// effect, an assumed base and a claim that holds at the point count but
// not over the rounding range.
func TestPublishedTable(t *testing.T) {
	dir, err := Generate(filepath.Join("testdata", "published", "study.yaml"), Options{Out: t.TempDir(), PDF: "off"})
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, filepath.Join(dir, "results.csv"))
	want := map[string][]string{ // question=category: count, count_min, count_max, n_assumed, deff, n_eff
		"support=yes":       {"560", "555", "564", "true", "5", "200"},
		"support=no":        {"300", "295", "304", "true", "5", "200"},
		"support=dont_know": {"140", "135", "144", "true", "5", "200"},
		"heard=yes":         {"530", "525", "534", "false", "1", "1000"},
		"heard=other":       {"470", "466", "475", "false", "1", "1000"},
	}
	for _, r := range rows {
		key := r["question"] + "=" + r["category"]
		w, ok := want[key]
		if !ok {
			t.Errorf("unexpected row %s", key)
			continue
		}
		got := []string{r["count"], r["count_min"], r["count_max"], r["n_assumed"], r["deff"], r["n_eff"]}
		if strings.Join(got, ",") != strings.Join(w, ",") {
			t.Errorf("%s: count, range, n_assumed, deff, n_eff = %v, want %v", key, got, w)
		}
		delete(want, key)
	}
	if len(want) > 0 {
		t.Errorf("rows missing: %v", want)
	}
	claims := readCSV(t, filepath.Join(dir, "claims.csv"))
	for _, c := range claims {
		// Both claims hold at the point count (56% of n_eff 200, 53% of
		// 1,000) and fail at the low end of the rounding range.
		if c["supported"] != "false" || c["supported_counts"] == "0" || c["supported_counts"] == c["compatible_counts"] {
			t.Errorf("claim %s: supported %s at %s of %s counts; want a verdict that flips within the range", c["claim"], c["supported"], c["supported_counts"], c["compatible_counts"])
		}
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"1,000 (assumed)",
		"For Supports the plan the intervals and tests use the effective sample size",
		"for Heard of the plan no design effect was published, so they assume simple random sampling",
		"supported at only",
		"| 555–564 |",
		"No respondent rows were read",
		"| Published interval |",
		"| ±3.1 points |",
		"| 52–56% |",
	} {
		if !bytes.Contains(md, []byte(s)) {
			t.Errorf("report.md lacks %q", s)
		}
	}
	alt, err := os.ReadFile(filepath.Join(dir, "figures", "en", "support.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(alt, []byte("Base: 1,000 (assumed) adults")) {
		t.Errorf("chart alt text does not say the base is assumed: %s", alt)
	}
	if bytes.Contains(md, []byte("respondent file")) {
		t.Error("report.md speaks of a respondent file for a published table")
	}
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
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

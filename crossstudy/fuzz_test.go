package crossstudy

import (
	"os"
	"strings"
	"testing"
)

// FuzzParse: any bytes give a comparison file or an error naming the
// file, never a panic.
func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/comparison.yaml", "testdata/three.yaml", "testdata/weighted-pair.yaml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("id: x\nstudies: [{file: a}, {file: b}]\nitems: [{id: i, item: q=c, in: {a: q=d}}]\ncharts: [{id: c, kind: dumbbell, items: [i]}]\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse(strings.NewReader(src), "c.yaml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "c.yaml: ") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		if len(c.Studies) < 2 || len(c.Items) == 0 || !idPattern.MatchString(c.ID) {
			t.Errorf("accepted %+v", c)
		}
		for i := range c.Charts {
			_ = c.ChartItems(&c.Charts[i])
		}
	})
}

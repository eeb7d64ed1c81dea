package crossstudy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/surveystat/surveystat/survey"
)

// File is a parsed comparison file. See docs/comparisons.md.
type File struct {
	ID    string      `yaml:"id"`
	Title survey.Text `yaml:"title"`
	// Level is the confidence level of the differences; default the
	// first study's level.
	Level   float64       `yaml:"level"`
	Studies []StudyRef    `yaml:"studies"`
	Items   []ItemSpec    `yaml:"items"`
	Charts  []ChartSpec   `yaml:"charts"`
	Notes   []survey.Text `yaml:"notes"`

	// Path is the comparison file as given to Load; study files are
	// relative to its directory, Dir.
	Path string `yaml:"-"`
	Dir  string `yaml:"-"`
}

// StudyRef names one survey of the comparison.
type StudyRef struct {
	File string `yaml:"file"` // study file, relative to the comparison file
	// Label names the survey in tables and charts, e.g. "2018" or
	// "Germany"; default the study's id.
	Label survey.Text `yaml:"label"`
}

// ItemSpec is one share compared across the surveys.
type ItemSpec struct {
	ID string `yaml:"id"`
	// Item is question=category, question=net or the id of a derived
	// estimate, the same in every study unless In says otherwise.
	Item string `yaml:"item"`
	// In maps a study id to the item in that study, where the study
	// names it differently.
	In    map[string]string `yaml:"in"`
	Label survey.Text       `yaml:"label"` // default the first study's label of the item
}

// ChartSpec asks for one chart of the comparison.
type ChartSpec struct {
	ID       string      `yaml:"id"`    // file name stem
	Kind     string      `yaml:"kind"`  // trend or dumbbell
	Items    []string    `yaml:"items"` // item ids; default every item
	Title    survey.Text `yaml:"title"`
	Subtitle survey.Text `yaml:"subtitle"`
	// FreeAxis lets the share axis start near the lowest interval
	// instead of at 0.
	FreeAxis bool `yaml:"free_axis"`
}

// MaxFileSize is the largest comparison file Load reads.
const MaxFileSize = 1 << 20

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// Load reads and checks the comparison file at path: a regular file of at
// most MaxFileSize bytes. Study files are not read yet (Run reads them).
func Load(path string) (*File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("comparison file: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("comparison file %s: not a regular file", path)
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("comparison file %s: %d bytes, more than the limit of %d", path, st.Size(), MaxFileSize)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("comparison file: %w", err)
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("comparison file %s: %w", path, err)
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("comparison file %s: more than the limit of %d bytes", path, MaxFileSize)
	}
	f, err := Parse(bytes.NewReader(b), path)
	if err != nil {
		return nil, err
	}
	f.Dir = filepath.Dir(path)
	return f, nil
}

var yamlField = regexp.MustCompile(`field (\S+) not found in type crossstudy\.(\w+)`)

// Parse reads and checks a comparison file from r; name is used in errors.
func Parse(r io.Reader, name string) (*File, error) {
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	var f File
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: comparison file is empty", name)
		}
		msg := yamlField.ReplaceAllString(err.Error(), "unknown key $1")
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(msg, "yaml: "))
	}
	f.Path = name
	if err := f.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &f, nil
}

func (f *File) validate() error {
	if !idPattern.MatchString(f.ID) {
		return fmt.Errorf("id %q: want lower-case letters, digits, '-' and '_'", f.ID)
	}
	if f.Level != 0 && !(f.Level > 0 && f.Level < 1) {
		return fmt.Errorf("level %v: want a number strictly between 0 and 1", f.Level)
	}
	if len(f.Studies) < 2 {
		return fmt.Errorf("studies: %d named, want two or more study files in survey order", len(f.Studies))
	}
	files := map[string]bool{}
	for i, s := range f.Studies {
		if strings.TrimSpace(s.File) == "" {
			return fmt.Errorf("studies[%d].file: missing (a study file, relative to the comparison file)", i)
		}
		if files[filepath.Clean(s.File)] {
			return fmt.Errorf("studies[%d].file %q: named twice", i, s.File)
		}
		files[filepath.Clean(s.File)] = true
	}
	if len(f.Items) == 0 {
		return errors.New("items: none (each item is question=category, question=net or a derived id)")
	}
	ids := map[string]bool{}
	for i, it := range f.Items {
		if !idPattern.MatchString(it.ID) {
			return fmt.Errorf("items[%d].id %q: want lower-case letters, digits, '-' and '_'", i, it.ID)
		}
		if ids[it.ID] {
			return fmt.Errorf("item %q: defined twice", it.ID)
		}
		ids[it.ID] = true
		if strings.TrimSpace(it.Item) == "" {
			return fmt.Errorf("item %q: item missing (question=category, question=net or a derived id)", it.ID)
		}
	}
	charts := map[string]bool{}
	for i, c := range f.Charts {
		if !idPattern.MatchString(c.ID) {
			return fmt.Errorf("charts[%d].id %q: want lower-case letters, digits, '-' and '_'", i, c.ID)
		}
		if charts[c.ID] {
			return fmt.Errorf("chart %q: defined twice", c.ID)
		}
		charts[c.ID] = true
		if c.Kind != "trend" && c.Kind != "dumbbell" {
			return fmt.Errorf("chart %q: kind %q, want trend or dumbbell", c.ID, c.Kind)
		}
		if c.Kind == "dumbbell" && len(f.Studies) > 4 {
			return fmt.Errorf("chart %q: a dumbbell chart shows at most 4 surveys, the comparison has %d (use a trend chart)", c.ID, len(f.Studies))
		}
		for _, id := range c.Items {
			if !ids[id] {
				return fmt.Errorf("chart %q: unknown item %q (the ids under items)", c.ID, id)
			}
		}
		// What package figures can draw, checked here rather than when
		// the chart is drawn.
		if n := len(f.ChartItems(&f.Charts[i])); n > MaxChartItems {
			return fmt.Errorf("chart %q: %d items, at most %d fit on a chart (list fewer under the chart's items)", c.ID, n, MaxChartItems)
		}
		if c.Kind == "trend" && len(f.Studies) > MaxTrendSurveys {
			return fmt.Errorf("chart %q: a trend chart shows at most %d surveys, the comparison has %d", c.ID, MaxTrendSurveys, len(f.Studies))
		}
	}
	return nil
}

// Limits of the charts of a comparison (those package figures draws to).
const (
	MaxChartItems   = 8  // items (lines or rows) on one chart
	MaxTrendSurveys = 12 // surveys on one trend chart
)

// StudyPath returns study i's file resolved against the comparison file's
// directory.
func (f *File) StudyPath(i int) string {
	p := f.Studies[i].File
	if filepath.IsAbs(p) || f.Dir == "" {
		return p
	}
	return filepath.Join(f.Dir, p)
}

// ChartItems returns the item indices a chart shows, in its order.
func (f *File) ChartItems(c *ChartSpec) []int {
	var out []int
	if len(c.Items) == 0 {
		for i := range f.Items {
			out = append(out, i)
		}
		return out
	}
	for _, id := range c.Items {
		for i, it := range f.Items {
			if id == it.ID {
				out = append(out, i)
			}
		}
	}
	return out
}

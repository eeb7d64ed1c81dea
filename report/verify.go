package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// maxManifestBytes limits the manifest.json that Verify reads: a report
// from elsewhere is an input like any other.
const maxManifestBytes = 16 << 20

// Difference is one way a re-run differs from a report on disk.
type Difference struct {
	Path   string // relative to the report directory, or an input path
	Reason string // "input changed", "differs", "missing in re-run", "not in manifest"
}

// Verify re-runs the report in dir from the inputs named in its
// manifest.json and compares every output by SHA-256. It returns the
// differences; none means the report is reproduced byte for byte. Input
// paths in the manifest are relative to the directory surveystat ran in,
// so Verify must run there too (make verify does). A folder of another
// kind than a study report needs VerifyWith.
func Verify(dir string) ([]Difference, error) {
	return VerifyWith(dir, func(m *Manifest, out, pdf string) (string, error) {
		if m.Kind != "" {
			return "", fmt.Errorf("%s is a %s report, not a study report", dir, m.Kind)
		}
		return Generate(m.Inputs[0].Path, Options{Out: out, Langs: m.Langs, PDF: pdf, Paper: m.Paper, Command: m.Command})
	})
}

// Rerun writes the report a manifest describes again, into a folder under
// out, with PDFs "on" or "off", and returns that folder.
type Rerun func(m *Manifest, out, pdf string) (string, error)

// VerifyWith is Verify for any report folder written by WriteFolder,
// re-run by rerun.
func VerifyWith(dir string, rerun Rerun) ([]Difference, error) {
	mp, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	m := *mp
	if len(m.Inputs) == 0 {
		return nil, errors.New("manifest names no inputs")
	}
	var diffs []Difference
	for _, in := range m.Inputs {
		e, err := hashFile(in.Path)
		if errors.Is(err, fs.ErrNotExist) && !filepath.IsAbs(in.Path) {
			return nil, fmt.Errorf("input %s: not found: the input paths in %s are relative to the directory the report was made in; run surveystat verify from that directory%s: %w",
				in.Path, filepath.Join(dir, "manifest.json"), madeIn(dir, &m, in.Path), err)
		}
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", in.Path, err)
		}
		if e.SHA256 != in.SHA256 {
			diffs = append(diffs, Difference{Path: in.Path, Reason: "input changed"})
		}
	}
	// Outputs on disk must be what the manifest says…
	for _, o := range m.Outputs {
		e, err := hashFile(filepath.Join(dir, o.Path))
		if err != nil || e.SHA256 != o.SHA256 {
			diffs = append(diffs, Difference{Path: o.Path, Reason: "file differs from its manifest entry"})
		}
	}
	// …and what a re-run from the inputs writes.
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), ".verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	pdf := "off"
	for _, o := range m.Outputs {
		if !strings.Contains(o.Path, "/") && filepath.Ext(o.Path) == ".pdf" {
			pdf = "on"
		}
	}
	redir, err := rerun(&m, tmp, pdf)
	if err != nil {
		return nil, fmt.Errorf("re-run: %w", err)
	}
	rb, err := os.ReadFile(filepath.Join(redir, "manifest.json"))
	if err != nil {
		return nil, err
	}
	var rm Manifest
	if err := json.Unmarshal(rb, &rm); err != nil {
		return nil, err
	}
	old := map[string]string{}
	for _, o := range m.Outputs {
		old[o.Path] = o.SHA256
	}
	for _, o := range rm.Outputs {
		h, ok := old[o.Path]
		switch {
		case !ok:
			diffs = append(diffs, Difference{Path: o.Path, Reason: "written by the re-run but not in the manifest"})
		case h != o.SHA256:
			diffs = append(diffs, Difference{Path: o.Path, Reason: "re-run writes different bytes"})
		}
		delete(old, o.Path)
	}
	for p := range old {
		diffs = append(diffs, Difference{Path: p, Reason: "not written by the re-run"})
	}
	if rm.Surveystat != m.Surveystat || rm.Go != m.Go {
		diffs = append(diffs, Difference{Path: "manifest.json", Reason: fmt.Sprintf("made by surveystat %s with %s, re-run with %s and %s", m.Surveystat, m.Go, rm.Surveystat, rm.Go)})
	}
	sort.Slice(diffs, func(i, j int) bool { return diffs[i].Path < diffs[j].Path })
	return diffs, nil
}

// madeIn guesses the directory a report was made in from where its
// folder is now: for a report made with a relative --out X, folder dir
// ends in X/<id>, and what precedes it is that directory. It returns
// " (probably D, which holds path)" when path is found there, else "".
// Nothing of it is recorded: the manifest keeps relative paths only.
func madeIn(dir string, m *Manifest, path string) string {
	f := strings.Fields(m.Command)
	i := slices.Index(f, "--out")
	if i < 0 || i+1 >= len(f) || filepath.IsAbs(f[i+1]) || strings.ContainsAny(f[i+1], `'"`) {
		return ""
	}
	d := filepath.Clean(dir)
	tail := filepath.Join(f[i+1], filepath.Base(d))
	if d != tail && !strings.HasSuffix(d, string(filepath.Separator)+tail) {
		return ""
	}
	base := strings.TrimSuffix(strings.TrimSuffix(d, tail), string(filepath.Separator))
	switch {
	case base == "" && filepath.IsAbs(d):
		base = string(filepath.Separator)
	case base == "":
		base = "."
	}
	if _, err := os.Stat(filepath.Join(base, path)); err != nil {
		return ""
	}
	return fmt.Sprintf(" (probably %s, which holds %s)", base, path)
}

package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sort"

	"github.com/surveystat/surveystat/survey"
)

// Manifest records what a report was made from and what it contains, so a
// reviewer can re-run it and compare every file by its SHA-256.
type Manifest struct {
	Surveystat string `json:"surveystat"`
	Go         string `json:"go"`
	Study      string `json:"study"`
	// Kind is empty for a study report; other kinds of report folder
	// (e.g. "comparison") name how Verify re-runs them.
	Kind  string   `json:"kind,omitempty"`
	Langs []string `json:"langs"`
	Paper string   `json:"paper,omitempty"` // page size of the PDFs when not A4
	// Command is the command line that made the report, as its documents
	// print it (report.Command); Verify re-runs with it so that they come
	// out the same.
	Command string      `json:"command,omitempty"`
	Inputs  []FileEntry `json:"inputs"`
	Outputs []FileEntry `json:"outputs"`
}

// FileEntry is one file with its size and SHA-256. Input paths are as
// given to surveystat (relative to where it ran); output paths are relative
// to the report directory.
type FileEntry struct {
	Path   string `json:"path"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// hashFile hashes the regular file at path.
func hashFile(path string) (FileEntry, error) {
	f, _, err := survey.OpenInput(path)
	if err != nil {
		return FileEntry{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return FileEntry{}, fmt.Errorf("hash %s: %w", path, err)
	}
	return FileEntry{Path: path, Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

func hashBytes(path string, b []byte) FileEntry {
	sum := sha256.Sum256(b)
	return FileEntry{Path: path, Bytes: int64(len(b)), SHA256: hex.EncodeToString(sum[:])}
}

func (m *Manifest) encode() ([]byte, error) {
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Path < m.Outputs[j].Path })
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func newManifest(study string, langs []string) *Manifest {
	return &Manifest{Surveystat: Version, Go: runtime.Version(), Study: study, Langs: langs}
}

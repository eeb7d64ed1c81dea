//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNamedPipeInputs checks that a named pipe given as any input is
// refused at once (exit 1, with a message naming the key) instead of
// blocking for ever, and that nothing is left in the output directory.
// Named pipes cannot be committed, so the corpus under testdata/bad has
// /dev/zero and directories instead, and this test makes its pipes.
func TestNamedPipeInputs(t *testing.T) {
	const study = "id: pipe\ndata: {file: %DATA%, id: id}\n%EXTRA%questions:\n  - id: aware\n    categories: [{id: \"yes\", codes: [1]}, {id: \"no\", codes: [2]}]\n"
	tests := []struct{ name, data, extra, want string }{
		{"data.file", "pipe", "", "respondent file (data.file in"},
		{"published", "responses.csv", "published: pipe\n", "published figures (published in"},
		{"rake margins", "responses.csv", "analysis: {rake: {margins: pipe}}\n", "raking margins (analysis.rake.margins in"},
		{"theme font", "responses.csv", "theme: {font: pipe}\n", "theme font (theme.font in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o600); err != nil {
				t.Skip("no named pipes here:", err)
			}
			if err := os.WriteFile(filepath.Join(dir, "responses.csv"), []byte("id,aware\nr1,1\nr2,2\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			src := strings.NewReplacer("%DATA%", tt.data, "%EXTRA%", tt.extra).Replace(study)
			path := filepath.Join(dir, "study.yaml")
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := t.TempDir()
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() { done <- run([]string{"report", "--pdf", "off", "--out", out, path}, &stdout, &stderr) }()
			select {
			case code := <-done:
				if code != 1 || !strings.Contains(stderr.String(), tt.want) || !strings.Contains(stderr.String(), "not a regular file but a named pipe") {
					t.Errorf("exit %d: %s", code, stderr.String())
				}
			case <-time.After(60 * time.Second):
				t.Fatal("the run blocks on a named pipe")
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("a failed run left %d entries in the output directory", len(entries))
			}
		})
	}
}

// TestVerifyRefusesSpecialManifest checks that verify reads manifest.json
// only as a regular file: a named pipe there must not block it.
func TestVerifyRefusesSpecialManifest(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "manifest.json"), 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"verify", dir}, &stdout, &stderr) }()
	select {
	case code := <-done:
		if code != 1 || !strings.Contains(stderr.String(), "manifest.json: not a regular file but a named pipe") {
			t.Errorf("exit %d: %s", code, stderr.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("verify blocks on a named pipe")
	}
}

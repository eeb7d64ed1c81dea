package catalog

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

var testFS = fstest.MapFS{
	"i18n/en.json":  {Data: []byte(`{"ci": "{level} confidence interval", "n": "n = {n} of {n}", "only_en": "x"}`)},
	"i18n/de.json":  {Data: []byte(`{"ci": "{level}-Konfidenzintervall", "alone": "Niveau {level}", "n": "n = {n} von {n}"}`)},
	"i18n/bad.json": {Data: []byte(`{"ci": 1}`)},
}

func TestT(t *testing.T) {
	en, err := Load(testFS, "i18n", "en")
	if err != nil {
		t.Fatal(err)
	}
	de, err := Load(testFS, "i18n", "de")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		c     *Catalog
		key   string
		pairs []string
		want  string
	}{
		{en, "ci", []string{"level", "95%"}, "95% confidence interval"},
		{en, "ci", []string{"level", "95\u00a0%-"}, "95\u00a0%- confidence interval"},
		{en, "n", []string{"n", "1,000"}, "n = 1,000 of 1,000"},
		{en, "n", []string{"n"}, "n = {n} of {n}"},
		{en, "n", nil, "n = {n} of {n}"},
		{en, "missing", nil, "!missing"},
		{de, "ci", []string{"level", "95\u00a0%"}, "95-%-Konfidenzintervall"},
		{de, "ci", []string{"level", "99,5\u00a0%"}, "99,5-%-Konfidenzintervall"},
		{de, "alone", []string{"level", "95\u00a0%"}, "Niveau 95\u00a0%"},
		{de, "ci", []string{"level", "95 %"}, "95 %-Konfidenzintervall"}, // an ordinary space is left alone
	}
	for _, tt := range tests {
		if got := tt.c.T(tt.key, tt.pairs...); got != tt.want {
			t.Errorf("%s T(%q, %q) = %q, want %q", tt.c.Lang(), tt.key, tt.pairs, got, tt.want)
		}
	}
	if !en.Has("only_en") || de.Has("only_en") {
		t.Error("Has")
	}
	if m, ok := de.Message("ci"); !ok || m != "{level}-Konfidenzintervall" {
		t.Errorf("Message = %q, %v", m, ok)
	}
	if got, want := en.Keys(), []string{"ci", "n", "only_en"}; !slices.Equal(got, want) {
		t.Errorf("Keys = %q, want %q", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, lang := range []string{"fr", "", "../i18n/en", "i18n/en"} {
		if _, err := Load(testFS, "i18n", lang); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Load(%q) = %v, want fs.ErrNotExist", lang, err)
		}
	}
	if _, err := Load(testFS, "i18n", "bad"); err == nil || !strings.HasPrefix(err.Error(), "i18n/bad.json: ") {
		t.Errorf("Load(bad) = %v, want an error naming the file", err)
	}
}

package survey

import (
	"fmt"
	"sort"

	"go.yaml.in/yaml/v3"
)

// Languages lists the languages every label may be given in; the first is
// the fallback.
func Languages() []string { return []string{"en", "de", "nl"} }

// Text is a piece of text in several languages, keyed by language code
// ("en", "de", "nl"). In a study file it is written either as a mapping
// (`{en: Yes, de: Ja, nl: Ja}`) or as a plain string, which is English.
type Text map[string]string

// UnmarshalYAML accepts a plain string (English) or a mapping.
func (t *Text) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*t = Text{"en": n.Value}
		return nil
	}
	var m map[string]string
	if err := n.Decode(&m); err != nil {
		return err
	}
	for k := range m {
		if !knownLanguage(k) {
			return fmt.Errorf("line %d: unknown language %q (want one of %v)", n.Line, k, Languages())
		}
	}
	*t = m
	return nil
}

func knownLanguage(l string) bool {
	for _, k := range Languages() {
		if k == l {
			return true
		}
	}
	return false
}

// Get returns the text in lang, falling back to English and then to any
// language present (in sorted order, so the choice is deterministic).
func (t Text) Get(lang string) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	if s, ok := t["en"]; ok && s != "" {
		return s
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if t[k] != "" {
			return t[k]
		}
	}
	return ""
}

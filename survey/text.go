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
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if knownLanguage(k.Value) {
			continue
		}
		hint := ""
		if n.Style&yaml.FlowStyle != 0 {
			// {en: Yes, de: Ja, die einen …}: the comma ended the German
			// text and began a key.
			hint = `; hint: a comma in an unquoted text inside { } ends the text: quote the text, e.g. de: "Ja, die einen …"`
		}
		return fmt.Errorf("line %d, column %d: unknown language %q (want one of %v)%s", k.Line, k.Column, clip(k.Value), Languages(), hint)
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

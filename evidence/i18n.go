package evidence

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
)

//go:embed i18n/*.json
var i18nFiles embed.FS

// Langs lists the languages the brief is written in.
func Langs() []string { return []string{"en", "de", "nl"} }

// messages is the fixed text of the brief in one language.
type messages struct {
	lang string
	m    map[string]string
}

func loadMessages(lang string) (*messages, error) {
	b, err := i18nFiles.ReadFile("i18n/" + lang + ".json")
	if err != nil {
		return nil, fmt.Errorf("evidence brief: language %q: no translation (have %s)", lang, strings.Join(Langs(), ", "))
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("evidence brief: translation %s: %w", lang, err)
	}
	return &messages{lang: lang, m: m}, nil
}

// T returns the message for key with {name} placeholders replaced by the
// given name, value pairs; a missing key is returned as "!key" so that it
// shows (the tests check that every key exists in every language).
func (ms *messages) T(key string, pairs ...string) string {
	s, ok := ms.m[key]
	if !ok {
		return "!" + key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
		if pairs[i] == "level" {
			// German compounds hyphenate a percentage: "95-%-Niveau"
			// (Duden), while the level alone is "95 %".
			s = strings.ReplaceAll(s, "{levelc}", strings.ReplaceAll(pairs[i+1], "\u00a0%", "-%"))
		}
	}
	return s
}

// has reports whether key exists.
func (ms *messages) has(key string) bool {
	_, ok := ms.m[key]
	return ok
}

// one returns key + "_1" when n is 1 and that message exists: the
// singular of a sentence whose verb agrees with a count ("1 of 3 figures
// is"), else key.
func (ms *messages) one(key string, n int) string {
	if n == 1 && ms.has(key+"_1") {
		return key + "_1"
	}
	return key
}

package evidence

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/surveystat/surveystat/internal/catalog"
)

//go:embed i18n/*.json
var i18nFiles embed.FS

// Langs lists the languages the brief is written in.
func Langs() []string { return []string{"en", "de", "nl"} }

// messages is the fixed text of the brief in one language.
type messages = catalog.Catalog

func loadMessages(lang string) (*messages, error) {
	c, err := catalog.Load(i18nFiles, "i18n", lang)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("evidence brief: language %q: no translation (have %s)", lang, strings.Join(Langs(), ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("evidence brief: translation %s: %w", lang, err)
	}
	return c, nil
}

// one returns key + "_1" when n is 1 and that message exists: the
// singular of a sentence whose verb agrees with a count ("1 of 3 figures
// is"), else key.
func one(ms *messages, key string, n int) string {
	if n == 1 && ms.Has(key+"_1") {
		return key + "_1"
	}
	return key
}

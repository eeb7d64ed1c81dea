package catalog

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// A Catalog is the fixed text of an output in one language. Its methods
// do not change it, so one Catalog may be used by several goroutines.
type Catalog struct {
	lang string
	m    map[string]string
}

// Load reads the catalog of lang from the file dir/lang.json of fsys, a
// JSON object whose keys are message keys and whose values are messages.
// An error wraps fs.ErrNotExist when there is no catalog for lang.
func Load(fsys fs.FS, dir, lang string) (*Catalog, error) {
	if !fs.ValidPath(lang) || strings.Contains(lang, "/") {
		return nil, fmt.Errorf("language %q: %w", lang, fs.ErrNotExist)
	}
	name := path.Join(dir, lang+".json")
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("language %q: %w", lang, err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Catalog{lang: lang, m: m}, nil
}

// Lang returns the language of c, as given to Load.
func (c *Catalog) Lang() string { return c.lang }

// T returns the message key with every {name} placeholder replaced by
// the given name, value pairs (a trailing name without a value is
// ignored). In German, a percentage before a hyphen, "95 %-" (with a
// no-break space), becomes "95-%-" (see the package documentation). A
// missing key is returned as "!key" so that it shows; the tests of each
// package check that every key exists in every language.
func (c *Catalog) T(key string, pairs ...string) string {
	s, ok := c.m[key]
	if !ok {
		return "!" + key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	if c.lang == "de" {
		s = strings.ReplaceAll(s, "\u00a0%-", "-%-")
	}
	return s
}

// Has reports whether c has a message for key.
func (c *Catalog) Has(key string) bool {
	_, ok := c.m[key]
	return ok
}

// Message returns the message for key as written in the catalog, with
// its placeholders, and whether there is one.
func (c *Catalog) Message(key string) (string, bool) {
	s, ok := c.m[key]
	return s, ok
}

// Keys returns the keys of c in sorted order.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.m))
	for k := range c.m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

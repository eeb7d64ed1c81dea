package survey

import (
	"fmt"
	"reflect"
	"strings"
)

// Untranslated lists the texts of the study that have no text in lang but
// have one in another language, so that Text.Get falls back to it: the
// path of each as written in the study file ("metadata.notes[0]",
// "questions[1].categories[2].label"), in file order of the fields. Texts
// in no language at all are not listed, nor names (fields tagged
// text:"name", such as the sponsor), which read the same in every language.
func (s *Study) Untranslated(lang string) []string {
	var out []string
	walkTexts(reflect.ValueOf(s).Elem(), "", func(path string, t Text) {
		if strings.TrimSpace(t[lang]) != "" {
			return
		}
		for _, v := range t {
			if strings.TrimSpace(v) != "" {
				out = append(out, path)
				return
			}
		}
	})
	return out
}

var textType = reflect.TypeOf(Text(nil))

// walkTexts calls f for every Text reachable from v (structs by their yaml
// keys, slices, pointers), with its path.
func walkTexts(v reflect.Value, path string, f func(string, Text)) {
	switch {
	case v.Type() == textType:
		if !v.IsNil() {
			f(path, v.Interface().(Text))
		}
		return
	case v.Kind() == reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, f)
		}
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			walkTexts(v.Index(i), fmt.Sprintf("%s[%d]", path, i), f)
		}
	case v.Kind() == reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			key, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
			if !sf.IsExported() || key == "-" || sf.Tag.Get("text") == "name" {
				continue
			}
			if key == "" {
				key = strings.ToLower(sf.Name)
			}
			p := key
			if path != "" {
				p = path + "." + key
			}
			walkTexts(v.Field(i), p, f)
		}
	}
}

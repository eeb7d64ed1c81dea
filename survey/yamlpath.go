package survey

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// typeErrorLine matches one mistake of a yaml.TypeError: "line 19: cannot
// unmarshal !!map into string", with the scalar in backquotes for a
// scalar ("!!str `abc` into int").
var typeErrorLine = regexp.MustCompile("line (\\d+): cannot unmarshal !!(\\w+)(?: `([^`]*)`)? into (\\S+)")

// explainTypeErrors rewrites the type mistakes of a YAML decoding error
// of study file src in words, each with the key path of the value on its
// line: "line 19: metadata.sources[0].title: want a text (a string, or
// {en: …, de: …, nl: …}), not a list".
func explainTypeErrors(msg string, src []byte) string {
	if !typeErrorLine.MatchString(msg) {
		return msg
	}
	var root yaml.Node
	if yaml.Unmarshal(src, &root) != nil {
		root = yaml.Node{}
	}
	return typeErrorLine.ReplaceAllStringFunc(msg, func(m string) string {
		sub := typeErrorLine.FindStringSubmatch(m)
		line, _ := strconv.Atoi(sub[1])
		out := "line " + sub[1] + ": "
		if p := keyPathAt(&root, line, "!!"+sub[2]); p != "" {
			out += p + ": "
		}
		out += "want " + wantWords(sub[4]) + ", not " + kindWords(sub[2])
		if sub[3] != "" {
			out += " (" + strconv.Quote(clip(sub[3])) + ")"
		}
		return out
	})
}

// keyPathAt returns the key path ("metadata.sources[0].title") of the
// deepest value of YAML tag tag that starts on line; "" if none does.
func keyPathAt(root *yaml.Node, line int, tag string) string {
	best, bestDepth := "", -1
	var walk func(n *yaml.Node, path string, depth int)
	walk = func(n *yaml.Node, path string, depth int) {
		if n == nil {
			return
		}
		if path != "" && n.Line == line && n.ShortTag() == tag && depth > bestDepth {
			best, bestDepth = path, depth
		}
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path, depth)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := n.Content[i].Value
				if path != "" {
					p = path + "." + p
				}
				walk(n.Content[i+1], p, depth+1)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, path+"["+strconv.Itoa(i)+"]", depth+1)
			}
		}
	}
	walk(root, "", 0)
	return best
}

// wantWords says what a Go type of the study format is in a study file.
func wantWords(goType string) string {
	switch {
	case goType == "map[string]string":
		return "a text (a string, or {en: …, de: …, nl: …})"
	case goType == "string":
		return "a string"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "int") || strings.HasPrefix(goType, "uint") || strings.HasPrefix(goType, "float"):
		return "a number"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	}
	return "a mapping"
}

// kindWords names a YAML tag ("map", "seq", "str") for a reader.
func kindWords(tag string) string {
	switch tag {
	case "map":
		return "a mapping"
	case "seq":
		return "a list"
	case "str":
		return "a string"
	case "int", "float":
		return "a number"
	case "bool":
		return "true or false"
	case "null":
		return "an empty value"
	}
	return "!!" + tag
}

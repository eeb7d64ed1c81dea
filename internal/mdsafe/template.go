package mdsafe

import (
	"bytes"
	"io/fs"
	pathpkg "path"
	"strings"
	"text/template"
	"text/template/parse"
)

// Funcs returns the template functions of this package: md ([Escape]),
// mdinline ([EscapeInline]), mdcode ([Code]), mdlink ([Link]) and mdimage
// ([Image]). A template that is auto-escaped with [AutoEscape] needs md
// and mdinline.
func Funcs() template.FuncMap {
	return template.FuncMap{"md": Escape, "mdinline": EscapeInline, "mdcode": Code, "mdlink": Link, "mdimage": Image}
}

// AutoEscape makes every action of t and its associated templates that
// prints a value escape it with the template function md, unless the
// action already ends in a function whose name starts with "md": those
// return Markdown that is safe already ([Funcs], and a package's own
// md-named functions such as a table writer). {{.Title}} then prints
// Escape(.Title), as html/template would print it escaped for HTML. An
// action that follows text on its own line ("**Published:** {{.Date}}")
// cannot start a block, so it is escaped with mdinline ([EscapeInline])
// instead, which leaves "7. August 2025" as it is. Call it after parsing
// and before the first Execute; t must have the functions md and mdinline.
func AutoEscape(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			escapeNode(tt.Tree.Root)
		}
	}
}

func escapeNode(n parse.Node) { escapeNodeAfter(n, false) }

// escapeNodeAfter escapes n; midLine says that n follows text on its line
// in the same list, so that what it prints cannot start a block.
func escapeNodeAfter(n parse.Node, midLine bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		// line is the current line of the template as far as it is known,
		// with "0" for what an action printed (it may be digits, which a
		// following ". " makes a list marker).
		var line []byte
		for _, c := range n.Nodes {
			escapeNodeAfter(c, textBefore(line))
			switch c := c.(type) {
			case *parse.TextNode:
				if i := bytes.LastIndexByte(c.Text, '\n'); i >= 0 {
					line = append(line[:0], c.Text[i+1:]...)
				} else {
					line = append(line, c.Text...)
				}
			case *parse.ActionNode:
				if noLineBreak(c) {
					line = append(line, '0')
				} else {
					line = nil
				}
			default:
				// What an if, with or range prints is not known: after one
				// that cannot print a line break the line goes on as it
				// was (as if it printed nothing), after others it is
				// unknown, so no longer taken as text.
				if !noLineBreak(c) {
					line = nil
				}
			}
		}
	case *parse.IfNode:
		escapeNode(n.List)
		escapeNode(n.ElseList)
	case *parse.RangeNode:
		escapeNode(n.List)
		escapeNode(n.ElseList)
	case *parse.WithNode:
		escapeNode(n.List)
		escapeNode(n.ElseList)
	case *parse.ActionNode:
		p := n.Pipe
		if len(p.Decl) > 0 || len(p.Cmds) == 0 {
			return // an assignment prints nothing
		}
		last := p.Cmds[len(p.Cmds)-1]
		if id, ok := last.Args[0].(*parse.IdentifierNode); ok && strings.HasPrefix(id.Ident, "md") {
			if id.Ident == "md" && midLine {
				id.Ident = "mdinline" // an explicit md where no block can start
			}
			return
		}
		fn := "md"
		if midLine {
			fn = "mdinline"
		}
		p.Cmds = append(p.Cmds, &parse.CommandNode{
			NodeType: parse.NodeCommand,
			Pos:      n.Pos,
			Args:     []parse.Node{parse.NewIdentifier(fn).SetPos(n.Pos)},
		})
	}
}

// noLineBreak reports whether n, escaped, cannot print a line break: text
// without one, an action escaped by md, mdinline, mdcode, mdlink or
// mdimage (they turn line breaks into spaces), and if, with and range
// made only of such nodes.
func noLineBreak(n parse.Node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !noLineBreak(c) {
				return false
			}
		}
		return true
	case *parse.TextNode:
		return bytes.IndexByte(n.Text, '\n') < 0
	case *parse.ActionNode:
		p := n.Pipe
		if len(p.Decl) > 0 || len(p.Cmds) == 0 {
			return true
		}
		id, ok := p.Cmds[len(p.Cmds)-1].Args[0].(*parse.IdentifierNode)
		return ok && (id.Ident == "md" || id.Ident == "mdinline" || id.Ident == "mdcode" || id.Ident == "mdlink" || id.Ident == "mdimage")
	case *parse.IfNode:
		return noLineBreak(n.List) && noLineBreak(n.ElseList)
	case *parse.WithNode:
		return noLineBreak(n.List) && noLineBreak(n.ElseList)
	}
	return false
}

// textBefore reports whether line, the start of a line up to an action,
// holds text other than the markers of the containers the action is in:
// list items ("- ", "+ ", "* ", "1. ", "1) "), block quotes ("> ") and
// headings ("# "). Only after such text can what the action prints not
// start a block: "- {{.X}}" is a list item whose content may, "- **Date:**
// {{.X}}" is not.
func textBefore(line []byte) bool {
	if len(bytes.Trim(line, "-=*_ \t")) == 0 {
		return false // a run of - = * _ could still become a thematic break or underline
	}
	for {
		line = bytes.TrimLeft(line, " \t")
		switch {
		case len(line) == 0:
			return false
		case line[0] == '#':
			line = bytes.TrimLeft(line, "#")
		case line[0] == '>':
			line = line[1:]
		case line[0] == '-' || line[0] == '+' || line[0] == '*':
			if len(line) > 1 && line[1] != ' ' && line[1] != '\t' {
				return true // "**Bold**", "-5": text
			}
			line = line[1:]
		default:
			d := len(line) - len(bytes.TrimLeft(line, "0123456789"))
			if d > 0 && d < len(line) && (line[d] == '.' || line[d] == ')') && (d+1 == len(line) || line[d+1] == ' ' || line[d+1] == '\t') {
				line = line[d+1:]
				continue
			}
			return true
		}
	}
}

// Render parses the Markdown template at path in fsys with [Funcs] and
// extra, auto-escapes it ([AutoEscape]) and executes it with data. Every
// value a template prints is thus escaped unless an md* function made it.
func Render(fsys fs.FS, path string, extra template.FuncMap, data any) ([]byte, error) {
	t, err := template.New(pathpkg.Base(path)).Funcs(Funcs()).Funcs(extra).ParseFS(fsys, path)
	if err != nil {
		return nil, err
	}
	AutoEscape(t)
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

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
// mdcode ([Code]), mdlink ([Link]) and mdimage ([Image]). A template that
// is auto-escaped with [AutoEscape] needs at least md.
func Funcs() template.FuncMap {
	return template.FuncMap{"md": Escape, "mdcode": Code, "mdlink": Link, "mdimage": Image}
}

// AutoEscape makes every action of t and its associated templates that
// prints a value escape it with the template function md, unless the
// action already ends in a function whose name starts with "md": those
// return Markdown that is safe already ([Funcs], and a package's own
// md-named functions such as a table writer). {{.Title}} then prints
// Escape(.Title), as html/template would print it escaped for HTML.
// Call it after parsing and before the first Execute; t must have a
// function md.
func AutoEscape(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			escapeNode(tt.Tree.Root)
		}
	}
}

func escapeNode(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			escapeNode(c)
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
			return
		}
		p.Cmds = append(p.Cmds, &parse.CommandNode{
			NodeType: parse.NodeCommand,
			Pos:      n.Pos,
			Args:     []parse.Node{parse.NewIdentifier("md").SetPos(n.Pos)},
		})
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

package survey

import (
	"slices"
	"strings"
	"testing"
)

const netStudy = `
id: t
data: {file: r.csv, id: id}
questions:
  - id: att
    categories: [{id: against, codes: [1]}, {id: consent, codes: [2]}, {id: fine, codes: [3]}]
    nets: [%NETS%]
`

func TestNetErrors(t *testing.T) {
	tests := []struct{ nets, want string }{
		{`{id: Reject, categories: [against, consent]}`, `nets[0]: id "Reject"`},
		{`{id: fine, categories: [against, consent]}`, `id "fine" is also a category id`},
		{`{id: r, categories: [against]}`, `net "r": want two or more categories`},
		{`{id: r, categories: [against, nope]}`, `question "att" has no category "nope" (want one of against, consent, fine)`},
		{`{id: r, categories: [against, against]}`, `category "against" listed twice`},
		{`{id: r, categories: [against, consent, fine]}`, `holds every category of "att"`},
		{`{id: r, categories: [against, consent]}, {id: r, categories: [consent, fine]}`, `nets[1]: net "r" defined twice`},
		{`{id: r, categories: [against, consent], lable: x}`, `unknown key lable`},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(strings.Replace(netStudy, "%NETS%", tt.nets, 1)), "study.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "study.yaml") {
			t.Errorf("nets %s: error %v, want study.yaml and %q", tt.nets, err, tt.want)
		}
	}
}

// TestNetReferences: a net is referred to as question=net wherever a
// category can be, except in charts that split 100% among categories.
func TestNetReferences(t *testing.T) {
	src := strings.Replace(netStudy, "%NETS%", `{id: reject, categories: [consent, against], label: {en: Reject, de: Ablehnung}}`, 1) + `
  - id: grp
    categories: [{id: a, codes: [1]}, {id: b, codes: [2]}]
subgroups: [grp]
headlines: [att=reject]
claims: [{id: c, item: att=reject, op: ">", value: 0.5}]
comparisons: [{id: d, a: att=reject, a_in: grp=a, b: att=reject, b_in: grp=b}]
charts: [{id: bars, kind: bars, items: [att, att=reject]}]
`
	s := mustParse(t, src)
	q := s.Question("att")
	if got := q.ItemCategories("reject"); !slices.Equal(got, []int{1, 0}) {
		t.Errorf("ItemCategories(reject) = %v", got)
	}
	if got := q.ItemCategories("fine"); !slices.Equal(got, []int{2}) {
		t.Errorf("ItemCategories(fine) = %v", got)
	}
	if q.ItemCategories("nope") != nil || q.HasItem("nope") || q.ItemLabel("reject").Get("de") != "Ablehnung" {
		t.Errorf("unknown item or label wrong")
	}
	for v, want := range []bool{true, true, false} {
		if q.InItem("reject", v) != want {
			t.Errorf("InItem(reject, %d) = %v", v, !want)
		}
	}
	if q.InItem("reject", -1) {
		t.Error("no valid answer counted in a net")
	}
	items, err := s.Charts[0].ParsedItems(s)
	if err != nil || len(items) != 4 || items[3] != (Item{"att", "reject"}) {
		t.Errorf("chart items %v, %v", items, err)
	}
	for _, bad := range []struct{ extra, want string }{
		{"  - {id: st, kind: stacked, items: [att=reject, att=fine]}\n", "a stacked chart shows categories that add up to 100%"},
		{"  - {id: wf, kind: waffle, items: [att=reject]}\n", "is a net"},
		{"  - {id: sim, kind: bars, items: [att=reject, att=fine, att=consent], simultaneous: goodman}\n", "simultaneous intervals need"},
	} {
		src2 := strings.Replace(src, "charts: [{id: bars, kind: bars, items: [att, att=reject]}]\n", "charts:\n"+bad.extra, 1)
		if _, err := Parse(strings.NewReader(src2), "study.yaml"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: error %v, want %q", bad.extra, err, bad.want)
		}
	}
	for _, bad := range []struct{ find, repl, want string }{
		{"a_in: grp=a", "a_in: att=reject", `question "att" has no category "reject"`}, // groups are categories
		{"item: att=reject", "item: att=rejet", `has no category "rejet" (nor a net of that id)`},
	} {
		src2 := strings.Replace(src, bad.find, bad.repl, 1)
		if _, err := Parse(strings.NewReader(src2), "study.yaml"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: error %v, want %q", bad.repl, err, bad.want)
		}
	}
}

// TestPublishedNetsAndDerived: published.csv may name nets and derived
// estimates (category empty or "yes").
func TestPublishedNetsAndDerived(t *testing.T) {
	src := strings.Replace(netStudy, "%NETS%", `{id: reject, categories: [consent, against]}`, 1) + `
derived:
  - id: any
    when: att in (against, fine)
`
	s := mustParse(t, src)
	const header = "figure,question,category,subgroup,subgroup_value,percent,decimals,base,status,source,note\n"
	figs, err := ReadPublished(strings.NewReader(header+"f1,att,reject,,,66,0,all,primary,,\nf2,any,,,,40,0,all,primary,,\n"), s, "p.csv")
	if err != nil || len(figs) != 2 || figs[0].Category != "reject" || figs[1].Category != DerivedCategory {
		t.Fatalf("ReadPublished = %+v, %v", figs, err)
	}
	_, err = ReadPublished(strings.NewReader(header+"f2,any,no,,,40,0,all,primary,,\n"), s, "p.csv")
	if err == nil || !strings.Contains(err.Error(), `p.csv:2: figure "f2": "any" is a derived estimate`) {
		t.Errorf("error %v", err)
	}
}

func TestStackedChartNets(t *testing.T) {
	src := strings.Replace(netStudy, "%NETS%", `{id: reject, categories: [against, consent]}, {id: ends, categories: [against, fine]}`, 1) + `
charts:
  - {id: st, kind: stacked, items: [att], nets: [%REF%]}
`
	ok := mustParse(t, strings.Replace(src, "%REF%", "att=reject", 1))
	items, _ := ok.Charts[0].ParsedItems(ok)
	q, n, first, last, err := ok.Charts[0].NetSpan(ok, items, "att=reject")
	if err != nil || q != "att" || n != "reject" || first != 0 || last != 1 {
		t.Errorf("NetSpan = %s %s %d %d %v", q, n, first, last, err)
	}
	for _, tc := range []struct{ src, want string }{
		{strings.Replace(src, "%REF%", "att=ends", 1), "must all be items of the chart, next to each other"},
		{strings.Replace(src, "%REF%", "att=fine", 1), `"att=fine" is not question=net`},
		{strings.Replace(strings.Replace(src, "%REF%", "att=reject", 1), "kind: stacked", "kind: bars", 1), "nets are drawn on stacked charts only"},
		{strings.Replace(strings.Replace(src, "%REF%", "att=reject", 1), "items: [att]", "items: [att=against, att=fine, att=consent]", 1), "next to each other"},
	} {
		if _, err := Parse(strings.NewReader(tc.src), "study.yaml"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
}

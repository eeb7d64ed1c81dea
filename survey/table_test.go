package survey

import (
	"strings"
	"testing"
)

// TestReadPublishedLocatesFaults checks that every problem of a
// published-figures file names the file, the line on which the row starts
// (also after a note with line breaks) and what was expected.
func TestReadPublishedLocatesFaults(t *testing.T) {
	s := mustParse(t, testStudy)
	const header = "figure,question,category,subgroup,subgroup_value,percent,decimals,base,status,source,note\n"
	const multi = "f0,aware,yes,,,75,0,all,primary,,\"a note\non three\nlines\"\n"
	tests := []struct{ name, data, want string }{
		{"no percent column", "figure,question,category,decimals,status\nf1,aware,yes,0,primary\n",
			`p.csv:1: header: no column "percent" (a published figures file needs the columns figure, question, category, percent, decimals, status; the header has figure, question, category, decimals, status)`},
		{"misspelt column", strings.Replace(header, "percent", "percnt", 1) + "f1,aware,yes,,,7,0,all,primary,,\n",
			`p.csv:1: header: unknown column "percnt" (did you mean "percent"?)`},
		{"column twice", "figure,figure,question,category,percent,decimals,status\n", `p.csv:1: header: column "figure" named twice`},
		{"empty file", "", "p.csv:1: file is empty"},
		{"header only", header, "p.csv:2: no figures"},
		{"decimals huge", header + "f1,aware,yes,,,7,2000000000,all,primary,,\n", `p.csv:2: figure "f1": decimals 2000000000 (expected a whole number from 0 to 6)`},
		{"decimals negative", header + "f1,aware,yes,,,7,-1,all,primary,,\n", `p.csv:2: figure "f1": decimals -1`},
		{"decimals overflow", header + "f1,aware,yes,,,7,99999999999999999999,all,primary,,\n", `p.csv:2: column "decimals": value "99999999999999999999" is not a whole number`},
		{"after a multi-line note", header + multi + "f1,aware,maybe,,,7,0,all,primary,,\n", `p.csv:5: figure "f1": question "aware" has no category "maybe"`},
		{"bad number after a multi-line note", header + multi + "f1,aware,yes,,,seven,0,all,primary,,\n", `p.csv:5: column "percent": value "seven" is not a finite number`},
		{"unterminated quote", header + "f1,aware,yes,,,7,0,all,primary,,\"open\n" + multi, "p.csv:2: a quoted field starting on this row is not closed (reached line 3"},
		{"wrong field count", header + multi + "f1,aware\n", "p.csv:5: wrong number of fields"},
		{"not UTF-8", header + "f1,aware,yes,,,7,0,all,primary,,\"Gr\xfc\xdfe\nnach K\xf6ln\"\n", "p.csv:2: column \"note\": value \"Gr\ufffde\\nnach K\ufffdln\": text is not valid UTF-8 (expected UTF-8 text); hint: save the file as CSV UTF-8"},
		{"long value cut", header + "f1,aware," + strings.Repeat("y", 100) + ",,,7,0,all,primary,,\n", `has no category "` + strings.Repeat("y", 40) + `…"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPublished(strings.NewReader(tt.data), s, "p.csv")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	figs, err := ReadPublished(strings.NewReader(header+multi), s, "p.csv")
	if err != nil || len(figs) != 1 || figs[0].Note != "a note\non three\nlines" {
		t.Errorf("multi-line note: %+v, %v", figs, err)
	}
	// A byte order mark is skipped; optional columns may be left out.
	if _, err := ReadPublished(strings.NewReader("\ufeff"+header+"f1,aware,yes,,,75,0,all,primary,,\n"), s, "p.csv"); err != nil {
		t.Errorf("byte order mark: %v", err)
	}
	if _, err := ReadPublished(strings.NewReader("figure,question,category,percent,decimals,status\nf1,aware,yes,75,0,primary\n"), s, "p.csv"); err != nil {
		t.Errorf("required columns only: %v", err)
	}
}

func TestReadMarginsLocatesFaults(t *testing.T) {
	s := mustParse(t, testStudy)
	tests := []struct{ name, data, want string }{
		{"no total column", "variable,category\naware,yes\n", `m.csv:1: header: no column "total"`},
		{"total too large", "variable,category,total\naware,yes,1e300\naware,no,1\n", "m.csv:2: total 1e+300 for aware = yes: want a positive number of at most 1e+12"},
		{"total not a number", "variable,category,total\n\"aware\",\"yes\",\"many\n\"\n", `m.csv:2: column "total": value "many" is not a finite number`},
		{"line after quoted break", "variable,category,total\n\"aware\",yes,\"1\n\"\naware,maybe,1\n", `m.csv:4: question "aware" has no category "maybe"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadMargins(strings.NewReader(tt.data), s, "m.csv")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

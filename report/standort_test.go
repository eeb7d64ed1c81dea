package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStandortBrief runs the study of a newcomer's trial of the evidence
// brief (testdata/standort: German first, a filtered question with a
// net, a derived estimate on a base, a chart of items from two sources, a
// published figure the data does not reproduce) and checks, in every
// file where each is said, what the trial found wrong.
func TestStandortBrief(t *testing.T) {
	if testing.Short() {
		t.Skip("draws charts")
	}
	var warn bytes.Buffer
	dir, err := Generate(filepath.Join("testdata", "standort", "study.yaml"), Options{Out: t.TempDir(), Langs: []string{"de", "en", "nl"}, PDF: "off", Warnings: &warn})
	if err != nil {
		t.Fatal(err)
	}
	// The chart of a question's answer and a derived estimate has no
	// title of its own: the run says so, once per language.
	if n := strings.Count(warn.String(), `warning: chart "ablehnung" (`); n != 3 || !strings.Contains(warn.String(), "give it a title:") {
		t.Errorf("%d warnings that chart ablehnung needs a title, want 3:\n%s", n, warn.String())
	}
	checkBriefGolden(t, dir, "evidence.md", "standort.evidence.md.golden")
	checkSaid(t, dir, []said{
		{
			name:  "a derived estimate's base names the respondents in it and those with a valid answer",
			files: "evidence.md report.md figures/de/ablehnung.txt",
			want:  []string{"Befragte, deren App Zugriff auf den Standort hat (n = 274), davon 239 mit gültiger Antwort"},
			not:   []string{"(n = 239)"},
		},
		{
			name:  "English base wording",
			files: "evidence.en.md report.en.md",
			want:  []string{"274 respondents whose app has location access, of whom 253 gave a valid answer (21 don't know or no answer not counted)"},
			not:   []string{"location access with a valid answer"},
		},
		{
			name:  "Dutch base wording of the derived estimate",
			files: "evidence.nl.md report.nl.md",
			want:  []string{"respondenten van wie de app toegang tot de locatie heeft (n = 274), van wie 239 met een geldig antwoord"},
		},
		{
			name:  "published figures are labelled as in the report: a net with its answer, a derived estimate by its label",
			files: "evidence.md report.md",
			want: []string{"| Erwartung: Weitergabe an Werbetreibende: Erwartet keine Weitergabe | 81\u00a0%",
				"| Erwartet keine Weitergabe \\& lehnt sie ab | 50\u00a0%"},
			not: []string{"| ueberrascht |", "| Erwartung: Weitergabe an Werbetreibende | 81\u00a0%"},
		},
		{
			name:  "a chart of some answers of a question is titled by question and answer, the brief's caption too",
			files: "evidence.md report.md",
			want:  []string{"Datenschutzerklärung gelesen: Ja"},
		},
		{
			name:  "a chart of items of two sources is not titled by the first one's question",
			files: "evidence.md report.md",
			want:  []string{"Weitergabe nicht in Ordnung · Erwartet sie nicht \\& lehnt sie ab"},
			not:   []string{"*Weitergabe wäre in Ordnung*", "Balkendiagramm: Weitergabe wäre in Ordnung."},
		},
		{
			name:  "the alt text of that chart",
			files: "figures/de/ablehnung.txt",
			want:  []string{"Balkendiagramm: Weitergabe nicht in Ordnung · Erwartet sie nicht & lehnt sie ab."},
		},
		{
			name:  "a proposition with a failed claim says how many failed, once",
			files: "evidence.md",
			want:  []string{"**Ergebnis:** Statistisch nicht gestützt (1 von 2 Aussagen nicht gestützt; Konfidenzniveau 95\u00a0%, einseitig)."},
			not:   []string{"Nicht jede Aussage"},
		},
		{
			name:  "English verdict",
			files: "evidence.en.md",
			want:  []string{"**Verdict:** Not supported: 1 of the 2 claims is not established at the 95% confidence level (one-sided)."},
		},
		{
			name:  "Dutch verdict",
			files: "evidence.nl.md",
			want:  []string{"(1 van de 2 beweringen niet ondersteund; betrouwbaarheidsniveau 95%, eenzijdig)"},
		},
		{
			name:  "a p-value that rounds to 1 is printed as > 0.999",
			files: "evidence.md report.md",
			want:  []string{"p\u00a0\\>\u00a00,999"},
			not:   []string{"1,000"},
		},
		{
			name:  "the filter row names a derived estimate as one, and cells start with a capital",
			files: "evidence.md",
			want: []string{"Erwartet keine Weitergabe \\& lehnt sie ab (abgeleitete Kennzahl; Basis: Befragte, deren App Zugriff auf den Standort hat)",
				"| Offenlegung von Daten und Methoden | Die Einzeldaten der Befragten lagen dieser Auswertung vor;"},
		},
		{
			name:  "no invisible word joiners or soft hyphens in Markdown",
			files: "evidence.md evidence.en.md evidence.nl.md",
			not:   []string{"\u2060", "\u00ad"},
		},
		{
			name:  "the HTML keeps intervals on one line, and a long table header breaks with a hyphen",
			files: "evidence.html",
			want:  []string{"43,1\u2060–\u206056,2", "Überein\u00adstimmung"},
		},
		{
			name:  "an exhibit resting on a published figure the data does not reproduce says so",
			files: "evidence.md",
			want:  []string{"- Veröffentlichte Zahl: 7\u00a0% (Hauptwert), von den Daten in ihrer veröffentlichten Rundung nicht wiedergegeben: nachgerechnet 11,8\u00a0% (8,9–15,5\u00a0%); siehe „Veröffentlichte und nachgerechnete Zahlen“."},
		},
		{
			name:  "the same in English, only in the exhibit that rests on it",
			files: "evidence.en.md",
			want:  []string{"- Published figure: 7% (primary), not reproduced by the data at its published rounding: recomputed 11.8% (8.9–15.5%)"},
		},
		{
			name:  "a source title in each language",
			files: "evidence.en.md report.en.md",
			want:  []string{"Press release of the consumer alliance \"Data \\& You\" \\<PDF\\>"},
			not:   []string{"Pressemitteilung"},
		},
		{
			name:  "the brief says where to run its commands",
			files: "evidence.md",
			want:  []string{"Beide Befehle geben die Dateien relativ zu dem Verzeichnis an, in dem der Bericht erstellt wurde"},
		},
	})
}

// said is what the files of a report folder must say, and must not.
type said struct {
	name, files string // files: space-separated, relative to the folder
	want, not   []string
}

// checkSaid checks each case against each of its files in the report
// folder dir, as a subtest named after the case.
func checkSaid(t *testing.T, dir string, cases []said) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range strings.Fields(tt.files) {
				b, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				got := string(b)
				for _, w := range tt.want {
					if !strings.Contains(got, w) {
						t.Errorf("%s lacks %q", f, w)
					}
				}
				for _, n := range tt.not {
					if strings.Contains(got, n) {
						t.Errorf("%s contains %q", f, n)
					}
				}
			}
		})
	}
}

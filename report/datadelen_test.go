package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestDatadelenBrief runs the study of a newcomer's second trial of the
// evidence brief (testdata/datadelen: published figures only, Dutch
// first, an assumed base of a follow-up question, a net of two rounded
// figures, a wording given only in Dutch, a published margin of error
// that its base cannot give) and checks, in every file where each is
// said, what the trial found wrong.
func TestDatadelenBrief(t *testing.T) {
	if testing.Short() {
		t.Skip("draws charts")
	}
	var warn bytes.Buffer
	dir, err := Generate(filepath.Join("testdata", "datadelen", "study.yaml"), Options{Out: t.TempDir(), Langs: []string{"nl", "en", "de"}, PDF: "off", Warnings: &warn})
	if err != nil {
		t.Fatal(err)
	}
	// The margin of error of 0.5 points published with 62% of 1,004 is
	// not what that base gives (±3.0); the run says so, once.
	if n := strings.Count(warn.String(), "knew_sharing=no: the published margin of error ±0.5 points cannot be reproduced from the base 1,004 at the 95% level"); n != 1 {
		t.Errorf("%d warnings about the margin of error of knew_sharing=no, want 1:\n%s", n, warn.String())
	}
	if strings.Contains(warn.String(), "knew_sharing=yes") {
		t.Errorf("a margin of error of 3.1 points for 31%% of 1,004 (the sample's maximum) is warned about:\n%s", warn.String())
	}
	checkBriefGolden(t, dir, "evidence.md", "datadelen.evidence.md.golden")
	checkSaid(t, dir, []said{
		{
			name:  "a claim assessed over a count range names the range, the sum and the least favourable count",
			files: "evidence.md",
			want: []string{"- Afronding: Statistisch niet ondersteund (betrouwbaarheid 95%), bij geen enkel aantal dat past bij de gepubliceerde afronding (536–550 van 800, aangenomen, dus 67,0–68,8%); gepubliceerd: 68% (som). De betrouwbaarheidsgrens en de p-waarde hierboven zijn die van het minst gunstige van deze aantallen, 536 (67,0%).",
				"(618–627 van 1.004, dus 61,6–62,5%); gepubliceerd: 62%."},
		},
		{
			name:  "the same in English, an assumed n in square brackets inside parentheses",
			files: "evidence.en.md",
			want:  []string{"- Rounding: Not supported at 95% at any count compatible with the published rounding (536–550 of 800 \\[assumed\\], i.e. 67.0–68.8%); published: 68% (sum). The confidence bound and p-value above are those of the least favourable of these counts, 536 (67.0%)."},
		},
		{
			name:  "and in German",
			files: "evidence.de.md",
			want:  []string{"- Rundung: Statistisch nicht gestützt (Konfidenzniveau 95\u00a0%), bei keiner mit der veröffentlichten Rundung vereinbaren Anzahl (536–550 von 800, angenommen, also 67,0–68,8\u00a0%); veröffentlicht: 68\u00a0% (Summe)."},
		},
		{
			name:  "an assumed base in the table of published figures is marked, numbers with the thousands separator",
			files: "evidence.md",
			want:  []string{"| 62% | 1.004 | hoofdcijfer |", "| 41% | 800, aangenomen | hoofdcijfer |"},
			not:   []string{"| 1004 |", "| 800 |"},
		},
		{
			name:  "the same in English",
			files: "evidence.en.md",
			want:  []string{"| 41% | 800 (assumed) | primary |", "| 62% | 1,004 | primary |"},
		},
		{
			name:  "a smaller base without a filter condition is a gap, not \"none\"",
			files: "evidence.md",
			want:  []string{"| Filtervragen | **Lacune:** Niet bekend aan wie de vraag ‘De app had om toestemming moeten vragen’ is gesteld: basis app-gebruikers aan wie de vervolgvraag is gesteld (n = 800, aangenomen), van de 1.004 respondenten in de steekproef |"},
			not:   []string{"Geen: de vragen"},
		},
		{
			name:  "the same in English and German",
			files: "evidence.en.md evidence.de.md",
			not:   []string{"None: the questions", "Keine: Die Fragen"},
		},
		{
			name:  "a wording in Dutch only is marked as such in the other languages",
			files: "evidence.en.md",
			want:  []string{"“Wist u dat FitTrack uw gegevens deelt met adverteerders?” (Dutch only)"},
		},
		{
			name:  "and in German",
			files: "evidence.de.md",
			want:  []string{"„Wist u dat FitTrack uw gegevens deelt met adverteerders?“ (nur auf Niederländisch)"},
		},
		{
			name:  "a published margin of error its base cannot give is listed as inconsistent",
			files: "evidence.en.md",
			want: []string{"1 of 7 figures is not reproduced at its published rounding or with its published margin of error; it is listed first.",
				"| 62% | 1,004 | primary | 62.0% (58.9–64.9%) | **published margin of error ±0.5 points not reproducible: a base of 1,004 gives ±3.0 at 95% (±3.1 at most)** |"},
		},
		{
			name:  "a net's share is of its answers, not an answer of its own",
			files: "report.md",
			want:  []string{"antwoordde ‘Helemaal mee eens’ of ‘Mee eens’ (samen: Eens (totaal); De app had om toestemming moeten vragen)"},
			not:   []string{"antwoordde ‘Eens (totaal)’"},
		},
		{
			name:  "the same in English",
			files: "report.en.md",
			want:  []string{"answered “Strongly agree” or “Agree” (together: Agree (total); The app should have asked for consent)"},
		},
		{
			name:  "and in German",
			files: "report.de.md",
			want:  []string{"antworteten mit „Stimme voll zu“ oder „Stimme zu“ (zusammen: Zustimmung gesamt;"},
		},
		{
			name:  "the unpublished rest of a published table is marked on its bar and in the alt text",
			files: "figures/nl/knew.txt evidence.md",
			want:  []string{"Weet niet (niet gepubliceerd): 7%"},
		},
		{
			name:  "the same in English",
			files: "figures/en/knew.txt evidence.en.md",
			want:  []string{"Don't know (not published): 7%"},
		},
		{
			name:  "the report's table of published figures says so too",
			files: "report.en.md",
			want:  []string{"| 62% | 1,004 | primary | 62.0% (95% CI 58.9–64.9%) | published margin of error ±0.5 points not reproducible: a base of 1,004 gives ±3.0 at 95% (±3.1 at most) |"},
		},
		{
			name:  "Dutch: the paths of both commands",
			files: "evidence.md",
			want:  []string{"In beide opdrachten zijn de paden relatief ten opzichte van de map waarin het rapport is gemaakt"},
		},
	})
}

package figures_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/surveystat/surveystat/figures"
)

func attitude() figures.Chart {
	return figures.Chart{
		Kind:     figures.Stacked,
		Lang:     "de",
		Title:    "Zwei Drittel lehnen die KI-Nutzung ihrer Daten durch Meta ab",
		Subtitle: "Haltung zu Metas KI-Training unter Befragten, die die Pläne kannten",
		Base:     "Basis: 750 Befragte, die die Pläne kannten",
		Method:   "95-%-Wilson-Konfidenzintervalle",
		Source:   "Quelle: noyb, Online-Befragung von 1.000 deutschen Meta-Nutzern, 2025",
		Bars: []figures.Bar{
			{Label: "Dafür", Estimate: 0.07, Lower: 0.055, Upper: 0.089, N: 750},
			{Label: "Egal", Estimate: 0.27, Lower: 0.240, Upper: 0.303, N: 750, Neutral: true},
			{Label: "Dagegen", Estimate: 0.66, Lower: 0.625, Upper: 0.693, N: 750},
		},
	}
}

func ExampleRender() {
	var png bytes.Buffer
	err := figures.Render(&png, attitude(), figures.PNG, figures.Social, figures.DefaultTheme())
	if err != nil {
		log.Fatal(err)
	}
	w, h, _ := figures.Social.PixelSize()
	fmt.Printf("PNG, %d×%d px: %t\n", w, h, bytes.HasPrefix(png.Bytes(), []byte("\x89PNG")))
	// Output: PNG, 1200×675 px: true
}

func ExampleAltText() {
	fmt.Println(figures.AltText(attitude()))
	// Output: Gestapeltes Balkendiagramm: Zwei Drittel lehnen die KI-Nutzung ihrer Daten durch Meta ab. Haltung zu Metas KI-Training unter Befragten, die die Pläne kannten. Dafür: 7 % (Intervall 6–9 %, n = 750). Egal: 27 % (Intervall 24–30 %, n = 750). Dagegen: 66 % (Intervall 63–69 %, n = 750). Basis: 750 Befragte, die die Pläne kannten. 95-%-Wilson-Konfidenzintervalle. Quelle: noyb, Online-Befragung von 1.000 deutschen Meta-Nutzern, 2025.
}

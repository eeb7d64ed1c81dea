package figures

// Charts from noyb's 2025 survey of 1,000 German Meta users, used by the
// tests and examples. Intervals are 95 % Wilson score intervals.

func sampleCharts(lang string) map[string]Chart {
	pick := func(en, d, nl string) string {
		switch lang {
		case "de":
			return d
		case "nl":
			return nl
		}
		return en
	}
	common := func(c Chart) Chart {
		c.Lang = lang
		c.Method = pick("95% Wilson score intervals", "95-%-Wilson-Konfidenzintervalle", "95%-Wilson-betrouwbaarheidsintervallen")
		c.Source = pick("Source: noyb / Gallup International, online survey of 1,000 German Meta users, May 2025",
			"Quelle: noyb / Gallup International, Online-Befragung von 1.000 deutschen Meta-Nutzern, Mai 2025",
			"Bron: noyb / Gallup International, online-enquête onder 1.000 Duitse Meta-gebruikers, mei 2025")
		return c
	}
	return map[string]Chart{
		"bars": common(Chart{
			Kind:      Bars,
			Title:     pick("Few remember Meta's notice about AI training", "Nur wenige erinnern sich an Metas Hinweis zum KI-Training", "Weinigen herinneren zich Meta's melding over AI-training"),
			Subtitle:  pick("Claim “most users were informed” is not supported: both shares are below 50%", "Behauptung „die meisten wurden informiert“ nicht belegt: beide Anteile unter 50 %", "Bewering „de meeste gebruikers zijn geïnformeerd” niet gestaafd: beide aandelen onder 50%"),
			Base:      pick("Base: users of each platform aware of the plans", "Basis: Befragte, die die Pläne kannten, je Plattform", "Basis: gebruikers per platform die op de hoogte waren"),
			Reference: 0.5,
			ShowN:     true,
			Bars: []Bar{
				{Label: pick("Instagram users: remember the in-app notification", "Instagram-Nutzer: erinnern sich an die In-App-Benachrichtigung", "Instagram-gebruikers: herinneren zich de in-app-melding"), Estimate: 0.40, Lower: 0.357, Upper: 0.445, N: 480},
				{Label: pick("Facebook users: remember the e-mail", "Facebook-Nutzer: erinnern sich an die E-Mail", "Facebook-gebruikers: herinneren zich de e-mail"), Estimate: 0.39, Lower: 0.350, Upper: 0.432, N: 560},
				{Label: pick("Threads users: remember any notice", "Threads-Nutzer: erinnern sich an einen Hinweis", "Threads-gebruikers: herinneren zich een melding"), Suppressed: true, N: 21},
			},
		}),
		"stacked": common(Chart{
			Kind:     Stacked,
			Title:    pick("Two in three oppose Meta using their data for AI", "Zwei Drittel lehnen die KI-Nutzung ihrer Daten durch Meta ab", "Twee op de drie zijn tegen AI-gebruik van hun gegevens door Meta"),
			Subtitle: pick("Attitude towards Meta's AI training among users aware of the plans", "Haltung zu Metas KI-Training unter Befragten, die die Pläne kannten", "Houding tegenover Meta's AI-training onder gebruikers die op de hoogte waren"),
			Base:     pick("Base: 750 respondents aware of the plans", "Basis: 750 Befragte, die die Pläne kannten", "Basis: 750 respondenten die op de hoogte waren"),
			Bars: []Bar{
				{Label: pick("Approve", "Dafür", "Voor"), Estimate: 0.07, Lower: 0.055, Upper: 0.089, N: 750},
				{Label: pick("Don't care", "Egal", "Maakt niet uit"), Estimate: 0.27, Lower: 0.240, Upper: 0.303, N: 750, Neutral: true},
				{Label: pick("Oppose", "Dagegen", "Tegen"), Estimate: 0.66, Lower: 0.625, Upper: 0.693, N: 750},
			},
		}),
		"funnel": common(Chart{
			Kind:     Funnel,
			Title:    pick("From all users to those who remember the notice", "Von allen Nutzern zu denen, die sich an den Hinweis erinnern", "Van alle gebruikers naar wie zich de melding herinnert"),
			Subtitle: pick("Share of all 1,000 respondents", "Anteil an allen 1.000 Befragten", "Aandeel van alle 1.000 respondenten"),
			Base:     pick("Base: 1,000 respondents", "Basis: 1.000 Befragte", "Basis: 1.000 respondenten"),
			Bars: []Bar{
				{Label: pick("All users", "Alle Nutzer", "Alle gebruikers"), Estimate: 1, Lower: 1, Upper: 1, N: 1000},
				{Label: pick("Aware of the plans", "Kennen die Pläne", "Kennen de plannen"), Estimate: 0.75, Lower: 0.722, Upper: 0.776, N: 1000},
				{Label: pick("Remember the notification", "Erinnern sich an den Hinweis", "Herinneren zich de melding"), Estimate: 0.30, Lower: 0.273, Upper: 0.329, N: 1000},
			},
		}),
		"waffle": common(Chart{
			Kind:      Waffle,
			Title:     pick("Three in four knew about Meta's AI plans", "Drei von vier kannten Metas KI-Pläne", "Drie op de vier kenden Meta's AI-plannen"),
			Base:      pick("Base: 1,000 respondents", "Basis: 1.000 Befragte", "Basis: 1.000 respondenten"),
			Synthetic: true,
			Bars: []Bar{
				{Label: pick("aware of Meta's plans to train AI on their data", "wussten von Metas Plänen, KI mit ihren Daten zu trainieren", "wisten van Meta's plannen om AI met hun gegevens te trainen"), Estimate: 0.75, Lower: 0.722, Upper: 0.776, N: 1000},
			},
		}),
		"forest": common(Chart{
			Kind:      Forest,
			Title:     pick("Opposition is high in every age group", "Ablehnung in allen Altersgruppen hoch", "Verzet is groot in elke leeftijdsgroep"),
			Subtitle:  pick("Share opposing Meta's AI training, by age", "Anteil der Ablehnenden nach Alter", "Aandeel tegenstanders naar leeftijd"),
			Base:      pick("Base: 750 respondents aware of the plans", "Basis: 750 Befragte, die die Pläne kannten", "Basis: 750 respondenten die op de hoogte waren"),
			Reference: 0.5,
			Bars: []Bar{
				{Label: "16–29", Estimate: 0.58, Lower: 0.50, Upper: 0.66, N: 150},
				{Label: "30–44", Estimate: 0.65, Lower: 0.58, Upper: 0.71, N: 200},
				{Label: "45–59", Estimate: 0.69, Lower: 0.63, Upper: 0.75, N: 220},
				{Label: "60+", Estimate: 0.70, Lower: 0.63, Upper: 0.76, N: 180},
				{Label: pick("Not stated", "Keine Angabe", "Niet opgegeven"), Suppressed: true, N: 12},
			},
		}),
	}
}

package survey

import "testing"

func TestLooksLikeIdentifier(t *testing.T) {
	identifiers := []string{
		// English
		"name", "First Name", "lastName", "E-Mail", "email_address", "Phone", "phone_number", "PhoneNo", "tel", "Mobile", "Address", "street",
		"ZIP", "postcode", "IP", "ip_address", "IBAN", "DOB", "date_of_birth", "Comments", "remarks", "free_text", "verbatim", "text",
		// German
		"Vorname", "Nachname", "Anschrift", "Straße", "Strasse", "Str.", "Hausnummer", "PLZ", "Wohnort", "Ort", "Tel.-Nr.",
		"Telefonnummer", "Handy", "Mobil", "Mobiltelefon", "Mobilnummer", "Str", "Geburtsdatum", "Bemerkung", "Bemerkungen", "Bemerkung(en)", "Anmerkung",
		"Anmerkungen", "Kommentar", "Freitext", "Hinweise", "EMailAdresse", "Kundenname",
		// Dutch
		"naam", "Voornaam", "Achternaam", "adres", "straat", "Woonplaats", "Telefoonnummer", "Mobiel", "Geboortedatum",
		"Opmerking", "Opmerkingen", "Toelichting", "Commentaar",
		// French
		"nom", "prénom", "adresse", "rue", "code postal", "téléphone", "Téléphone portable", "courriel",
		"date de naissance", "commentaire", "commentaires", "remarque", "précisez",
	}
	for _, c := range identifiers {
		if !looksLikeIdentifier(c) {
			t.Errorf("%q not recognised as an identifier or free-text column", c)
		}
	}
	coded := []string{
		"id", "respondent_id", "aware", "attitude", "recall_instagram", "uses_facebook", "gender", "age", "age_band",
		"Altersgruppe", "Geschlecht", "Bundesland", "region", "education", "Bildung", "income", "q1", "Q12_3", "weight",
		"w", "gewicht", "interview_date", "Datum", "wave", "mode", "device", "duration", "Ortsgröße", "report", "sort",
		"hotel", "portal", "notice", "opinion", "leeftijd", "geslacht", "provincie", "opleiding", "âge", "sexe",
		"catégorie", "stratum", "psu", "fpc", "smartphone_use", "uses_mobile_internet", "phone_use", "mobile_device",
		"owns_portable_device", "ort_groesse", "headphones", "text_messages", "cell_count", "strata",
	}
	for _, c := range coded {
		if looksLikeIdentifier(c) {
			t.Errorf("coded column %q taken for an identifier", c)
		}
	}
}

func TestIdentifierKind(t *testing.T) {
	tests := []struct{ v, want string }{
		{"jane@example.org", kindEmail},
		{"Jane Doe <jane.doe@example.de>", kindEmail},
		{"mailto:j.mueller@beispiel.de", kindEmail},
		{"jürgen.müller@example.de", kindEmail},
		{"192.0.2.1", kindIP},
		{"192.0.2.1:8080", kindIP},
		{"2001:db8::1", kindIP},
		{"[2001:db8::1]:443", kindIP},
		{"::1", kindIP},
		{"+49 30 1234567", kindPhone},
		{"+49 (0)30 1234567", kindPhone},
		{"0049 171 1234567", kindPhone},
		{"030/1234567", kindPhone},
		{"0171-1234567", kindPhone},
		{"(030) 123 4567", kindPhone},
		{"06 12345678", kindPhone},
		{"+33 1 23 45 67 89", kindPhone},
		{"DE89 3704 0044 0532 0130 00", kindIBAN},
		{"NL91ABNA0417164300", kindIBAN},
		{"FR1420041010050500013M02606", kindIBAN},
		// Ordinary cells: codes, ages, years, dates, amounts, weights.
		{"1", ""}, {"2", ""}, {"9", ""}, {"99", ""}, {"34", ""}, {"2025", ""},
		{"2025-07-01", ""}, {"01.07.2025", ""}, {"7/1/2025", ""}, {"2025-07-01 14:30", ""}, {"2025-07-01T14:30:00", ""},
		{"1.25", ""}, {"1,25", ""}, {"0.987654321", ""}, {"1234567", ""}, {"12345678", ""}, {"10115", ""},
		{"3.5.2", ""}, {"1.2.3.4.5", ""}, {"DE89 3704 0044 0532 0130 01", ""}, {"R0001", ""}, {"ja", ""}, {"", ""},
		{"14:30", ""}, {"a@b", ""},
	}
	for _, tt := range tests {
		if got := identifierKind(tt.v); got != tt.want {
			t.Errorf("identifierKind(%q) = %q, want %q", tt.v, got, tt.want)
		}
		if tt.want != "" && !mayBeIdentifierValue([]byte(tt.v)) {
			t.Errorf("the quick test lets %q through", tt.v)
		}
	}
}

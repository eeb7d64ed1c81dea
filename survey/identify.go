package survey

import (
	"net/netip"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Direct identifiers and free text are recognised in two ways: by the
// column's name (identifierWords, identifierStems) and, in columns the
// study does not declare, by the values (identifierKind). Names are
// compared after normalisation: lower case, accents removed, ß as ss, and
// without punctuation, so that "Tel.-Nr.", "Straße", "Bemerkung(en)" and
// "téléphone" are recognised; a trailing plural ending is tried off too.

// identifierWords are whole words (one part of a column name, or the whole
// name without separators) that name an identifier or free text, in
// English, German, Dutch and French.
var identifierWords = words(
	// English
	"name", "surname", "firstname", "lastname", "fullname", "email", "mail", "tel", "telno", "fax",
	"address", "street", "zip", "zipcode", "postcode", "postalcode", "ip", "ipaddress", "iban", "dob",
	"birthday", "birthdate", "comment", "remark", "freetext", "verbatim", "openanswer", "otherspecify", "pleasespecify",
	// German
	"vorname", "nachname", "anschrift", "adresse", "strasse", "hausnummer", "plz", "postleitzahl", "wohnort",
	"telefon", "telnr", "telefonnummer", "handynummer", "mobilnummer", "mobiltelefon", "geburtsdatum",
	"geburtstag", "bemerkung", "anmerkung", "kommentar", "freitext", "hinweis",
	// Dutch
	"naam", "voornaam", "achternaam", "adres", "straat", "huisnummer", "woonplaats", "telefoon", "telefoonnummer",
	"mobielnummer", "geboortedatum", "opmerking", "toelichting", "commentaar",
	// French
	"nom", "prenom", "adresse", "rue", "codepostal", "telephone", "courriel", "datedenaissance",
	"commentaire", "remarque", "precisez",
)

// identifierNames are words that name an identifier only as the whole
// column name: "Mobile" is a phone number, "uses_mobile_internet" is a
// coded question; "Ort" is a place of residence, "ort_groesse" a size class.
var identifierNames = words("phone", "mobile", "mobil", "mobiel", "handy", "cell", "ort", "str", "text", "portable")

// identifierStems are parts of longer names ("Kundenname", "EMailAdresse",
// "Telefonnummer_privat") that are distinctive enough to be matched inside
// a word.
var identifierStems = []string{
	"name", "naam", "mail", "phonenumber", "phoneno", "phonenr", "telefon", "telefoon", "telephon", "mobilnummer", "mobielnummer", "handynummer",
	"address", "adresse", "adres", "anschrift", "strasse", "straat", "street", "postleitzahl", "postcode", "zipcode",
	"woonplaats", "wohnort", "comment", "kommentar", "commentaar", "opmerking", "toelichting", "bemerkung", "anmerkung",
	"remark", "remarque", "freetext", "freitext", "verbatim", "openanswer", "birth", "geburt", "geboorte", "naissance",
	"ipaddr", "ipadres",
}

func words(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// foldName lower-cases s, removes accents and writes ß as ss.
func foldName(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	f, _, err := transform.String(t, strings.ToLower(s))
	if err != nil {
		f = strings.ToLower(s)
	}
	return strings.ReplaceAll(f, "ß", "ss")
}

// nameParts splits a column name into its words: at anything that is not
// a letter or digit, and where a lower-case letter is followed by an upper
// case one ("firstName").
func nameParts(col string) []string {
	var parts []string
	var cur []rune
	prev := rune(0)
	for _, r := range col {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			parts, cur = appendPart(parts, cur), cur[:0]
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			parts, cur = appendPart(parts, cur), append(cur[:0], r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	return appendPart(parts, cur)
}

func appendPart(parts []string, cur []rune) []string {
	if len(cur) == 0 {
		return parts
	}
	return append(parts, foldName(string(cur)))
}

// singulars returns w and w without a plural ending (-en, -n, -s, -e).
func singulars(w string) []string {
	out := []string{w}
	for _, end := range []string{"en", "n", "s", "e"} {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			out = append(out, strings.TrimSuffix(w, end))
		}
	}
	return out
}

// looksLikeIdentifier reports whether a column name suggests a direct
// identifier (name, address, phone, e-mail, IP address, IBAN, birth date)
// or free text (comments, remarks, "other, please specify").
func looksLikeIdentifier(col string) bool {
	parts := nameParts(col)
	whole := strings.Join(parts, "")
	for _, w := range singulars(whole) {
		if identifierNames[w] {
			return true
		}
	}
	for _, p := range append(parts, whole) {
		for _, w := range singulars(p) {
			if identifierWords[w] {
				return true
			}
		}
	}
	for _, s := range identifierStems {
		if strings.Contains(whole, s) {
			return true
		}
	}
	return false
}

// Kinds of identifying values identifierKind recognises.
const (
	kindEmail = "an e-mail address"
	kindIP    = "an IP address"
	kindPhone = "a phone number"
	kindIBAN  = "an IBAN"
)

var (
	emailPattern = regexp.MustCompile(`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`)
	datePattern  = regexp.MustCompile(`^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2})?)?$`)
	ibanPattern  = regexp.MustCompile(`^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$`)
)

// identifierKind says what kind of direct identifier the cell v holds: an
// e-mail address in any form ("Name <a@b.de>", "mailto:a@b.de"), an IPv4 or
// IPv6 address with or without a port, a phone number or an IBAN; "" if
// none. Codes, ages, amounts and dates are not phone numbers.
func identifierKind(v string) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return ""
	case strings.Contains(v, "@") && emailPattern.MatchString(v):
		return kindEmail
	case isIP(v):
		return kindIP
	case isIBAN(v):
		return kindIBAN
	case isPhone(v):
		return kindPhone
	}
	return ""
}

// isIP reports whether v is an IP address, optionally with a port
// ("192.0.2.1:8080", "[2001:db8::1]:443") or a zone.
func isIP(v string) bool {
	if _, err := netip.ParseAddr(v); err == nil {
		return true
	}
	if _, err := netip.ParseAddrPort(v); err == nil {
		return true
	}
	return false
}

// isIBAN reports whether v, without spaces, is an IBAN with a valid
// ISO 13616 check sum (mod 97 = 1).
func isIBAN(v string) bool {
	if len(v) < 15 || len(v) > 42 {
		return false
	}
	s := strings.ToUpper(strings.ReplaceAll(v, " ", ""))
	if !ibanPattern.MatchString(s) {
		return false
	}
	s = s[4:] + s[:4]
	rem := 0
	for _, c := range s {
		if c >= 'A' {
			rem = (rem*100 + int(c-'A'+10)) % 97
		} else {
			rem = (rem*10 + int(c-'0')) % 97
		}
	}
	return rem == 1
}

// isPhone reports whether v is written like a phone number: only digits,
// spaces and + - / ( ) ., and either international (+49 …, 0049 …, 8 to 15
// digits) or national with a trunk prefix (030 1234567, 0171-1234567,
// 06 12345678: a 0, then 9 to 12 digits). Dates, years, codes, ages and
// numbers without a leading 0 are not.
func isPhone(v string) bool {
	if len(v) < 8 || len(v) > 24 || datePattern.MatchString(v) {
		return false
	}
	digits := 0
	var ds []byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			ds = append(ds, c)
		case c == '+' && i == 0, c == ' ', c == '-', c == '/', c == '(', c == ')', c == '.':
		default:
			return false
		}
	}
	switch {
	case strings.HasPrefix(v, "+"):
		return digits >= 8 && digits <= 15
	case len(ds) > 2 && ds[0] == '0' && ds[1] == '0':
		return ds[2] != '0' && digits >= 10 && digits <= 15
	case len(ds) > 1 && ds[0] == '0' && ds[1] != '0':
		return digits >= 9 && digits <= 12 && !strings.Contains(v, ".")
	}
	return false
}

// mayBeIdentifierValue is a quick test for the parallel reader: false
// means identifierKind(v) is surely "".
func mayBeIdentifierValue(v []byte) bool {
	digits, dots := 0, 0
	for _, c := range v {
		switch {
		case c == '@' || c == ':':
			return true
		case c == '.':
			dots++
		case c >= '0' && c <= '9':
			digits++
		}
	}
	return digits >= 7 || dots >= 3 || len(v) >= 15
}

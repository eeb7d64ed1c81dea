package evidence

import "testing"

func TestUpperFirst(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"die Einzeldaten lagen vor", "Die Einzeldaten lagen vor"},
		{"über 18", "Über 18"},
		{"iPhone users", "iPhone users"},
		{"eBay sellers; all", "eBay sellers; all"},
		{"Online panel", "Online panel"},
		{"18% responded", "18% responded"},
		{"", ""},
	} {
		if got := upperFirst(tt.in); got != tt.want {
			t.Errorf("upperFirst(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

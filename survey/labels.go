package survey

// defaultLabels gives every question, category, net and derived estimate
// without a label (none given, or only empty texts) its id as label, in
// every language (an id needs no translation), so that charts, headings,
// tables and notes never show an empty name (": Yes", "### "). A
// comparison without a label is named from its items' labels by the
// report ("A vs B").
func (s *Study) defaultLabels() {
	def := func(t *Text, id string) {
		if t.Get("en") == "" {
			*t = Text{"en": id, "de": id, "nl": id}
		}
	}
	for i := range s.Questions {
		q := &s.Questions[i]
		def(&q.Label, q.ID)
		for j := range q.Categories {
			def(&q.Categories[j].Label, q.Categories[j].ID)
		}
		for j := range q.Nets {
			def(&q.Nets[j].Label, q.Nets[j].ID)
		}
	}
	for i := range s.Derived {
		def(&s.Derived[i].Label, s.Derived[i].ID)
	}
}

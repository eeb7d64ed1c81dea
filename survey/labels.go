package survey

// defaultLabels gives every question, category, net, derived estimate and
// comparison without a label (none given, or only empty texts) its id as
// label, so that charts, headings, tables and notes never show an empty
// name (": Yes", "### ").
func (s *Study) defaultLabels() {
	def := func(t *Text, id string) {
		if t.Get("en") == "" {
			*t = Text{"en": id}
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
	for i := range s.Compare {
		def(&s.Compare[i].Label, s.Compare[i].ID)
	}
}

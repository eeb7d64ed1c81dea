package survey_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/surveystat/surveystat/survey"
)

func ExampleScan() {
	study, err := survey.Parse(strings.NewReader(`
id: example
data: {file: responses.csv, id: id}
questions:
  - id: aware
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
  - id: attitude
    base: {when: aware == yes, description: respondents who knew of the plans}
    categories: [{id: approve, codes: [1]}, {id: oppose, codes: [2]}]
`), "study.yaml")
	if err != nil {
		log.Fatal(err)
	}
	data := "id,aware,attitude\nr1,1,2\nr2,2,\nr3,1,1\n"
	attitude := study.QuestionIndex("attitude")
	err = survey.Scan(strings.NewReader(data), study, "responses.csv", func(r *survey.Respondent) error {
		fmt.Println(r.ID, "in base of attitude:", study.InBase(attitude, r.Values))
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	// An answer from someone outside the base is an error with its location.
	err = survey.Scan(strings.NewReader("id,aware,attitude\nr1,2,1\n"), study, "responses.csv",
		func(*survey.Respondent) error { return nil })
	fmt.Println(err)
	// Output:
	// r1 in base of attitude: true
	// r2 in base of attitude: false
	// r3 in base of attitude: true
	// responses.csv:2: column "attitude": value "1": answer given by a respondent outside the question's base (expected an empty cell: the question is asked only if aware == yes); hint: check the base in the study file and the export; data.outside_base: warn ignores and counts such answers
}

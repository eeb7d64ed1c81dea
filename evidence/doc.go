// Package evidence writes a study's evidence brief: a short annex, in one
// language, that says what the survey's numbers are evidence of.
//
// The study file's evidence section (survey.Evidence) states the question
// the survey informs and the legal test neutrally, and lists propositions,
// each resting on claims of the study. Build turns the section and the
// results a report has already computed (claim tests, estimates, published
// figures, rendered charts, input hashes) into a Document:
//
//   - the data status, what the intervals assume and the source, once at
//     the top, as they hold for every exhibit;
//   - numbered exhibits ("Exhibit 1", "Anlage 1", "Bijlage 1"), one per
//     proposition, each with its statement and verdict (said once, in its
//     heading), the legal factor it informs, every claim's estimate with
//     its interval and base in words, the one-sided bound and test and the
//     claim's verdict, its chart, the data status and the caveats. A
//     proposition is supported only if every one of its claims is; a claim
//     on a base below the small-cell minimum is not shown and cannot
//     support anything;
//   - the survey-quality checklist courts apply to survey evidence (Federal
//     Judicial Center, Reference Guide on Survey Research, 3rd ed. 2011;
//     Manual for Complex Litigation, 4th ed., § 11.493), filled from the
//     study metadata, with every item the study does not document shown
//     as a gap;
//   - the published figures next to the recomputed ones, inconsistencies
//     first;
//   - a reproducibility statement: input hashes, surveystat version and
//     the command that re-creates the brief.
//
// Markdown and HTML render a Document; every study string is escaped for
// where it lands (html/template for HTML, Markdown escaping for .md). The
// HTML prints on two to four A4 pages for a study like the shipped one:
// 9 pt text, tables in 8 pt, no heading at the foot of a page and no chart
// or table row split across pages. The
// package does not compute statistics and does not read files: data enters
// as an Input and leaves as bytes. It knows nothing of the report package
// (which calls it), so formatting of numbers is passed in (Format).
package evidence

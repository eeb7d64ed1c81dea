// Package catalog holds the fixed text of an output in one language: a
// message catalog loaded from a JSON object of key → message, with {name}
// placeholders that [Catalog.T] fills in.
//
// Each package that writes text keeps its own catalogs as embedded files,
// one per language (i18n/en.json, i18n/de.json, ...), and loads them with
// [Load]; the package's tests check that every key exists in every
// language.
//
// German compounds with a percentage take hyphens throughout (Duden,
// rule 137: "95-%-Konfidenzintervall"), while a percentage alone is
// written with a space ("95 %"). A German message therefore writes the
// compound as "{level}-Konfidenzintervall" and T turns the "95 %-" that
// results into "95-%-".
package catalog

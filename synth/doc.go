// Package synth generates synthetic respondent-level data from a study
// file's synth section, for studies whose real microdata is not public.
//
// The generated file has exactly the counts the study file gives, so it
// reproduces the published figures at their published rounding; everything
// the counts leave open (which respondent answers what, and the joint
// distribution of answers not tied together by a base or a "by" variable)
// is decided by a fixed-seed PCG generator, so the file is byte-identical on
// every run and machine; analysis.CheckPublished confirms the figures.
package synth

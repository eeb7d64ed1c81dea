package report

// Version is the surveystat version recorded in every manifest.
const Version = "0.1.0"

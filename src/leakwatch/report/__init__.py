"""Reports for people outside the review team: the DSA-style transparency report (data, HTML
with inline SVG charts, CSV and JSON), aggregates and codes only."""

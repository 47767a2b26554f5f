"""Stage 2, normalising: `RawReport` -> `NormalizedDocument` (headings recovered, paragraphs
joined, tables rebuilt, debris removed, metadata detected); pure functions."""

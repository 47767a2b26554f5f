"""Stage 7, rendering: results as terminal text, Markdown and JSON (one module per result
type); pure functions of the results."""

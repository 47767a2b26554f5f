"""Stage 3, canonical Markdown: `NormalizedDocument` <-> the dialect of
docs/canonical-markdown.md (render, and parse back with markdown-it-py)."""

"""corpusdiff: a versioned canonical-Markdown corpus of government reports, and what changed."""

#: The reader's version (docs/canonical-markdown.md, rule 17): its minor part goes up with every change
#: that makes the normaliser write other bytes for an unchanged raw report in the same dialect.
__version__ = "0.8.3"

#: Version of the canonical Markdown dialect (the format, rule 17) written by the normaliser.
#: Bumping it means re-normalising (and re-committing) the whole corpus.
DIALECT_VERSION = "1"

"""corpusdiff: a versioned canonical-Markdown corpus of government reports, and what changed."""

__version__ = "0.1.0"

#: Version of the canonical Markdown dialect written by the normaliser.
#: Bumping it means re-normalising (and re-committing) the whole corpus.
DIALECT_VERSION = "1"

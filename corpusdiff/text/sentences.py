"""The one sentence splitter: where a sentence (or a semicolon clause) of canonical text ends.

Canonical text has full-width punctuation in Chinese context (`text.rules`), so the stops are
the full-width marks. The segmenter splits its input at the same marks (jieba never joins a
word across them), and the normaliser's line joiner (`text.rules.ends_sentence`) treats them,
plus the colon, as the end of a paragraph's last line.
"""

from __future__ import annotations

import re

#: Marks that end a sentence or a semicolon clause.
SENTENCE_STOPS = "。！？；"

_SENTENCE_RE = re.compile(f"[^{SENTENCE_STOPS}]+[{SENTENCE_STOPS}]?")


#: Marks that end a whole sentence; a semicolon clause goes on.
FULL_STOPS = "。！？"

_FULL_SENTENCE_RE = re.compile(f"[^{FULL_STOPS}]*[{FULL_STOPS}]+|[^{FULL_STOPS}]+$")


def full_sentences(text: str) -> list[str]:
    """Whole sentences (semicolon clauses kept together) exactly as printed, so that they join
    back into `text`: for cutting a paragraph into pieces without losing a character."""
    return _FULL_SENTENCE_RE.findall(text)


def sentences(text: str) -> list[str]:
    """Sentences and semicolon clauses, each with its closing punctuation, stripped of spaces;
    pieces of nothing but spaces, 。 and ； are left out."""
    return [s.strip() for s in _SENTENCE_RE.findall(text) if s.strip(" 。；")]


#: Marks inside a sentence that end a clause: reports list measures as clauses of one sentence
#: (`…，加快…；推进…；严格…。`) where another year gives each its own sentence or paragraph.
CLAUSE_STOPS = "，："

_CLAUSE_RE = re.compile(f"[^{CLAUSE_STOPS}]+[{CLAUSE_STOPS}]?")


def clauses(text: str) -> list[str]:
    """The clauses of every sentence (`sentences`), split further at commas and colons, each
    with its closing mark, stripped of spaces (the enumeration comma 、 joins the items of one
    clause and does not split it)."""
    return [c.strip() for s in sentences(text) for c in _CLAUSE_RE.findall(s) if c.strip(" ，：。；")]

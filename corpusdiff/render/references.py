"""What a forge makes of text pasted into a comment: GitHub and GitLab read `@name` as a
mention (it notifies that user or team), `#12` as a link to an issue or pull request, and
GitLab `!12`, `~label`, `%12`, `$12` and `&12` as links to its merge requests, labels,
milestones, snippets and epics. GitHub also links `GH-12` to issue 12, and both link a word of
7 to 40 hexadecimal digits to the commit it abbreviates (`81db806`: a report's figure of seven
digits, `1234567`, names a commit as well as a hash does). They read them in the rendered text,
so a backslash escape does not stop them (`\\@name` is shown, and read, as `@name`).

A word joiner (U+2060, invisible, no break) after the sign keeps the sign from touching the
name or number, after `GH-` keeps the number from it, and after every sixth digit of a long
hexadecimal word cuts it into pieces too short to abbreviate a commit: the reader sees the text
as it was, and the forge sees no reference.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"

#: A sign followed by what a reference is made of; `@` and `#` also at the end of the text, for
#: report text written in pieces (a redline's runs) that meet again in the rendered line.
_REFERENCE = re.compile(r"[@#!~%$&](?=[0-9A-Za-z_])|[@#]$")
#: GitHub's `GH-12`, in either case, as a word of its own.
_GH_REFERENCE = re.compile(r"(?<![0-9A-Za-z_])[Gg][Hh]-(?=[0-9])")
#: A word of hexadecimal digits as long as the shortest commit abbreviation or longer (a forge
#: stops at 40, but a longer word cut the same way costs nothing).
_HEX_WORD = re.compile(r"(?<![0-9A-Za-z_])[0-9A-Fa-f]{7,}(?![0-9A-Za-z_])")
#: The pieces a hexadecimal word is cut into: one digit fewer than a commit abbreviation.
_HEX_PIECE = re.compile(r"[0-9A-Fa-f]{6}(?=[0-9A-Fa-f])")


def inert_references(text: str) -> str:
    """`text` with a word joiner after each sign that would start a mention or a reference on
    GitHub or GitLab, after `GH-`, and inside each word that would name a commit. Markdown's
    backslash escapes go before a sign, so it may be escaped before or after; HTML entities
    (`&amp;`) only after."""
    text = _REFERENCE.sub(lambda sign: sign.group() + WORD_JOINER, text)
    text = _GH_REFERENCE.sub(lambda prefix: prefix.group() + WORD_JOINER, text)
    return _HEX_WORD.sub(lambda word: _HEX_PIECE.sub(r"\g<0>" + WORD_JOINER, word.group()), text)

"""What a forge makes of text pasted into a comment: GitHub and GitLab read `@name` as a
mention (it notifies that user or team), `#12` as a link to an issue or pull request, and
GitLab `!12`, `~label`, `%12`, `$12` and `&12` as links to its merge requests, labels,
milestones, snippets and epics. They read them in the rendered text, so a backslash escape
does not stop them (`\\@name` is shown, and read, as `@name`).

A word joiner (U+2060, invisible, no break) after the sign keeps the sign from touching the
name or number: the reader sees the text as it was, and the forge sees no reference.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"

#: A sign followed by what a reference is made of; `@` and `#` also at the end of the text, for
#: report text written in pieces (a redline's runs) that meet again in the rendered line.
_REFERENCE = re.compile(r"[@#!~%$&](?=[0-9A-Za-z_])|[@#]$")


def inert_references(text: str) -> str:
    """`text` with a word joiner after each sign that would start a mention or a reference on
    GitHub or GitLab. Markdown's backslash escapes go before a sign, so it may be escaped
    before or after; HTML entities (`&amp;`) only after."""
    return _REFERENCE.sub(lambda sign: sign.group() + WORD_JOINER, text)

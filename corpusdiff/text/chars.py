"""Character classes of Chinese report text, and the width a text takes in a terminal.

The one definition of what counts as a Han character: every module builds its patterns from
`IDEOGRAPHS` or `HAN` here, so the answer never depends on the module. The two differ by one
character, 〇 (U+3007, the zero of 二〇二二年): it is Han text but no ideograph. It makes a
context Chinese (spacing, punctuation: `HAN`, `has_han`), but words, names and the Han
characters a key word needs are ideographs (`IDEOGRAPHS`, `count_ideographs`, `WORD_CHARS`);
a lone 〇 that jieba leaves of a written date is no content word.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

#: CJK ideographs, as a regex character-class body (use inside `[...]`): Extension A, the
#: Unified Ideographs and the compatibility ideographs; not the Yijing hexagram symbols
#: (U+4DC0-4DFF) between Extension A and the Unified Ideographs, which no report uses.
IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Han text, as a character-class body: the ideographs and 〇.
HAN = f"{IDEOGRAPHS}\u3007"
#: Full-width punctuation and CJK symbols that behave like Han for spacing purposes.
WIDE_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
#: Han characters and wide punctuation: what a space next to is dropped (`text.rules`).
WIDE = f"{HAN}{WIDE_PUNCT}"
#: What a word is made of: ideographs, Latin letters and ASCII digits.
WORD_CHARS = f"{IDEOGRAPHS}A-Za-z0-9"

#: The direction controls (embeddings, overrides, isolates, marks) no Chinese report needs:
#: they make a terminal or a forge show text in another order (an override shows 52 as 25).
DIRECTION_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: Control characters no canonical document holds (the normaliser removes them: `text.rules`)
#: and a terminal obeys: ESC starts sequences that clear the screen, recolour or hide text,
#: set the clipboard, and the C1 control CSI (U+009B) the same ones; and the direction controls.
#: Tab and line breaks are text.
CONTROLS_RE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{DIRECTION_CONTROLS}]")

HAN_RE = re.compile(f"[{HAN}]")
_IDEOGRAPH_RE = re.compile(f"[{IDEOGRAPHS}]")
_WORD_CHAR_RE = re.compile(f"[{WORD_CHARS}]")


def has_han(text: str) -> bool:
    """True when the text contains at least one Han character (Chinese context)."""
    return HAN_RE.search(text) is not None


def count_ideographs(text: str) -> int:
    """How many ideographs the text holds (〇 is not one)."""
    return len(_IDEOGRAPH_RE.findall(text))


def has_word_char(text: str) -> bool:
    """True when the text holds an ideograph, a Latin letter or a digit: a word, not
    punctuation, white space or a lone 〇."""
    return _WORD_CHAR_RE.search(text) is not None


def display_width(text: str) -> int:
    """Terminal columns `text` takes: two for East Asian wide and full-width characters
    (`unicodedata.east_asian_width` W or F: Han, （）, ，), one for everything else, so
    ambiguous-width marks such as ● — … count as one."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """`text` filled with spaces to `width` terminal columns."""
    return text + " " * max(0, width - display_width(text))


def han_bigrams(text: str) -> frozenset[str]:
    """The distinct pairs of neighbouring Han characters of a text, punctuation, figures and
    markup skipped: what two copies of one report share whatever format they came in."""
    chars = HAN_RE.findall(text)
    return frozenset(a + b for a, b in pairwise(chars))


def han_likeness(a: frozenset[str], b: frozenset[str]) -> float:
    """The Jaccard share of two texts' `han_bigrams`: 0.99 and more for one report read from a
    text file and from its portal page, about 0.2–0.3 for two years' reports of one series."""
    return len(a & b) / len(a | b) if a or b else 0.0



def control_picture(match: re.Match[str]) -> str:
    """The visible stand-in of a control character: its Unicode control picture (`␛` for ESC,
    `␡` for DEL), so a reader still sees which it was; a C1 control, which has none, as U+FFFD."""
    code = ord(match.group())
    if code >= 0x80:
        return "\ufffd"
    return chr(0x2421 if code == 0x7F else 0x2400 + code)


def visible_controls(text: str) -> str:
    """`text` with each control character (`CONTROLS_RE`) shown as its control picture."""
    return CONTROLS_RE.sub(control_picture, text)


_ONE_LINE_CONTROLS_RE = re.compile("[\x00-\x1f\x7f]")

#: What no file name of a corpus document holds: a control character (ESC starts what a
#: terminal obeys; a line break splits a listing's line) or a bidirectional control, which makes
#: a terminal or a forge show `2027-01<RLO>dm.md` as another name ("Trojan Source").
_NAME_UNSAFE_RE = re.compile(f"[\x00-\x1f\x7f-\x9f{DIRECTION_CONTROLS}]")


def unsafe_in_name(name: str) -> str | None:
    """The first character of `name` no document's file name may hold, as `U+XXXX`; None
    when it has none."""
    found = _NAME_UNSAFE_RE.search(name)
    return f"U+{ord(found.group()):04X}" if found else None


def visible_name(text: str) -> str:
    """`text` (a line naming files) with each such character shown as its control picture
    (U+FFFD for a C1 or bidirectional control), so printing it runs and reorders nothing."""
    return _NAME_UNSAFE_RE.sub(control_picture, text)


def control_in_field(value: str) -> str | None:
    """The first control character of a one-line field (a title, a date: tabs and line breaks
    count), as `U+XXXX`; None when it has none. Such a value would end up in the front matter
    as a document no reader takes for canonical (NUL makes it binary)."""
    found = _ONE_LINE_CONTROLS_RE.search(value)
    return f"U+{ord(found.group()):04X}" if found else None

"""Word-level inline diffs: diff-match-patch run over jieba tokens, not characters.

Each distinct token is mapped to one private-use character, dmp diffs those strings (fast,
no timeout degradation on unit-sized texts), and the result is mapped back to text. Figures
(`6.0%以上`, `5318.2亿元`) are single tokens, so the diff never splits a number.

jieba cuts a renamed part of a compound word differently on the two sides (`市场主体` is one
token, `经营主体` two), so a deletion and an insertion at one place can share a head or a tail
(`-市场主体 +经营主体`); that shared part is given back to the unchanged text, and the diff
reads as the replacement it is: `新增[市场→经营]主体`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from corpusdiff.text.chars import IDEOGRAPHS
from corpusdiff.text.figures import figures, with_whole_figures
from corpusdiff.types.diff import Figure

EQUAL, DELETE, INSERT = "=", "-", "+"
#: The shortest shared head or tail of a replacement given back to the unchanged text: a word
#: part (`主体`, `新增`), not one character two different words happen to share (发展/发挥).
SHARED_END_MIN = 2
#: Characters a shared end may hold: ideographs other than numerals and units, so a figure is
#: never split (`5318.2亿元` → `6000亿元` keeps `亿元` inside both runs).
_WORD_CHAR_RE = re.compile(f"[{IDEOGRAPHS}]")
_NUMBER_CHARS = frozenset("〇零一二三四五六七八九十百千万亿两")


def token_diff(old: str, new: str, tokenize: Callable[[str], Sequence[str]]) -> list[tuple[str, str]]:
    """[(op, text)] with op in `=`, `-`, `+`; adjacent runs merged."""
    from diff_match_patch import diff_match_patch

    table: dict[str, str] = {}
    tokens: list[str] = []

    whole = with_whole_figures(tokenize)

    def encode(text: str) -> str:
        chars = []
        for token in whole(text):
            if token not in table:
                table[token] = chr(0xF0000 + len(tokens))
                tokens.append(token)
            chars.append(table[token])
        return "".join(chars)

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(encode(old), encode(new), False)
    dmp.diff_cleanupSemantic(diffs)
    ops = {0: EQUAL, -1: DELETE, 1: INSERT}
    runs = [(ops[op], tuple(tokens[ord(c) - 0xF0000] for c in chars)) for op, chars in diffs]
    return _merged(_shared_ends_unchanged(_merged(runs)))


_Run = tuple[str, tuple[str, ...]]
_Part = TypeVar("_Part", str, tuple[str, ...])


def _merged(runs: Sequence[tuple[str, _Part]]) -> list[tuple[str, _Part]]:
    """Adjacent runs of one op joined, empty runs dropped (runs of text or of tokens)."""
    out: list[tuple[str, _Part]] = []
    for op, part in runs:
        if not part:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + part)
        else:
            out.append((op, part))
    return out


def _shared_ends_unchanged(runs: list[_Run]) -> list[tuple[str, str]]:
    """Each deletion next to an insertion with the head and tail they share moved out into
    unchanged text (`-市场主体 +经营主体` → `-市场 +经营 =主体`)."""
    out: list[tuple[str, str]] = []
    index = 0
    while index < len(runs):
        pair = runs[index : index + 2]
        if len(pair) == 2 and {pair[0][0], pair[1][0]} == {DELETE, INSERT}:
            out.extend(_replacement(pair[0], pair[1]))
            index += 2
        else:
            out.append((runs[index][0], "".join(runs[index][1])))
            index += 1
    return out


def _replacement(first: _Run, second: _Run) -> list[tuple[str, str]]:
    """A deletion and an insertion at one place, their shared head and tail unchanged."""
    (op_a, tokens_a), (op_b, tokens_b) = first, second
    text_a, text_b = "".join(tokens_a), "".join(tokens_b)
    head = _shared_word_part(text_a, text_b, _cuts(tokens_a) | _cuts(tokens_b))
    rest_a, rest_b = text_a[head:], text_b[head:]
    tail_cuts = {len(text_a) - cut for cut in _cuts(tokens_a)} | {len(text_b) - cut for cut in _cuts(tokens_b)}
    tail = _shared_word_part(rest_a[::-1], rest_b[::-1], tail_cuts)
    return [
        (EQUAL, text_a[:head]),
        (op_a, rest_a[: len(rest_a) - tail]),
        (op_b, rest_b[: len(rest_b) - tail]),
        (EQUAL, rest_a[len(rest_a) - tail :]),
    ]


def _cuts(tokens: Sequence[str]) -> set[int]:
    """Where the tokens of a run meet, as character offsets (the run's ends included)."""
    return {0, *itertools.accumulate(len(token) for token in tokens)}


def _shared_word_part(a: str, b: str, cuts: set[int]) -> int:
    """How many leading characters `a` and `b` share as a word part: word characters only,
    ending where a token of either side ends, long enough to be a word part and leaving
    something changed; 0 otherwise. Runs holding figures share nothing."""
    if _has_digit(a) or _has_digit(b):
        return 0
    size = 0
    for char_a, char_b in zip(a, b, strict=False):
        if char_a != char_b or not _WORD_CHAR_RE.match(char_a) or char_a in _NUMBER_CHARS:
            break
        size += 1
    size = max((cut for cut in cuts if cut <= size), default=0)
    if size < SHARED_END_MIN or (size == len(a) and size == len(b)):
        return 0
    return size


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def changed_figures(diff: Sequence[tuple[str, str]]) -> list[Figure]:
    """Deleted and inserted runs next to each other that both hold figures: each figure of the
    old run against the figure at the same place in the new run, whole; one a run has beyond
    the other's against nothing (`5318.2亿元，增长8.6%` → `5949亿元`: the growth is gone). A year
    changed in a date (`2021` → `2022` before `年`) is no figure."""
    changes: list[Figure] = []
    for n, ((op_a, text_a), (op_b, text_b)) in enumerate(itertools.pairwise(diff)):
        if {op_a, op_b} == {DELETE, INSERT}:
            deleted, inserted = (text_a, text_b) if op_a == DELETE else (text_b, text_a)
            after = diff[n + 2][1] if n + 2 < len(diff) else ""
            old, new = figures(deleted, after), figures(inserted, after)
            if _mostly_figures(deleted, old) and _mostly_figures(inserted, new):
                pairs = itertools.zip_longest(old, new, fillvalue="")
                changes.extend(Figure(a, b) for a, b in pairs if a != b)
    return changes


#: Words around the figures of a changed run beyond which the run rewrote a sentence rather
#: than changed a figure (its figures would pair by accident: `100个` with `100米`).
FIGURE_CONTEXT = 12


def _mostly_figures(run: str, found: list[str]) -> bool:
    return bool(found) and len(run) - sum(len(f) for f in found) <= FIGURE_CONTEXT

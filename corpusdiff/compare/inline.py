"""Word-level inline diffs: diff-match-patch run over jieba tokens, not characters.

Each distinct token is mapped to one private-use character, dmp diffs those strings (fast,
no timeout degradation on unit-sized texts), and the result is mapped back to text. Figures
(`6.0%以上`, `5318.2亿元`) are single tokens, so the diff never splits a number.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from corpusdiff.text.figures import figures, with_whole_figures
from corpusdiff.types.diff import Figure

EQUAL, DELETE, INSERT = "=", "-", "+"


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
    out: list[tuple[str, str]] = []
    for op, chars in diffs:
        text = "".join(tokens[ord(c) - 0xF0000] for c in chars)
        if out and out[-1][0] == ops[op]:
            out[-1] = (ops[op], out[-1][1] + text)
        else:
            out.append((ops[op], text))
    return out


def changed_figures(diff: Sequence[tuple[str, str]]) -> list[Figure]:
    """Deleted and inserted runs next to each other that both hold figures: each figure of the
    old run against the figure at the same place in the new run, whole. A year changed in a
    date (`2021` → `2022` before `年`) is no figure."""
    changes: list[Figure] = []
    for n, ((op_a, text_a), (op_b, text_b)) in enumerate(itertools.pairwise(diff)):
        if {op_a, op_b} == {DELETE, INSERT}:
            deleted, inserted = (text_a, text_b) if op_a == DELETE else (text_b, text_a)
            after = diff[n + 2][1] if n + 2 < len(diff) else ""
            old, new = figures(deleted, after), figures(inserted, after)
            if _mostly_figures(deleted, old) and _mostly_figures(inserted, new):
                changes.extend(Figure(a, b) for a, b in zip(old, new, strict=False) if a != b)
    return changes


#: Words around the figures of a changed run beyond which the run rewrote a sentence rather
#: than changed a figure (its figures would pair by accident: `100个` with `100米`).
FIGURE_CONTEXT = 12


def _mostly_figures(run: str, found: list[str]) -> bool:
    return bool(found) and len(run) - sum(len(f) for f in found) <= FIGURE_CONTEXT

"""Word-level inline diffs: diff-match-patch run over jieba tokens, not characters.

Each distinct token is mapped to one private-use character, dmp diffs those strings (fast,
no timeout degradation on unit-sized texts), and the result is mapped back to text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from corpusdiff.types.diff import Figure

EQUAL, DELETE, INSERT = "=", "-", "+"
_NUMBER_RE = re.compile(r"\d")
_FIGURE_RE = re.compile(r"[\d.]+\s*(?:%|万|亿|千|百)?[\u4e00-\u9fff]{0,2}")


def token_diff(old: str, new: str, tokenize: Callable[[str], Sequence[str]]) -> list[tuple[str, str]]:
    """[(op, text)] with op in `=`, `-`, `+`; adjacent runs merged."""
    from diff_match_patch import diff_match_patch

    table: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        chars = []
        for token in tokenize(text):
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
    """Deleted/inserted runs next to each other that both carry numbers."""
    figures = []
    for (op_a, text_a), (op_b, text_b) in itertools.pairwise(diff):
        if op_a == DELETE and op_b == INSERT and _NUMBER_RE.search(text_a) and _NUMBER_RE.search(text_b):
            figures.append(Figure(_figure(text_a), _figure(text_b)))
    return figures


def _figure(text: str) -> str:
    text = text.strip("，。；、 ")
    if len(text) <= 12:
        return text
    match = _FIGURE_RE.search(text)
    return match.group(0) if match else text

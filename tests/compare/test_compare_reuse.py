"""The differ's own speed: what a comparison asks again and again (a timeline compares each
edition with a dozen others) is computed once, and the faster forms give the very answers of
the plain definitions they replace."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from corpusdiff.compare import features, matching, units
from corpusdiff.compare.features import Features, Match, _anchor_counts, _Side, _with_ranks
from corpusdiff.types.diff import Role
from corpusdiff.types.document import Metadata
from corpusdiff.types.tree import GROUP, DocTree, Unit


def _unit(index: int, text: str, kind: str = "paragraph", section: int | None = 0) -> Unit:
    return Unit(index, section, kind, "", text, index)


def _side(words: list[tuple[str, ...]], kinds: list[str] | None = None) -> _Side:
    kinds = kinds or ["paragraph"] * len(words)
    found = tuple(_unit(n, "".join(w) or "。", kind) for n, (w, kind) in enumerate(zip(words, kinds, strict=True)))
    return _Side(DocTree(Metadata(), (), found), found, [Role.OTHER] * len(found), words, [u.text for u in found])


def _anchors_by_definition(old: _Side, new: _Side) -> dict[tuple[int, int], int]:
    """Words of two or more characters held by exactly one old and exactly one new unit (groups
    and item lines hold none), counted per pair of holders."""

    def holders(side: _Side) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for n, words in enumerate(side.words):
            if side.units[n].kind != GROUP and not features.is_item_line(side.units[n]):
                for word in set(words):
                    found.setdefault(word, []).append(n)
        return found

    of_old, of_new = holders(old), holders(new)
    return dict(
        Counter(
            (of_old[w][0], of_new[w][0])
            for w in of_old.keys() & of_new.keys()
            if len(w) >= 2 and len(of_old[w]) == 1 and len(of_new[w]) == 1
        )
    )


def test_anchor_counts_are_words_only_one_unit_of_each_edition_holds() -> None:
    old = _side([("深圳", "湾区", "湾区", "口岸"), ("口岸", "河套"), ("河套", "科技"), ("科技", "园区")], [
        "paragraph", "paragraph", "paragraph", GROUP,
    ])
    new = _side([("湾区", "口岸", "深圳"), ("河套", "深圳"), ("科技", "园区", "园区", "人才"), ("人才", "一")])
    counts = _anchor_counts(old, new)
    # 湾区: old 0 and new 0 alone. 深圳: two new units. 口岸: two old units. 河套: two old units.
    # 科技: old 2 alone (the group holds none) and new 2. 园区: only the group on the old side.
    # 人才: no old unit. 一: one character.
    assert counts == {(0, 0): 1, (2, 2): 1}
    assert counts == _anchors_by_definition(old, new)


def test_ranked_features_keep_every_signal_and_add_the_ranks() -> None:
    candidates = {
        (0, 0): Features(0.9, 0.8, 0.7, 0.5, 1.0, 1.0, sentences=0.4, clauses=0.3),
        (0, 1): Features(0.2, 0.3, 0.1, 0.0, 0.5, 0.0, sentences=0.0, clauses=0.1),
        (1, 1): Features(0.0, 0.0, 0.0, 0.0, 0.2, 1.0),
    }
    ranked = _with_ranks(candidates)
    for pair, before in candidates.items():
        after = ranked[pair]
        unchanged = {f.name for f in dataclasses.fields(Features)} - {"relative", "mutual", "backed"}
        assert {name: getattr(after, name) for name in unchanged} == {
            name: getattr(before, name) for name in unchanged
        }
    assert ranked[(0, 0)].relative == 1.0 and ranked[(0, 0)].mutual == 1.0
    assert ranked[(1, 1)].relative == 0.0  # nothing alike: no rank


def test_a_leftover_unit_merges_into_the_first_of_equally_likely_partners() -> None:
    """A unit left over looks at its own pairs only, and a tie still goes to the pair scored
    first, as over all the pairs."""
    old_units = tuple(_unit(n, f"旧{n}") for n in range(3))
    new_units = tuple(_unit(n, f"新{n}") for n in range(2))
    scores = {(0, 0): 0.99, (1, 1): 0.99, (2, 1): 0.6, (2, 0): 0.6}
    found = matching.match_units(old_units, new_units, {}, scores=scores)
    assert Match(2, 1, 0.6, "merge") in found
    assert Match(2, 0, 0.6, "merge") not in found


def test_a_frame_line_is_read_once_however_many_comparisons_ask(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def counted(text: str) -> str:
        read.append(text)
        return text

    units._is_frame_line.cache_clear()
    monkeypatch.setattr(units, "simplified", counted)
    line = _unit(0, "——2022年1月21日在深圳市福田区第八届人民代表大会第二次会议上", section=None)
    assert all(units.is_speech_frame(dataclasses.replace(line, index=n)) for n in range(5))
    assert len(read) == 1


def test_a_text_is_cut_into_bigrams_once(monkeypatch: pytest.MonkeyPatch) -> None:
    found: list[str] = []

    class Counted:
        def findall(self, text: str) -> list[str]:
            found.append(text)
            return list(text)

    features._bigrams.cache_clear()
    monkeypatch.setattr(features, "_KEEP", Counted())
    for _ in range(3):
        assert features._bigrams("推进河套深港科技创新合作区建设") == features._bigrams("推进河套深港科技创新合作区建设")
    features._bigrams.cache_clear()
    assert found == ["推进河套深港科技创新合作区建设"]


FRONT = """---
dialect: corpusdiff/1
title: 政府工作报告
---

## 一、今年的主要任务

"""
OLD_REPORT = FRONT + "推进河套深港科技创新合作区建设，扩大开放。\n\n加强基础研究，培育创新人才。\n"
NEW_REPORT = FRONT + "加强基础研究，培育创新人才。\n\n建设河套合作区，深化合作。\n"


def test_prepared_editions_leave_each_pair_only_the_pieces_with_its_own_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A parent prepares the editions before its pool forks: a pair's segmenter then cuts only
    the pieces that hold one of its domain words, and every token is what it cut unprepared."""
    from corpusdiff.compare.core import prepare_editions
    from corpusdiff.structure import tree_from_markdown
    from corpusdiff.text import segment

    def fresh_stores() -> None:
        for name in ("SHARED_PIECES", "SHARED_TEXTS", "SHARED_WORDS"):
            monkeypatch.setattr(segment, name, {})

    trees = [tree_from_markdown(OLD_REPORT), tree_from_markdown(NEW_REPORT)]
    texts = [unit.text for tree in trees for unit in tree.units]
    fresh_stores()
    unprepared = [segment.Segmenter(("河套合作区",)).tokens(text) for text in texts]

    fresh_stores()
    prepare_editions(trees)
    cut: list[str] = []
    cut_all = segment.Segmenter._cut_all

    def counted(self: segment.Segmenter, pieces: list[str]) -> dict[str, tuple[str, ...]]:
        cut.extend(pieces)
        return cut_all(self, pieces)

    monkeypatch.setattr(segment.Segmenter, "_cut_all", counted)
    seg = segment.Segmenter(("河套合作区",))
    assert [seg.tokens(text) for text in texts] == unprepared
    assert cut == ["建设河套合作区，"]


def test_preparing_stops_once_the_shared_pieces_are_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long series fills the process's store of pieces (`SHARED_LIMIT`), which then starts
    again: the parent stops there rather than cut, alone, editions its workers would not inherit."""
    from corpusdiff.compare import core
    from corpusdiff.structure import tree_from_markdown
    from corpusdiff.text import segment

    for name in ("SHARED_PIECES", "SHARED_TEXTS", "SHARED_WORDS"):
        monkeypatch.setattr(segment, name, {})
    monkeypatch.setattr(segment, "SHARED_LIMIT", 5)
    read: list[int] = []
    monkeypatch.setattr(core, "extract_programmes", lambda texts: read.append(len(texts)) or [])
    trees = [tree_from_markdown(report) for report in (OLD_REPORT, NEW_REPORT, OLD_REPORT + NEW_REPORT)]
    core.prepare_editions(trees)
    assert len(read) == 2  # the first edition's five pieces fill the store, the second's two more overflow it

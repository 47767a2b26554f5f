"""The evidence about one candidate pair of units: how alike their leads, bodies and characters are,
the rare words and sentences they share, where they stand, and the probability the model
(`params.WEIGHTS`) gives that they are one initiative. Pure functions of two editions' units.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from corpusdiff.compare import params
from corpusdiff.compare.params import MATCHER, MatcherParams
from corpusdiff.compare.units import (
    LEAD_MARK_RE,
    initiative_units,
    lead_of,
    neutral_lead,
    roles_correspond,
    self_names,
    unit_roles,
)
from corpusdiff.structure import ITEM_LINE_RE
from corpusdiff.text.chars import WORD_CHARS
from corpusdiff.text.sentences import clauses, sentences
from corpusdiff.text.vectors import closest, cosine_matrix
from corpusdiff.types.diff import Role
from corpusdiff.types.tree import GROUP, DocTree, Unit, is_within

if TYPE_CHECKING:
    from corpusdiff.text.segment import Segmenter

_KEEP = re.compile(f"[{WORD_CHARS}%.]")


@dataclass(frozen=True)
class Match:
    """A pair of initiative units with the model's probability that they are one initiative."""

    old: int  # index into the old edition's initiative units
    new: int
    probability: float
    relation: str = ""  # "", "merge" (an extra old unit) or "split" (an extra new unit)


@dataclass(frozen=True)
class Features:
    """The signals the model weighs, each in [0, 1]."""

    lead: float
    body: float
    chars: float
    anchors: float
    position: float
    same_kind: float
    relative: float = 0.0  # the pair's likeness over the best either unit has with any other
    mutual: float = 0.0  # 1 when each is the other's most alike candidate, on some lead or anchor
    backed: float = 0.0  # `relative`, scaled down when the pair is little alike in absolute terms
    sentences: float = 0.0  # share of either unit's text whose sentences continue in the other
    clauses: float = 0.0  # the same share, of clauses (a sentence cut at its commas)

    def as_tuple(self) -> tuple[float, ...]:
        return (
            self.lead,
            self.body,
            self.chars,
            self.anchors,
            self.position,
            self.same_kind,
            self.relative,
            self.mutual,
            self.backed,
            self.sentences,
            self.clauses,
        )


@lru_cache(maxsize=16384)
def _bigrams(text: str) -> tuple[str, ...]:
    """The text's pairs of adjacent word characters (its characters when it has one): kept, as
    each unit's text and lead are read again in every comparison its edition is in."""
    chars = _KEEP.findall(text)
    return tuple([a + b for a, b in pairwise(chars)] or chars)


@dataclass
class _Side:
    tree: DocTree
    units: tuple[Unit, ...]
    roles: list[Role]
    words: list[tuple[str, ...]]
    texts: list[str]

    @property
    def positions(self) -> list[float]:
        """Each unit's relative place within its role's units (0 first, 1 last)."""
        ranks: dict[Role, list[int]] = {}
        for index, role in enumerate(self.roles):
            ranks.setdefault(role, []).append(index)
        out = [0.0] * len(self.units)
        for members in ranks.values():
            for rank, index in enumerate(members):
                out[index] = rank / max(1, len(members) - 1)
        return out


def _side(tree: DocTree, seg: Segmenter) -> _Side:
    units = initiative_units(tree)
    roles = unit_roles(tree, units)
    bodies = _item_bodies(tree)
    texts = [
        _body_text(tree, unit) + (bodies.get(unit.index, "") if role is Role.REVIEW else "")
        for unit, role in zip(units, roles, strict=True)
    ]
    return _Side(tree, units, roles, [seg.words(t) for t in texts], texts)


def _body_text(tree: DocTree, unit: Unit) -> str:
    """A group's body is the leads of the units under its heading (what it is about, at a
    tenth of the text); any other unit's, its own text."""
    if unit.kind != GROUP:
        return unit.text
    inside = [lead_of(u) for u in tree.units if is_within(tree, u.section, unit.section)]
    return unit.text + "。".join(inside)


def is_item_line(unit: Unit) -> bool:
    """A `一是…` review item standing alone as a one-sentence paragraph, its account in the
    paragraph below it (2017's and 2021's reports; 2019's run the account on in the line)."""
    return unit.kind == "paragraph" and bool(ITEM_LINE_RE.match(unit.text.strip()))


def _item_bodies(tree: DocTree) -> dict[int, str]:
    """item line -> the paragraph right below it, in its section (used in the review, where the
    line states an outcome and that paragraph accounts for it). The line alone says its subject
    in a dozen generic characters (`深化改革扩大开放` / `坚定不移推进改革开放` share one word); what
    it is about is told below, and that is what its successor tells too. Only the one paragraph:
    the last item of a review is followed by paragraphs of other subjects (外交, 一年来的工作…)."""
    return {item: tree.units[body].text for body, item in item_body_units(tree).items()}


def item_body_units(tree: DocTree) -> dict[int, int]:
    """body paragraph -> its item line (see `_item_bodies`): the two are one review item."""
    return {
        following.index: unit.index
        for unit, following in pairwise(tree.units)
        if is_item_line(unit)
        and following.kind == "paragraph"
        and following.section == unit.section
        and not is_item_line(following)
    }


def _compatible(a: Unit, b: Unit) -> bool:
    """Most kinds may continue each other (a review group of one year is a `一是…` paragraph
    of the next; `same_kind` weighs the difference), but a numbered task never continues a
    group or becomes one: they are different levels of the same hierarchy. Two indicator
    lines continue each other only when their names have something in common."""
    if {a.kind, b.kind} == {GROUP, "task"}:
        return False
    old_name, new_name = indicator_name(a.text), indicator_name(b.text)
    return old_name is None or new_name is None or names_alike(old_name, new_name)


_LIST_ITEM = re.compile(r"^[-*+]\s+")
#: An indicator or target line: a short clause whose figure (or worded target) follows its name.
_INDICATOR_LINE = re.compile(
    r"^(?P<name>[^，。；：,;:]{2,30}?)"
    r"(?:增长|下降|上涨|提高|降低|减少|增加|上升|控制在|保持在|稳定在|达到|为|在|力争|不低于|不超过|超过|低于|高于)*"
    r"(?:[-−－+]?\d|完成市下达|以市下达|正增长|基本持平)"
)


@lru_cache(maxsize=16384)
def indicator_name(text: str) -> str | None:
    """The indicator a short figure line names (`地区生产总值` in `——地区生产总值增长6.0%以上；`),
    or None when the text is not such a line."""
    line = LEAD_MARK_RE.sub("", _LIST_ITEM.sub("", text.strip())).rsplit("：", 1)[-1]
    if len(line) > params.INDICATOR_LINE:
        return None
    found = _INDICATOR_LINE.match(line)
    return found.group("name") if found else None


def names_alike(old: str, new: str) -> bool:
    """Whether two indicator names may be one indicator, renamed (`能耗总量和强度` / `万元GDP
    能耗`, `生产总值` / `地区生产总值`): they share a pair of characters. Names with nothing in
    common (`一般公共预算收入` / `万元GDP水耗`) are two indicators, however alike their figures and
    verbs read; so are names that differ only where they name the quantity (`万元GDP能耗` /
    `万元GDP水耗`, `城镇登记失业率` / `城镇调查失业率`) or where one goes on to measure something
    of the other (`国内生产总值` / `单位国内生产总值能耗`)."""
    if not set(_bigrams(old)) & set(_bigrams(new)):
        return False
    return not _other_quantity(old, new)


def _other_quantity(old: str, new: str) -> bool:
    """Two names alike but for a short stretch that shares no character (能/水, 登记/调查), or
    one name inside the other with words on both sides (国内生产总值 in 单位国内生产总值能耗: a
    measure of it, not it; `生产总值` / `地区生产总值` and `居民消费价格` / `居民消费价格涨幅`, words
    on one side, stay one indicator)."""
    shorter, longer = sorted((old, new), key=len)
    if shorter in longer:
        return not (longer.startswith(shorter) or longer.endswith(shorter))
    prefix = _common_start(old, new)
    suffix = _common_start(old[prefix:][::-1], new[prefix:][::-1])
    old_rest, new_rest = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    return (
        0 < len(old_rest) <= _SUBSTITUTION
        and 0 < len(new_rest) <= _SUBSTITUTION
        and not set(old_rest) & set(new_rest)
    )


def _common_start(a: str, b: str) -> int:
    return next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


#: The longest stretch of a name whose change names another quantity (能耗/水耗, 登记/调查);
#: a longer rewrite is a renamed indicator (能耗总量和强度 -> 万元GDP能耗).
_SUBSTITUTION = 2


def _anchor_counts(old: _Side, new: _Side) -> dict[tuple[int, int], int]:
    """(old, new) -> words of two or more characters that only these two units use."""
    only_old, only_new = _sole_holders(old), _sole_holders(new)
    counts: Counter[tuple[int, int]] = Counter()
    for word, i in only_old.items():
        j = only_new.get(word)
        if j is not None and len(word) >= 2:
            counts[(i, j)] += 1
    return dict(counts)


def _sole_holders(side: _Side) -> dict[str, int]:
    """word -> the one unit of the side that uses it (groups and item lines hold none): a dict
    per side, not a list of holders per word of both sides (half the time)."""
    holder: dict[str, int] = {}
    shared: set[str] = set()
    for index, words in enumerate(side.words):
        unit = side.units[index]
        if unit.kind == GROUP or is_item_line(unit):
            continue
        for word in set(words):
            if word in holder:
                shared.add(word)
            else:
                holder[word] = index
    for word in shared:
        del holder[word]
    return holder


def candidate_features(
    old_tree: DocTree, new_tree: DocTree, seg: Segmenter, matcher: MatcherParams = MATCHER
) -> tuple[tuple[Unit, ...], tuple[Unit, ...], dict[tuple[int, int], Features]]:
    """Initiative units of both editions and the features of every pair in the same role."""
    old, new = _side(old_tree, seg), _side(new_tree, seg)
    if not roles_correspond(old_tree, new_tree):
        old.roles, new.roles = [Role.OTHER] * len(old.units), [Role.OTHER] * len(new.units)
    bodies = cosine_matrix(old.words, new.words)
    chars = cosine_matrix([_bigrams(t) for t in old.texts], [_bigrams(t) for t in new.texts])
    # leads weigh their rare bigrams: the subject (金融, 教育) names the initiative, the
    # predicate (持续提升, 稳步推进) is shared by half the review paragraphs
    names_old, names_new = self_names(old_tree), self_names(new_tree)
    leads = cosine_matrix(
        [_bigrams(neutral_lead(lead_of(u), names_old)) for u in old.units],
        [_bigrams(neutral_lead(lead_of(u), names_new)) for u in new.units],
    )
    anchors = _anchor_counts(old, new)
    shared = _sentence_shares(old, new, seg)
    clause_shared = _clause_shares(old, new, seg)
    pos_old, pos_new = old.positions, new.positions
    near = (chars >= params.MIN_CHAR_COSINE) | (leads >= params.MIN_LEAD)
    for i, j in shared.keys() | clause_shared.keys():
        near[i, j] = True
    features: dict[tuple[int, int], Features] = {}
    for i, j in zip(*near.nonzero(), strict=True):
        i, j = int(i), int(j)
        a, b = old.units[i], new.units[j]
        if old.roles[i] != new.roles[j] or not _compatible(a, b):
            continue
        features[(i, j)] = Features(
            lead=float(leads[i, j]),
            body=float(bodies[i, j]),
            chars=float(chars[i, j]),
            anchors=min(anchors.get((i, j), 0), params.ANCHOR_CAP) / params.ANCHOR_CAP,
            position=1.0 - abs(pos_old[i] - pos_new[j]),
            same_kind=float(a.kind == b.kind),
            sentences=shared.get((i, j), 0.0),
            clauses=clause_shared.get((i, j), 0.0),
        )
    return old.units, new.units, _with_ranks(features, matcher)


def _sentence_shares(old: _Side, new: _Side, seg: Segmenter) -> dict[tuple[int, int], float]:
    """(old, new) -> the larger of the shares of either unit's text made of sentences whose
    closest sentence in the other edition (same role, cosine >= SENTENCE_LINK) lies in the
    other unit: how a paragraph cut finer or coarser on one side still finds its continuation."""
    pieces_old, pieces_new = _pieces_of(old, sentences, params.MIN_SENTENCE), _pieces_of(new, sentences, params.MIN_SENTENCE)
    return _linked_shares(old, new, pieces_old, pieces_new, seg.words, params.SENTENCE_LINK)


def _clause_shares(old: _Side, new: _Side, seg: Segmenter) -> dict[tuple[int, int], float]:
    """`_sentence_shares` at clause level: a measure one edition states as a sentence or a
    paragraph of its own is often one clause of a long sentence in the other (`…，严格规定各类
    产品的能源消耗定额，…`), too small a part of it to link the sentences."""
    pieces_old, pieces_new = _pieces_of(old, clauses, params.MIN_CLAUSE), _pieces_of(new, clauses, params.MIN_CLAUSE)
    return _linked_shares(old, new, pieces_old, pieces_new, seg.words, params.CLAUSE_LINK)


def _linked_shares(
    old: _Side,
    new: _Side,
    pieces_old: Sequence[tuple[int, str]],
    pieces_new: Sequence[tuple[int, str]],
    tokens: Callable[[str], Sequence[str]],
    link: float,
) -> dict[tuple[int, int], float]:
    """(old, new) -> the larger of the shares of either unit's text made of pieces whose closest
    piece in the other edition (same role, cosine >= link) lies in the other unit."""
    if not pieces_old or not pieces_new:
        return {}
    roles = {role: n for n, role in enumerate(set(old.roles) | set(new.roles))}
    found = closest(
        [tokens(t) for _, t in pieces_old],
        [tokens(t) for _, t in pieces_new],
        [roles[old.roles[i]] for i, _ in pieces_old],
        [roles[new.roles[j]] for j, _ in pieces_new],
    )
    share_old: defaultdict[tuple[int, int], float] = defaultdict(float)
    share_new: defaultdict[tuple[int, int], float] = defaultdict(float)
    for k, (m, value) in enumerate(zip(found.left, found.left_cosine, strict=True)):
        if value >= link:
            i, text = pieces_old[k]
            share_old[(i, pieces_new[m][0])] += len(text) / max(1, len(old.units[i].text))
    for m, (k, value) in enumerate(zip(found.right, found.right_cosine, strict=True)):
        if value >= link:
            j, text = pieces_new[m]
            share_new[(pieces_old[k][0], j)] += len(text) / max(1, len(new.units[j].text))
    return {
        pair: min(1.0, max(share_old[pair], share_new[pair])) for pair in share_old.keys() | share_new.keys()
    }


def _pieces_of(side: _Side, split: Callable[[str], list[str]], shortest: int) -> list[tuple[int, str]]:
    """(unit, piece) for every piece (sentence, clause) long enough to carry meaning; groups have none."""
    return [
        (index, piece)
        for index, unit in enumerate(side.units)
        if unit.kind != GROUP
        for piece in split(unit.text)
        if len(piece) >= shortest
    ]


def _likeness(f: Features) -> float:
    return f.chars + f.lead + f.body


def _with_ranks(
    features: dict[tuple[int, int], Features], matcher: MatcherParams = MATCHER
) -> dict[tuple[int, int], Features]:
    """Add how a pair stands against each unit's other candidates: evidence is relative, a
    review paragraph rewritten from year to year is still most like its own successor."""
    best_old: dict[int, float] = {}
    best_new: dict[int, float] = {}
    for (i, j), f in features.items():
        best_old[i] = max(best_old.get(i, 0.0), _likeness(f))
        best_new[j] = max(best_new.get(j, 0.0), _likeness(f))
    ranked = {}
    for (i, j), f in features.items():
        value = _likeness(f)
        relative = min(value / best_old[i], value / best_new[j]) if value else 0.0
        supported = f.lead >= matcher.mutual_lead or f.anchors > 0
        mutual = float(value >= best_old[i] and value >= best_new[j] and supported)
        backed = relative * min(1.0, value / matcher.backed_likeness)
        ranked[(i, j)] = _ranked(f, relative, mutual, backed)
    return ranked


def _ranked(f: Features, relative: float, mutual: float, backed: float) -> Features:
    """`replace(f, relative=…, mutual=…, backed=…)`, built directly: `dataclasses.replace` looks
    the fields up on every call, a third of the ranking's time over a comparison's pairs."""
    return Features(
        lead=f.lead,
        body=f.body,
        chars=f.chars,
        anchors=f.anchors,
        position=f.position,
        same_kind=f.same_kind,
        relative=relative,
        mutual=mutual,
        backed=backed,
        sentences=f.sentences,
        clauses=f.clauses,
    )


def probability(features: Features, weights: Sequence[float] = params.WEIGHTS) -> float:
    """The logistic model: the probability that two units are one initiative."""
    logit = weights[0] + sum(w * f for w, f in zip(weights[1:], features.as_tuple(), strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


def pair_scores(
    features: Mapping[tuple[int, int], Features], matcher: MatcherParams = MATCHER
) -> dict[tuple[int, int], float]:
    """The model's probability for every candidate pair."""
    return {pair: probability(f, matcher.weights) for pair, f in features.items()}

"""Which initiative units of two editions continue each other: one scoring model, one assignment.

Every candidate pair of units in the same part of the report (review, targets, tasks, …) is
scored from several signals at once — lead similarity on character bigrams, body similarity
on words and on character bigrams, rare terms only the two units share, sentences that continue
across unit boundaries, position, and how the pair ranks among each unit's candidates — by a
logistic model whose weights live in `params.py`, fitted on hand-labelled pairs. One global
assignment then keeps the best one-to-one pairs whose probability passes the threshold, and a
unit left over whose best partner is taken is reported as merged into it (old side) or split
from it (new side); a paired unit far likelier one initiative with a unit paired elsewhere is
also reported as that unit's split (or merge) piece. No pass overrides another, so the answer does not depend on the order in
which evidence is looked at.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from corpusdiff.compare import params
from corpusdiff.compare.params import MATCHER, MatcherParams
from corpusdiff.structure import ITEM_LINE_RE, is_salutation
from corpusdiff.text.chars import WORD_CHARS
from corpusdiff.text.lines import is_speaker_name
from corpusdiff.text.numbering import ORDINAL, PLAIN, base_kind
from corpusdiff.text.occasion import (
    is_byline,
    is_date_line,
    is_lone_byline,
    is_occasion,
    is_presenting_body,
)
from corpusdiff.text.script import simplified
from corpusdiff.text.sentences import SENTENCE_STOPS, clauses, sentences
from corpusdiff.text.slugs import region_stem
from corpusdiff.text.vectors import closest, cosine_matrix
from corpusdiff.types.diff import Relation, Role
from corpusdiff.types.document import Level
from corpusdiff.types.tree import GROUP, DocTree, Unit, in_reading_order, is_within, section_and_ancestors

if TYPE_CHECKING:
    from corpusdiff.text.segment import Segmenter

#: Section kinds whose headings are initiative units themselves (the （一） groups).
GROUP_KINDS = frozenset({"paren"})


def is_group_kind(kind: str) -> bool:
    """A （一） heading, or one of a sequence nested inside a section and numbered like the
    sections (1986's 一、…五、 inside 二、): a group of the initiatives under it, as a part is."""
    return base_kind(kind) in GROUP_KINDS or base_kind(kind) != kind


_ROLE_WORDS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.APPENDIX, re.compile(r"^(附件|附表|附录)")),
    (Role.TARGETS, re.compile(r"主要目标|预期目标|总体要求|政策取向|总体部署|目标任务|发展目标")),
    (Role.REVIEW, re.compile(r"回顾|执行情况|完成情况|发展成就|主要成效|工作成效")),
    (Role.TASKS, re.compile(r"任务|重点工作|工作建议|的建议|工作安排|工作计划|下半年")),
)
_LEAD_END = re.compile(f"[{SENTENCE_STOPS}]")
_MARKER = re.compile(
    r"^(?:[—一－-]{2}|[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\d+[.．、]|[一二三四五六七八九十]+、)"
)
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


@lru_cache(maxsize=4096)
def role_of(heading: str) -> Role:
    """The role a top-level section plays, from the words of its heading (in either script:
    `工作任務` is a tasks part too). Cached: `unit_roles` asks it of every part for every unit."""
    heading = simplified(heading)
    for role, words in _ROLE_WORDS:
        if words.search(heading):
            return role
    return Role.OTHER


def initiative_units(tree: DocTree) -> tuple[Unit, ...]:
    """The tree's units plus one unit per group heading — a （一） group, or a task area laid
    out as a part of its own — in reading order; a group's index follows the tree's own units
    so the tree's numbering is kept."""
    groups: list[Unit] = []
    first_paragraph = _first_paragraphs(tree)
    areas = task_areas(tree)
    for section in tree.sections:
        if is_group_kind(section.kind) or section.index in areas:
            text = group_text(section.heading)
            paragraph = first_paragraph.get(section.index, 0)
            groups.append(
                Unit(len(tree.units) + len(groups), section.index, GROUP, section.heading, text, paragraph)
            )
    return (*tree.units, *groups)


def group_text(heading: str) -> str:
    """A group unit's text: its heading, read as a sentence."""
    return f"{heading}。"


def is_speech_frame(unit: Unit) -> bool:
    """A line of the speech's frame before the first heading — the date or occasion line, the
    speaker or the body that presents the report, the salutation (`二〇二五年一月`,
    `——2022年1月21日在…会议上`, `周江涛`, `各位代表：`), and the salutation alone wherever it
    stands (`各位代表！` opening the closing part): every edition has them and none carries an
    initiative, so no view calls them new, dropped or reworded, nor threads them."""
    text = unit.text.strip()
    if unit.section is not None:
        return is_salutation(text)
    compact = simplified(text.replace(" ", "").replace("\u3000", ""))
    return bool(
        is_salutation(text)
        or is_occasion(compact)
        or is_date_line(compact)
        or is_byline(text)
        or is_lone_byline(text)
        or is_speaker_name(compact)
        or is_presenting_body(text)
    )


def reading_order(tree: DocTree) -> tuple[Unit, ...]:
    """The initiative units in the order a reader meets them: a group heading before its units."""
    return in_reading_order(initiative_units(tree))


def _first_paragraphs(tree: DocTree) -> dict[int, int]:
    """Each section's place in reading order: its first paragraph, or for a heading with no text
    under it (`（一）强化要素保障` right before `（二）…`) the first paragraph after it, so that it
    is read where it stands, never before the report's opening."""
    first: dict[int, int] = {}
    for unit in tree.units:
        for section in section_and_ancestors(tree, unit.section):
            first.setdefault(section, unit.paragraph)
    following = max((unit.paragraph for unit in tree.units), default=0) + 1
    for index in sorted((s.index for s in tree.sections), reverse=True):
        following = first.setdefault(index, following)
    return first


def unit_roles(tree: DocTree, units: Sequence[Unit]) -> list[Role]:
    """Each unit's role: that of its top-level section; before any heading, the preamble. The
    opening block of a task part that sets the year's targets (national reports of some years
    open `三、2021年重点工作` with the target list) plays the targets role."""
    roles = [_section_role(tree, unit.section) for unit in units]
    opening = _target_openings(tree)
    return [Role.TARGETS if unit.index in opening else role for unit, role in zip(units, roles, strict=True)]


def _target_openings(tree: DocTree) -> set[int]:
    """Units directly under a task part's heading, before its first sub-heading, when they
    hold a target list."""
    found: set[int] = set()
    for section in tree.sections:
        if section.parent is not None or role_of(section.heading) is not Role.TASKS:
            continue
        opening = [u for u in tree.units if u.section == section.index]
        if any(u.kind == "target" for u in opening):
            found.update(u.index for u in opening if not _TRANSITION.search(u.text))
    return found


#: The sentence that hands over from the targets to the tasks (`今年要重点做好以下几方面工作。`).
_TRANSITION = re.compile(r"以下[几]?(?:个)?方面工作|重点做好以下")


def _section_role(tree: DocTree, section: int | None) -> Role:
    """The role of the part a section is in; text before the first heading opens the report,
    but a report without headings (1954's) is all body, no opening."""
    if section is None:
        return Role.PREAMBLE if tree.sections else Role.OTHER
    top = tree.sections[section]
    while top.parent is not None:
        top = tree.sections[top.parent]
    return part_roles(tree)[top.index]


def part_roles(tree: DocTree) -> dict[int, Role]:
    """The role of each top-level part, from its heading's words; a part whose heading names no
    role and that follows the targets or the tasks is a task area: some years lay each area of
    the year's work out as a part of its own (`三、把改革开放扎实推向纵深`, `四、协调推动经济稳定
    增长和结构优化`) where other years group them as （一）… under one tasks part."""
    roles: dict[int, Role] = {}
    previous = Role.PREAMBLE
    for section in tree.sections:
        if section.parent is not None:
            continue
        if section.synthetic:  # an unheaded closing part goes on in the role before it
            roles[section.index] = previous
            continue
        role = role_of(section.heading)
        if role is Role.OTHER and previous in (Role.TARGETS, Role.TASKS):
            role = Role.TASKS
        roles[section.index] = previous = role
    return roles


#: The roles that say how a report is laid out.
LAYOUT_ROLES = frozenset({Role.REVIEW, Role.TARGETS, Role.TASKS})


def roles_correspond(old_tree: DocTree, new_tree: DocTree) -> bool:
    """Whether parts constrain pairing: only when both editions are laid out in at least two
    recognised parts (review, targets, tasks). Older reports name their parts by topic
    (`一、关于国民经济调整`), or have no parts at all; there a unit may continue anywhere."""
    return _laid_out(old_tree) and _laid_out(new_tree)


def _laid_out(tree: DocTree) -> bool:
    return len(set(part_roles(tree).values()) & LAYOUT_ROLES) >= 2


def task_areas(tree: DocTree) -> set[int]:
    """Top-level parts that are areas of work (see `part_roles`), each a group of initiatives
    as a （一） heading is: the task areas of a report laid out by role, and every part named by
    topic in a report that is not (`一、关于经济体制改革`)."""
    roles = part_roles(tree)
    laid_out = _laid_out(tree)
    parts = {
        index
        for index, role in roles.items()
        if role_of(tree.sections[index].heading) is Role.OTHER
        and not tree.sections[index].synthetic
        and (role is Role.TASKS or not laid_out)
    }
    topics = set() if laid_out else _topics_within_topics(tree)
    return parts | _topics_under_titles(tree) | topics


#: Heading kinds that never stand as a group of their own: a numbered task (`1.`) is a unit,
#: and an ordinal heading (`第一，…`) opens the paragraph unit after it (structure.py).
_RUN_IN_KINDS = frozenset({"num", ORDINAL})


def _topics_within_topics(tree: DocTree) -> set[int]:
    """In a report laid out by topic, the headed sections inside a part, named by topic too
    (1981's ten guidelines `一、…十、` under `（二）今后经济建设的方针`, 1957's `关于教育改革问题`
    under `二、关于社会主义建设`): what a reader takes as the groups of the initiatives, where
    a report laid out by role has its （一） groups. A heading that opens its own paragraph
    unit (`第一，…`) or a numbered task is a unit already."""
    return {
        section.index
        for section in tree.sections
        if section.parent is not None
        and not section.synthetic
        and base_kind(section.kind) not in _RUN_IN_KINDS
        and role_of(section.heading) is Role.OTHER
    }


def _topics_under_titles(tree: DocTree) -> set[int]:
    """Numbered parts named by topic right under an unnumbered part title (1988's `一、…` under
    `今后五年建设和改革的目标、方针和任务`): the report's parts by topic, one level down."""
    return {
        section.index
        for section in tree.sections
        if section.parent is not None
        and tree.sections[section.parent].kind == PLAIN
        and role_of(section.heading) is Role.OTHER
    }


def lead_of(unit: Unit) -> str:
    """The unit's lead: its heading, or its first sentence, without numbering or dashes."""
    text = unit.heading or _LEAD_END.split(unit.text, maxsplit=1)[0]
    return _MARKER.sub("", text.strip())


#: How a report names its own region besides its name (`智慧城区` is `智慧福田`, `我国` is `中国`):
#: in leads they are one referent, whatever word a year chose.
_SELF_WORDS: dict[str, tuple[str, ...]] = {
    Level.NATIONAL: ("我国", "全国", "中国", "国家"),
    Level.PROVINCIAL: ("我省", "全省", "本省"),
    Level.CITY: ("我市", "全市", "本市", "城市"),
    Level.DISTRICT: ("我区", "全区", "本区", "城区"),
    Level.COUNTY: ("我县", "全县", "本县", "县域"),
}
_SELF = "\u3400"  # a character no report prints (CJK Extension A), kept as a word character


def self_names(tree: DocTree) -> tuple[str, ...]:
    """The words by which a report names its own region, longest first: its region's name with
    and without the suffix, and its level's words for itself."""
    meta = tree.metadata
    names = [meta.region, region_stem(meta.region)] if meta.region and meta.level != Level.NATIONAL else []
    names += _SELF_WORDS.get(meta.level, ())
    return tuple(sorted({n for n in names if len(n) >= 2}, key=len, reverse=True))


def neutral_lead(lead: str, names: Sequence[str]) -> str:
    """The lead with the report's names for its own region made one mark."""
    for name in names:
        lead = lead.replace(name, _SELF)
    return lead


def _bigrams(text: str) -> list[str]:
    chars = _KEEP.findall(text)
    return [a + b for a, b in pairwise(chars)] or chars


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


def indicator_name(text: str) -> str | None:
    """The indicator a short figure line names (`地区生产总值` in `——地区生产总值增长6.0%以上；`),
    or None when the text is not such a line."""
    line = _MARKER.sub("", _LIST_ITEM.sub("", text.strip())).rsplit("：", 1)[-1]
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
    holders: dict[str, list[tuple[int, int]]] = {}
    for side_id, side in ((0, old), (1, new)):
        for index, words in enumerate(side.words):
            if side.units[index].kind == GROUP or is_item_line(side.units[index]):
                continue
            for word in {w for w in words if len(w) >= 2}:
                holders.setdefault(word, []).append((side_id, index))
    counts: Counter[tuple[int, int]] = Counter()
    for units in holders.values():
        if len(units) == 2 and units[0][0] == 0 and units[1][0] == 1:
            counts[(units[0][1], units[1][1])] += 1
    return dict(counts)


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
        ranked[(i, j)] = replace(f, relative=relative, mutual=mutual, backed=backed)
    return ranked


def probability(features: Features, weights: Sequence[float] = params.WEIGHTS) -> float:
    """The logistic model: the probability that two units are one initiative."""
    logit = weights[0] + sum(w * f for w, f in zip(weights[1:], features.as_tuple(), strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


def pair_scores(
    features: Mapping[tuple[int, int], Features], matcher: MatcherParams = MATCHER
) -> dict[tuple[int, int], float]:
    """The model's probability for every candidate pair."""
    return {pair: probability(f, matcher.weights) for pair, f in features.items()}


def match_units(
    old_units: Sequence[Unit],
    new_units: Sequence[Unit],
    features: dict[tuple[int, int], Features],
    forced: Sequence[tuple[int, int]] = (),
    matcher: MatcherParams = MATCHER,
    scores: dict[tuple[int, int], float] | None = None,
) -> list[Match]:
    """One-to-one pairs by a global assignment, the sure pieces of splits and merges among the
    paired units, then merges and splits of what is left; `scores` when `pair_scores` already
    gave them."""
    scores = pair_scores(features, matcher) if scores is None else scores
    pairs = _assign(scores, forced, matcher.pair_probability)
    matches = [Match(i, j, scores.get((i, j), 1.0)) for i, j in pairs]
    matches += sure_pieces(pairs, scores, forced, matcher)
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    for i in range(len(old_units)):
        if i not in paired_old:
            best = _best((p, s) for p, s in scores.items() if p[0] == i and p[1] in paired_new)
            if best and best[1] >= matcher.merge_probability:
                matches.append(Match(i, best[0][1], best[1], "merge"))
    for j in range(len(new_units)):
        if j not in paired_new:
            best = _best((p, s) for p, s in scores.items() if p[1] == j and p[0] in paired_old)
            if best and best[1] >= matcher.merge_probability:
                matches.append(Match(best[0][0], j, best[1], "split"))
    return matches


def sure_pieces(
    pairs: Sequence[tuple[int, int]],
    scores: Mapping[tuple[int, int], float],
    forced: Collection[tuple[int, int]],
    matcher: MatcherParams = MATCHER,
) -> list[Match]:
    """Links between units that are both paired elsewhere, reported beside their pairs.

    The assignment gives each unit one partner, and the leftover step links only units left
    without one: a paragraph cut in two whose second half the assignment gave to a weaker
    partner z is never reported as split, though that half y is far likelier one initiative
    with the old x paired elsewhere. So y is also a split piece of x when (x, y) is sure (at
    PAIR_PROBABILITY) and SURE_PIECE_MARGIN log-odds likelier than (z, y); mirrored, z also
    merges into a new w paired elsewhere. Pairs of identical texts (`forced`) take no piece."""
    partner_of_old = dict(pairs)
    partner_of_new = {j: i for i, j in pairs}
    by_old: dict[int, list[tuple[int, float]]] = defaultdict(list)
    by_new: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (i, j), value in scores.items():
        by_old[i].append((j, value))
        by_new[j].append((i, value))
    splits: dict[tuple[int, int], float] = {}  # (x, y) -> the probability of y's own pair
    merges: dict[tuple[int, int], float] = {}  # (z, w) -> the probability of z's own pair
    for z, y in pairs:
        if (z, y) in forced:
            continue
        own = scores.get((z, y), 1.0)
        floor = max(matcher.pair_probability, _raised(own, matcher.sure_piece_margin))
        split = _best(((x, y), s) for x, s in by_new[y] if x != z and x in partner_of_old and s >= floor)
        merge = _best(((z, w), s) for w, s in by_old[z] if w != y and w in partner_of_new and s >= floor)
        if split:
            splits[split[0]] = own
        if merge:
            merges[merge[0]] = own
    pieces = []
    for pair in sorted(splits.keys() | merges.keys()):
        relation = _piece_relation(splits.get(pair), merges.get(pair))
        if relation:
            pieces.append(Match(pair[0], pair[1], scores[pair], relation))
    return pieces


def _piece_relation(beside_new: float | None, beside_old: float | None) -> Relation | None:
    """A link sure for both its units is a piece of the side whose own pair is weaker (none
    when they are equal: no side to prefer)."""
    if beside_old is None:
        return Relation.SPLIT
    if beside_new is None:
        return Relation.MERGE
    if beside_new == beside_old:
        return None
    return Relation.SPLIT if beside_new < beside_old else Relation.MERGE


def _raised(probability_: float, margin: float) -> float:
    """The probability `margin` log-odds above `probability_` (above 1 for a certain pair)."""
    if probability_ >= 1.0:
        return 2.0
    logit = math.log(probability_ / (1 - probability_)) + margin
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


def pairs_by_structure(
    old_tree: DocTree,
    new_tree: DocTree,
    old_units: Sequence[Unit],
    new_units: Sequence[Unit],
    matches: Sequence[Match],
    features: Mapping[tuple[int, int], Features] | None = None,
    matcher: MatcherParams = MATCHER,
) -> list[Match]:
    """What the report's layout adds to the model's pairs: groups paired where their units
    went, theme units where their content went (or, none of it continuing, with the theme
    most like them, given the model's `features`), then the openings of continuing groups
    and parts."""
    editions = _Editions(old_tree, new_tree, old_units, new_units)
    found = _groups_from_units(editions, matches)
    found += themes_by_content(editions, [*matches, *found])
    found += themes_left_alone(editions, [*matches, *found], features or {}, matcher)
    return found + _openings_of_continuing_groups(editions, [*matches, *found])


def cut_short_copies(units: Sequence[Unit]) -> dict[int, int]:
    """cut-short copy -> whole copy: a paragraph whose whole text, ending with a sentence, opens
    the next paragraph of the same section. Sources print a paragraph twice so (2015's national
    report gives its 简政放权 paragraph cut short after one sentence of the 权力清单, then
    whole); both copies are the report's text and are kept, but they are one initiative, and
    the whole copy is the one that carries it on."""
    found = {}
    for unit, following in pairwise(units):
        if (
            unit.kind == following.kind == "paragraph"
            and unit.section == following.section
            and len(unit.text) >= params.MIN_SENTENCE
            and _LEAD_END.match(unit.text[-1])
            and len(following.text) > len(unit.text)
            and following.text.startswith(unit.text)
        ):
            found[unit.index] = following.index
    return found


def prefer_whole_copies(
    old_units: Sequence[Unit], new_units: Sequence[Unit], matches: Sequence[Match]
) -> list[Match]:
    """The model's pairs with each cut-short copy's one-to-one pair moved to its whole copy:
    the whole copy continues the partner, the cut-short copy becomes the extra side of that
    partner (split from it in the new edition, merged into it in the old one), and the unit the
    whole copy was paired with, if any, the extra side of the whole copy. The same either way
    round, so the differ stays mirror-symmetric. A cut-short copy paired with the other
    edition's cut-short copy stays so: both editions print the paragraph twice alike, and a
    report compared with itself is unchanged."""
    cuts = (cut_short_copies(old_units), cut_short_copies(new_units))
    copies_paired = {
        (m.old, m.new) for m in matches if not m.relation and m.old in cuts[0] and m.new in cuts[1]
    }
    rebuilt = list(matches)
    for side in (0, 1):
        for cut, whole in sorted(cuts[side].items()):
            if not any(pair[side] == cut for pair in copies_paired):
                rebuilt = _to_whole_copy(rebuilt, side, cut, whole)
    return rebuilt


def _to_whole_copy(matches: Sequence[Match], side: int, cut: int, whole: int) -> list[Match]:
    """`matches` with the one-to-one pair of unit `cut` (on `side`: 0 old, 1 new) moved to `whole`."""
    pair = next((m for m in matches if _end(m, side) == cut and not m.relation), None)
    if pair is None:
        return list(matches)
    cut_relation, whole_relation = ("split", "merge") if side == 1 else ("merge", "split")
    moved = _with_end(pair, side, whole)
    rebuilt = [moved, replace(pair, relation=cut_relation)]
    for match in matches:
        if match is pair or (match.old, match.new) == (moved.old, moved.new):
            continue
        if _end(match, side) == whole and not match.relation:
            rebuilt.append(replace(match, relation=whole_relation))
        elif _end(match, side) == cut:
            rebuilt.append(_with_end(match, side, whole))
        else:
            rebuilt.append(match)
    return rebuilt


def _end(match: Match, side: int) -> int:
    return match.new if side else match.old


def _with_end(match: Match, side: int, unit: int) -> Match:
    return replace(match, new=unit) if side else replace(match, old=unit)


@dataclass(frozen=True)
class _Editions:
    old_tree: DocTree
    new_tree: DocTree
    old_units: Sequence[Unit]
    new_units: Sequence[Unit]


def _groups_from_units(editions: _Editions, matches: Sequence[Match]) -> list[Match]:
    """Groups paired where their units went: a group continues under the group that holds
    most of its continuing units, as an analyst follows `（三）增强内需…` of one year into
    `四、协调推动经济稳定增长和结构优化` of the next by its tasks, whatever the headings say; and a
    group whose units went to several groups (a task area spread over several （一） groups, or
    several gathered into one) is split into (merged from) each of the others as well."""
    votes = _group_votes(editions, matches)
    sizes = (
        Counter(enclosing_groups(editions.old_tree, editions.old_units).values()),
        Counter(enclosing_groups(editions.new_tree, editions.new_units).values()),
    )
    continued = _groups_where_units_went(editions, votes, sizes, matches)
    return continued + _groups_spread(editions, votes, sizes, [*matches, *continued])


def _group_votes(editions: _Editions, matches: Sequence[Match]) -> Counter[tuple[int, int]]:
    """(old group, new group) -> how many pairs of units under them the model found."""
    old_units = editions.old_units
    old_group = enclosing_groups(editions.old_tree, old_units)
    new_group = enclosing_groups(editions.new_tree, editions.new_units)
    votes: Counter[tuple[int, int]] = Counter()
    for match in matches:
        if match.old in old_group and match.new in new_group and old_units[match.old].kind != GROUP:
            votes[(old_group[match.old], new_group[match.new])] += 1
    return votes


_Sizes = tuple[Counter[int], Counter[int]]


def _groups_where_units_went(
    editions: _Editions, votes: Counter[tuple[int, int]], sizes: _Sizes, matches: Sequence[Match]
) -> list[Match]:
    """Groups in no pair at all, paired with the group that holds at least GROUP_VOTES and
    GROUP_SHARE of their continuing units: as a pair if that group is free, else merged into
    (split from) it. The probability is the share of all the group's units that went there,
    so a group of which little carries on is no sure pair."""
    old_units, new_units = editions.old_units, editions.new_units
    paired = ({m.old for m in matches}, {m.new for m in matches})
    partnered = ({m.old for m in matches if not m.relation}, {m.new for m in matches if not m.relation})
    proposals = []
    for side, index in _unpaired_groups(old_units, new_units, *paired):
        mine = {pair: n for pair, n in votes.items() if pair[side] == index}
        if mine:
            pair, count = max(mine.items(), key=lambda item: (item[1], -item[0][1 - side]))
            if count >= params.GROUP_VOTES and count >= params.GROUP_SHARE * sum(mine.values()):
                proposals.append((count, _share(count, sizes[side][index]), side, pair))
    # strongest evidence first, the same way round whichever edition is the old one
    proposals.sort(key=lambda p: (-p[0], -p[1], min(p[3]), max(p[3])))
    found: list[Match] = []
    for _, share, side, pair in proposals:
        if pair[side] in paired[side]:
            continue  # paired a moment ago, as the other side of a stronger group
        taken = pair[1 - side] in partnered[1 - side]
        found.append(Match(pair[0], pair[1], share, ("merge" if side == 0 else "split") if taken else ""))
        for ends in (paired, partnered):
            ends[0].add(pair[0])
            ends[1].add(pair[1])
    return found


def _groups_spread(
    editions: _Editions, votes: Counter[tuple[int, int]], sizes: _Sizes, matches: Sequence[Match]
) -> list[Match]:
    """A group that has its one-to-one group partner and also gave at least GROUP_VOTES units
    to another group with none (2015's task area `四、` and 2016's `（四）加快发展现代农业…`)
    is split into that group (mirrored: merged from it). A group paired with a paragraph
    still has no group partner: it crosses levels, and the group level is where a reader
    follows it. Each group without a partner is the extra side of at most one such step,
    the one with the most units."""
    old_units, new_units = editions.old_units, editions.new_units
    one_to_one = [
        m for m in matches if not m.relation and old_units[m.old].kind == GROUP and new_units[m.new].kind == GROUP
    ]
    partnered = ({m.old for m in one_to_one}, {m.new for m in one_to_one})
    linked = {(m.old, m.new) for m in matches}
    best: dict[tuple[int, int], tuple[int, tuple[int, int]]] = {}
    for pair, count in votes.items():
        if count < params.GROUP_VOTES or pair in linked:
            continue
        for extra in (0, 1):
            if pair[1 - extra] in partnered[1 - extra] and pair[extra] not in partnered[extra]:
                key = (extra, pair[extra])
                if key not in best or (count, -pair[1 - extra]) > (best[key][0], -best[key][1][1 - extra]):
                    best[key] = (count, pair)
    return [
        Match(pair[0], pair[1], _share(count, sizes[extra][index]), "merge" if extra == 0 else "split")
        for (extra, index), (count, pair) in sorted(best.items())
    ]


def is_theme_unit(unit: Unit) -> bool:
    """A group heading or a review item line: a unit that names a theme other units tell."""
    return unit.kind == GROUP or is_item_line(unit)


def themes_of(tree: DocTree, units: Sequence[Unit]) -> dict[int, int]:
    """unit -> the theme unit it belongs to: a group heading or a review item line is a theme
    of its own, an item's body paragraph belongs to its item line, a unit under a group to the
    innermost group, and any other unit (a review paragraph standing alone, a run-on
    `一是…` paragraph) is its own theme."""
    enclosing = enclosing_groups(tree, units)
    bodies = item_body_units(tree)
    return {
        k: k if is_theme_unit(unit) else bodies.get(k, enclosing.get(k, k)) for k, unit in enumerate(units)
    }


@dataclass(frozen=True)
class _ThemeContent:
    """Each side's theme units and what they hold: the units whose theme they are, a group
    heading among them only when it is paired itself (it says what the group is about, its
    units carry it)."""

    members: tuple[dict[int, frozenset[int]], dict[int, frozenset[int]]]
    theme: tuple[dict[int, int], dict[int, int]]


def _theme_content(editions: _Editions, matches: Sequence[Match]) -> _ThemeContent:
    paired = ({m.old for m in matches}, {m.new for m in matches})
    sides = ((editions.old_tree, editions.old_units), (editions.new_tree, editions.new_units))
    themes = tuple(themes_of(tree, units) for tree, units in sides)
    members: list[dict[int, frozenset[int]]] = []
    for side, (_, units) in enumerate(sides):
        held: defaultdict[int, set[int]] = defaultdict(set)
        for k, theme in themes[side].items():
            if units[k].kind != GROUP or k in paired[side]:
                held[theme].add(k)
        members.append({theme: frozenset(inside) for theme, inside in held.items()})
    return _ThemeContent((members[0], members[1]), (themes[0], themes[1]))


def themes_by_content(editions: _Editions, matches: Sequence[Match]) -> list[Match]:
    """A theme unit (group heading, review item line) in no pair continues as the theme unit
    of the other edition that holds, or is, the units its own content continues as: 2017's
    item `二是着力抓好“三去一降一补”` and its account continue under 2018's group `（二）坚持以
    供给侧结构性改革为主线…`, 2018's group `（五）坚持对外开放的基本国策…` as 2019's `五是加大改革
    开放力度…`. The evidence is the pairs between the two themes' content, counted from both
    ends: the share of both themes' units (`_theme_likeness`) that continue in the other,
    at least THEME_SHARE. The pair is one-to-one when the other theme has no partner, else
    it is merged into (split from) it; its probability is that share."""
    content = _theme_content(editions, matches)
    links: defaultdict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for match in matches:
        themes = (content.theme[0].get(match.old), content.theme[1].get(match.new))
        if themes[0] is not None and themes[1] is not None:
            links[(themes[0], themes[1])].add((match.old, match.new))
    paired = ({m.old for m in matches}, {m.new for m in matches})
    partnered = ({m.old for m in matches if not m.relation}, {m.new for m in matches if not m.relation})
    proposals = []
    for side, index in _unpaired_themes(editions, paired):
        options = [
            (_theme_likeness(content, pair, found), len(found), pair)
            for pair, found in links.items()
            if pair[side] == index
        ]
        best = max(options, key=lambda o: (o[0], o[1], -o[2][1 - side]), default=None)
        if best is not None and best[0] >= params.THEME_SHARE:
            proposals.append(best)
    # strongest evidence first, the same way round whichever edition is the old one
    proposals.sort(key=lambda p: (-p[0], -p[1], p[2]))
    found_pairs: list[Match] = []
    for likeness, _, pair in proposals:
        if pair[0] in paired[0] and pair[1] in paired[1]:
            continue  # the other end of a stronger proposal a moment ago
        taken_old, taken_new = pair[0] in partnered[0], pair[1] in partnered[1]
        relation = Relation.MERGE if taken_new else Relation.SPLIT if taken_old else Relation.NONE
        found_pairs.append(Match(pair[0], pair[1], likeness, relation))
        for ends in (paired, partnered):
            ends[0].add(pair[0])
            ends[1].add(pair[1])
    return found_pairs


def themes_left_alone(
    editions: _Editions,
    matches: Sequence[Match],
    features: Mapping[tuple[int, int], Features],
    matcher: MatcherParams = MATCHER,
) -> list[Match]:
    """Two theme units of which nothing continues anywhere — neither the item line or group
    heading nor any unit of its content is in a pair — continue each other when each is the
    other's likeliest partner among such themes, at MERGE_PROBABILITY or more (the model's
    best probability between their units): 2021's review item `三是坚决打好三大攻坚战…` and
    2022's `六是加强生态环境保护…` share the pollution battle, told in a few words each, and
    are left over on both sides. Their item bodies, both left over too, continue each other."""
    alone = _themes_alone(editions, matches)
    likeness: dict[tuple[int, int], float] = {}
    for (i, j), f in features.items():
        pair = (alone[0].get(i), alone[1].get(j))
        if pair[0] is not None and pair[1] is not None:
            likeness[(pair[0], pair[1])] = max(likeness.get((pair[0], pair[1]), 0.0), probability(f, matcher.weights))
    best_old: dict[int, tuple[float, int]] = {}
    best_new: dict[int, tuple[float, int]] = {}
    for (i, j), value in likeness.items():
        best_old[i] = max(best_old.get(i, (0.0, -1)), (value, -j))
        best_new[j] = max(best_new.get(j, (0.0, -1)), (value, -i))
    found = []
    bodies = (_body_of_item(editions.old_tree), _body_of_item(editions.new_tree))
    for (i, j), value in sorted(likeness.items()):
        if value >= matcher.merge_probability and best_old[i] == (value, -j) and best_new[j] == (value, -i):
            found.append(Match(i, j, value))
            if i in bodies[0] and j in bodies[1]:
                found.append(Match(bodies[0][i], bodies[1][j], value))
    return found


def _themes_alone(editions: _Editions, matches: Sequence[Match]) -> tuple[dict[int, int], dict[int, int]]:
    """Per side, unit -> its theme, for the units of theme units (group headings, item lines)
    none of whose units is in a pair."""
    paired = ({m.old for m in matches}, {m.new for m in matches})
    found: list[dict[int, int]] = []
    for side, (tree, units) in enumerate(
        ((editions.old_tree, editions.old_units), (editions.new_tree, editions.new_units))
    ):
        members: defaultdict[int, set[int]] = defaultdict(set)
        for k, theme in themes_of(tree, units).items():
            members[theme].add(k)
        found.append(
            {
                k: theme
                for theme, inside in members.items()
                if is_theme_unit(units[theme]) and not inside & paired[side]
                for k in inside
            }
        )
    return found[0], found[1]


def _body_of_item(tree: DocTree) -> dict[int, int]:
    return {item: body for body, item in item_body_units(tree).items()}


def _unpaired_themes(editions: _Editions, paired: tuple[set[int], set[int]]) -> list[tuple[int, int]]:
    """(side, index) of every theme unit in no pair: group headings and review item lines."""
    found = []
    for side, units in ((0, editions.old_units), (1, editions.new_units)):
        found += [
            (side, k)
            for k, unit in enumerate(units)
            if is_theme_unit(unit) and k not in paired[side]
        ]
    return found


def _theme_likeness(content: _ThemeContent, pair: tuple[int, int], links: set[tuple[int, int]]) -> float:
    """The share of the two themes' units that continue in the other theme (a Dice
    coefficient over units): symmetric, and low both for a theme of which one unit out of
    many carries on and for one that sends a unit to each of several themes."""
    old_inside = content.members[0].get(pair[0], frozenset())
    new_inside = content.members[1].get(pair[1], frozenset())
    covered = len({i for i, _ in links} & old_inside) + len({j for _, j in links} & new_inside)
    return covered / max(1, len(old_inside) + len(new_inside))


def _share(count: int, size: int) -> float:
    """The share of a group's units that went one way, at most 1: a unit in a pair and in a
    split as well is counted for each."""
    return min(1.0, count / max(1, size))


def _openings_of_continuing_groups(editions: _Editions, matches: Sequence[Match]) -> list[Match]:
    """The opening paragraphs of two groups that continue each other, both left unpaired,
    continue each other too: the paragraph that restates a group's theme before its tasks is
    rewritten every year and shares few words with its successor, but it is the same place in
    the same group."""
    old_units, new_units = editions.old_units, editions.new_units
    paired_old = {m.old for m in matches}
    paired_new = {m.new for m in matches}
    old_opening = _openings(editions.old_tree, old_units)
    new_opening = _openings(editions.new_tree, new_units)
    found = []
    # the surest group pairs first: a group merged with two others gives its opening to the surer
    for match in sorted(matches, key=lambda m: -m.probability):
        if old_units[match.old].kind != GROUP or new_units[match.new].kind != GROUP:
            continue
        i, j = old_opening.get(match.old), new_opening.get(match.new)
        if i is None or j is None or i in paired_old or j in paired_new:
            continue
        found.append(Match(i, j, match.probability * params.OPENING_FACTOR))
        paired_old.add(i)
        paired_new.add(j)
    if roles_correspond(editions.old_tree, editions.new_tree):
        old_parts = _part_openings(editions.old_tree, old_units)
        new_parts = _part_openings(editions.new_tree, new_units)
        for role in sorted(old_parts.keys() & new_parts.keys()):
            i, j = old_parts[role], new_parts[role]
            if i not in paired_old and j not in paired_new:
                found.append(Match(i, j, params.OPENING_FACTOR))
    return found


def _part_openings(tree: DocTree, units: Sequence[Unit]) -> dict[Role, int]:
    """role -> the opening of the first part playing it: the first unit standing directly in
    the part before its groups (`今年要重点做好以下几方面工作。`, `今年经济社会发展任务重、挑战
    多。…`), when groups follow. Parts pair by role, so their openings are in the same place."""
    roles = part_roles(tree)
    unit_role = unit_roles(tree, units)
    areas = task_areas(tree)
    openings: dict[Role, int] = {}
    for section in tree.sections:
        if section.parent is not None or section.synthetic or section.index in areas:
            continue
        role = roles[section.index]
        direct = [
            k
            for k, u in enumerate(units)
            if u.section == section.index and u.kind != GROUP and unit_role[k] is role
        ]
        below = any(is_within(tree, u.section, section.index) and u.section != section.index for u in units)
        if direct and below:
            openings.setdefault(role, min(direct, key=lambda k: units[k].paragraph))
    return openings


def _openings(tree: DocTree, units: Sequence[Unit]) -> dict[int, int]:
    """group unit -> its opening: the first unit directly under the group's heading, when it is
    a paragraph and more units follow it in the group."""
    enclosing = enclosing_groups(tree, units)
    members: dict[int, list[int]] = defaultdict(list)
    for k, group in enclosing.items():
        members[group].append(k)
    openings = {}
    for group, inside in members.items():
        first = min(inside, key=lambda k: units[k].paragraph)
        unit = units[first]
        if len(inside) > 1 and unit.kind == "paragraph" and not unit.heading and unit.section == units[group].section:
            openings[group] = first
    return openings


def _unpaired_groups(
    old_units: Sequence[Unit], new_units: Sequence[Unit], paired_old: set[int], paired_new: set[int]
) -> list[tuple[int, int]]:
    """(side, index) of every group unit in no pair: old side 0, new side 1."""
    return [(0, i) for i, u in enumerate(old_units) if u.kind == GROUP and i not in paired_old] + [
        (1, j) for j, u in enumerate(new_units) if u.kind == GROUP and j not in paired_new
    ]


def enclosing_groups(tree: DocTree, units: Sequence[Unit]) -> dict[int, int]:
    """Each unit's innermost enclosing group unit (indices into `units`); a group's is the
    group above it."""
    group_of_section = {u.section: k for k, u in enumerate(units) if u.kind == GROUP}
    enclosing: dict[int, int] = {}
    for k, unit in enumerate(units):
        section = unit.section
        if unit.kind == GROUP and section is not None:
            section = tree.sections[section].parent
        while section is not None and section not in group_of_section:
            section = tree.sections[section].parent
        if section is not None:
            enclosing[k] = group_of_section[section]
    return enclosing


def _best(options: Iterable[tuple[tuple[int, int], float]]) -> tuple[tuple[int, int], float] | None:
    return max(options, key=lambda option: option[1], default=None)


def _assign(
    scores: dict[tuple[int, int], float], forced: Sequence[tuple[int, int]], threshold: float
) -> list[tuple[int, int]]:
    """The one-to-one pairs maximising the summed log-odds of the pairs above the threshold."""
    pairs = list(forced)
    used_old = {i for i, _ in pairs}
    used_new = {j for _, j in pairs}
    eligible = {
        (i, j): s
        for (i, j), s in scores.items()
        if s >= threshold and i not in used_old and j not in used_new
    }
    if not eligible:
        return pairs
    from scipy.optimize import linear_sum_assignment

    olds = sorted({i for i, _ in eligible})
    news = sorted({j for _, j in eligible})
    row_of = {i: r for r, i in enumerate(olds)}
    col_of = {j: c for c, j in enumerate(news)}
    cost = [[0.0] * len(news) for _ in olds]
    for (i, j), s in eligible.items():
        cost[row_of[i]][col_of[j]] = -_gain(s, threshold)
    for r, c in zip(*linear_sum_assignment(cost), strict=True):
        i, j = olds[r], news[c]
        if (i, j) in eligible:
            pairs.append((i, j))
    return sorted(pairs)


def _gain(probability_: float, threshold: float) -> float:
    """What a pair adds to the assignment: its log-odds over the threshold's."""
    return math.log(probability_ / (1 - probability_ + 1e-9)) - math.log(threshold / (1 - threshold)) + 1e-6

"""A five-year plan against yearly reports: which report passages address each plan item, and
which plan items no report mentions (docs/timeline.md, "trace").

Sentences are compared, not whole paragraphs: plan and report paragraphs each cover several
initiatives, and one sentence is enough to address a plan item. Every sentence of a plan
paragraph (its section heading counts as its first sentence, since it names the subject) is
compared with every report sentence by TF-IDF cosine over content words (without PLAN_JARGON),
with one IDF over all of them, so words every report uses weigh little. A pair must share at least MIN_SHARED_WORDS
content words, one of them of two or more characters: a short sentence such as `绿色发展持续推进。`
cannot match on one word, nor `科创动能加快汇聚。` on the single characters jieba leaves of 科创. A plan
item (篇, 章, 节 or `一、` section) is addressed by a report when a paragraph under it has a
sentence pair with that report of cosine at least THRESHOLD; the report paragraphs holding the
best sentences are the evidence (a numbered task counts as one paragraph). Sub-sections count
only up to a restart of their numbering: the sections from a second `一、` on stand under a
heading the extract lost, not under the item; nor do sub-sections of a kind that stands below
another kind of their siblings (`一、` beside `第二节`: their `第一节` was lost) (`own_sections`).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corpusdiff.compare.programmes import extract_programmes
from corpusdiff.compare.units import role_of
from corpusdiff.errors import InputError
from corpusdiff.series.editions import is_before
from corpusdiff.series.timeline import edition_of
from corpusdiff.structure import is_salutation
from corpusdiff.text.numbering import parse_marker
from corpusdiff.text.script import simplified_texts
from corpusdiff.text.segment import DEFAULT_STOPWORDS, segmenter
from corpusdiff.text.sentences import sentences
from corpusdiff.text.vectors import similarity_matrix, tfidf_vectors
from corpusdiff.types.diff import Role as PartRole
from corpusdiff.types.document import Metadata
from corpusdiff.types.edition import Edition
from corpusdiff.types.genre import FIVE_YEAR_PLAN
from corpusdiff.types.tree import DocTree, Section, Unit, section_and_ancestors

#: Chosen by reading matches (docs/timeline.md): at 0.4, 24 of 30 sampled sentence pairs were
#: about the same project or policy; lower, shared generic words carry more of the score.
THRESHOLD = 0.4
MIN_SHARED_WORDS = 2
#: Words of plan prose that say how or how well, not what: on top of the stopwords, they
#: made sentence pairs such as 空间活力加速释放 / 创新活力加速迸发 look alike.
PLAN_JARGON = frozenset(
    [
        "高水平",
        "高质量",
        "高标准",
        "水平",
        "能力",
        "质量",
        "品质",
        "体系",
        "机制",
        "体制",
        "体制改革",
        "改革",
        "政策",
        "力度",
        "加大",
        "活力",
        "释放",
        "加速",
        "迸发",
        "彰显",
        "改善",
        "现代化",
        "战略",
        "布局",
        "深化",
        "稳步",
        "有力",
        "城区",
    ]
)
#: Passages kept per plan item and report.
TOP = 3
#: The genre a PLAN must have: trace looks for a five-year plan's items in the reports of its
#: period, and any other report's sections are no plan items.
PLAN_GENRE = FIVE_YEAR_PLAN


@dataclass(frozen=True)
class Passage:
    doc: str  # report id
    path: tuple[str, ...]  # headings above the passage in the report, numbering included
    text: str  # the report paragraph (a numbered task: heading and body)
    sentence: str  # the sentence of it that matched best
    plan_sentence: str  # the plan sentence it matched
    score: float
    pointer: str  # `<report id>#h<n>`: the heading anchor of the passage's section
    unit: int  # the passage's unit index in its report


@dataclass(frozen=True, order=True)
class Hit:
    """The best-matching pair of sentences between a plan paragraph and a report paragraph."""

    score: float = 0.0
    plan_sentence: str = ""
    sentence: str = ""


@dataclass(frozen=True)
class PlanItem:
    index: int  # section index in the plan
    kind: str  # pian, zhang, jie, cn, …
    heading: str  # numbering included
    path: tuple[str, ...]  # the headings above it, numbering included
    depth: int
    pointer: str
    best: tuple[float, ...]  # per report: the best cosine of any passage, met or not
    passages: tuple[Passage, ...]  # at least THRESHOLD; best first, at most TOP per report

    @property
    def addressed_by(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.doc for p in self.passages))


@dataclass(frozen=True)
class Trace:
    plan: Edition
    reports: tuple[Edition, ...]
    items: tuple[PlanItem, ...]
    threshold: float

    def unaddressed(self) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if not item.passages)


def trace(
    plan: DocTree,
    reports: Sequence[DocTree],
    threshold: float = THRESHOLD,
    top: int = TOP,
    stopwords: tuple[str, ...] = DEFAULT_STOPWORDS,
) -> Trace:
    """Each plan section with the report passages that address it (pure)."""
    scores = unit_scores(plan, reports, stopwords)
    editions = tuple(edition_of(report) for report in reports)
    items = tuple(
        _plan_item(plan, section.index, scores, reports, editions, threshold, top)
        for section in plan.sections
        if section.kind != "appendix"
    )
    return Trace(edition_of(plan), editions, items, threshold)


def check_plan(plan: Metadata, reports: Sequence[Metadata]) -> None:
    """Refuse a PLAN that is not a five-year plan, the plan itself as a report (it matches every
    item word for word), and a report dated before the plan: a report cannot carry out a plan not
    yet made, so its matches would only be shared words."""
    name = plan.id or plan.title
    if plan.genre != PLAN_GENRE:
        raise InputError(
            f"{name} has genre {plan.genre!r}, not {PLAN_GENRE!r}: trace needs a five-year plan "
            "first, then the reports to trace it into"
        )
    for report in reports:
        if plan.id and report.id == plan.id:
            raise InputError(
                f"{name} is given as PLAN and as a DOC: a plan traced into itself addresses every item; "
                "give the reports that carry the plan out as DOCs"
            )
        if is_before(report.date, plan.date):
            raise InputError(
                f"{report.id or report.title} ({report.date}) predates the plan {name} ({plan.date}): "
                "give only reports from the plan's date on"
            )


def unit_scores(
    plan: DocTree, reports: Sequence[DocTree], stopwords: tuple[str, ...] = DEFAULT_STOPWORDS
) -> list[list[dict[int, Hit]]]:
    """[plan unit][report] -> {report unit: the best sentence pair of the two units}; content
    words leave out `stopwords` and PLAN_JARGON. A salutation (`各位代表！`) is no sentence of
    either side: every speech has it, and it matched every report at 1.00."""
    plan_pieces = [
        (unit.index, sentence)
        for unit in plan.units
        for sentence in sentences(_with_heading(plan, unit))
        if not is_salutation(sentence)
    ]
    report_pieces = [
        (r, unit.index, sentence)
        for r, report in enumerate(reports)
        for unit in report.units
        for sentence in sentences(unit.text) or [unit.text]
        if not is_salutation(sentence)
    ]
    # read in one script: a report printed in traditional characters says the plan's words too
    texts = simplified_texts([sentence for _, sentence in plan_pieces] + [s for *_, s in report_pieces])
    seg = segmenter(tuple(p.name for p in extract_programmes(texts)), stopwords)
    words = [[word for word in seg.words(text) if word not in PLAN_JARGON] for text in texts]
    vectors = tfidf_vectors(words)
    rows = similarity_matrix(vectors[: len(plan_pieces)], vectors[len(plan_pieces) :])
    scores: list[list[dict[int, Hit]]] = [[{} for _ in reports] for _ in plan.units]
    for a, row in enumerate(rows):
        plan_unit, plan_sentence = plan_pieces[a]
        shared_with = set(words[a]).intersection
        for b, score in row.items():
            r, unit, sentence = report_pieces[b]
            if not _enough_shared(shared_with(words[len(plan_pieces) + b])):
                continue
            if score > scores[plan_unit][r].get(unit, Hit()).score:
                scores[plan_unit][r][unit] = Hit(score, plan_sentence, sentence)
    return scores


def _enough_shared(shared: set[str]) -> bool:
    return len(shared) >= MIN_SHARED_WORDS and any(len(word) > 1 for word in shared)


def _with_heading(tree: DocTree, unit: Unit) -> str:
    """A plan paragraph led by its section's heading, which names what the paragraph is about;
    not a heading that names a part of the plan (`主要目标`, `发展环境回顾`, `重点任务`), which every
    report has too: as a sentence of two words it matched each report's `今年发展主要预期目标是：…`."""
    if unit.section is None:
        return unit.text
    heading = tree.sections[unit.section].heading
    return unit.text if role_of(heading) != PartRole.OTHER else f"{heading}。{unit.text}"


def _plan_item(
    plan: DocTree,
    index: int,
    scores: Sequence[Sequence[Mapping[int, Hit]]],
    reports: Sequence[DocTree],
    editions: Sequence[Edition],
    threshold: float,
    top: int,
) -> PlanItem:
    section = plan.sections[index]
    own = own_sections(plan, index)
    units = [u.index for u in plan.units if u.section in own]
    best: list[float] = []
    passages: list[Passage] = []
    for r, (report, edition) in enumerate(zip(reports, editions, strict=True)):
        merged: dict[int, Hit] = {}
        for p in units:
            for j, hit in scores[p][r].items():
                merged[j] = max(hit, merged.get(j, Hit()))
        best.append(round(max((hit.score for hit in merged.values()), default=0.0), 3))
        chosen = heapq.nlargest(top, ((hit, j) for j, hit in merged.items() if hit.score >= threshold))
        passages += [_passage(report, edition.id, j, hit) for hit, j in chosen]
    passages.sort(key=lambda p: -p.score)
    return PlanItem(
        index,
        section.kind,
        f"{section.label}{section.heading}",
        labelled_path(plan, section.parent),
        section.depth,
        f"{plan.metadata.id}#{plan.anchor(index)}",
        tuple(best),
        tuple(passages),
    )


def own_sections(tree: DocTree, index: int) -> frozenset[int]:
    """Section `index` and the sections below it that are its own. When its sub-sections'
    numbering restarts (一、二、 then 一、 again), a heading between them was lost in the
    extract: the sections from the restart on belong to that heading, and crediting them to
    `index` made 第五节 筑牢金融安全防线 address 环中心公园活力圈 at 1.00. A lost heading leaves
    no restart when it was the first of its kind (a lost 第一节 before the first `一、`): its
    `一、` sections then sit beside the later 第二节, a kind they stand under elsewhere in the
    plan, and are not the item's own either."""
    return _own_sections(tree, index, _nesting(tree))


def _own_sections(tree: DocTree, index: int, nesting: frozenset[tuple[str, str]]) -> frozenset[int]:
    children = [s for s in tree.sections if s.parent == index]
    own = {index}
    for child in _before_restart(_outermost(children, nesting)):
        own |= _own_sections(tree, child.index, nesting)
    return frozenset(own)


def _nesting(tree: DocTree) -> frozenset[tuple[str, str]]:
    """(outer kind, inner kind) for every heading kind that stands directly under another in
    the plan: its own hierarchy (节 over `一、`), whatever kinds a plan happens to use."""
    return frozenset(
        (tree.sections[s.parent].kind, s.kind)
        for s in tree.sections
        if s.parent is not None and tree.sections[s.parent].kind != s.kind
    )


def _outermost(sections: Sequence[Section], nesting: frozenset[tuple[str, str]]) -> list[Section]:
    """The sibling `sections` of no kind that stands under another kind among them: the others
    belong to a heading of that kind the extract lost."""
    kinds = {s.kind for s in sections}
    return [s for s in sections if not any((kind, s.kind) in nesting for kind in kinds - {s.kind})]


def _before_restart(sections: Sequence[Section]) -> list[Section]:
    """The leading run of sibling `sections` whose numbering, per marker kind, keeps rising."""
    last: dict[str, int] = {}
    run: list[Section] = []
    for section in sections:
        marker = parse_marker(section.label)
        if marker is not None:
            if marker.ordinal <= last.get(marker.kind, 0):
                break
            last[marker.kind] = marker.ordinal
        run.append(section)
    return run


def _passage(report: DocTree, doc: str, unit: int, hit: Hit) -> Passage:
    found = report.units[unit]
    pointer = f"{doc}#{report.anchor(found.section)}" if found.section is not None else doc
    path = labelled_path(report, found.section)
    return Passage(doc, path, found.text, hit.sentence, hit.plan_sentence, round(hit.score, 3), pointer, unit)


def labelled_path(tree: DocTree, section: int | None) -> tuple[str, ...]:
    """Headings from the outermost down to `section`, each with its numbering."""
    held = reversed(section_and_ancestors(tree, section))
    return tuple(f"{tree.sections[s].label}{tree.sections[s].heading}" for s in held)

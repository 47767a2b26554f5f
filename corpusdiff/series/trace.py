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
best sentences are the evidence (a numbered task counts as one paragraph).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corpusdiff.compare.programmes import extract_programmes
from corpusdiff.render.grid import render_grid, truncate
from corpusdiff.series.timeline import column_labels, edition_of
from corpusdiff.structure import is_within
from corpusdiff.text.segment import DEFAULT_STOPWORDS, segmenter
from corpusdiff.text.sentences import sentences
from corpusdiff.text.vectors import similarity_matrix, tfidf_vectors
from corpusdiff.types.edition import Edition
from corpusdiff.types.tree import DocTree, Unit

#: Chosen by reading matches (docs/timeline.md): at 0.4, 23 of 30 sampled sentence pairs were
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
ABSENT = "—"


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


def unit_scores(
    plan: DocTree, reports: Sequence[DocTree], stopwords: tuple[str, ...] = DEFAULT_STOPWORDS
) -> list[list[dict[int, Hit]]]:
    """[plan unit][report] -> {report unit: the best sentence pair of the two units}; content
    words leave out `stopwords` and PLAN_JARGON."""
    plan_pieces = [
        (unit.index, sentence) for unit in plan.units for sentence in sentences(_with_heading(plan, unit))
    ]
    report_pieces = [
        (r, unit.index, sentence)
        for r, report in enumerate(reports)
        for unit in report.units
        for sentence in sentences(unit.text) or [unit.text]
    ]
    texts = [sentence for _, sentence in plan_pieces] + [sentence for *_, sentence in report_pieces]
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
    """A plan paragraph led by its section's heading, which names what the paragraph is about."""
    if unit.section is None:
        return unit.text
    return f"{tree.sections[unit.section].heading}。{unit.text}"


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
    units = [u.index for u in plan.units if is_within(plan, u.section, index)]
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


def _passage(report: DocTree, doc: str, unit: int, hit: Hit) -> Passage:
    found = report.units[unit]
    pointer = f"{doc}#{report.anchor(found.section)}" if found.section is not None else doc
    path = labelled_path(report, found.section)
    return Passage(doc, path, found.text, hit.sentence, hit.plan_sentence, round(hit.score, 3), pointer, unit)


def labelled_path(tree: DocTree, section: int | None) -> tuple[str, ...]:
    """Headings from the outermost down to `section`, each with its numbering."""
    path: list[str] = []
    while section is not None:
        current = tree.sections[section]
        path.insert(0, f"{current.label}{current.heading}")
        section = current.parent
    return tuple(path)


# --- output -------------------------------------------------------------------------------


def to_json(result: Trace) -> dict[str, object]:
    def edition(e: Edition) -> dict[str, str]:
        return {"id": e.id, "title": e.title, "date": e.date}

    return {
        "plan": edition(result.plan),
        "reports": [edition(e) for e in result.reports],
        "threshold": result.threshold,
        "items": [
            {
                "heading": item.heading,
                "kind": item.kind,
                "path": list(item.path),
                "pointer": item.pointer,
                "addressed_by": list(item.addressed_by),
                "best": {e.id: score for e, score in zip(result.reports, item.best, strict=True)},
                "passages": [
                    {
                        "doc": p.doc,
                        "path": list(p.path),
                        "text": p.text,
                        "sentence": p.sentence,
                        "plan_sentence": p.plan_sentence,
                        "score": p.score,
                        "pointer": p.pointer,
                    }
                    for p in item.passages
                ],
            }
            for item in result.items
        ],
        "unaddressed": [" › ".join((*item.path, item.heading)) for item in result.unaddressed()],
    }


def score_cells(item: PlanItem, threshold: float) -> list[str]:
    """Per report: the best cosine when it meets the threshold, — otherwise."""
    return [f"{score:.2f}" if score >= threshold else ABSENT for score in item.best]


def to_terminal(result: Trace, passages: bool = False, width: int = 40) -> str:
    labels = column_labels(result.reports)
    lines = [f"trace of {result.plan.id}  {result.plan.title}", "in:"]
    lines += [f"  {label:<10}  {e.id}  {e.title}" for label, e in zip(labels, result.reports, strict=True)]
    lines += [
        f"cells: best cosine of a report sentence with the item's paragraphs (>= {result.threshold}) · — none",
        "",
    ]
    header = ["plan item", *labels]
    rows = [
        [" " * 2 * item.depth + item.heading, *score_cells(item, result.threshold)] for item in result.items
    ]
    grid = render_grid(header, rows, max_width=width)
    lines.append(grid[0])
    for item, line in zip(result.items, grid[1:], strict=True):
        lines.append(line)
        if passages:
            lines += _passage_lines(item, labels, result.reports, indent=2 * item.depth + 4)
    missing = result.unaddressed()
    lines += ["", f"not addressed by any report: {len(missing)} of {len(result.items)} plan items"]
    lines += [f"  {' › '.join((*item.path, item.heading))}" for item in missing]
    return "\n".join(lines) + "\n"


def _passage_lines(
    item: PlanItem, labels: Sequence[str], reports: Sequence[Edition], indent: int
) -> list[str]:
    label_of = {e.id: label for e, label in zip(reports, labels, strict=True)}
    firsts: dict[str, Passage] = {}
    for passage in item.passages:
        firsts.setdefault(passage.doc, passage)
    return [
        " " * indent
        + f"↳ {label_of[p.doc]} {p.score:.2f} {truncate(' › '.join(p.path), 40)}: {truncate(p.sentence, 60)}"
        for p in firsts.values()
    ]


def to_markdown(result: Trace) -> str:
    labels = column_labels(result.reports)
    lines = [f"# Trace: {result.plan.title}", "", f"Threshold: cosine >= {result.threshold}.", ""]
    lines += [f"- **{label}** `{e.id}` {e.title}" for label, e in zip(labels, result.reports, strict=True)]
    lines += ["", "| plan item | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
    for item in result.items:
        name = "&nbsp;" * 2 * item.depth + _md(item.heading)
        lines.append(f"| {name} | " + " | ".join(score_cells(item, result.threshold)) + " |")
    lines += ["", "## Best passages", ""]
    label_of = {e.id: label for e, label in zip(result.reports, labels, strict=True)}
    for item in (i for i in result.items if i.passages):
        lines.append(f"- **{_md(item.heading)}**")
        lines += [
            f"  - {label_of[p.doc]} ({p.score:.2f}) {_md(' › '.join(p.path))}: {_md(p.sentence)}"
            for p in item.passages
        ]
    missing = result.unaddressed()
    lines += ["", f"## Not addressed by any report ({len(missing)} of {len(result.items)})", ""]
    lines += [f"- {_md(' › '.join((*item.path, item.heading)))}" for item in missing]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    for ch in "\\|*_[]<>`":
        text = text.replace(ch, "\\" + ch)
    return text

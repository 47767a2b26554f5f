"""Canonical Markdown -> document tree: sections with heading paths, and initiative units.

An *initiative unit* is what a reader thinks of as one initiative: a numbered task (its heading
and body together), or, outside tasks, one paragraph or list item (often led by a short
lead sentence such as `消费活力持续释放。`, or opened by an ordinal heading `第一，…`). A
paragraph that opens by going on from the one before it (`本着鼓励创新、包容审慎原则，制定新兴产业
监管规则…` after `加快培育壮大新兴产业。…`) has no subject of its own and belongs to the unit of that
paragraph (`attach_follow_ons`). Units are split into sentences for the finer comparison inside
matched units.

A speech often ends with a part that has no heading: after the last numbered section, from a
salutation on its own (`各位代表！`) on, come national unity, defence, Hong Kong, Macao and
Taiwan, foreign policy and the closing exhortation. The tree gives that part a section of its
own, marked `synthetic` and named `CLOSING_HEADING`, so that two editions' closing parts
pair with each other instead of gluing onto whatever their last numbered sub-sections were.
The canonical Markdown is not touched: the name lives in the tree only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from corpusdiff.text.numbering import (
    CLOSING,
    ORDINAL,
    base_kind,
    document_ranks,
    heading_marker,
    is_numbered_kind,
)
from corpusdiff.text.script import searchable
from corpusdiff.text.sentences import FULL_STOPS, SENTENCE_STOPS, full_sentences
from corpusdiff.types.document import Block, Box, Heading, ListItem, NormalizedDocument, Paragraph, Table
from corpusdiff.types.tree import CLOSING_HEADING, DocTree, Section, TreeTable, Unit, UnitKind

_CN_DIGITS = "一二三四五六七八九十"
_LEAD_RE = re.compile(f"^([^{SENTENCE_STOPS}]{{2,24}})。")
_SALUTATION = r"(?:各位代表|各位委员|各位委員|代表们|代表們|同志们|同志們)[！!：:，,]"
#: A paragraph that is nothing but the speaker's address to the audience.
_SALUTATION_RE = re.compile(f"^{_SALUTATION}?$")
#: A paragraph that opens with it, as older reports print it (`各位代表！一年多来，…`).
_SALUTATION_OPENING_RE = re.compile(f"^{_SALUTATION}")


@dataclass
class _Task:
    """A unit collected from a heading on: its kind, section, heading, text so far, paragraph, and
    whether it ends with the first block after the heading."""

    kind: str
    one_block: bool
    section: int
    heading: str
    parts: list[str]
    paragraph: int


def build_tree(document: NormalizedDocument) -> DocTree:
    """Sections from headings, units from the blocks between them."""
    builder = _TreeBuilder(document_ranks((b.kind, b.text) for b in document.blocks if isinstance(b, Heading)))
    closing = closing_start(document.blocks)
    for located in addressed(document.blocks):
        block = located.block
        if isinstance(block, Table):
            builder.add_table(located, block)
        elif not located.box_title:
            if closing is not None and block is document.blocks[closing]:
                builder.open_closing_part()
            if isinstance(block, Heading):
                builder.add_heading(block, located.next_paragraph)
            else:
                builder.add_text(block, located.paragraph)
    builder.close_task()
    return DocTree(
        document.metadata, tuple(builder.sections), tuple(attach_follow_ons(builder.units)), tuple(builder.tables)
    )


class _TreeBuilder:
    """The tree as `build_tree` reads the blocks in order: the sections so far, the headings
    open above the current block (`stack`, by rank), and the numbered task being collected."""

    def __init__(self, ranks: dict[str, int]) -> None:
        self.ranks = ranks
        self.sections: list[Section] = []
        self.units: list[Unit] = []
        self.tables: list[TreeTable] = []
        self.stack: list[tuple[int, int]] = []  # (rank, section index)
        self.task: _Task | None = None
        #: the blocks so far are a target list's opening and its items (see `_listed_target_pieces`)
        self.in_target_list = False

    @property
    def current(self) -> int | None:
        return self.stack[-1][1] if self.stack else None

    def close_task(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            text = "".join(task.parts)
            self.units.append(Unit(len(self.units), task.section, task.kind, task.heading, text, task.paragraph))

    def add_table(self, located: Addressed, table: Table) -> None:
        """A table; one that sets out the target list its paragraph before announces gives that
        list's targets too, addressed at that paragraph as the clauses of a printed list are."""
        if self.in_target_list and self.units:
            opening = self.units[-1].paragraph
            for target in _tabled_targets(table.rows):
                heading = _unit_heading("target", target)
                self.units.append(Unit(len(self.units), self.current, "target", heading, target, opening))
        self.in_target_list = False
        self.tables.append(TreeTable(located.table, self.current, located.next_paragraph, table.rows))

    def open_closing_part(self) -> None:
        """The unheaded closing part starts here: a section of its own, at the top."""
        self.close_task()
        self.stack.clear()
        self.sections.append(Section(len(self.sections), CLOSING, "", CLOSING_HEADING, (), None, 0, synthetic=True))
        self.stack.append((0, len(self.sections) - 1))

    def add_heading(self, heading: Heading, next_paragraph: int) -> None:
        self.close_task()
        self.in_target_list = False
        rank = self.ranks.get(heading.kind, 0)
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        label, text = split_label(heading.text)
        path = (*[self.sections[i].heading for _, i in self.stack],)
        index = len(self.sections)
        self.sections.append(Section(index, heading.kind, label, text, path, self.current, len(self.stack)))
        self.stack.append((rank, index))
        if base_kind(heading.kind) in ("num", ORDINAL):
            self.task = _opened_unit(heading, text, index, next_paragraph)

    def add_text(self, block: Paragraph | ListItem, paragraph: int) -> None:
        """A paragraph or item: the body of the open task, or units of its own (the items of a
        target list announced by the paragraph before them each cut into its target clauses)."""
        if self.task is not None:
            self.task.parts.append(block.text)
            if self.task.one_block:
                self.close_task()
            return
        kind = "item" if isinstance(block, ListItem) else "paragraph"
        listed = self.in_target_list and (kind == "item" or _DASHED_RE.match(block.text) is not None)
        self.in_target_list = listed or (kind == "paragraph" and _opens_target_list(block.text))
        for piece_kind, piece in _listed_target_pieces(block.text) if listed else _pieces(block.text, kind):
            heading = _unit_heading(piece_kind, piece)
            self.units.append(Unit(len(self.units), self.current, piece_kind, heading, piece, paragraph))


def _unit_heading(kind: str, text: str) -> str:
    """A unit's heading: a target's clause itself (its dash and stop left out), else the lead
    sentence a paragraph opens with, if any."""
    if kind == "target":
        return _DASHED_RE.sub("", text).rstrip("；，。")
    lead = _LEAD_RE.match(text)
    return lead.group(1) if lead else ""


#: How a paragraph opens that goes on from the one before it instead of naming a subject of its
#: own: a connective (`同时，`, `此外，`, `但是`, `因此`, `这样，`), a narrowing back (`其中`,
#: `特别是`), or the principle by which the subject before it is pursued, the verb following
#: without a subject (`本着鼓励创新、包容审慎原则，制定新兴产业监管规则`, `按照计划，…`). Not among
#: them: `对于…` and `至于…`, which name the topic they turn to, and a summing up (`以上这些事实
#: 充分说明`, `上述`, `这些`, `总之`), which closes a run of paragraphs, not the one before it.
#: The older reports printed in traditional characters open the same way (`與此同時`, `這樣`).
_FOLLOW_ON_RE = re.compile(
    r"^(?:[与與]此同[时時]|同[时時]|此外|另外|而且|并且|並且|但是|但|然而|因此|所以|[为為爲]此|[对對]此"
    r"|[当當]然|[这這]样|[这這]樣|[这這]就|其中|特[别別]是|尤其是|本[着著]|按照|依照)"
)
#: A paragraph opened by a run-in item (`一是…`, `第一，…`): its opening names its subject.
_RUN_IN_RE = re.compile(f"^(?:[{_CN_DIGITS}]+是|第[{_CN_DIGITS}]+[，、,])")


def is_follow_on(text: str) -> bool:
    """Whether a paragraph opens by going on from the one before it (see `_FOLLOW_ON_RE`)."""
    return _FOLLOW_ON_RE.match(text.strip()) is not None


def opens_with_lead(unit: Unit) -> bool:
    """Whether a paragraph unit opens with what it is about: a lead sentence, or a run-in item."""
    return bool(unit.heading) or _RUN_IN_RE.match(unit.text.strip()) is not None


def attach_follow_ons(units: list[Unit]) -> list[Unit]:
    """The units with each follow-on paragraph joined to the unit of the paragraph right before
    it, in the same section, when that unit is a paragraph that opens with its lead (or is one
    such paragraph with its follow-ons already). The labelling convention counts each paragraph
    with its own lead as a unit; a paragraph without one is part of the unit before it. The
    joined unit keeps its first paragraph's address and heading; indices are renumbered."""
    joined: list[Unit] = []
    last_paragraph = -1
    for unit in units:
        before = joined[-1] if joined else None
        if (
            before is not None
            and unit.kind == before.kind == UnitKind.PARAGRAPH
            and unit.section == before.section
            and unit.paragraph == last_paragraph + 1
            and opens_with_lead(before)
            and not ITEM_LINE_RE.match(before.text.strip())
            and is_follow_on(unit.text)
        ):
            joined[-1] = replace(before, text=before.text + unit.text)
        else:
            joined.append(replace(unit, index=len(joined)))
        last_paragraph = unit.paragraph
    return joined


#: A review item printed as a line of its own (`四是坚定不移推进改革开放，…。`): the paragraph
#: below it is its account, a unit of its own that compare/units.py reads with the line.
ITEM_LINE_RE = re.compile(f"^[{_CN_DIGITS}]+是[^{FULL_STOPS}]*[{FULL_STOPS}]?$")


def _opened_unit(heading: Heading, title: str, section: int, paragraph: int) -> _Task:
    """The unit a heading opens. A numbered task (`1.…`) is one unit with its whole body, its
    number dropped (numbers change between editions). An ordinal heading (`第一，全国动员，大办农业`)
    opens the unit of the paragraph after it, as a lead sentence opens its paragraph (`第一，向深化
    改革要动力。…`), printed as it is; the section's other paragraphs are units of their own, and the
    unit is a `paragraph`, which may continue a group or a paragraph of another edition."""
    if base_kind(heading.kind) == "num":
        return _Task("task", False, section, title, [f"{title}。"], paragraph)
    return _Task("paragraph", True, section, title, [f"{heading.text}。"], paragraph)


_TARGET_LIST_RE = re.compile(r"(?:主要)?(?:预期)?目标是：")
_TARGET_SPLIT_RE = re.compile(r"(?<=[；，])")
#: A comma piece that qualifies the target before it rather than naming a new one.
_QUALIFIER_RE = re.compile(r"^(?:在|要|并|力争|争取|努力|确保|其中)")
_MIN_TARGETS = 3


def _opens_target_list(text: str) -> bool:
    """Whether a paragraph ends by announcing a target list set out after it (`今年发展主要预期
    目标是：`), as a Word file or a web page sets the targets out as a list."""
    found = _TARGET_LIST_RE.search(searchable(text))
    return found is not None and not text[found.end() :].strip()


#: A target set out as a paragraph of its own, as a list item is (`——地区生产总值增长5%左右；`).
_DASHED_RE = re.compile(r"^\s*(?:——|一一)")


def _listed_target_pieces(text: str) -> list[tuple[str, str]]:
    """An item of a target list set out after its opening, as a list item or a dashed
    paragraph (`——城镇新增就业1100万人以上，城镇调查失业率5.5%左右；`): one `target` unit per
    clause, as the same targets printed in one paragraph give (`_pieces`), so that a report does
    not pair otherwise for setting its targets out one a line."""
    return [("target", clause) for clause in _target_clauses(text)] or [("target", text)]


#: A cell that only numbers its row (`1`, `2.`, `（一）`).
_ROW_NUMBER_RE = re.compile(r"^[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）.．、]?$")


def _tabled_targets(rows: Sequence[Sequence[str]]) -> list[str]:
    """The targets of a table that sets out a target list (`序号 | 预期目标`, `指标 | 目标`): each
    row below the header, its numbering cell left out, its one or two other cells read as one
    clause (`国内生产总值 | 增长5%左右` -> `国内生产总值增长5%左右`); none when a row holds more, an
    indicator table rather than a list."""
    targets = []
    for row in rows[1:]:
        cells = [cell.strip() for cell in row if cell.strip() and not _ROW_NUMBER_RE.match(cell.strip())]
        if len(cells) > 2:
            return []
        if cells:
            targets.append("".join(cells))
    return targets


def _target_clauses(body: str) -> list[str]:
    """A target list's text cut at its clauses, a qualifying clause kept with its target."""
    clauses: list[str] = []
    for piece in _TARGET_SPLIT_RE.split(body):
        if clauses and (_QUALIFIER_RE.match(searchable(piece)) or not piece.strip("；，。")):
            clauses[-1] += piece
        elif piece:
            clauses.append(piece)
    return clauses


def _pieces(text: str, kind: str) -> list[tuple[str, str]]:
    """A paragraph as units: itself, or, for a target list (`…主要预期目标是：国内生产总值增长
    5.5%左右；城镇新增就业1100万人以上，…`), the text up to the list and one `target` unit per
    target clause (a qualifying clause stays with its target; what follows the list's full stop
    stays with the last one). The pieces always join back into the paragraph."""
    found = _TARGET_LIST_RE.search(searchable(text)) if kind == "paragraph" else None
    if found is None:
        return _figure_run_pieces(text) if kind == "paragraph" else [(kind, text)]
    end = text.find("。", found.end())
    body, rest = (text[found.end() :], "") if end < 0 else (text[found.end() : end + 1], text[end + 1 :])
    clauses = _target_clauses(body)
    if len(clauses) < _MIN_TARGETS:
        return [(kind, text)]
    clauses[-1] += rest
    head = text[: found.end()]
    pieces = [("target", clause) for clause in clauses]
    if _LEAD_END_RE.search(head):
        return [(kind, head), *pieces]
    return [("target", head + clauses[0]), *pieces[1:]]


_LEAD_END_RE = re.compile(f"[{FULL_STOPS}]")

_CN_DIGIT = "一二三四五六七八九十两"
_CN_NUMBER = _CN_DIGIT + "零〇百千万亿点"
#: A figure a plan sets: a percentage (`5.5%`, `百分之四点五`), or an amount with its unit
#: (`六百零三亿元`, `34，250万吨`, `增长一倍`); a number opens with a digit, so `千万人民` and
#: `亿万人民` are no figures.
_FIGURE_RE = re.compile(
    rf"百分之[{_CN_NUMBER}]+|[0-9０-９][0-9０-９.．，,]*\s*[%％]"
    rf"|[0-9０-９{_CN_DIGIT}][0-9０-９.．，,{_CN_NUMBER}]*(?:元|吨|千瓦|立方米|台|辆|倍|斤|公里|人)"
)
#: How a paragraph says its figures are what a plan or budget sets (`１９８２年的计划，要求`, `“七五”
#: 计划草案规定`, `预算草案和…计划草案的各种数字`), not what a year did.
_PLAN_RE = re.compile(r"(?:计划|预算)(?:草案|[，,]?(?:规定|要求|安排))")


def _figure_run_pieces(text: str) -> list[tuple[str, str]]:
    """A paragraph of the older reports that states a plan's targets in running sentences (`１９８２年的
    计划，要求工农业总产值的增长速度由今年预计的３％提高到４％…。国民收入也安排为比今年增长４％左右。…`):
    the sentences before the first figure, then one `target` unit per sentence that states a
    figure, a sentence without one staying with the target before it — the older form of a
    target list (`_pieces`). Only when the paragraph opens with words before any figure, names
    the plan (or budget) that sets them by the first one, and at least `_MIN_TARGETS` sentences
    state figures: a paragraph of figures a year achieved, or a budget's running detail, stays
    whole. The pieces join back into the paragraph."""
    sentences = full_sentences(text)
    figured = [bool(_FIGURE_RE.search(searchable(sentence))) for sentence in sentences]
    if sum(figured) < _MIN_TARGETS:
        return [("paragraph", text)]
    first = figured.index(True)
    if not first or not _PLAN_RE.search(searchable("".join(sentences[: first + 1]))):
        return [("paragraph", text)]
    pieces: list[tuple[str, str]] = [("paragraph", "".join(sentences[:first]))]
    for sentence, has_figure in zip(sentences[first:], figured[first:], strict=True):
        if has_figure or not pieces or pieces[-1][0] != "target":
            pieces.append(("target", sentence))
        else:
            pieces[-1] = ("target", pieces[-1][1] + sentence)
    return pieces


@dataclass(frozen=True)
class Addressed:
    """A block in reading order with its place in the one paragraph numbering that the tree,
    the diff JSON, indicators, trace, timeline and the site's `p<n>` anchors share: every
    rendered paragraph counts (list items, box titles and box paragraphs included)."""

    block: Heading | Paragraph | ListItem | Table
    paragraph: int  # this block's paragraph number, or -1 for a heading or a table
    next_paragraph: int  # the number the next paragraph will get
    table: int = 0  # 1-based table number, 0 when not a table
    box_title: bool = False

    @property
    def address(self) -> str:
        """`p<n>`, `table <n>`, or "" for a heading."""
        if self.paragraph >= 0:
            return f"p{self.paragraph}"
        return f"table {self.table}" if self.table else ""


def addressed(blocks: Iterable[Block]) -> Iterator[Addressed]:
    """Headings, text blocks and tables in reading order, numbered like the site's anchors."""
    paragraphs = tables = 0
    for block, box_title in _reading_order(blocks):
        if isinstance(block, Table):
            tables += 1
            yield Addressed(block, -1, paragraphs, table=tables)
        elif isinstance(block, Heading):
            yield Addressed(block, -1, paragraphs)
        else:
            yield Addressed(block, paragraphs, paragraphs + 1, box_title=box_title)
            paragraphs += 1


def _reading_order(blocks: Iterable[Block]) -> Iterator[tuple[Heading | Paragraph | ListItem | Table, bool]]:
    for block in blocks:
        if isinstance(block, Box):
            if block.title:
                yield Paragraph(block.title), True
            yield from ((inner, False) for inner in block.blocks)
        else:
            yield block, False


def closing_start(blocks: tuple[Block, ...]) -> int | None:
    """Where an unheaded closing part starts: the first salutation paragraph (`各位代表！` on
    its own) after some text of the last numbered section and before any later heading (an
    appendix, or the report's own `结束语`). A paragraph that only opens with the salutation
    counts when no heading follows at all: a report with a 结束语 of its own still addresses
    the delegates inside its last section. None when there is no numbered section."""
    numbered = [i for i, block in enumerate(blocks) if isinstance(block, Heading) and is_numbered_kind(block.kind)]
    if not numbered:
        return None
    opening = None
    for index in range(numbered[-1] + 2, len(blocks)):
        block = blocks[index]
        if isinstance(block, Heading):
            return None
        if isinstance(block, Paragraph) and _SALUTATION_RE.match(block.text):
            return index
        if opening is None and isinstance(block, Paragraph) and _SALUTATION_OPENING_RE.match(block.text):
            opening = index
    return opening


def is_salutation(text: str) -> bool:
    """`各位代表！` and the like alone: the speaker turning to the audience, which every speech
    says in the same words, so it never tells what a passage is about."""
    return _SALUTATION_RE.match(text.strip()) is not None


def split_label(text: str) -> tuple[str, str]:
    """`（五）全力创建文明城市` -> (`（五）`, `全力创建文明城市`)."""
    marker = heading_marker(text)
    if marker is None:
        return "", text
    return marker.label, marker.rest.strip()


def tree_from_markdown(text: str) -> DocTree:
    from corpusdiff.canonical.markdown import parse

    return build_tree(parse(text))

"""The one paragraph numbering: a unit's `paragraph` is the site's `p<n>` anchor of the same
paragraph, in every corpus document (the five-year plan's 专栏 box titles included)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from corpusdiff.canonical.markdown import parse, render
from corpusdiff.compare.core import compare
from corpusdiff.compare.units import initiative_units, unit_roles
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.site.build import render_document_body
from corpusdiff.structure import addressed, build_tree, closing_start
from corpusdiff.types.diff import Relation, Role
from corpusdiff.types.document import Block, Box, Heading, ListItem, NormalizedDocument, Paragraph, Table
from corpusdiff.types.tree import CLOSING_HEADING, DocTree
from tests.conftest import ROOT
from tests.traditional import traditional_copy

DOCUMENTS = sorted((ROOT / "corpus").rglob("*.md"))


_SALUTATION_START = re.compile("^(各位代表|同志们|代表们)")


def _han(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff0-9]", text))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.relative_to(ROOT / "corpus").as_posix())
def test_unit_paragraph_is_the_site_anchor(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree = build_tree(parse(text))
    _html, _outline, paragraphs = render_document_body(text)
    anchors = dict(paragraphs)
    for unit in tree.units:
        shown = anchors.get(f"p{unit.paragraph}")
        assert shown is not None, f"unit {unit.index} points past the last paragraph"
        # a task starts at its first body paragraph; a target clause is part of its paragraph
        inner, outer = (
            (_han(shown)[:12], _han(unit.text))
            if unit.kind == "task"
            else (_han(unit.text)[:12], _han(shown))
        )
        assert inner and inner in outer, f"unit {unit.index}: p{unit.paragraph} is {shown[:30]!r}"


def test_box_titles_count_as_paragraphs() -> None:
    document = NormalizedDocument(
        metadata=parse("---\ntitle: t\n---\n\n# t\n").metadata,
        blocks=(
            Paragraph("甲。"),
            Box("专栏1 重点项目", (Paragraph("乙。"), Table((("a",), ("b",))))),
            Paragraph("丙。"),
        ),
    )
    addresses = [(located.address, located.box_title) for located in addressed(document.blocks)]
    assert addresses == [("p0", False), ("p1", True), ("p2", False), ("table 1", False), ("p3", False)]
    assert [unit.paragraph for unit in build_tree(document).units] == [0, 2, 3]


# --- the unheaded closing part ----------------------------------------------------------------

NATIONAL = ROOT / "tests" / "data" / "national-gwr" / "wikisource"


def _tree_of(path: Path) -> DocTree:
    return build_tree(normalize_file(path))


def _document(*blocks: Block) -> NormalizedDocument:
    return NormalizedDocument(metadata=parse("---\ntitle: t\n---\n\n# t\n").metadata, blocks=blocks)


def test_the_closing_part_of_a_national_report_is_a_section_of_its_own() -> None:
    tree = _tree_of(NATIONAL / "2014.txt")
    closing = tree.sections[-1]
    assert (closing.kind, closing.synthetic, closing.heading, closing.parent) == (
        "closing",
        True,
        CLOSING_HEADING,
        None,
    )
    inside = [u.text for u in tree.units if u.section == closing.index]
    # 2014.txt, from the 各位代表！ after （九）'s last paragraph to the end (read in the raw file)
    assert inside[0] == "各位代表！"
    assert any(t.startswith("过去一年，国防和军队建设扎实推进") for t in inside)
    assert any(t.startswith("我们将全面贯彻对台工作大政方针") for t in inside)
    assert inside[-1].startswith("人民赋予重托，奋斗创造未来。")
    last_numbered = next(s for s in reversed(tree.sections) if not s.synthetic)
    assert last_numbered.label + last_numbered.heading == "（九）努力建设生态文明的美好家园"
    assert not any("国防" in u.text for u in tree.units if u.section == last_numbered.index)


def test_the_closing_part_is_named_in_the_tree_only() -> None:
    markdown = render(normalize_file(NATIONAL / "2015.txt"))
    assert CLOSING_HEADING not in markdown
    tree = build_tree(parse(markdown))
    assert tree.sections[-1].heading == CLOSING_HEADING
    # nor is it an initiative: no group unit is made of the name, and its units keep the tasks role
    units = initiative_units(tree)
    assert not any(CLOSING_HEADING in unit.text for unit in units)
    roles = dict(zip(units, unit_roles(tree, units), strict=True))
    assert {roles[u] for u in units if u.section == tree.sections[-1].index} == {Role.TASKS}


def test_two_editions_pair_their_closing_parts() -> None:
    result = compare(_tree_of(NATIONAL / "2014.txt"), _tree_of(NATIONAL / "2015.txt"))
    closing = [m for m in result.sections if (m.old and m.old.synthetic) or (m.new and m.new.synthetic)]
    pairs = [m for m in closing if not m.relation]
    assert len(pairs) == 1 and pairs[0].old is not None and pairs[0].new is not None
    assert pairs[0].old.synthetic and pairs[0].new.synthetic
    # 2014's closing block also held the government's own reform, 2015's part 六、切实加强政府自身建设:
    # that part is split from it (compare/sections.py regrouped_sections), never paired instead
    assert all(m.relation == Relation.SPLIT and m.old and m.old.synthetic for m in closing if m.relation)


def test_no_closing_part_without_a_salutation_after_the_last_section() -> None:
    plan = _document(Heading("一、总体要求", "cn"), Paragraph("甲。"), Paragraph("乙。"))
    assert closing_start(plan.blocks) is None
    no_sections = _document(
        Paragraph("各位代表："), Paragraph("甲。"), Paragraph("各位代表！"), Paragraph("乙。")
    )
    assert closing_start(no_sections.blocks) is None


def test_a_report_with_its_own_closing_heading_keeps_inline_salutations_in_its_last_section() -> None:
    # the 1985 pattern: 各位代表！… inside （二）, then 结束语
    blocks = (
        Heading("（二）关于经济体制改革", "paren"),
        Paragraph("甲。"),
        Paragraph("各位代表！根据当前的情况，我们必须注意以下几点。"),
        Heading("结束语", "closing"),
        Paragraph("各位代表！"),
    )
    assert closing_start(blocks) is None
    assert closing_start(blocks[:3]) == 2  # with no heading after it, the salutation opens the close


def test_section_anchors_are_the_site_heading_anchors_around_a_synthetic_section() -> None:
    document = _document(
        Heading("一、总体要求", "cn"),
        Paragraph("甲。"),
        Paragraph("各位代表！"),
        Paragraph("乙。"),
        Heading("附件：名词解释", "appendix"),
        Paragraph("丙。"),
    )
    tree = build_tree(document)
    assert [(s.heading, s.synthetic) for s in tree.sections] == [
        ("总体要求", False),
        (CLOSING_HEADING, True),
        ("附件：名词解释", False),
    ]
    _html, outline, paragraphs = render_document_body(render(document))
    shown = {entry["anchor"]: entry["text"] for entry in outline}
    assert shown[tree.anchor(0)] == "一、总体要求"
    assert shown[tree.anchor(2)] == "附件：名词解释"
    assert dict(paragraphs)[tree.anchor(1)] == "各位代表！"


@pytest.mark.parametrize("path", [*DOCUMENTS, *sorted(NATIONAL.glob("*.txt"))], ids=lambda p: p.name)
def test_every_section_anchor_shows_its_heading(path: Path) -> None:
    document = parse(path.read_text(encoding="utf-8")) if path.suffix == ".md" else normalize_file(path)
    tree = build_tree(document)
    _html, outline, paragraphs = render_document_body(render(document))
    shown = {entry["anchor"]: str(entry["text"]) for entry in outline} | dict(paragraphs)
    for section in tree.sections:
        text = shown[tree.anchor(section.index)]
        if section.synthetic:
            assert _SALUTATION_START.match(text), text
        else:
            assert _han(text) == _han(section.label + section.heading)


@pytest.mark.parametrize(
    "report",
    [
        ROOT / "tests" / "data" / "national-gwr" / "wikisource" / "2021.txt",  # 主要预期目标是：… clauses
        ROOT / "tests" / "data" / "national-gwr" / "wikisource-older" / "1981.txt",  # 计划…要求 figure runs
    ],
    ids=lambda p: p.stem,
)
def test_a_report_in_traditional_characters_has_the_units_of_its_simplified_copy(report: Path, tmp_path: Path) -> None:
    """The detectors that cut a paragraph into targets read words (预期目标, 计划, 吨) in either
    script: a reprint in traditional characters is cut where the report is."""
    copy = traditional_copy(report, tmp_path)

    def shape(path: Path) -> list[tuple[str, int, int]]:
        tree = build_tree(normalize_file(path))
        return [(u.kind, u.paragraph, len(u.text)) for u in tree.units]

    expected = shape(report)
    assert any(kind == "target" for kind, _, _ in expected)
    assert shape(copy) == expected


# --- a target list set out one target a line ------------------------------------------------------

_OPENING = "今年我们要坚定信心。今年发展主要预期目标是："
_TARGETS = ("国内生产总值增长6%以上", "城镇新增就业1100万人以上，城镇调查失业率5.5%左右", "居民消费价格涨幅3%左右")


def _target_units(*blocks: Block) -> list[tuple[str, str]]:
    """The units of a tasks part holding `blocks`, as (kind, text without list dashes and
    semicolons): the shape the matcher reads."""
    tree = build_tree(_document(Heading("三、2021年重点工作", "cn"), *blocks))
    return [(u.kind, u.text.removeprefix("——").rstrip("；。，")) for u in tree.units]


@pytest.mark.parametrize(
    "one_a_line",
    [lambda target, _: ListItem(target), lambda target, last: Paragraph(f"——{target}{'。' if last else '；'}")],
    ids=["list items", "dashed paragraphs"],
)
def test_targets_set_out_one_a_line_are_the_units_of_the_same_targets_in_one_paragraph(
    one_a_line: Callable[[str, bool], Block],
) -> None:
    """A Word file or a web page sets out the targets a report prints in one paragraph as a
    list, or a paragraph each: each clause is a target unit all the same (a Word copy of 2021's
    report lost 14 of its 69 labelled pairs when its list items were units of their own)."""
    printed = _target_units(Paragraph(_OPENING + "；".join(_TARGETS) + "。"))
    lines = [one_a_line(target, n == len(_TARGETS) - 1) for n, target in enumerate(_TARGETS)]
    assert _target_units(Paragraph(_OPENING), *lines) == printed
    assert [kind for kind, _ in printed] == ["paragraph", "target", "target", "target", "target"]


def test_a_list_after_a_paragraph_that_announces_no_targets_stays_items() -> None:
    units = _target_units(
        Paragraph(_OPENING), ListItem(_TARGETS[0]), Paragraph("要做好以下工作："), ListItem("甲，乙"), ListItem("丙")
    )
    assert [kind for kind, _ in units] == ["paragraph", "target", "paragraph", "item", "item"]


def test_a_table_that_sets_out_the_announced_targets_gives_their_units() -> None:
    """A portal page sets out the target list as a table (`序号 | 预期目标`): its rows are the
    targets a printed paragraph gives, addressed at the paragraph that announces them (2019 so
    found 75 of 88 labelled pairs, the targets all dropped; 87 as printed)."""
    clauses = ("国内生产总值增长6%以上", "城镇新增就业1100万人以上", "城镇调查失业率5.5%左右", "居民消费价格涨幅3%左右")
    table = Table((("序号", "预期目标"), *((str(n), c) for n, c in enumerate(clauses, 1))))
    tree = build_tree(_document(Heading("三、2021年重点工作", "cn"), Paragraph(_OPENING), table))
    targets = [u for u in tree.units if u.kind == "target"]
    assert [u.text for u in targets] == list(clauses)
    assert {u.paragraph for u in targets} == {tree.units[0].paragraph}
    assert len(tree.tables) == 1  # the table is the report's all the same


def test_an_indicator_table_after_the_announcement_gives_no_units() -> None:
    """A table of more columns (指标 | 单位 | 目标) is an indicator table, compared as a table."""
    table = Table((("指标", "单位", "目标"), ("地区生产总值", "%", "5.5"), ("居民收入", "%", "5")))
    tree = build_tree(_document(Heading("三、2021年重点工作", "cn"), Paragraph(_OPENING), table))
    assert [u.kind for u in tree.units] == ["paragraph"]

"""Headings read from their siblings: a sequence numbered like the sections inside one section
(1986: points 一、…五、 inside 二、, then 三、 resumes), and a sequence whose lines are decided
together (1986: （一） goes with （二） and （三）, though its first sentence is long).

The excerpts in tests/data/headings/ are lines of `../shared/corpora/national-gwr/
wikisource-older/` (file name = year), each paragraph cut after its first 。; the expectations
were written by reading the reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.canonical.markdown import parse, render
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.structure import build_tree
from corpusdiff.types.document import Heading, NormalizedDocument, Paragraph

DATA = Path(__file__).resolve().parent.parent / "data" / "headings"


def _normalize_text(text: str, name: str = "excerpt.txt") -> NormalizedDocument:
    return normalize_raw(RawReport(text=text, name=name, sha256="0" * 64, encoding="utf-8", size=len(text)))


def _normalize(name: str) -> NormalizedDocument:
    return _normalize_text((DATA / name).read_text(encoding="utf-8"), name)


def _parents(document: NormalizedDocument) -> dict[str, str]:
    """Each section's heading (numbering included, first 7 characters) -> its parent's ("" at the top)."""
    sections = build_tree(document).sections
    return {
        f"{s.label}{s.heading}"[:7]: (f"{sections[s.parent].label}{sections[s.parent].heading}"[:7] if s.parent is not None else "")
        for s in sections
    }


def _heading_levels(markdown: str) -> list[tuple[int, str]]:
    return [(len(line) - len(line.lstrip("#")), line.lstrip("# ")[:7]) for line in markdown.split("\n") if line.startswith("##")]


def test_points_numbered_like_the_sections_sit_inside_their_section() -> None:
    """1986: 二、 holds 一、…五、 and 三、 follows; 三、 holds 一、二、 and 四、 follows: the inner
    points are one level below the sections in the tree and in canonical Markdown."""
    document = _normalize("1986-points-numbered-like-sections.txt")
    parents = _parents(document)
    assert parents["二、“七五”时"] == ""
    for point in ("一、确定适度的", "二、规定恰当的", "三、坚持把科技", "四、以增强出口", "五、按照兼顾生"):
        assert parents[point] == "二、“七五”时"
    assert parents["三、“七五”时"] == ""
    assert parents["一、充分认识经"] == "三、“七五”时"
    assert parents["二、充分认识新"] == "三、“七五”时"
    assert parents["四、坚持独立自"] == ""
    levels = dict((text, level) for level, text in _heading_levels(render(document)))
    assert levels["二、“七五”时"] == levels["三、“七五”时"] == levels["四、坚持独立自"] == 2
    assert levels["一、确定适度的"] == levels["一、充分认识经"] == 3


def test_siblings_are_headings_together_though_one_first_sentence_is_long() -> None:
    """1986: （一）'s first sentence (69 characters) is too long for a heading alone, but （二）
    and （三） are headings, so it is one too, under 三、 like them."""
    document = _normalize("1986-points-numbered-like-sections.txt")
    parents = _parents(document)
    for item in ("（一）进一步增", "（二）进一步发", "（三）国家对企"):
        assert parents[item] == "三、“七五”时"


def test_a_nested_sequence_reads_back_from_canonical_markdown() -> None:
    """The level written is the level read: parsing the Markdown gives the same tree, and
    rendering it again the same bytes."""
    document = _normalize("1986-points-numbered-like-sections.txt")
    markdown = render(document)
    again = parse(markdown)
    assert render(again) == markdown
    assert _parents(again) == _parents(document)


def test_a_restart_without_the_outer_sequence_resuming_stays_at_its_level() -> None:
    """Only the outer sequence resuming (四、 after the inner run) shows the nesting: a restart
    at 一、 that no 四、 follows may as well be a new part whose heading the extract lost."""
    lines = ["一、甲方面的工作", "\u3000\u3000正文。", "二、乙方面的工作", "\u3000\u3000正文。", "三、丙方面的工作", "\u3000\u3000正文。",
             "一、丁方面的工作", "\u3000\u3000正文。", "二、戊方面的工作", "\u3000\u3000正文。"]
    document = _normalize_text("\n\n".join(lines) + "\n")
    assert {level for level, _ in _heading_levels(render(document))} == {2}
    assert all(parent == "" for parent in _parents(document).values())


def test_a_section_title_run_into_its_first_sentence_goes_with_its_siblings() -> None:
    """1987: the source runs 三、's title into its first sentence with no stop between; its
    siblings 一、二、四、 are headings, so it is one too, and the sections stay four."""
    document = _normalize("1987-section-title-run-into-its-first-sentence.txt")
    headings = [block.text[:2] for block in document.blocks if isinstance(block, Heading)]
    assert headings == ["一、", "二、", "三、", "四、"]


def test_numbered_items_mostly_headed_are_all_headings() -> None:
    """1958: seven of the ten items under 第五、关于文化教育 open with a short heading phrase;
    （４）, （５） and （１０） open with a long sentence and go with them."""
    document = _normalize("1958-items-most-of-them-headed.txt")
    labels = [block.text.split("）")[0] + "）" for block in document.blocks if isinstance(block, Heading) and block.kind == "pnum"]
    assert labels == [f"（{n}）" for n in range(1, 11)]


def test_a_sequence_restarting_under_the_next_outer_heading_is_not_nested() -> None:
    """`1.` numbering runs on across （一） groups in some reports, so a `1.` under （二） restarts
    outside any `1.` section: a later number that would resume （一）'s run (here 4. after 1.,
    3. lost) nests nothing."""
    lines = ["（一）甲方面", "1.第一项任务", "\u3000\u3000正文。", "2.第二项任务", "\u3000\u3000正文。", "3.第三项任务", "\u3000\u3000正文。",
             "（二）乙方面", "1.第四项任务", "\u3000\u3000正文。", "4.第五项任务", "\u3000\u3000正文。"]
    document = _normalize_text("\n\n".join(lines) + "\n")
    kinds = [block.kind for block in document.blocks if isinstance(block, Heading)]
    assert kinds == ["paren", "num", "num", "num", "paren", "num", "num"]


def test_headings_with_a_period_for_their_stop_are_headings_at_their_levels() -> None:
    """`一．`, `二. `, `（一）．` and `1．` are printed for `一、`, `（一）`, `1.` by some reports; a
    sentence opening with a figure (`1.5万亿元`, `2.0版`) stays a paragraph of its section."""
    text = (
        "政府工作报告\n\n各位代表：\n\n现在，我代表区人民政府向大会报告工作。\n\n"
        "一．过去一年工作回顾\n\n过去一年，全区生产总值增长5.2%。\n\n"
        "（一）．经济运行稳中向好。\n\n1.5万亿元的投资计划顺利推进。\n\n2.0版营商环境改革全面实施。\n\n"
        "（二）．民生保障持续加强。\n\n新增就业岗位3万个。\n\n"
        "二. 2023年工作安排\n\n今年的主要任务如下。\n\n"
        "（一）大力发展实体经济。\n\n1．推进制造业升级。实施技改项目100个。\n\n"
        "2．培育新兴产业。新增高新技术企业200家。\n\n"
        "（二）持续改善民生。\n\n1、办好民生实事。完成十件民生实事。\n\n2、加强社会保障。扩大社保覆盖面。\n"
    )
    assert _heading_levels(render(_normalize_text(text))) == [
        (2, "一、过去一年工"),
        (3, "（一）经济运行"),
        (3, "（二）民生保障"),
        (2, "二、2023年"),
        (3, "（一）大力发展"),
        (4, "1.推进制造业"),
        (4, "2.培育新兴产"),
        (3, "（二）持续改善"),
        (4, "1.办好民生实"),
        (4, "2.加强社会保"),
    ]


#: The 2022 work report's review as a PDF or a Word file sets it: each `（一）` head on a line of its
#: own (bold, or only numbered), its paragraph on the next, after a line that introduces them with `：`.
_HEADS_AFTER_A_COLON = [
    "一、2021年工作回顾",
    "一年来，我们主要抓好六个方面的工作：",
    "（一）战略平台能级跃升",
    "坚决落实国家战略、城市使命，“三大新引擎”建设取得阶段性成果。河套深港科技创新合作区生机勃勃。",
    "（二）经济发展稳中竞进",
    "完整、准确、全面贯彻新发展理念，在较高基数上保持高质量较快增长。创新活力加速迸发。",
    "（三）民生事业强优补短",
    "民生及社会公共事业支出占一般公共预算支出的比重连续7年保持80%以上。",
]


def _extracted(lines: list[str], format: str) -> NormalizedDocument:
    text = "福田区2022年政府工作报告\n" + "\n".join(lines) + "\n"
    return normalize_raw(
        RawReport(
            text=text,
            name=f"report.{format}",
            sha256="0" * 64,
            encoding="utf-8",
            size=len(text),
            format=format,
        )
    )


@pytest.mark.parametrize("format", ["pdf", "docx", "html"])
def test_heads_on_lines_of_their_own_after_a_colon_are_headings_where_a_line_is_a_paragraph(
    format: str,
) -> None:
    """A line introducing them with `：` and no line between a head and its paragraph read as a
    list of one-liners: the heads were no headings, and each ran into its paragraph
    (`（一）战略平台能级跃升坚决落实…`). In a PDF, a Word file or a page a line is a whole paragraph,
    so the paragraph under each head stands between it and the next."""
    document = _extracted(_HEADS_AFTER_A_COLON, format)
    assert [b.text for b in document.blocks if isinstance(b, Heading)] == [
        "一、2021年工作回顾",
        "（一）战略平台能级跃升",
        "（二）经济发展稳中竞进",
        "（三）民生事业强优补短",
    ]
    assert [b.text[:6] for b in document.blocks if isinstance(b, Paragraph)] == [
        "一年来，我们",
        "坚决落实国家",
        "完整、准确、",
        "民生及社会公",
    ]


@pytest.mark.parametrize("format", ["pdf", "docx"])
def test_one_line_items_after_a_colon_stay_a_list_where_a_line_is_a_paragraph(format: str) -> None:
    """Items of a phrase each, one under the other after the line introducing them, are an
    enumeration, not headings, in any format."""
    lines = [
        "一、2022年工作安排",
        "重点抓好以下三项工作：",
        "（一）稳增长",
        "（二）促改革",
        "（三）惠民生",
        "全年目标如期实现。",
    ]
    document = _extracted(lines, format)
    assert [b.text for b in document.blocks if isinstance(b, Heading)] == ["一、2022年工作安排"]

"""Sections numbered with ordinals, `第一、` / `第二，`: a heading when the line is heading-shaped
(a line of its own, no final stop, before the indented paragraph of its body), otherwise the
lead of a paragraph, which is one unit and keeps its place in the paragraph.

Real lines are excerpts (cut at a sentence end) of `../shared/corpora/national-gwr/`
(`wikisource-older/` and `wikisource/`), cited by file and line; the hard-wrapped and mid-sentence
cases are synthetic, written from the seeds' layout (a wrapped line, a blank line, the rest).
"""

from __future__ import annotations

from corpusdiff.canonical.markdown import parse, render
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.structure import build_tree
from corpusdiff.types.document import Heading, Paragraph
from tests.normalize.rawlines import normalize_lines

INDENT = "\u3000\u3000"
# 1978.txt, lines 97-150 (paragraphs cut to their first sentence)
SECTIONS_1978 = [
    "三、加快社会主义经济建设",
    "",
    "",
    f"{INDENT}要把规划变为现实，我们还必须采取有力措施，认真解决好一些关系到国民经济全局的问题。",
    "",
    "",
    "",
    "第一，全国动员，大办农业",
    "",
    "",
    f"{INDENT}农业是国民经济的基础。",
    "",
    f"{INDENT}（一）在普遍增产粮食的基础上抓好两头，一头是抓好十二个大面积商品粮基地和全国的国营农场，"
    "八年内使它们提供的商品粮比现在增加两、三倍；一头是抓好低产缺粮地区。",
    "",
    f"{INDENT}（二）在提高单位面积产量的同时，组织国营农场和人民公社有计划地开垦荒地，使耕地面积逐年有较多的增加。",
    "",
    "",
    "",
    "第二，加快发展基础工业，发挥工业的主导作用",
    "",
    "",
    f"{INDENT}随着国民经济向现代化迈进，工业特别是基础工业的主导作用越来越显著。",
]
# 1985.txt, lines 105-119: a heading line with a 。 inside it and no final stop
SECTIONS_1985 = [
    f"{INDENT}各位代表！根据当前的实际情况，有必要在以下一些重要的问题上把人们的认识进一步统一起来。",
    "",
    "",
    "",
    "第一、必须坚持实事求是、稳步前进的方针，坚决防止盲目追求和比赛增长速度的现象",
    "",
    "",
    f"{INDENT}这几年我国经济的平均增长速度已经相当高了。",
    "",
    "",
    "",
    "第二、既要搞活经济，又要加强管理。我们正在进行的是一场深刻的改革，一方面要继续解放思想，"
    "强调开放、搞活，一方面要加强管理，健全制度",
    "",
    "",
    f"{INDENT}这二者是统一的，是相辅相成的。",
]
# 1980.txt, lines 128-164: one sibling is longer than a heading phrase usually is
SECTIONS_1980 = [
    f"{INDENT}为了顺利实现1980、1981年国民经济计划，需要从实际情况出发，采取切实有力的措施。",
    "",
    "",
    "",
    "第一，实行能源的开发和节约并重，近期要把节能放在优先的地位，大力开展以节能为中心的技术改造和结构改革，明年就要起步",
    "",
    "",
    f"{INDENT}在能源的开发和增产方面，将采取以下措施：",
    "",
    f"{INDENT}继续加强核电、太阳能以及其他新能源的研究、试验工作。",
    "",
    "",
    "",
    "第二，进一步调整重工业特别是机械工业结构，更好地适应国民经济发展的需要",
    "",
    "",
    f"{INDENT}现在的情况是：现在的工业结构不能适应新的情况。",
]
# 1958.txt, lines 121-131 and 283-285: （三） holds 第一、, which holds （1）
NESTING_1958 = [
    "（三）一九五八年国民经济各部门发展计划的安排",
    "",
    f"{INDENT}计划草案对一九五八年国民经济各部门发展的安排，主要如下。",
    "",
    "",
    "第一、关于基本建设",
    "",
    "",
    f"{INDENT}按照一九五八年发展国民经济的主要任务，在投资的分配上，增加了农业部门特别是水利建设部门的投资。",
    "",
    "",
    "第二、关于文化教育",
    "",
    f"{INDENT}在文化教育方面，必须继续加强政治思想领导。",
    "",
    f"{INDENT}（１）有步骤地实行半工半读的教育制度。中等学校和高等学校，凡是有条件的，都应当举办实验工厂。",
    "",
    f"{INDENT}（２）在高等学校招收的新生中，尽可能地增加工人和农民的成分。",
    "",
    "",
    "（四）厉行节约，反对浪费",
    "",
    f"{INDENT}我们必须厉行节约。",
]


def _headings(lines: list[str]) -> list[tuple[str, str]]:
    return [(b.text, b.kind) for b in normalize_lines(lines).blocks if isinstance(b, Heading)]


def _paragraphs(lines: list[str]) -> list[str]:
    return [b.text for b in normalize_lines(lines).blocks if isinstance(b, Paragraph)]


def test_an_ordinal_line_of_its_own_without_a_stop_is_a_section_heading() -> None:
    assert _headings(SECTIONS_1978) == [
        ("三、加快社会主义经济建设", "cn"),
        ("第一，全国动员，大办农业", "ordinal"),
        ("第二，加快发展基础工业，发挥工业的主导作用", "ordinal"),
    ]
    # the heading is not glued to the paragraph after it (it used to be: …大办农业农业是…)
    assert "农业是国民经济的基础。" in _paragraphs(SECTIONS_1978)


def test_ordinal_sections_sit_under_the_numbered_section_and_the_markdown_round_trips() -> None:
    document = normalize_lines(SECTIONS_1978)
    markdown = render(document)
    assert "\n## 三、加快社会主义经济建设\n" in markdown
    assert "\n### 第一，全国动员，大办农业\n" in markdown
    assert render(parse(markdown)) == markdown
    tree = build_tree(parse(markdown))
    assert [(s.label, s.heading, s.parent) for s in tree.sections] == [
        ("三、", "加快社会主义经济建设", None),
        ("第一，", "全国动员，大办农业", 0),
        ("第二，", "加快发展基础工业，发挥工业的主导作用", 0),
    ]
    # the heading opens the unit of its first paragraph, as a lead sentence would; the rest are units
    farming = [u for u in tree.units if u.section == 1]
    assert (farming[0].kind, farming[0].heading) == ("paragraph", "全国动员，大办农业")
    assert farming[0].text == "第一，全国动员，大办农业。农业是国民经济的基础。"
    assert [u.text[:3] for u in farming[1:]] == ["（一）", "（二）"]


def test_a_heading_line_with_a_full_stop_inside_keeps_its_rest_as_a_paragraph_of_its_own() -> None:
    assert [text for text, _ in _headings(SECTIONS_1985)] == [
        "第一、必须坚持实事求是、稳步前进的方针，坚决防止盲目追求和比赛增长速度的现象",
        "第二、既要搞活经济，又要加强管理",
    ]
    paragraphs = _paragraphs(SECTIONS_1985)
    assert (
        "我们正在进行的是一场深刻的改革，一方面要继续解放思想，强调开放、搞活，一方面要加强管理，健全制度"
        in paragraphs
    )
    assert "这二者是统一的，是相辅相成的。" in paragraphs


def test_a_long_sibling_is_a_heading_like_the_others_of_its_run() -> None:
    headings = _headings(SECTIONS_1980)
    assert [kind for _, kind in headings] == ["ordinal", "ordinal"]
    assert headings[0][0].endswith("明年就要起步")


def test_ordinal_sections_nest_between_bracketed_sections_and_bracketed_digits() -> None:
    lines = [line for line in render(normalize_lines(NESTING_1958)).split("\n") if line.startswith("#")]
    assert lines[1:] == [
        "## （三）一九五八年国民经济各部门发展计划的安排",
        "### 第一、关于基本建设",
        "### 第二、关于文化教育",
        "#### （1）有步骤地实行半工半读的教育制度",
        "#### （2）在高等学校招收的新生中，尽可能地增加工人和农民的成分",
        "## （四）厉行节约，反对浪费",
    ]


def test_an_ordinal_leading_a_paragraph_is_one_unit_not_a_heading() -> None:
    # 2014.txt, line 95 (cut): the lead sentence of a paragraph
    lead_2014 = [
        "第一，向深化改革要动力。改革是最大的红利。当前改革已进入攻坚期和深水区。",
        "",
        "第二，保持经济运行处在合理区间。完善宏观调控政策框架。",
    ]
    document = normalize_lines(lead_2014)
    assert not [b for b in document.blocks if isinstance(b, Heading)]
    units = build_tree(document).units
    assert [u.text for u in units] == [line for line in lead_2014 if line]
    assert units[0].heading == "第一，向深化改革要动力"


def test_ordinals_printed_as_bold_leads_stay_in_their_paragraphs() -> None:
    # 1979.txt lines 83-85 (a lone 第一、, its text on the next line); 1983.txt lines 104-106
    # (a lead sentence with its stop); 1987.txt line 158 (an indented clause ending in ；)
    lines = [
        INDENT,
        "第一、",
        "坚持贯彻以农业为基础的指导思想，集中力量把农业搞上去。",
        "",
        INDENT,
        "第一、改革计划体制，加强国家对国民经济的有效管理和指导。",
        "计划体制的改革，是经济体制改革的重要环节。",
        "",
        f"{INDENT}第一、借外债的总额要有控制，外债结构要合理，要同自己的偿还能力和消化能力相适应；",
        "",
        f"{INDENT}第二、一定要用在生产建设上，重点是出口创汇企业、进口替代企业和技术先进的企业；",
    ]
    assert not _headings(lines)
    paragraphs = _paragraphs(lines)
    assert paragraphs[0] == "第一、坚持贯彻以农业为基础的指导思想，集中力量把农业搞上去。"
    assert (
        paragraphs[1] == "第一、改革计划体制，加强国家对国民经济的有效管理和指导。"
    )  # a stop ends a paragraph


def test_an_ordinal_line_that_a_wrap_broke_off_a_sentence_runs_on() -> None:
    # the seeds' layout: hard-wrapped lines with blank lines between them and no indent
    lines = [
        "各项工作有序推进。",
        "",
        "第一，必须把加强农业放在发展国民经济的重要",
        "",
        "战略地位，稳定粮食生产。",
        "",
        "第二，必须按照建设规模同国力相适应",
        "",
        "的客观经济规律办事。",
    ]
    assert not _headings(lines)
    assert _paragraphs(lines)[1] == "第一，必须把加强农业放在发展国民经济的重要战略地位，稳定粮食生产。"


def test_an_ordinal_inside_an_open_sentence_is_text() -> None:
    lines = [
        "全市地区生产总值总量位居全省",
        "第一，增长速度居全省前列",
        "",
        f"{INDENT}全年经济运行稳中向好。",
    ]
    assert not _headings(lines)
    # an unstopped line does not end its paragraph (blank lines never do, rule 7)
    assert _paragraphs(lines)[0].startswith("全市地区生产总值总量位居全省第一，增长速度居全省前列")


def test_on_a_web_page_every_line_is_a_paragraph_so_the_body_needs_no_indent() -> None:
    # what read/html.py gives for <p>三、…</p><p>…</p><p>第一，…</p><p>…</p>: one paragraph a line
    lines = [line.strip(INDENT) for line in SECTIONS_1978 if line.strip(INDENT)]
    text = "\n\n".join(lines) + "\n"
    page = RawReport(text=text, name="report.html", sha256="0" * 64, encoding="utf-8", size=len(text), format="html")
    assert [(b.text, b.kind) for b in normalize_raw(page).blocks if isinstance(b, Heading)][1:] == [
        ("第一，全国动员，大办农业", "ordinal"),
        ("第二，加快发展基础工业，发挥工业的主导作用", "ordinal"),
    ]
    # the same lines as a plain-text extract, where an unindented line may be a wrap: no heading
    assert [kind for _, kind in _headings(lines)] == ["cn"]

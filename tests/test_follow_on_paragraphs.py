"""A paragraph that goes on from the one before it (`本着…原则，制定…`, `同时，…`, `但是…`) has no
subject of its own: it is part of the initiative unit of the paragraph it follows, which opens
with a lead sentence (or a run-in `一是…`). Every view addresses the unit at its first paragraph,
and no text is lost.

The fixtures are cut from national 2016 and 2017 (`加快培育壮大新兴产业。` and its unheaded
continuation `本着鼓励创新、包容审慎原则…`, issue 16) and written in the same style."""

from __future__ import annotations

from corpusdiff.canonical.markdown import parse
from corpusdiff.compare.core import compare
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.render.diff_json import to_json
from corpusdiff.structure import addressed, build_tree, tree_from_markdown
from corpusdiff.types.diff import Status
from corpusdiff.types.tree import DocTree
from tests.conftest import REPORT_FRONT_MATTER, ROOT, han_key

NATIONAL = ROOT / "tests" / "data" / "national-gwr"

FRONT = REPORT_FRONT_MATTER + """
## 三、2017年重点工作任务

### （四）以创新引领实体经济转型升级。

"""

LEAD = (
    "加快培育壮大新兴产业。全面实施战略性新兴产业发展规划，加快新材料、新能源、人工智能、集成电路、"
    "生物制药、第五代移动通信等技术研发和转化，做大做强产业集群。"
)
FOLLOW_ON = (
    "本着鼓励创新、包容审慎原则，制定新兴产业监管规则，引导和促进新兴产业健康发展。深化统计管理体制"
    "改革，健全新兴产业统计。今年网络提速降费要迈出更大步伐，年内全部取消手机国内长途和漫游费。"
)
NEXT = "大力改造提升传统产业。深入实施《中国制造2025》，加快大数据、云计算、物联网应用。"
#: Its own subject, though no short lead sentence: `深化平安中国建设，…` (2017, after 推动社会治理创新).
OWN_SUBJECT = "深化平安中国建设，健全立体化信息化社会治安防控体系，严厉打击暴力恐怖活动。"


def _tree(*paragraphs: str) -> DocTree:
    return tree_from_markdown(FRONT + "\n\n".join(paragraphs) + "\n")


def test_a_lead_paragraph_and_its_follow_on_are_one_unit() -> None:
    tree = _tree(LEAD, FOLLOW_ON, NEXT)
    assert [unit.text for unit in tree.units] == [LEAD + FOLLOW_ON, NEXT]
    assert tree.units[0].heading == "加快培育壮大新兴产业"
    assert [unit.index for unit in tree.units] == [0, 1]


def test_the_unit_keeps_the_address_of_its_first_paragraph() -> None:
    markdown = FRONT + "\n\n".join((LEAD, FOLLOW_ON, NEXT)) + "\n"
    numbers = {located.block.text: located.paragraph for located in addressed(parse(markdown).blocks)}
    assert [unit.paragraph for unit in tree_from_markdown(markdown).units] == [numbers[LEAD], numbers[NEXT]]


def test_a_run_in_item_is_continued_too() -> None:
    item = "一是加快培育壮大新兴产业，做大做强产业集群。全面实施战略性新兴产业发展规划。"
    follow_on = "同时，制定新兴产业监管规则，引导和促进新兴产业健康发展。"
    assert [unit.text for unit in _tree(item, follow_on).units] == [item + follow_on]


def test_a_paragraph_with_a_subject_of_its_own_stays_a_unit() -> None:
    for own in (OWN_SUBJECT, NEXT, "对于新兴产业的统计，要深化统计管理体制改革。"):
        assert [unit.text for unit in _tree(LEAD, own).units] == [LEAD, own], own


def test_a_follow_on_continues_only_a_paragraph_that_opens_with_its_lead() -> None:
    # the paragraph before has no lead of its own: what the follow-on goes on from is unclear
    no_lead = "全面实施战略性新兴产业发展规划，加快新材料、新能源、人工智能、集成电路等技术研发和转化。"
    assert len(_tree(no_lead, FOLLOW_ON).units) == 2
    # first under its heading: there is no paragraph of the section before it
    opening = tree_from_markdown(FRONT + LEAD + "\n\n### （五）促进农业稳定发展。\n\n" + FOLLOW_ON + "\n")
    assert [unit.text for unit in opening.units] == [LEAD, FOLLOW_ON]


def test_a_review_item_line_keeps_its_account_apart() -> None:
    # the item line's account is read with it in compare/units.py, as a unit of its own
    line = "四是强化创新引领，新动能快速成长。"
    account = "同时，深入推进“互联网+”行动和国家大数据战略，全面实施《中国制造2025》。"
    assert len(_tree(line, account).units) == 2


def test_no_text_is_lost() -> None:
    but = "但是，社会治安防控体系仍不健全。"  # after a paragraph with no lead sentence: its own unit
    besides = "此外，加快工业互联网平台建设。"
    paragraphs = (LEAD, FOLLOW_ON, OWN_SUBJECT, but, NEXT, besides)
    tree = _tree(*paragraphs)
    assert "".join(unit.text for unit in tree.units) == "".join(paragraphs)
    assert [unit.text for unit in tree.units] == [LEAD + FOLLOW_ON, OWN_SUBJECT, but, NEXT + besides]


def test_the_follow_on_is_never_called_new_where_its_lead_continues() -> None:
    old = _tree(LEAD[: LEAD.index("做大做强")] + "发展新兴产业集群。", NEXT)
    new = _tree(LEAD, FOLLOW_ON, NEXT)
    result = compare(old, new)
    units = [item for item in result.initiatives if item.level == "unit"]
    assert not [item for item in units if item.status is Status.NEW]
    paired = [item for item in units if item.old is not None and item.new is not None]
    assert any(item.new is not None and item.new.text == LEAD + FOLLOW_ON for item in paired)
    shown = [entry["new"] for entry in to_json(result)["initiatives"] if entry["new"]]  # type: ignore[union-attr]
    lead_entry = next(entry for entry in shown if entry["text"] == LEAD + FOLLOW_ON)
    assert lead_entry["address"].endswith(f"#p{new.units[0].paragraph}")


def test_the_two_printings_of_2017_give_one_unit() -> None:
    """Wikisource prints `本着鼓励创新…` as a paragraph of its own, gov.cn inside the paragraph of
    `加快培育壮大新兴产业。`: one initiative either way, so one unit with the same text."""
    units = [
        next(u.text for u in build_tree(normalize_file(path)).units if "加快培育壮大新兴产业" in u.text[:12])
        for path in (NATIONAL / "wikisource" / "2017.txt", NATIONAL / "govcn" / "2017.html")
    ]
    assert "本着鼓励创新" in units[1]
    assert han_key(units[0]) == han_key(units[1])

"""Synthetic editions made from the real 2022 plan: each edit has one right answer."""

from __future__ import annotations

import re

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.diff import DiffResult
from tests.conftest import ROOT

BASE = (ROOT / "corpus" / "futian" / "annual-plan" / "2022-01.md").read_text(encoding="utf-8")


def _blocks(text: str) -> list[str]:
    return text.split("\n\n")


def _span(blocks: list[str], heading: str) -> tuple[int, int]:
    """Blocks from `heading` up to the next heading of the same or a higher level."""
    start = next(i for i, b in enumerate(blocks) if b == heading)
    level = len(heading) - len(heading.lstrip("#"))
    end = start + 1
    while end < len(blocks):
        match = re.match(r"^(#+) ", blocks[end])
        if match and len(match.group(1)) <= level:
            break
        end += 1
    return start, end


def move(text: str, heading: str, after: str) -> str:
    blocks = _blocks(text)
    start, end = _span(blocks, heading)
    moved = blocks[start:end]
    rest = blocks[:start] + blocks[end:]
    _, insert_at = _span(rest, after)
    return "\n\n".join(rest[:insert_at] + moved + rest[insert_at:])


def run(new_text: str, old_text: str = BASE) -> DiffResult:
    return compare(tree_from_markdown(old_text), tree_from_markdown(new_text))


def _task(result: DiffResult, heading: str):
    return next(
        i
        for i in result.initiatives
        if i.level == "unit" and i.old and i.old.kind == "task" and i.old.heading == heading
    )


def test_identical_editions_have_no_changes() -> None:
    result = run(BASE)
    assert not result.has_changes()
    assert {i.status for i in result.initiatives} == {"recurring"}
    assert all(m.status == "matched" for m in result.sections)


def test_a_paragraph_printed_twice_is_a_change() -> None:
    """The second copy is split from the one paragraph word for word (recurring): the report's
    shape changed all the same, so `diff` exits 1 (it exited 0, every status being recurring)."""
    blocks = _blocks(BASE)
    twice = next(b for b in blocks if b.startswith("产业规划顶层设计优化调整。"))
    at = blocks.index(twice)
    result = run("\n\n".join([*blocks[: at + 1], twice, *blocks[at + 1 :]]))
    changed = [(i.status, i.relation) for i in result.initiatives if i.status != "recurring" or i.relation]
    assert changed == [("recurring", "split")]
    assert result.has_changes()


def test_shuffled_groups_stay_matched_and_unchanged() -> None:
    result = run(move(BASE, "### （六）切实增进民生福祉", "### （七）持续提升城区环境品质"))
    assert {i.status for i in result.initiatives} == {"recurring"}
    assert all(m.old is not None and m.new is not None for m in result.sections)


def test_renamed_heading_is_matched_by_content() -> None:
    renamed = BASE.replace("### （五）全力创建文明城市", "### （五）全面建设文明典范城区")
    result = run(renamed)
    match = next(m for m in result.sections if m.old and m.old.heading == "全力创建文明城市")
    assert match.new is not None and match.new.heading == "全面建设文明典范城区"
    assert match.status == "matched"


def test_renumbered_tasks_are_still_the_same_tasks() -> None:
    renumbered = re.sub(r"^#### (\d+)\.", lambda m: f"#### {int(m.group(1)) + 1}.", BASE, flags=re.MULTILINE)
    result = run(renumbered)
    assert {i.status for i in result.initiatives if i.old and i.old.kind == "task"} == {"recurring"}


def test_task_moved_to_another_group_is_moved() -> None:
    result = run(move(BASE, "#### 4.推动消费提质升级", "#### 10.提升总部经济综合实力"))
    assert _task(result, "推动消费提质升级").status == "moved"
    assert _task(result, "推动外贸战略转型").status == "recurring"


def test_split_group_keeps_its_tasks() -> None:
    blocks = _blocks(BASE)
    at = blocks.index("#### 26.打造靓丽市容市貌")
    split = "\n\n".join([*blocks[:at], "### （八）打造美丽市容", *blocks[at:]])
    result = run(split)
    new_group = next(m for m in result.sections if m.new and m.new.heading == "打造美丽市容")
    assert new_group.relation == "split" and new_group.old.heading == "持续提升城区环境品质"
    assert _task(result, "打造靓丽市容市貌").new.heading == "打造靓丽市容市貌"


def test_changed_figure_is_reworded_with_the_figure_highlighted() -> None:
    changed = BASE.replace("新增9510座学位", "新增1万座学位")
    result = run(changed)
    item = _task(result, "提升教育事业发展质效")
    assert item.status == "reworded"
    assert [(f.old, f.new) for f in item.figures] == [("9510座", "1万座")]
    assert any(op == "-" and "9510" in text for op, text in item.diff)


def test_one_word_changed_is_reworded_and_shown_never_unchanged() -> None:
    """改革 → 变革 in a long paragraph is a handful of characters, and what a reader of two
    editions looks for: the pair is reworded with the word shown, and the diff has changes."""
    changed = BASE.replace("优化保教质量", "改善保教质量", 1)
    result = run(changed)
    item = _task(result, "提升教育事业发展质效")
    assert item.status == "reworded"
    assert ("-", "优化") in item.diff and ("+", "改善") in item.diff
    assert result.has_changes()


def test_diff_is_mirrored_when_sides_swap() -> None:
    other = (ROOT / "corpus" / "futian" / "annual-plan" / "2025-01.md").read_text(encoding="utf-8")
    forward, backward = run(other), run(BASE, old_text=other)
    counts, reverse = forward.counts(), backward.counts()
    assert (counts["new"], counts["dropped"]) == (reverse["dropped"], reverse["new"])
    assert set(forward.programmes.new) == set(backward.programmes.dropped)


@pytest.mark.parametrize("deleted", ["#### 19.创建文明城市"])
def test_deleted_task_is_dropped(deleted: str) -> None:
    blocks = _blocks(BASE)
    start, end = _span(blocks, deleted)
    result = run("\n\n".join(blocks[:start] + blocks[end:]))
    assert _task(result, "创建文明城市").status == "dropped"


def test_a_whole_report_in_one_paragraph_is_aligned_on_its_identical_sentences() -> None:
    """Too many sentences to weigh each against each (compare.params.MAX_SENTENCE_PAIRS): the
    identical ones continue each other and the one rewritten stays one sentence changed."""
    from corpusdiff.compare import params

    count = int(params.MAX_SENTENCE_PAIRS**0.5) + 50
    sentences = [f"第{n}项工作推进顺利，成效明显。" for n in range(count)]
    edited = [*sentences]
    edited[count // 2] = "这一项工作改为明年完成。"

    def doc(body: list[str]) -> str:
        return "---\ntitle: 报告\n---\n\n# 报告\n\n## 一、主要任务\n\n" + "".join(body) + "\n"

    result = run(doc(edited), old_text=doc(sentences))
    [unit] = [i for i in result.initiatives if i.level == "unit" and i.old and i.old.kind != "group"]
    assert unit.status == "reworded"
    assert any(op == "+" and "明年" in text for op, text in unit.diff)
    assert not [i for i in result.initiatives if i.level == "sentence"]


def test_a_salutation_alone_is_no_initiative_wherever_it_stands() -> None:
    """`各位代表！` opening the closing part, said once in one edition and twice in the other, is
    the speaker turning to the audience: no view lists it (it was split four ways, recurring)."""
    blocks = _blocks(BASE)
    at = next(n for n, b in enumerate(blocks) if b.startswith("产业规划顶层设计优化调整。"))
    old = "\n\n".join([*blocks[:at], "各位代表！", *blocks[at:]])
    new = "\n\n".join([*blocks[:at], "各位代表！", *blocks[at : at + 1], "各位代表！", *blocks[at + 1 :]])
    result = run(new, old)
    said = [i for i in result.initiatives if any(u is not None and u.text == "各位代表！" for u in (i.old, i.new))]
    assert said == []
    assert [(i.status, i.relation) for i in result.initiatives if i.status != "recurring" or i.relation] == []

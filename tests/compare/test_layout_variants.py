"""The differ's answer does not hang on how a year words or cuts its parts (issue 14): a real
labelled pair is scored as printed and with one edition's part headings changed the ways other
reports of the kind lay themselves out, and the variant must score as the printed pair does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval_initiatives import LABELS, PairScore, raw_path, run_differ, score

NATIONAL = "national-2018__national-2019"
PLAN = "futian-2023-10__futian-2025-01"

#: variant -> (labelled pair, the edition changed, (printed, changed) edits of its text)
VARIANTS: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    # the targets and the tasks in one part (`二、2024年主要目标和任务`), no tasks part after it
    "targets and tasks in one part": (
        NATIONAL,
        "new",
        (
            ("二、2019年经济社会发展总体要求和政策取向", "二、2019年经济社会发展总体要求和主要任务"),
            ("\n三、2019年政府工作任务\n", "\n"),
        ),
    ),
    # the same with a task area after it (`三、加强政府自身建设`), as national reports of the 2000s
    "targets and tasks in one part, a task area after it": (
        NATIONAL,
        "new",
        (
            ("二、2019年经济社会发展总体要求和政策取向", "二、2019年工作的总体要求和主要任务"),
            ("\n三、2019年政府工作任务\n", "\n"),
            ("新的形势和任务，对政府工作提出了新的更高要求。", "三、加强政府自身建设\n\n新的形势和任务，对政府工作提出了新的更高要求。"),
        ),
    ),
    "review named by no role word": (NATIONAL, "new", (("一、2018年工作回顾", "一、过去一年的工作"),)),
    "targets named by no role word": (
        NATIONAL,
        "new",
        (("二、2019年经济社会发展总体要求和政策取向", "二、今年经济社会发展的总体思路"),),
    ),
    "a mid-year review named for the half year": (
        PLAN,
        "old",
        (("一、2023年上半年国民经济和社会发展规划执行情况", "一、2023年上半年经济社会发展情况"),),
    ),
}


def _scored(labels: dict, old: Path, new: Path) -> PairScore:
    return score(labels, run_differ(old, new))


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_layout_another_year_might_use_scores_as_the_printed_one(variant: str, tmp_path: Path) -> None:
    pair, side, edits = VARIANTS[variant]
    labels = json.loads((LABELS / f"{pair}.json").read_text(encoding="utf-8"))
    printed = {s: raw_path(labels["meta"][s]) for s in ("old", "new")}
    text = printed[side].read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    changed = {**printed, side: tmp_path / printed[side].name}
    changed[side].write_text(text, encoding="utf-8")
    before = _scored(labels, printed["old"], printed["new"])
    after = _scored(labels, changed["old"], changed["new"])
    assert after.found >= before.found - 2
    assert after.pairs_judged - after.pairs_right <= before.pairs_judged - before.pairs_right + 2
    assert after.dropped_called <= before.dropped_called + 2
    assert after.new_called <= before.new_called + 2

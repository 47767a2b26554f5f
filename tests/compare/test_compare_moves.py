"""A continuing unit is *moved* when it sits under another group, not when the part that holds
it is numbered or named differently: the targets of national 2021 open its tasks part
(`三、2021年重点工作`), those of 2022 have a part of their own (`二、…总体要求和政策取向`)."""

from __future__ import annotations

from corpusdiff.compare.core import compare
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.diff import Role, Status
from tests.conftest import REPORT_FRONT_MATTER

FRONT = REPORT_FRONT_MATTER

TASKS = (
    "实施好积极的财政政策，优化和落实减税政策，加大对中小微企业的支持力度。"
    "稳健的货币政策要灵活精准、合理适度，保持货币供应量和社会融资规模增速同名义经济增速基本匹配。"
)
OPENING = (
    "推进更高水平对外开放，稳定外贸外资基本盘，高质量共建“一带一路”。"
    "深化多双边和区域经济合作，推动区域全面经济伙伴关系协定生效实施。"
)

TARGETS_IN_TASKS = FRONT + f"""
## 一、2020年工作回顾

过去一年，经济运行逐季改善，就业民生保障有力。

## 二、“十四五”时期主要目标任务

“十四五”时期是开启全面建设社会主义现代化国家新征程的第一个五年。

## 三、2021年重点工作

今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业1100万人以上；居民消费价格涨幅3%左右。

### （一）保持宏观政策连续性稳定性可持续性

{TASKS}

### （二）推进高水平对外开放

{OPENING}
"""

TARGETS_APART = FRONT + f"""
## 一、2021年工作回顾

过去一年，经济保持恢复发展，就业持续增加。

## 二、2022年经济社会发展总体要求和政策取向

今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上；居民消费价格涨幅3%左右。

## 三、2022年政府工作任务

### （一）着力稳定宏观经济大盘

{TASKS}

### （二）扩大高水平对外开放

{OPENING}
"""


def test_targets_in_a_part_of_their_own_have_not_moved() -> None:
    result = compare(tree_from_markdown(TARGETS_IN_TASKS), tree_from_markdown(TARGETS_APART))
    targets = [i for i in result.initiatives if i.level == "unit" and i.part is Role.TARGETS and i.old and i.new]
    jobs = [i for i in targets if "城镇新增就业" in i.new.text]
    assert jobs and targets
    assert not [i for i in targets if i.status is Status.MOVED]


def test_a_task_under_another_group_has_moved() -> None:
    """The other way of moving still counts: a task paragraph taken under another （一） group."""
    debt = "加强地方政府专项债券管理，合理扩大使用范围，优化债券资金投向，防范化解地方政府债务风险。"
    old = TARGETS_IN_TASKS.replace(f"{TASKS}\n", f"{TASKS}\n\n{debt}\n")
    new = TARGETS_APART.replace(f"{OPENING}\n", f"{OPENING}\n\n{debt}\n")
    assert debt in old and debt in new
    result = compare(tree_from_markdown(old), tree_from_markdown(new))
    moved = [i for i in result.initiatives if i.level == "unit" and i.status is Status.MOVED and i.new]
    assert [i.new.text for i in moved] == [debt]

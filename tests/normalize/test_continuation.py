"""A report split across two files: the second part, read alone, has no title line and starts
mid-report. It is normalised as it is (never refused), with a warning that says what it looks
like and how to join the parts (docs/inputs.md)."""

from __future__ import annotations

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report

#: The second half of a national report as a portal's second PDF gives it: mid-paragraph, then
#: the task groups from （三） on (written from wikisource/2017.txt's layout).
SECOND_PART = """更好激发非公有制经济活力。深入落实支持非公有制经济发展的政策措施。

加强产权保护制度建设。保护产权就是保护劳动、保护发明创造、保护和发展生产力。

（三）进一步释放国内需求潜力。

扩大消费需求，增加有效投资。

（四）以创新引领实体经济转型升级。

深入实施创新驱动发展战略。
"""
#: The same report's start without a title line: the salutation and the first section.
FIRST_PART = """各位代表：

现在，我代表国务院，向大会报告政府工作，请予审议。

一、2016年工作回顾

过去一年，我国发展面临国内外诸多矛盾叠加的严峻挑战。
"""
#: A text without a title line or salutation that starts at the first section.
NO_TITLE_FROM_THE_START = """一、过去一年工作回顾

过去一年，我们坚持稳中求进。

二、今年工作安排

今年的主要任务如下。
"""


def _warnings(text: str) -> list[str]:
    document = normalize_raw(decode_report(text.encode("utf-8"), "part.txt"))
    return [warning for warning in document.warnings if "continuation" in warning]


def test_a_later_part_of_a_split_report_is_said_to_be_one() -> None:
    (warning,) = _warnings(SECOND_PART)
    assert "（三）进一步释放国内需求潜力" in warning
    assert "join the parts" in warning and "docs/inputs.md" in warning


def test_a_report_start_without_a_title_line_is_no_continuation() -> None:
    assert _warnings(FIRST_PART) == []
    assert _warnings(NO_TITLE_FROM_THE_START) == []

"""The byline under a speech's occasion line — an office and a name, `国务院总理　李克强` — is a
paragraph of its own, like a bare name: it must not run into the salutation `各位代表：` after it
(rule 7), even though neither ends with a sentence mark.

Read by hand: in both reports the byline and the salutation are separate lines of the printed
opening, and the salutation begins the speech.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.normalize.entry import normalize_file, normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.structure import is_salutation
from corpusdiff.types.document import Paragraph

DATA = Path(__file__).parent.parent / "data"


@pytest.mark.parametrize(
    ("report", "byline"),
    [
        # wikisource 2022, lines 9-12: 国务院总理　 / 李克强 on two lines, a blank line, 各位代表：
        ("national-gwr/wikisource/2022.txt", "国务院总理李克强"),
        # a city's byline on one line, the salutation on the next
        ("metadata/shenzhen-2024-gwr.txt", "深圳市市长覃伟中"),
        # the occasion line in brackets: title, occasion, byline and salutation, each a line
        ("metadata/hangzhou-2024-gwr.txt", "杭州市市长姚高员"),
        # a county's byline in traditional characters
        ("metadata/traditional-changbai-2024-gwr.txt", "縣長金成浩"),
    ],
)
def test_byline_is_not_joined_to_the_salutation(report: str, byline: str) -> None:
    document = normalize_file(DATA / report)
    opening = [block.text for block in document.blocks[:4] if isinstance(block, Paragraph)]
    assert byline in opening
    assert "各位代表：" in opening
    assert document.metadata.speaker == byline[-3:]


@pytest.mark.parametrize(
    ("report", "front"),
    [
        # wikisource-older 1957, lines 4-13: title, the undashed occasion line, 周恩来 and 各位代表：
        # each a line of its own between blank lines
        (
            "national-gwr/wikisource-older/1957.txt",
            ["1957年6月26日在第一届全国人民代表大会第四次会議上", "周恩来", "各位代表："],
        ),
        # the same layout in traditional characters
        (
            "metadata/traditional-1954-gwr.txt",
            ["一九五四年九月二十三日在第一屆全國人民代表大會第一次會議上", "周恩來", "各位代表："],
        ),
    ],
)
def test_an_undashed_occasion_line_stands_apart_from_byline_and_salutation(report: str, front: list[str]) -> None:
    """An occasion line without a dash or brackets, the speaker's name and the salutation are
    three paragraphs, each exactly as printed."""
    document = normalize_file(DATA / report)
    assert [block.text for block in document.blocks[:3]] == front


@pytest.mark.parametrize(
    ("report", "byline", "speaker"),
    [
        # no title line: `国务院总理李克强各位代表：` is the first line of the file
        ("metadata/national-glued-byline-gwr.txt", "国务院总理李克强", "李克强"),
        # title, then byline and salutation on lines of their own, no occasion line between
        ("metadata/zhejiang-byline-no-occasion-gwr.txt", "浙江省省长王浩", "王浩"),
        # a plan report under its title: `国务院副总理姚依林各位代表：` on one line
        ("metadata/vice-premier-glued-byline-plan.txt", "国务院副总理姚依林", "姚依林"),
    ],
)
def test_a_byline_without_an_occasion_line_stands_apart_from_the_salutation(
    report: str, byline: str, speaker: str
) -> None:
    """With no occasion line above it, the byline is still a paragraph of its own and the
    salutation after it is one the structure recognises (trace and timeline pass it over);
    the speaker is read from the byline."""
    document = normalize_file(DATA / report)
    opening = [block.text for block in document.blocks[:3] if isinstance(block, Paragraph)]
    assert opening[:2] == [byline, "各位代表："]
    assert is_salutation(opening[1])
    assert document.metadata.speaker == speaker


_UNDATED_OCCASION_BODY = "\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n\n一、2023年工作回顾\n\n过去一年，经济运行稳中向好。\n"


@pytest.mark.parametrize(
    ("front", "speaker"),
    [
        # the date a line of its own over the undated occasion line
        (["2024年1月16日", "在无锡市第十七届人民代表大会第三次会议上", "无锡市市长　赵建军"], "赵建军"),
        # the date a line of its own under the byline
        (["在西安市雁塔区第十九届人民代表大会第四次会议上", "雁塔区人民政府区长　王某", "2024年1月8日"], "王某"),
        # a short session name
        (["2024年1月10日", "在区七届人大四次会议上", "区长　张某某"], "张某某"),
    ],
)
def test_an_undated_occasion_line_stands_apart_from_byline_and_salutation(front: list[str], speaker: str) -> None:
    """`在…第N届…第M次会议上` alone on its line, its date on another, is a paragraph of its own like
    a dated one: the byline and the salutation after it are not glued to it."""
    text = "政府工作报告\n\n" + "\n\n".join(front) + _UNDATED_OCCASION_BODY
    document = normalize_raw(decode_report(text.encode("utf-8"), "gwr.txt"))
    paragraphs = [block.text for block in document.blocks[:4]]
    assert paragraphs == [line.replace("　", "") for line in front] + ["各位代表："]
    assert document.metadata.speaker == speaker


@pytest.mark.parametrize(
    "front",
    [
        ["2024年1月16日", "在无锡市第十七届人民代表大会第三次会议上", "无锡市市长　赵建军"],
        ["——在无锡市第十七届人民代表大会第三次会议上", "无锡市市长　赵建军", "2024年1月16日"],
    ],
)
def test_a_speech_dated_on_a_line_of_its_own_was_delivered_that_day(front: list[str]) -> None:
    text = "政府工作报告\n\n" + "\n\n".join(front) + _UNDATED_OCCASION_BODY
    metadata = normalize_raw(decode_report(text.encode("utf-8"), "gwr.txt")).metadata
    assert (metadata.date, metadata.delivered) == ("2024-01-16", "2024-01-16")


def test_a_byline_with_a_note_stands_apart_from_the_salutation() -> None:
    """`副市长　张红（受市长委托）`: a vice-mayor who reads the report for the mayor is a byline."""
    front = ["——2024年1月20日在合肥市第十七届人民代表大会第四次会议上", "合肥市人民政府副市长　张红（受市长委托）"]
    text = "政府工作报告\n\n" + "\n\n".join(front) + _UNDATED_OCCASION_BODY
    document = normalize_raw(decode_report(text.encode("utf-8"), "gwr.txt"))
    assert [block.text for block in document.blocks[1:3]] == ["合肥市人民政府副市长张红（受市长委托）", "各位代表："]
    assert document.metadata.speaker == "张红"


def test_an_occasion_line_with_its_byline_on_it_stands_apart_from_the_salutation() -> None:
    """`2024年1月22日在…会议上　广东省省长　王伟中` on one line, `各位代表：` on the next: the
    salutation stays a paragraph of its own."""
    front = ["2024年1月22日在广东省第十四届人民代表大会第二次会议上　广东省省长　王伟中"]
    text = "政府工作报告\n\n" + "\n\n".join(front) + _UNDATED_OCCASION_BODY
    document = normalize_raw(decode_report(text.encode("utf-8"), "gwr.txt"))
    assert [block.text for block in document.blocks[:2]] == [
        "2024年1月22日在广东省第十四届人民代表大会第二次会议上广东省省长王伟中",
        "各位代表：",
    ]
    assert document.metadata.speaker == "王伟中"


@pytest.mark.parametrize("label", ["目录", "序言"])
def test_a_part_label_under_an_outline_s_approval_line_is_no_speaker(label: str) -> None:
    """A page whose contents were links (dropped) keeps its `目录` line under the approval line:
    two characters alone there read as the speaker's name."""
    text = (
        "宁波市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n"
        "（2021年2月7日宁波市第十五届人民代表大会第六次会议批准）\n\n"
        f"{label}\n\n第一篇　开启新征程\n\n第一章　发展基础\n\n“十三五”时期，全市经济综合实力大幅跃升。\n"
    )
    document = normalize_raw(decode_report(text.encode("utf-8"), "outline.txt"))
    assert document.metadata.speaker == ""


def test_a_speech_is_dated_the_day_its_occasion_line_names_not_a_later_date_line() -> None:
    """A date line that is not the occasion's day is the page's (the day a portal published the
    speech), so the edition is dated the day it was delivered, as `delivered` says."""
    front = ["2024年1月29日", "——2024年1月23日在无锡市第十七届人民代表大会第三次会议上", "无锡市市长　赵建军"]
    text = "政府工作报告\n\n" + "\n\n".join(front) + _UNDATED_OCCASION_BODY
    metadata = normalize_raw(decode_report(text.encode("utf-8"), "gwr.txt")).metadata
    assert (metadata.date, metadata.delivered) == ("2024-01-23", "2024-01-23")

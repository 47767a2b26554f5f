"""An occasion line marked off by a dash or brackets is told before any traditional-script
conversion: OpenCC runs only on the few paragraphs that open with the mark."""

from __future__ import annotations

import pytest

from corpusdiff.text import occasion
from corpusdiff.text.script import simplified

MARKS = "—―─⸺－-（("


def test_traditional_to_simplified_keeps_every_mark_and_makes_none() -> None:
    """What looking for the mark before converting rests on: each character comes back as one
    character, a mark as itself, and nothing else as a mark."""
    characters = [chr(code) for code in range(0x20, 0x30000) if not 0xD800 <= code < 0xE000]
    converted = simplified("\n".join(characters)).split("\n")
    assert len(converted) == len(characters)
    changed = [
        (a, b) for a, b in zip(characters, converted, strict=True) if len(b) != 1 or (a in MARKS) != (b in MARKS)
    ]
    assert changed == []
    assert [simplified(mark) for mark in MARKS] == list(MARKS)


@pytest.mark.parametrize(
    ("text", "standalone", "conversions"),
    [
        ("推动高质量发展，建设河套深港科技创新合作区。" * 20, False, 0),
        ("——2022年3月5日在第十三届全国人民代表大会第五次会议上", True, 1),
        ("（2022年3月11日第十三屆全國人民代表大會第五次會議批准）", True, 1),  # 會議: converted still
        ("（一）推动高质量发展", False, 1),
    ],
    ids=["plain-paragraph", "dashed", "bracketed-traditional", "bracketed-not-an-occasion"],
)
def test_only_a_paragraph_opening_with_the_mark_is_converted(
    monkeypatch: pytest.MonkeyPatch, text: str, standalone: bool, conversions: int
) -> None:
    converted: list[str] = []

    def counting_simplified(text: str) -> str:
        converted.append(text)
        return simplified(text)

    monkeypatch.setattr(occasion, "simplified", counting_simplified)
    assert occasion.is_standalone_occasion(text) is standalone
    assert len(converted) == conversions


@pytest.mark.parametrize("dash", ["——", "⸺", "――", "──", "－－", "--", "—", "―", "─"])
def test_an_occasion_line_is_read_after_any_dash_a_font_or_encoding_gives(dash: str) -> None:
    front = [f"{dash}2024年1月22日在广东省第十四届人民代表大会第二次会议上", "广东省省长　王伟中", "各位代表："]
    found = occasion.read_occasion(front)
    assert (found.date, found.meeting, found.speaker) == ("2024-01-22", "广东省第十四届人民代表大会第二次会议", "王伟中")
    assert occasion.is_standalone_occasion(front[0])


@pytest.mark.parametrize(
    "front",
    [
        ["——在嘉兴市第九届人民代表大会第四次会议上（2024年1月15日）", "嘉兴市市长　某某某", "各位代表："],
        ["——在嘉兴市第九届人民代表大会第四次会议上", "（2024年1月15日）", "嘉兴市市长　某某某", "各位代表："],
        ["——在嘉兴市第九届人民代表大会第四次会议上", "2024年1月15日", "嘉兴市市长　某某某", "各位代表："],
    ],
)
def test_a_date_after_the_meeting_or_under_it_leaves_the_byline_read(front: list[str]) -> None:
    """The date printed after the meeting, in brackets on its line or on a line of its own, stood
    where the byline is looked for: the speaker was lost (a date line of its own still dates the
    report, as the title page's date line)."""
    found = occasion.read_occasion(front)
    assert (found.speaker, found.office, found.meeting) == ("某某某", "嘉兴市市长", "嘉兴市第九届人民代表大会第四次会议")
    assert found.date == ("2024-01-15" if front[0].endswith("）") else "")


def test_a_note_after_the_meeting_leaves_the_byline_read() -> None:
    """`（书面）` after the meeting stood where the byline is looked for: the speaker was lost."""
    front = ["——2024年1月21日在湖南省第十四届人民代表大会第二次会议上（书面）", "湖南省发展和改革委员会", "各位代表："]
    found = occasion.read_occasion(front)
    assert (found.speaker, found.date) == ("湖南省发展和改革委员会", "2024-01-21")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("——2024年1月22日", "2024-01-22"),  # a dashed subtitle that is only the date
        ("――二〇二四年一月二十二日", "2024-01-22"),
        ("二〇二四年元月二十二日", "2024-01-22"),  # 元月: January
        ("（二〇二四年元月）", "2024-01"),
    ],
)
def test_a_date_line_is_read_as_title_pages_print_it(line: str, date: str) -> None:
    """A dashed date was no date line, so the title page's subtitle, byline and salutation ran into
    one paragraph and the speaker was lost; 元月 was no month, so the occasion line went unread."""
    assert occasion.is_date_line(line)
    assert occasion.written_date(line) == date


def test_a_date_in_a_sentence_is_no_date_line() -> None:
    assert not occasion.is_date_line("——2024年1月22日，全省经济运行平稳。")

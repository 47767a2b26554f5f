"""Lines of a report's opening that the normaliser and the metadata detector both recognise:
the subtitle under the title, and the speaker's name under a speech's subtitle.

Two subtitles differ in meaning: any line led by a dash (`——2022年1月5日在…会议上`) is a
*subtitle*; the metadata reads the meeting and the day from it. A *speech subtitle* is one that
names the occasion of a speech (`——在…会议上的讲话`): a paragraph of its own, never joined to
the next line, and the line after it may be the speaker's name.
"""

from __future__ import annotations

import re

from corpusdiff.text.chars import IDEOGRAPHS, has_han

#: The dash a subtitle opens with, as fonts and encodings give it: ——, the two-em dash ⸺,
#: horizontal bars ―― (GBK's A844), box-drawing lines ── (a PDF font's dash glyph), doubled
#: full-width minus signs or hyphens (－－, --).
SUBTITLE_DASH = r"(?:[—―─]{2}|⸺|－－|--)"
_SUBTITLE_RE = re.compile(f"^{SUBTITLE_DASH}")
_SPEECH_SUBTITLE_RE = re.compile(f"^{SUBTITLE_DASH}.*(会议上|会上|讲话)$")
_SPEAKER_RE = re.compile(f"[{IDEOGRAPHS}]{{2,4}}")
#: A part title without a number: a short phrase with no mark of a sentence or a clause (a
#: 、 between listed words, quotes and book-title marks are fine).
_PLAIN_TITLE_RE = re.compile(r"^[^，。；：！？,.;:!?（）()]{2,24}$")
#: A web page's date and source line under its title: `2017-03-16 21:15　来源：新华社`,
#: `发布时间：2024-01-29`, `来源：深圳市人民政府`.
_PUBLICATION_LINE_RE = re.compile(
    r"^(?:(?:发布(?:时间|日期)|日期|时间)\s*[:：]\s*)?\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*来源\s*[:：][^，。；,;]{1,20})?$"
    r"|^来源\s*[:：][^，。；,;]{1,20}$"
)
#: The indent Chinese typesetting gives a paragraph's first line (two ideographic spaces, or
#: spaces standing in for them).
_PARAGRAPH_INDENT_RE = re.compile(r"^(\u3000|\s{2})")


def is_subtitle(line: str) -> bool:
    """A line led by a dash (SUBTITLE_DASH): the subtitle under a title."""
    return _SUBTITLE_RE.match(line) is not None


def is_speech_subtitle(line: str) -> bool:
    """A subtitle naming the occasion of a speech: `——在区七届人大三次会议上`, `——…的讲话`."""
    return _SPEECH_SUBTITLE_RE.match(line) is not None


def is_speaker_name(line: str) -> bool:
    """Two to four ideographs and nothing else: the speaker's name under a speech subtitle."""
    return _SPEAKER_RE.fullmatch(line) is not None


def is_publication_line(line: str) -> bool:
    """A web page's date and source line (`2017-03-16 21:15 来源：新华社`): page furniture a
    printed page keeps between the title and the report, never part of a sentence."""
    return _PUBLICATION_LINE_RE.match(line.strip()) is not None


def is_plain_title(line: str) -> bool:
    """A short phrase that could title a part of a report without a number: `关于外交工作`,
    `今后五年建设和改革的目标、方针和任务` (the layout around it decides, `normalize.core`)."""
    return _PLAIN_TITLE_RE.match(line) is not None and has_han(line)


def is_indented(raw_line: str) -> bool:
    """A raw line opening with a paragraph indent."""
    return _PARAGRAPH_INDENT_RE.match(raw_line) is not None

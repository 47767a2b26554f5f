"""The lines under a report's title that say when, where and by whom it was delivered.

Government work reports and plan reports print, under the title, an *occasion* line and a
*byline*:

    ——2022年3月5日在第十三届全国人民代表大会第五次会议上      (a speech: date, meeting)
    （2024年1月18日在杭州市第十四届人民代表大会第四次会议上）  (the same in brackets)
    1957年6月26日在第一届全国人民代表大会第四次会议上          (the same without the dash)
    （2021年3月11日第十三届全国人民代表大会第四次会议批准）      (an outline: approved when, by whom)
    国务院总理　李克强 / 广东省省长　王伟中 / 周江涛 / 国家发展和改革委员会

then the salutation (各位代表：, 委员长、各位副委员长、秘书长、各位委员：). Extracts join lines
without final punctuation, so byline and salutation often arrive glued to the occasion line or
to each other (`国务院总理李克强各位代表：`); they are told apart here by their shapes. The
detectors read simplified text (text.script), so 會議 is 会议 here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpusdiff.text.chars import IDEOGRAPHS
from corpusdiff.text.lines import SUBTITLE_DASH
from corpusdiff.text.numbering import chinese_numeral
from corpusdiff.text.script import simplified

_CN_DIGITS = "〇○零一二三四五六七八九"
_CN_DIGIT_VALUES = {
    **dict.fromkeys("〇○零", 0),
    **{c: i for i, c in enumerate("一二三四五六七八九", start=1)},
}
_DATE = (
    r"(?:(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?"
    f"|(?P<cy>[{_CN_DIGITS}]{{4}})年(?P<cm>元|[一二三四五六七八九十]{{1,2}})月(?:(?P<cd>[一二三四五六七八九十]{{1,3}})日)?)"
)
_DATE_RE = re.compile(_DATE)
#: A subtitle's dash, or one dash alone (`—2024年1月22日在…会议上`).
_DASH = f"(?:{SUBTITLE_DASH}|[—―─])"
#: A date alone on its line: in brackets (`（2024年1月22日）`) or as a dashed subtitle (`——2024年1月22日`).
_DATE_LINE_RE = re.compile(f"^(?:{_DASH})?(?P<open>[（(])?{_DATE}(?(open)[）)])$")
_SPEECH_RE = re.compile(
    rf"^(?:{_DASH}|(?P<open>[（(]))?\s*(?:{_DATE})?\s*在(?P<meeting>[^，。；：]+?(?:会议|大会|会))上"
    r"(?(open)\s*[）)])(?P<rest>.*)$"
)
#: An occasion line that is a paragraph of its own, whatever follows it: dashed or in brackets.
_STANDALONE_OCCASION_RE = re.compile(rf"^(?:{_DASH}|[（(])")
_APPROVAL_RE = re.compile(
    rf"^[（(]\s*(?:{_DATE})?\s*(?P<meeting>[^，。；：]+?(?:会议|大会))(?:审议)?(?:通过|批准)\s*[）)](?P<rest>.*)$"
)
#: 各位代表： (a congress), 委员长、各位副委员长、秘书长、各位委员： (a standing committee), 同志们：
SALUTATION_RE = re.compile(
    r"(?:(?:委员长|主任|主席)、各位副(?:委员长|主任|主席)、(?:秘书长、)?)?各位(?:代表|委员)\s*[：:！!]\s*$"
    r"|同志们\s*[：:！!]\s*$"
)
_OFFICE_WORDS = "总理|委员长|省长|市长|区长|县长|州长|盟长|旗长|专员|主席|主任|局长|厅长|部长|书记"
#: A person's name: two to four characters, or a transliterated name whose parts a middle dot
#: joins (`艾尔肯·吐尼亚孜`, as Uyghur, Tibetan and Mongolian names are printed).
_NAME = f"(?:[{IDEOGRAPHS}]{{2,4}}|[{IDEOGRAPHS}]{{1,8}}(?:[·・•‧][{IDEOGRAPHS}]{{1,8}}){{1,3}})"
#: A note after the name: a vice-mayor who reads the report for the mayor (`（受市长委托）`).
_NOTE = r"(?:[（(][^（）()]{1,12}[）)])?"
_BYLINE_RE = re.compile(f"^(?P<office>[{IDEOGRAPHS}]*?(?:{_OFFICE_WORDS}))(?P<name>{_NAME}){_NOTE}$")
_NAME_RE = re.compile(f"^{_NAME}$")
#: A bracketed note and nothing else (`（书面）`, `（摘要）`): never a byline.
_NOTE_ONLY_RE = re.compile(r"^[（(][^（）()]{1,12}[）)]$")
#: The longest byline read without an occasion line above it (`广西壮族自治区人民政府主席　某某某`
#: is 16): past that, an unpunctuated run that ends in an office and a name is text, not a byline.
_LONE_BYLINE_MAX = 24
#: Without an occasion line above it, a byline's office must name its seat (国务院总理,
#: 广东省省长, 国家发展和改革委员会主任): `认真听取市长意见` ends in an office and two characters too.
_LONE_BYLINE_RE = re.compile(
    f"^(?P<office>[{IDEOGRAPHS}]*?(?:国务院|省|市|区|县|州|盟|旗|政府|公署|委员会|常委会)(?:副|代理|代)?(?:{_OFFICE_WORDS}))"
    f"(?P<name>{_NAME}){_NOTE}$"
)
#: A congress's session (第十七届…第三次会议, 七届人大四次会议): an undated occasion line names one.
_SESSION_RE = re.compile("届.*次会议$")
_BODY_RE = re.compile(f"^[{IDEOGRAPHS}]{{2,24}}(?:委员会|人民政府|政府|办公厅|局|厅)$")
_BODY_MAX = 27
#: The last character of a body's name, in either script (委員會, 辦公廳).
_BODY_ENDINGS = tuple("会會府厅廳局")


@dataclass(frozen=True)
class Occasion:
    """What the occasion line and byline say; "" where they are silent."""

    date: str = ""  # YYYY-MM-DD or YYYY-MM
    meeting: str = ""
    speech: bool = False  # delivered (在…上), not approved (…通过)
    speaker: str = ""  # a person's name, or the body that presents the report
    office: str = ""  # the speaker's office as printed before the name (国务院总理)


def is_occasion(text: str) -> bool:
    """An occasion line: `——2022年3月5日在…会议上`, the same undashed, or `（…会议批准）`."""
    return bool(_SPEECH_RE.match(text) or _APPROVAL_RE.match(text))


def is_standalone_occasion(text: str) -> bool:
    """An occasion line marked off by a dash or brackets: a paragraph of its own, never joined
    to the byline or salutation after it (an undashed one may be glued to them in the source)."""
    compact = re.sub(r"\s+", "", text)
    # OpenCC's t2s keeps each dash and bracket and makes none (checked on every character), so
    # the mark is looked for first: converting every paragraph was a tenth of normalising it
    return _STANDALONE_OCCASION_RE.match(compact) is not None and is_occasion(simplified(compact))


def is_bare_occasion(text: str) -> bool:
    """A speech occasion and nothing after it, undashed: `1957年6月26日在…会议上`, or undated
    when it names a congress's session (`在无锡市第十七届人民代表大会第三次会议上`, under a date
    line of its own). Under a title it is a paragraph of its own (the byline and salutation are
    separate lines); glued to them in the source it is not bare, and stays as printed."""
    compact = simplified(re.sub(r"\s+", "", text))
    match = _SPEECH_RE.match(compact)
    return bool(
        match
        and not match.group("rest")
        and (match.group("y") or match.group("cy") or _SESSION_RE.search(match.group("meeting")))
    )


def is_bylined_occasion(text: str) -> bool:
    """An undashed occasion line with its byline on the same line and nothing after them
    (`2024年1月22日在…会议上　广东省省长　王伟中`): complete, so the salutation on the next line
    stays a paragraph of its own."""
    match = _SPEECH_RE.match(simplified(re.sub(r"\s+", "", text)))
    return bool(match and _BYLINE_RE.match(match.group("rest")))


def is_byline(text: str) -> bool:
    """An office and a name, nothing else: `国务院总理　李克强`, `深圳市市长覃伟中` — a paragraph of
    its own under the occasion line, never the start of the salutation after it; in traditional
    characters too (`縣長　某某`)."""
    return _BYLINE_RE.match(simplified(re.sub(r"\s+", "", text))) is not None


def split_glued_salutation(text: str) -> tuple[str, str] | None:
    """(byline, salutation) of a paragraph that is both, glued because neither ends with a
    sentence mark: `国务院总理李克强各位代表：` → (`国务院总理李克强`, `各位代表：`); None for any
    other paragraph. Splitting keeps every character and lets the salutation be seen as one."""
    salutation = SALUTATION_RE.search(text)
    if salutation is None or salutation.start() == 0:
        return None
    byline = text[: salutation.start()]
    if not is_lone_byline(byline):
        return None
    return byline.rstrip(), text[salutation.start() :]


def is_presenting_body(text: str) -> bool:
    """A line that is only the name of a body (`成都市发展和改革委员会`, `湖南省人民政府`): the
    body that presents a plan or budget report, printed under its title as its byline, or
    over the title as the issuer, or signing it at its end; a paragraph of its own, never glued
    to the salutation or the date. (Asked of every open paragraph, so the last character is
    looked at before the text is converted.)"""
    compact = re.sub(r"\s+", "", text)
    if len(compact) > _BODY_MAX or not compact.endswith(_BODY_ENDINGS):
        return False
    return _BODY_RE.match(simplified(compact)) is not None


def is_lone_byline(text: str) -> bool:
    """A byline with no occasion line above it (a title page that prints only title, byline
    and salutation): an office and a name, short enough to be nothing else."""
    compact = re.sub(r"\s+", "", text)
    return len(compact) <= _LONE_BYLINE_MAX and _LONE_BYLINE_RE.match(simplified(compact)) is not None


def is_date_line(text: str) -> bool:
    """A line that is only a date: 二〇二五年一月, 2022年1月21日, 二〇二四年元月, in brackets
    （2024年1月22日） or after a subtitle's dash (——2024年1月22日)."""
    return _DATE_LINE_RE.match(text.replace(" ", "")) is not None


def written_date(text: str) -> str:
    """The first date in `text` as YYYY-MM[-DD] ("" for none): Arabic or Chinese numerals."""
    match = _DATE_RE.search(text.replace(" ", ""))
    return _iso(match) if match else ""


def read_occasion(front: Sequence[str]) -> Occasion:
    """The occasion, speaker and meeting of a report whose opening paragraphs are `front`."""
    for index, text in enumerate(front):
        compact = re.sub(r"\s+", "", text)
        match = _SPEECH_RE.match(compact) or _APPROVAL_RE.match(compact)
        if not match:
            continue
        rest, date = match.group("rest"), _iso(match) if (match.group("y") or match.group("cy")) else ""
        dated_after = _DATE_LINE_RE.match(rest)
        if dated_after:  # `——在…会议上（2024年1月22日）`: the date after the meeting
            rest, date = "", date or _iso(dated_after)
        elif _NOTE_ONLY_RE.match(rest):  # `——…会议上（书面）`: how it was presented, no byline
            rest = ""
        office, speaker = _byline([rest, *_under_occasion(front[index + 1 :])])
        if not speaker and index:
            office, speaker = _byline_above(front[index - 1])
        return Occasion(
            date=date,
            meeting=match.group("meeting"),
            speech=match.re is _SPEECH_RE,
            speaker=speaker,
            office=office,
        )
    return _lone_byline(front)


def _under_occasion(after: Sequence[str]) -> list[str]:
    """The line under an occasion line that may be its byline: the next one, or the one after a
    date line of its own (`——在…会议上` / `（2024年1月22日）` / `广东省省长　王伟中`)."""
    lines = [re.sub(r"\s+", "", text) for text in after[:2]]
    return lines[1:2] if lines and is_date_line(lines[0]) else lines[:1]


def _lone_byline(front: Sequence[str]) -> Occasion:
    """No occasion line: the speaker from a byline alone in the front, or glued to the
    salutation (`国务院总理李克强各位代表：`); else the body that presents the report under its
    title (`南京市发展和改革委员会`), as it is under an occasion line."""
    for text in front:
        compact = re.sub(r"\s+", "", text)
        glued = split_glued_salutation(compact)
        byline = glued[0] if glued else compact
        match = _LONE_BYLINE_RE.match(byline) if is_lone_byline(byline) else None
        if match:
            return Occasion(speaker=match.group("name"), office=match.group("office"))
    body = next((text for text in front if is_presenting_body(text)), "")
    return Occasion(speaker=re.sub(r"\s+", "", body))


def _byline_above(text: str) -> tuple[str, str]:
    """(office, speaker) of a byline printed over the occasion line (`广东省省长　王伟中` /
    `——2024年1月22日在…会议上`): an office and a name, never a bare name, which could be
    anything."""
    byline = _BYLINE_RE.match(re.sub(r"\s+", "", text))
    return (byline.group("office"), byline.group("name")) if byline else ("", "")


def _byline(candidates: Sequence[str]) -> tuple[str, str]:
    """(office, speaker) from the first candidate that is not empty once its salutation is cut;
    a candidate that is only a salutation ends the search."""
    for candidate in candidates:
        text = SALUTATION_RE.sub("", candidate)
        if not text:
            if candidate:
                return "", ""
            continue
        byline = _BYLINE_RE.match(text)
        if byline:
            return byline.group("office"), byline.group("name")
        if (_NAME_RE.match(text) and text not in _PART_WORDS) or _BODY_RE.match(text):
            return "", text
        return "", ""
    return "", ""


#: Words a line of two to four characters under the title is more often than a name: the label of
#: a part of the document (an outline's `目录` over its contents, read as its speaker).
_PART_WORDS = frozenset({"目录", "目錄", "序言", "前言", "引言", "导言", "附件", "附表", "附录", "说明", "正文", "摘要"})


def _iso(match: re.Match[str]) -> str:
    if match.group("y"):
        year, month, day = int(match.group("y")), int(match.group("m")), match.group("d")
        day_value = int(day) if day else 0
    else:
        year = cn_year(match.group("cy"))
        month = 1 if match.group("cm") == "元" else chinese_numeral(match.group("cm"))
        day_value = chinese_numeral(match.group("cd")) if match.group("cd") else 0
    if not 1 <= month <= 12 or day_value > 31:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day_value:02d}" if day_value else "")


def cn_year(digits: str) -> int:
    """A year written digit by digit in Chinese numerals: 二〇二二 → 2022, 一九五四 → 1954."""
    return int("".join(str(_CN_DIGIT_VALUES[c]) for c in digits))

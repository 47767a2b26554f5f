"""Front-matter facts detected from a report's text: title, genre, level and region, period,
date, speaker and meeting.

Everything is read from the report itself — its title line, the occasion line and byline under
it (text.occasion), the opening sentence (`我代表国务院，向大会作政府工作报告`) and, for a
report that prints no date, the evidence dating it (normalize.dating) — never from the file's
name. Words are recognised on a simplified copy (text.script), so a title in traditional
characters is read like any other; the title keeps the characters it is printed in.
Overrides (manifest, CLI) win over all of it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from corpusdiff.errors import InputError
from corpusdiff.normalize.dating import (
    YearEvidence,
    five_year_plan_start,
    outline_year,
    report_year,
    with_arabic_years,
)
from corpusdiff.normalize.regions import (
    UNKNOWN,
    Region,
    region_of_name,
    region_of_office,
    region_of_opening,
    region_of_scope,
    region_slug,
)
from corpusdiff.read.boilerplate import is_portal_line, without_dateline
from corpusdiff.read.decode import RawReport
from corpusdiff.text.chars import IDEOGRAPHS
from corpusdiff.text.lines import is_publication_line, is_subtitle
from corpusdiff.text.numbering import chinese_numeral, parse_marker
from corpusdiff.text.occasion import (
    SALUTATION_RE,
    Occasion,
    is_date_line,
    is_lone_byline,
    is_occasion,
    is_presenting_body,
    read_occasion,
    split_glued_salutation,
    written_date,
)
from corpusdiff.text.rules import (
    clean_text,
    is_page_number,
    join_fragments,
    repair_misread_dash,
    strip_debris,
    tidy_spaces,
)
from corpusdiff.text.script import simplified, simplified_lines
from corpusdiff.types.document import Block, Heading, Level, Metadata, Paragraph, Source
from corpusdiff.types.genre import (
    ANNUAL_PLAN,
    BUDGET_REPORT,
    FIVE_YEAR_PLAN,
    FIVE_YEAR_PLAN_EXPLANATION,
    FIVE_YEAR_PLAN_PROPOSAL,
    FIVE_YEAR_PLAN_REVIEW,
    GOVERNMENT_WORK_REPORT,
    MID_YEAR_REPORT,
    PLAN_PERIOD_GENRES,
    REPORT,
    series_family,
)

_TITLE_WORDS = re.compile(r"(报告|计划|规划|纲要)")
#: A title may be broken over this many lines: a plan report's 50-character title, set large
#: on a cover, takes four.
_TITLE_LINES_MAX = 4
_TOC_ENTRY = re.compile(r"([(（]\d+[)）]|…+\s*\d+|\.{3,}\s*\d+)$")
_FIVE_YEAR_RE = re.compile(
    r"第([一二三四五六七八九十]{1,3})个五年|“?(十[一二三四五六七八九]?|[一二三四五六七八九])五”?(?:规划|计划|时期)"
)
_MID_YEAR_RE = re.compile(r"上半年|今年以来[^，。]*执行情况|1[—－-]6月")
_NAMED_REPORT_RE = re.compile(r"(?:作|提出|提交)(关于[^，。；]{2,60}?的(?:报告|说明))")
_GWR_OPENING_RE = re.compile(
    r"作政府工作报告|报告[^，。；]{0,12}政府工作|作工作报告|"
    r"代表[^。]{0,12}?(?:国务院|人民政府)[^。]*?向(?:本次)?(?:大会|[^，。；]{0,30}会议)"
    r"(?:作[^，。；]{0,8}报告|报告(?:政府)?工作)"
)
#: `现将2023年…计划执行情况与2024年…计划草案提请…审议`: what a plan or budget report submits
_SUBMITTED_RE = re.compile(r"现将([^，。；]{4,80}?)(?:提请|提交|报请)")
_ADDRESSED_RE = re.compile(
    f"(?:向|我们(?:这次)?|请求|提请)([{IDEOGRAPHS}]{{0,12}}?(?:第[一二三四五六七八九十]+届[{IDEOGRAPHS}]{{0,8}}?"
    "人民代表大会(?:常务委员会)?(?:第[一二三四五六七八九十]+次会议)?"
    f"|[一二三四五六七八九十]+届[{IDEOGRAPHS}]{{0,2}}?人大(?:常委会)?[一二三四五六七八九十]+次会议))"
)
_GWR = "政府工作报告"
#: The work report of a government that is no 人民政府 by name, a government work report all
#: the same: a 盟 or 地区's 行政公署, a zone's 管理委员会 (管委会), the 1950s 人民委员会 and the
#: 1970s 革命委员会 (`锡林郭勒盟行政公署工作报告`, `…开发区管理委员会2024年工作报告`).
_GOVERNMENT_WORK_RE = re.compile(
    r"(?:行政公署|人民委员会|革命委员会|管理委员会|管委会)(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年度?)?工作报告"
)


def is_government_work_report(title: str) -> bool:
    """A simplified title names a government's work report (`_GWR`, `_GOVERNMENT_WORK_RE`)."""
    return _GWR in title or _GOVERNMENT_WORK_RE.search(title) is not None
#: A bracketed note a title may keep at its end (`（2020年10月29日…全体会议通过）`, `（草案）`).
_TITLE_NOTE = r"(?:[（(][^（）()]*[）)])?$"
#: `关于《…纲要（草案）》的说明`, `关于《中共…关于制定…的建议》的说明`: why and how the plan or
#: the proposal was drafted, presented with it; not the plan's own text.
_EXPLANATION_RE = re.compile(f"说明{_TITLE_NOTE}")
#: `…纲要实施中期评估报告`, `关于…纲要实施情况的中期评估报告`, `关于…规划纲要实施情况的报告`:
#: how far a plan has got, read against it half-way or at its end.
_REVIEW_RE = re.compile(r"评估|实施情况")
#: A year's plan a title names (`2020年国民经济和社会发展计划执行情况`, `2021年计划草案`,
#: `2021年上半年…计划`; not `2035年远景目标纲要`, nor `2021年…第十四个五年计划`).
_YEAR_PLAN_RE = re.compile(r"\d{4}\s*年(?:度)?(?:(?!五年)[^“”《》，。]){0,14}?计划(?!纲要)")
#: `…关于制定…规划的建议`: the party committee's proposal the plan is drafted from, with the
#: bracketed note of its adoption a title may keep (`（2020年10月29日…全体会议通过）`).
_PROPOSAL_RE = re.compile(f"关于制定[^《》]*的建议{_TITLE_NOTE}")
#: A report or explanation *about* a plan (关于第一个五年计划的报告) is delivered when it says, not
#: in the plan's first year; only the outline itself is dated by its period.
_ABOUT_A_PLAN_RE = re.compile(r"(?:报告|说明|建议)$")
#: `福田区“十四五”`: a plan named by its number in quotes, with the words just before it (the
#: region whose plan it is, in an outline's tables and boxes).
_PLAN_MENTION_RE = re.compile(f"([{IDEOGRAPHS}]{{0,12}})“(十[一二三四五六七八九]?|[一二三四五六七八九])五”")
#: An untitled text is read as an outline when it names the latest plan it names this often.
_OUTLINE_MENTIONS_MIN = 3
_OUTLINE_REGION_MENTIONS_MIN = 2
#: The lines searched for a salutation: a speech is no outline.
_FRONT_LINES = 60
#: Outlines are laid out in parts and chapters (第一篇, 第一章); reports in 一、 points.
_OUTLINE_DIVISIONS = ("pian", "zhang")
_OUTLINE_DIVISIONS_MIN = 2
_CONTAINER_RE = re.compile(f"([{IDEOGRAPHS}]*公报)")
_ISSUE_RE = re.compile(r"第\s*(\d+)\s*期\s*[（(]\s*总第\s*(\d+)\s*期\s*[)）]")
_WRAPPER_SIGNS = ("目录", "公报", "简介", "总第")
#: An official document's red header over the title: the issuing body's `…人民政府文件` line, or
#: the document number `福府〔2024〕3号`.
#: A web page's breadcrumb trail over the title (`首页 > 总理 > 正文`, `当前位置：…`).
_BREADCRUMB_RE = re.compile(r"^(?:当前位置|您的位置)\s*[:：]|首页\s*[>＞›»]")
#: A site menu's items: short words apart by bars, slashes, dots or spaces, one the home page.
_MENU_SEPARATOR_RE = re.compile(r"[\s|｜/·•]+")
_MENU_ITEM_RE = re.compile(f"[{IDEOGRAPHS}A-Za-z]{{1,8}}")
_MENU_ITEMS_MIN = 3
_HOME_ITEMS = frozenset({"首页", "网站首页", "首頁"})
#: Date and source lines a portal prints between the title and the report.
_PUBLICATION_LINES_MAX = 2
#: A repeated line that is part of the title is a running head from this length (not 报告).
TITLE_HEAD_MIN = 6
_OFFICIAL_HEADER_RE = re.compile(
    f"^[{IDEOGRAPHS}]{{2,30}}文件$|[〔［\\[]\\s*\\d{{4}}\\s*[〕］\\]]\\s*\\d{{1,4}}\\s*号"
)

@dataclass(frozen=True)
class OutlineEvidence:
    """What an untitled text says of itself as a five-year outline: which plan it lays out
    (14 for 十四五), how often it names it, and the region whose plan it names."""

    plan: int
    plan_name: str  # as printed: 十四五
    mentions: int
    region: Region

    @property
    def start(self) -> int:
        return five_year_plan_start(self.plan)


@dataclass(frozen=True)
class TitleBlock:
    """Where the title sits in the raw lines: lines[start:end] are consumed by it."""

    text: str
    start: int
    end: int


#: A news site's label around a report's title (`（两会受权发布）政府工作报告`, `政府工作报告（全文）`):
#: the site's word on the article, not the report's title.
_RELEASE_LABEL_RE = re.compile(
    r"^\s*(?:[（(【\[]\s*(?:全国)?(?:两会)?\s*[受授]权发布\s*[）)】\]]|(?:两会)?[受授]权发布\s*[：:])\s*"
    r"|\s*[（(【\[]\s*(?:附)?全文\s*[）)】\]]\s*$"
)


def without_release_label(title: TitleBlock | None) -> tuple[TitleBlock | None, str]:
    """The title without a news site's label around it, and the label ("" for none)."""
    if title is None:
        return None, ""
    bare = _RELEASE_LABEL_RE.sub("", title.text)
    if bare == title.text or not bare:
        return title, ""
    return replace(title, text=bare), "".join(_RELEASE_LABEL_RE.findall(title.text)).strip()


def find_title(lines: Sequence[str], search: int = 80) -> TitleBlock | None:
    """The report title: a short line (or two) naming a report, followed by its date line,
    a `——…会议上` subtitle or the first heading."""
    index = 0
    seen = 0
    issued = _issued_names(lines, search)
    while index < len(lines) and seen < search:
        text = without_dateline(_line_text(lines[index]))
        if not text:
            index += 1
            continue
        seen += 1
        if _is_page_furniture(lines[index]):
            index += 1  # a web page's menu or breadcrumb over the title
            continue
        if is_presenting_body(text) and not _opens_gwr_title(text, _next_text(lines, index + 1)):
            index += 1  # the issuer over the title, never a line of it
            continue
        block_end = index + 1
        joined = text
        while block_end < len(lines) and _line_text(lines[block_end]) and block_end - index < _TITLE_LINES_MAX:
            candidate = join_fragments(joined, _line_text(lines[block_end]))
            if (
                _is_page_furniture(lines[block_end])
                or (_TITLE_WORDS.search(joined) and _ends_title(lines[block_end]))
                or _title_key(joined) in issued
            ):
                break
            joined = candidate
            block_end += 1
        if _is_title_text(joined) and _title_key(joined) in issued:
            return TitleBlock(clean_text(joined), index, block_end)
        if _is_title_text(joined) and _follows_title(lines, block_end):
            if seen > 1 and not (_is_wrapper(lines[:index]) or running_heads_over(lines[:index], joined)):
                return None
            return TitleBlock(clean_text(joined), index, block_end)
        index += 1
    return None


#: What a notice issuing a report names it (`关于印发杭州市2024年国民经济和社会发展计划的通知`,
#: `现将《杭州市2024年…计划》印发给你们`): the report is the notice's attachment, under that title.
_ISSUED_NAME_RES = (
    re.compile(r"关于(?:印发|转发|下达)《?([^《》。：\n]{4,80}?)》?的通知"),
    re.compile(r"现将《([^《》\n]{4,80})》(?:印发|转发|下达)"),
)


def _issued_names(lines: Sequence[str], search: int) -> frozenset[str]:
    """The names of the reports a notice over them issues: the attachment's title line is the
    report's title, though a paragraph, not a date or a heading, follows it (and the notice
    before it is passed over as its wrapper, the 公文's header, title, addressees and signature)."""
    text = "\n".join(_line_text(line) for line in lines[:search])
    return frozenset(_title_key(match.group(1)) for pattern in _ISSUED_NAME_RES for match in pattern.finditer(text))


def _title_key(text: str) -> str:
    return simplified(text).replace(" ", "")


def _ends_title(following: str) -> bool:
    """A line that cannot go on a title named so far: what follows a title, also a web page's date
    and source line under it (`发布时间：2024-01-29 来源：… 字号：大 中 小`)."""
    return _is_title_follow(_line_text(following)) or is_page_info_line(following)


def _is_page_furniture(raw: str) -> bool:
    """A web page's breadcrumb (`当前位置：首页 > …`), its site menu (`首页 | 机构 | 新闻 | 政务公开`)
    or its fields set over the title (`发布时间：2024-01-25来源：…字号：大中小`), as a page saved or
    copied as text keeps them over the title: never a line of it."""
    text = _line_text(raw)
    return bool(_BREADCRUMB_RE.search(text)) or _is_site_menu(raw) or is_portal_line(strip_debris(raw))


def _is_site_menu(raw: str) -> bool:
    """Three or more short items apart by bars or spaces, one of them the home page (首页)."""
    items = [item for item in _MENU_SEPARATOR_RE.split(raw.strip()) if item]
    return len(items) >= _MENU_ITEMS_MIN and any(item in _HOME_ITEMS for item in items) and all(
        _MENU_ITEM_RE.fullmatch(item) for item in items
    )


def _opens_gwr_title(body: str, following: str) -> bool:
    """`深圳市龙岗区人民政府` over `工作报告`: a title broken after the government's name, not the
    issuer over a title of its own (`湖南省人民政府` over `政府工作报告`)."""
    joined, below = simplified(join_fragments(body, following)), simplified(following)
    return is_government_work_report(joined) and not is_government_work_report(below)


def _is_wrapper(lines: Sequence[str]) -> bool:
    """Text before a title is dropped only when it is a publication's wrapper (cover, contents),
    an official document's red header, or the issuing body's name over the title (`湖南省人民政府`
    on a cover that prints title and date under it)."""
    texts = [_line_text(line).replace(" ", "") for line in lines]
    return any(sign in simplified("".join(texts)) for sign in _WRAPPER_SIGNS) or any(
        _OFFICIAL_HEADER_RE.search(text) or is_presenting_body(text) for text in texts
    ) or any(_is_page_furniture(line) for line in lines)


def running_heads_over(lines: Sequence[str], title: str) -> bool:
    """Lines before a title that only repeat part of it: the running head over the first page of
    a PDF extract (`政府工作报告` over the title `政府工作报告`), not text of the report."""
    texts = [text.replace(" ", "") for text in map(_line_text, lines) if text]
    return bool(texts) and all(len(text) >= TITLE_HEAD_MIN and text in title.replace(" ", "") for text in texts)


def is_gazette_name(text: str) -> bool:
    """A gazette's name alone (`株洲市人民政府公报`): over the title, the running head of its first
    page, which a gazette's extract prints over every page."""
    return _CONTAINER_RE.fullmatch(simplified(text.replace(" ", ""))) is not None


def _line_text(raw: str) -> str:
    text = tidy_spaces(strip_debris(raw))
    return "" if is_page_number(text) else text


def _follows_title(lines: Sequence[str], index: int) -> bool:
    """What comes after a title (`_is_title_follow`), also under a web page's date and source
    lines (a portal page printed to PDF)."""
    texts = ((raw, text) for raw in lines[index:] if (text := _line_text(raw)))
    for raw, text in itertools.islice(texts, _PUBLICATION_LINES_MAX + 1):
        if not is_page_info_line(raw) or is_date_line(simplified(text).replace(" ", "")):
            return _is_title_follow(text)
    return False


def is_page_info_line(raw: str) -> bool:
    """A web page's line between the title and the report: its date and source
    (`2017-03-16 21:15 来源：新华社`), or its publication, view-count and font-size items as a portal
    prints them (`发布日期：2024-08-28 来源：市发改委 浏览次数：2351 字号：[ 大 中 小 ]`), which a
    text copied from the page keeps and which ran into the title. The items are told apart by the
    spaces between them, so the line is read before its spaces are tidied."""
    line = strip_debris(raw)
    return is_publication_line(tidy_spaces(line)) or is_portal_line(line)


def _next_text(lines: Sequence[str], index: int) -> str:
    for raw in lines[index:]:
        text = _line_text(raw)
        if text:
            return text
    return ""


def _is_title_text(text: str) -> bool:
    return (
        len(text) <= 80
        and bool(_TITLE_WORDS.search(simplified(text)))
        and "。" not in text
        and not _TOC_ENTRY.search(text)
        and parse_marker(text) is None
        and not text.startswith("《")
    )


def _is_title_follow(text: str) -> bool:
    """A date line, a dashed subtitle, an occasion line (dashed or not), a heading, or the
    salutation itself, or a byline alone or glued to it (a title page that prints no occasion
    line: `政府工作报告` / `国务院总理　李克强` / `各位代表：`), or the body presenting the report
    (`关于…计划草案的报告` / `成都市发展和改革委员会`). The subtitle's dash may come misread as
    `一一`, as the paragraph builder repairs it."""
    text = repair_misread_dash(clean_text(text))
    compact = simplified(text).replace(" ", "")
    return bool(
        is_date_line(compact)
        or is_subtitle(text)
        or is_occasion(compact)
        or parse_marker(text)
        or SALUTATION_RE.match(compact)
        or is_lone_byline(compact)
        or is_presenting_body(compact)
        or split_glued_salutation(compact)
    )


def detect_metadata(
    raw: RawReport,
    title: TitleBlock | None,
    wrapper: Sequence[str],
    blocks: Sequence[Block],
    overrides: Mapping[str, object],
    *,
    derive_series: bool = True,
) -> tuple[Metadata, tuple[str, ...]]:
    """Combine what the text says with the overrides (which always win); with the notes the
    user should read (title or date missing, or read from the text rather than printed).

    The default series id needs pinyin (pypinyin loads in 0.15 s); a document read only to be
    compared does not need it, so `derive_series=False` leaves an unset series empty."""
    front, opening = _front_and_opening(blocks)
    plain_opening = [simplified(text) for text in opening]
    occasion = read_occasion([simplified(text) for text in front])
    named = title.text if title else ""
    derived = "" if named else report_name(opening)
    title_text = str(overrides.get("title") or named or derived or Path(raw.name).stem)
    outline = None if named or derived or overrides.get("title") else untitled_outline(raw.text, blocks)
    genre = FIVE_YEAR_PLAN if outline else detect_genre(title_text)
    if genre == FIVE_YEAR_PLAN and _stands_for_a_work_report(title_text, plain_opening, blocks):
        genre = GOVERNMENT_WORK_REPORT
    meeting = occasion.meeting or addressed_meeting(plain_opening)
    region = (
        outline.region
        if outline and outline.region.name
        else _region(title_text, meeting, occasion, plain_opening, blocks, _presenting_body([*wrapper, *front], occasion))
    )
    period = detect_period(title_text, genre) or (f"{outline.start}-{outline.start + 4}" if outline else "")
    date = _publication_date(front, wrapper, occasion) or _signature_date(blocks)
    evidence = None
    paged = False
    if not date and not overrides.get("date"):
        evidence = _undated_year(title_text, genre, period, meeting, blocks, outline)
        date = str(evidence.year) if evidence else ""
        if raw.date_hint and (not evidence or raw.date_hint.startswith(date)):
            date, evidence, paged = raw.date_hint, None, True
    detected = Metadata(
        title=title_text,
        region=region.name,
        level=region.level.value if region.level else "",
        genre=genre,
        period=period or date[:4],
        date=date,
        speaker=occasion.speaker,
        meeting=meeting,
        delivered=_delivered(front, occasion),
        container=_container(wrapper),
        source=Source(
            file=raw.name,
            sha256=raw.sha256,
            encoding=raw.encoding,
            format=raw.format,
            extractor=raw.extractor,
        ),
    )
    merged = _apply_overrides(detected, overrides)
    if derive_series and not merged.series:
        merged = replace(merged, series=default_series(merged))
    notes = [_title_note(derived, outline)] if not named and not overrides.get("title") else []
    dated = _date_note(merged.date, evidence, paged)
    notes += [dated] if dated else []
    if not merged.region:
        notes.append(_region_note(merged.level))
    return merged, tuple(notes)


def _date_note(date: str, evidence: YearEvidence | None, paged: bool) -> str:
    """What the user should know of the date: read from the text, from the web page, or not
    found ("" when the report prints it or the user gave it)."""
    if evidence:
        return (
            f"no date printed; dated {evidence.year} from the text (“{evidence.reason}”); "
            "set the date with --date or in the corpus manifest"
        )
    if not date:
        return "no publication date found; set it with --date or in the corpus manifest"
    if paged:
        return (
            f"no date printed; dated {date} as the web page dates the report (its record or publication "
            "date); set the date with --date or in the corpus manifest"
        )
    return ""


def _region_note(level: str) -> str:
    """A report that names no region is filed as unknown-region, beside every other such report
    of its genre: say so, and how to name it (`--region 广东省`)."""
    known = f"it reads as a {level} report, but " if level else ""
    return (
        f"no region found: {known}neither its title, meeting, byline nor opening names one, so its id "
        "and series say unknown-region; set it with --region or in the corpus manifest"
    )


def _apply_overrides(detected: Metadata, overrides: Mapping[str, object]) -> Metadata:
    """Overrides win; an overridden region brings its own level unless the level is given too."""
    given: dict[str, Any] = {
        f.name: overrides[f.name] for f in fields(Metadata) if f.name != "source" and overrides.get(f.name)
    }
    if "level" in given and given["level"] not in set(Level):
        raise InputError(
            f"level {given['level']!r} is not one of {', '.join(Level)}; fix it in the corpus manifest"
        )
    if "region" in given and "level" not in given:
        level = region_of_name(simplified(str(given["region"]))).level
        given["level"] = level.value if level else detected.level
    merged = replace(detected, **given)
    source = overrides.get("source")
    return replace(merged, source=source) if isinstance(source, Source) else merged


def _undated_year(
    title: str,
    genre: str,
    period: str,
    meeting: str,
    blocks: Sequence[Block],
    outline: OutlineEvidence | None,
) -> YearEvidence | None:
    """The year of a report that prints no date: an outline's from its period (never its vision
    year), any other report's from its words (normalize.dating)."""
    if outline:
        return outline_year(outline.start, meeting, outline.plan_name)
    if genre == FIVE_YEAR_PLAN and period and not _ABOUT_A_PLAN_RE.search(simplified(title)):
        return outline_year(int(period[:4]), meeting, title)
    headings = simplified_lines([b.text for b in blocks if isinstance(b, Heading)])
    paragraphs = simplified_lines([b.text for b in blocks if isinstance(b, Paragraph)])
    return report_year(headings, paragraphs, meeting, simplified(title))


#: The head of government speaking for it (`我代表国务院，作关于…的报告`), where a plan bureau
#: reports `受…人民政府委托`.
_ON_BEHALF_RE = re.compile(r"代表[^。，；]{0,12}?(?:国务院|人民政府)")
#: A heading over the review of the years just past (`一、“六五”计划执行情况的回顾`, `六五计划前两年的执行情况`,
#: `一、“九五”时期国民经济和社会发展的主要成就`, `一、“八五”计划胜利完成`).
_REVIEW_HEADING_RE = re.compile(r"执行情况|回顾|成就|胜利完成")


def _stands_for_a_work_report(title: str, opening: Sequence[str], blocks: Sequence[Block]) -> bool:
    """A report about a five-year plan (`关于…第七个五年计划的报告`) that the head of government
    gives on its behalf and that reviews the years before under a heading of its own (their
    执行情况, 回顾, 成就 or 胜利完成) is that session's work report: it reports what the government
    did and what it will do, the plan among it, and no other work report is given (the national
    1982 and 1986 reports; 2001's `一、“九五”时期…的主要成就`). One that
    lays the plan out and reviews nothing under a heading of its own (1955's) is the plan's."""
    if not simplified(title).endswith("报告") or not any(_ON_BEHALF_RE.search(text) for text in opening):
        return False
    headings = simplified_lines([b.text for b in blocks if isinstance(b, Heading)])
    return any(_REVIEW_HEADING_RE.search(text) for text in headings)


def untitled_outline(text: str, blocks: Sequence[Block]) -> OutlineEvidence | None:
    """A text without a title that reads as a five-year outline: laid out in 篇 or 章 (at least
    two such headings), no salutation (a speech is no outline), and the latest plan it names
    named at least three times (`“十四五”时期，福田将…`,
    `福田区“十四五”…指标体系`); the region is the one most often named just before the plan
    (at least twice). None when the evidence is thinner: the file name then stands in, and the
    user is told."""
    divisions = [b for b in blocks if isinstance(b, Heading) and b.kind.startswith(_OUTLINE_DIVISIONS)]
    if len(divisions) < _OUTLINE_DIVISIONS_MIN:
        return None
    plain = simplified(text)
    lines = [line.strip() for line in plain.split("\n") if line.strip()][:_FRONT_LINES]
    if any(SALUTATION_RE.match(line) for line in lines):
        return None
    mentions = [(chinese_numeral(m.group(2)), m.group(2), m.group(1)) for m in _PLAN_MENTION_RE.finditer(plain)]
    if not mentions:
        return None
    plan, plan_name, _ = max(mentions)
    before = [words for number, _, words in mentions if number == plan]
    if len(before) < _OUTLINE_MENTIONS_MIN:
        return None
    return OutlineEvidence(plan, f"{plan_name}五", len(before), _named_region(before))


def _named_region(words_before: Sequence[str]) -> Region:
    """The region most often named just before the plan, when named at least twice."""
    regions = [region for region in map(region_of_name, words_before) if region.name]
    if not regions:
        return UNKNOWN
    region, count = Counter(regions).most_common(1)[0]
    return region if count >= _OUTLINE_REGION_MENTIONS_MIN else UNKNOWN


def _title_note(derived: str, outline: OutlineEvidence | None = None) -> str:
    if outline:
        whose = f"{outline.region.name}'s " if outline.region.name else ""
        return (
            "no title line found, so the file name stands in; the text reads as "
            f"{whose}“{outline.plan_name}” five-year plan outline (it names “{outline.plan_name}” "
            f"{outline.mentions} times), so genre, region and period come from it; "
            "set the title with --title or in the corpus manifest"
        )
    if derived:
        return (
            f"no title line found; titled “{derived}” as the report's opening names it; "
            "set another with --title or in the corpus manifest"
        )
    return "no title line found, so the file name stands in; set the title with --title or in the corpus manifest"


def _front_and_opening(blocks: Sequence[Block]) -> tuple[list[str], list[str]]:
    """The paragraphs before the first heading: the *front* (occasion, byline, date line), up
    to and including the salutation, and the *opening* sentences after it (at most six each).
    Without a salutation both are the paragraphs before the first heading."""
    leading: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            break
        if isinstance(block, Paragraph):
            leading.append(block.text)
    salutation = next(
        (i for i, text in enumerate(leading[:6]) if SALUTATION_RE.search(simplified(text))), None
    )
    if salutation is None:
        return leading[:6], leading[:6]
    return leading[: salutation + 1], _opening_after(blocks, leading[salutation])


def _opening_after(blocks: Sequence[Block], salutation: str) -> list[str]:
    """Up to six paragraphs after the salutation, up to the second heading."""
    after: list[str] = []
    seen, headings = False, 0
    for block in blocks:
        if not seen:
            seen = isinstance(block, Paragraph) and block.text == salutation
            continue
        headings += isinstance(block, Heading)
        if headings > 1 or len(after) == 6:
            break
        if isinstance(block, Paragraph):
            after.append(block.text)
    return after


def report_name(opening: Sequence[str]) -> str:
    """What a report without a title line calls itself in its opening sentence:
    `作关于…的报告` → that name; `现将X提请…审议` → 关于X的报告 (plan and budget reports are
    titled so); `作政府工作报告`, `报告政府工作`, `代表国务院…向大会作…报告` → 政府工作报告; ""
    otherwise. The name keeps the characters it is printed in."""
    for text in opening:
        plain = simplified(text)
        named = _NAMED_REPORT_RE.search(plain)
        if named:
            return _as_printed(text, plain, named)
        submitted = _SUBMITTED_RE.search(plain)
        if submitted:
            name = _as_printed(text, plain, submitted)
            return (
                name
                if name.startswith("关于") and name.endswith("报告")
                else f"关于{name.removesuffix('的报告')}的报告"
            )
        if _GWR_OPENING_RE.search(plain):
            return _GWR
    return ""


def _as_printed(text: str, plain: str, match: re.Match[str]) -> str:
    """Group 1 of a match on the simplified copy, in the characters of the printed text."""
    start, end = match.span(1)
    return clean_text(text[start:end] if len(text) == len(plain) else match.group(1))


def addressed_meeting(opening: Sequence[str]) -> str:
    """The congress session an untitled report says it is addressed to: `向第一届全国人民代表大会
    第二次会议提出…`, `我们第一届…第一次会议…` (an earlier session it mentions is not it)."""
    for text in opening:
        match = _ADDRESSED_RE.search(text)
        if match:
            return match.group(1)
    return ""


def _presenting_body(lines: Sequence[str], occasion: Occasion) -> str:
    """The body that issues or presents the report: named over the title (`湖南省人民政府`, a
    line dropped with the wrapper), under it, or as its byline (`成都市发展和改革委员会`); ""
    for none. `lines`: the wrapper's and the front's."""
    bodies = [*lines, occasion.speaker]
    return next((simplified(tidy_spaces(b)).replace(" ", "") for b in bodies if is_presenting_body(b)), "")


def _region(
    title: str,
    meeting: str,
    occasion: Occasion,
    opening: list[str],
    blocks: Sequence[Block],
    body: str = "",
) -> Region:
    """The first of title, meeting, byline office, the presenting body and opening that names a
    region; else the first that at least tells the level; else the level the body's scope words
    (全国, 全市) tell."""
    candidates = (
        region_of_name(simplified(title)),
        region_of_name(meeting),
        region_of_office(occasion.office),
        region_of_name(body),
        region_of_opening(opening),
    )
    found = next((c for c in candidates if c.name), next((c for c in candidates if c.level), None))
    if found:
        return found
    return region_of_scope(simplified_lines([b.text for b in blocks if isinstance(b, Paragraph)]))


def detect_genre(title: str) -> str:
    """Genre from the title's wording (the genres of types.genre). A party committee's proposal for a
    plan (`中共…委关于制定…五年规划和二〇三五年远景目标的建议`) is not the plan: the outline follows it
    months later, and the two are compared within their own series, never with each other. Nor
    is the explanation presented with either (`关于《…纲要（草案）》的说明`), or a review of how the
    plan is carried out (`…纲要实施中期评估报告`): each is a series of its own. A work report
    stays one whatever plan its title names."""
    title = simplified(title)
    if is_government_work_report(title):
        return GOVERNMENT_WORK_REPORT
    if "五年规划" in title or "规划纲要" in title or _FIVE_YEAR_RE.search(title):
        return _five_year_genre(title)
    if _MID_YEAR_RE.search(title):
        return MID_YEAR_REPORT
    if "预算" in title or "决算" in title:
        return BUDGET_REPORT
    if "计划" in title:
        return ANNUAL_PLAN
    return REPORT


def _five_year_genre(title: str) -> str:
    """Which document of a five-year plan a title that names one is: a review of it, an
    explanation (of the outline's draft or of the proposal), the proposal, or the plan; or none,
    when it names a year's plan too (`…与2021年计划草案及“十四五”规划纲要草案的报告`): that is the
    plan bureau's report of the year, which reviews the last year and plans the next and sums the
    outline up on the way, while the outline's draft is tabled as a document of its own."""
    if _YEAR_PLAN_RE.search(with_arabic_years(title)):
        return MID_YEAR_REPORT if _MID_YEAR_RE.search(title) else ANNUAL_PLAN
    if _REVIEW_RE.search(title):
        return FIVE_YEAR_PLAN_REVIEW
    if _EXPLANATION_RE.search(title):
        return FIVE_YEAR_PLAN_EXPLANATION
    return FIVE_YEAR_PLAN_PROPOSAL if _PROPOSAL_RE.search(title) else FIVE_YEAR_PLAN


def detect_region(title: str) -> str:
    """The most specific administrative unit the title starts with (e.g. 福田区; 全国 for a
    national title)."""
    return region_of_name(simplified(title)).name


#: A year a title names, not a vision's (`2035年远景目标`: a plan report naming an outline's draft).
_PLANNED_YEAR_RE = re.compile(r"(\d{4})\s*年(?!远景)")


def detect_period(title: str, genre: str) -> str:
    """The year (or years) the report plans for."""
    title = with_arabic_years(simplified(title))
    if genre in PLAN_PERIOD_GENRES:
        plan = _FIVE_YEAR_RE.search(title)
        if plan:
            start = five_year_plan_start(chinese_numeral(plan.group(1) or plan.group(2)))
            return f"{start}-{start + 4}"
    found: list[str] = _PLANNED_YEAR_RE.findall(title)
    if not found:
        return ""
    return max(found)


def default_series(metadata: Metadata) -> str:
    """Reports of one region and family (annual and mid-year plan reports are one family)."""
    family = series_family(metadata.genre)
    region = region_slug(metadata.region, metadata.level) or "unknown"
    return f"{region}-{family}"


def _publication_date(front: Sequence[str], wrapper: Sequence[str], occasion: Occasion) -> str:
    """The day a speech's occasion line names (a date line beside it that says another day is
    the page's: a portal's publication day); else a date line under the title, else the
    occasion's date, else the last date in the front paragraphs, else the date on the wrapper (a
    gazette issue)."""
    if occasion.speech and _FULL_DATE_RE.fullmatch(occasion.date):
        return occasion.date
    for text in front:
        if is_date_line(text):
            return written_date(text)
    if occasion.date:
        return occasion.date
    wrapper_text = tidy_spaces(" ".join(strip_debris(w) for w in wrapper))
    for text in [*reversed(front), wrapper_text]:
        found = [written_date(m.group(0)) for m in _DATE_IN_TEXT_RE.finditer(text)]
        if found:
            return found[-1]
    return ""


#: The closing paragraphs searched for the signature's date (`广东省人民政府` / `2024年1月22日`).
_SIGNATURE_PARAGRAPHS = 3


def _signature_date(blocks: Sequence[Block]) -> str:
    """The date a report is signed with at its end, under the issuing body (as an official
    document prints it), when its front prints none; "" for none."""
    closing = [b.text for b in blocks[-_SIGNATURE_PARAGRAPHS:] if isinstance(b, Paragraph)]
    return next((written_date(text) for text in reversed(closing) if is_date_line(text)), "")


def _delivered(front: Sequence[str], occasion: Occasion) -> str:
    """When a speech was given: its occasion line's date, or the date line of its own over the
    undated occasion line or under the byline (`2024年1月16日` / `在…会议上`); "" for an
    outline's approval."""
    if not occasion.speech:
        return ""
    return occasion.date or next((written_date(text) for text in front if is_date_line(text)), "")


_FULL_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_IN_TEXT_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")


def _container(wrapper: Sequence[str]) -> str:
    """`深圳市福田区人民政府公报2022年第1期（总第121期）` from a gazette's cover lines: the year
    from its date (`2022年1月28日`) or its issue (`2024年第2期`)."""
    lines = [_line_text(w) for w in wrapper]
    name = next((line for line in lines if _CONTAINER_RE.fullmatch(simplified(line))), "")
    if not name:
        return ""
    text = simplified(" ".join(lines))
    issue = _ISSUE_RE.search(text)
    year = re.search(r"(\d{4})\s*年\s*(?:\d{1,2}\s*月|第\s*\d+\s*期)", text)
    parts = [name]
    if year:
        parts.append(f"{year.group(1)}年")
    if issue:
        parts.append(f"第{issue.group(1)}期（总第{issue.group(2)}期）")
    return "".join(parts)

"""Recognising the numbered heading markers of Chinese reports, in every style they have used
since the 1950s: 第X部分, 第X篇/章/节, a bare numeral alone on its line, 一、, 甲、/（甲）/子、,
（一）, the ordinal 第一、/第一，, 1., （1）, ①, in simplified or traditional characters, with numbers
past one hundred (一百零一、)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from corpusdiff.text.rules import clean_text, ends_sentence, keep_clause_gaps

#: Marker kinds from the outermost to the innermost; levels are assigned in this order unless a
#: document shows another nesting (`kind_order`).
RANKS: tuple[str, ...] = (
    "bufen",
    "pian",
    "zhang",
    "jie",
    "bare",
    "cn",
    "stem",
    "pstem",
    "branch",
    "paren",
    "ordinal",
    "num",
    "pnum",
    "circled",
)
#: Division markers (第一部分, 第一章, …): a heading even alone on its line, and never a table row.
DIVISION_KINDS = ("bufen", "pian", "zhang", "jie")
#: `第一、` / `第二，`: in running text it leads a paragraph far more often than it opens a section
#: (`第一，向深化改革要动力。…`), so only `heading_marker` reads it, for lines already known to be
#: headings; the normaliser decides from the line's shape (`normalize.core.ordinal_heading_lines`).
ORDINAL = "ordinal"
#: Headings without a numbering marker, always at level 2: appendix titles (`附件：…`), the
#: report's own closing heading (`结束语`), and the unnumbered part titles of older reports
#: (`今后五年建设和改革的目标、方针和任务`, `关于外交工作`), which hold the numbered sections.
APPENDIX = "appendix"
CLOSING = "closing"
PLAIN = "plain"
UNRANKED: tuple[str, ...] = (APPENDIX, CLOSING, PLAIN)
#: An unnumbered heading inside a numbered section (1957's `关于劳动就业问题` under `三、关于人民生活`):
#: one level below the kind of the sections that hold it (`document_ranks`). Markdown tells it from
#: a part title by its level: an unmarked `##` is a part title, an unmarked `###`… a sub-heading.
SUB = "sub"
#: Older reports (the 1950s) count points with the ten heavenly stems, `甲、` or `（甲）`, and the
#: twelve earthly branches, `子、`: below `一、`, above `（一）`.
CYCLIC_KINDS = ("stem", "pstem", "branch")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
#: The kinds numbered in one running sequence under an outer heading; a document may nest them
#: in another order than the usual one (`kind_order`). Parts, chapters and sections never swap.
_SEQUENCE_KINDS = frozenset({"bare", "cn", *CYCLIC_KINDS, "paren", ORDINAL, "num", "pnum", "circled"})
#: The kind of a sequence numbered like the sections around it but nested inside one of them
#: (1986: points 一、…五、 inside section 二、, before 三、 resumes): `cn` + this suffix. It ranks
#: right below its own kind (`document_ranks`); canonical Markdown writes it one level deeper,
#: and a heading deeper than the shallowest of its kind reads back as it (`nested_kinds`).
NESTED_SUFFIX = "-nested"

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DIGIT = "[一二三四五六七八九]"
#: A well-formed Chinese numeral from 1 to 999 (十四, 二十三, 一百零一, 两百一十): not a run of
#: numeral characters such as 十三五 or 二〇二二, which are names and dates, never markers.
_NUMERAL = (
    f"(?:[一二三四五六七八九两兩]百(?:[零〇]{_DIGIT}|{_DIGIT}十{_DIGIT}?)?|{_DIGIT}?十{_DIGIT}?|{_DIGIT})"
)
#: ① … ㊿, ⑴ … ⒇, ⒈ … ⒛ and ㈠ … ㈩ (Word's numbering offers them, and its "save as text" keeps
#: them): one character each, whose value Unicode knows.
_CIRCLED = "\u2460-\u2473\u3251-\u325f\u32b1-\u32bf"
_PAREN_DIGITS = "\u2474-\u2487"
_DIGIT_STOPS = "\u2488-\u249b"
_PAREN_IDEOGRAPHS = "\u3220-\u3229"

#: The stop after a numeral: 、 as the rules prescribe, or a full-width or ASCII period (`一．`,
#: `二. `, `（一）．`, `1．`), which some reports print instead. After an Arabic numeral, never a
#: stop followed by a digit or another period: `1.5万亿元`, `2.0版`, `1、2月` open sentences.
_STOP = "[、.．]"
_NUM_STOP = r"[、.．](?![\d.．])"

#: `甲、` followed by a second stem is a pair of names (`甲、乙双方`, `甲、乙两类`), no marker.
_STEM_RE = f"([{_STEMS}]){_STOP}(?![{_STEMS}])"
_BRANCH_RE = f"([{_BRANCHES}]){_STOP}(?![{_BRANCHES}])"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bufen", re.compile(f"^第({_NUMERAL})(部[分份])\\s*(.*)$")),
    ("part", re.compile(f"^第({_NUMERAL})([篇章节節])\\s*(.*)$")),
    ("bare", re.compile(f"^({_NUMERAL})(?: (\\S.*))?$")),
    ("cn", re.compile(f"^({_NUMERAL}){_STOP}\\s*(.*)$")),
    ("paren", re.compile(f"^[（(]\\s*({_NUMERAL})\\s*[）)]\\s*{_STOP}?\\s*(.*)$")),
    ("stem", re.compile(f"^{_STEM_RE}\\s*(.*)$")),
    ("pstem", re.compile(f"^[（(]([{_STEMS}])[）)]\\s*{_STOP}?\\s*(.*)$")),
    ("branch", re.compile(f"^{_BRANCH_RE}\\s*(.*)$")),
    ("num", re.compile(f"^(\\d{{1,3}})\\s*{_NUM_STOP}\\s*(.*)$")),
    ("pnum", re.compile(f"^[（(]\\s*(\\d{{1,3}})\\s*[）)]\\s*{_STOP}?\\s*(.*)$")),
    ("paren_char", re.compile(f"^([{_PAREN_IDEOGRAPHS}])\\s*(.*)$")),
    ("num_char", re.compile(f"^([{_DIGIT_STOPS}])\\s*(.*)$")),
    ("pnum_char", re.compile(f"^([{_PAREN_DIGITS}])\\s*(.*)$")),
    ("circled", re.compile(f"^([{_CIRCLED}])\\s*(.*)$")),
)
_ORDINAL_RE = re.compile(f"^第({_NUMERAL})([、，,])\\s*(.*)$")
_PART_KINDS = {"篇": "pian", "章": "zhang", "节": "jie", "節": "jie"}
#: An appendix's label, numbered or not: 附件, 附表2, 附表一 (older reports number them in words).
_APPENDIX_LABEL = f"(?:附件|附表|附录|附錄)(?:\\s*(?:\\d+|{_NUMERAL}))?"
_APPENDIX_RE = re.compile(f"^{_APPENDIX_LABEL}\\s*[：:]")
_BARE_APPENDIX_RE = re.compile(f"^{_APPENDIX_LABEL}$")
#: The title over the notes a release prints after the report (`名词解释`, `附：名词、术语注释`).
_GLOSSARY_RE = re.compile(r"^(?:附[：:]\s*)?(?:名词|术语)(?:[、和及]术语)?(?:解释|注释|说明)$")
#: The closing heading some reports give their last part (the 1980s national reports do).
_CLOSING_TITLES = frozenset({"结束语", "结语", "結束語", "結語"})
MAX_TITLE = 48


@dataclass(frozen=True)
class Marker:
    """A heading marker found at the start of a line."""

    kind: str
    ordinal: int
    label: str
    rest: str


def chinese_numeral(text: str) -> int:
    """Value of a Chinese numeral up to the hundreds (十四 -> 14, 二十三 -> 23, 一百零一 -> 101)."""
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_DIGITS[char] if current else _CN_DIGITS[char]
    return total + current


def parse_marker(text: str) -> Marker | None:
    """The heading marker at the start of `text` (already cleaned), or None.

    Labels keep the report's characters (第一部份, 第二節 stay as printed); only brackets and
    stops take one canonical form: `（一）`, `（1）`, `1.`."""
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _marker(kind, match)
    return None


def heading_marker(text: str) -> Marker | None:
    """The marker of a line known to be a heading (or decided to be one): `parse_marker`'s, or
    the ordinal `第一、` / `第二，`, whose label keeps the report's 、 or ，."""
    marker = parse_marker(text)
    if marker is not None:
        return marker
    match = _ORDINAL_RE.match(text)
    if match is None:
        return None
    numeral, stop, rest = match.groups()
    return Marker(ORDINAL, chinese_numeral(numeral), f"第{numeral}{'、' if stop == '、' else '，'}", rest)


def _marker(kind: str, match: re.Match[str]) -> Marker:
    """The marker a pattern found; `kind` is the pattern's name."""
    if kind in ("part", "bufen"):
        numeral, unit, rest = match.groups()
        return Marker(_PART_KINDS.get(unit, kind), chinese_numeral(numeral), f"第{numeral}{unit} ", rest)
    if kind == "bare":
        numeral, title = match.group(1), match.group(2) or ""
        return Marker(kind, chinese_numeral(numeral), f"{numeral} " if title else numeral, title)
    numeral, rest = match.groups()
    if kind in ("circled", "paren_char", "num_char", "pnum_char"):
        return Marker(kind.removesuffix("_char"), int(unicodedata.numeric(numeral)), numeral, rest)
    if kind in CYCLIC_KINDS:
        label = f"（{numeral}）" if kind == "pstem" else f"{numeral}、"
        return Marker(kind, (_STEMS if kind != "branch" else _BRANCHES).index(numeral) + 1, label, rest)
    if kind in ("num", "pnum"):
        label = f"{int(numeral)}." if kind == "num" else f"（{int(numeral)}）"
        return Marker(kind, int(numeral), label, rest)
    label = f"（{numeral}）" if kind == "paren" else f"{numeral}、"
    return Marker(kind, chinese_numeral(numeral), label, rest)


def nested_kind(kind: str) -> str:
    """The kind of a `kind` sequence nested inside a heading of `kind` (`NESTED_SUFFIX`)."""
    return f"{kind}{NESTED_SUFFIX}"


def base_kind(kind: str) -> str:
    """The marker kind of a heading kind: `cn` for `cn` and for a nested `cn` sequence."""
    return kind.removesuffix(NESTED_SUFFIX)


def is_numbered_kind(kind: str) -> bool:
    """A kind with a numbering marker (of `RANKS`), nested or not."""
    return base_kind(kind) in RANKS


def nested_kinds(headings: Sequence[tuple[str, int]]) -> list[str]:
    """The kinds of a canonical document's headings, given as (kind read from the text, Markdown
    level): a numbered heading deeper than the shallowest heading of its kind is of the nested
    sequence of that kind. A kind keeps one level in a document, so only nesting puts the same
    kind at two levels."""
    shallowest: dict[str, int] = {}
    for kind, level in headings:
        shallowest[kind] = min(level, shallowest.get(kind, level))
    return [
        nested_kind(kind) if kind in RANKS and level > shallowest[kind] else kind for kind, level in headings
    ]


def is_closing_title(text: str) -> bool:
    """`结束语` alone on its line: the report's own heading for its closing part."""
    return text.strip() in _CLOSING_TITLES


def heading_kind(text: str, level: int = 2) -> str:
    """The kind of a heading given its canonical text and Markdown level: its marker's, else
    closing, appendix, an unnumbered part title (level 2) or sub-heading (deeper)."""
    marker = heading_marker(text)
    if marker is not None:
        return marker.kind
    if is_closing_title(text):
        return CLOSING
    if is_appendix_title(text) or (level == 2 and is_glossary_title(text)):
        return APPENDIX
    return SUB if level > 2 else PLAIN


def kind_order(markers: Sequence[Marker]) -> tuple[str, ...]:
    """The marker kinds of one document from the outermost to the innermost.

    The usual order is `RANKS`. Some reports nest the running sequences the other way round (the
    1981 national report opens with （一）, and 一、 restarts under its （二）). Two such kinds
    swap when the document opens with the usually inner kind, the usually outer kind restarts
    at 1 right after a heading of it, and never the reverse: evidence from the numbering
    itself, so a lost heading or two cannot turn a document's levels upside down.
    """
    present = [kind for kind in RANKS if any(m.kind == kind for m in markers)]
    first = {kind: next(i for i, m in enumerate(markers) if m.kind == kind) for kind in present}
    # (kind that starts again at 1, kind of the heading just before it)
    restarts = {(m.kind, before.kind) for before, m in pairwise(markers) if m.ordinal == 1}

    def nests_outside(outer: str, inner: str) -> bool:
        """`outer` is shown by this document to hold `inner`, against the usual order."""
        return (
            {outer, inner} <= _SEQUENCE_KINDS
            and RANKS.index(outer) > RANKS.index(inner)
            and first[outer] < first[inner]
            and (inner, outer) in restarts
            and (outer, inner) not in restarts
        )

    def compare(a: str, b: str) -> int:
        if nests_outside(a, b):
            return -1
        if nests_outside(b, a):
            return 1
        return RANKS.index(a) - RANKS.index(b)

    return tuple(sorted(present, key=functools.cmp_to_key(compare)))


def document_ranks(headings: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Rank of each marker kind in one document, 1 for the outermost (`kind_order`), given its
    headings in reading order as (kind, text); a nested sequence ranks right below its own kind
    (`NESTED_SUFFIX`); appendix and closing headings rank 0, above all.
    Unnumbered sub-headings rank right below the innermost kind of the sections that hold them
    (0 when none does)."""
    headings = list(headings)
    markers = [_marker_of(kind, text) for kind, text in headings if kind in RANKS]
    order = list(kind_order(markers))
    present = {kind for kind, _ in headings}
    order = [nested for kind in order for nested in (kind, nested_kind(kind)) if nested in present]
    parents = _sub_parents(headings)
    if parents:
        order.insert(max(order.index(kind) for kind in parents) + 1, SUB)
    ranks = {kind: index + 1 for index, kind in enumerate(order)}
    ranks.update(dict.fromkeys(UNRANKED, 0))
    if any(kind == SUB for kind, _ in headings):
        ranks.setdefault(SUB, 0)
    return ranks


def _sub_parents(headings: Sequence[tuple[str, str]]) -> set[str]:
    """The marker kinds of the sections that hold a sub-heading (the numbered heading before it;
    a part title, closing or appendix heading ends every numbered section)."""
    parents: set[str] = set()
    holder: str | None = None
    for kind, _ in headings:
        if kind == SUB:
            parents.update([holder] if holder else [])
        else:
            holder = kind if is_numbered_kind(kind) else None
    return parents


def _marker_of(kind: str, text: str) -> Marker:
    """The marker of a heading of a known kind (ordinal 0 when its text has none)."""
    marker = heading_marker(text)
    return Marker(kind, marker.ordinal if marker else 0, marker.label if marker else "", text)


def heading_levels(headings: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Markdown level of each heading kind in one document: the kinds present get levels 2, 3, …
    from the outermost in, at most 6; appendix and closing headings are level 2."""
    return {kind: min(rank + 1, 6) if rank else 2 for kind, rank in document_ranks(headings).items()}


def split_title(rest: str) -> tuple[str, str]:
    """Split `标题。正文…` into the heading title and its body (body may be empty)."""
    title, sep, body = rest.partition("。")
    if not sep:
        return rest.rstrip("。").strip(), ""
    return title.strip(), body.strip()


def plausible_title(title: str, max_length: int = MAX_TITLE) -> bool:
    """Heading titles are short phrases, not sentences."""
    if not title or len(title) > max_length:
        return False
    return not any(ch in title for ch in "；;！？") and title[0] not in "%％.．、，）)"


def is_appendix_title(text: str) -> bool:
    """`附件：…` / `附表：…` / `附表一：…` lines open an appendix."""
    return _APPENDIX_RE.match(text) is not None


def is_glossary_title(text: str) -> bool:
    """`名词解释` alone on a line: the notes after the report, an appendix of its own."""
    return _GLOSSARY_RE.match(text.strip()) is not None


def is_bare_appendix_label(text: str) -> bool:
    """`附件`, `附件2`, `附表一` alone on a line: the label over an appendix's title line."""
    return _BARE_APPENDIX_RE.match(text.strip()) is not None


#: Marker kinds whose consecutive siblings are decided together, as headings or as list items.
_RUN_KINDS = frozenset({"cn", *CYCLIC_KINDS, "paren", "num", "pnum", "circled"})
#: A heading phrase never ends with one of these; a clause of a sentence does.
_CLAUSE_ENDS = ("；", ";", "，", ",", "、", "：", ":")
_INTRO_ENDS = ("：", ":")


@dataclass(frozen=True)
class _RunItem:
    """One numbered line of a run: where it is, its marker, and whether the next sibling
    follows it directly (no paragraph of its own between them)."""

    index: int
    marker: Marker
    followed_directly: bool = True


@dataclass(frozen=True)
class _Run:
    """Consecutive sibling numbered lines of one kind (一、二、三…), and the text line before
    the first of them."""

    intro: str
    items: tuple[_RunItem, ...]


@dataclass(frozen=True)
class RunDecisions:
    """The numbered lines decided with their siblings (`decide_runs`)."""

    list_items: frozenset[int]  # lines of runs that read as lists: never headings
    headings: frozenset[int]  # lines of runs that read as headings: a long first sentence is allowed


def decide_runs(lines: Sequence[str], line_paragraphs: bool = False) -> RunDecisions:
    """Decide every run of two or more siblings (`numbered_runs`) as a whole: a list
    (`reads_as_list`), or else headings, since most of its lines then open with a heading phrase.
    `line_paragraphs`: every line is a whole paragraph (a document read from a page, a Word file
    or a PDF), so a line of text after a numbered line is a paragraph of its own under it.

    `lines` are a report's lines cleaned (`clean_text`), "" where there is no text. A run is
    decided as a whole because the lines of one enumeration differ in shape: in the 1988 report
    `一、…；` to `四、…；` are clauses, but the last item `五、…制度。对…惩处。` alone looks like
    a heading with its first paragraph; and 1986's `（一）`, whose first sentence is 69
    characters long, is a heading like its siblings `（二）` and `（三）`."""
    runs = [run for run in numbered_runs(lines, line_paragraphs) if len(run.items) >= 2]
    listed = [reads_as_list(run) for run in runs]
    return RunDecisions(
        list_items=frozenset(item.index for run, is_list in zip(runs, listed, strict=True) if is_list for item in run.items),
        headings=frozenset(item.index for run, is_list in zip(runs, listed, strict=True) if not is_list for item in run.items),
    )


def list_item_lines(lines: Sequence[str]) -> frozenset[int]:
    """Indices of the numbered lines that are list items, never headings: the lines of every run
    of siblings that reads as a list (`decide_runs`)."""
    return decide_runs(lines).list_items


def numbered_runs(lines: Sequence[str], line_paragraphs: bool = False) -> list[_Run]:
    """Runs of consecutive sibling numbered lines: the same kind, each number the next of the one
    before, and no numbered line of another kind between them (it would be a heading between).
    An item is separated from the next by a paragraph between them: text after a blank line or
    after a finished sentence, or any line of text where lines are whole paragraphs
    (`line_paragraphs`: a heading set on a line of its own, its paragraph on the next, as a PDF or
    a Word file sets `（一）战略平台能级跃升` under `…六个方面的工作：`)."""
    runs: list[_Run] = []
    items: list[_RunItem] = []
    intro = previous = since_item = ""
    separated = blank = False
    for index, line in enumerate(lines):
        if not line:
            blank = True
            continue
        marker = parse_marker(line)
        if marker is None:
            # a paragraph between two items: text after a blank line, or after a finished sentence
            separated = separated or (bool(items) and (blank or line_paragraphs or ends_sentence(since_item)))
            since_item += line
        elif items and marker.kind == items[-1].marker.kind and marker.ordinal == items[-1].marker.ordinal + 1:
            items[-1] = replace(items[-1], followed_directly=not separated)
            items.append(_RunItem(index, marker))
            since_item, separated = line, False
        else:
            if items:
                runs.append(_Run(intro, tuple(items)))
            items = [_RunItem(index, marker)] if marker.kind in _RUN_KINDS else []
            intro, since_item, separated = previous, line, False
        previous, blank = line, False
    if items:
        runs.append(_Run(intro, tuple(items)))
    return runs


def reads_as_list(run: _Run) -> bool:
    """Whether a run of two or more siblings is an enumeration rather than a series of headings:
    at least half its items read as sentences (too long for a heading, punctuated like a sentence,
    or ending on a clause mark such as ；), or the text before it introduces it with ： and its
    items are one-liners (mostly a single sentence, no paragraph between them). Headings after a
    colon (`主要抓好六个方面的工作：` then `（一）战略平台能级跃升。…`) keep a body of their own."""
    items = run.items
    if len(items) < 2:
        return False
    sentences = sum(1 for item in items if not _heading_phrase(item.marker.rest))
    if 2 * sentences >= len(items):
        return True
    if not run.intro.endswith(_INTRO_ENDS):
        return False
    one_sentence = sum(1 for item in items if not split_title(item.marker.rest)[1])
    return 2 * one_sentence > len(items) and all(item.followed_directly for item in items[:-1])


def _heading_phrase(rest: str) -> bool:
    """The text after a marker starts with a phrase that could be a heading."""
    title = split_title(rest)[0]
    return plausible_title(title) and not title.endswith(_CLAUSE_ENDS)


_BARE_RE = re.compile(f"^{_NUMERAL}$")
_BARE_TITLED_RE = re.compile(f"^({_NUMERAL})[ \u3000]+(\\S.*)$")
_BOX_RE = re.compile(r"^((?:专栏|專欄)\s*\d+)\s*(.*)$")


def canonical_heading(text: str) -> str:
    """Heading text with its marker in canonical form and the rest cleaned, the gaps between
    its clauses kept (`keep_clause_gaps`)."""
    return keep_clause_gaps(_canonical_marked(text), text)


def _canonical_marked(text: str) -> str:
    titled = _BARE_TITLED_RE.match(text.strip())
    if titled:  # `一 国家在过渡时期的总任务`: the space is all that sets the numeral apart
        return heading_text(titled.group(1), titled.group(2))
    cleaned = clean_text(text)
    marker = heading_marker(cleaned)
    if marker is None:
        return cleaned
    return heading_text(marker.label, marker.rest)


def heading_text(label: str, title: str) -> str:
    """A heading from its marker label and title: `第一部分 总体要求`, `（一）…`, and a bare
    numeral with one space before its title (`一 国家在过渡时期的总任务`) or alone (`一`)."""
    title = clean_text(title)
    if not title:
        return label.strip()
    if _BARE_RE.match(label.strip()):
        return f"{label.strip()} {title}"
    return f"{label}{title}"


def is_box_title(text: str) -> bool:
    """`专栏N …` opens a box (`專欄N …` in a reprint in traditional characters)."""
    return _BOX_RE.match(text) is not None


def canonical_box_title(text: str) -> str:
    """`专栏1  “后疫情时代”新变化` -> `专栏1 “后疫情时代”新变化` (one space after the label)."""
    match = _BOX_RE.match(clean_text(text))
    if not match:
        return clean_text(text)
    label, rest = match.groups()
    label = label.replace(" ", "")
    return f"{label} {rest}" if rest else label

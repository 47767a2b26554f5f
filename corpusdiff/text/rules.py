"""Character-level rules of the canonical dialect: debris, spacing and punctuation.

Every function here is pure and idempotent (applying it twice equals applying it once),
which is what makes the whole normaliser idempotent.
"""

from __future__ import annotations

import re

from corpusdiff.text.chars import DIRECTION_CONTROLS, HAN, HAN_RE, WIDE, has_han
from corpusdiff.text.numerals import WIDE_POINT
from corpusdiff.text.sentences import SENTENCE_STOPS

_BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")
_INVISIBLE_RE = re.compile(f"[\u200b-\u200d\u2060\ufeff\u00ad{DIRECTION_CONTROLS}]")
#: C0 and C1 controls (tab aside) and the noncharacters U+FFFE/U+FFFF: none is text of a report
#: (C1 characters are what a wrong decoding leaves: `\x93`/`\x94` for “ ”), and a terminal obeys the
#: controls (CSI U+009B opens the sequences ESC [ does).
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
#: White space as a regex character-class body: what `tidy_spaces` collapses.
_SPACE_CHARS = " \u00a0\u3000\u2002-\u200a\u202f\u205f"
_SPACES_RE = re.compile(f"[{_SPACE_CHARS}]+")
_SPACE_BEFORE_WIDE_RE = re.compile(f"(?<=[{WIDE}A-Za-z0-9%]) (?=[{WIDE}])")
_SPACE_AFTER_WIDE_RE = re.compile(f"(?<=[{WIDE}]) (?=[A-Za-z0-9])")
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[—–\-－]\s*\d{1,4}\s*[—–\-－]|[·•]\s*\d{1,4}\s*[·•]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)\s*$"
)
_FULLWIDTH_ALNUM = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH_ALNUM.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_FULLWIDTH_ALNUM.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_FULLWIDTH_ALNUM["％"] = "%"
_FULLWIDTH_TABLE = str.maketrans(_FULLWIDTH_ALNUM)

#: Marks after which a line break ends the paragraph: the sentence stops, the colon (a list
#: follows) and the half-width forms raw text may still have.
LINE_END = f"{SENTENCE_STOPS}：!?;:"
_CLOSERS = "”’）」』》】"


def strip_debris(line: str) -> str:
    """Remove extraction artefacts that are never part of the report's text."""
    line = _BOOKMARK_RE.sub("", line)
    line = line.replace("**", "")
    line = _INVISIBLE_RE.sub("", line)
    return _CONTROL_RE.sub("", line.replace("\t", " ").replace("\f", " "))


#: A letter-spaced line (OCR, a spaced-out title): this many one-character pieces at least, and
#: this share of all its pieces, with this many Han characters among them (`1 2 3 4`, a row of
#: figures, is no such line).
_LETTER_SPACED_MIN = 4
_LETTER_SPACED_HAN_MIN = 3
_LETTER_SPACED_SHARE = 0.8
_SINGLE_SPACE_RE = re.compile(r"(?<=\S) (?=\S)")


def join_letter_spaced(line: str) -> str:
    """`增 长 6 . 6 % ，2 0 1 8 年` -> `增长6.6%，2018年`: OCR sets a space between every two
    characters, and the spacing rule, which drops a space only next to Chinese text, would keep
    those inside figures and Latin words, so that `2 0 1 8年` is no year. In a line where nearly
    every piece is one character, the single spaces go; a wider gap (between words, columns or a
    heading's clauses) and the line's indent stay."""
    pieces = line.split()
    singles = [piece for piece in pieces if len(piece) == 1]
    if len(singles) < _LETTER_SPACED_MIN or len(singles) < _LETTER_SPACED_SHARE * len(pieces):
        return line
    if sum(1 for piece in singles if HAN_RE.match(piece)) < _LETTER_SPACED_HAN_MIN:
        return line
    body = line.lstrip()
    return line[: len(line) - len(body)] + _SINGLE_SPACE_RE.sub("", body)


def is_page_number(line: str) -> bool:
    """Page footers such as `— 12 —`, `·12·` or `第3页`."""
    return _PAGE_NUMBER_RE.match(line) is not None


def tidy_spaces(text: str) -> str:
    """Collapse white space; drop spaces inside Chinese text but keep them between Latin words."""
    text = _SPACES_RE.sub(" ", text).strip()
    text = _SPACE_BEFORE_WIDE_RE.sub("", text)
    return _SPACE_AFTER_WIDE_RE.sub("", text)


def unify_punctuation(text: str, quotes: bool = True) -> str:
    """Full-width punctuation in Chinese context, applied until nothing changes (a converted
    mark can put its neighbour in Chinese context: `福田((` -> `福田（（`)."""
    for _ in range(8):
        changed = _unify_once(text, quotes)
        if changed == text:
            break
        text = changed
    return text


def _unify_once(text: str, quotes: bool) -> str:
    """Full-width punctuation in Chinese context; half-width kept inside numbers and formulas.

    `quotes=False` leaves straight double quotes alone: they can only be paired once the
    whole paragraph is known.
    """
    # a full-width point between digits is the number's decimal point (`４．８％` → `4.8%`, as its
    # digits become ASCII); `１．` opening a list item keeps its mark
    text = WIDE_POINT.sub(".", text.translate(_FULLWIDTH_TABLE))
    if not has_han(text):
        return text
    if "," in text:
        text = _COMMA_RE.sub("，", text)
    if ":" in text:
        text = _COLON_RE.sub("：", text)
    text = text.replace(";", "；")
    if "?" in text:
        text = _QUESTION_RE.sub("？", text)
    if "!" in text:
        text = _EXCLAMATION_RE.sub("！", text)
    if quotes:
        text = _curly_quotes(text)
    return _wide_parentheses(text)


#: Half-width marks made full-width in Chinese context (`_unify_once`, `_wide_parentheses`),
#: compiled once: the normaliser applies them to every line, often twice.
_COMMA_RE = re.compile(r"(?<!\d),|,(?!\d)")
_COLON_RE = re.compile(r"(?<!\d):|:(?!\d)")
_QUESTION_RE = re.compile(f"(?<=[{WIDE}])\\?")
_EXCLAMATION_RE = re.compile(f"(?<=[{WIDE}])!")
_OPENING_RE = re.compile(f"(?<=[{WIDE}])\\(|\\((?=[{WIDE}])")
_CLOSING_RE = re.compile(f"(?<=[{WIDE}])\\)|\\)(?=[{WIDE}])")


#: Digits of a number written digit by digit, as years are (一九五六年, 二〇二一年).
_DIGIT_CHARS = "〇○零一二三四五六七八九"
_YEAR_DIGITS = 4
#: Words that begin with 一一 ("one by one", "one to one"): text opening with one is no dash.
_YIYI_WORDS = (
    "一一对应",
    "一一對應",
    "一一映射",
    "一一列举",
    "一一列舉",
    "一一道来",
    "一一道來",
    "一一核对",
    "一一核實",
    "一一核实",
    "一一落实",
    "一一落實",
    "一一对照",
    "一一检查",
    "一一登记",
    "一一说明",
    "一一介绍",
    "一一解答",
    "一一答复",
    "一一回复",
)


def opens_with_misread_dash(line: str) -> bool:
    """Whether a line opens with `一一` that extraction made of the dash `——`.

    An item line such as `一一地区生产总值…` begins with a dash; but the 一 may begin a word or
    a number written digit by digit, and then they are the report's own characters:
    `一一对应`, `一一列举` (`_YIYI_WORDS`), a year `一一〇〇年`, a numeral and a year run
    together `一一九五六年`. So the repair needs the line to go on with something other than
    such a digit, unless exactly a dash and a four-digit year follow (`一一二〇二一年`) or a dash
    and a word opening with 一 that no number goes on with (`一一一般公共预算收入…`, `一一一体化…`:
    a number of three digits would go on with a numeral, a unit or a counter); when in doubt,
    the characters stay.
    """
    if not line.startswith("一一") or len(line) < 3 or line[2].isspace():
        return False
    if line.startswith(_YIYI_WORDS):
        return False
    digits = len(line) - len(line.lstrip(_DIGIT_CHARS))
    if digits <= 2:
        return True
    if digits == 3:
        return _opens_a_word_after_yi(line[3:4])
    return digits == 2 + _YEAR_DIGITS and line[digits : digits + 1] == "年"


#: What may follow a number written 一一一 (111): a numeral or unit, a counter, a date's part.
_AFTER_A_NUMBER = frozenset("十百千万亿年月日号个次位项条件名人家座所届期章节")


def _opens_a_word_after_yi(after: str) -> bool:
    """Whether `after`, the character after `一一一`, makes its last 一 a word's first (一般,
    一体化, 一流, 一批) rather than a number's last digit."""
    return bool(after) and has_han(after) and after not in _AFTER_A_NUMBER


def repair_misread_dash(line: str) -> str:
    """`一一地区生产总值…` -> `——地区生产总值…`: only at the start of a raw line that opens a
    paragraph or item, never where a join of two lines (a bare numeral `一` and the line after
    it) happens to put 一一 first, and never inside text."""
    return "——" + line[2:] if opens_with_misread_dash(line) else line


def _curly_quotes(text: str) -> str:
    """Straight double quotes alternate opening/closing within one paragraph."""
    if '"' not in text:
        return text
    parts = text.split('"')
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        out.append("“" if index % 2 == 0 else "”")
        out.append(part)
    return "".join(out)


_PAIR_RE = re.compile(r"\(([^()（）]*)\)")


def _wide_parentheses(text: str) -> str:
    if "(" not in text and ")" not in text:
        return text

    def widen(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if has_han(match.group(1)) or has_han(before) or has_han(after) or not match.group(1):
            return f"（{match.group(1)}）"
        return match.group(0)

    text = _PAIR_RE.sub(widen, text)
    text = _OPENING_RE.sub("（", text)
    return _CLOSING_RE.sub("）", text)


def clean_text(text: str, quotes: bool = True) -> str:
    """All inline rules in their fixed order: debris, spaces, punctuation, spaces again."""
    return tidy_spaces(unify_punctuation(tidy_spaces(strip_debris(text)), quotes))


#: What separates two clauses of a heading in canonical text: the ideographic space reports
#: print there (`坚持创新驱动发展　打造…`), never the ASCII space that follows a marker.
CLAUSE_GAP = "\u3000"
#: White space between two clauses of a heading: a Han character on each side, each clause two
#: characters or more (a letter-spaced `总　则` or `政 府 工 作` has one-character pieces).
_CLAUSE_GAP_RE = re.compile(f"(?<=\\S[{HAN}])[{_SPACE_CHARS}]+(?=[{HAN}]\\S)")


def keep_clause_gaps(heading: str, raw: str) -> str:
    """`heading` (cleaned, so without spaces between Han characters) with the separator put back
    where `raw`, the line it was read from, sets two clauses apart with white space: the spacing
    rule would run `坚持创新驱动发展　打造…` together, and the gap is all that marks the clauses.
    Gaps are found by how many Han characters precede them, which cleaning never changes; a gap
    whose place in `heading` is not between two Han characters is left out, and a `heading` whose
    Han characters are not those `raw` opens with is returned as it is."""
    raw = strip_debris(raw)
    raw_han = HAN_RE.findall(raw)
    places = [m.start() for m in HAN_RE.finditer(heading)]
    if not places or raw_han[: len(places)] != [heading[p] for p in places]:
        return heading
    gaps = {len(HAN_RE.findall(raw[: m.start()])) for m in _CLAUSE_GAP_RE.finditer(raw)}
    out = list(heading)
    for count in sorted(gaps, reverse=True):
        if 0 < count < len(places) and places[count] == places[count - 1] + 1:
            out.insert(places[count], CLAUSE_GAP)
    return "".join(out)


def ends_sentence(text: str) -> bool:
    """Whether a fragment ends a sentence, so the next text line starts a new paragraph."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in LINE_END


def join_fragments(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space in Chinese text, one space between Latin words.

    A digit on either side joins without one: Chinese typesetting wraps a figure or a code
    anywhere (`1` / `8.2%`, `C` / `919`), and a space would split `18.2%` into two numbers."""
    if not left:
        return right
    if not right:
        return left
    if _is_latin_letter(left[-1]) and _is_latin_letter(right[0]):
        return f"{left} {right}"
    return left + right


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()

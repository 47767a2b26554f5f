"""A labelled pair's report as other sources deliver it (issue 16): a Word file, a PDF, a modern
portal page, a Xinhua release, traditional characters, full-width digits and Latin, each built
by a small script from the printed text (never by hand), so that the differ's answer on the
variant can be held to its answer on the printed pair (`tests/compare/test_format_variants.py`).

`python -m tests.format_variants [PAIR …] [--variant V …] [--side old|new|both]` scores every
variant of the tuned pairs it is given (the three below by default; never a held-out pair)
against the printed pair in the same run: pairs found (and as a ratio to the printed pair's),
wrong pairs, units called dropped and new.

The printed text is read as its files are laid out: a run of non-blank lines is one paragraph
(lines broken inside it joined with nothing, as the wikisource texts break at a link or a
subscript), a run of `- ` lines a list; a paragraph opening with `一、` or `（一）` and short
enough to be one is a heading; the lines before the first heading or `各位代表` are the title page;
a paragraph that does not end as one does (`。；：！？”）`) was cut at a page break and goes on in the
next, as the labels read it.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from corpusdiff.text.script import simplified_texts
from tests.eval_initiatives import LABELS, PairScore, raw_path, run_differ, score
from tests.read.docx_fixture import seed_docx
from tests.read.typeset import Block, Page, _fill, _set_block, _Sheet, typeset
from tests.traditional import traditional

TUNED = ("national-2018__national-2019", "national-2021__national-2022", "futian-2023-10__futian-2025-01")

_PART = re.compile(r"^[一二三四五六七八九十]+、")
_SECTION = re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[)）]")
_HEADING_CHARS = 40
#: a lead: the paragraph's first sentence, when it is short and more follows
_LEAD = re.compile(r"^([^。：；]{2,30}[。：])(?=.)")
_TARGETS = re.compile(r"^(.*?主要预期目标是：)(.+)$")


@dataclass(frozen=True)
class Piece:
    """One paragraph of the printed text: `level` 1 a part heading, 2 a section heading, 0 text;
    `items` the lines of a list (then `text` is empty)."""

    text: str
    level: int = 0
    items: tuple[str, ...] = ()
    front: bool = False


def pieces(text: str) -> list[Piece]:
    """The printed text's paragraphs, headings and lists, in order."""
    chunks, lines = [], []
    for line in [*text.split("\n"), ""]:
        if line.strip():
            lines.append(line.strip())
        elif lines:
            chunks.append(lines)
            lines = []
    out: list[Piece] = []
    started = False
    for chunk in chunks:
        if all(line.startswith("- ") for line in chunk):
            out.append(Piece("", items=tuple(line[2:] for line in chunk)))
            continue
        joined = "".join(chunk)
        level = _level(joined)
        started = started or bool(level) or joined.startswith("各位代表")
        before = out[-1] if out else None
        if before and started and not (level or before.level or before.items) and not _ENDED.search(before.text):
            out[-1] = Piece(before.text + joined)  # a paragraph the printed text cut at a page break
        else:
            out.append(Piece(joined, level, front=not started))
    return out


#: How a paragraph ends; one that ends otherwise was cut at a page break and goes on below.
_ENDED = re.compile(r"[。；：！？”）)]$")


def _level(text: str) -> int:
    if len(text) > _HEADING_CHARS:
        return 0
    return 1 if _PART.match(text) else 2 if _SECTION.match(text) else 0


def _lead(text: str) -> tuple[str, str]:
    """(the bold lead, the rest); the lead empty when the paragraph has none."""
    match = _LEAD.match(text)
    return (match.group(1), text[match.end() :]) if match else ("", text)


def _targets(text: str) -> tuple[str, list[str]] | None:
    """A national report's targets paragraph as (its opening, its clauses), the sentences after
    the last clause kept with it."""
    match = _TARGETS.match(text)
    if not match:
        return None
    body = match.group(2)
    last = body.find("。")
    clauses = body[: last + 1].split("；")
    clauses[-1] += body[last + 1 :]
    return match.group(1), [c for c in clauses if c]


# --- Word -----------------------------------------------------------------------------------------


def _word(text: str, *, styles: bool) -> bytes:
    """The report as a Word file: the title page centred; headings in Heading 1/2 (`styles`) or
    as bold paragraphs, the parts centred; each lead a bold run opening its paragraph; the
    targets and every list as List Bullet paragraphs; body paragraphs indented two characters."""
    document = docx.Document()
    for piece in pieces(text):
        if piece.front:
            paragraph = document.add_paragraph(piece.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif piece.items:
            for item in piece.items:
                document.add_paragraph(item, style="List Bullet")
        elif piece.level and styles:
            document.add_heading(piece.text, level=piece.level)
        elif piece.level:
            paragraph = document.add_paragraph()
            paragraph.add_run(piece.text).bold = True
            if piece.level == 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif (targets := _targets(piece.text)) is not None:
            document.add_paragraph(targets[0]).paragraph_format.first_line_indent = Pt(24)
            for clause in targets[1]:
                document.add_paragraph(clause, style="List Bullet")
        else:
            lead, rest = _lead(piece.text)
            paragraph = document.add_paragraph()
            if lead:
                paragraph.add_run(lead).bold = True
            paragraph.add_run(rest)
            paragraph.paragraph_format.first_line_indent = Pt(24)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word_styles(text: str) -> bytes:
    return _word(text, styles=True)


def word_bold(text: str) -> bytes:
    return _word(text, styles=False)


def word_line_breaks(text: str) -> bytes:
    """The report as pasted into Word from a web page: each part one Word paragraph, its
    headings and paragraphs apart by line breaks (Shift+Enter), the first line of each indented
    by two ideographic spaces."""
    document = docx.Document()
    paragraph = None
    for piece in pieces(text):
        if piece.level == 1 or paragraph is None:
            paragraph = document.add_paragraph()
        else:
            paragraph.add_run().add_break()
        lines = piece.items or (piece.text,)
        for n, line in enumerate(lines):
            if n:
                paragraph.add_run().add_break()
            paragraph.add_run(("" if piece.level else "\u3000\u3000") + line).bold = bool(piece.level)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def traditional_word(text: str) -> bytes:
    """The Word file with heading styles of the report in traditional characters."""
    return word_styles(traditional(text))


def word_numbered(text: str) -> bytes:
    """The report as a Word file whose 一、 and （一） markers Word's automatic numbering makes
    (a numbering part; no number in the heading's text), one paragraph a line."""
    lines = [piece.text or "\n".join(f"- {item}" for item in piece.items) for piece in pieces(text)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        return seed_docx(path, numbering=True)


# --- PDF ------------------------------------------------------------------------------------------


_GAZETTE = Page(running_head="中华人民共和国国务院公报", page_number="— {} —")


def gazette_pdf(text: str) -> bytes:
    return typeset(_gazette_blocks(text), _GAZETTE)


def _gazette_blocks(text: str) -> list[Block]:
    """The report as the State Council gazette sets it: lines filled to the measure, paragraphs
    indented two characters, parts bold and centred, sections bold, list items indented, the
    gazette's name over every page and `— n —` under it (a heading falls at a page's foot where
    the text puts it there)."""
    blocks: list[Block] = []
    for piece in pieces(text):
        if piece.front:
            blocks.append(Block(piece.text, centred=True, size=16 if not blocks else 0, bold=not blocks))
        elif piece.items:
            blocks += [Block(item, indent=2) for item in piece.items]
        elif piece.level == 1:
            blocks.append(Block(piece.text, bold=True, centred=True, space_before=8))
        else:
            blocks.append(Block(piece.text, indent=2, bold=piece.level == 2))
    return blocks


def gazette_pdf_headings_at_page_feet(text: str) -> bytes:
    """The gazette's PDF with every section heading pushed down to the last line of a page
    (space before it), so that its text begins on the next page under the running head."""
    blocks = _gazette_blocks(text)
    sheet = _Sheet(_GAZETTE, None)
    sheet.new_page()
    for n, block in enumerate(blocks):
        if block.bold and not block.centred and sheet.y >= _GAZETTE.bottom:
            size = _GAZETTE.size
            lines = len(_fill(block.text, size, _GAZETTE.measure, block.indent * size))
            lines_left = (sheet.y - _GAZETTE.bottom) // _GAZETTE.leading - (lines - 1)
            blocks[n] = block = replace(block, space_before=lines_left * _GAZETTE.leading)
        _set_block(sheet, block)
    return typeset(blocks, _GAZETTE)


# --- the portal -----------------------------------------------------------------------------------


def _portal_paragraphs(text: str, *, table: bool) -> list[str]:
    out = []
    for piece in pieces(text):
        if piece.front:
            out.append(f'<p style="text-align: center;">{escape(piece.text)}</p>')
        elif piece.items:
            out += [f'<p style="text-indent: 2em;">{escape(item)}</p>' for item in piece.items]
        elif piece.level == 1:
            out.append(f'<p style="text-align: center;"><strong>{escape(piece.text)}</strong></p>')
        elif piece.level == 2:
            out.append(f'<p style="text-indent: 2em;"><strong>{escape(piece.text)}</strong></p>')
        elif table and (targets := _targets(piece.text)) is not None:
            out.append(f'<p style="text-indent: 2em;">{escape(targets[0])}</p>')
            rows = "".join(f"<tr><td>{n}</td><td>{escape(c)}</td></tr>" for n, c in enumerate(targets[1], 1))
            out.append(f'<table border="1"><tr><th>序号</th><th>预期目标</th></tr>{rows}</table>')
        else:
            lead, rest = _lead(piece.text)
            strong = f"<strong>{escape(lead)}</strong>" if lead else ""
            out.append(f'<p style="text-indent: 2em;">{strong}{escape(rest)}</p>')
    return out


def _portal(text: str, *, table: bool) -> bytes:
    """The report as www.gov.cn shows it since 2019: the whole page (top bar, navigation,
    breadcrumb, the title over the date and 来源：新华社, the share bar, 责任编辑, related links,
    footer), the text as indented paragraphs with `<strong>` leads, part headings centred and
    bold; `table`: the targets as a table."""
    article = "\n".join(_portal_paragraphs(text, table=table))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政府工作报告_滚动新闻_中国政府网</title>
<script>var _hmt = _hmt || [];</script></head>
<body>
<div class="header"><a href="/">中国政府网</a> <a href="/english">English</a> <a href="/wza">无障碍</a></div>
<div class="nav"><a href="/">首页</a> | <a href="/premier">总理</a> | <a href="/xinwen">新闻</a> |
<a href="/zhengce">政策</a> | <a href="/hudong">互动</a> | <a href="/fuwu">服务</a> | <a href="/shuju">数据</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xinwen">新闻</a> &gt; 滚动新闻</div>
<div class="article">
<h1>政府工作报告</h1>
<div class="pages-date">2019-03-16 21:55 来源：新华社 <span class="font">字号：<a>默认</a> <a>大</a> <a>超大</a></span>
<span class="print">打印</span> <span class="share">分享到：微信 微博</span></div>
<div class="pages_content" id="UCAP-CONTENT">
{article}
</div>
<div class="editor">【我要纠错】 责任编辑：王洪江</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
</div>
<div class="related"><h3>相关稿件</h3><ul><li><a href="/a/1">政府工作报告全文</a></li>
<li><a href="/a/2">一图读懂政府工作报告</a></li></ul></div>
<div class="footer"><p>主办单位：国务院办公厅 运行维护单位：中国政府网运行中心</p>
<p>版权所有：中国政府网 京ICP备05070218号</p></div>
<script src="/js/stats.js"></script>
</body></html>
""".encode()


def portal_page(text: str) -> bytes:
    return _portal(text, table=False)


def portal_page_with_table(text: str) -> bytes:
    return _portal(text, table=True)


def portal_page_in_lines(text: str) -> bytes:
    """An older portal's page: the whole text in one `<div>`, each paragraph a line opened by
    two ideographic spaces and ended by `<br>`, the headings bold, no `<p>` at all."""
    lines = []
    for piece in pieces(text):
        for line in piece.items or (piece.text,):
            shown = f"<b>{escape(line)}</b>" if piece.level else escape(line)
            lines.append(f"\u3000\u3000{shown}<br/>")
    article = "\n".join(lines)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>政府工作报告</title></head><body>
<table width="980"><tr><td><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/bsfw">办事服务</a></td></tr></table>
<table width="980"><tr><td class="title">政府工作报告</td></tr>
<tr><td class="info">发布日期：2019-03-16 来源：新华社 【字体：大 中 小】</td></tr>
<tr><td class="content"><div id="zoom">
{article}
</div></td></tr></table>
<table width="980"><tr><td>【打印本页】 【关闭窗口】</td></tr></table>
<div class="footer">版权所有：人民政府办公厅 技术支持：信息中心</div>
</body></html>
""".encode()


# --- text as other sources print it ---------------------------------------------------------------


def traditional_text(text: str) -> bytes:
    """The whole text through OpenCC's s2t, as a Hong Kong reprint prints it."""
    return traditional(text).encode()


_FULL_WIDTH = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%.+-"})


def full_width_text(text: str) -> bytes:
    """Digits, Latin letters and the signs of figures set full-width (１９８７, ＧＤＰ, ６．５％),
    as text copied from a typeset edition often is; `- ` list marks kept."""
    lines = []
    for line in text.split("\n"):
        mark = re.match(r"\s*(?:- )?", line)
        assert mark is not None
        lines.append(mark.group() + line[mark.end() :].translate(_FULL_WIDTH))
    return "\n".join(lines).encode()


_PAGE_LINES = 32


def text_pulled_from_pdf(text: str) -> bytes:
    """What copying a gazette's PDF into a text file gives: lines broken where the gazette
    breaks them (a Latin word or a number kept whole, `_fill`), paragraphs opening with two ideographic spaces, the running head over every page and
    `— n —` under it, `——` read as `一一`, in GB18030 with CRLF line ends."""
    out, count = ["中华人民共和国国务院公报", ""], 0
    for piece in pieces(text):
        for line in piece.items or (piece.text,):
            line = "一一" + line[2:] if line.startswith("——") else line
            indent = 0 if piece.level else 2
            for number, pieces_of_line in enumerate(_fill(line, _GAZETTE.size, _GAZETTE.measure, indent * _GAZETTE.size)):
                out.append(("\u3000" * indent if number == 0 else "") + "".join(text for text, _ in pieces_of_line).rstrip())
                count += 1
                if count % _PAGE_LINES == 0:
                    out += ["", f"— {count // _PAGE_LINES} —", "", "中华人民共和国国务院公报", ""]
    out += ["", f"— {count // _PAGE_LINES + 1} —"]
    return "\r\n".join(out).encode("gb18030")


def xinhua_release(text: str) -> bytes:
    """The report as a Xinhua wire release: the dateline paragraph, the title, the subtitle
    (——at which session, when) and the byline over the text, a 名词解释 note after it."""
    head = [
        "新华社北京3月16日电",
        "政府工作报告",
        "——在第十三届全国人民代表大会第二次会议上",
        "国务院总理　李克强",
    ]
    notes = ["名词解释", "【专项债券】地方政府为有一定收益的公益性项目发行的、以公益性项目对应的政府性基金或专项收入作为还本付息资金来源的政府债券。"]
    return "\n\n".join([*head, text.strip(), *notes]).encode() + b"\n"


def targets_one_a_line(text: str) -> bytes:
    """The targets set out one a paragraph, each opened by a dash (`——国内生产总值增长6%以上；`),
    as provincial reports and some portal copies print them."""
    out = []
    for piece in pieces(text):
        targets = _targets(piece.text) if not piece.level and not piece.items else None
        if targets is None:
            out.append("\n".join(f"- {item}" for item in piece.items) if piece.items else piece.text)
        else:
            last = len(targets[1]) - 1
            out += [targets[0], *(f"——{c}{'' if n == last else '；'}" for n, c in enumerate(targets[1]))]
    return "\n\n".join(out).encode() + b"\n"


#: variant -> (file suffix, what makes the file of a printed text)
VARIANTS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "word, heading styles": (".docx", word_styles),
    "word, bold headings": (".docx", word_bold),
    "word, automatic numbering": (".docx", word_numbered),
    "word, line breaks in a paragraph a part": (".docx", word_line_breaks),
    "word, traditional characters": (".docx", traditional_word),
    "gazette pdf": (".pdf", gazette_pdf),
    "text pulled from the pdf": (".txt", text_pulled_from_pdf),
    "gazette pdf, headings at page feet": (".pdf", gazette_pdf_headings_at_page_feet),
    "portal page": (".html", portal_page),
    "portal page, targets in a table": (".html", portal_page_with_table),
    "older portal page, lines and <br>": (".html", portal_page_in_lines),
    "targets one a line": (".txt", targets_one_a_line),
    "traditional characters": (".txt", traditional_text),
    "full-width digits and latin": (".txt", full_width_text),
    "xinhua release": (".txt", xinhua_release),
}


def variant_file(pair: str, side: str, variant: str, folder: Path) -> Path:
    """The `side` edition of a labelled pair made into `variant` in `folder`."""
    labels = json.loads((LABELS / f"{pair}.json").read_text(encoding="utf-8"))
    printed = raw_path(labels["meta"][side])
    suffix, make = VARIANTS[variant]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{printed.stem}{suffix}"
    path.write_bytes(make(printed.read_text(encoding="utf-8")))
    return path


def scored(pair: str, old: Path | None = None, new: Path | None = None) -> PairScore:
    """The labelled pair scored with either edition replaced by another file."""
    labels = json.loads((LABELS / f"{pair}.json").read_text(encoding="utf-8"))
    paths = [raw_path(labels["meta"][side]) for side in ("old", "new")]
    view = run_differ(old or paths[0], new or paths[1])
    # the labels locate their units by the simplified text; the differ shows an edition as printed
    view = replace(view, old_units=tuple(simplified_texts(view.old_units)), new_units=tuple(simplified_texts(view.new_units)))
    return score(labels, view)


def _row(score: PairScore) -> tuple[int, int, int, int, int, int]:
    wrong = score.pairs_judged - score.pairs_right
    return score.found, score.found_of, wrong, score.pairs_judged, score.dropped_called, score.new_called


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", nargs="*", help=f"of {', '.join(TUNED)}")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS))
    parser.add_argument("--side", choices=("old", "new", "both"), default="new")
    args = parser.parse_args()
    if set(args.pairs) - set(TUNED):
        parser.error(f"only the tuned pairs may be read: {', '.join(TUNED)}")
    for pair in args.pairs or TUNED:
        base = _row(scored(pair))
        print(f"{pair}: printed found {base[0]}/{base[1]}, wrong pairs {base[2]}/{base[3]}, dropped {base[4]}, new {base[5]}")
        for variant in args.variant or VARIANTS:
            with tempfile.TemporaryDirectory() as folder:
                sides = ("old", "new") if args.side == "both" else (args.side,)
                files = {side: variant_file(pair, side, variant, Path(folder) / side) for side in sides}
                row = _row(scored(pair, files.get("old"), files.get("new")))
            ratio = row[0] / base[0] if base[0] else 1.0
            print(
                f"  {variant:34} found {row[0]}/{row[1]} ({ratio:.2f}), wrong pairs {row[2]}/{row[3]},"
                f" dropped {row[4]}, new {row[5]}"
            )


if __name__ == "__main__":
    _main()

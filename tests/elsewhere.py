"""Reports from beyond Futian, in every format a user brings: tests/data/elsewhere/ holds the text
of two editions each of a province's 政府工作报告 and a city's 国民经济和社会发展计划 report (a year
apart, initiatives reworded, moved, new and dropped), and these functions make of a text what a
user downloads: the portal's web page with its navigation round the article, a Word file as an
office writes it, a PDF as a gazette sets it and a careless extract of that PDF.

The title page is the lines before `各位代表：` (title, occasion line, byline); headings are the
lines opening with `一、` or `（一）` that are short enough to be one.
"""

from __future__ import annotations

import io
import re
from html import escape
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from tests.read.typeset import Block, Page, typeset

SOURCES = Path(__file__).parent / "data" / "elsewhere"
#: stem -> (the portal's name, the gazette printing it)
REPORTS = {
    "jiangxi-2024-gwr": ("江西省人民政府", "江西省人民政府公报"),
    "jiangxi-2025-gwr": ("江西省人民政府", "江西省人民政府公报"),
    "zhuzhou-2024-plan": ("株洲市人民政府", "株洲市人民政府公报"),
    "zhuzhou-2025-plan": ("株洲市人民政府", "株洲市人民政府公报"),
}
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_HEADING_CHARS = 40
#: lines of an extract's page, and its width in characters
_PAGE_LINES = 20
_EXTRACT_WIDTH = 34


def source(stem: str) -> str:
    return (SOURCES / f"{stem}.txt").read_text(encoding="utf-8")


def _parts(text: str) -> tuple[list[str], list[str]]:
    """(the title page's lines, the lines from `各位代表：` on), blank lines left out."""
    lines = [line for line in text.split("\n") if line.strip()]
    start = next(n for n, line in enumerate(lines) if line.startswith("各位代表"))
    return lines[:start], lines[start:]


def _is_heading(line: str) -> bool:
    return bool(_HEADING.match(line)) and len(line) < _HEADING_CHARS


def portal_page(stem: str) -> bytes:
    """The report as its government's portal shows it: top bar, menu, search box, breadcrumb,
    the title in an h1 over the date/source/font-size line, the text in paragraphs (headings
    bold, the occasion line and byline centred), share bar, related links, footer, scripts."""
    site, _ = REPORTS[stem]
    (title, *front), body = _parts(source(stem))
    paragraphs = [f'<p style="text-align: center;">{escape(line)}</p>' for line in front]
    for line in body:
        text = f"<strong>{escape(line)}</strong>" if _is_heading(line) else escape(line)
        paragraphs.append(f'<p style="text-indent: 2em;">{text}</p>')
    article = "\n".join(paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}_{site}</title>
<script>var _hmt = _hmt || [];</script><link rel="stylesheet" href="/css/main.css"></head>
<body>
<div class="top-bar"><a href="/">{site}</a> | <a href="/wza">无障碍</a> | <a href="/en">English</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="search"><form action="/search"><input type="text" name="q"><button>搜索</button></form></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/gzbg">工作报告</a></div>
<div class="article">
<h1 class="title">{escape(title)}</h1>
<div class="info"><span>发布时间：2025-01-20 10:30</span> <span>来源：{site}办公厅</span>
<span>字号：<a>大</a> <a>中</a> <a>小</a></span> <a href="javascript:window.print()">【打印】</a></div>
<div class="TRS_Editor">
{article}
</div>
<div class="share">分享到：<a>微信</a><a>微博</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a/1">政府工作报告解读</a></li>
<li><a href="/a/2">一图读懂政府工作报告</a></li></ul></div>
<div class="footer"><p>主办：{site}办公厅</p><p>版权所有　ICP备05001234号</p></div>
<script src="/js/stats.js"></script>
</body></html>
""".encode()


def word_document(stem: str) -> bytes:
    """The report as an office types it in Word (python-docx): the title centred, bold and large,
    the occasion line and byline centred, every paragraph with a first-line indent, headings bold."""
    (title, *front), body = _parts(source(stem))
    document = docx.Document()
    heading = document.add_paragraph()
    run = heading.add_run(title)
    run.bold, run.font.size = True, Pt(22)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in front:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in body:
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = _is_heading(line)
        paragraph.paragraph_format.first_line_indent = Pt(32)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def gazette_pdf(stem: str) -> bytes:
    """The report as the gazette's PDF sets it (reportlab, tests/read/typeset.py): the title
    centred and large, the occasion line and byline centred under it, paragraphs indented two
    characters and set ragged right, headings bold, the gazette's name over every page and its
    number under it."""
    _, gazette = REPORTS[stem]
    (title, *front), body = _parts(source(stem))
    blocks = [Block(title, size=19, bold=True, centred=True)]
    blocks += [Block(line, centred=True, space_before=6) for line in front]
    blocks += [Block(line, indent=2, bold=_is_heading(line)) for line in body]
    return typeset(blocks, Page(running_head=gazette))


def careless_extract(stem: str) -> bytes:
    """What copying the gazette's PDF into a text file gives: hard-wrapped lines, paragraphs
    opening with two ideographic spaces, the gazette's name over every page and `- n -` under it,
    `——` read as `一一`, half-width `;` and `:`, in GB18030 with CRLF line ends."""
    _, gazette = REPORTS[stem]
    out, count = [gazette, ""], 0
    for line in (line for line in source(stem).split("\n") if line.strip()):
        if line.startswith("——"):
            line = "一一" + line[2:]
        line = line.replace("；", ";").replace("：", ":")
        for number, start in enumerate(range(0, len(line), _EXTRACT_WIDTH)):
            out.append(("\u3000\u3000" if number == 0 else "") + line[start : start + _EXTRACT_WIDTH])
            count += 1
            if count % _PAGE_LINES == 0:
                out += ["", f"- {count // _PAGE_LINES} -", "", gazette, ""]
    out += ["", f"- {count // _PAGE_LINES + 1} -"]
    return "\r\n".join(out).encode("gb18030")


#: format -> (file suffix, what makes the file of a report)
FORMATS = {
    "html": (".html", portal_page),
    "docx": (".docx", word_document),
    "pdf": (".pdf", gazette_pdf),
    "extract": (".txt", careless_extract),
}

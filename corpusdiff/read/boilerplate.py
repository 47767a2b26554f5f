"""Site boilerplate at the end of a page or file: a licence notice or footer, not report text.

A trailing block is boilerplate when it opens with a line a licence or footer starts with
(`本作品…`, `版权所有`, `Copyright`, `©`, `主办单位`, …) and holds a licence or footer word
(公有领域, Public domain, 版权, 许可, ICP备, …), and it is short next to the text before it. The
block is cut from the text handed to the normaliser; the raw file keeps it. So are the lines a
portal or a WeChat article prints under the text (`【责任编辑：王莉】`, `来源：…`, `编辑：… 审核：…`,
`【打印本页】【关闭窗口】`), which would otherwise be read as the report's last paragraph or, after
one that ends without `。`, glued into it. So is a 公文's 版记 and 附注 at its end (`抄送：…`,
`…办公室 2022年1月26日印发`, `（此件公开发布）`), printed under a notice or the plan it issues,
and a portal's list of related articles among them (`相关文章` over the titles it links).
"""

from __future__ import annotations

import re

from corpusdiff.text.rules import ends_sentence

_OPENER_RE = re.compile(
    r"^\s*(?:本作品|本文(?:件|章)?(?:版权|采用|依据|遵循|属于|在)|本页面?|本站|本网(?:站)?|版权所有|版权声明|"
    r"免责声明|Copyright\b|©|\(c\)\s*\d|All rights reserved|Public domain|主办单位|主办[：:]|"
    r"网站标识码|[京沪粤津渝冀浙苏鲁闽]ICP备|This work is)",
    re.IGNORECASE,
)
_KEYWORD_RE = re.compile(
    r"公有领域|Public domain|版权|著作权|许可协议|知识共享|Creative Commons|CC[- ]BY|GFDL|"
    r"All rights reserved|Copyright|ICP备|网站标识码|维基文库|Wikisource|转载",
    re.IGNORECASE,
)
#: The block may hold at most this many characters, and at most this share of the whole text.
_MAX_CHARS = 3000
_MAX_SHARE = 0.2


#: The labels of a portal's fields (`来源：…`, `发布时间：…`), and the links that take a colon.
_FIELD_LABELS = (
    r"责任编辑|责编|编辑|审核|审校|校对|初审|复审|终审|来源|稿源|信息来源|文章来源|作者|记者|通讯员|"
    r"供稿|摄影|图片|排版|美编|监制|统筹|策划|发布时间|发布日期|更新时间|时间|日期|浏览次数|点击数|"
    r"阅读次数|访问次数|浏览量|字号|字体|文字|文案|图文|设计|视频"
)
#: A field's value ends where the next field's label and colon begin: a page that sets its
#: fields in `<span>`s side by side, with no space between them in its source, reads (and copies)
#: as one glued line (`发布时间：2024-01-25来源：某省人民政府字号：大中小`).
_FIELD_VALUE_CHAR = rf"(?!(?:{_FIELD_LABELS}|分享到|上一篇|下一篇|上一条|下一条)\s*[：:])[^\s。，,；！？：:【】\[\]（）()]"

#: A news agency's dateline over a report it releases (`新华社北京3月12日电`, its reporters after it).
_DATELINE = r"(?:新华社|中新社|本报)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电(?:\s*[（(]记者[^）)\n]{1,30}[）)])?"
_DATELINE_OPENING_RE = re.compile(rf"^\s*{_DATELINE}\s*(?=\S)")


def without_dateline(line: str) -> str:
    """A line with the news agency's dateline it opens with left out (`新华社北京3月12日电　政府工作
    报告` -> `政府工作报告`): the agency's, set before the title on its line."""
    return _DATELINE_OPENING_RE.sub("", line, count=1)


#: A line a portal or WeChat article prints over or under the text: its editor, source, author,
#: date and view-count fields (`编辑：李明`, WeChat's `编辑 | 李明`), a news agency's dateline over
#: a report it releases (`新华社北京3月16日电`), the time it published the
#: article (`2024年03月13日08:21 | 来源：…`: a date with a time), its print/close/share/font-size
#: links (`字号：大 中 小`, `A+ A A-`), the links to the articles before and after it (`上一篇：…`), `扫一扫在手机打开当前页`,
#: WeChat's `点击蓝字 关注我们` and `END` — each item a few words, the line nothing else. Each item
#: is matched once (an atomic group): the white space between items
#: belongs to the separator alone, so a long line that is no such line fails in linear time.
_PORTAL_ITEM = (
    r"(?>(?:[【\[（(]\s*)?(?:"
    rf"(?:{_FIELD_LABELS})\s*[：:|｜丨]\s*"
    r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    rf"|(?:{_FIELD_VALUE_CHAR}){{0,24}})"
    r"|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}(?::\d{2})?"  # a time: never a report's date
    r"|(?:上一篇|下一篇|上一条|下一条)\s*[：:]\s*[^\s【】\[\]。]{0,80}"
    rf"|{_DATELINE}"
    r"|(?:手机)?扫一扫(?:在手机(?:上)?打开(?:当前页|本页)?)?"
    r"|打印本页|打印|关闭窗口|关闭本页|关闭|我要纠错|纠错|收藏|分享让更多人看到|分享(?:到)?[：:]?|返回顶部|阅读原文|[大中小]字号|默认|超大|特大|大|中|小|A[+＋\-－]?(?![A-Za-z])|"
    r"微信|微博|QQ空间|朋友圈|END|点击(?:上方)?蓝字|关注我们|往期推荐|推荐阅读|扫码关注|长按识别二维码|点赞|在看|"
    r"相关(?:链接|阅读|文章|新闻|稿件)[：:]?|延伸阅读[：:]?|往期回顾[：:]?"
    r")(?:\s*[】\]）)])?)"
)
_PORTAL_LINE_RE = re.compile(rf"^\s*{_PORTAL_ITEM}(?:[\s　|/·]*{_PORTAL_ITEM})*[\s　]*$")


#: A line of a 公文's 版记 or 附注 (GB/T 9704): who gets copies (`抄送：…` — a list, no sentence end
#: inside), the issuing office and date (`…办公室 2022年1月26日印发`), the publication note
#: (`（此件公开发布）`, `（此件不予公开）`) and the print run (`（共印30份）`).
_RECORD_LINE_RE = re.compile(
    r"^\s*(?:(?:抄送|抄报|分送|发送|报送)\s*[：:][^。\n]{1,300}。?"
    r"|[^\s。，；：:\n][^。，；\n]{1,40}?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发"
    r"|[（(]\s*此件[^（）()。\n]{1,16}[）)]|[（(]?\s*共印\s*\d+\s*份\s*[）)]?)\s*$"
)


def is_record_line(line: str) -> bool:
    """A line of a 公文's 版记 or 附注: how it was sent and printed, not what it says."""
    return _RECORD_LINE_RE.match(line) is not None


#: A pager's line under one page of an article a site split into pages (`上一页 1 2 3 下一页`,
#: `共3页 第2页`): its links and page numbers, one of them a link to another page or the count.
_PAGER_TOKEN = r"(?:首页|上一页|下一页|尾页|末页|共\s*\d{1,3}\s*页|第\s*\d{1,3}\s*页|\d{1,3}(?!\d)|[<>«»【】\[\]])"
_PAGER_LINE_RE = re.compile(rf"^\s*{_PAGER_TOKEN}(?:[\s　|]*+{_PAGER_TOKEN})*+\s*$")
_PAGER_LINK_RE = re.compile(r"上一页|下一页|共\s*\d{1,3}\s*页")


def is_portal_line(line: str) -> bool:
    """A line of the portal's, not the report's: its source, editor, date, share or print line,
    or the pager of an article split into pages."""
    return bool(line.strip()) and (_PORTAL_LINE_RE.match(line) is not None or is_pager_line(line))


def is_pager_line(line: str) -> bool:
    """The pager a site prints under each page of an article it split into pages: where a text
    holds such a line, the text of several pages was copied into it, one after the other."""
    return _PAGER_LINK_RE.search(line) is not None and _PAGER_LINE_RE.match(line) is not None


#: A full date as a page prints it: `2024-01-25`, `2024/1/25`, `2024年01月25日`.
_PAGE_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")


def page_date(texts: list[str]) -> str:
    """The first full date (YYYY-MM-DD) in `texts`, the portal's lines or a page's head; "" when
    none holds one."""
    for text in texts:
        match = _PAGE_DATE_RE.search(text)
        if match and 1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31:
            return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
    return ""


def split_trailing_boilerplate(text: str) -> tuple[str, str]:
    """(text without the trailing boilerplate block, the block) — the block is "" when none."""
    lines = text.split("\n")
    start = _portal_lines_start(lines, _licence_start(lines, text))
    if start == len(lines):
        return text, ""
    return "\n".join(lines[:start]).rstrip() + "\n", "\n".join(lines[start:])


def _licence_start(lines: list[str], text: str) -> int:
    """Where a trailing licence or site footer block opens; len(lines) when there is none."""
    tail_chars = 0
    start = None
    for index in range(len(lines) - 1, -1, -1):
        tail_chars += len(lines[index]) + 1
        if tail_chars > _MAX_CHARS or tail_chars > len(text) * _MAX_SHARE:
            break
        if _OPENER_RE.match(lines[index]):
            start = index  # keep looking: the block may open further up
    if start is None or not _KEYWORD_RE.search("\n".join(lines[start:])):
        return len(lines)
    return start


def _portal_lines_start(lines: list[str], end: int) -> int:
    """Where the run of portal lines (editor, source, print links, a list of related articles) or
    版记 lines right above `end` opens; `end` when there is none. Blank lines between them belong
    to the run."""
    start = end
    index = end - 1
    while index >= 0:
        line = lines[index]
        if not line.strip() or is_portal_line(line) or is_record_line(line):
            start = index if line.strip() else start
            index -= 1
            continue
        related = _related_list_start(lines, index)
        if related is None:
            break
        start, index = related, related - 1
    return start


#: The header a portal sets over the links to other articles (`相关文章`, `延伸阅读：`).
_RELATED_HEADER_RE = re.compile(r"^\s*【?(?:相关(?:链接|阅读|文章|新闻|稿件|报道)|延伸阅读|推荐阅读|往期回顾|往期推荐)】?\s*[：:]?\s*$")
#: At most this many titles under it, each at most this long.
_RELATED_TITLES_MAX = 10
_RELATED_TITLE_CHARS = 60


def _related_list_start(lines: list[str], index: int) -> int | None:
    """Where the list of related articles holding the line at `index` opens: its header, over at
    most 10 titles (short lines that end no sentence, as link titles do); None when the lines
    above `index` are no such list (a report's last lines end their sentences)."""
    titles = 0
    for above in range(index, -1, -1):
        line = lines[above].strip()
        if _RELATED_HEADER_RE.match(line):
            return above
        if not line:
            continue
        titles += 1
        if titles > _RELATED_TITLES_MAX or len(line) > _RELATED_TITLE_CHARS or ends_sentence(line):
            return None
    return None


def opens_with_record(block: str) -> bool:
    """Whether a cut block is a 公文's 版记 or 附注 rather than a site's footer, for the warning."""
    first = next((line for line in block.split("\n") if line.strip()), "")
    return is_record_line(first)


def describe(block: str, limit: int = 40) -> str:
    """A one-line summary of a dropped block for the warning: its words, joined (a PDF's row of
    cells, `…办公室<tab>2022年1月26日印发`, too: a tab in a warning shows as a wide gap)."""
    words = " ".join(" ".join(line.split()) for line in block.split("\n") if line.strip())
    words = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", words)
    return words if len(words) <= limit else words[:limit] + "…"

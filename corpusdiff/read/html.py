"""HTML page (or fragment) -> the plain text layout the normaliser reads (docs/inputs.md).

One block per line, blank lines between blocks: headings (h1–h6, and an inline bold/span run
that opens a paragraph with a `（一）`-style marker) on a line of their own, table rows as
tab-separated cells. The report's main content is found first; scripts, styles, navigation,
link lists and photo blocks with their captions are dropped, each drop named in a note.
Nothing of the report text is changed here: the normaliser's text rules do the rest.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from corpusdiff.errors import InputError
from corpusdiff.read.boilerplate import is_portal_line, page_date
from corpusdiff.read.extracted import Extracted, lxml_extractor, shortened, spanned_rows, table_row
from corpusdiff.strings import counted
from corpusdiff.text import numbering, occasion
from corpusdiff.text.script import simplified

#: Elements that never hold report text.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form",
    "button", "select", "textarea", "iframe", "svg", "canvas", "video", "audio", "object", "embed",
    "figure", "map",
)  # fmt: skip
#: class/id words of page furniture: navigation, footers, share bars, breadcrumbs.
_FURNITURE_RE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|sidebar|share|toolbar|"
    r"pagination|pager|copyright|related|comment|comments|advert|ads?|banner|topbar|header)(?:$|[-_\s\d])",
    re.IGNORECASE,
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAGS = _HEADING_TAGS | {
    "p", "div", "section", "article", "main", "blockquote", "li", "dd", "dt", "table", "pre",
    "center", "address", "body", "html", "ul", "ol", "dl", "tbody", "thead", "tfoot", "tr", "td",
    "th", "caption",
}  # fmt: skip
_INLINE_HEAD_TAGS = frozenset({"strong", "b", "span", "font", "em"})
#: the punctuation that closes a heading run in (`（一）标题。正文`), and a sentence's end inside one
_HEAD_CLOSING = "，,；;：:。.、"
_SENTENCE_END_RE = re.compile(r"[。！？；!?;]")
_HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WS_RE = re.compile(r"[ \t\n\r\f\v]+")
_WS_BETWEEN_WIDE_RE = re.compile(r"(?<=[^\x00-\x7f])[ \t\n\r\f\v]+(?=[^\x00-\x7f])")
_BREAK = "\x1e"  # stands for a <br> until the text is split into lines
_LOOSE_PUNCT_RE = re.compile(r"^[\s\[\](),'\"]*$")

#: The main content is the deepest element holding this share of the page's non-link Han text.
_MAIN_SHARE = 0.7
#: A block with an image and at most this many characters of text is a photo with its caption.
_CAPTION_MAX = 200
#: A block whose text is mostly link text is a link list (navigation, "related articles").
_LINK_DENSITY_MAX = 0.5
#: Fewer Han characters than this in the main content: not a report page.
MIN_REPORT_HAN = 100
#: libxml2's nesting limit for a page (elements inside elements); deeper pages are refused.
MAX_DEPTH = 255
#: A heading longer than this is not a report's title, nor one shorter than this (a site's name, 首页).
_TITLE_MAX = 80
_TITLE_MIN = 4
#: A pager's link to the page before or after this one (not 上一篇/下一篇: the next article).
_PAGER_LINK_RE = re.compile(r"^[\s<>«»\[\]【】]*(?:上一页|下一页)[\s<>«»\[\]【】]*$")
#: A page number in a pager: 1 to 999 standing alone, or in `共3页`/`第1页`.
_PAGE_NUMBER_RE = re.compile(r"(?<![\d.:/-])([1-9]\d{0,2})(?![\d.:/-])")
#: A TRS content system's pager script: `createPageHTML(pages, current page from 0, …)`.
_PAGER_SCRIPT_RE = re.compile(r"createPageHTML\(\s*['\"]?([2-9]|[1-9]\d+)['\"]?\s*,")
#: The fields of a 政府信息公开 page's record of the document, and how many make one.
_RECORD_FIELD_RE = re.compile(
    r"^(?P<label>索引号|发布机构|发文机关|发文机构|发文日期|成文日期|发布日期|公开日期|主题分类|分类|文号|"
    r"发文字号|名称|标题|主题词|公开方式|公开范围|有效性|组配分类|体裁分类|信息分类|生效日期)"
    r"(?:\s*[：:]\s*(?P<value>.*))?$"
)
_RECORD_FIELDS_MIN = 3
#: A record field's text is at most this long (a title, an index number, an issuing body).
_FIELD_MAX = 300
_RECORD_ONLY_LABELS = frozenset({"索引号", "发布机构", "发文机关", "发文机构", "公开方式", "公开范围"})
#: The record's fields that date the document, and the `<meta>` names that date the page.
_RECORD_DATES = ("发文日期", "成文日期", "发布日期", "公开日期")
_DATE_METAS = frozenset({"pubdate", "publishdate", "article:published_time", "og:release_date"})
#: A site's or a government's name, which a page may declare as its title: no report's title.
_SITE_NAME_RE = re.compile(r"(?:网|网站|门户|在线|发布|政府|办公厅|办公室)$")
#: `<meta>` names and properties that declare a page's title.
_TITLE_METAS = frozenset({"og:title", "articletitle", "title"})


def extractor_version() -> str:
    return lxml_extractor("html")


def extract_html(markup: str, name: str) -> Extracted:
    """The report text of an HTML page or fragment; InputError when there is none."""
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except Exception as exc:  # lxml raises ParserError/ValueError on pages with no elements at all
        raise InputError(
            f"{name}: looks like HTML but cannot be parsed ({exc}); save the page again"
        ) from exc
    if _too_deep(parser):
        raise InputError(
            f"{name}: an HTML page nested deeper than {MAX_DEPTH} elements (elements inside elements), "
            "past which the HTML parser reads no further; save the report's text, or the page as a PDF"
        )
    notes: list[str] = []
    declared = _declared_titles(root)
    dated = _declared_dates(root)
    pages = _page_count(root)
    _drop_furniture(root, notes)
    records = _drop_document_records(root, notes)
    recorded = [record[label] for record in records for label in ("名称", "标题") if record.get(label)]
    dated = [record[label] for record in records for label in _RECORD_DATES if record.get(label)] + dated
    main = _main_content(root, HanCounts(root))
    _drop_photo_blocks(main, notes)
    counts = HanCounts(root)
    heading = (
        _heading_above(root, main, counts)
        or _declared_title_above(root, main, declared + recorded, counts)
        or next(iter(recorded), "")
        or _title_row_above(main, counts)
    )
    front = _title_page_lines(root, main, heading, counts)
    outside = _text_outside(main, [heading, *front], counts)
    if outside:
        notes.append(
            f"did not read {counted(len(outside), 'block')} of text outside the report's main block "
            f"({'; '.join(f'“{shortened(text)}”' for text in outside[:3])}); if that text belongs to the "
            "report, save its text or a page that holds all of it"
        )
    body, on_top = _report_lines(main, counts, notes)
    lines = ([heading] if heading and not _opens_with(body, heading, front) else []) + front + body
    text = "\n\n".join(line for line in lines if line)
    if _han(text) < MIN_REPORT_HAN:
        raise InputError(
            f"{name}: an HTML page with no report text on it (only navigation, links or a few words); "
            "save the page that holds the report itself, or its text"
        )
    if pages > 1:
        raise InputError(
            f"{name}: one page of an article the site split into {pages} pages (its 上一页/下一页 pager), "
            "so the rest of the report is not in this file; save the site's single-page or print version, "
            "or the text of every page in order into one .txt file"
        )
    titles = [_collapse(h1.text_content()) for h1 in main.iter("h1")]
    title = heading or (titles[0] if len(titles) == 1 and lines and lines[0] == titles[0] else "")
    return Extracted(text + "\n", notes, title, page_date([*dated, *on_top, *_texts_above(root, main)]))


def _opens_with(body: list[str], heading: str, front: list[str]) -> bool:
    """The text opens with the page's headline as its own title (gov.cn since 2023 sets the
    report's title in bold over its text, under the same `h1`): the title is read once."""
    return not front and next((line for line in body if line), "") == heading


def _report_lines(main: Any, counts: HanCounts, notes: list[str]) -> tuple[list[str], list[str]]:
    """The main block's lines, without the portal's lines over the report inside it (source,
    date and view count, share and font-size links): the block over the text on many portals,
    read as the report's first paragraph (or glued to its date line), is named in a note and
    handed back with the lines."""
    lines: list[str] = []
    _emit(main, lines, counts)
    portal = _portal_lines_on_top(lines)
    if portal:
        notes.append(
            f"dropped the page's lines over the report (“{shortened(' '.join(lines[i] for i in portal))}”): "
            "its source, date, share or print links, not report text"
        )
    return [line for index, line in enumerate(lines) if index not in portal], [lines[i] for i in sorted(portal)]


def _portal_lines_on_top(lines: list[str]) -> set[int]:
    """Where the portal's lines stand at the top of the main block: before its text, or under
    a title it holds (a short line without a full stop) and the report's title-page lines under
    that (a short report's block holds its occasion line and byline over the portal's line)."""
    portal: set[int] = set()
    title_page = 0
    text_lines = [index for index, line in enumerate(lines) if line]
    for position, index in enumerate(text_lines):
        line = lines[index]
        if is_portal_line(line):
            portal.add(index)
        elif position and _is_title_page_line(line, spoken=True):
            title_page += 1
        elif position > len(portal) + title_page or len(line) > _TITLE_MAX or "。" in line:
            break
    return portal


def _too_deep(parser: Any) -> bool:
    """libxml2 stops at its depth limit and drops the rest of the page: what it read would pass
    for the whole report (or for a page with none), so the page is refused instead. The limit is
    not lifted (huge_tree): real pages stay far below it, and the reader walks the tree recursively."""
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


def _heading_above(root: Any, main: Any, counts: HanCounts) -> str:
    """The page's one `h1` when it heads the content from outside it — before it, in a container
    around it, as on portals that set the title over the article's text (`<h1>政府工作报告</h1>
    <div class="pages-date">…</div><div class="pages_content">…`); "" otherwise (a site logo
    in a link, a title inside the content, several h1s)."""
    h1s = list(root.iter("h1"))
    if len(h1s) != 1 or any(h1s[0] is node for node in main.iter("h1")):
        return ""
    h1 = h1s[0]
    if not any(h1.getparent() is node for node in main.iterancestors()) or counts.link_density(h1) > _LINK_DENSITY_MAX:
        return ""
    text = _collapse(h1.text_content())
    precedes = next(node is h1 for node in root.iter() if node is h1 or node is main)
    return text if precedes and _han(text) and len(text) <= _TITLE_MAX else ""


def _page_count(root: Any) -> int:
    """The pages an article is split into (1 when it is not), read before the pager goes with the
    furniture: the count a TRS content system's pager script is given (`createPageHTML(3, 0, …)`),
    or the highest page number (`共3页`, `1 2 3`) in the block holding a 上一页/下一页 link."""
    for script in root.iter("script"):
        match = _PAGER_SCRIPT_RE.search(script.text or "")
        if match:
            return int(match[1])
    for node in root.iter():
        if isinstance(node.tag, str) and len(node) == 0 and _PAGER_LINK_RE.match(node.text_content()):
            pager = node.getparent()
            if pager is not None:
                return max(_page_numbers(pager), default=1)
    return 1


def _page_numbers(pager: Any) -> list[int]:
    """The page numbers a pager shows, each link or loose piece of text on its own (`<a>1</a><a>2</a>`
    has no space between them)."""
    pieces = [piece for node in pager.iter() for piece in (node.text, node.tail if node is not pager else "")]
    return [int(number) for piece in pieces if piece for number in _PAGE_NUMBER_RE.findall(piece)]


def _drop_document_records(root: Any, notes: list[str]) -> list[dict[str, str]]:
    """A 政府信息公开 page's record of the document (索引号, 发布机构, 发文日期, 名称 … in a table, a list
    or a row of spans), over the text or inside its container, is the portal's, not report text:
    dropped with a note, and its fields returned: its 名称 declares the page's title, its 发文日期 the
    report's date."""
    records: list[dict[str, str]] = []
    for element in list(root.iter("table", "ul", "ol", "dl", "div")):
        fields = _record_fields(element) if element.getparent() is not None else {}
        if not _is_document_record(fields):
            continue
        records.append(fields)
        notes.append(f"dropped the page's document record ({'、'.join(list(fields)[:4])} …), not report text")
        _drop(element)
    return records


def _is_document_record(fields: dict[str, str]) -> bool:
    """Enough fields, and one only a portal's record has (a report's table of documents may have
    名称, 文号 and 发文日期 columns, never an 索引号 or a 发布机构)."""
    return len(fields) >= _RECORD_FIELDS_MIN and not _RECORD_ONLY_LABELS.isdisjoint(fields)


def _record_fields(element: Any) -> dict[str, str]:
    """The record fields an element lays out, label → value: `索引号：…` in one piece, or the label
    alone with the value in the next (table cells, dt and dd, label and span)."""
    if element.tag == "table":
        rows = [[cell for cell in row if cell.tag in ("td", "th")] for row in element.iter("tr")]
    else:
        rows = [[child for child in element if isinstance(child.tag, str)]]
    fields: dict[str, str] = {}
    for row in rows:
        texts = [_field_text(node) for node in row]
        for text, after in zip(texts, [*texts[1:], ""][: len(texts)], strict=True):
            match = _RECORD_FIELD_RE.match(text)
            if match:
                fields[match["label"]] = match["value"] or ("" if _RECORD_FIELD_RE.match(after) else after)
    return fields


def _field_text(node: Any) -> str:
    """A record field's text; "" for a longer block (a record holds short fields only, and
    collapsing every block's text at every level of a deep page would take seconds)."""
    text = node.text_content()
    return _collapse(text) if len(text) <= _FIELD_MAX else ""


def _declared_dates(root: Any) -> list[str]:
    """The publication dates a page gives in its head (`<meta name="PubDate">`, …)."""
    return [
        meta.get("content") or ""
        for meta in root.iter("meta")
        if (meta.get("property") or meta.get("name") or "").lower() in _DATE_METAS
    ]


def _texts_above(root: Any, main: Any) -> list[str]:
    """The short pieces of text before the main block, nearest first: the block over an article
    with its date and source line (`2019-03-16 10:23:37 来源：新华网`, WeChat's publish time)."""
    ancestors = set(main.iterancestors())
    pieces: list[str] = []
    for node in root.iter():
        if node is main:
            break
        tail = node.tail if node not in ancestors else None
        pieces += [piece for piece in (node.text, tail) if piece and len(piece.strip()) <= _TITLE_MAX]
    return pieces[::-1]


def _declared_titles(root: Any) -> list[str]:
    """The titles a page gives itself in its head (`<title>`, `og:title`, gov portals'
    `ArticleTitle`): read before the head goes with the furniture."""
    texts = [title.text_content() for title in root.iter("title")]
    texts += [
        meta.get("content") or ""
        for meta in root.iter("meta")
        if (meta.get("property") or meta.get("name") or "").lower() in _TITLE_METAS
    ]
    return [_collapse(text) for text in texts if _han(text)]


def _declared_title_above(root: Any, main: Any, declared: list[str], counts: HanCounts) -> str:
    """The block over the content that shows the title the page declares — `<title>` opens with
    it before the site's name (`政府工作报告-新华网`, `…_广东省人民政府门户网站`): xinhuanet's
    `h-title`, people.com.cn's `h1` in a box of its own, a 信息公开 page's `h2`, an older page's
    `<font><b>` in a layout table; the longest (nearest on a tie); "" when none shows it. A
    site's name (`福田区人民政府`, `…门户网站`) in its banner is none, though a page may declare it."""
    found = ""
    ancestors = set(main.iterancestors())
    for node in root.iter():
        if node is main:
            break
        if not isinstance(node.tag, str) or node in ancestors:
            continue
        text = _collapse(node.text_content())
        if (
            _TITLE_MIN <= len(text) <= _TITLE_MAX
            and len(text) >= len(found)
            and any(title.startswith(text) for title in declared)
            and not _SITE_NAME_RE.search(text)
            and counts.link_density(node) <= _LINK_DENSITY_MAX
        ):
            found = text
    return found


#: The elements an older page sets its title in, in the row of its layout table over the text.
_TITLE_SETTING_TAGS = ("b", "strong", "font", "h1", "h2", "h3")


def _title_row_above(main: Any, counts: HanCounts) -> str:
    """The title an older page sets in the row of its layout table over the text's cell, past the
    portal's date and view-count row (`<tr><td><font size=5><b>政府工作报告</b></font></td></tr>`),
    when its head declares only the site's name (`<title>某某市人民政府</title>`): bold or large,
    short, no link, no site's name; "" when the row over the text is anything else."""
    row = main.getparent() if main.tag in ("td", "th") else None
    if row is None or row.tag != "tr":
        return ""
    for above in row.itersiblings("tr", preceding=True):
        text = _collapse(above.text_content())
        if not text or is_portal_line(text):
            continue
        set_apart = any(_collapse(node.text_content()) == text for node in above.iter(*_TITLE_SETTING_TAGS))
        titled = _TITLE_MIN <= len(text) <= _TITLE_MAX and not _SITE_NAME_RE.search(text)
        return text if set_apart and titled and _han(text) and counts.link_density(above) == 0 else ""
    return ""


def _text_outside(main: Any, read: list[str], counts: HanCounts) -> list[str]:
    """The blocks with Han text around the main content (not furniture, not link lists, not the
    heading taken as the title nor the title page's lines read with it): a portal's source and
    editor lines, or report text the page keeps apart from its body — either way not read, so named."""
    outside: list[str] = []
    path = main
    for ancestor in main.iterancestors():
        loose = [ancestor.text or "", *(child.tail or "" for child in ancestor)]
        blocks = [
            child
            for child in ancestor
            if child is not path and isinstance(child.tag, str) and counts.link_density(child) <= _LINK_DENSITY_MAX
        ]
        texts = [_collapse(text) for text in loose] + [_collapse(child.text_content()) for child in blocks]
        texts = [_without(text, read) for text in texts]
        outside.extend(text for text in texts if _han(text))
        path = ancestor
    return outside


def _without(text: str, read: list[str]) -> str:
    """A block's text less the lines read from it (each once)."""
    for line in read:
        text = text.replace(line, "", 1) if line else text
    return text.strip()


def _title_page_lines(root: Any, main: Any, heading: str, counts: HanCounts) -> list[str]:
    """The report's own title-page lines a portal sets between the title and the article's text,
    outside its container (`<h1>政府工作报告</h1><p class="subtitle">——2024年1月20日在…会议上</p>
    <div class="author">省长　某某</div><div class="info">发布时间：…</div><div class="content">`):
    the occasion line, the byline and a date line, in page order, as a text copy prints them under
    the title — without them the report lost its date, meeting, speaker and region. Only lines of
    those shapes after the title are taken: the portal's own lines there (发布时间, 来源, 字号,
    打印) stay out, a date alone only in the report's brackets or dash, or beside an occasion line
    (a bare `2024年1月25日` over an article is the day the portal published it)."""
    if not heading:
        return []
    lines: list[str] = []
    for block in _blocks_before(main):
        _emit(block, lines, counts)
    after = [line for line in lines[_last_index(lines, heading) + 1 :] if line] if heading in lines else []
    spoken = any(occasion.is_occasion(_compact(line)) for line in after)
    return [line for line in after if _is_title_page_line(line, spoken)]


def _blocks_before(main: Any) -> list[Any]:
    """The elements before the main block that are not around it, in page order: at each level
    from the outermost in, the children that precede the one holding the main block."""
    path = [main, *main.iterancestors()][::-1]
    blocks: list[Any] = []
    for ancestor, inner in pairwise(path):
        for child in ancestor:
            if child is inner:
                break
            if isinstance(child.tag, str):
                blocks.append(child)
    return blocks


def _last_index(lines: list[str], line: str) -> int:
    return len(lines) - 1 - lines[::-1].index(line)


def _compact(line: str) -> str:
    return simplified(re.sub(r"\s+", "", line))


def _is_title_page_line(line: str, spoken: bool) -> bool:
    """An occasion line, a byline (with an office naming its seat when no occasion line is there
    to vouch for it), or a date line (see _title_page_lines); never one of the portal's lines."""
    if is_portal_line(line) or len(line) > _TITLE_MAX:
        return False
    compact = _compact(line)
    if occasion.is_occasion(compact):
        return True
    if occasion.is_byline(line) if spoken else occasion.is_lone_byline(line):
        return True
    return occasion.is_date_line(compact) and (spoken or compact[0] in "（(—―─")


def _drop(element: Any) -> None:
    """Remove an element but keep its tail text (the text after it belongs to its parent)."""
    element.drop_tree()


def _drop_furniture(root: Any, notes: list[str]) -> None:
    dropped = 0
    for element in list(root.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            _drop(element)
            dropped += 1
    counts = HanCounts(root)
    page = counts.outside_links(root)
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        words = f"{element.get('class', '')} {element.get('id', '')}"
        if _FURNITURE_RE.search(words) and counts.outside_links(element) < page * 0.5 and not _holds_headline(element, counts):
            _drop(element)
            dropped += 1
    if dropped:
        notes.append(
            f"dropped {counted(dropped, 'page element')}, not report text (scripts, styles, navigation)"
        )


def _holds_headline(element: Any, counts: HanCounts) -> bool:
    """A box with the article's `h1` in it, its text no link (xinhuanet's `header-cont` holds the
    date, the source and the headline over the text): the article's head, not the site's furniture,
    whose `h1` is a logo in a link."""
    return any(counts.outside_links(h1) and counts.link_density(h1) <= _LINK_DENSITY_MAX for h1 in element.iter("h1"))


class HanCounts:
    """The Han characters in every element's text, in and outside links, counted in one pass from
    the leaves up: the main-content search and the link-density tests ask for them level by level,
    and counting each element afresh took seconds on a page nested a few hundred levels deep.
    Counted on the tree as it is: make a new one after elements are dropped."""

    def __init__(self, root: Any) -> None:
        self._all: dict[Any, int] = {}
        self._outside: dict[Any, int] = {}
        in_link: dict[Any, bool] = {}
        elements = [node for node in root.iter() if isinstance(node.tag, str)]
        for node in elements:  # parents before children; above the root, look up its ancestors
            parent = node.getparent()
            inherited = in_link[parent] if parent in in_link else any(a.tag == "a" for a in node.iterancestors())
            in_link[node] = node.tag == "a" or inherited
        for node in reversed(elements):
            children = [child for child in node if isinstance(child.tag, str)]
            own = _han(node.text) + sum(_han(child.tail) for child in children)
            self._all[node] = own + sum(self._all[child] for child in children)
            self._outside[node] = 0 if in_link[node] else own + sum(self._outside[child] for child in children)

    def outside_links(self, element: Any) -> int:
        """Han characters in the element's text outside links."""
        return self._outside.get(element, 0)

    def link_density(self, element: Any) -> float:
        """The share of the element's Han text that is link text."""
        total = self._all.get(element, 0)
        return 1 - self._outside.get(element, 0) / total if total else 0.0


def _han(text: str | None) -> int:
    """The number of Han characters in `text` (counted by runs: far fewer matches than characters)."""
    return sum(len(run) for run in _HAN_RE.findall(text)) if text else 0


def _main_content(root: Any, counts: HanCounts) -> Any:
    """The deepest element that holds most (_MAIN_SHARE) of the page's non-link Han text."""
    body = root.find("body")
    best = body if body is not None else root
    total = counts.outside_links(best)
    if total == 0:
        return best
    while True:
        inner = [child for child in best if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS]
        heavy = [child for child in inner if counts.outside_links(child) >= total * _MAIN_SHARE]
        if len(heavy) == 1 and heavy[0].tag == "table":
            cell = _layout_cell(heavy[0], total, counts)
            if cell is None:
                return best
            best = cell
            continue
        if len(heavy) != 1 or heavy[0].tag in ("p", "li") or heavy[0].tag in _HEADING_TAGS:
            return best
        best = heavy[0]


def _layout_cell(table: Any, total: int, counts: HanCounts) -> Any:
    """The cell of a layout table (an older portal's page grid) that holds the report: the
    innermost cell with most of the page's Han text; None for a table of data."""
    cells = [cell for cell in table.iter("td", "th") if counts.outside_links(cell) >= total * _MAIN_SHARE]
    return cells[-1] if cells else None


def _drop_photo_blocks(main: Any, notes: list[str]) -> None:
    """A block whose only content is an image and a short caption is not report text."""
    for image in list(main.iter("img")):
        if image.getparent() is None:
            continue
        block = image
        while True:
            parent = block.getparent()
            if parent is None or parent is main or len(_text_of(parent)) > _CAPTION_MAX:
                break
            block = parent
        caption = _text_of(block)
        if block is image or block is main:
            continue
        _drop(block)
        if caption:
            notes.append(f"dropped a photo block with its caption: “{shortened(caption)}”")


def _text_of(element: Any) -> str:
    return _collapse(element.text_content())


def _collapse(text: str) -> str:
    """HTML white space: none between two wide (CJK) characters, one space elsewhere."""
    return _WS_RE.sub(" ", _WS_BETWEEN_WIDE_RE.sub("", text)).strip()


def _emit(element: Any, lines: list[str], counts: HanCounts) -> None:
    """Append the element's blocks to `lines` in document order."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _HEADING_TAGS:
        lines.append(_collapse(element.text_content()))
        return
    if tag == "table":
        lines.extend(_table_rows(element))
        return
    if tag in ("ul", "ol", "dl", "div", "section", "article") and counts.link_density(element) > _LINK_DENSITY_MAX:
        return  # a list of links: navigation or "related articles"
    if tag == "p" and counts.link_density(element) == 1:
        return  # a paragraph that is one link: an item of a "相关链接" list set as paragraphs
    run: list[str] = [element.text or ""] if tag not in ("html",) else []
    for child in element:
        if isinstance(child.tag, str) and (child.tag in _BLOCK_TAGS or _holds_table(child)):
            _flush(run, lines, block=tag)
            run = []
            _emit(child, lines, counts)
        elif isinstance(child.tag, str) and child.tag == "br":
            run.append(_BREAK)
        elif isinstance(child.tag, str):
            if not "".join(run).strip() and child.tag in _INLINE_HEAD_TAGS and _is_inline_head(child):
                lines.append(_inline_head_line(_collapse(child.text_content())))
                run = []
            else:
                run.append(_inline_text(child))
        run.append(child.tail or "")
    _flush(run, lines, block=tag)


def _holds_table(element: Any) -> bool:
    """An inline element with a table inside (an older page sets the whole report, its tables
    too, in one `<font>`): read as a block, so the table keeps its rows and cells."""
    return element.find(".//table") is not None


def _inline_text(element: Any) -> str:
    """An inline element's text with its `<br>`s kept as breaks (an older page sets a whole
    report in one `<font>`, its lines ended by `<br>`); a block inside it stands on lines of its own."""
    pieces = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag == "br":
            pieces.append(_BREAK)
        elif isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            pieces += [_BREAK, _inline_text(child), _BREAK]
        elif isinstance(child.tag, str):
            pieces.append(_inline_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _is_inline_head(element: Any) -> bool:
    """A bold/span run opening a paragraph with a numbering marker (`（一）…`)."""
    text = _collapse(element.text_content())
    marker = numbering.parse_marker(text)
    return marker is not None and bool(marker.rest.strip()) and len(text) <= 60


def _inline_head_line(text: str) -> str:
    """A bold run opening a paragraph, on a line of its own. A heading alone loses its closing
    punctuation, as in `（一）标题。正文`; a run that holds sentences after the heading (a portal
    bolding the whole `（二）项目建设加力提速。全市实施重点项目400个。`) keeps its last `。`, which
    ends the report's sentence, not the heading: the normaliser splits it as it does in a text."""
    heading = text.rstrip(_HEAD_CLOSING)
    return text if _SENTENCE_END_RE.search(heading) else heading


def _flush(run: list[str], lines: list[str], block: str) -> None:
    """Loose text becomes lines; a `<br>` splits it. Bracket debris between elements (a list
    printed with Python's str()) is dropped when it stands outside any text block."""
    for line in "".join(run).split(_BREAK):
        for part in line.split("\n") if block == "pre" else [line]:
            text = _collapse(part)
            if not text or (block in ("body", "html", "div", "") and _LOOSE_PUNCT_RE.match(text)):
                continue
            lines.append(text)


#: A span past this is a page's error, not a table's layout (and would make empty rows by the thousand).
_MAX_SPAN = 50


def _table_rows(table: Any) -> list[str]:
    """One line per row, cells separated by tabs (the normaliser's tab-table layout), colspan
    and rowspan laid out so that every cell stays in its column; the table's `<caption>` (`表1
    主要指标`, read as nothing before) is a line of its own over them."""
    captions = [text for caption in table.findall("caption") if (text := _collapse(caption.text_content()))]
    rows = [
        [
            (_collapse(cell.text_content()), _span(cell, "colspan"), _span(cell, "rowspan"))
            for cell in row
            if cell.tag in ("td", "th")
        ]
        for row in table.iter("tr")
    ]
    lines = [table_row(cells) for cells in spanned_rows(rows) if any(cells)]
    return [*captions, "\n".join(lines)] if lines else captions


def _span(cell: Any, attribute: str) -> int:
    value = str(cell.get(attribute) or "1").strip()
    return min(int(value), _MAX_SPAN) if value.isdigit() else 1

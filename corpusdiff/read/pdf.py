"""PDF with a text layer -> the plain text layout the normaliser reads (docs/inputs.md).

pypdfium2 (PDFium) gives each page's text in reading order, one laid-out line per line. Running
heads and footers — a line at the top or bottom of most pages that is the same on each once its
digits are ignored — and page numbers are removed; everything else is handed over line by line,
and the normaliser joins hard wraps and page breaks by its rules. A PDF whose pages hold no text
(a scan) or that needs a password is refused; there is no OCR.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from corpusdiff.errors import InputError
from corpusdiff.read.extracted import Extracted

#: How many lines at each end of a page may be a running head or footer.
_EDGE_LINES = 2
#: A line at a page edge repeated on at least this share of pages is a running head or footer.
_RUNNING_SHARE = 0.5
_DIGITS_RE = re.compile(r"[0-9０-９〇一二三四五六七八九十百]+")
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–－·•]*(第\s*)?[0-9０-９]+(\s*页)?(\s*/\s*[0-9]+|\s*共\s*[0-9]+\s*页)?[\s\-—–－·•]*$"
)
_WORD_RE = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
#: Fewer word characters than this per page on average: the PDF has no text layer worth reading.
_MIN_CHARS_PER_PAGE = 20


def extractor_version() -> str:
    from importlib.metadata import version

    return f"corpusdiff.read.pdf (pypdfium2 {version('pypdfium2')})"


def extract_pdf(data: bytes, name: str) -> Extracted:
    """The text of a PDF; InputError when it is encrypted, damaged or has no text layer."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                f"{name}: this is an encrypted PDF file; corpusdiff cannot read it, so get an unprotected "
                "copy (or decrypt it, e.g. qpdf --decrypt)"
            ) from exc
        raise InputError(f"{name}: a damaged PDF file ({exc}); get the file again") from exc
    try:
        pages = [_page_lines(page) for page in document]
    finally:
        document.close()
    words = sum(len(_WORD_RE.findall(line)) for page in pages for line in page)
    if not pages or words < _MIN_CHARS_PER_PAGE * len(pages):
        raise InputError(
            f"{name}: this is a PDF without a text layer (a scanned image), with no text to read; "
            "corpusdiff does no OCR, so get the report as text, as a web page or as a PDF with a text layer"
        )
    running = _running_lines(pages)
    notes: list[str] = []
    kept: list[str] = []
    dropped_heads = dropped_numbers = 0
    for page in pages:
        for index, line in enumerate(page):
            at_edge = index < _EDGE_LINES or index >= len(page) - _EDGE_LINES
            if at_edge and _key(line) in running:
                dropped_heads += 1
                continue
            if at_edge and _PAGE_NUMBER_RE.match(line):
                dropped_numbers += 1
                continue
            kept.append(line)
    if dropped_heads:
        heads = "; ".join(f"“{head}”" for head in sorted(running)[:3])
        notes.append(f"dropped {dropped_heads} running heads or footers ({heads}) from {len(pages)} pages")
    if dropped_numbers:
        notes.append(f"dropped {dropped_numbers} page numbers")
    return Extracted("\n".join(kept) + "\n", notes)


def _page_lines(page: Any) -> list[str]:
    textpage = page.get_textpage()
    try:
        text = str(textpage.get_text_range())
    finally:
        textpage.close()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.rstrip() for line in lines if line.strip()]


def _key(line: str) -> str:
    """A line with its numbers blanked: running heads differ only in the page number."""
    return _DIGITS_RE.sub("#", line.strip())


def _running_lines(pages: list[list[str]]) -> set[str]:
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        edges = {_key(line) for line in page[:_EDGE_LINES] + page[-_EDGE_LINES:]}
        counts.update(edges)
    threshold = max(2, int(len(pages) * _RUNNING_SHARE + 0.999))
    return {key for key, count in counts.items() if count >= threshold and _WORD_RE.search(key)}

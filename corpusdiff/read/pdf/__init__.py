"""PDF with a text layer -> the plain layout the normaliser reads (docs/inputs.md, "PDF").

PDFium (pypdfium2) gives each page's text as laid-out lines; for every line this module also
reads where it starts and ends, its baseline, its font size and weight. Running heads, footers
and page numbers are removed; then the page layout decides where a paragraph ends, as a reader
sees it: a line filled to the right margin continues in the next one, and a new paragraph starts
where a line is indented, after a vertical gap wider than the line spacing, after a line that
ends short of the margin (unless paragraphs open with an indent and the next line does not: a
ragged right edge), or where the type changes (a larger, bold or centred heading). Each
paragraph becomes one line, opening with `　　` when it opens with the document's paragraph
indent; a gap, a change of type, or a short flush phrase over an indented paragraph (an unmarked
heading in the body type) becomes a blank line, so the normaliser sees the same layout a text
extract has. A page set in two columns has each measured on its own.
Cells standing apart on a line are separated by tabs (a table row); a cell wrapped onto more
lines, closer to its row than rows stand to each other or inside the rules around the row, is
put back into its row. A footnote under a paragraph that runs on to the next page follows the
paragraph, which stays whole. A photo's caption (a line or two right under an image, set smaller
than the body or centred under the image) is no report text: it is dropped with a note quoting
it, as the HTML reader drops a photo block; a short paragraph right under an image that is set
like body text stays, with a note that it may be a caption. A PDF whose pages hold no text (a
scan), that shows neither text nor images (blank pages) or that needs a password is refused;
there is no OCR, so scanned pages among typeset ones are named in a note.
"""

from __future__ import annotations

from corpusdiff.errors import InputError
from corpusdiff.read.extracted import Extracted
from corpusdiff.read.pdf.captions import _without_captions
from corpusdiff.read.pdf.furniture import _without_furniture
from corpusdiff.read.pdf.lines import _Box
from corpusdiff.read.pdf.page import _document_grid, _read_page
from corpusdiff.read.pdf.paragraphs import _body_pitch, _Layout, _plain_text, _title
from corpusdiff.read.pdf.params import _MIN_CHARS_PER_PAGE, _SCAN_COVER, _WORD_RE
from corpusdiff.read.pdf.rows import _rows_over_pages, _rows_with_wrapped_cells


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
                f"{name}: this is a PDF that needs a password to open; corpusdiff cannot read it, so get "
                "an unprotected copy (or decrypt it with its password, e.g. qpdf --decrypt --password=…)"
            ) from exc
        raise InputError(f"{name}: a damaged PDF file ({exc}); get the file again") from exc
    try:  # each page loaded once: loading is most of a PDF's reading time
        _refuse_repeated_pages(len(document), len(data), name)
        pages = [_read_page(page) for page in document]
        grid = _document_grid(pages)
        if grid is not None:  # a page showing no grid of its own (a table set smaller) is on the document's
            pages = [page if page.grid else _read_page(document[number], grid) for number, page in enumerate(pages)]
    finally:
        document.close()
    page_words = [sum(len(_WORD_RE.findall(line.text)) for line in page.lines) for page in pages]
    words = sum(page_words)
    images = [page.images for page in pages]
    if not words and not any(images):
        raise InputError(
            f"{name}: this PDF shows no text and no images (its pages are blank, or its letters are drawn "
            "as shapes), so there is nothing to read; check that it is the right file, or get the report "
            "as text, as a web page or as a PDF with a text layer"
        )
    if not pages or words < _MIN_CHARS_PER_PAGE * len(pages):
        raise InputError(
            f"{name}: this is a PDF without a text layer (a scanned image), with no text to read; "
            "corpusdiff does no OCR, so get the report as text, as a web page or as a PDF with a text layer"
        )
    flow, notes = _without_furniture([page.lines for page in pages])
    notes.extend(_scanned_pages_note(page_words, images, [page.area for page in pages]))
    flow, caption_notes = _without_captions(flow, images)
    notes.extend(caption_notes)
    pitch = _body_pitch(flow) if grid is not None else None
    flow = _rows_over_pages(
        [_rows_with_wrapped_cells(lines, page.rules, pitch) for lines, page in zip(flow, pages, strict=True)],
        [page.rules for page in pages],
        pitch,
    )
    paragraphs = _Layout(flow, [page.width for page in pages]).paragraphs()
    return Extracted(_plain_text(paragraphs), notes, _title(paragraphs))


def _refuse_repeated_pages(pages: int, size: int, name: str) -> None:
    """A page takes more than a byte of the file, so a PDF listing more pages than it has bytes
    lists one page over and over (a page tree naming the same node ten times a level): a bomb
    whose reading would take hours, refused before any page is read."""
    if pages > size:
        raise InputError(
            f"{name}: this PDF lists {pages} pages in {size} bytes, one page over and over, so it is "
            "no report; get the report's file again"
        )


def _scanned_pages_note(page_words: list[int], images: list[list[_Box]], areas: list[float]) -> list[str]:
    """A note naming the pages that are an image covering most of the page with no text on
    it (a scanned page among typeset ones: a signed annex, a table): their words are not read,
    and the user must know, as nothing else tells."""
    scanned = [
        number
        for number, (words, boxes, area) in enumerate(zip(page_words, images, areas, strict=True), 1)
        if words < _MIN_CHARS_PER_PAGE and sum(_area(box) for box in boxes) >= _SCAN_COVER * area
    ]
    if not scanned:
        return []
    pages = f"page {scanned[0]} holds" if len(scanned) == 1 else f"pages {_page_ranges(scanned)} hold"
    return [
        f"{pages} a scanned image and no text, so what they show is not read (corpusdiff does no OCR); if they are part of the report, get it "
        "as text or as a PDF with a text layer"
    ]


def _area(box: _Box) -> float:
    return max(0.0, box.right - box.left) * max(0.0, box.top - box.bottom)


def _page_ranges(numbers: list[int]) -> str:
    """`3, 7–9`: page numbers, runs of consecutive ones as ranges."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs)

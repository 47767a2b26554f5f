"""Photo captions: a line or two right under an image, which are no report text."""

from __future__ import annotations

from corpusdiff.read.extracted import shortened
from corpusdiff.read.pdf.lines import _body_size, _Box, _different_type, _joined, _Line
from corpusdiff.read.pdf.params import (
    _CAPTION_CHARS,
    _CAPTION_DROP,
    _CAPTION_LEADING,
    _CAPTION_LINES,
    _CENTRED_SLACK,
    _PHOTO_MIN,
    _SIZE_RATIO,
)
from corpusdiff.text import numbering
from corpusdiff.text.rules import strip_debris


def _without_captions(
    pages: list[list[_Line]], images: list[list[_Box]]
) -> tuple[list[list[_Line]], list[str]]:
    """The pages without the captions under their photos, and notes quoting each one dropped,
    and each short paragraph under a photo kept that may be one."""
    size = _body_size([line for lines in pages for line in lines])
    kept_pages: list[list[_Line]] = []
    notes: list[str] = []
    for number, (lines, boxes) in enumerate(zip(pages, images, strict=True), 1):
        dropped: set[int] = set()
        for box in boxes:
            if min(box.right - box.left, box.top - box.bottom) < _PHOTO_MIN * size:
                continue
            block = _block_under(lines, box)
            if not block or _is_heading_like(block[0], size):
                continue
            text = _joined(block).strip()
            if _is_caption(block, box, size):
                dropped.update(id(line) for line in block)
                notes.append(f"dropped a photo caption (page {number}): “{shortened(text)}”")
            else:
                notes.append(
                    f"kept the short paragraph right under a photo (page {number}) as report text; if it "
                    f"is the photo's caption, delete it from the document: “{shortened(text)}”"
                )
        kept_pages.append([line for line in lines if id(line) not in dropped])
    return kept_pages, notes


def _block_under(lines: list[_Line], box: _Box) -> list[_Line]:
    """The short block of lines that starts right under `box` and stands apart from the text
    after it; [] when the text under the image is none, or a longer paragraph."""
    under = [
        index
        for index, line in enumerate(lines)
        if 0 <= box.bottom - line.baseline <= _CAPTION_DROP * line.size
        and line.left < box.right
        and line.right > box.left
    ]
    if not under:
        return []
    start = max(under, key=lambda index: lines[index].baseline)
    block = [lines[start]]
    for line in lines[start + 1 :]:
        step = block[-1].baseline - line.baseline
        apart = not 0 < step <= _CAPTION_LEADING * line.size or _different_type(block[-1], line)
        if apart or _centred_under(block[-1], box) != _centred_under(line, box):
            break
        block.append(line)
    if len(block) > _CAPTION_LINES or len(_joined(block).strip()) > _CAPTION_CHARS:
        return []
    return block


def _is_caption(block: list[_Line], box: _Box, body: float) -> bool:
    """Set smaller than body text, or centred under the image with its last line standing in
    from the image's edges (a body line under a column-wide image is centred under it too)."""
    if all(line.size * _SIZE_RATIO < body for line in block):
        return True
    last = block[-1]
    centred = all(_centred_under(line, box) for line in block)
    return centred and min(last.left - box.left, box.right - last.right) >= last.size


def _centred_under(line: _Line, box: _Box) -> bool:
    middle = (box.left + box.right) / 2
    return abs((line.left + line.right) / 2 - middle) <= _CENTRED_SLACK * line.size


def _is_heading_like(line: _Line, body: float) -> bool:
    """Larger than body text, or opening with a heading marker: a heading under a figure."""
    return (
        line.size > body * _SIZE_RATIO or numbering.parse_marker(strip_debris(line.text).strip()) is not None
    )

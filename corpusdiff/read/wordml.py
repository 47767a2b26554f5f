"""WordprocessingML names and the small readings every .docx reader needs (read/docx.py,
read/docx_numbering.py)."""

from __future__ import annotations

from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
#: A drawing's legacy copy, beside its modern one (`mc:AlternateContent`).
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def qn(tag: str) -> str:
    """The qualified name of a WordprocessingML element or attribute (`p` -> `{…main}p`)."""
    return f"{{{W}}}{tag}"


def val(element: Any, path: str, default: str) -> str:
    """The `w:val` of the element at `path`, or `default` where there is none."""
    found = element.find(path, NS)
    if found is None:
        return default
    return str(found.get(qn("val"), default))


def whole_number(value: str | None, default: int) -> int:
    """A count or level the file gives, or `default` where it gives none or no number (a file
    another program wrote), so that an odd attribute costs a number, never the reading."""
    return int(value) if value and value.isdecimal() and len(value) < 6 else default

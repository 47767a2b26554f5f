"""The library's front door: the operations the CLI and the site are thin layers over."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from corpusdiff.canonical.markdown import is_canonical_text, parse
from corpusdiff.errors import InputError
from corpusdiff.normalize.core import normalize_report, renormalize
from corpusdiff.read.decode import RawReport, read_report
from corpusdiff.text.chars import HAN_RE
from corpusdiff.text.occasion import SALUTATION_RE
from corpusdiff.types.document import Heading, NormalizedDocument, Paragraph


def normalize_raw(
    raw: RawReport, overrides: Mapping[str, object] | None = None, *, derive_series: bool = True
) -> NormalizedDocument:
    """Normalise decoded text; canonical Markdown input is re-normalised in place."""
    if is_canonical_text(raw.text):
        return renormalize(parse(raw.text))
    return normalize_report(raw, overrides, derive_series=derive_series)


def normalize_file(path: Path, overrides: Mapping[str, object] | None = None) -> NormalizedDocument:
    """Read, decode and normalise one report file."""
    return normalize_raw(read_report(path), overrides)


def refuse_non_report(name: str, document: NormalizedDocument, fields: Mapping[str, object]) -> None:
    """corpusdiff reads reports: a short text with no title line naming one, no heading and no
    salutation (a recipe, a stray note, two characters) is refused before anything is written or
    compared, unless a title given for it (`--title`, the manifest) says it is one."""
    if fields.get("title") or reads_as_report(name, document):
        return
    notice = issuing_notice(document)
    if notice:
        raise InputError(
            f"{name}: reads as a notice issuing a report (“{notice}”) without the report, its attachment "
            "(附件), so nothing was done; give the file that holds the attachment, or the attachment alone"
        )
    raise InputError(
        f"{name}: does not read as a report (no title line naming one, such as …工作报告 or …计划, "
        "no salutation such as 各位代表： and no numbered heading), so nothing was done; "
        "if it is one, give its title (--title, or the corpus manifest)"
    )


#: The title of a notice that issues or forwards a report (`…关于印发…计划的通知`): the report is
#: its attachment, and a file of the notice alone holds none of it.
_ISSUING_NOTICE_RE = re.compile(r"关于(?:印发|转发|下达)[^。：\n]{2,80}?的通知")


def issuing_notice(document: NormalizedDocument) -> str:
    """The title of the notice issuing a report that the text opens with; "" when it opens
    with none."""
    opening = " ".join(block.text for block in document.blocks[:3] if isinstance(block, Paragraph | Heading))
    match = _ISSUING_NOTICE_RE.search(opening)
    return match.group(0) if match else ""


#: A text this long is taken for a report even with none of a report's marks (an extract of
#: one's body): a recipe or a note is a few hundred characters, the shortest report thousands.
REPORT_LENGTH = 2000


def reads_as_report(name: str, document: NormalizedDocument) -> bool:
    """The text names itself (its title line, not the file name standing in), addresses a
    meeting, is laid out in numbered sections, or is as long as a report."""
    return (
        document.metadata.title != Path(name).stem
        or sum(len(HAN_RE.findall(block.text)) for block in document.blocks if isinstance(block, Paragraph))
        >= REPORT_LENGTH
        or any(isinstance(block, Heading) for block in document.blocks)
        or any(isinstance(block, Paragraph) and SALUTATION_RE.search(block.text) for block in document.blocks)
    )

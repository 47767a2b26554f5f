"""One report read from different formats must read the same: the differences between two
canonical documents of one edition, counted by kind, and the Word copies a user would make of a
report (`python -m tests.formats_equivalence A B [C …]` prints the counts of each file against A).

Kinds (docs/inputs.md, "The same report in four formats"):
- `lost` / `extra`: Han characters one copy has and the reference has not (as a multiset, in the
  paragraphs that differ), and the paragraphs they are in;
- `joined` / `split`: paragraphs the copy runs together or cuts apart, the text itself the same;
- `punctuation`: paragraphs that differ only in characters other than Han (a `。` one copy lacks);
- `heading`: a block one copy makes a heading (or a heading of another level) and the other not;
- `metadata`: front-matter fields that differ (the source block aside: it names the file).
"""

from __future__ import annotations

import io
import re
import sys
from collections import Counter
from dataclasses import dataclass, fields
from difflib import SequenceMatcher
from enum import StrEnum
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from corpusdiff.canonical.markdown import render
from corpusdiff.types.document import Metadata, NormalizedDocument

_HAN = re.compile(r"[\u3400-\u9fff]")
_HEADING = re.compile(r"^(#+) ")


class Kind(StrEnum):
    LOST = "lost"
    EXTRA = "extra"
    JOINED = "joined"
    SPLIT = "split"
    PUNCTUATION = "punctuation"
    HEADING = "heading"
    METADATA = "metadata"


@dataclass(frozen=True)
class Differences:
    """What one copy does differently from the reference: counts by kind, and the Han
    characters lost and extra (a paragraph that differs in text counts once as lost and once
    as extra when it both lacks and adds characters)."""

    counts: Counter[Kind]
    lost_chars: int
    extra_chars: int
    examples: tuple[str, ...]

    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        parts = [f"{kind.value} {self.counts[kind]}" for kind in Kind if self.counts[kind]]
        chars = (
            f" (Han characters lost {self.lost_chars}, extra {self.extra_chars})"
            if self.counts[Kind.LOST] + self.counts[Kind.EXTRA]
            else ""
        )
        return (", ".join(parts) or "none") + chars


def body_blocks(document: NormalizedDocument) -> list[str]:
    """The canonical Markdown body, one string per block (the front matter left out)."""
    markdown = render(document)
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    return [block.strip() for block in body.split("\n\n") if block.strip()]


def _plain(block: str) -> str:
    return _HEADING.sub("", block)


def _metadata_fields(meta: Metadata) -> dict[str, object]:
    return {f.name: getattr(meta, f.name) for f in fields(meta) if f.name not in ("source", "id")}


def differences(reference: NormalizedDocument, copy: NormalizedDocument) -> Differences:
    """Count the ways `copy` reads differently from `reference`, by kind."""
    counts: Counter[Kind] = Counter()
    examples: list[str] = []
    old_meta, new_meta = _metadata_fields(reference.metadata), _metadata_fields(copy.metadata)
    for name in old_meta:
        if old_meta[name] != new_meta[name]:
            counts[Kind.METADATA] += 1
            examples.append(f"metadata {name}: {old_meta[name]!r} -> {new_meta[name]!r}")
    old, new = body_blocks(reference), body_blocks(copy)
    lost = extra = 0
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        if "".join(map(_plain, a)) == "".join(map(_plain, b)):
            kind = Kind.JOINED if len(a) > len(b) else Kind.SPLIT if len(a) < len(b) else Kind.HEADING
            counts[kind] += max(abs(len(a) - len(b)), 1)
            if (
                any(_HEADING.match(x) for x in a) != any(_HEADING.match(x) for x in b)
                and kind is not Kind.HEADING
            ):
                counts[Kind.HEADING] += 1
            examples.append(f"{kind.value}: {a[0][:30]!r} … -> {b[0][:30]!r} …")
            continue
        missing = Counter(_HAN.findall("".join(a))) - Counter(_HAN.findall("".join(b)))
        added = Counter(_HAN.findall("".join(b))) - Counter(_HAN.findall("".join(a)))
        lost += sum(missing.values())
        extra += sum(added.values())
        counts[Kind.LOST] += bool(missing)
        counts[Kind.EXTRA] += bool(added)
        if not missing and not added:
            counts[Kind.PUNCTUATION] += 1
            counts[Kind.JOINED] += max(len(a) - len(b), 0)
            counts[Kind.SPLIT] += max(len(b) - len(a), 0)
        examples.append(f"{tag}: {' | '.join(x[:30] for x in a)!r} -> {' | '.join(x[:30] for x in b)!r}")
    return Differences(counts, lost, extra, tuple(examples))


# --- Word copies of a report, as users write them ------------------------------------------------


def _level(block: str) -> int:
    match = _HEADING.match(block)
    return len(match.group(1)) if match else 0


def styled_docx(document: NormalizedDocument) -> bytes:
    """The report as a Word file made with the heading styles: the title in `Title`, each
    `##` heading in `Heading 1`, each `###` in `Heading 2`, the body in `Normal`, one paragraph
    each."""
    word = docx.Document()
    for block in body_blocks(document):
        level = _level(block)
        text = _plain(block).replace("\n", " ")
        if level:
            word.add_heading(text, level=level - 1)
        else:
            word.add_paragraph(text)
    return _saved(word)


def bold_docx(document: NormalizedDocument) -> bytes:
    """The report as many offices write it: no heading styles at all, the title a centred bold
    paragraph in a larger size, headings bold runs in ordinary paragraphs, body paragraphs
    indented two characters."""
    word = docx.Document()
    for block in body_blocks(document):
        level = _level(block)
        paragraph = word.add_paragraph()
        run = paragraph.add_run(_plain(block).replace("\n", " "))
        if level == 1:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.font.size = Pt(22)
        if level:
            run.bold = True
        else:
            paragraph.paragraph_format.first_line_indent = Pt(24)
    return _saved(word)


def _saved(word: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def saved_page(markup: str, title: str) -> str:
    """A govcn page (a fragment: `[<div …>…</div>]`) as a user's saved copy of it: a whole HTML
    document with its charset and title."""
    body = markup.strip().removeprefix("[").removesuffix("]")
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n'
        f"<body>{body}</body></html>\n"
    )


def _main(paths: list[str]) -> None:
    from corpusdiff.normalize.entry import normalize_file

    reference = normalize_file(Path(paths[0]), {})
    for path in paths[1:]:
        found = differences(reference, normalize_file(Path(path), {}))
        print(f"{path}: {found.summary()}")
        for example in found.examples:
            print(f"    {example}")


if __name__ == "__main__":
    _main(sys.argv[1:])

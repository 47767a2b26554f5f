"""Word .docx -> the plain text layout the normaliser reads (docs/inputs.md).

A DOCX file is a zip of WordprocessingML parts. The body (`word/document.xml`) is walked in
order: each paragraph is a line, with the number Word generates for it (automatic numbering,
read/docx_numbering.py: `一、`, `（一）`, `1.` …) put in front, since it is not in the text runs,
and its text boxes as lines of their own after it; each table is a block of tab-separated rows
(a one-column table, a frame around text such as a 专栏 box, its paragraphs); a part embedded
for Word to convert is read as its own format (read/docx_chunks.py). Footnotes and endnotes
follow the body as their own paragraphs, so no text is lost. Tracked changes read as accepted:
deleted and moved-away revisions are not text; inserted ones are. The table of contents Word
generates repeats the headings, and is dropped with a warning.

A line break (Shift+Enter, `w:br`, `w:cr`) is a soft break inside its paragraph, and a page or
column break no break at all: the paragraph stays one line. Except in a paragraph typed with
line breaks for paragraph ends (a whole report in one `w:p`, as pasted from a web page): there
each break is a line, and the normaliser reads the lines as it reads a text file.
"""

from __future__ import annotations

import functools
import io
import itertools
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from corpusdiff.errors import InputError
from corpusdiff.read.docx_chunks import PartReader, chunk_lines
from corpusdiff.read.docx_numbering import BULLET, Numbering
from corpusdiff.read.extracted import Extracted, lxml_extractor, shortened, spanned_rows, table_row
from corpusdiff.read.symbols import symbol_text
from corpusdiff.read.wordml import FALLBACK, NS, W, qn, val, whole_number
from corpusdiff.strings import counted
from corpusdiff.text.numbering import parse_marker
from corpusdiff.text.rules import ends_sentence, join_fragments
from corpusdiff.text.sentences import FULL_STOPS

#: The names of the title style: Word names built-in styles in English in every language (a
#: Chinese Word numbers their ids instead: a3, a5, … in the order a document uses them).
_TITLE_STYLE_NAMES = frozenset({"title", "标题"})
_MAX_PART = 200 * 1024 * 1024  # a zip bomb guard: no part may inflate beyond this
#: A paragraph holding at least this many line breaks may be a report typed with Shift+Enter.
_MANY_BREAKS = 3
#: ... when most of its breaks come where a paragraph can end (after a sentence or a heading;
#: the text extracts of reports in tests/ have 83% to 99%)
_AT_PARAGRAPH_ENDS = 0.75
#: ... and its pieces are paragraphs, not sentences: this many sentences a piece on average
#: (a report's paragraphs hold 2.3 to 4.8; a break after every sentence gives 1)
_SENTENCES_A_PARAGRAPH = 1.5
#: A paragraph holding this many line breaks holds a document's lines, wherever they break (a
#: text extract pasted into one paragraph; the longest paragraph in tests/ has 29 sentences).
_A_DOCUMENT_OF_LINES = 60
#: The indent a paragraph of Chinese text opens with, as pasted text keeps it.
_PARAGRAPH_INDENT = "\u3000\u3000"
#: A piece without a sentence stop and at most this long is a heading or title line.
_HEADING_LENGTH = 40
_FULL_STOP_RUN = re.compile(f"[{FULL_STOPS}]+")


def extractor_version() -> str:
    return lxml_extractor("docx")


def extract_docx(data: bytes, name: str, read_part: PartReader | None) -> Extracted:
    """The text of a .docx file; InputError when it cannot be read. Parts embedded for Word to
    convert (`w:altChunk`) are read by `read_part`; None for a document that is itself such a
    part, which is refused when it embeds parts too: one level is read, as nesting them is
    how a few kilobytes make work that grows tenfold a level."""
    trees = _parse(data, name)
    styles = trees.get("word/styles.xml")
    body = trees["word/document.xml"].find("w:body", NS)
    if body is None:
        body = trees["word/document.xml"].makeelement(qn("body"))
    reader = _BodyReader(Numbering(trees.get("word/numbering.xml"), styles), _contents(body, styles))
    if body.find(f".//{qn('altChunk')}") is not None:
        if read_part is None:
            raise InputError(f"{name}: a document embedded in another that embeds parts of its own")
        reader.chunks = _chunks(data, trees.get(_RELS), name, read_part)
    title_styles = _title_style_ids(styles)
    lines: list[str] = []
    title = ""
    for block, read in reader.read(body):
        if not any(x.strip() for x in lines) and any(x.strip() for x in read) and block.tag == qn("p"):
            title = read[0].strip() if val(block, "w:pPr/w:pStyle", "") in title_styles else ""
        lines.extend(read)
    notes = _reading_notes(reader, body)
    for kind, part in (("footnote", "word/footnotes.xml"), ("endnote", "word/endnotes.xml")):
        texts = _notes(trees.get(part), kind)
        if texts:
            lines.extend(["", *texts])
            notes.append(f"{counted(len(texts), kind)} put after the body as paragraphs of their own")
    text = "\n".join(lines).strip("\n")  # a paragraph is a line; empty paragraphs are blank lines
    if not text.strip():
        raise InputError(
            f"{name}: this .docx file holds no text (only images or nothing); give the report's text"
        )
    return Extracted(text + "\n", notes, title)


_RELS = "word/_rels/document.xml.rels"
_PARTS = (
    "word/document.xml",
    "word/numbering.xml",
    "word/styles.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
    _RELS,
)
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _chunks(data: bytes, relationships: Any, name: str, read_part: PartReader) -> dict[str, list[str] | None]:
    """The lines of each part embedded for Word to convert (`w:altChunk`), by relationship id;
    None for one that cannot be read. Each part is read once (relationships naming one part
    share its lines), and parts are read while all read so far inflate to at most `_MAX_PART`,
    the bound on any one part: a zip bomb's thousand parts are left out, not read."""
    if relationships is None:
        return {}
    targets = {
        relation.get("Id", ""): posixpath.normpath(posixpath.join("word", relation.get("Target", ""))).lstrip("/")
        for relation in relationships
        if relation.get("Type", "").endswith("/aFChunk") and relation.get("TargetMode") != "External"
    }
    read: dict[str, list[str] | None] = {}
    budget = _MAX_PART
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for target in dict.fromkeys(targets.values()):
            size = archive.getinfo(target).file_size if target in names else 0
            if target not in names or size > budget:
                read[target] = None
                continue
            budget -= size
            read[target] = chunk_lines(_read_part(archive, target), target, name, read_part)
    return {rel: read[target] for rel, target in targets.items()}


def _parse(data: bytes, name: str) -> dict[str, Any]:
    """The parts the reader reads, parsed; InputError for a damaged file."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {part: _read_part(archive, part) for part in _PARTS if part in archive.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as exc:
        raise InputError(
            f"{name}: a damaged or encrypted .docx file ({exc}); open and save it again"
        ) from exc
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        trees = {part: etree.fromstring(_transitional(blob), parser=parser) for part, blob in parts.items()}
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc.msg):
            raise InputError(_too_deep(name)) from exc
        line = f", line {exc.lineno}" if exc.lineno else ""
        raise InputError(
            f"{name}: a damaged .docx file (its XML breaks off{line}); open and save it again in Word or LibreOffice"
        ) from exc
    if any(_depth(tree) > MAX_DEPTH for tree in trees.values()):
        raise InputError(_too_deep(name))
    return trees


#: Elements inside elements a part may nest: a table in a table in a text box is some thirty;
#: the reader walks nested tables, content controls and text boxes recursively, and past a few
#: hundred levels Python's stack gives out (an internal error, before).
MAX_DEPTH = 200


def _depth(tree: Any) -> int:
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _too_deep(name: str) -> str:
    return (
        f"{name}: a .docx file nested deeper than {MAX_DEPTH} elements (tables in tables, content "
        "controls in content controls), deeper than Word writes; open it in Word or LibreOffice and "
        "save it again, or give its text"
    )


#: The WordprocessingML namespace of a Strict Open XML document (Word's "Strict Open XML
#: Document"): the same elements under another name.
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def _transitional(blob: bytes) -> bytes:
    """The part with a Strict document's namespace named as the usual (transitional) one, so
    that a Strict .docx reads as any other, not as one without text."""
    return blob.replace(_STRICT, W.encode("ascii")) if _STRICT in blob else blob


def _reading_notes(reader: _BodyReader, body: Any) -> list[str]:
    """What reading the body dropped or guessed, for the normaliser's warnings."""
    notes = []
    if reader.contents_dropped:
        notes.append(contents_note(reader.contents_dropped, reader.contents_first))
    unknown = sorted({_symbol_name(sym) for sym in body.iter(qn("sym")) if not _symbol(sym)})
    if unknown:
        notes.append(
            f"left out characters of a symbol font that have no known Unicode character ({', '.join(unknown[:3])}); "
            "see the raw file"
        )
    if reader.chunks_unread:
        notes.append(
            f"left out {counted(reader.chunks_unread, 'part')} embedded for Word to convert (w:altChunk) "
            "that corpusdiff cannot read (not HTML, text or a .docx, or too little text; a part pointed at "
            "again, a .docx embedding parts of its own, past 200 MB in all); open the file in Word, save it "
            "and give that file"
        )
    prompts = [control for control in body.iter(qn("sdt")) if _placeholder(control)]
    if prompts:
        first = "".join(node.text or "" for node in prompts[0].iter(qn("t"))).strip()
        notes.append(
            f"left out {counted(len(prompts), 'content control')} showing the template's placeholder "
            f"(“{first}”), not the report's text"
        )
    hidden = [text for text in _hidden_texts(body) if text.strip()]
    if hidden:
        notes.append(hidden_note(hidden))
    pictures = _pictures(body)
    if pictures:
        notes.append(pictures_note(pictures))
    if reader.paragraphs.typed_as_lines:
        notes.append(
            f"{counted(reader.paragraphs.typed_as_lines, 'paragraph')} typed with line breaks (Shift+Enter) for paragraph "
            "ends: each break read as the end of a line"
        )
    return notes


#: What a document shows as a picture, though it may hold a report's figures: an object pasted
#: in (an Excel sheet, shown as its picture), a chart, a SmartArt diagram, a picture.
_DRAWN = (
    ("{urn:schemas-microsoft-com:office:office}OLEObject", "embedded object"),
    ("{http://schemas.openxmlformats.org/drawingml/2006/chart}chart", "chart"),
    ("{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds", "SmartArt diagram"),
    ("{http://schemas.openxmlformats.org/drawingml/2006/picture}pic", "picture"),
)


#: What holds a drawing the report does not show: its legacy copy (`mc:Fallback`: the drawing is
#: counted once), and a revision the report with its changes accepted does not have (a deleted
#: run, `w:del`; one moved away, `w:moveFrom`: it is counted where it was moved to).
_NOT_A_SHOWN_DRAWING = frozenset({FALLBACK, qn("del"), qn("moveFrom")})


def _pictures(body: Any) -> Counter[str]:
    """How many of each thing the body shows as a picture. A drawing in its legacy copy, in a
    tracked deletion or in a run formatted hidden is not counted: the report does not show it."""
    found: Counter[str] = Counter()
    for tag, what in _DRAWN:
        for node in body.iter(tag):
            if not any(ancestor.tag in _NOT_A_SHOWN_DRAWING or _hidden_run(ancestor) for ancestor in node.iterancestors()):
                found[what] += 1
    return found


def _hidden_texts(body: Any) -> list[str]:
    """The text of each run formatted hidden, for the warning: with the text boxes it anchors,
    which Word does not print either, and read once, not in its legacy copy (`mc:Fallback`), nor
    again where a run in a box it anchors is hidden too."""
    texts = []
    for run in body.iter(qn("r")):
        if _hidden(run) and not any(ancestor.tag == FALLBACK or _hidden_run(ancestor) for ancestor in run.iterancestors()):
            shown = (node for node in run.iter(qn("t")) if not _in_legacy_copy(node, run))
            texts.append("".join(node.text or "" for node in shown))
    return texts


def _in_legacy_copy(node: Any, top: Any) -> bool:
    """Whether the node is in a drawing's legacy copy (`mc:Fallback`) below `top`."""
    return any(ancestor.tag == FALLBACK for ancestor in itertools.takewhile(lambda a: a is not top, node.iterancestors()))


def pictures_note(found: Counter[str]) -> str:
    """The warning for what the document shows as pictures (the .doc reader's too), each thing
    counted in words, in the order of `_DRAWN`."""
    counts = ", ".join(counted(found[what], what) for _, what in _DRAWN if found[what])
    return (
        f"left out {counts}: the document shows them as pictures, not text (an Excel sheet pasted "
        "as an object, a chart); see the raw file"
    )


def _symbol(sym: Any) -> str:
    return symbol_text(sym.get(qn("font"), ""), sym.get(qn("char"), ""))


def _symbol_name(sym: Any) -> str:
    return f"{sym.get(qn('font'), '')} {sym.get(qn('char'), '')}"


def _title_style_ids(styles: Any) -> frozenset[str]:
    """The ids of the styles named as the title (`Title` when the document has no styles part)."""
    if styles is None:
        return frozenset({"Title"})
    return _style_ids(styles, lambda name: name in _TITLE_STYLE_NAMES)


def _style_ids(styles: Any, named: Callable[[str], object]) -> frozenset[str]:
    """The ids of the styles whose name (lower case) is `named`: Word writes its built-in
    styles' names in English in every language, and their ids as it likes."""
    if styles is None:
        return frozenset()
    return frozenset(
        style.get(qn("styleId"), "")
        for style in styles.findall("w:style", NS)
        if named(val(style, "w:name", "").strip().lower())
    )


def contents_note(lines: int, first: str) -> str:
    """The warning for a table of contents left out (the .doc reader's too)."""
    return (
        f"dropped the table of contents Word generates ({counted(lines, 'line')}, "
        f"from “{first}”): not report text; the raw file keeps it"
    )


def hidden_note(texts: list[str]) -> str:
    """The warning for the runs of hidden text left out (the .doc reader's too)."""
    return (
        f"left out {counted(len(texts), 'run')} of text formatted as hidden, which Word neither shows "
        f"nor prints (“{shortened(texts[0])}”); see the raw file"
    )


#: The styles of a table of contents' entries and heading (`toc 1`, `TOC Heading`; a Chinese
#: WPS may name them 目录 1, 目录标题).
_CONTENTS_STYLE_RE = re.compile(r"(?:toc|目录) ?\d|toc ?heading|目录标题")
CONTENTS_HEADING_RE = re.compile(r"目\s*录")
#: A contents entry is a heading and its page number; a longer paragraph in a `TOC` field that
#: never ends (a damaged file) is the report's text.
CONTENTS_ENTRY_LENGTH = 150


def _contents(body: Any, styles: Any) -> set[Any]:
    """The paragraphs of the tables of contents Word generates: in a content control of the
    contents gallery, in a `TOC` field, or in a contents style; and the `目录` line over one.
    A table of contents repeats the headings with page numbers, so read it would put them in
    the text twice, and glue its `目录` to the title."""
    entry_styles = _style_ids(styles, _CONTENTS_STYLE_RE.fullmatch)
    field = _ContentsField()
    paragraphs = list(body.iter(qn("p")))
    found = {
        paragraph
        for paragraph in paragraphs
        if (field.holds(paragraph) and len(_paragraph_text(paragraph)) <= CONTENTS_ENTRY_LENGTH)
        or val(paragraph, "w:pPr/w:pStyle", "") in entry_styles
        or _in_contents_control(paragraph)
    }
    for index, paragraph in enumerate(paragraphs):
        if paragraph in found and index and paragraphs[index - 1] not in found:
            found.update(_contents_heading(paragraphs[:index]))
    return found


def _contents_heading(before: list[Any]) -> list[Any]:
    """The `目录` line over a table of contents and the empty paragraphs below it, if the
    paragraphs before the table end so."""
    empty = list(itertools.takewhile(lambda p: not _paragraph_text(p).strip(), reversed(before)))
    heading = before[: len(before) - len(empty)][-1:]
    if heading and CONTENTS_HEADING_RE.fullmatch(_paragraph_text(heading[0]).strip()):
        return heading + empty
    return []


def _in_contents_control(paragraph: Any) -> bool:
    return any(
        gallery.get(qn("val")) == "Table of Contents"
        for control in paragraph.iterancestors(qn("sdt"))
        for gallery in control.iterfind("w:sdtPr/w:docPartObj/w:docPartGallery", NS)
    )


class _ContentsField:
    """Where Word's `TOC` field runs, paragraph after paragraph, in document order: from the
    field's begin, named by its instruction, to its end (the page-number fields inside it
    nest). A paragraph with text outside the field is not the field's."""

    def __init__(self) -> None:
        self.depth = 0  # fields open inside the TOC field, itself included; 0 outside it
        self.naming = False  # a field has begun outside, its instruction not yet read

    def holds(self, paragraph: Any) -> bool:
        inside, outside_text = self.depth > 0, False
        for node in paragraph.iter(qn("fldChar"), qn("instrText"), qn("t")):
            if node.tag == qn("fldChar"):
                kind = node.get(qn("fldCharType"))
                if self.depth:
                    self.depth += {"begin": 1, "end": -1}.get(kind or "", 0)
                else:
                    self.naming = kind == "begin"
            elif node.tag == qn("instrText"):
                if self.naming and (node.text or "").strip().upper().startswith("TOC"):
                    self.depth, inside = 1, True
                self.naming = False
            elif not self.depth and (node.text or "").strip():
                outside_text = True
        return inside and not outside_text


def _read_part(archive: zipfile.ZipFile, part: str) -> bytes:
    if archive.getinfo(part).file_size > _MAX_PART:
        raise ValueError(f"{part} is too large")
    return archive.read(part)


def _paragraph_text(paragraph: Any) -> str:
    """The paragraph's text (see `_read_pieces`)."""
    return _read_pieces(_pieces(paragraph))[0]


def _blocks(container: Any) -> Iterator[Any]:
    """The paragraphs, tables and embedded parts (`w:altChunk`) of a body or table cell in
    order (see `_within`)."""
    return _within(container, (qn("p"), qn("tbl"), qn("altChunk")))


def _within(container: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """The container's own elements of these tags in order, also those a content control
    (`w:sdt`: a cover page, a table of contents) or custom XML (an office system's template
    fields) wraps; never those of a table inside a table cell, which is the cell's."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag == qn("sdt") and not _placeholder(child):
            yield from _within(child.iterfind("w:sdtContent/*", NS), tags)
        elif child.tag == qn("customXml"):
            yield from _within(child, tags)


class _BodyReader:
    """Blocks to lines: a paragraph is a line, after the number Word shows for it; a table is its
    rows. Every numbered paragraph, in a table cell too (a 序号 column Word numbers), counts in
    its list in document order, so one reader reads the whole body."""

    def __init__(self, numbering: Numbering, contents: set[Any]) -> None:
        self.numbering = numbering
        self.contents = contents  # the paragraphs of a table of contents (see `_contents`)
        self.contents_dropped = 0
        self.chunks: dict[str, list[str] | None] = {}  # the parts embedded for Word to convert
        self.chunks_unread = 0
        self.chunks_placed: set[int] = set()  # the parts placed so far, by the id of their lines
        self.contents_first = ""
        self.paragraphs = ParagraphJoiner()
        self.carried: list[str] = []  # the pieces of a paragraph whose end is a deleted revision
        self.carried_boxes: list[str] = []  # the lines of the text boxes anchored in it
        self.carried_last: Any = None  # the last paragraph carried, whose mark a table keeps
        self.cells = 0  # how many table cells the block being read is in

    def read(self, container: Any) -> Iterator[tuple[Any, list[str]]]:
        """Each block of the container with its lines. A paragraph whose paragraph mark is a
        deleted revision runs on into the next, as Word shows the text with its changes accepted;
        the last of the container (a table cell, a text box, the body) has none to run on into."""
        last = None
        for last in _blocks(container):
            yield last, self.block(last)
        if self.carried or self.carried_boxes:
            yield last, self.kept_mark()

    def lines(self, container: Any) -> list[str]:
        return [line for _, lines in self.read(container) for line in lines]

    def block(self, block: Any) -> list[str]:
        """The lines of a paragraph or table. A table ends with a blank line, as it ends on the
        page: a 专栏 box set as a table ends there, not taking in the heading after it. A text
        box's paragraphs are lines after those of the paragraph it is anchored in, and end with
        a blank line too; where that paragraph's mark is deleted, after those of the paragraph it
        runs on into (the one paragraph Word shows with the change accepted holds the box)."""
        if block.tag == qn("tbl"):
            kept = self.kept_mark()  # before its cells are read, which would take the carried text in
            return kept + ([*self.framed(block), ""] if _one_column(block) else [_table(block, self), ""])
        if block.tag == qn("altChunk"):
            return self.flush() + self.chunk(block)
        if block in self.contents:
            return self.drop_contents(block)
        pieces, self.carried = _run_on(self.carried, _pieces(block)), []
        boxes, self.carried_boxes = self.carried_boxes, []
        deleted = _mark_deleted(block)
        lines = [] if deleted else [self.labelled(block, self.joined(pieces))]  # numbered before its boxes
        for box in _text_boxes(block):
            boxes += [*self.lines(box), ""]
        if deleted:
            self.carried, self.carried_boxes, self.carried_last = pieces, boxes, block
            return []
        return [*lines, *boxes]

    def labelled(self, paragraph: Any, text: str) -> str:
        """The paragraph's text after the number or bullet Word shows for it. A bullet makes a
        list item of a paragraph with text, not of a table cell's, which is one value of its row."""
        label = self.numbering.label(paragraph)
        if label == BULLET and (self.cells or not text.strip()):
            return text
        return label + text

    def chunk(self, chunk: Any) -> list[str]:
        """An embedded part's lines, ending with a blank line, as a table does."""
        lines = self.chunks.get(chunk.get(_RELATIONSHIP_ID, ""))
        if lines is None or id(lines) in self.chunks_placed:  # Word writes a part per pointer
            self.chunks_unread += 1
            return []
        self.chunks_placed.add(id(lines))
        return [*lines, ""]

    def drop_contents(self, paragraph: Any) -> list[str]:
        text = _paragraph_text(paragraph).strip()
        if text:
            self.contents_dropped += 1
        if not self.contents_first and text and not CONTENTS_HEADING_RE.fullmatch(text):
            self.contents_first = re.sub(r"\s+", " ", text)
        return []

    def kept_mark(self) -> list[str]:
        """The carried paragraph where it cannot run on: before a table, or at the end of a
        table cell (the cell's end mark), a text box or the body. Word, accepting the deletion,
        keeps the last deleted mark, and the paragraph with it, numbered as that mark's
        paragraph (docs/inputs.md); one whose text is all deleted is gone, its number too."""
        if not self.carried:
            return self.flush()
        last, text = self.carried_last, self.joined(self.carried)
        self.carried = []
        return [self.labelled(last, text) if text.strip() else text, *self.flush()]

    def flush(self) -> list[str]:
        """The carried paragraph as a line of its own, and its text boxes: nothing follows it to
        run on into."""
        pieces, self.carried = self.carried, []
        boxes, self.carried_boxes = self.carried_boxes, []
        return ([self.joined(pieces)] if pieces else []) + boxes

    def joined(self, pieces: list[str]) -> str:
        return self.paragraphs.joined(pieces)

    def framed(self, table: Any) -> list[str]:
        """The paragraphs of a one-column table, a line each: a frame around text (a 专栏 box,
        its title in the first row and its items below), not a table of values."""
        cells = (cell for row in _within(table, (qn("tr"),)) for cell in _within(row, (qn("tc"),)))
        return [line for cell in cells for line in self.lines(cell) if line.strip()]

    def cell_text(self, cell: Any) -> str:
        """A table cell's text on one line: its paragraphs joined by a space."""
        self.cells += 1
        try:
            return " ".join(line.replace("\t", " ") for line in self.lines(cell))
        finally:
            self.cells -= 1


class ParagraphJoiner:
    """A paragraph's text from its pieces, the text between its line breaks, read in document
    order (the .doc reader, read/doc.py, reads its paragraphs so too)."""

    def __init__(self) -> None:
        self.typed_as_lines = 0  # paragraphs whose line breaks were read as paragraph ends
        self.in_front = True  # no sentence read yet: the cover and title block

    def joined(self, pieces: list[str]) -> str:
        """The paragraph's text from its pieces (see `_read_pieces`). Before the report's first
        sentence, a paragraph of short pieces none of which is a sentence is its cover or title
        block typed with Shift+Enter (`政府工作报告` / `——2024年1月22日在…会议上` / `市长　张三`):
        its breaks end lines, as they do on the page, for the normaliser to read as a text's."""
        if self.in_front and _front_block(pieces):
            text = "\n".join(piece for piece in pieces if piece.strip())
        else:
            text, as_lines = _read_pieces(pieces)
            self.typed_as_lines += as_lines
        self.in_front = self.in_front and not _FULL_STOP_RUN.search(text)
        return "\n".join(_untabbed(line) for line in text.split("\n"))


_INDENT = "\u3000\u3000"
#: A line longer than this is a paragraph, not a table cell, wherever it ends.
_CELL_LENGTH = 40


def _untabbed(line: str) -> str:
    """A paragraph indented with a tab (typed instead of a first-line indent) is a paragraph:
    the tab is its indent, not a cell of a tab-separated row (read so, a report typed that way
    was one table). It holds no other tab and is a heading, ends a sentence or is longer than
    a cell; a short value led by a tab (a table exported a cell a line, `⇥4800左右`) stays a cell."""
    words = line.lstrip(" \t\u3000")
    lead = line[: len(line) - len(words)]
    if "\t" not in lead or "\t" in words:
        return line
    if ends_sentence(words) or len(words) > _CELL_LENGTH or parse_marker(words) is not None:
        return _INDENT + words
    return line


def _mark_deleted(paragraph: Any) -> bool:
    """Whether the paragraph's end is a deleted (or moved-away) revision."""
    return paragraph.find("w:pPr/w:rPr/w:del", NS) is not None or (
        paragraph.find("w:pPr/w:rPr/w:moveFrom", NS) is not None
    )


def _run_on(carried: list[str], pieces: list[str]) -> list[str]:
    """A paragraph's pieces after those of the paragraph that runs on into it."""
    if not carried:
        return pieces
    return [*carried[:-1], carried[-1] + pieces[0], *pieces[1:]]


#: A line of a cover or title block is at most this long (the longest titles run to about 60).
_FRONT_LINE = 80


def _front_block(pieces: list[str]) -> bool:
    lines = [piece for piece in pieces if piece.strip()]
    return len(lines) > 1 and all(len(line) <= _FRONT_LINE and not _FULL_STOP_RUN.search(line) for line in lines)


def _read_pieces(pieces: list[str]) -> tuple[str, bool]:
    """The paragraph's text, and whether its line breaks were read as paragraph ends. A line
    break is Word's soft break inside a paragraph, so the pieces join as one paragraph's text
    does; only a paragraph typed with breaks for paragraph ends keeps them as lines."""
    if _typed_as_lines(pieces):
        return "\n".join(pieces), True
    return functools.reduce(join_fragments, pieces, ""), False


def _pieces(paragraph: Any) -> list[str]:
    """The paragraph's text in order, cut at its line breaks: w:t, tabs; a page or column break
    is not a break in the text."""
    pieces: list[list[str]] = [[]]
    for node in _text_nodes(paragraph):
        if node.tag in (qn("t"), _MATH_TEXT):
            pieces[-1].append(node.text or "")
        elif node.tag in (qn("tab"), qn("ptab")):
            pieces[-1].append("\t")
        elif node.tag in (qn("br"), qn("cr")):
            if node.get(qn("type")) in (None, "textWrapping"):
                pieces.append([])
        elif node.tag == qn("noBreakHyphen"):
            pieces[-1].append("-")
        elif node.tag == qn("sym"):
            pieces[-1].append(_symbol(node))
    return ["".join(piece) for piece in pieces]


#: An equation's text (Office Math, `m:t`), read in line with the paragraph's.
_MATH_TEXT = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
#: `w:ptab`, Word's absolute position tab (a byline's name set flush right, `主任<ptab/>张三`), parts
#: the text as a tab does.
_TEXT_NODES = frozenset(
    {*(qn(tag) for tag in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym")), _MATH_TEXT}
)
#: What a paragraph holds that is not its text: properties (a tab stop is no tab), a text box
#: (`w:txbxContent`: lines of its own, see `_text_boxes`), the legacy copy of a drawing
#: (`mc:Fallback`: its modern copy is read, so nothing doubles), and revisions the text with its
#: changes accepted does not have: deleted runs, tabs and breaks (`w:del`), and text moved away
#: (`w:moveFrom`; it is read where it was moved to, `w:moveTo`).
_NOT_TEXT = frozenset(
    {qn("pPr"), qn("rPr"), qn("sdtPr"), qn("txbxContent"), FALLBACK, qn("del"), qn("moveFrom")}
)


def _text_nodes(element: Any) -> Iterator[Any]:
    for child in element:
        if child.tag in _TEXT_NODES:
            yield child
        elif child.tag not in _NOT_TEXT and not _unshown(child):
            yield from _text_nodes(child)


def _unshown(element: Any) -> bool:
    """A content control showing its placeholder, or a run of hidden text: Word does not show
    or print either as the document's text."""
    if element.tag == qn("sdt"):
        return _placeholder(element)
    return element.tag == qn("r") and _hidden(element)


def _hidden_run(element: Any) -> bool:
    return element.tag == qn("r") and _hidden(element)


def _hidden(run: Any) -> bool:
    """Whether the run's text is formatted as hidden (`w:vanish`), which Word neither shows nor
    prints (a note left for the authors)."""
    vanish = run.find("w:rPr/w:vanish", NS)
    return vanish is not None and vanish.get(qn("val"), "true") not in ("0", "false", "off")


def _placeholder(control: Any) -> bool:
    """Whether a content control shows its placeholder (a template's `单击或点击此处输入文字。`
    where nothing was filled in): a prompt to the author, not the report's text."""
    return control.find("w:sdtPr/w:showingPlcHdr", NS) is not None


#: What a text box is not read inside: its legacy copy, another box (whose it is), and a
#: revision the text with its changes accepted does not have (a box deleted, or moved away: it
#: is read where it was moved to).
_NOT_A_BOX_OF_THE_PARAGRAPH = frozenset({FALLBACK, qn("txbxContent"), qn("del"), qn("moveFrom")})


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """The text boxes anchored in the paragraph (`w:txbxContent`, of a drawing or a VML shape),
    not their legacy copies, not a box inside a box, which is that box's, not a box a tracked
    change deletes or moves away, and not one anchored in a run formatted hidden: Word neither
    shows nor prints hidden text, nor what is anchored in it."""
    for box in paragraph.iter(qn("txbxContent")):
        around = itertools.takewhile(lambda ancestor: ancestor is not paragraph, box.iterancestors())
        if not any(ancestor.tag in _NOT_A_BOX_OF_THE_PARAGRAPH or _hidden_run(ancestor) for ancestor in around):
            yield box


def _typed_as_lines(pieces: list[str]) -> bool:
    """Whether a paragraph's line breaks are its author's paragraph ends: a report typed with
    Shift+Enter in one paragraph has many breaks, nearly all after a sentence or a heading, and
    pieces of several sentences each; a text extract pasted into one paragraph has more breaks
    than any paragraph has sentences; a text pasted from a web page opens each paragraph after
    a break with the two ideographic spaces of a paragraph's indent. A break after every
    sentence, or a few where a line was to wrap, is a soft break inside a paragraph."""
    ended = [piece for piece in pieces[:-1] if piece.strip()]
    if len(ended) >= _A_DOCUMENT_OF_LINES:
        return True
    if ended and all(piece.startswith(_PARAGRAPH_INDENT) for piece in pieces[1:] if piece.strip()):
        return True
    if len(ended) < _MANY_BREAKS:
        return False
    at_ends = sum(ends_sentence(piece) or _is_heading_line(piece) for piece in ended)
    if at_ends < _AT_PARAGRAPH_ENDS * len(ended):
        return False
    paragraphs = [piece for piece in pieces if piece.strip() and not _is_heading_line(piece)]
    sentences = sum(len(_FULL_STOP_RUN.findall(piece)) for piece in paragraphs)
    return bool(paragraphs) and sentences >= _SENTENCES_A_PARAGRAPH * len(paragraphs)


def _is_heading_line(piece: str) -> bool:
    return len(piece.strip()) <= _HEADING_LENGTH and not _FULL_STOP_RUN.search(piece)


def _one_column(table: Any) -> bool:
    return all(len(list(_within(row, (qn("tc"),)))) == 1 for row in _within(table, (qn("tr"),)))


#: A span past this is a file's error, not a table's layout.
_MAX_SPAN = 50


def _table(table: Any, reader: _BodyReader) -> str:
    """One line per row, cells separated by tabs; a cell merged across columns (gridSpan) is
    followed by empty ones, and one merged down (vMerge) is empty below its first row, so that
    every value stays under its header. A table inside a cell is that cell's text."""
    rows = []
    for row in _within(table, (qn("tr"),)):
        cells = []
        for cell in _within(row, (qn("tc"),)):
            text = reader.cell_text(cell).strip()
            span = cell.find("w:tcPr/w:gridSpan", NS)
            columns = whole_number(span.get(qn("val")) if span is not None else None, 1)
            cells.append((re.sub(r"\s+", " ", text), min(columns, _MAX_SPAN), 1))
        rows.append(cells)
    return "\n".join(table_row(cells) for cells in spanned_rows(rows) if any(cells))


def _notes(tree: Any, kind: str) -> list[str]:
    """The text of each footnote or endnote (`kind`), marked as a note."""
    if tree is None:
        return []
    texts = []
    for note in tree.findall(f"w:{kind}", NS):
        if note.get(qn("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(_paragraph_text(p).replace("\t", " ") for p in note.iter(qn("p"))).strip()
        if text:
            texts.append(f"注：{text}" if not text.startswith("注") else text)
    return texts

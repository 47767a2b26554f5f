"""The PDF reader's measures and patterns in one place, each with its reason where it is not its name."""

from __future__ import annotations

import re

#: How many lines at the top and bottom of a page may be a running head or footer.
_EDGE_LINES = 2
#: A line at a page edge repeated on at least this share of pages is a running head or footer.
_RUNNING_SHARE = 0.5
#: ... or on at least this share of the left-hand pages, or of the right-hand ones.
_RUNNING_SIDE_SHARE = 0.75
_DIGITS_RE = re.compile(r"[0-9０-９〇一二三四五六七八九十百]+")
#: A page number at a page's edge: `— 12 —`, `第3页 共10页`, `3/10`, in brackets too (`（3）`, `〔3〕`).
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–－·•]*[（(〔\[]?\s*(第\s*)?[0-9０-９]+(\s*页)?(\s*/\s*[0-9]+|\s*共\s*[0-9]+\s*页)?\s*[）)〕\]]?[\s\-—–－·•]*$"
)
#: How a footnote opens: a circled or bracketed number, a number, `注`, an asterisk.
_NOTE_MARK_RE = re.compile(r"\s*(?:[\u2460-\u2473\u2474-\u2487]|[\[〔(（]\s*[0-9]{1,3}\s*[\]〕)）]|[0-9]{1,3}(?![0-9.])|注|\*)")
#: A 公文's masthead (发文机关标志: `深圳市福田区人民政府文件`, a gazette's name) and document
#: number (`福府〔2022〕3号`): among the first paragraphs, over the title.
_MASTHEAD_RE = re.compile(r"\S{2,40}(?:文件|公报)|\S{1,12}[〔\[（(]\s*[0-9]{4}\s*[〕\]）)]\s*[0-9]+\s*号")
_MASTHEAD_PARAGRAPHS = 3
_WORD_RE = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
_LATIN_WORD_RE = re.compile(r"[!-~]+")
_LATIN_END_RE = re.compile(r"[A-Za-z]$")
_LATIN_START_RE = re.compile(r"[A-Za-z]")
#: Han characters, whose font tells a line's face: an office sets figures and Latin words in
#: another font (Times New Roman) inside a line of 仿宋.
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
#: The tag a PDF puts before the name of a font it embeds a subset of (`ABCDEF+FangSong_GB2312`).
_SUBSET_TAG_RE = re.compile(r"^[A-Z]{6}\+")
#: The longest font name read (bytes, with its NUL); PDF names are at most 127 bytes.
_FONT_NAME_MAX = 128
#: A figure or a Latin word at the start of a line (`6600多万`, `GDP`, `5.2%`), not markup debris.
_FIGURE_OR_WORD_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.%/]*(?![!-~])")
#: Fewer word characters than this per page on average: the PDF has no text layer worth reading.
_MIN_CHARS_PER_PAGE = 20
#: A page without text whose images cover this share of it is a scanned page.
_SCAN_COVER = 0.5
# Layout thresholds, in ems of the line's own type size unless named otherwise.
#: A character this far below the one before it, and left of it, starts a new line.
_NEW_LINE = 0.8
#: A line starting this far right of the text column is indented (a paragraph's first line).
_INDENT = 0.75
#: What an indented paragraph opens with in the plain layout, as in a text extract: the normaliser
#: tells a flush heading over an indented paragraph by it.
_PARAGRAPH_INDENT = "\u3000\u3000"
#: Characters further apart than this on one line are cells of a table row.
_CELL_GAP = 0.8
#: A baseline step this many times the usual line spacing is a gap between paragraphs.
_GAP_FACTOR = 1.35
#: ... and between two rows of a table, this many times (cell padding is no gap).
_ROW_GAP_FACTOR = 2.0
#: Type sizes differing by more than this ratio are different type (a heading, a note).
_SIZE_RATIO = 1.08
#: Room left at the right margin that still counts as a full line, besides the next word.
_FULL_SLACK = 0.3
#: Paragraphs open with an indent when at least this many, and this share, of the lines after a
#: paragraph's end (a sentence ended short of the margin) are indented ...
_INDENTED_STARTS_MIN = 3
_INDENTED_STARTS_SHARE = 2 / 3
#: ... and then a line at the margin continues one that ended this share of the column short of
#: the margin or less (a ragged right edge: a character grid sets figures half-width).
_RAGGED_ROOM = 0.25
#: A document with at least this many lines broken mid-sentence before a line at the margin
#: shows how far short of the margin its wrapped lines end: this share of them end no further
#: short than the rest of the document's wraps may, with an em more (a justified document's
#: lines all reach the margin, so a sentence ended short of it ends a paragraph there).
_WRAP_SAMPLES = 20
_WRAP_SHARE = 0.95
#: A page with fewer lines than this is measured with the whole document's column.
_PAGE_COLUMN_LINES = 8
#: A page is set in two columns when at most this share of its lines run across its middle.
_ACROSS_SHARE = 0.2
#: A box is at least this many lines set in from both margins.
_BOX_LINES = 3
#: A heading is at most this many characters long (a phrase, shorter than a line).
_HEADING_CHARS = 30
#: A line's Han characters set this many sizes apart or more, each the same step from the next:
#: set on a character grid whose cells are wider than the type (Word's 文档网格 as LibreOffice
#: lays it out: each character takes two of a 公文's 28 cells to a line).
_GRID_STEP = 1.5
#: How many steps between Han characters a line needs to show its grid.
_GRID_STEPS = 3
#: A document is set on a character grid when at least this share of its pages show one.
_GRID_PAGES_SHARE = 0.5
#: What bullets a list's items: a line opening with one is an item (as the normaliser reads it).
_BULLETS = frozenset("•·●▪")
#: The width of a space in a Latin text, at most.
_SPACE = 0.5
#: An image smaller than this many ems of body type either way is an icon or a rule, no photo.
_PHOTO_MIN = 3.0
#: A caption starts at most this many ems of its type below its image's lower edge ...
_CAPTION_DROP = 2.5
#: ... and is at most this many lines and characters long (a phrase or two sentences).
_CAPTION_LINES = 2
_CAPTION_CHARS = 100
#: Lines of one caption are at most this many ems of their type apart (baseline to baseline).
_CAPTION_LEADING = 1.6
#: A line set closer than this share of a table's row step to a row, in its columns, is a line
#: of its cells wrapped (rows stand further apart: a cell's padding is between them) ...
_WRAPPED_CELL_STEP = 0.8
#: ... where the rows' step is this many times the lines' step within a cell, or more.
_ROW_PADDING = 1.15
#: A path at least this long (points) and at most this thick is a rule; a thicker one is a
#: rectangle, whose top and bottom edges are rules (a table's ruling lines, a cell's frame).
_RULE_MIN_LENGTH = 20.0
_RULE_MAX_WIDTH = 3.0
#: In a ruled table, a line at most this many ems of its type from a row (baseline to baseline)
#: may be part of it, and the rule over the row's top line stands at least the second above it.
_RULED_REACH = 2.0
#: A cell wraps onto at most this many lines, as far as the rule under it is looked for.
_CELL_LINES = 6
_RULE_CLEAR = 0.5
#: Lines of a table this many lines apart in PDFium's order may be parts of one row.
_ROW_REACH = 2
#: A wrapped cell's next line stands at most this many ems below the row's last line (a table
#: without padding: the line spacing of its cells).
_CELL_LINE_STEP = 1.6
#: A line is balanced when it stands in from both margins by at least the first, and they
#: differ by less than the second; centred, when it stands in as far as an indent.
_BALANCED_MIN = 0.2
_CENTRED_SLACK = 0.5
#: Cells centred in their row's height stand off the baseline of a row's other cells by half a
#: line (one cell of two lines beside cells of one): less than this many ems, where the next row
#: stands a whole line or more away.
_CENTRED_OFFSET = 0.8
#: What ends a cell and never opens a row: an indicator's unit in brackets (`（%）`, `（万元）`)
#: or a target's qualifier (`以内`, `左右`), which an author often breaks onto the cell's next
#: line with its column far from full.
_CELL_TAIL_RE = re.compile(r"[（(][^（）()]{1,8}[）)]|以内|以上|以下|左右")

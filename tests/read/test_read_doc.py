"""Word 97-2003 .doc files read as their .docx does (read/doc.py, docs/inputs.md): the fixtures of
tests/data/doc/ are .docx files LibreOffice converted to .doc, so each pair is one document."""

from __future__ import annotations

import re
import struct
from collections import Counter
from pathlib import Path

import docx
import pytest

from corpusdiff.canonical.markdown import render
from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read import doc
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import NormalizedDocument
from tests.formats_equivalence import differences
from tests.read import doc_fixture
from tests.read.doc_fixture import DATA, REPORTS

_HAN = re.compile(r"[\u3400-\u9fff]")


def _normalized(path: Path) -> NormalizedDocument:
    return normalize_raw(decode_report(path.read_bytes(), path.name))


@pytest.mark.parametrize("name", [*REPORTS, "qingxi-2024-numbered-notes", "qingxi-2024-revisions", "qingxi-2024-contents", "qingxi-2024-style-numbered",
                                  "qingxi-2024-style-numbered-levels",
                                  "qingxi-2024-text-boxes", "qingxi-2024-chained-text-boxes", "qingxi-2024-grouped-text-boxes",
                                  "qingxi-2024-revisions-text-box", "qingxi-2024-revisions-table", "qingxi-2024-merged-cells",
                                  "qingxi-2024-monthly-table",
                                  "qingxi-2024-headers-comments", "qingxi-2024-pictures", "qingxi-2024-hidden-text-boxes",
                                  "qingxi-2024-revisions-numbered-cells", "qingxi-2024-revisions-nested-table"])
def test_doc_reads_as_its_docx(name: str) -> None:
    found = differences(_normalized(DATA / f"{name}.docx"), _normalized(DATA / f"{name}.doc"))
    assert found.total() == 0, found.examples


@pytest.mark.parametrize("name", REPORTS)
def test_no_han_character_lost(name: str) -> None:
    """Every Han character python-docx reads in the .docx (paragraphs and table cells) is in the
    canonical Markdown of the .doc, as many times, and no other."""
    word = docx.Document(str(DATA / f"{name}.docx"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    source = Counter(_HAN.findall("".join([*(p.text for p in word.paragraphs), *cells])))
    read = Counter(_HAN.findall(render(_normalized(DATA / f"{name}.doc")).split("\n---\n", 1)[1]))
    assert read == source


def test_a_field_reads_as_its_result() -> None:
    """A hyperlink is a HYPERLINK field in a .doc: the text shown is read, its address is not."""
    text = decode_report((DATA / "qingxi-2024-gwr.doc").read_bytes(), "gwr.doc").text
    assert "报告全文及名词解释详见青溪区人民政府门户网站。" in text
    assert "HYPERLINK" not in text and "qingxi.gov.cn" not in text


def test_table_rows_by_the_paragraph_properties() -> None:
    """Which cell mark (0x07) ends a row and which paragraphs are in a cell the paragraph
    properties say: the row 固定资产投资增速 has an empty 完成情况 and stays four cells wide, and
    the cell `7.4` / `（快报数）` is its two paragraphs on one line, as the .docx reader writes it."""
    lines = decode_report((DATA / "qingxi-2024-plan.doc").read_bytes(), "plan.doc").text.split("\n")
    assert "固定资产投资增速\t%\t8\t" in lines
    assert "社会消费品零售总额增速\t%\t7\t7.4 （快报数）" in lines


def test_merged_cells_keep_every_value_under_its_header() -> None:
    """A cell merged across columns is one wider cell in a .doc (its row has fewer cells): the
    cell edges of each row (sprmTDefTable) lay the table on one grid, so it spans its columns and
    is followed by empty cells, as the .docx reader reads a `w:gridSpan`; a cell merged down is
    empty below (tests/data/doc/make.py, MERGED: 2023年 across 计划 and 完成, 2024年目标 after it)."""
    from corpusdiff.types.document import Table

    tables = [block for block in _normalized(DATA / "qingxi-2024-merged-cells.doc").blocks if isinstance(block, Table)]
    assert [list(row) for row in tables[-1].rows] == [
        ["类别", "指标", "2023年", "", "2024年目标"],
        ["", "", "计划", "完成", ""],
        ["经济发展", "地区生产总值增速（%）", "6", "6.1", "6左右"],
        ["", "固定资产投资增速（%）", "8", "8.5", "7"],
        ["民生", "城镇调查失业率（%）", "5.5以内", "5.2", "5.5以内"],
    ]


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_a_table_inside_a_cell_is_that_cells_text(suffix: str) -> None:
    """A table in a cell (tests/data/doc/make.py, NESTED and INNER) ends its rows with paragraph
    marks of its own (sprmPFInnerTtp), which the .doc reader took for the outer table's row ends:
    the outer row was cut in two, its cells lines of their own. The inner table is its cell's
    text, as the .docx reader reads it."""
    path = DATA / f"qingxi-2024-revisions-nested-table{suffix}"
    lines = decode_report(path.read_bytes(), path.name).text.split("\n")
    [header] = [index for index, line in enumerate(lines) if line == "指标\t完成情况"]
    first, second = lines[header + 1].split("\t")
    assert first == "社会消费品零售总额增速（%）"
    assert second.startswith("分季度增速：") and second.endswith("一季度 二季度 三季度 四季度 6.8 7.0 7.2 7.4")
    assert lines[header + 2] == ""


def test_a_row_whose_properties_are_in_the_data_stream_ends_there() -> None:
    """A row of thirteen cells has more properties than its FKP page holds: its row end's are in
    the Data stream (sprmPHugePapx), and read there its rows end, each a line, not one line of all
    the table's cells (tests/data/doc/make.py, MONTHLY)."""
    lines = decode_report((DATA / "qingxi-2024-monthly-table.doc").read_bytes(), "monthly.doc").text.split("\n")
    assert "指标\t" + "\t".join(f"{month}月" for month in range(1, 13)) in lines
    assert [line.split("\t")[0] for line in lines if line.count("\t") == 12] == [
        "指标",
        "规模以上工业增加值增速",
        "社会消费品零售总额增速",
    ]


def test_headers_footers_and_comments_are_not_report_text() -> None:
    """A running title, a page number, a text box in a header and a reviewer's comment are
    stories of their own in a .doc (the headers, the header text boxes, the comments), which are
    not read, as the .docx reader reads no header, footer or comment part: neither reading has
    them (tests/data/doc/make.py, headers_comments_docx)."""
    for name in ("qingxi-2024-headers-comments.doc", "qingxi-2024-headers-comments.docx"):
        text = decode_report((DATA / name).read_bytes(), name).text
        for page_text in ("审议稿", "会议文件", "内部资料", "请核实"):
            assert page_text not in text
        assert "（二）城乡面貌持续改善。新建改造城市道路12条" in text


def _replace_text(data_source: Path, old: str, new: str) -> bytes:
    """The .doc with `old` (in its UTF-16 text) replaced by `new` of the same length."""
    assert len(old) == len(new)

    def change(stream: bytearray) -> None:
        at = stream.find(old.encode("utf-16-le"))
        assert at > 0
        stream[at : at + 2 * len(old)] = new.encode("utf-16-le")

    return doc_fixture.with_word_stream(change, data_source)


def test_word_special_characters() -> None:
    """A page break inside a paragraph is no break (as in a .docx); a non-breaking hyphen
    (0x1E) is a hyphen; an optional hyphen (0x1F) and a picture (0x01) are nothing."""
    data = _replace_text(DATA / "qingxi-2024-gwr.doc", "新建改造城市道路12条", "新\x0c建改造\x1e\x1f城\x01市道")
    text = decode_report(data, "gwr.doc").text
    assert "新建改造-城市道，完成老旧小区改造38个" in text


def test_eight_bit_pieces_are_cp1252() -> None:
    """A piece whose fc has bit 0x40000000 set is 8-bit text at fc / 2; others are UTF-16 at fc."""
    word = bytes(100) + "Caf\xe9 ".encode("cp1252") + bytes(10) + "报告".encode("utf-16-le")
    cps = struct.pack("<3I", 0, 5, 7)
    pcds = struct.pack("<HIH", 0, 0x40000000 | 200, 0) + struct.pack("<HIH", 0, 115, 0)
    clx = b"\x01\x02\x00ab" + b"\x02" + struct.pack("<I", len(cps + pcds)) + cps + pcds
    pieces = doc._pieces(clx)
    text = "".join(char for piece in pieces for char, _ in doc._piece_text(word, piece, 7))
    assert text == "Café 报告"


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (doc_fixture.encrypted, "password-protected (encrypted) Word .doc"),
        (doc_fixture.word_95, "Word 6.0/95 (or older) .doc"),
        (doc_fixture.not_word, "WordDocument stream is not a Word document"),
        (doc_fixture.clx_past_its_stream, "damaged or cut-short Word .doc"),
        (doc_fixture.too_many_characters, "counts more characters than its WordDocument stream holds"),
        (doc_fixture.cut_short, "cut-short or damaged old Office file"),
    ],
)
def test_bad_doc_is_refused_in_one_line(make, phrase: str) -> None:
    with pytest.raises(InputError) as refused:
        decode_report(make(), "report.doc")
    message = str(refused.value)
    assert phrase in message and "\n" not in message and message.startswith("report.doc: ")


def test_a_section_break_ends_its_paragraph() -> None:
    """A section break (0x0C where the section table says a section ends) ends the paragraph it
    closes, as a .docx paragraph holding the section's properties ends; the text after it, here
    run on without a paragraph mark, is a paragraph of its own."""
    data = _replace_text(DATA / "qingxi-2024-gwr.doc", "张。\x0c\r二、", "张。\x0c另二、")
    lines = decode_report(data, "gwr.doc").text.split("\n")
    assert any(line.endswith("新增养老床位600张。") for line in lines)
    assert any(line.startswith("另二、2024年主要目标和任务") for line in lines)


def test_automatic_numbers_read_from_the_lists() -> None:
    """The numbers Word generates for a list are not in a .doc's text: they are made from its
    lists (tests/data/doc/make.py wrote this .docx from the work report's typed lines, its
    `一、` and `（一）` …  turned into Word's numbering)."""
    lines = decode_report((DATA / "qingxi-2024-numbered-notes.doc").read_bytes(), "numbered.doc").text.split("\n")
    assert "一、2023年工作回顾" in lines
    assert [line[:3] for line in lines if line.startswith("（")] == ["（一）", "（二）", "（三）"]


def test_a_paragraph_numbered_by_its_style() -> None:
    """Word numbers headings through their style: each `Heading 1` is `一、`, `二、` …, the list
    named in the stylesheet (STSH) and not in the paragraphs' own properties (the fixture's
    paragraphs had LibreOffice's copy of it taken out, tests/data/doc/make.py)."""
    lines = decode_report((DATA / "qingxi-2024-style-numbered.doc").read_bytes(), "styled.doc").text.split("\n")
    assert [line for line in lines if "、" in line[:2]] == ["一、2023年工作回顾", "二、2024年主要目标和任务"]


def test_a_paragraph_numbered_at_its_styles_level() -> None:
    """`Heading 2` names the second level of the list `Heading 1` numbers (sprmPIlvl in the
    stylesheet, the paragraphs naming neither list nor level): its paragraphs are `（一）`, `（二）`
    …, counted again under each `一、`, as the .docx and the .docx LibreOffice writes from the .doc
    read them (tests/data/doc/make.py, style_numbered_levels_docx)."""
    path = DATA / "qingxi-2024-style-numbered-levels.doc"
    lines = decode_report(path.read_bytes(), path.name).text.split("\n")
    numbers = [re.match(r"[一二三]、|（[一二三]）", line) for line in lines]
    assert [number[0] for number in numbers if number] == ["一、", "（一）", "（二）", "（三）", "二、", "（一）"]


def test_footnotes_and_endnotes_follow_the_body() -> None:
    """A .doc's footnotes and endnotes, stories after its main text, follow the body as `注：`
    paragraphs after a blank line, as the .docx reader puts them (tests/data/doc/make.py wrote
    one of each), and a warning says so."""
    read = decode_report((DATA / "qingxi-2024-numbered-notes.doc").read_bytes(), "notes.doc")
    lines = read.text.split("\n")
    last_of_body = lines.index("（三）民生保障更加有力。新增城镇就业1.2万人，新建中小学校4所，新增养老床位600张。")
    assert lines[last_of_body + 1] == ""
    assert [line for line in lines[last_of_body + 1 :] if line] == [
        "注：本报告中2023年数据为快报数。",
        "注：名词解释：城镇调查失业率，指城镇常住人口中失业人员的比重。",
    ]
    assert "1 footnote put after the body as paragraphs of their own" in read.notes
    assert "1 endnote put after the body as paragraphs of their own" in read.notes


_BOX_1 = ["专栏1　2023年民生实事", "1.新建中小学校4所。", "2.新增养老床位600张。"]
_BOX_2 = ["专栏2　目标说明", "增速按可比价格计算。"]


def test_a_text_box_is_lines_of_its_own_after_its_anchor_paragraph() -> None:
    """A text box's text is a story after the notes, each box's range named by its shape (an
    FTXBXS's lid) and the shape anchored in the main text (an FSPA's spid): its paragraphs are
    lines after the paragraph it is anchored in, then a blank line, as the .docx reader reads a
    `w:txbxContent`; one anchored in a table cell is that cell's text (tests/data/doc/make.py,
    text_boxes_docx: a 专栏 box in a text box, a note in a text box in a table cell)."""
    read = decode_report((DATA / "qingxi-2024-text-boxes.doc").read_bytes(), "boxes.doc")
    lines = read.text.split("\n")
    anchor = lines.index("（一）经济运行稳中向好。地区生产总值增长6.1%，一般公共预算收入增长5.3%，规模以上工业增加值增长7.2%。")
    assert lines[anchor + 1 : anchor + 5] == [*_BOX_1, ""]
    assert "地区生产总值增速 专栏2 目标说明 增速按可比价格计算。\t6.1%\t6%左右" in lines
    assert not [note for note in read.notes if "text box" in note]


_STORY = [*_BOX_1, "3.完成老旧小区改造38个。"]


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_linked_text_boxes_read_their_story_once_after_the_first_box(suffix: str) -> None:
    """Word flows one story through linked text boxes: the first box holds it (a .docx's
    `w:txbxContent`; a .doc's one FTXBXS, counting the boxes it flows through), the boxes after it
    continue it and hold no text of their own (`wps:linkedTxbx`, an empty VML copy; no FTXBXS).
    The story is read once, whole and in order, after the paragraph the first box is anchored in
    (tests/data/doc/make.py, chained_text_boxes_docx: boxes in the first part's three groups)."""
    path = DATA / f"qingxi-2024-chained-text-boxes{suffix}"
    lines = decode_report(path.read_bytes(), path.name).text.split("\n")
    [anchor] = [index for index, line in enumerate(lines) if line.startswith("（一）经济运行稳中向好。")]
    after = [line for line in lines[anchor + 1 :] if line]
    assert after[: len(_STORY) + 2] == [
        *_STORY,
        "（二）城乡面貌持续改善。新建改造城市道路12条，完成老旧小区改造38个，新增公园绿地15万平方米。",
        "（三）民生保障更加有力。新增城镇就业1.2万人，新建中小学校4所，新增养老床位600张。",
    ]
    assert all(lines.count(line) == 1 for line in _STORY)


def _shapes_unnamed(stream: bytearray) -> None:
    """No FSPA of the PlcSpaMom names a text box's shape, nor a group holding it (a damaged file):
    each spid set to 0."""
    import olefile

    word = olefile.OleFileIO(str(DATA / "qingxi-2024-text-boxes.doc")).openstream("WordDocument").read()
    fc, lcb = struct.unpack_from("<2I", word, 0x01DA)
    count = (lcb - 4) // 30
    for index in range(count):
        struct.pack_into("<I", stream, fc + 4 * (count + 1) + 26 * index, 0)


def test_a_text_box_no_anchor_names_follows_the_body() -> None:
    """A text box whose shape no anchor in the main text names is read after the body, and a
    warning says so: its text is not lost."""
    data = doc_fixture.with_word_stream(_shapes_unnamed, DATA / "qingxi-2024-text-boxes.doc", "1Table")
    read = decode_report(data, "boxes.doc")
    lines = read.text.split("\n")
    end_of_body = lines.index("各位代表！让我们团结一心、真抓实干，为建设现代化新青溪而努力奋斗！")
    assert [line for line in lines[end_of_body + 1 :] if line] == [*_BOX_1, "专栏2　目标说明", "增速按可比价格计算。"]
    assert lines.count(_BOX_1[0]) == 1
    assert "2 text boxes put after the body: no shape anchored in the text names them, nor a group of shapes holding them" in read.notes


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_text_boxes_in_a_group_of_shapes_follow_the_groups_anchor_paragraph(suffix: str) -> None:
    """Two text boxes grouped with a picture (tests/data/doc/make.py, grouped_text_boxes_docx): in
    a .doc the anchor (FSPA) names the group, not its shapes, which the drawing (OfficeArtContent)
    says the group holds; their text followed the body. Each box's paragraphs follow the paragraph
    the group is anchored in, in the order the group holds the boxes, as a `wpg:wgp` reads."""
    path = DATA / f"qingxi-2024-grouped-text-boxes{suffix}"
    read = decode_report(path.read_bytes(), path.name)
    lines = read.text.split("\n")
    [anchor] = [index for index, line in enumerate(lines) if line.startswith("（一）经济运行稳中向好。")]
    assert [line for line in lines[anchor + 1 :] if line][:5] == [
        *_BOX_1[:2],
        "2.新增养老床位600张。",
        "3.完成老旧小区改造38个。",
        "（二）城乡面貌持续改善。新建改造城市道路12条，完成老旧小区改造38个，新增公园绿地15万平方米。",
    ]
    assert not [note for note in read.notes if "text box" in note]


def test_a_damaged_drawing_puts_grouped_text_boxes_after_the_body() -> None:
    """A drawing cut short (its length in the FIB halved) no longer says which shapes a group holds:
    the grouped boxes' text follows the body, in the order of their story, with the warning, and
    the file still reads."""
    path = DATA / "qingxi-2024-grouped-text-boxes.doc"
    data = doc_fixture.with_word_stream(
        lambda stream: struct.pack_into("<I", stream, 0x022E, struct.unpack_from("<I", stream, 0x022E)[0] // 2), path
    )
    read = decode_report(data, path.name)
    lines = [line for line in read.text.split("\n") if line]
    assert sorted(lines[-4:]) == sorted([*_BOX_1[:2], "2.新增养老床位600张。", "3.完成老旧小区改造38个。"])  # in story order
    assert "2 text boxes put after the body: no shape anchored in the text names them, nor a group of shapes holding them" in read.notes


def test_tracked_changes_read_accepted() -> None:
    """A report circulated for comment carries tracked changes: the text a change deletes is not
    read (the sprmCFRMarkDel of its character properties), the text one inserts is, and a
    paragraph whose mark is deleted runs on into the next, as in the .docx (tests/data/doc/make.py,
    REVISED: 4.8% replaced by 5.3%, a paragraph deleted, a paragraph mark deleted)."""
    lines = decode_report((DATA / "qingxi-2024-revisions.doc").read_bytes(), "revisions.doc").text.split("\n")
    assert "（一）经济运行稳中向好。地区生产总值增长6.1%，一般公共预算收入增长5.3%，规模以上工业增加值增长7.2%。" in lines
    assert not [line for line in lines if "4.8%" in line or "固定资产投资增长8%" in line]
    assert "（三）民生保障更加有力。新增城镇就业1.2万人，新建中小学校4所，新增养老床位600张。" in lines


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_a_text_box_in_a_paragraph_whose_mark_is_deleted_follows_the_whole_paragraph(suffix: str) -> None:
    """A paragraph whose mark a tracked change deletes runs on into the next, and the text box
    anchored in it follows the one paragraph they make, as Word shows it with the change
    accepted; in the .docx it came before (tests/data/doc/make.py, revised_text_box_docx)."""
    path = DATA / f"qingxi-2024-revisions-text-box{suffix}"
    lines = decode_report(path.read_bytes(), path.name).text.split("\n")
    [paragraph] = [index for index, line in enumerate(lines) if line.startswith("（三）民生保障更加有力。")]
    assert lines[paragraph] == "（三）民生保障更加有力。新增城镇就业1.2万人，新建中小学校4所，新增养老床位600张。"
    assert lines[paragraph + 1 : paragraph + 4] == _BOX_1


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_a_paragraph_whose_mark_is_deleted_before_a_table_stays_a_paragraph(suffix: str) -> None:
    """The paragraph before a table, its mark deleted with tracking (the .doc's sprmCFRMarkDel on
    the mark), cannot run on into the table: Word, accepting the change, keeps the mark, and
    LibreOffice's "accept all" keeps the paragraph (tests/data/doc/make.py, REVISED_TABLE). Both
    readers ran its text into the first cell."""
    path = DATA / f"qingxi-2024-revisions-table{suffix}"
    lines = decode_report(path.read_bytes(), path.name).text.split("\n")
    [paragraph] = [index for index, line in enumerate(lines) if line.startswith("2023年，全区主要经济指标")]
    assert lines[paragraph : paragraph + 2] == ["2023年，全区主要经济指标完成情况如下：", "指标\t单位\t计划目标\t完成情况"]


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_a_numbered_paragraph_whose_mark_ends_a_table_cell_keeps_its_number(suffix: str) -> None:
    """A cell's last paragraph mark is the cell's end, which no paragraph runs on past: Word,
    accepting its deletion, keeps the paragraph as it was, numbered (tests/data/doc/make.py,
    PROJECTS; the .doc's cell end is always kept). The .docx reader lost its number, and the
    projects after it were numbered one short."""
    path = DATA / f"qingxi-2024-revisions-numbered-cells{suffix}"
    lines = decode_report(path.read_bytes(), path.name).text.split("\n")
    [header] = [index for index, line in enumerate(lines) if line.startswith("重点项目")]
    assert lines[header + 1 : header + 4] == ["1.新能源汽车零部件产业园\t30", "2.城市更新片区\t25", "3.智慧物流园\t12"]


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_a_deleted_mark_in_a_cell_before_or_ending_a_table_inside_it_is_kept(suffix: str) -> None:
    """In a cell holding a table (NESTED, INNER), the paragraph over the inner table, its mark
    deleted, cannot run on into the inner table's first cell, and an inner cell's paragraph,
    its mark (the inner cell's end, a paragraph mark in a .doc) deleted, not into the next cell:
    Word keeps both marks, as the .docx reader does. The .doc reader, which knew a table from
    no table but not how deep in tables a paragraph is (sprmPItap), ran both on."""
    path = DATA / f"qingxi-2024-revisions-nested-table{suffix}"
    lines = decode_report(path.read_bytes(), path.name).text.split("\n")
    [header] = [index for index, line in enumerate(lines) if line == "指标\t完成情况"]
    assert lines[header + 1] == "社会消费品零售总额增速（%）\t分季度增速： 一季度 二季度 三季度 四季度 6.8 7.0 7.2 7.4"


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_a_text_box_a_tracked_change_deletes_is_not_read(suffix: str) -> None:
    """A text box deleted with tracking (its anchor run in `w:del`; LibreOffice's .doc marks its
    text deleted) is not in the report Word shows with the changes accepted: neither reads it."""
    path = DATA / f"qingxi-2024-revisions-text-box{suffix}"
    text = decode_report(path.read_bytes(), path.name).text
    assert "目标说明" not in text and "增速按可比价格计算" not in text


def test_a_text_box_deleted_at_its_anchor_is_not_read(tmp_path: Path) -> None:
    """Word writes the deletion of a text box on its anchor, the 0x08 in the main text, and not
    on the box's text (a story of its own): a box whose anchor is deleted is not read, as the
    .docx reader reads no box in a `w:del`. The box was read, only its anchor left out."""
    path = tmp_path / "revisions-text-box.doc"
    path.write_bytes(doc_fixture.text_box_deleted_at_its_anchor())
    read = doc_fixture.CharacterRuns(path)
    deleted = [cp for cp, (char, fc) in enumerate(read.document.chars) if read.document.formats.at(fc).deleted]
    assert "\x08" in {read.text[cp] for cp in deleted}
    assert not [cp for cp in deleted if read.text.index("专栏2") <= cp < read.text.index("增速按可比价格计算。")]
    text = decode_report(path.read_bytes(), path.name).text
    assert "目标说明" not in text and "增速按可比价格计算" not in text
    assert "专栏1　2023年民生实事" in text.split("\n")


_PICTURES_LEFT_OUT = (
    "left out {}: the document shows them as pictures, not text (an Excel sheet pasted as an object, a chart); "
    "see the raw file"
).format


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_pictures_the_report_shows_are_counted_in_a_warning(suffix: str) -> None:
    """Four pictures, one in the line and one floating kept, one of each deleted with tracking
    (tests/data/doc/make.py, PICTURES: the .doc's 0x01, and 0x08 anchoring a picture frame):
    the .docx reader counts the two the report shows; the .doc reader dropped them without a
    word. The hyperlink's 0x01, in its field's instruction, is no picture."""
    path = DATA / f"qingxi-2024-pictures{suffix}"
    notes = decode_report(path.read_bytes(), path.name).notes
    assert [note for note in notes if "as pictures" in note] == [_PICTURES_LEFT_OUT("2 pictures")]


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_a_picture_grouped_with_text_boxes_is_counted_and_the_boxes_not(suffix: str) -> None:
    """The group of two text boxes and a picture (grouped_text_boxes_docx) shows one picture: the
    .doc's anchor names the group, whose shapes the drawing lists (a picture frame, two boxes;
    LibreOffice's frames beside it are boxes too)."""
    path = DATA / f"qingxi-2024-grouped-text-boxes{suffix}"
    notes = decode_report(path.read_bytes(), path.name).notes
    assert [note for note in notes if "as pictures" in note] == [_PICTURES_LEFT_OUT("1 picture")]


def test_an_object_pasted_in_is_named_by_its_field() -> None:
    """A .doc holds an object pasted in (an Excel sheet, a chart) as an `EMBED` field whose
    result is its picture (0x01): named as the .docx reader names an OLE object or a chart. A
    0x01 in a field's instruction (a hyperlink's data) is none."""
    chars = [
        (char, 2 * index)
        for index, char in enumerate(
            "\x13 EMBED Excel.Sheet.8 \x14\x01\x15\x13 EMBED MSGraph.Chart.8 \x14\x01\x15"
            '\x13 HYPERLINK "http://a.cn"\x01\x14网站\x15\x01\r'
        )
    ]
    formats = doc._Runs(b"", b"", 1, doc._format, doc._Format())
    objects: list[doc._Object] = []
    assert "".join(char for char, _, _, _ in doc._visible(chars, formats, objects=objects)) == "网站\r"
    assert doc._pictures(objects, {}) == {"embedded object": 1, "chart": 1, "picture": 1}


def test_hidden_text_is_left_out_with_a_warning() -> None:
    """Text formatted as hidden (sprmCFVanish), a note for the authors Word neither shows nor
    prints, is not read, and a warning names it, as the .docx reader's does."""
    read = decode_report((DATA / "qingxi-2024-revisions.doc").read_bytes(), "revisions.doc")
    assert "绿地面积待住建局核实" not in read.text
    assert any(line.endswith("完成老旧小区改造38个，新增公园绿地15万平方米。") for line in read.text.split("\n"))
    assert [note for note in read.notes if "hidden" in note] == [
        "left out 1 run of text formatted as hidden, which Word neither shows nor prints "
        "(“（绿地面积待住建局核实）”); see the raw file"
    ]


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_a_text_box_anchored_in_hidden_text_is_not_read(suffix: str) -> None:
    """Word neither shows nor prints hidden text, nor a text box anchored in it (tests/data/doc/
    make.py, HIDDEN_BOXES: the first box's anchor run `w:vanish`, its 0x08 fVanish); both
    readers read the box. The second box is read without the run of hidden text it holds."""
    path = DATA / f"qingxi-2024-hidden-text-boxes{suffix}"
    lines = decode_report(path.read_bytes(), path.name).text.split("\n")
    assert not set(_BOX_1) & set(lines)
    [box] = [index for index, line in enumerate(lines) if line.startswith("专栏2")]
    assert lines[box - 1 : box + 3] == ["2.办好人民满意的教育。新建改扩建中小学校3所，新增学位4000个。", *_BOX_2, ""]


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_hidden_text_in_and_around_text_boxes_is_warned_once(suffix: str) -> None:
    """The warning quotes each run of hidden text once, a hidden anchor with the text of its box:
    the .docx reader counted the box's hidden run twice (in the drawing and its legacy copy) and
    quoted the anchor's box; the .doc reader looked for hidden text in the main text only."""
    path = DATA / f"qingxi-2024-hidden-text-boxes{suffix}"
    notes = decode_report(path.read_bytes(), path.name).notes
    assert [note for note in notes if "hidden" in note] == [
        "left out 2 runs of text formatted as hidden, which Word neither shows nor prints "
        "(“专栏1\u30002023年民生实事1.新建中小学校4所。2.新增养老…”); see the raw file"
    ]


def test_a_table_of_contents_is_left_out() -> None:
    """The table of contents Word generates (a TOC field, its result the headings with their page
    numbers, each a HYPERLINK field) and the `目　录` line over it are left out, as the .docx
    reader leaves them out: read, they would put each heading in the text twice, and the front
    block would run on into them (tests/data/doc/make.py, contents_docx)."""
    read = decode_report((DATA / "qingxi-2024-contents.doc").read_bytes(), "contents.doc")
    lines = read.text.split("\n")
    assert lines[2:4] == ["区长　王明", "各位代表："]
    assert lines.count("一、2023年工作回顾") == 1
    assert not [line for line in lines if "目　录" in line or line.endswith("\t1") or line.endswith("\t2")]
    assert [note for note in read.notes if "table of contents" in note] == [
        "dropped the table of contents Word generates (4 lines, from “一、2023年工作回顾 1”): not report text; "
        "the raw file keeps it"
    ]


def test_a_table_of_contents_without_its_heading_reads_as_the_docx() -> None:
    """A table of contents inserted without a `目录` line over it (Word's Custom Table of
    Contents) is no contents the normaliser knows by its text; the TOC field says what it is, so
    the .doc still reads to the blocks of the .docx (whose `目　录` the .docx reader drops), not
    with its entries as a table under the speaker line."""
    data = _replace_text(DATA / "qingxi-2024-contents.doc", "目\u3000录", "\u3000\u3000\u3000")
    found = differences(_normalized(DATA / "qingxi-2024-contents.docx"), normalize_raw(decode_report(data, "c.doc")))
    assert found.total() == 0, found.examples


def test_a_field_inside_an_instruction_shows_nothing() -> None:
    """A field nested in another field's instruction (an IF's condition holding a REF) is part of
    the instruction: neither its result nor the instruction is read, only the outer result."""
    chars = [(char, 2 * index) for index, char in enumerate("前\x13IF \x13REF a\x14甲\x15 = 1\x14乙\x15后\r")]
    formats = doc._Runs(b"", b"", 1, doc._format, doc._Format())
    assert "".join(char for char, _, _, _ in doc._visible(chars, formats)) == "前乙后\r"

"""A report as a PDF-to-text converter leaves it: lines cut at 38 characters wherever they fall
(after a `。`, inside `C919` and `18.2%`), a page number and the running head `政府工作报告`
between pages, mid-sentence; paragraphs opening with an indent; `,` `:` `;` half-width here and there.

The fixture (tests/data/extracts/2016-hard-wrapped.txt) is lines 22, 24 and 58 of
wikisource/2016.txt laid out that way; the paragraphs must come back exactly as Wikisource prints
them — the expected text is the source's own lines, not the tool's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.normalize.entry import normalize_file, normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.text import wrapping
from corpusdiff.text.wrapping import hard_wrap
from corpusdiff.types.document import Heading, Paragraph

DATA = Path(__file__).parent.parent / "data"
EXTRACT = DATA / "extracts" / "2016-hard-wrapped.txt"
SOURCE = DATA / "national-gwr" / "wikisource" / "2016.txt"


def test_hard_wrapped_paragraphs_come_back_whole() -> None:
    source = SOURCE.read_text(encoding="utf-8").split("\n")
    document = normalize_file(EXTRACT)
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[paragraphs.index("各位代表：") + 1 :] == [source[21], source[23], source[57]]


def test_one_paragraph_a_line_is_not_hard_wrapped() -> None:
    assert hard_wrap(SOURCE.read_text(encoding="utf-8").split("\n")) is None
    assert hard_wrap(EXTRACT.read_text(encoding="utf-8").split("\n")) is not None


def test_each_line_is_measured_in_columns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Telling the wrap measures every line's display width once (it measured each twice)."""
    lines = EXTRACT.read_text(encoding="utf-8").split("\n")
    measured: list[str] = []
    real_columns = wrapping.display_width

    def counting_columns(text: str) -> int:
        measured.append(text)
        return real_columns(text)

    monkeypatch.setattr(wrapping, "display_width", counting_columns)
    assert hard_wrap(lines) is not None
    assert len(measured) == sum(1 for line in lines if line.strip())


def test_a_dash_item_after_a_full_line_starts_its_own_paragraph() -> None:
    # lines 12-24 of wikisource/2016.txt wrapped at 41: paragraphs indented, the —— items not; the
    # item of line 18 ends on a full line with 。, and the item of line 20 follows unindented
    source = SOURCE.read_text(encoding="utf-8").split("\n")
    document = normalize_file(DATA / "extracts" / "2016-items-wrapped.txt")
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    expected = [source[n - 1] for n in (12, 14, 16, 18, 20, 22, 24)]
    assert paragraphs[paragraphs.index("各位代表：") + 1 :] == expected


def test_pdftotext_page_numbers_at_form_feeds_are_dropped() -> None:
    # the same extract as pdftotext writes it: GBK, CRLF, a bare page number over a form feed
    raw = (DATA / "extracts" / "2016-pdftotext-gbk.txt").read_bytes()
    assert b"\f" in raw and b"\r\n" in raw
    source = SOURCE.read_text(encoding="utf-8").split("\n")
    document = normalize_file(DATA / "extracts" / "2016-pdftotext-gbk.txt")
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[paragraphs.index("各位代表：") + 1 :] == [source[21], source[23], source[57]]


def test_a_running_head_over_the_title_on_the_first_page_is_no_text_of_the_report() -> None:
    """pdftotext -layout's output of a PDF of wikisource/2022.txt set as portal PDFs are (title
    centred, paragraphs indented two characters and justified, 政府工作报告 over every page, a
    page number under it): its first three pages. The running head stands over the title on the
    first page too, so the title is the second line, and the head may not run into the occasion
    line and the byline, nor into the paragraphs at the page breaks."""
    document = normalize_file(DATA / "extracts" / "2022-pdftotext-layout.txt")
    assert (document.metadata.title, document.metadata.speaker) == ("政府工作报告", "李克强")
    assert not any("no title line" in warning for warning in document.warnings)
    texts = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert not any("政府工作报告" in text for text in texts)
    source = normalize_file(SOURCE.with_name("2022.txt"))
    expected = "".join(block.text for block in source.blocks if isinstance(block, Paragraph))
    # the excerpt ends within a paragraph that goes on on page 4; the PDF was set with each run-in
    # 一是…。 line as a paragraph of its own, where the text (as the portal) runs its account on
    assert expected.startswith("".join(texts))
    assert len(texts) >= 20


def test_a_line_like_the_running_head_inside_a_page_is_report_text() -> None:
    """The running head `政府工作报告` is dropped where it stands at a page break; the same words
    standing alone between two paragraphs in the middle of page 1 (as a part title would) are no
    page furniture but the report's text, and stay where they are. The fixture is the extract with
    that line put before the paragraph `回顾过去一年…`, which opens above the page number `— 1 —`."""
    extract = EXTRACT.read_text(encoding="utf-8").split("\n")
    lines = (DATA / "extracts" / "2016-head-mid-page.txt").read_text(encoding="utf-8").split("\n")
    mid_page = lines.index("政府工作报告")
    assert lines[: mid_page - 1] + lines[mid_page + 2 :] == extract
    assert "— 1 —" in lines[mid_page:]
    document = normalize_file(DATA / "extracts" / "2016-head-mid-page.txt")
    texts = [block.text for block in document.blocks if isinstance(block, (Paragraph, Heading))]
    source = SOURCE.read_text(encoding="utf-8").split("\n")
    assert texts[texts.index("各位代表：") + 1 :] == [source[21], "政府工作报告", source[23], source[57]]


def test_a_browser_copy_without_form_feeds_loses_its_page_numbers() -> None:
    """A PDF copied out of a browser: no form feed, each page's number a bare `12` line and the
    running head after it, mid-sentence (tests/data/extracts/2019-browser-copy.txt: lines 26–44
    of wikisource/2019.txt cut at 38 characters, a page every 20 lines)."""
    source = [line for line in (SOURCE.parent / "2019.txt").read_text(encoding="utf-8").split("\n")[25:45] if line]
    document = normalize_file(EXTRACT.parent / "2019-browser-copy.txt")
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[paragraphs.index("各位代表：") + 1 :] == source


@pytest.mark.parametrize("after", ["。", "。坚持以市场化改革的思路和办法破解发展难题。"])
def test_a_line_break_before_the_stop_of_a_heading_leaves_no_paragraph_of_a_stop(after: str) -> None:
    """A converter that breaks a line before a full stop (`…合理区间` / `。`, wikisource/2019.txt
    line 92) puts the heading's stop on a line of its own: it goes as the heading's stop goes
    (rule 5), and what follows it on that line opens the heading's first paragraph."""
    text = "\n".join(
        ["各位代表：", "（一）继续创新和完善宏观调控，确保经济运行在合理区间", after, "发挥好宏观政策逆周期调节作用。"]
    )
    raw = RawReport(text=text, name="2019.txt", sha256="0" * 64, encoding="utf-8", size=len(text))
    blocks = normalize_raw(raw).blocks
    heading = next(i for i, b in enumerate(blocks) if isinstance(b, Heading))
    assert blocks[heading].text == "（一）继续创新和完善宏观调控，确保经济运行在合理区间"
    body = [after[1:], "发挥好宏观政策逆周期调节作用。"]
    assert blocks[heading + 1 :] == tuple(Paragraph(text) for text in body if text)


@pytest.mark.parametrize("separator", ["\x0b", "\u2028", "\u2029", "\x85"])
def test_line_breaks_other_than_lf_break_lines(separator: str) -> None:
    """Word's manual line break copied out as a vertical tab, and the Unicode line and paragraph
    separators of text copied from web pages and apps, are line breaks: the heading stays apart
    from its paragraph."""
    text = separator.join(["各位代表：", "一、2019年工作回顾", "过去一年是本届政府依法履职的第一年。"])
    raw = RawReport(text=text, name="2019.txt", sha256="0" * 64, encoding="utf-8", size=len(text))
    blocks = normalize_raw(raw).blocks
    assert Heading("一、2019年工作回顾", "cn") in blocks
    assert Paragraph("过去一年是本届政府依法履职的第一年。") in blocks


def test_a_running_head_with_its_page_number_on_one_line_goes() -> None:
    """The browser copy's pages with the head and number on one line, as `pdftotext -layout`
    sets a header: the paragraphs come back whole, no head inside them."""
    lines = (EXTRACT.parent / "2019-browser-copy.txt").read_text(encoding="utf-8").split("\n")
    merged: list[str] = []
    for line in lines:
        if line.isdigit():
            merged.append(f"政府工作报告                              {line}")
        elif line != "政府工作报告" or not merged or not merged[-1].startswith("政府工作报告 "):
            merged.append(line)
    text = "\n".join(merged)
    raw = RawReport(text=text, name="2019.txt", sha256="0" * 64, encoding="utf-8", size=len(text))
    source = [line for line in (SOURCE.parent / "2019.txt").read_text(encoding="utf-8").split("\n")[25:45] if line]
    paragraphs = [b.text for b in normalize_raw(raw).blocks if isinstance(b, Paragraph)]
    assert paragraphs[paragraphs.index("各位代表：") + 1 :] == source


def test_wrapped_text_without_indents_says_where_paragraphs_are_doubtful() -> None:
    """Without indents a full line ending a sentence may end a paragraph or only a line: the
    reader is told, with what to give instead; with indents (the fixture) nothing is said."""
    lines = [line.lstrip("\u3000") for line in (EXTRACT.parent / "2019-browser-copy.txt").read_text(encoding="utf-8").split("\n")]
    text = "\n".join(lines)
    raw = RawReport(text=text, name="2019.txt", sha256="0" * 64, encoding="utf-8", size=len(text))
    warnings = [w for w in normalize_raw(raw).warnings if "without an indent" in w]
    assert len(warnings) == 1 and "wrapped at 38 characters" in warnings[0] and "pdftotext -layout" in warnings[0]
    assert not [w for w in normalize_file(EXTRACT.parent / "2019-browser-copy.txt").warnings if "indent" in w]


def test_the_rows_of_a_table_are_no_wrap_of_the_text() -> None:
    """An extract with a paragraph a line and an indicator table of rows of one width: the rows
    made that width the text's wrap, so the byline under the occasion line, longer than it, ran
    into that line as its wrap."""
    rows = [f"{n}\t第{n}项主要指标名称示例\t%\t{n}.5\t{n}左右" for n in range(10, 40)]
    text = "\n".join(
        [
            "关于成都市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告",
            "",
            "——2024年1月20日在成都市第十八届人民代表大会第三次会议上",
            "成都市发展和改革委员会",
            "",
            "各位代表：",
            "　　受市人民政府委托，现将计划草案提请审议。",
            "　　一、2023年计划执行情况",
            "　　全年经济运行稳中向好，主要指标完成情况好于预期。",
            "",
            *rows,
        ]
    )
    assert hard_wrap(text.split("\n")) is None
    raw = RawReport(text=text, name="plan.pdf", sha256="0" * 64, encoding="utf-8", size=len(text), format="pdf")
    paragraphs = [block.text for block in normalize_raw(raw).blocks if isinstance(block, Paragraph)]
    assert paragraphs[:2] == ["——2024年1月20日在成都市第十八届人民代表大会第三次会议上", "成都市发展和改革委员会"]


def test_a_numeral_the_wrap_cut_from_a_word_opens_no_heading() -> None:
    """Lines 105, 108, 257, 259 and 261 of wikisource/2014.txt cut at 37 characters: the wrap cut
    统一 after 统, so a line opens `一、推进中外人文交流…` right under a full line, mid-sentence,
    in section 三. It read as a heading 一、 restarting the sequence; it is the paragraph's text."""
    source = (SOURCE.parent / "2014.txt").read_text(encoding="utf-8").split("\n")
    document = normalize_file(DATA / "extracts" / "2014-numeral-cut-by-wrap.txt")
    texts = [block.text for block in document.blocks if isinstance(block, Paragraph | Heading)]
    assert texts[texts.index("各位代表：") + 1 :] == [source[n - 1] for n in (105, 108, 257, 259, 261)]


def test_an_appendix_title_the_wrap_cut_is_one_heading() -> None:
    """Seed 002's last items and its appendix wrapped at 37 characters as a PDF dump is: the
    appendix title fills a line and ends on the next (`…和2022年主要目标` / `建议表`). The
    heading was the first line alone and `建议表` a paragraph; the title is the seed's lines
    1035 and 1037 (the seed wraps it after `2022`, a digit, which the title always went on from)."""
    seed = (Path(__file__).parents[2] / "seeds" / "futian-2022-01-plan-report.txt").read_text(encoding="utf-8")
    document = normalize_file(DATA / "extracts" / "2022-plan-appendix-title-wrapped.txt")
    appendix = [block.text for block in document.blocks if isinstance(block, Heading) and block.kind == "appendix"]
    lines = seed.split("\n")
    assert appendix == [lines[1034].strip() + lines[1036].strip()]
    assert "建议表" not in [block.text for block in document.blocks if isinstance(block, Paragraph)]

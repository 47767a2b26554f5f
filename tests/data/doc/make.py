"""Write the .docx fixtures of this folder and convert each to Word 97-2003 .doc (README.md).

Run from the repository root: `.venv/bin/python tests/data/doc/make.py [SOFFICE [NAME …]]` (needs
LibreOffice's `soffice` to convert; the tests never do)."""

from __future__ import annotations

import itertools
import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository, for tests.read.docx_fixture
#: A line `|a|b|c|` is a table row (`/` parts a cell's paragraphs); `@before@link@url@after` a paragraph
#: holding a hyperlink; `^` opens a paragraph with a page break; `~` a line alone ends a section.
GWR = """青溪区政府工作报告
——2024年1月10日在青溪区第八届人民代表大会第四次会议上
区长　王明
各位代表：
现在，我代表区人民政府，向大会报告工作，请予审议，并请区政协委员和其他列席人员提出意见。
一、2023年工作回顾
过去一年，我们坚持稳中求进工作总基调，全区经济社会发展取得新成效。
（一）经济运行稳中向好。地区生产总值增长6.1%，一般公共预算收入增长5.3%，规模以上工业增加值增长7.2%。
（二）城乡面貌持续改善。新建改造城市道路12条，完成老旧小区改造38个，新增公园绿地15万平方米。
（三）民生保障更加有力。新增城镇就业1.2万人，新建中小学校4所，新增养老床位600张。
~
^二、2024年主要目标和任务
今年经济社会发展的主要预期目标是：
——地区生产总值增长6%左右；
——一般公共预算收入增长5%；
——城镇调查失业率控制在5.5%以内；
——居民人均可支配收入增长与经济增长同步。
|指标|2023年完成|2024年目标|
|地区生产总值增速|6.1%|6%左右|
|一般公共预算收入增速|5.3%|5%|
（一）推动产业转型升级。
1.培育先进制造业集群。加快建设新能源汽车零部件产业园，力争规模以上工业增加值增长7%。
2.加快发展现代服务业。推动现代物流、科技服务集聚发展，服务业增加值增长6.5%。
（二）持续增进民生福祉。
1.稳定和扩大就业。实施高校毕业生就业促进行动，新增城镇就业1万人以上。
2.办好人民满意的教育。新建改扩建中小学校3所，新增学位4000个。
@报告全文及名词解释详见@青溪区人民政府门户网站@http://www.qingxi.gov.cn/zwgk/gzbg/@。
各位代表！让我们团结一心、真抓实干，为建设现代化新青溪而努力奋斗！
"""
PLAN = """关于青溪区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告
——2024年1月10日在青溪区第八届人民代表大会第四次会议上
区发展和改革局局长　李华
各位代表：
受区人民政府委托，现将青溪区2023年国民经济和社会发展计划执行情况与2024年计划草案提请大会审议，并请区政协委员和其他列席人员提出意见。
一、2023年国民经济和社会发展计划执行情况
2023年，全区主要经济指标完成情况如下：
|指标|单位|计划目标|完成情况|
|地区生产总值增速|%|6|6.1|
|固定资产投资增速|%|8||
|社会消费品零售总额增速|%|7|7.4/（快报数）|
（一）重大项目建设加快推进。全年实施区级重点项目86个，完成投资152亿元。
（二）营商环境持续优化。新增经营主体6800户，政务服务事项网上可办率达到98%。
二、2024年国民经济和社会发展计划草案
2024年全区经济社会发展的主要预期目标是：
——地区生产总值增长6%左右；
——固定资产投资增长7%；
——单位地区生产总值能耗下降完成市下达任务。
（一）扩大有效投资。
1.抓好重点项目建设。安排区级重点项目90个，年度计划投资160亿元。
2.用好专项债券资金。加快债券资金使用进度，尽早形成实物工作量。
（二）促进消费持续恢复。
1.办好促消费活动。全年举办促消费活动30场以上。
2.发展夜间经济。打造特色街区3条，社会消费品零售总额增长7%。
以上报告，请予审议。
"""


def _hyperlink(paragraph: docx.text.paragraph.Paragraph, text: str, url: str) -> None:
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    node = OxmlElement("w:t")
    node.text = text
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def _table(document: docx.document.Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for cells, row in zip(rows, table.rows, strict=True):
        for text, cell in zip(cells, row.cells, strict=True):
            first, *more = text.split("/")
            cell.text = first
            for paragraph in more:
                cell.add_paragraph(paragraph)


def _page_number(document: docx.document.Document) -> None:
    """A page number in the footer: a PAGE field, as offices set their reports."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, instruction in (("begin", ""), ("", " PAGE "), ("separate", ""), ("", "1"), ("end", "")):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif instruction.strip() == "PAGE":
            code = OxmlElement("w:instrText")
            code.text = instruction
            run._r.append(code)
        else:
            run.text = instruction


def report_docx(text: str) -> docx.document.Document:
    """The report as offices write it: the title centred and bold, the occasion and speaker
    centred, body paragraphs indented two characters."""
    document = docx.Document()
    rows: list[list[str]] = []
    for index, line in enumerate(text.strip("\n").split("\n")):
        if line.startswith("|"):
            rows.append(line[1:-1].split("|"))
            continue
        if rows:
            _table(document, rows)
            rows = []
        if line == "~":
            document.add_section(WD_SECTION.NEW_PAGE)
            continue
        paragraph = document.add_paragraph()
        if line.startswith("^"):
            paragraph.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
            line = line[1:]
        if line.startswith("@"):
            before, label, url, after = line[1:].split("@")
            paragraph.add_run(before)
            _hyperlink(paragraph, label, url)
            paragraph.add_run(after)
        else:
            run = paragraph.add_run(line)
            run.bold = index == 0
            run.font.size = Pt(22 if index == 0 else 16)
        if index < 3:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            paragraph.paragraph_format.first_line_indent = Pt(32)
    _page_number(document)
    return document


def numbered_docx(text: str) -> bytes:
    """The report's opening, its `一、` and `（一）` made by Word's automatic numbering (not typed),
    with a footnote and an endnote."""
    from tests.read.docx_fixture import seed_docx

    with tempfile.TemporaryDirectory() as folder:
        seed = Path(folder) / "opening.txt"
        seed.write_text("\n".join(text.split("\n")[:10]) + "\n", encoding="utf-8")
        return _with_notes(seed_docx(seed, numbering=True))


_NOTES = {
    "footnote": ("经济运行稳中向好。", "本报告中2023年数据为快报数。"),
    "endnote": ("民生保障更加有力。", "名词解释：城镇调查失业率，指城镇常住人口中失业人员的比重。"),
}
_NOTE_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}s+xml"
_NOTE_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}s"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _with_notes(data: bytes) -> bytes:
    """The .docx with each of `_NOTES`: a note referenced after the paragraph opening with its
    text, in its part (with the separators Word writes), related and typed as Word has it."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: source.read(name) for name in source.namelist()}
    rels = "word/_rels/document.xml.rels"
    text = {name: parts[name].decode("utf-8") for name in ("word/document.xml", "[Content_Types].xml", rels)}
    for kind, (anchor, note) in _NOTES.items():
        at = text["word/document.xml"].index(anchor)
        end = text["word/document.xml"].index("</w:p>", at)
        reference = f'<w:r><w:{kind}Reference w:id="1"/></w:r>'
        text["word/document.xml"] = text["word/document.xml"][:end] + reference + text["word/document.xml"][end:]
        text[f"word/{kind}s.xml"] = (
            f'<w:{kind}s {_W}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            f'</w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
            f'</w:r></w:p></w:{kind}><w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r>'
            f'<w:t xml:space="preserve"> {note}</w:t></w:r></w:p></w:{kind}></w:{kind}s>'
        )
        text["[Content_Types].xml"] = text["[Content_Types].xml"].replace(
            "</Types>", f'<Override PartName="/word/{kind}s.xml" ContentType="{_NOTE_TYPES.format(kind)}"/></Types>'
        )
        text[rels] = text[rels].replace(
            "</Relationships>",
            f'<Relationship Id="rIdNote{kind}" Type="{_NOTE_RELATION.format(kind)}" Target="{kind}s.xml"/>'
            "</Relationships>",
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in {**parts, **{name: value.encode("utf-8") for name, value in text.items()}}.items():
            archive.writestr(name, blob)
    return buffer.getvalue()


#: The work report as circulated for comment, in a markup of its own: `[-…-]` text a tracked
#: change deletes, `{+…+}` text it inserts, `{{…}}` text formatted hidden, a line ending in `¶` a
#: paragraph whose mark is deleted (it runs on into the next), a line in `[-…-]` a deleted paragraph.
REVISED = (
    GWR.replace("一般公共预算收入增长5.3%", "一般公共预算收入增长[-4.8%-]{+5.3%+}")
    .replace("新增公园绿地15万平方米。", "新增公园绿地15万平方米。{{（绿地面积待住建局核实）}}")
    .replace("取得新成效。\n", "取得新成效。\n[-全年固定资产投资增长8%，其中工业投资增长12%。-]\n")
    .replace("新增城镇就业1.2万人，", "新增城镇就业1.2万人，¶\n")
)
_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_REVISION = 'w:id="{}" w:author="审稿人" w:date="2024-01-05T09:00:00Z"'
_MARKUP = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}|\{\{(.*?)\}\}|([^[{]+)")


def revised_docx(text: str) -> docx.document.Document:
    """The report with the tracked changes and hidden text of the `REVISED` markup, as Word
    writes them (`w:del`, `w:ins`, `w:vanish`; a deleted paragraph mark in `w:pPr/w:rPr`)."""
    plain = re.sub(r"\[-|-\]|\{\+|\+\}|\{\{|\}\}|¶", "", text)
    document = report_docx(plain)
    marked = [line for line in text.strip("\n").split("\n") if not line.startswith("|")]  # `~` is a paragraph too
    revision = itertools.count(100)
    for paragraph, line in zip(document.paragraphs, marked, strict=True):
        if not re.search(r"\[-|\{\+|\{\{|¶", line):
            continue
        for run in list(paragraph.runs):
            paragraph._p.remove(run._r)
        if line.endswith("¶") or (line.startswith("[-") and line.endswith("-]")):
            properties = paragraph._p.get_or_add_pPr()
            properties.append(parse_xml(f'<w:rPr {_W_NS}><w:del {_REVISION.format(next(revision))}/></w:rPr>'))
        for deleted, inserted, hidden, kept in _MARKUP.findall(line.rstrip("¶")):
            if deleted:
                xml = f'<w:del {_REVISION.format(next(revision))}><w:r><w:delText>{deleted}</w:delText></w:r></w:del>'
            elif inserted:
                xml = f'<w:ins {_REVISION.format(next(revision))}><w:r><w:t>{inserted}</w:t></w:r></w:ins>'
            elif hidden:
                xml = f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{hidden}</w:t></w:r>"
            else:
                xml = f"<w:r><w:t>{kept}</w:t></w:r>"
            paragraph._p.append(parse_xml(_in_namespace(xml)))
    return document


def _in_namespace(xml: str) -> str:
    """The element with the WordprocessingML namespace declared on it, for lxml to parse alone."""
    return re.sub(r"^<([\w:]+)", rf"<\1 {_W_NS}", xml, count=1)


#: The paragraph before the plan report's indicator table, and the plan report as circulated for
#: comment with that paragraph's last words (a note) and its mark deleted: accepted, it would run
#: on into the table's first cell, which no paragraph can.
BEFORE_TABLE = "2023年，全区主要经济指标完成情况如下："
REVISED_TABLE = PLAN.replace(f"{BEFORE_TABLE}\n", f"{BEFORE_TABLE}[-（快报数）-]¶\n")


#: The entries of the work report's table of contents: level, heading, page.
_CONTENTS = ((1, "一、2023年工作回顾", 1), (2, "（一）经济运行稳中向好", 1), (1, "二、2024年主要目标和任务", 2))


def contents_docx(text: str) -> docx.document.Document:
    """The report with the table of contents Word inserts (References > Table of Contents) under
    its speaker line: a content control of the contents gallery holding the `目　录` line and a
    `TOC` field, whose result is the entries, each a hyperlink to its heading with its page
    number in a `PAGEREF` field, and whose end is a paragraph of its own, as Word writes them."""
    document = report_docx(text)
    control = [f'<w:sdt {_W_NS}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
               '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>',
               '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>目　录</w:t></w:r></w:p>']
    for index, (level, heading, page) in enumerate(_CONTENTS):
        begin = _field_start('TOC \\o "1-3" \\h \\z \\u') if index == 0 else ""
        indent = f'<w:pPr><w:ind w:left="{420 * (level - 1)}"/></w:pPr>'
        page_field = _field_start(f"PAGEREF _Toc{index} \\h") + f"<w:r><w:t>{page}</w:t></w:r>{_FIELD_END}"
        control.append(
            f'<w:p>{indent}{begin}<w:hyperlink w:anchor="_Toc{index}" w:history="1"><w:r><w:t>{heading}</w:t></w:r>'
            f"<w:r><w:tab/></w:r>{page_field}</w:hyperlink></w:p>"
        )
    control.append(f"<w:p>{_FIELD_END}</w:p></w:sdtContent></w:sdt>")
    document.paragraphs[2]._p.addnext(parse_xml("".join(control)))
    return document


_FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def _field_start(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


def style_numbered_docx(text: str) -> docx.document.Document:
    """The report's opening and its second part's first lines, its `一、` parts set in
    `Heading 1`, numbered by that style's list (the paragraphs name none), as Word numbers
    headings; the typed `一、` left out."""
    document = docx.Document()
    document.part.numbering_part.element.insert(0, parse_xml(
        f'<w:abstractNum {_W_NS} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/>'
        '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
    ))  # fmt: skip
    document.part.numbering_part.element.append(
        parse_xml(f'<w:num {_W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    document.styles["Heading 1"].element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {_W_NS}><w:numId w:val="90"/></w:numPr>')
    )
    lines = text.split("\n")
    for line in lines[:7] + lines[11:14]:
        part = re.match(r"\^?[一二]、", line)
        if part:
            document.add_paragraph(line[part.end() :], style="Heading 1")
        else:
            document.add_paragraph(line)
    return document


def style_numbered_levels_docx(text: str) -> docx.document.Document:
    """The report's first part, its `一、` set in `Heading 1` and its `（一）` in `Heading 2`,
    numbered by the first and second levels of a list the styles name (`Heading 2` its level
    too; the paragraphs name neither), as Word numbers headings; the typed numbers left out."""
    document = docx.Document()
    document.part.numbering_part.element.insert(0, parse_xml(
        f'<w:abstractNum {_W_NS} w:abstractNumId="91"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/>'
        '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:pStyle w:val="Heading2"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
    ))  # fmt: skip
    document.part.numbering_part.element.append(
        parse_xml(f'<w:num {_W_NS} w:numId="91"><w:abstractNumId w:val="91"/></w:num>')
    )
    for style, level in (("Heading 1", 0), ("Heading 2", 1)):
        document.styles[style].element.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {_W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>')
        )
    lines = text.split("\n")
    for line in [*lines[:10], lines[11].lstrip("^"), lines[12], lines[20]]:  # the second part's first group too
        numbered = re.match(r"[一二]、|（[一二三]）", line)
        if numbered:
            document.add_paragraph(line[numbered.end() :], style="Heading 1" if "、" in numbered[0] else "Heading 2")
        else:
            document.add_paragraph(line)
    return document


#: sprmPIlfo, a paragraph's list, and sprmPIlvl, its level; sprmPDyaAfter, its space after, and
#: sprmPFKeepFollow, keep with next (as headings are), of operands of the same sizes.
_SPRM_LIST, _SPRM_SPACE_AFTER = b"\x0b\x46", b"\x14\xa4"
_SPRM_LIST_LEVEL, _SPRM_KEEP_FOLLOW = b"\x0a\x26", b"\x06\x24"


def _numbered_by_style_only(path: Path) -> None:
    """LibreOffice writes the style's list (and level) on each paragraph too; Word names them in
    the style only. The paragraphs' own sprmPIlfo and sprmPIlvl (in the FKPs of WordDocument; the
    stylesheet is in the table stream) become a sprmPDyaAfter, a space after of as many twips,
    and a sprmPFKeepFollow, so only the style numbers them, as in Word's file. Only the headings
    name a list here."""
    from tests.read.doc_fixture import with_word_stream

    def change(stream: bytearray) -> None:
        assert _SPRM_LIST in stream
        stream[:] = stream.replace(_SPRM_LIST, _SPRM_SPACE_AFTER).replace(_SPRM_LIST_LEVEL, _SPRM_KEEP_FOLLOW)

    path.write_bytes(with_word_stream(change, path))


#: The 专栏 boxes of the work report, in text boxes: the paragraph each is anchored in, its paragraphs.
_BOXES = (
    ("（一）经济运行稳中向好。", ("专栏1　2023年民生实事", "1.新建中小学校4所。", "2.新增养老床位600张。")),
    ("地区生产总值增速", ("专栏2　目标说明", "增速按可比价格计算。")),
)
_DRAWING_NS = (
    f"{_W_NS} "
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def _text_box(paragraphs: tuple[str, ...], number: int, story: int = 0, seq: int = 0, last: bool = True) -> str:
    """A run holding a text box as Word writes it: a drawing anchored in the paragraph, and its
    legacy VML copy (`mc:Fallback`). A box of text box story `story` (Word's linked text boxes)
    holds the story's paragraphs when first (`seq` 0), and continues it when not: its drawing
    names the story (`wps:linkedTxbx`), its VML copy holds no text; each but the `last` names the
    next box (`mso-next-textbox`)."""
    inside = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    txbx = f"<wps:txbx><w:txbxContent>{inside}</w:txbxContent></wps:txbx>"
    textbox = f"<v:textbox><w:txbxContent>{inside}</w:txbxContent></v:textbox>"
    if story:
        following = "" if last else f' style="mso-next-textbox:#Text Box {number + 1}"'
        txbx = (
            f'<wps:linkedTxbx id="{story}" seq="{seq}"/>'
            if seq
            else f'<wps:txbx id="{story}"><w:txbxContent>{inside}</w:txbxContent></wps:txbx>'
        )
        textbox = f"<v:textbox{following}/>" if seq else f"<v:textbox{following}><w:txbxContent>{inside}</w:txbxContent></v:textbox>"
    return (
        f'<w:r {_DRAWING_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{number}" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>100000</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5000000" cy="1500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{number}" name="Text Box {number}"/><wp:cNvGraphicFramePr/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5000000" cy="1500000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"{txbx}<wps:bodyPr/></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape id="Text Box {number}" type="#_x0000_t202" style="position:absolute;width:393.7pt;height:118.1pt">'
        f"{textbox}</v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def text_boxes_docx(text: str) -> docx.document.Document:
    """The work report with its 专栏 boxes (`_BOXES`) in text boxes, one anchored at the end of a
    body paragraph, one in a table cell."""
    document = report_docx(text)
    cells = [paragraph for table in document.tables for row in table.rows for cell in row.cells for paragraph in cell.paragraphs]
    for number, (opening, paragraphs) in enumerate(_BOXES, 1):
        [anchor] = [paragraph for paragraph in [*document.paragraphs, *cells] if paragraph.text.startswith(opening)]
        anchor._p.append(parse_xml(_text_box(paragraphs, number)))
    return document


def revised_text_box_docx(text: str) -> docx.document.Document:
    """The report circulated for comment (`REVISED`) with the first 专栏 box of `_BOXES` in a text
    box anchored in the paragraph whose mark is deleted (it runs on into the next), and the second
    in a text box a tracked change deletes, anchored in the first group's paragraph."""
    document = revised_docx(text)
    [anchor] = [paragraph for paragraph in document.paragraphs if paragraph._p.find(qn("w:pPr") + "/" + qn("w:rPr") + "/" + qn("w:del")) is not None and paragraph.text.strip()]
    anchor._p.append(parse_xml(_text_box(_BOXES[0][1], 1)))
    [first] = [paragraph for paragraph in document.paragraphs if paragraph.text.startswith("（一）经济运行")]
    deleted = _text_box(_BOXES[1][1], 2).replace(f"<w:r {_DRAWING_NS}>", "<w:r>", 1)
    first._p.append(parse_xml(f"<w:del {_DRAWING_NS} {_REVISION.format(900)}>{deleted}</w:del>"))
    return document


def _mark_deleted_in_word(path: Path) -> None:
    """LibreOffice writes the deletion of the mark of a paragraph holding a text box on the box's
    first paragraph mark, and leaves the paragraph's own mark undeleted; Word deletes the
    paragraph's mark. The paragraph's mark, a run of its own, is given the character properties
    (CHPX) of a deleted run of its page (the deleted figure 4.8%), and the box's mark none."""
    from tests.read.doc_fixture import CharacterRuns, with_word_stream

    read = CharacterRuns(path)
    paragraph_mark = read.text.index("\r", read.text.index("新增城镇就业1.2万人，"))
    [box_mark] = [
        cp for cp in range(read.fib.text_boxes.start, read.fib.text_boxes.end)
        if read.text[cp] == "\r" and read.document.formats.at(read.document.chars[cp][1]).deleted
    ]  # fmt: skip

    def change(stream: bytearray) -> None:
        read.delete(stream, paragraph_mark)
        box, _ = read.offset_of(stream, box_mark)
        stream[box] = 0

    path.write_bytes(with_word_stream(change, path))


def _table_mark_deleted_in_word(path: Path, *openings: str) -> None:
    """LibreOffice drops the deletion of the mark of the paragraph before a table, or ending a
    cell (it cannot show one: the document it opens has no change there) and writes the mark
    undeleted; Word writes it deleted. The mark of each paragraph `openings` start (the one
    before the table by default), a run of its own, is given the character properties (CHPX) of
    the first deleted run of its page (the paragraph's deleted note)."""
    from tests.read.doc_fixture import CharacterRuns, with_word_stream

    read = CharacterRuns(path)
    marks = [read.text.index("\r", read.text.index(opening)) for opening in openings or (BEFORE_TABLE,)]

    def change(stream: bytearray) -> None:
        for mark in marks:
            read.delete(stream, mark)

    path.write_bytes(with_word_stream(change, path))



#: The openings of the paragraphs the 专栏 boxes of `_BOXES` are anchored in, in the work report
#: with hidden text in and around them: the first box's anchor formatted hidden, the second box
#: holding a run of hidden text (`{{…}}`).
HIDDEN_BOXES = (
    ("（一）经济运行稳中向好。", _BOXES[0][1]),
    ("2.办好人民满意的教育。", (_BOXES[1][1][0], f"{_BOXES[1][1][1]}{{{{（口径待统计局确认）}}}}")),
)


def hidden_text_boxes_docx(text: str) -> docx.document.Document:
    """The work report with the 专栏 boxes of `HIDDEN_BOXES` in text boxes: the first anchored in a
    run formatted hidden (`w:vanish`), which Word neither shows nor prints with what it anchors;
    the second anchored in a shown run, holding a run of hidden text."""
    document = report_docx(text)
    for number, (opening, paragraphs) in enumerate(HIDDEN_BOXES, 1):
        [anchor] = [paragraph for paragraph in document.paragraphs if paragraph.text.startswith(opening)]
        run = _text_box(paragraphs, number)
        run = run.replace("{{", "</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>").replace("}}", "</w:t></w:r><w:r><w:t>")
        if number == 1:
            run = run.replace(f"<w:r {_DRAWING_NS}>", f"<w:r {_DRAWING_NS}><w:rPr><w:vanish/></w:rPr>", 1)
        anchor._p.append(parse_xml(run))
    return document


def _anchor_hidden_in_word(path: Path) -> None:
    """LibreOffice drops the hidden formatting of a text box's anchor (the anchors of the box and
    of the empty box it writes beside it, 0x08 each, are written shown); Word writes the anchor
    hidden. The anchors in the paragraph of the first box of `HIDDEN_BOXES` (the only anchors of
    their page of character properties: the second box is anchored pages of them later) are
    formatted hidden (`CharacterRuns.hide`)."""
    from tests.read.doc_fixture import CharacterRuns, with_word_stream

    read = CharacterRuns(path)
    start = read.text.index(HIDDEN_BOXES[0][0])
    anchors = [cp for cp in range(start, read.text.index("\r", start)) if read.text[cp] == "\x08"]
    path.write_bytes(with_word_stream(lambda stream: read.hide(stream, anchors), path))

#: A 专栏 box whose text flows through three linked text boxes (one text box story), anchored in
#: the work report's three groups of its first part: the paragraph each box is anchored in, the story.
_CHAINED = (
    ("（一）经济运行稳中向好。", "（二）城乡面貌持续改善。", "（三）民生保障更加有力。"),
    ("专栏1　2023年民生实事", "1.新建中小学校4所。", "2.新增养老床位600张。", "3.完成老旧小区改造38个。"),
)


def chained_text_boxes_docx(text: str) -> docx.document.Document:
    """The work report with the 专栏 box `_CHAINED` in linked text boxes, as Word writes them: the
    first box holds the story, the two after it continue it."""
    document = report_docx(text)
    openings, story = _CHAINED
    for seq, opening in enumerate(openings):
        [anchor] = [paragraph for paragraph in document.paragraphs if paragraph.text.startswith(opening)]
        anchor._p.append(parse_xml(_text_box(story, seq + 1, story=1, seq=seq, last=seq == len(openings) - 1)))
    return document


#: In a .doc's FIB: fcPlcftxbxTxt, where each text box story's text starts (an FTXBXS each: cTxbx,
#: the number of boxes its text flows through, first).
_PLCF_TXBX_TXT, _FTXBXS = 0x025A, 22


def _chained_in_word(path: Path) -> None:
    """LibreOffice writes the story of linked text boxes in the first box and leaves the boxes
    after it unlinked (a box each, with no text); Word writes the one story as flowing through
    all three: its FTXBXS counts them (cTxbx)."""
    import olefile

    from tests.read.doc_fixture import with_word_stream

    with olefile.OleFileIO(str(path)) as ole:
        word = ole.openstream("WordDocument").read()
    fc, lcb = struct.unpack_from("<2I", word, _PLCF_TXBX_TXT)
    count = (lcb - 4) // (4 + _FTXBXS)

    def change(table: bytearray) -> None:
        cps = struct.unpack_from(f"<{count + 1}I", table, fc)
        longest = max(range(count), key=lambda index: cps[index + 1] - cps[index])
        struct.pack_into("<I", table, fc + 4 * (count + 1) + _FTXBXS * longest, len(_CHAINED[0]))

    path.write_bytes(with_word_stream(change, path, "1Table"))


#: A 专栏 box as two text boxes grouped with a picture (a figure beside them), anchored in the work
#: report's first group: the paragraph the group is anchored in, each box's paragraphs.
_GROUPED = (
    "（一）经济运行稳中向好。",
    (("专栏1　2023年民生实事", "1.新建中小学校4所。"), ("2.新增养老床位600张。", "3.完成老旧小区改造38个。")),
)
_GROUP_NS = (
    f"{_DRAWING_NS} "
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_BOX_HEIGHT, _BOX_WIDTH = 600000, 5000000  # EMUs


def _one_pixel_png() -> bytes:
    """A white picture one pixel square, for the figure beside the grouped boxes."""
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b"")


def _grouped_box(number: int, top: int, inside: str) -> tuple[str, str]:
    """A text box in a group (`wps:wsp`), and its VML copy."""
    return (
        f'<wps:wsp><wps:cNvPr id="{number}" name="Text Box {number}"/><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm>'
        f'<a:off x="0" y="{top}"/><a:ext cx="{_BOX_WIDTH}" cy="{_BOX_HEIGHT}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f"</a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{inside}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>",
        f'<v:shape id="Text Box {number}" type="#_x0000_t202" style="position:absolute;left:0;top:{top // 1000};'
        f'width:{_BOX_WIDTH // 1000};height:{_BOX_HEIGHT // 1000}"><v:textbox><w:txbxContent>{inside}</w:txbxContent>'
        "</v:textbox></v:shape>",
    )


def _group(boxes: tuple[tuple[str, ...], ...], picture: str) -> str:
    """A run holding a group of shapes as Word writes it (`wpg:wgp`, and its VML copy `v:group`):
    the text boxes one under another, and under them the picture related as `picture`."""
    shapes = [
        _grouped_box(number, 700000 * index, "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in box))
        for index, (number, box) in enumerate(enumerate(boxes, 2))
    ]
    top, height = 700000 * len(boxes), 700000 * len(boxes) + _BOX_HEIGHT
    figure = (
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="9" name="Picture 9"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        f'<a:blip r:embed="{picture}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>'
        f'<a:off x="0" y="{top}"/><a:ext cx="1000000" cy="{_BOX_HEIGHT}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        "</a:prstGeom></pic:spPr></pic:pic>"
    )
    figure_copy = (
        f'<v:shape id="Picture 9" type="#_x0000_t75" style="position:absolute;left:0;top:{top // 1000};width:1000;'
        f'height:{_BOX_HEIGHT // 1000}"><v:imagedata r:id="{picture}"/></v:shape>'
    )
    return (
        f'<w:r {_GROUP_NS}><mc:AlternateContent><mc:Choice Requires="wpg"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>100000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{_BOX_WIDTH}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="1" name="Group 1"/><wp:cNvGraphicFramePr/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:wgp>'
        f'<wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{_BOX_WIDTH}" cy="{height}"/>'
        f'<a:chOff x="0" y="0"/><a:chExt cx="{_BOX_WIDTH}" cy="{height}"/></a:xfrm></wpg:grpSpPr>'
        f"{''.join(shape for shape, _ in shapes)}{figure}</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        f'</mc:Choice><mc:Fallback><w:pict><v:group id="Group 1" style="position:absolute;width:{_BOX_WIDTH // 12700}pt;'
        f'height:{height // 12700}pt" coordsize="{_BOX_WIDTH // 1000},{height // 1000}">'
        f"{''.join(copy for _, copy in shapes)}{figure_copy}</v:group></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def grouped_text_boxes_docx(text: str) -> docx.document.Document:
    """The work report with the 专栏 box `_GROUPED`: two text boxes grouped with a picture."""
    import io

    document = report_docx(text)
    opening, boxes = _GROUPED
    picture, _ = document.part.get_or_add_image(io.BytesIO(_one_pixel_png()))
    [anchor] = [paragraph for paragraph in document.paragraphs if paragraph.text.startswith(opening)]
    anchor._p.append(parse_xml(_group(boxes, picture)))
    return document


def _grouped_in_word(path: Path) -> None:
    """LibreOffice writes each text box of a group as a frame of its own beside the group, anchored
    in the text, and leaves the group's shapes with empty boxes; Word writes the text in the
    group's shapes, which no anchor names (the group's anchor names the group). The FTXBXS of
    each frame is given the lid of the group's shape whose text it holds, and that shape's empty
    FTXBXS the frame's lid."""
    import olefile

    from corpusdiff.read import doc
    from tests.read.doc_fixture import with_word_stream

    with olefile.OleFileIO(str(path)) as ole:
        word = ole.openstream("WordDocument").read()
        table = ole.openstream("1Table").read()
    fib = doc._Fib.read(word, path.name)
    chars = doc._Document(word, table, fib, b"").chars
    fc, lcb = fib.text_boxes.plc
    count = (lcb - 4) // (4 + _FTXBXS)
    cps = struct.unpack_from(f"<{count + 1}I", table, fc)
    lid = [fc + 4 * (count + 1) + _FTXBXS * index + 14 for index in range(count - 1)]
    texts = ["".join(char for char, _ in chars[fib.text_boxes.start + begin : fib.text_boxes.start + end]) for begin, end in itertools.pairwise(cps)]
    empty = [index for index in range(count - 1) if not texts[index].strip()]  # the group's shapes, in order
    for shape, (first, *_) in zip(empty, _GROUPED[1], strict=True):
        [frame] = [index for index in range(count - 1) if texts[index].startswith(first)]
        (shape_lid,), (frame_lid,) = struct.unpack_from("<I", table, lid[shape]), struct.unpack_from("<I", table, lid[frame])

        def swap(stream: bytearray, shape: int = shape, frame: int = frame, ids: tuple[int, int] = (shape_lid, frame_lid)) -> None:
            struct.pack_into("<I", stream, lid[frame], ids[0])
            struct.pack_into("<I", stream, lid[shape], ids[1])

        path.write_bytes(with_word_stream(swap, path, "1Table"))



#: Where the work report shows pictures: the paragraph each is in (a run at its end), whether it
#: floats (`wp:anchor`) or stands in the line (`wp:inline`), and whether a tracked change deletes it.
PICTURES = (
    ("（一）经济运行稳中向好。", False, False),
    ("（二）城乡面貌持续改善。", True, False),
    ("（三）民生保障更加有力。", False, True),
    ("今年经济社会发展的主要预期目标是：", True, True),
)


def _floating(picture: str, number: int) -> str:
    """A run holding a picture floating beside its paragraph (`wp:anchor`), as Word writes one."""
    return (
        f'<w:r {_GROUP_NS}><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{number}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1000000" cy="1000000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
        f'<wp:docPr id="{number}" name="Picture {number}"/><wp:cNvGraphicFramePr/><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="Picture {number}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        f'<a:blip r:embed="{picture}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>'
        '<a:off x="0" y="0"/><a:ext cx="1000000" cy="1000000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def pictures_docx(text: str) -> docx.document.Document:
    """The work report showing the pictures of `PICTURES`, inline and floating, two of them deleted
    with tracking (the run in `w:del`, as Word writes a deleted picture)."""
    import io

    document = report_docx(text)
    picture, _ = document.part.get_or_add_image(io.BytesIO(_one_pixel_png()))
    for number, (opening, floats, deleted) in enumerate(PICTURES, 20):
        [paragraph] = [paragraph for paragraph in document.paragraphs if paragraph.text.startswith(opening)]
        if floats:
            run = parse_xml(_floating(picture, number))
        else:
            run = paragraph.add_run()._r
            run.getparent().remove(run)
            docx.text.run.Run(run, paragraph).add_picture(io.BytesIO(_one_pixel_png()))
        if deleted:
            revision = parse_xml(f"<w:del {_W_NS} {_REVISION.format(800 + number)}/>")
            revision.append(run)
            run = revision
        paragraph._p.append(run)
    return document


def _picture_deleted_in_word(path: Path) -> None:
    """LibreOffice writes a floating picture deleted with tracking as its anchor (0x08) undeleted
    between two deleted zero-width spaces; Word writes the anchor deleted. The anchor of the
    deleted floating picture of `PICTURES`, a run of its own, is given the character properties
    (CHPX) of the deleted space before it."""
    from tests.read.doc_fixture import CharacterRuns, with_word_stream

    read = CharacterRuns(path)
    [(opening, _, _)] = [picture for picture in PICTURES if picture[1] and picture[2]]
    anchor = read.text.index("\x08", read.text.index(opening))
    path.write_bytes(with_word_stream(lambda stream: read.delete(stream, anchor), path))

#: An indicator table as Word merges its cells: 类别, 指标 and 2024年目标 merged down over the two
#: header rows, 2023年 across 计划 and 完成 (a column after it), 经济发展 down over its two indicators.
MERGED = (
    ("类别", "指标", "2023年", "", "2024年目标"),
    ("", "", "计划", "完成", ""),
    ("经济发展", "地区生产总值增速（%）", "6", "6.1", "6左右"),
    ("", "固定资产投资增速（%）", "8", "8.5", "7"),
    ("民生", "城镇调查失业率（%）", "5.5以内", "5.2", "5.5以内"),
)


def _table_after_first_group(document: docx.document.Document, rows: tuple[tuple[str, ...], ...]) -> Table:
    """A ruled table of `rows` (empty cells left empty) placed after the first group's paragraph."""
    [anchor] = [paragraph for paragraph in document.paragraphs if paragraph.text.startswith("（一）重大项目")]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            if cell:
                table.cell(row, column).text = cell
    anchor._p.addnext(table._tbl)
    return table


def merged_cells_docx(text: str) -> docx.document.Document:
    """The plan report with the table `MERGED` after its first group's paragraph."""
    document = report_docx(text)
    table = _table_after_first_group(document, MERGED)
    table.cell(0, 2).merge(table.cell(0, 3))
    for column in (0, 1, 4):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(2, 0).merge(table.cell(3, 0))
    return document



#: The plan report's key projects as a table, each project numbered by Word's automatic numbering
#: (`1.` …), the second project's paragraph mark, the end of its cell, deleted with tracking.
PROJECTS = (("重点项目", "年度计划投资（亿元）"), ("新能源汽车零部件产业园", "30"), ("城市更新片区", "25"), ("智慧物流园", "12"))
PROJECT_MARK_DELETED = "城市更新片区"


def numbered_cells_docx(text: str) -> docx.document.Document:
    """The plan report with the table `PROJECTS` after its first group's paragraph, its projects
    numbered by a list of `1.` numbers and the mark of `PROJECT_MARK_DELETED` deleted
    (`w:pPr/w:rPr/w:del`), as Word writes a deleted paragraph mark."""
    document = report_docx(text)
    document.part.numbering_part.element.insert(0, parse_xml(
        f'<w:abstractNum {_W_NS} w:abstractNumId="92"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    ))  # fmt: skip
    document.part.numbering_part.element.append(
        parse_xml(f'<w:num {_W_NS} w:numId="92"><w:abstractNumId w:val="92"/></w:num>')
    )
    table = _table_after_first_group(document, PROJECTS)
    for row in table.rows[1:]:
        properties = row.cells[0].paragraphs[0]._p.get_or_add_pPr()
        properties.append(parse_xml(f'<w:numPr {_W_NS}><w:ilvl w:val="0"/><w:numId w:val="92"/></w:numPr>'))
        if row.cells[0].text == PROJECT_MARK_DELETED:
            properties.append(parse_xml(f'<w:rPr {_W_NS}><w:del {_REVISION.format(700)}/></w:rPr>'))
    return document


#: A table whose cell holds a table (a quarter's value each), after the plan report's first group's
#: paragraph, the paragraph over the inner table ending in a deleted note and a deleted mark:
#: accepted, it would run on into the inner table's first cell, which no paragraph can; and the
#: mark of an inner cell's paragraph, its cell's end, deleted.
OVER_INNER_TABLE = "分季度增速："
NESTED = (("指标", "完成情况"), ("社会消费品零售总额增速（%）", ""))
INNER = (("一季度", "二季度", "三季度", "四季度"), ("6.8", "7.0", "7.2", "7.4"))
INNER_MARK_DELETED = "6.8"


def nested_table_docx(text: str) -> docx.document.Document:
    """The plan report with the table `NESTED`, whose last cell holds `OVER_INNER_TABLE`, its note
    `（快报数）` and its mark deleted with tracking as Word writes them, and under it the table `INNER`."""
    document = report_docx(text)
    table = _table_after_first_group(document, NESTED)
    cell = table.cell(1, 1)
    paragraph = cell.paragraphs[0]
    paragraph.add_run(OVER_INNER_TABLE)
    paragraph._p.append(parse_xml(
        f'<w:del {_W_NS} {_REVISION.format(600)}><w:r><w:delText>（快报数）</w:delText></w:r></w:del>'
    ))  # fmt: skip
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {_W_NS}><w:del {_REVISION.format(601)}/></w:rPr>'))
    inner = cell.add_table(rows=len(INNER), cols=len(INNER[0]))
    inner.style = "Table Grid"
    for cells, row in zip(INNER, inner.rows, strict=True):
        for value, inner_cell in zip(cells, row.cells, strict=True):
            inner_cell.text = value
            if value == INNER_MARK_DELETED:
                properties = inner_cell.paragraphs[0]._p.get_or_add_pPr()
                properties.append(parse_xml(f'<w:rPr {_W_NS}><w:del {_REVISION.format(602)}/></w:rPr>'))
    return document

#: A table of a value a month: a column for each month, thirteen in all.
MONTHLY = (
    ("指标", *(f"{month}月" for month in range(1, 13))),
    ("规模以上工业增加值增速", "5.1", "5.3", "5.6", "5.8", "6.0", "6.2", "6.3", "6.5", "6.6", "6.8", "7.0", "7.2"),
    ("社会消费品零售总额增速", "6.0", "6.2", "6.1", "6.4", "6.6", "6.9", "7.0", "7.1", "7.2", "7.3", "7.3", "7.4"),
)


def monthly_table_docx(text: str) -> docx.document.Document:
    """The plan report with the table `MONTHLY` after its first group's paragraph."""
    document = report_docx(text)
    _table_after_first_group(document, MONTHLY)
    return document


#: What the work report's pages carry that is not report text: the running title in the header (a
#: text box in it too), the first page's own header, and a reviewer's comment on a paragraph.
RUNNING_TITLE = "青溪区政府工作报告（审议稿）"
FIRST_PAGE_HEADER = "青溪区第八届人民代表大会第四次会议文件"
HEADER_BOX = ("内部资料　注意保存",)
COMMENT = "请核实新建改造城市道路数量。"


def headers_comments_docx(text: str) -> docx.document.Document:
    """The work report with a running title and a text box in its header, a header of its own on
    the first page, the page number in the footer (as every fixture) and a comment."""
    document = report_docx(text)
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_TITLE
    section.header.paragraphs[0]._p.append(parse_xml(_text_box(HEADER_BOX, 9)))
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = FIRST_PAGE_HEADER
    [paragraph] = [paragraph for paragraph in document.paragraphs if paragraph.text.startswith("（二）城乡面貌")]
    document.add_comment(paragraph.runs, text=COMMENT, author="审稿人", initials="审")
    return document


def _saved(document: docx.document.Document) -> bytes:
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main(soffice: str = "soffice", *names: str) -> None:
    """Write the fixtures named (all without a name) and convert each with `soffice`."""
    made = {
        "qingxi-2024-gwr": lambda: _saved(report_docx(GWR)),
        "qingxi-2024-plan": lambda: _saved(report_docx(PLAN)),
        "qingxi-2024-numbered-notes": lambda: numbered_docx(GWR),
        "qingxi-2024-revisions": lambda: _saved(revised_docx(REVISED)),
        "qingxi-2024-contents": lambda: _saved(contents_docx(GWR)),
        "qingxi-2024-style-numbered": lambda: _saved(style_numbered_docx(GWR)),
        "qingxi-2024-style-numbered-levels": lambda: _saved(style_numbered_levels_docx(GWR)),
        "qingxi-2024-text-boxes": lambda: _saved(text_boxes_docx(GWR)),
        "qingxi-2024-chained-text-boxes": lambda: _saved(chained_text_boxes_docx(GWR)),
        "qingxi-2024-grouped-text-boxes": lambda: _saved(grouped_text_boxes_docx(GWR)),
        "qingxi-2024-revisions-text-box": lambda: _saved(revised_text_box_docx(REVISED)),
        "qingxi-2024-revisions-table": lambda: _saved(revised_docx(REVISED_TABLE)),
        "qingxi-2024-merged-cells": lambda: _saved(merged_cells_docx(PLAN)),
        "qingxi-2024-monthly-table": lambda: _saved(monthly_table_docx(PLAN)),
        "qingxi-2024-headers-comments": lambda: _saved(headers_comments_docx(GWR)),
        "qingxi-2024-pictures": lambda: _saved(pictures_docx(GWR)),
        "qingxi-2024-hidden-text-boxes": lambda: _saved(hidden_text_boxes_docx(GWR)),
        "qingxi-2024-revisions-numbered-cells": lambda: _saved(numbered_cells_docx(PLAN)),
        "qingxi-2024-revisions-nested-table": lambda: _saved(nested_table_docx(PLAN)),
    }
    for name, make in made.items():
        if names and name not in names:
            continue
        target = HERE / f"{name}.docx"
        target.write_bytes(make())
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                 'doc:MS Word 97', "--outdir", str(HERE), str(target)],
                check=True,
                capture_output=True,
            )
        if name in ("qingxi-2024-style-numbered", "qingxi-2024-style-numbered-levels"):
            _numbered_by_style_only(target.with_suffix(".doc"))
        if name == "qingxi-2024-chained-text-boxes":
            _chained_in_word(target.with_suffix(".doc"))
        if name == "qingxi-2024-grouped-text-boxes":
            _grouped_in_word(target.with_suffix(".doc"))
        if name == "qingxi-2024-revisions-text-box":
            _mark_deleted_in_word(target.with_suffix(".doc"))
        if name == "qingxi-2024-revisions-table":
            _table_mark_deleted_in_word(target.with_suffix(".doc"))
        if name == "qingxi-2024-revisions-nested-table":
            _table_mark_deleted_in_word(target.with_suffix(".doc"), OVER_INNER_TABLE, INNER_MARK_DELETED)
        if name == "qingxi-2024-pictures":
            _picture_deleted_in_word(target.with_suffix(".doc"))
        if name == "qingxi-2024-hidden-text-boxes":
            _anchor_hidden_in_word(target.with_suffix(".doc"))


if __name__ == "__main__":
    main(*sys.argv[1:])

"""The bad-input matrix: every command either works on odd input or says, in one line with
exit code 2, what is wrong — and an ingest that fails leaves the corpus exactly as it was."""

from __future__ import annotations

import codecs
import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import git
import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.conftest import SEEDS, body_of, han_key
from tests.read import doc_fixture
from tests.read.docx_fixture import seed_docx

CLEAN = SEEDS / "futian-2023-10-mid-year-plan-report.txt"
TEXT = CLEAN.read_text(encoding="utf-8")
BODY_LINES = (SEEDS / "futian-2022-01-plan-report.txt").read_text(encoding="utf-8").split("\n")[5:]


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", TEXT)
    return buffer.getvalue()


def _docx_like_zip(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
    return buffer.getvalue()


def _pdf(body: bytes) -> bytes:
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + body + b"\n%%EOF\n"


_NAV_PAGE = (
    "<!DOCTYPE html><html><head><title>首页</title><script>var a = '政府工作报告';</script></head><body>"
    '<nav><ul><li><a href="/">首页</a></li><li><a href="/zc">政策</a></li></ul></nav>'
    '<div class="list"><ul>'
    + "".join(f'<li><a href="/{n}">国务院政府工作报告全文第{n}篇</a></li>' for n in range(40))
    + "</ul></div><footer>版权所有：中国政府网</footer></body></html>"
)
#: An old binary Word file as its bytes begin: the OLE signature, and its directory naming the
#: WordDocument stream (in UTF-16), as a .doc or a WPS .wps holds it, but no container around it.
_OLD_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(64)
#: The same for an Excel .xls workbook.
_OLD_EXCEL = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le") + bytes(64)


def _other_ole() -> bytes:
    """A whole OLE file holding none of the streams corpusdiff knows: a .doc whose WordDocument
    stream is named otherwise (as a WPS .wps names its own)."""
    data = doc_fixture.GOOD.read_bytes()
    return data.replace("WordDocument".encode("utf-16-le"), "WpsDocument_".encode("utf-16-le"))


#: A ".doc" an office system writes as Word 2003 XML.
_WORD_2003_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
    '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
    + "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in TEXT.split("\n")[:20])
    + "</w:body></w:wordDocument>\n"
)
_TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-CN"/><body>'
    + "".join(f'<tu><tuv xml:lang="zh-CN"><seg>{line}</seg></tuv></tu>' for line in TEXT.split("\n")[:20])
    + "</body></tmx>\n"
)
_CSV = "年份,地区,指标,数值\n" + "".join(f"{2000 + n},福田区,地区生产总值,{n * 100}\n" for n in range(30))
_CSV_OF_REPORTS = "标题,正文\n" + "".join(f'报告{n},"{TEXT.replace(chr(34), chr(39))}"\n' for n in range(3))
#: A 公文 issuing a plan, saved without the plan it issues (its 附件).
_NOTICE = (
    "深圳市福田区人民政府关于印发福田区2022年国民经济和社会发展计划的通知\n\n福府〔2022〕3号\n\n"
    "各街道办事处，区政府直属各单位：\n\n现将《福田区2021年国民经济和社会发展计划执行情况与2022年计划》"
    "印发给你们，请认真组织实施。\n\n深圳市福田区人民政府\n2022年1月25日\n\n（此件公开发布）\n"
)
_RECIPE = (
    "红烧肉的做法\n材料：五花肉500克，冰糖30克，生抽两勺，老抽一勺，料酒适量。\n"
    "第一步，把五花肉切成块，冷水下锅焯水，捞出沥干。\n第二步，下冰糖小火炒出糖色，倒入五花肉翻炒上色。\n"
    "最后大火收汁即可出锅。\n"
)


def _password_pdf() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret"))
    sheet.drawString(72, 800, "report")
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()


_JSON = '{"title": "福田区政府工作报告", "content": "各位代表：现在，我代表区人民政府作报告。"}'


def _big_report(chars: int = 1_000_000) -> bytes:
    """About a million characters (four times the longest report in the corpora): the 2022
    plan's body (without its title) over and over."""
    body = "\n".join(BODY_LINES)
    return (TEXT + "\n" + (body + "\n") * (chars // len(body) + 1)).encode("utf-8")


REFUSED: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty": (lambda: b"", "empty"),
    "whitespace": (lambda: b" \n\t\n\r\n", "white space"),
    "png": (_png, "PNG image"),
    "zip": (_zip, "zip archive"),
    "nul-bytes": (lambda: TEXT.encode("utf-8")[:300] + b"\x00\x00" + b"x" * 50, "NUL bytes"),
    "undecodable": (lambda: bytes(range(128, 256)) * 20, "encoding"),
    "english": (lambda: b"Annual Report\n\n1. Introduction\nThe district grew.\n", "no Chinese text"),
    "html-without-a-report": (lambda: _NAV_PAGE.encode("utf-8"), "HTML page with no report text"),
    "docx-without-text": (lambda: _docx_like_zip("word/document.xml"), ".docx file holds no text"),
    "docx-damaged": (lambda: _docx_like_zip("word/document.xml")[:-30], "damaged Word .docx"),
    "zip-not-docx": (lambda: _docx_like_zip("xl/workbook.xml"), "zip archive"),
    "encrypted-pdf": (lambda: _password_pdf(), "needs a password to open"),
    "not-a-report": (lambda: _RECIPE.encode("utf-8"), "does not read as a report"),
    "notice-without-its-attachment": (lambda: _NOTICE.encode("utf-8"), "notice issuing a report (“关于印发"),
    "image-only-pdf": (lambda: _pdf(b"2 0 obj << /Type /XObject /Subtype /Image >> endobj"), "no OCR"),
    "xml": (lambda: _TMX.encode("utf-8"), "XML file"),
    "old-binary-word": (lambda: _OLD_WORD, "a damaged or cut-short Word .doc file (its OLE container"),
    "old-excel": (lambda: _OLD_EXCEL, "an old Excel .xls workbook, which corpusdiff does not read"),
    "old-office-not-word": (_other_ole, "old binary Office document (WPS .wps, Excel .xls), which corpusdiff does"),
    "doc-encrypted": (doc_fixture.encrypted, "password-protected (encrypted) Word .doc"),
    "doc-word-95": (doc_fixture.word_95, "Word 6.0/95 (or older) .doc"),
    "doc-not-word": (doc_fixture.not_word, "WordDocument stream is not a Word document"),
    "doc-stream-cut-short": (doc_fixture.clx_past_its_stream, "damaged or cut-short Word .doc"),
    "doc-cut-short": (doc_fixture.cut_short, "cut-short or damaged old Office file"),
    "word-2003-xml": (lambda: _WORD_2003_XML.encode("utf-8"), "Word XML document"),
    "rtf-as-doc": (
        lambda: b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}}\\f0 \\'b8\\'f7\\'ce\\'bb\\par}",
        "RTF document (rich text, often saved under a .doc name), which corpusdiff does not read; open it",
    ),
    "csv": (lambda: _CSV.encode("utf-8"), "CSV table"),
    "csv-of-several-reports": (lambda: _CSV_OF_REPORTS.encode("utf-8"), "holds 3 reports"),
    "json": (lambda: _JSON.encode("utf-8"), "JSON data"),
}
WORKS: dict[str, Callable[[], bytes]] = {
    "gb18030": lambda: TEXT.encode("gb18030"),
    "gbk": lambda: TEXT.encode("gbk", errors="strict"),
    "utf-16": lambda: TEXT.encode("utf-16"),
    "utf-8-bom": lambda: codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "crlf": lambda: TEXT.replace("\n", "\r\n").encode("utf-8"),
    "old-mac": lambda: TEXT.replace("\n", "\r").encode("utf-8"),
}
SAME_CONTENT = set(WORKS)
WORKS_TOO: dict[str, Callable[[], bytes]] = {
    "a-million-chars": _big_report,
    "a-quarter-million-chars": lambda: _big_report(250_000),
    "one-megabyte-line": lambda: ("福田区推进河套深港科技创新合作区建设，" * 28000).encode("utf-8"),
    "no-headings": lambda: "\n\n".join(line for line in TEXT.split("\n") if "、" not in line[:3]).encode(
        "utf-8"
    ),
}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def clean_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus holding the clean report, ingested once; each test works on a copy."""
    corpus = tmp_path_factory.mktemp("clean") / "c"
    assert run("--corpus", str(corpus), "ingest", str(CLEAN)).exit_code == 0
    return corpus


@pytest.fixture(scope="module")
def clean_body() -> str:
    """The clean report's canonical body, which every re-encoding of it must give."""
    return body_of(run("normalize", "-q", str(CLEAN)).stdout)


def _one_line_error(result, phrase: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and phrase in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", sorted(REFUSED))
@pytest.mark.parametrize("command", ["normalize", "ingest", "diff"])
def test_refused_input(tmp_path: Path, clean_corpus: Path, name: str, command: str) -> None:
    make, phrase = REFUSED[name]
    path = _write(tmp_path, name, make())
    corpus = tmp_path / "c"
    shutil.copytree(clean_corpus, corpus)
    before = git.Repo(corpus).head.commit.hexsha
    args = {
        "normalize": ["normalize", str(path)],
        "ingest": ["ingest", str(path)],
        "diff": ["diff", str(CLEAN), str(path)],
    }[command]
    _one_line_error(run("--corpus", str(corpus), *args), phrase)
    assert git.Repo(corpus).head.commit.hexsha == before
    assert git.Repo(corpus).git.status("--porcelain") == ""


@pytest.mark.parametrize("name", sorted(WORKS))
@pytest.mark.parametrize("command", ["normalize", "ingest", "diff"])
def test_encodings_and_line_endings_work(tmp_path: Path, clean_body: str, name: str, command: str) -> None:
    path = _write(tmp_path, name, WORKS[name]())
    if command == "normalize":
        result = run("normalize", "-q", str(path))
        assert result.exit_code == 0 and body_of(result.stdout) == clean_body
    elif command == "ingest":
        corpus = tmp_path / "c"
        result = run("--corpus", str(corpus), "ingest", "-q", str(path))
        assert result.exit_code == 0
        [document] = list((corpus / "futian").rglob("*.md"))
        assert body_of(document.read_text(encoding="utf-8")) == clean_body
    else:
        result = run("diff", str(CLEAN), str(path), "--format", "json")
        assert result.exit_code == 0, result.output  # same content: no differences


#: The size limit is normalising's (docs/limits.md: a million characters, nothing lost); ingest
#: adds linear steps (writing, committing, `check`), tested on a report as long as the longest.
LARGE_AND_ODD = [
    pytest.param("normalize", "a-million-chars", marks=pytest.mark.slow),
    *(("normalize", name) for name in sorted(WORKS_TOO) if "million" not in name),
    *(("ingest", name) for name in sorted(WORKS_TOO) if name != "a-million-chars"),
]


@pytest.mark.parametrize(("command", "name"), LARGE_AND_ODD)
def test_large_and_odd_reports_work_and_lose_nothing(tmp_path: Path, name: str, command: str) -> None:
    data = WORKS_TOO[name]()
    path = _write(tmp_path, name, data)
    if command == "normalize":
        result = run("normalize", "-q", str(path))
        assert result.exit_code == 0
        body = body_of(result.stdout).replace(f"\n# {name}\n", "\n", 1)  # file name stands in for a title
        assert han_key(body) == han_key(data.decode("utf-8").replace("— 12 —", ""))
    else:
        corpus = tmp_path / "c"
        assert run("--corpus", str(corpus), "ingest", "-q", str(path)).exit_code == 0
        assert run("--corpus", str(corpus), "check").exit_code == 0


@pytest.mark.parametrize("command", ["normalize", "ingest", "diff"])
def test_directory_and_missing_path(tmp_path: Path, command: str) -> None:
    for target, phrase in ((tmp_path, "directory"), (tmp_path / "missing.txt", "")):
        args = {
            "normalize": ["normalize", str(target)],
            "ingest": ["ingest", str(target)],
            "diff": ["diff", str(CLEAN), str(target)],
        }[command]
        result = run("--corpus", str(tmp_path / "c"), *args)
        _one_line_error(result, phrase)


def test_hostile_overrides_cannot_escape_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    result = run(
        "--corpus",
        str(corpus),
        "ingest",
        str(CLEAN),
        "--title",
        "../../etc/passwd",
        "--region",
        "../../../tmp",
    )
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*.md")]
    assert len(written) == 1 and written[0].is_relative_to(corpus)
    assert all(
        part.replace("-", "").isalnum() for part in written[0].relative_to(corpus).with_suffix("").parts
    )
    assert "../../etc/passwd" in written[0].read_text(encoding="utf-8")  # kept as text in the title
    for option, value in (("--date", "`id`; ls"), ("--genre", "$(rm -rf ~)")):  # checked at the door
        refused = run("--corpus", str(tmp_path / "d"), "ingest", str(CLEAN), option, value)
        assert refused.exit_code == 2 and not (tmp_path / "d").exists()


def test_one_bad_file_in_a_batch_says_that_nothing_was_ingested(tmp_path: Path, clean_corpus: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(clean_corpus, corpus)
    before = git.Repo(corpus).head.commit.hexsha
    empty = _write(tmp_path, "empty", b"")
    result = run("--corpus", str(corpus), "ingest", str(empty), str(SEEDS / "futian-2025-01-plan-report.txt"))
    _one_line_error(result, "nothing was ingested of the 2 files given")
    assert git.Repo(corpus).head.commit.hexsha == before


@pytest.mark.parametrize("form", ["text", "docx", "text named .md"])
def test_normalize_never_overwrites_a_raw_report_with_its_markdown(tmp_path: Path, form: str) -> None:
    name, data = {
        "text": ("report.txt", CLEAN.read_bytes()),
        "docx": ("report.docx", seed_docx(CLEAN, numbering=False)),
        "text named .md": ("report.md", CLEAN.read_bytes()),
    }[form]
    raw = tmp_path / name
    raw.write_bytes(data)
    result = CliRunner().invoke(main, ["normalize", str(raw), "-o", str(raw)])
    assert result.exit_code == 2 and raw.read_bytes() == data
    [line] = result.stderr.splitlines()
    assert line.startswith(f"corpusdiff: error: {raw}: is the input file") and "another -o file" in line


def test_normalize_in_place_renormalises_canonical_markdown(tmp_path: Path) -> None:
    canonical = tmp_path / "report.md"
    assert CliRunner().invoke(main, ["normalize", str(CLEAN), "-o", str(canonical)]).exit_code == 0
    before = canonical.read_bytes()
    result = CliRunner().invoke(main, ["normalize", str(canonical), "-o", str(canonical)])
    assert result.exit_code == 0, result.output
    assert canonical.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["frobnicate"], "No such command 'frobnicate'; see `corpusdiff --help`"),
        (["diff", "--bogus"], "No such option '--bogus'; see `corpusdiff diff --help`"),
        (["diff"], "Missing argument 'OLD'; see `corpusdiff diff --help`"),
        (["diff", "a", "b", "--max-chars", "100"], "100 is not in the range x>=2000; see `corpusdiff diff --help`"),
        (["timeline"], "give at least two editions (DOC... or --series NAME); see `corpusdiff timeline --help`"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_help_to_read(args: list[str], says: str) -> None:
    """Click's own usage error is four lines (usage, hint, blank, error); every other error of
    corpusdiff is one line on stderr and exit 2, and so is this."""
    result = CliRunner().invoke(main, args, prog_name="corpusdiff")
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("corpusdiff: error: ") and line.endswith(says)


@pytest.mark.parametrize("under", ["file.md", "deeper/file.md"])
def test_normalize_to_a_path_under_a_file_is_one_line_naming_it(tmp_path: Path, under: str) -> None:
    """`normalize -o FILE/x.md` was an internal error (FileExistsError: File exists)."""
    blocker = tmp_path / "notes"
    blocker.write_text("mine\n", encoding="utf-8")
    result = run("normalize", "-q", str(CLEAN), "-o", str(blocker / under))
    _one_line_error(result, f"{blocker} is a file, not a folder; give another -o")
    assert blocker.read_text(encoding="utf-8") == "mine\n"


def test_show_of_a_directory_says_so(tmp_path: Path, clean_corpus: Path) -> None:
    """It said `no document '…' in …; known ids: …`, as if the folder were an id mistyped."""
    result = run("--corpus", str(clean_corpus), "show", str(tmp_path), "--outline")
    _one_line_error(result, f"{tmp_path}: is a directory; give a report file or a corpus id")

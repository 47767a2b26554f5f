"""Reading a report from a PDF, a web page or a Word file, against reading the same text from a
.txt file, in the same run. Prints a table and writes benchmarks/results/extract.json.

- PDF: a 100-page report typeset with reportlab (tests/read/typeset.py, the built-in CID font
  STSong-Light) as government PDFs are set (centred title, indented justified paragraphs, bold
  headings, boxes, tables in columns, a page number on every page), from the five seeds'
  documents repeated until 100 pages are full. Baseline: the same blocks written as a .txt
  (one block a line, table rows tab-separated).
- HTML: the four portal pages tests/data/national-gwr/govcn/2014–2017.html; baseline: the same
  four reports as Wikisource .txt files (tests/data/national-gwr/wikisource).
- DOCX: the five seeds written by python-docx (one paragraph a line; tests/read/docx_fixture.py);
  baseline: the seeds' .txt files.

Two figures each, from files on disk: `read` is `read_report` (read the file, tell its format,
extract, decode: what the format adds), and `normalise` is `read_report` + `normalize_raw` (the
whole cost of turning the file into a document). Each round times the format and then its
baseline, so both see the same load; the best of the rounds is the least noisy estimate, the
median is shown next to it. The check line says whether both give the same document body.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from corpusdiff.normalize.entry import normalize_raw  # noqa: E402
from corpusdiff.read.decode import read_report  # noqa: E402
from tests.read.docx_fixture import seed_docx  # noqa: E402
from tests.read.typeset import Block, Page, fitting, report_layout, typeset  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
NATIONAL = ROOT / "tests" / "data" / "national-gwr"
PAGES = 100
ROUNDS = {"pdf": 5, "html": 9, "docx": 9}
PDF_PAGE = Page(justify=True, running_head="")


def _pdf_report(folder: Path) -> tuple[list[Path], list[Path], str]:
    """The 100-page PDF and the .txt of the same blocks."""
    # newest first: the 2025 plan opens with its title and date, which a text file shows too
    documents = [normalize_raw(read_report(seed)) for seed in reversed(SEEDS)]
    blocks: list[Block] = []
    repeat = 0
    while fitting(blocks, PAGES, PDF_PAGE) == len(blocks):
        blocks += report_layout(documents[repeat % len(documents)], PDF_PAGE)
        repeat += 1
    blocks = blocks[: fitting(blocks, PAGES, PDF_PAGE)]
    pdf, txt = folder / "report.pdf", folder / "report.txt"
    pdf.write_bytes(typeset(blocks, PDF_PAGE))
    txt.write_text(_plain(blocks), encoding="utf-8")
    return [pdf], [txt], f"{PAGES} pages, {len(blocks)} blocks, {pdf.stat().st_size / 1e6:.1f} MB"


def _plain(blocks: Sequence[Block]) -> str:
    """Blocks as a clean text file: one a line, a blank line where the type changes (title,
    headings) or a box or a table starts or ends, table rows with tab-separated cells (a space
    for an empty first cell)."""
    lines: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if previous and _style(block) != _style(previous):
            lines.append("")
        row = "\t".join(block.cells)
        lines.append((" " + row if row.startswith("\t") else row) if block.cells else block.text)
        previous = block
    return "\n".join(lines) + "\n"


def _style(block: Block) -> tuple[object, ...]:
    return block.inset, bool(block.cells), block.size, block.bold, block.centred


def _html_reports(_: Path) -> tuple[list[Path], list[Path], str]:
    pages = sorted((NATIONAL / "govcn").glob("*.html"))
    texts = [NATIONAL / "wikisource" / f"{page.stem}.txt" for page in pages]
    return pages, texts, f"{len(pages)} pages, {sum(p.stat().st_size for p in pages) / 1e3:.0f} KB"


def _docx_reports(folder: Path) -> tuple[list[Path], list[Path], str]:
    files = []
    for seed in SEEDS:
        path = folder / f"{seed.stem}.docx"
        path.write_bytes(seed_docx(seed, numbering=True))
        files.append(path)
    return files, SEEDS, f"{len(files)} files, {sum(p.stat().st_size for p in files) / 1e3:.0f} KB"


def _read(paths: list[Path]) -> Callable[[], object]:
    return lambda: [read_report(path) for path in paths]


def _normalise(paths: list[Path]) -> Callable[[], object]:
    return lambda: [normalize_raw(read_report(path)) for path in paths]


def _pdfium_text(paths: list[Path]) -> Callable[[], object]:
    """PDFium's plain text of every page, as the reader without the layout did (its floor)."""
    import pypdfium2 as pdfium

    def run() -> object:
        texts = []
        for path in paths:
            document = pdfium.PdfDocument(path.read_bytes())
            for page in document:
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()
            document.close()
        return texts

    return run


def _interleaved(ours: Callable[[], object], base: Callable[[], object], rounds: int) -> dict[str, float]:
    ours(), base()  # warm: imports, jieba, caches
    mine, theirs = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        ours()
        mine.append(time.perf_counter() - start)
        start = time.perf_counter()
        base()
        theirs.append(time.perf_counter() - start)
    return {
        "s_best": round(min(mine), 4),
        "s_median": round(statistics.median(mine), 4),
        "baseline_s_best": round(min(theirs), 4),
        "baseline_s_median": round(statistics.median(theirs), 4),
        "ratio_best": round(min(mine) / min(theirs), 1),
        "ratio_median": round(statistics.median(mine) / statistics.median(theirs), 1),
    }


def _same_body(files: list[Path], texts: list[Path]) -> str:
    """How many files give the same blocks (headings, paragraphs, tables, boxes) as their .txt."""
    same = sum(
        normalize_raw(read_report(a)).blocks == normalize_raw(read_report(b)).blocks
        for a, b in zip(files, texts, strict=True)
    )
    return f"{same} of {len(files)}"


def main() -> None:
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="corpusdiff-bench-extract-") as tmp:
        for kind, build in (("pdf", _pdf_report), ("html", _html_reports), ("docx", _docx_reports)):
            files, texts, what = build(Path(tmp))
            rounds = ROUNDS[kind]
            results[kind] = {
                "input": what,
                "txt_kb": round(sum(p.stat().st_size for p in texts) / 1e3),
                "read": _interleaved(_read(files), _read(texts), rounds),
                "normalise": _interleaved(_normalise(files), _normalise(texts), rounds),
                "same_body_as_txt": _same_body(files, texts),
            }
            if kind == "pdf":  # the layout's own share: against PDFium's plain text of the pages
                results[kind]["read_vs_pdfium_text"] = _interleaved(_read(files), _pdfium_text(files), rounds)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "extract.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{'format':<6} {'step':<10} {'s (best)':>9} {'txt s':>8} {'× txt':>7} {'× median':>9}  input")
    for kind, result in results.items():
        for step in ("read", "normalise"):
            figures = result[step]
            assert isinstance(figures, dict)
            print(
                f"{kind:<6} {step:<10} {figures['s_best']:>9.4f} {figures['baseline_s_best']:>8.4f} "
                f"{figures['ratio_best']:>7.1f} {figures['ratio_median']:>9.1f}  {result['input']}"
            )
        if "read_vs_pdfium_text" in result:
            figures = result["read_vs_pdfium_text"]
            assert isinstance(figures, dict)
            print(
                f"{kind:<6} {'read':<10} {figures['s_best']:>9.4f} {'':>8} {'':>7} {'':>9}  "
                f"PDFium's plain text {figures['baseline_s_best']:.4f} s: ×{figures['ratio_best']} "
                f"(median ×{figures['ratio_median']})"
            )
        print(f"{kind:<6} same document body as from the .txt: {result['same_body_as_txt']}")


if __name__ == "__main__":
    main()

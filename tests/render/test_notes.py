"""Reviewer notes on the changes they name (render/notes.py), in the Markdown diff report and in
`review`'s three formats, always escaped."""

from __future__ import annotations

import pytest

from corpusdiff.render import review
from corpusdiff.render.diff_markdown import to_markdown
from corpusdiff.render.notes import escape_markdown, place_notes
from corpusdiff.render.table import Change, comparison_table
from corpusdiff.strings import catalogue
from corpusdiff.structure import split_label
from corpusdiff.types.diff import DiffResult
from corpusdiff.types.notes import ReviewerNote
from corpusdiff.types.review import ReviewItem
from tests.conftest import ROOT, corpus_diff

OLD, NEW = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"
#: tests/data/labels/2022-01__2025-01.yaml: one initiative in both plans.
HETAO_OLD, HETAO_NEW = "1.高水平建设河套深港科技创新合作区", "1.持续高水平建设河套合作区深圳园区"
HOSTILE = "<img src=x onerror=alert(1)> [点击](javascript:alert(1)) | *强调*"


@pytest.fixture(scope="module")
def result() -> DiffResult:
    return corpus_diff(OLD, NEW)


def anchor(result: DiffResult, side: str, heading: str) -> str:
    doc = result.old if side == "old" else result.new
    unit = next(u for u in doc.units if u.heading == split_label(heading)[1])
    return doc.unit_address(unit).partition("#")[2]


def test_a_note_sits_on_the_row_of_its_change_and_a_wrong_one_is_an_orphan(result: DiffResult) -> None:
    old, new = anchor(result, "old", HETAO_OLD), anchor(result, "new", HETAO_NEW)
    on_pair = ReviewerNote(old, new, "改称深圳园区", True)
    dropped = ReviewerNote(old, "", "以为删去了")  # the diff pairs it: not dropped
    new_only = ReviewerNote("", new, "以为是新增")  # nor is its new side new
    table = comparison_table(result)
    placed = place_notes(table, [on_pair, dropped, new_only])
    [(number, notes)] = placed.rows.items()
    row = next(r for r in table.unit_rows if r.number == number)
    assert notes == (on_pair,) and [e.address for e in row.old] == [f"{OLD}#{old}"]
    assert [e.address for e in row.new] == [f"{NEW}#{new}"] and row.changes == (Change.REWORDED,)
    assert placed.orphans == (dropped, new_only)


def test_a_note_on_a_new_unit_finds_it(result: DiffResult) -> None:
    table = comparison_table(result)
    new_row = next(r for r in table.unit_rows if r.changes == (Change.NEW,))
    note = ReviewerNote("", new_row.new[0].address.partition("#")[2], "新提法")
    assert place_notes(table, [note]).rows == {new_row.number: (note,)}


def test_markdown_escaping_leaves_no_markup() -> None:
    escaped = escape_markdown(HOSTILE + "\n第二行")
    assert "<" not in escaped and "](" not in escaped and "| " not in escaped.replace("\\|", "")
    assert "\n" not in escaped and escaped.startswith("&lt;img src=x onerror=alert\\(1\\)&gt;")


def test_the_markdown_report_lists_the_notes_escaped(result: DiffResult) -> None:
    old, new = anchor(result, "old", HETAO_OLD), anchor(result, "new", HETAO_NEW)
    notes = [ReviewerNote(old, new, HOSTILE, True), ReviewerNote("p99999", "", "旧注")]
    report = to_markdown(result, notes, catalogue("en"))
    section = report.split("## Reviewer notes (2)\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line]
    assert (
        lines[0].startswith(f"- **significant** · {old} → {new} (") and escape_markdown(HOSTILE) in lines[0]
    )
    assert "改写" in lines[0] and "<img" not in report
    assert lines[1] == "- p99999 → — (*no such change in this diff*): 旧注"
    assert "## Reviewer notes" not in to_markdown(result, strings=catalogue("en"))
    chinese = to_markdown(result, notes).split("## 审阅批注（2）\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in chinese.splitlines() if line]
    assert lines[0].startswith(f"- **重要** · {old} → {new} (") and escape_markdown(HOSTILE) in lines[0]
    assert lines[1] == "- p99999 → — (*本次对比中没有这处改动*): 旧注"


def test_review_shows_the_notes_of_each_pair(result: DiffResult) -> None:
    items = [
        ReviewItem(NEW, "new edition", OLD, result),
        ReviewItem("futian/x/2020", "first of its series", "", None),
    ]
    asked: list[tuple[str, str]] = []

    def load(old: str, new: str) -> tuple[ReviewerNote, ...]:
        asked.append((old, new))
        return (ReviewerNote("p1", "", HOSTILE, True),)

    notes = review.notes_of(items, load)
    assert asked == [(OLD, NEW)]  # nothing compared, nothing to note
    assert review.to_json(items, notes)[0]["notes"] == [
        {"old": "p1", "new": "", "significant": True, "note": HOSTILE}
    ]
    assert "## 审阅批注（1）" in review.to_markdown(items, notes) and "<img" not in review.to_markdown(
        items, notes
    )
    assert "## Reviewer notes (1)" in review.to_markdown(items, notes, catalogue("en"))
    # p1 was not dropped: the note names no change of this diff, and the terminal says so
    orphan = f"批注（重要 p1 → —，本次对比中没有这处改动，见 corpusdiff check）：{HOSTILE}"
    assert orphan in review.to_terminal(items, notes).splitlines()
    english = review.to_terminal(items, notes, catalogue("en")).splitlines()
    assert f"note (significant p1 → —; no such change in this diff, see corpusdiff check): {HOSTILE}" in english
    assert f"=== {NEW}: new edition (against {OLD})" in english


def test_a_revision_is_noted_as_the_pair_of_the_document_with_itself() -> None:
    item = ReviewItem(NEW, "revised", f"{NEW}@abc1234567", None)
    assert review.pair_of(item) == (NEW, NEW)


def test_diff_markdown_reads_the_notes_of_the_pair(tmp_path, result: DiffResult) -> None:
    import shutil

    from click.testing import CliRunner

    from corpusdiff.cli.main import main

    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "notes").mkdir()
    old, new = anchor(result, "old", HETAO_OLD), anchor(result, "new", HETAO_NEW)
    (corpus / "notes" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml").write_text(
        f"notes:\n  - old: {old}\n    new: {new}\n    note: '{HOSTILE}'\n", encoding="utf-8"
    )
    run = CliRunner().invoke(main, ["--corpus", str(corpus), "diff", OLD, NEW, "--format", "markdown"])
    assert run.exit_code == 1 and "## 审阅批注（1）" in run.stdout
    assert escape_markdown(HOSTILE) in run.stdout and "<img" not in run.stdout
    args = ["--corpus", str(corpus), "diff", OLD, NEW, "--format", "markdown", "--lang", "en"]
    assert "## Reviewer notes (1)" in CliRunner().invoke(main, args).stdout
    terminal = CliRunner().invoke(main, ["--corpus", str(corpus), "diff", OLD, NEW, "--summary"])
    assert (
        terminal.exit_code == 1 and "审阅批注" not in terminal.stdout
    )  # the terminal views stay as they were


def test_diff_json_carries_the_notes_of_the_pair_with_their_rows(tmp_path, result: DiffResult) -> None:
    """The notes file's entries, text as written (JSON is data), each with the 对照表 row of
    its change, null for an orphan; the report still validates against the schema."""
    import json
    import shutil

    import jsonschema
    from click.testing import CliRunner

    from corpusdiff.cli.main import main

    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "notes").mkdir()
    old, new = anchor(result, "old", HETAO_OLD), anchor(result, "new", HETAO_NEW)
    (corpus / "notes" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml").write_text(
        f"notes:\n  - old: {OLD}#{old}\n    new: {new}\n    significant: true\n    note: '{HOSTILE}'\n"
        "  - old: p99999\n    note: 旧注\n",
        encoding="utf-8",
    )
    run = CliRunner().invoke(main, ["--corpus", str(corpus), "diff", OLD, NEW, "--format", "json"])
    data = json.loads(run.stdout)
    hetao_row = next(
        r.number for r in comparison_table(result).unit_rows if [e.address for e in r.new] == [f"{NEW}#{new}"]
    )
    assert data["notes"] == [
        {"old": old, "new": new, "significant": True, "note": HOSTILE, "row": hetao_row},
        {"old": "p99999", "new": "", "significant": False, "note": "旧注", "row": None},
    ]
    jsonschema.validate(data, json.loads((ROOT / "docs" / "diff-schema.json").read_text(encoding="utf-8")))
    (corpus / "notes" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml").unlink()
    bare = CliRunner().invoke(main, ["--corpus", str(corpus), "diff", OLD, NEW, "--format", "json"])
    assert json.loads(bare.stdout)["notes"] == []


def test_review_says_which_years_the_comparison_spans_without_an_edition(result: DiffResult) -> None:
    """The 2025 plan is compared with the 2022 plan, the corpus having no annual plan of 2023 or
    2024 (Wikisource's 2021 work report with 2019's, no 2020): the review says so, in each format
    that shows the comparison, where before it named the earlier edition only."""
    items = [ReviewItem(NEW, "new edition", OLD, result)]
    note = "note: the corpus has no edition of this kind from 2023–2024 between the two"
    assert any(line.startswith(note) for line in review.to_terminal(items, strings=catalogue("en")).splitlines())
    assert "2023–2024 年的同类版本" in review.to_markdown(items)
    revised = [ReviewItem(NEW, "revised", f"{NEW}@abc1234567", corpus_diff(NEW, NEW))]
    assert "2023–2024" not in review.to_terminal(revised)

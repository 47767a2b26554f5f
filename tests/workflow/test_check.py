"""`corpusdiff check` catches what breaks a corpus, one line per problem."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from corpusdiff.workflow.check import first_change
from tests.conftest import SEEDS

DOC = "futian/annual-plan/2022-01"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    assert (
        CliRunner()
        .invoke(main, ["--corpus", str(root), "ingest", str(SEEDS / "futian-2022-01-plan-report.txt")])
        .exit_code
        == 0
    )
    return root


def check(root: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["--corpus", str(root), "check"])
    return result.exit_code, result.stdout.splitlines()


def edit(root: Path, old: str, new: str) -> None:
    path = root / f"{DOC}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_fresh_corpus_is_ok(corpus: Path) -> None:
    assert check(corpus) == (0, [])


def line_number(root: Path, text: str) -> int:
    lines = (root / f"{DOC}.md").read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_hard_wrapped_paragraph(corpus: Path) -> None:
    edit(corpus, "坚持“提级防疫、精准防疫、", "坚持“提级防疫、\n精准防疫、")
    broken = line_number(corpus, "坚持“提级防疫、")
    code, lines = check(corpus)
    assert code == 1 and len(lines) == 1 and "not canonical" in lines[0] and lines[0].startswith(str(corpus))
    assert f"first at lines {broken}–{broken + 1}: a paragraph broken over 2 lines" in lines[0]


def test_markup_the_canonical_form_lacks_is_named_not_blamed_on_wrapping(corpus: Path) -> None:
    """A `**bold**` put in by hand: check said `a hand-wrapped paragraph, spacing or punctuation`,
    and the reader looked for a line break that was not there."""
    edit(corpus, "\n初步测算，主要指标", "\n**初步测算**，主要指标")
    marked = line_number(corpus, "**初步测算**")
    code, lines = check(corpus)
    assert code == 1 and len(lines) == 1 and "not canonical" in lines[0]
    assert f"first at line {marked}: `**初步测算**，主要指标" in lines[0]
    assert "becomes `初步测算，主要指标" in lines[0]
    assert "wrapped" not in lines[0] and "broken" not in lines[0]


def test_wrong_sha256(corpus: Path) -> None:
    edit(corpus, "sha256: c09c8b", "sha256: 000000")
    code, lines = check(corpus)
    assert code == 1 and any("does not match its recorded sha256" in line for line in lines)


def test_a_source_larger_than_any_report_is_named_not_read(corpus: Path) -> None:
    """A corpus unpacked from elsewhere may hold a sparse file of hundreds of gigabytes as a source: `check`
    read it whole to hash it, a memory error (an internal error) or the machine's memory gone."""
    source = corpus / "sources" / "futian-2022-01-plan-report.txt"
    os.truncate(source, 300 * 1024**3)  # 300 GiB, sparse: no disk used
    code, lines = check(corpus)
    assert code == 1 and any("larger than any report" in line for line in lines)


def test_a_document_larger_than_any_report_is_named_not_read(corpus: Path) -> None:
    """A sparse `.md` without a line break: every command read it whole looking for its front
    matter (an internal MemoryError); it is no document, and `check` names it."""
    (corpus / "futian/annual-plan/2026-01.md").touch()
    os.truncate(corpus / "futian/annual-plan/2026-01.md", 300 * 1024**3)
    code, lines = check(corpus)
    assert code == 1 and any("2026-01.md: larger than any report" in line for line in lines)
    listed = CliRunner().invoke(main, ["--corpus", str(corpus), "list"])
    assert listed.exit_code == 0 and DOC in listed.stdout and "2026-01" not in listed.stdout


def test_a_source_that_is_a_named_pipe_is_named_not_waited_for(corpus: Path) -> None:
    """It was `does not exist`; one swapped in after that look was opened to be hashed, and
    opening a pipe waits for a writer for ever."""
    source = corpus / "sources" / "futian-2022-01-plan-report.txt"
    source.unlink()
    os.mkfifo(source)
    code, lines = check(corpus)
    assert code == 1 and lines == [
        f"{corpus / DOC}.md: source file sources/futian-2022-01-plan-report.txt is a named pipe, not the "
        "report's file; put the report's file there"
    ]


def test_a_document_that_is_a_named_pipe_or_a_folder_is_named_for_what_it_is(corpus: Path) -> None:
    """Both were `not a file (a symlink to nothing?)`; and a document is read as a regular file
    told by the open descriptor, so one swapped for a pipe after a look at its name is not waited on."""
    os.mkfifo(corpus / "futian" / "annual-plan" / "2030-01.md")
    (corpus / "futian" / "annual-plan" / "2031-01.md").mkdir()
    code, lines = check(corpus)
    assert code == 1 and lines == [
        f"{corpus}/futian/annual-plan/2030-01.md: a named pipe, not a file; remove it",
        f"{corpus}/futian/annual-plan/2031-01.md: a directory, not a file; remove it",
    ]


def test_missing_source(corpus: Path) -> None:
    (corpus / "sources" / "futian-2022-01-plan-report.txt").unlink()
    code, lines = check(corpus)
    assert code == 1 and any("does not exist" in line for line in lines)


def test_broken_front_matter(corpus: Path) -> None:
    edit(corpus, "genre: annual-plan\n", "genre: [annual-plan\n")
    code, lines = check(corpus)
    assert code == 1 and any("front matter" in line for line in lines)


def test_missing_field_and_id_mismatch(corpus: Path) -> None:
    edit(corpus, "series: futian-plan\n", "")
    edit(corpus, f"id: {DOC}\n", "id: futian/annual-plan/1999-01\n")
    _, lines = check(corpus)
    assert any("`series` is missing" in line for line in lines)
    assert any("does not match its path" in line for line in lines)


def test_duplicate_id(corpus: Path) -> None:
    shutil.copyfile(corpus / f"{DOC}.md", corpus / "futian" / "annual-plan" / "copy.md")
    _, lines = check(corpus)
    assert any("is also used by" in line for line in lines)


def test_alignment_file_naming_a_missing_document(corpus: Path) -> None:
    (corpus / "alignments").mkdir()
    (corpus / "alignments" / "futian.annual-plan.2022-01__futian.annual-plan.2030-01.yaml").write_text(
        "pin: []\n", encoding="utf-8"
    )
    code, lines = check(corpus)
    assert code == 1 and lines == [
        f"{corpus}/alignments/futian.annual-plan.2022-01__futian.annual-plan.2030-01.yaml: "
        "names document 'futian/annual-plan/2030-01', which is not in the corpus"
    ]


def test_alignment_entry_with_a_misspelt_side(corpus: Path) -> None:
    (corpus / "alignments").mkdir()
    path = corpus / "alignments" / "futian.annual-plan.2022-01__futian.annual-plan.2022-01.yaml"
    path.write_text("forbid:\n  - old: p3\n    nwe: p4\n", encoding="utf-8")
    code, lines = check(corpus)
    assert code == 1 and len(lines) == 1 and lines[0].startswith(f"{path}: `forbid` must be a list of")


def test_alignment_entries_that_name_nothing_or_several_initiatives(corpus: Path) -> None:
    """Overrides the diff would leave out (a document changed since they were written) are
    found by check; an entry naming a heading, an address or a lead of the two is not."""
    (corpus / "alignments").mkdir()
    path = corpus / "alignments" / "futian.annual-plan.2022-01__futian.annual-plan.2022-01.yaml"
    path.write_text(
        "pin:\n  - old: 推进枢纽城区建设\n    new: p72\n"
        "forbid:\n  - old: 一项从未有过的任务\n  - old: ——地区生产总值\n    new: p999999\n",
        encoding="utf-8",
    )
    code, lines = check(corpus)
    assert code == 1 and lines == [
        f"{path}: entry 一项从未有过的任务 / (none) names no heading or initiative the documents have; fix or remove it",
        f"{path}: entry ——地区生产总值 / p999999 names more than one initiative; give its address (such as p163)",
    ]


def test_the_project_corpus_passes() -> None:
    from tests.conftest import ROOT

    assert check(ROOT / "corpus") == (0, [])


def _hetao_anchor(root: Path, doc_id: str, heading: str) -> str:
    """The address of a task, as the site numbers paragraphs (what a reviewer writes)."""
    from corpusdiff.structure import tree_from_markdown

    tree = tree_from_markdown((root / f"{doc_id}.md").read_text(encoding="utf-8"))
    unit = next(u for u in tree.units if u.heading == heading)
    return tree.unit_address(unit).partition("#")[2]


def test_reviewer_notes_whose_change_the_diff_no_longer_has(corpus: Path) -> None:
    new_plan = SEEDS / "futian-2025-01-plan-report.txt"
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(new_plan)]).exit_code == 0
    new = "futian/annual-plan/2025-01"
    # tests/data/labels/2022-01__2025-01.yaml: the 河套 task continues, reworded
    old_at = _hetao_anchor(corpus, DOC, "高水平建设河套深港科技创新合作区")
    new_at = _hetao_anchor(corpus, new, "持续高水平建设河套合作区深圳园区")
    path = corpus / "notes" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml"
    path.parent.mkdir()
    path.write_text(
        f"notes:\n  - old: {old_at}\n    new: {new_at}\n    note: 改称深圳园区\n"
        f"  - old: {old_at}\n    note: 删去了\n",  # it was not dropped
        encoding="utf-8",
    )
    code, lines = check(corpus)
    assert code == 1 and lines == [
        f"{path}: note on {old_at} → —: the diff of {DOC} and {new} has no such change any more; give the "
        "unit addresses of the change (`corpusdiff diff --format csv` lists them) or remove the note"
    ]
    path.write_text(
        f"notes:\n  - old: {old_at}\n    new: {new_at}\n    note: 改称深圳园区\n", encoding="utf-8"
    )
    assert check(corpus) == (0, [])


def test_a_reviewer_note_on_an_address_no_unit_has_is_named_a_typo(corpus: Path) -> None:
    """`p999` never existed: "no such change any more" sent the reviewer looking for a change."""
    new_plan = SEEDS / "futian-2025-01-plan-report.txt"
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(new_plan)]).exit_code == 0
    new = "futian/annual-plan/2025-01"
    path = corpus / "notes" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml"
    path.parent.mkdir()
    path.write_text("notes:\n  - new: p999\n    note: 地址不存在\n", encoding="utf-8")
    code, lines = check(corpus)
    assert code == 1 and lines == [
        f"{path}: note on — → p999: {new} has no unit p999; give the unit addresses of the change "
        "(`corpusdiff diff --format csv` lists them) or remove the note"
    ]


def test_a_notes_file_that_is_wrong_or_names_a_missing_document(corpus: Path) -> None:
    (corpus / "notes").mkdir()
    missing = corpus / "notes" / "futian.annual-plan.2022-01__futian.annual-plan.2030-01.yaml"
    missing.write_text("notes: []\n", encoding="utf-8")
    broken = corpus / "notes" / "futian.annual-plan.2022-01__futian.annual-plan.2022-01.yaml"
    broken.write_text("notes:\n  - old: p1\n", encoding="utf-8")
    code, lines = check(corpus)
    assert code == 1 and lines == [
        f"{broken}: note 1: `note` must be text; fix it",
        f"{missing}: names document 'futian/annual-plan/2030-01', which is not in the corpus",
    ]


@pytest.mark.parametrize(
    ("recorded", "said"),
    [
        ("  format: xlsx\n", "source.format 'xlsx' is not a format corpusdiff reads"),
        ("  format: pdf\n", "source.extractor is missing for a pdf source"),
        ("  format: html\n  extractor: ''\n", "source.extractor is missing for a html source"),
    ],
)
def test_a_source_format_corpusdiff_does_not_read_or_without_its_extractor(
    corpus: Path, recorded: str, said: str
) -> None:
    edit(corpus, "  encoding: utf-8\n", "  encoding: utf-8\n" + recorded)
    code, lines = check(corpus)
    assert code == 1 and any(said in line for line in lines), lines


def test_a_text_source_needs_no_extractor(corpus: Path) -> None:
    edit(corpus, "  encoding: utf-8\n", "  encoding: utf-8\n  format: text\n")
    _, lines = check(corpus)  # the hand edit itself is reported as not committed
    assert not any("source." in line for line in lines), lines


def test_each_document_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` re-normalises the document it parsed for its front matter (it parsed the text a
    second time for that: a third of its CPU, paid by every check of a corpus)."""
    from markdown_it import MarkdownIt

    from tests.conftest import ROOT

    parsed: list[str] = []
    real_parse = MarkdownIt.parse

    def counting_parse(self: MarkdownIt, src: str, env: object = None) -> object:
        parsed.append(src)
        return real_parse(self, src, env)  # type: ignore[arg-type]

    monkeypatch.setattr(MarkdownIt, "parse", counting_parse)
    assert check(ROOT / "corpus") == (0, [])
    again = len(parsed) - len(set(parsed))
    assert parsed and again == 0, f"{again} of {len(parsed)} parses were of a text parsed already"


def test_a_date_that_is_not_the_one_the_id_names(corpus: Path) -> None:
    edit(corpus, "date: 2022-01", "date: 2022-02")
    code, lines = check(corpus)
    assert code == 1 and any("is not the date its id names (2022-01)" in line for line in lines)


def test_a_date_more_precise_than_the_id_is_no_problem(corpus: Path) -> None:
    edit(corpus, "date: 2022-01", "date: '2022-01-21'")
    assert check(corpus) == (0, [])


def test_a_series_typo_leaving_one_edition_alone_is_named(tmp_path: Path) -> None:
    root = tmp_path / "c"
    seeds = [SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"]
    assert CliRunner().invoke(main, ["--corpus", str(root), "ingest", *map(str, seeds)]).exit_code == 0
    edit(root, "series: futian-plan\n", "series: futian plan\n")
    code, lines = check(root)
    assert code == 1 and len(lines) == 1
    assert "series 'futian plan' holds only this document" in lines[0] and "'futian-plan'" in lines[0]


def test_a_series_of_its_own_by_another_name_is_no_typo(tmp_path: Path) -> None:
    root = tmp_path / "c"
    seeds = [SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"]
    assert CliRunner().invoke(main, ["--corpus", str(root), "ingest", *map(str, seeds)]).exit_code == 0
    edit(root, "series: futian-plan\n", "series: futian-covid-plans\n")
    assert check(root) == (0, [])


def test_site_yaml_naming_a_document_the_corpus_lacks(corpus: Path) -> None:
    (corpus / "site.yaml").write_text(
        f"pairs:\n  - old: {DOC}\n    new: futian/annual-plan/2052-01\n  - [{DOC}, {DOC}]\n"
        f"timelines:\n  - name: t\n    documents: [{DOC}, futian/plan/typo]\n",
        encoding="utf-8",
    )
    code, lines = check(corpus)
    assert code == 1 and len(lines) == 3
    assert "pairs entry 1 names 'futian/annual-plan/2052-01', which is not in the corpus" in lines[0]
    assert "pairs entry 2 needs `old:` and `new:`" in lines[1]
    assert "timeline 't' names 'futian/plan/typo'" in lines[2]


def test_a_source_left_behind_by_removing_its_document(corpus: Path) -> None:
    (corpus / f"{DOC}.md").unlink()
    code, lines = check(corpus)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(str(corpus / "sources")) and "the source of no document" in lines[0]


@pytest.mark.parametrize(
    ("text", "canonical", "said"),
    [
        ("# 报告\n正文。\n", "# 报告\n\n正文。\n", "first at line 2: a blank line is added before it"),
        ("# 报告\n\n正文。  \n", "# 报告\n\n正文。\n", "first at line 3: spaces or tabs the canonical form does not have"),
        ("# 报告\n\n\n\n正文。\n", "# 报告\n\n正文。\n", "first at lines 3–4: 2 blank lines are removed"),
    ],
)
def test_the_first_change_normalising_makes_is_named(text: str, canonical: str, said: str) -> None:
    assert first_change(text, canonical) == said


def test_naming_the_first_change_of_a_long_document_changed_throughout_is_quick() -> None:
    """A diff of the whole of a 5,000-line document changed on every paragraph (half its lines
    blank) took seven minutes: only the lines around the first change are compared."""
    paragraphs = [f"第{n}段正文，推进第{n}项工作。" for n in range(2500)]
    canonical = "\n\n".join(paragraphs)
    text = "\n\n".join(f"**{p[:3]}**{p[3:]}" for p in paragraphs)
    started = time.monotonic()
    said = first_change(text, canonical)
    assert time.monotonic() - started < 5
    assert said.startswith("first at line 1 (2500 lines change in all): `**第0段**")

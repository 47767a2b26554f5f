"""Reviewer notes files (store/notes.py): what they hold, and one line for each way they can be
wrong. The file is untrusted corpus input, read by the limited YAML loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.errors import CorpusError
from corpusdiff.store.notes import load_notes, note_files, notes_name
from corpusdiff.types.notes import ReviewerNote

OLD, NEW = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"
NAME = "notes/futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml"


def write(corpus: Path, text: str) -> Path:
    path = corpus / NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_is_named_like_the_alignment_overrides() -> None:
    assert notes_name(OLD, NEW) == NAME


def test_notes_by_anchor_or_whole_address(tmp_path: Path) -> None:
    write(
        tmp_path,
        "notes:\n"
        "  - old: p163\n    new: futian/annual-plan/2025-01#p165\n    significant: true\n"
        "    note: |\n      河套合作区改称“深圳园区”。\n"
        "  - new: '#h40'\n    note: 新增的一组任务\n",
    )
    assert load_notes(tmp_path, OLD, NEW) == (
        ReviewerNote("p163", "p165", "河套合作区改称“深圳园区”。", True, NAME),
        ReviewerNote("", "h40", "新增的一组任务", False, NAME),
    )


def test_no_file_or_no_ids_means_no_notes(tmp_path: Path) -> None:
    assert load_notes(tmp_path, OLD, NEW) == ()
    write(tmp_path, "notes:\n  - old: p1\n    note: x\n")
    assert load_notes(tmp_path, "", NEW) == ()  # a file outside the corpus has no id
    write(tmp_path, "")
    assert load_notes(tmp_path, OLD, NEW) == ()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- old: p1\n  note: x\n", "must be a mapping with a `notes` list"),
        ("notes: {old: p1}\n", "must be a mapping with a `notes` list"),
        ("notes:\n  - p1\n", "note 1: must be a mapping with `old` and/or `new` and `note`"),
        ("notes:\n  - old: p1\n", "note 1: `note` must be text"),
        ("notes:\n  - old: p1\n    note: x\n    colour: red\n", "note 1: unknown key colour"),
        ("notes:\n  - note: x\n", "note 1: give the unit's address in `old`, `new` or both"),
        ("notes:\n  - old: paragraph 3\n    note: x\n", "note 1: `old` must be a unit address such as p163"),
        ("notes:\n  - old: 163\n    note: x\n", "note 1: `old` must be a unit address"),
        (
            "notes:\n  - new: futian/annual-plan/2024-01#p3\n    note: x\n",
            "note 1: `new` names futian/annual-plan/2024-01, but this file is about futian/annual-plan/2025-01",
        ),
        (
            "notes:\n  - old: p1\n    note: x\n    significant: yes please\n",
            "`significant` must be true or false",
        ),
        ('notes:\n  - old: p1\n    note: "\\e[31mred"\n', "note 1: `note` holds a control character"),
        ("notes:\n  - &a {old: p1, note: x}\n  - *a\n", "anchors (&name) are not allowed"),
        ("notes: [\n", "not valid YAML"),
    ],
)
def test_a_wrong_file_is_one_line_naming_it(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CorpusError) as raised:
        load_notes(tmp_path, OLD, NEW)
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and problem in message and "\n" not in message


def test_a_link_out_of_the_corpus_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("notes:\n  - old: p1\n    note: x\n", encoding="utf-8")
    corpus = tmp_path / "c"
    (corpus / "notes").mkdir(parents=True)
    (corpus / NAME).symlink_to(outside)
    with pytest.raises(CorpusError, match="is a link to a file outside the corpus"):
        load_notes(corpus, OLD, NEW)


def test_note_files_give_the_ids_their_names_hold(tmp_path: Path) -> None:
    write(tmp_path, "")
    (tmp_path / "notes" / "stray.yaml").write_text("", encoding="utf-8")
    assert [(p.name, o, n) for p, o, n in note_files(tmp_path)] == [
        (Path(NAME).name, OLD, NEW),
        ("stray.yaml", "", ""),
    ]

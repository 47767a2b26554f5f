"""Metadata of every national report of the development corpus, detected with no manifest and
no option, against labels written by reading the reports (tests/data/labels/metadata.yaml):
the 9 recent reports (2013–2022, six of them without a title line) and the 18 older ones
(1954–1988, in traditional characters in 1954, most without a title line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.store.files import read_yaml
from corpusdiff.types.document import Metadata

DATA = Path(__file__).parent.parent / "data"
LABELS: dict[str, dict[str, str]] = read_yaml(DATA / "labels" / "metadata.yaml")
FIELDS = ("title", "level", "region", "genre", "year", "date", "speaker", "meeting")


def detected(metadata: Metadata) -> dict[str, str]:
    return {field: metadata.date[:4] if field == "year" else getattr(metadata, field) for field in FIELDS}


def test_every_report_of_the_development_corpus_is_labelled() -> None:
    on_disk = sorted(
        p.relative_to(DATA / "national-gwr").as_posix() for p in DATA.glob("national-gwr/wikisource*/*.txt")
    )
    assert sorted(LABELS) == on_disk
    assert len([k for k in LABELS if k.startswith("wikisource/")]) == 9
    assert len([k for k in LABELS if k.startswith("wikisource-older/")]) == 18


@pytest.mark.parametrize("path", sorted(LABELS))
def test_metadata_is_right_without_a_manifest(path: str) -> None:
    raw = decode_report((DATA / "national-gwr" / path).read_bytes(), "report.txt")
    expected = {field: str(LABELS[path][field]) for field in FIELDS}
    assert detected(normalize_raw(raw).metadata) == expected


@pytest.mark.parametrize("name", ["1978.txt", "2099.txt", "report.txt"])
def test_the_file_name_is_never_evidence(name: str) -> None:
    """The year comes from the text: the same bytes under any name get the same metadata."""
    data = (DATA / "national-gwr" / "wikisource" / "2014.txt").read_bytes()
    metadata = normalize_raw(decode_report(data, name)).metadata
    assert (metadata.date, metadata.title) == ("2014", "政府工作报告")


@pytest.mark.parametrize("path", ["wikisource/2017.txt", "wikisource/2021.txt", "wikisource-older/1957.txt"])
def test_a_zero_width_space_before_the_title_is_no_wrapper(path: str) -> None:
    """These files start with a line holding only U+200B: nothing is dropped, nothing is said."""
    raw = decode_report((DATA / "national-gwr" / path).read_bytes(), "report.txt")
    assert not any("before the title" in w for w in normalize_raw(raw).warnings)

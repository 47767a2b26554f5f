"""One id shape per series, as a user meets it at the command line (docs/corpus.md): the national
reports give a delivery day (2017, 2021) or only their year (2016), and their ids must not mix
`…/2016` with `…/2017-03-05`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.conftest import SEEDS

NATIONAL = Path(__file__).parent.parent / "data" / "national-gwr"
GWR = "national/government-work-report"


def corpusdiff(corpus: Path, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(main, ["--corpus", str(corpus), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def listed_ids(corpus: Path) -> list[str]:
    out, _ = corpusdiff(corpus, "list")
    return [line.split()[0] for line in out.splitlines()]


@pytest.fixture
def reports(tmp_path: Path) -> dict[str, Path]:
    """Copies under names that carry no year: the id can only come from the text."""
    sources = {
        "1957": "wikisource-older/1957.txt",  # delivered 1957-06-26
        "2016": "wikisource/2016.txt",  # its text gives only the year
        "2017": "wikisource/2017.txt",  # delivered 2017-03-05
        "2021": "wikisource/2021.txt",  # delivered 2021-03-05
        "2017-govcn": "govcn/2017.html",  # the 2017 report again, from the portal
    }
    copies = {}
    for name, source in sources.items():
        target = tmp_path / "in" / f"report-{len(copies)}{Path(source).suffix}"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(NATIONAL / source, target)
        copies[name] = target
    return copies


def test_one_run_gives_the_series_one_id_shape(tmp_path: Path, reports: dict[str, Path]) -> None:
    corpus = tmp_path / "corpus"
    corpusdiff(corpus, "ingest", "-q", *(str(reports[y]) for y in ("2016", "2017", "2021", "1957")))
    assert sorted(listed_ids(corpus)) == [f"{GWR}/1957", f"{GWR}/2016", f"{GWR}/2017", f"{GWR}/2021"]


def test_a_later_edition_takes_its_series_shape(tmp_path: Path, reports: dict[str, Path]) -> None:
    corpus = tmp_path / "corpus"
    corpusdiff(corpus, "ingest", "-q", str(reports["2016"]))
    corpusdiff(corpus, "ingest", "-q", str(reports["2017"]))
    assert sorted(listed_ids(corpus)) == [f"{GWR}/2016", f"{GWR}/2017"]


def test_ids_are_never_rewritten_and_a_coarser_edition_is_warned(
    tmp_path: Path, reports: dict[str, Path]
) -> None:
    corpus = tmp_path / "corpus"
    corpusdiff(corpus, "ingest", "-q", str(reports["2017"]))  # alone, it keeps its day
    _, warned = corpusdiff(corpus, "ingest", str(reports["2016"]))
    corpusdiff(corpus, "ingest", "-q", str(reports["2017"]))  # a re-ingest keeps the id
    assert sorted(listed_ids(corpus)) == [f"{GWR}/2016", f"{GWR}/2017-03-05"]
    assert f"its series names editions by a finer date ({GWR}/2017-03-05)" in warned
    assert "--date" in warned


def test_a_second_source_of_one_report_is_no_second_edition(tmp_path: Path, reports: dict[str, Path]) -> None:
    corpus = tmp_path / "corpus"
    files = (str(reports["2017"]), str(reports["2017-govcn"]), str(reports["2016"]))
    _, warned = corpusdiff(corpus, "ingest", "--as-new", *files)  # kept beside it, as asked
    assert sorted(listed_ids(corpus)) == [f"{GWR}/2016", f"{GWR}/2017", f"{GWR}/2017-2"]
    assert f"the same report as {GWR}/2017 (" in warned


def two_sessions_of_1957(tmp_path: Path, reports: dict[str, Path], name: str) -> Path:
    """A corpus whose manifest dates two different reports to the two sessions of 1957."""
    corpus = tmp_path / name
    corpus.mkdir()
    manifest = {reports["2017"].name: "1957-12-20", reports["2021"].name: "1957-06-26"}  # the same year
    (corpus / "manifest.yaml").write_text(
        "".join(f'{name}:\n  date: "{date}"\n' for name, date in manifest.items()), encoding="utf-8"
    )
    return corpus


def test_two_editions_in_one_year_are_told_apart_by_the_later_ones_date(
    tmp_path: Path, reports: dict[str, Path]
) -> None:
    """Two sessions in one year (as in 1957–1959 or 1979–1980) are two editions: the year alone
    would name them `…/1957` and `…/1957-2`; the first takes the year's id, the later keeps the
    day its text gives, in one run (in any order of files) as one by one in order."""
    in_one_run = two_sessions_of_1957(tmp_path, reports, "one-run")
    corpusdiff(in_one_run, "ingest", "-q", *(str(reports[y]) for y in ("2017", "2021", "2016")))
    in_order = two_sessions_of_1957(tmp_path, reports, "in-order")
    for year in ("2016", "2021", "2017"):  # 1957-06-26, then 1957-12-20
        corpusdiff(in_order, "ingest", "-q", str(reports[year]))
    expected = [f"{GWR}/1957", f"{GWR}/1957-12-20", f"{GWR}/2016"]
    assert sorted(listed_ids(in_one_run)) == expected
    assert sorted(listed_ids(in_order)) == expected


def test_an_edition_ingested_after_a_later_one_of_its_year_keeps_its_date_and_is_warned(
    tmp_path: Path, reports: dict[str, Path]
) -> None:
    corpus = two_sessions_of_1957(tmp_path, reports, "corpus")
    corpusdiff(corpus, "ingest", "-q", str(reports["2016"]), str(reports["2017"]))  # December first
    _, warned = corpusdiff(corpus, "ingest", str(reports["2021"]))  # then June
    assert sorted(listed_ids(corpus)) == [f"{GWR}/1957", f"{GWR}/1957-06-26", f"{GWR}/2016"]
    assert f"{GWR}/1957 is a later edition of its year (1957-12-20)" in warned
    assert "git mv" in warned


def test_a_series_whose_reports_all_give_a_month_keeps_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpusdiff(corpus, "ingest", "-q", *(str(p) for p in sorted(SEEDS.glob("futian-202[235]-*.txt"))))
    assert sorted(listed_ids(corpus)) == [
        "futian/annual-plan/2022-01",
        "futian/annual-plan/2025-01",
        "futian/government-work-report/2022-01-21",
        "futian/mid-year-report/2023-10",
    ]

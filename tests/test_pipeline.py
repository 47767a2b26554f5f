"""The pipeline benchmark's own pieces (benchmarks/pipeline.py): the extra edition, argument
chunks, the series pairs and what a measured subprocess reports."""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.pipeline import (
    Measured,
    consecutive_pairs,
    file_chunks,
    files_written,
    next_edition,
    run_measured,
)
from benchmarks.synthetic import generate, load_sources, write_corpus
from corpusdiff.cli.main import main as corpusdiff_main


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def test_next_edition_is_what_one_more_report_would_be_when_the_last_series_is_short(sources) -> None:
    thirteen = list(generate(13, 7, sources))
    fourteen = list(generate(14, 7, sources))
    extra = next_edition(thirteen, 7, sources)
    assert (extra.name, extra.text) == (fourteen[-1].name, fourteen[-1].text)


def test_next_edition_continues_a_full_series_with_the_following_year(sources) -> None:
    ten = list(generate(10, 7, sources))
    extra = next_edition(ten, 7, sources)
    assert extra.name == "futian-2032-01-annual-plan.txt"
    assert extra.truth["previous"] == "futian-2031-01-annual-plan.txt"
    assert extra.name not in {f.name for f in generate(11, 7, sources)}


def test_file_chunks_keep_each_command_under_the_byte_limit() -> None:
    files = [Path("a" * 9)] * 5  # 10 bytes each with the separator
    assert [len(group) for group in file_chunks(files, limit=25)] == [2, 2, 1]
    assert [len(group) for group in file_chunks(files)] == [5]


def test_files_written_reads_the_site_build_summary_line() -> None:
    line = "59 files: 8 written, 51 unchanged, in 4.5 s\nopen file:///x/index.html\n"
    assert files_written(Measured(1.0, 1.0, 1.0, line)) == {"files": 59, "written": 8, "unchanged": 51}
    assert files_written(Measured(1.0, 1.0, 1.0, "something else")) is None


def test_peak_rss_covers_a_grandchild_process() -> None:
    grandchild = "data = b'x' * 150_000_000"
    child = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {grandchild!r}], check=True)"
    measured = run_measured([sys.executable, "-c", child], env={})
    assert measured.peak_rss_mb > 140


def test_cpu_time_counts_the_children_not_the_wall_clock() -> None:
    sleeper = "import time; time.sleep(1.0)"
    child = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {sleeper!r}], check=True)"
    spinner = "import time; end = time.process_time() + 0.5\nwhile time.process_time() < end: pass"
    busy = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {spinner!r}], check=True)"
    asleep, spinning = (
        run_measured([sys.executable, "-c", child], {}),
        run_measured([sys.executable, "-c", busy], {}),
    )
    assert asleep.seconds >= 1.0 and asleep.cpu_s < 0.5
    assert spinning.cpu_s >= 0.5


def test_run_measured_raises_with_the_output_of_a_failing_command() -> None:
    with pytest.raises(RuntimeError, match="boom"):
        run_measured([sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"], env={})


def test_consecutive_pairs_follow_each_series_in_date_order(tmp_path: Path, sources) -> None:
    files = write_corpus(12, 7, tmp_path / "raw", sources)
    corpus = tmp_path / "corpus"
    raw = [str(tmp_path / "raw" / f.name) for f in reversed(files)]  # ingest order must not matter
    result = CliRunner().invoke(corpusdiff_main, ["--corpus", str(corpus), "ingest", "--quiet", *raw])
    assert result.exit_code == 0, result.output
    pairs = [
        (Path(old).relative_to(corpus).as_posix(), Path(new).relative_to(corpus).as_posix())
        for old, new in consecutive_pairs(corpus)
    ]
    futian = [f"futian/annual-plan/{year}-01.md" for year in range(2022, 2032)]
    expected = [*pairwise(futian), ("luohu/annual-plan/2025-01.md", "luohu/annual-plan/2026-01.md")]
    assert sorted(pairs) == sorted(expected)

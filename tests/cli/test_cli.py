"""The command line, tested the way a user runs it (click's runner and a real subprocess)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from corpusdiff.text.chars import display_width
from corpusdiff.types.genre import GENRES
from tests.conftest import SEEDS

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_normalize_prints_canonical_markdown() -> None:
    code, out, _ = run("normalize", "-q", str(PLAN_2022))
    assert code == 0
    assert out.startswith("---\ntitle: 福田区2021年国民经济和社会发展计划执行情况与2022年计划\n")
    assert "\n## 一、2021年国民经济和社会发展计划执行情况\n" in out


def test_normalize_writes_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    code, out, _ = run("normalize", "-q", str(PLAN_2022), "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("---\n")


def test_normalize_of_canonical_output_is_unchanged(tmp_path: Path) -> None:
    first = tmp_path / "first.md"
    run("normalize", "-q", str(PLAN_2022), "-o", str(first))
    _, again, _ = run("normalize", "-q", str(first))
    assert again == first.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"abc\x00def", "NUL"),
        (bytes(range(128, 256)) * 8, "encoding"),
        (b"An English memo.\nNothing else.\n", "no Chinese text"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(tmp_path: Path, content: bytes, phrase: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run("normalize", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and phrase in err and "Traceback" not in err


def test_missing_path_and_directory(tmp_path: Path) -> None:
    assert run("normalize", str(tmp_path / "nope.txt"))[0] == 2
    code, _, err = run("normalize", str(tmp_path))
    assert code == 2 and "directory" in err


def test_ingest_list_show(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    code, out, _ = run("--corpus", str(corpus), "ingest", str(PLAN_2022))
    assert code == 0 and out.startswith("added     futian/annual-plan/2022-01 (")
    code, out, _ = run("--corpus", str(corpus), "list")
    assert code == 0 and "futian/annual-plan/2022-01" in out and "futian-plan" in out
    code, out, _ = run("--corpus", str(corpus), "show", "futian/annual-plan/2022-01", "--outline")
    assert code == 0
    assert out.split("\n")[:2] == [
        "福田区2021年国民经济和社会发展计划执行情况与2022年计划",
        "  一、2021年国民经济和社会发展计划执行情况",
    ]


def test_list_keeps_its_columns_with_long_series_names(tmp_path: Path) -> None:
    """guangdong-five-year-plan is longer than the usual series name: the titles still start in
    one column."""
    corpus = tmp_path / "c"
    outline = Path(__file__).parent.parent / "data" / "metadata" / "guangdong-14th-outline.txt"
    run("--corpus", str(corpus), "ingest", "-q", str(PLAN_2022), str(outline))
    code, out, _ = run("--corpus", str(corpus), "list")
    lines = out.splitlines()
    titles = ["福田区2021年国民经济和社会发展计划执行情况与2022年计划", "广东省国民经济和社会发展第十四个五年规划和2035年远景目标纲要"]
    assert code == 0 and len(lines) == 2
    assert len({line.index(title) for line in lines for title in titles if title in line}) == 1


def test_show_unknown_id_is_a_clear_error(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    run("--corpus", str(corpus), "ingest", str(PLAN_2022))
    code, _, err = run("--corpus", str(corpus), "show", "no/such/doc")
    assert code == 2 and "no document 'no/such/doc'" in err and "futian/annual-plan/2022-01" in err


def test_show_reads_a_report_file_as_diff_does(tmp_path: Path) -> None:
    """`show FILE --outline` checks a report's headings before it is ingested — the command
    `diff --section` points to when no heading matches, with a file on either side."""
    corpus = tmp_path / "empty-corpus"
    code, out, _ = run("--corpus", str(corpus), "show", str(PLAN_2022), "--outline")
    assert code == 0
    assert out.split("\n")[:2] == [
        "福田区2021年国民经济和社会发展计划执行情况与2022年计划",
        "  一、2021年国民经济和社会发展计划执行情况",
    ]
    code, out, _ = run("--corpus", str(corpus), "show", str(PLAN_2022))
    assert code == 0 and out == run("normalize", "-q", str(PLAN_2022))[1]
    code, _, err = run("--corpus", str(corpus), "diff", str(PLAN_2022), str(PLAN_2022), "--section", "不存在")
    assert code == 2
    advice = err.split("`")[1].split()
    assert advice[:2] == ["corpusdiff", "show"]
    assert run("--corpus", str(corpus), *advice[1:])[0] == 0


def test_ingest_of_a_bad_file_leaves_the_corpus_as_it_was(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    run("--corpus", str(corpus), "ingest", str(PLAN_2022))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    before = sorted(p.name for p in corpus.rglob("*"))
    code, _, err = run("--corpus", str(corpus), "ingest", str(PLAN_2022), str(bad))
    assert code == 2 and "empty" in err
    assert sorted(p.name for p in corpus.rglob("*")) == before


def test_python_dash_m_and_help() -> None:
    done = subprocess.run([sys.executable, "-m", "corpusdiff", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    for command in ("normalize", "ingest", "list", "show"):
        assert command in done.stdout
    # the typical use names the command the corpus is for, and the site
    typical = done.stdout.split("Typical use:", 1)[1].split("Options:", 1)[0]
    assert "corpusdiff diff " in typical and "corpusdiff site build" in typical
    assert "CORPUSDIFF_CORPUS" in done.stdout


def test_a_batch_ingest_to_a_log_writes_no_progress_label(tmp_path: Path) -> None:
    """stderr that is no terminal (a log, a pipe) gets no progress bar: click would write its
    label alone, and the next line of the log would run into it."""
    result = CliRunner().invoke(
        main, ["--corpus", str(tmp_path / "c"), "ingest", str(SEEDS / "futian-2022-01-plan-report.txt"), str(SEEDS / "futian-2025-01-plan-report.txt")]
    )
    assert result.exit_code == 0, result.output
    assert "normalising" not in result.stderr


def test_show_prints_a_document_as_a_revision_holds_it(tmp_path: Path) -> None:
    """`show ID@REV`, as diff, timeline and trace take it: the text the revision committed."""
    import git

    corpus = tmp_path / "c"
    run("--corpus", str(corpus), "ingest", str(PLAN_2022))
    stored = (corpus / "futian" / "annual-plan" / "2022-01.md").read_text(encoding="utf-8")
    edited = stored.replace("疫情防控取得重要成效", "疫情防控取得成效")
    (corpus / "futian" / "annual-plan" / "2022-01.md").write_text(edited, encoding="utf-8")
    git.Repo(corpus).git.commit("-am", "hand edit")
    code, out, _ = run("--corpus", str(corpus), "show", "futian/annual-plan/2022-01@HEAD~1")
    assert code == 0 and out == stored
    code, out, _ = run("--corpus", str(corpus), "show", "futian/annual-plan/2022-01@HEAD~1", "--outline")
    assert code == 0 and "疫情防控取得重要成效" in out


def test_ingest_inside_a_corpus_without_corpus_option_makes_no_corpus_within_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from inside the corpus (to use git there), the default ./corpus would be a second
    corpus in it, committed into the first's repository: refused, nothing written."""
    corpus = tmp_path / "c"
    assert run("--corpus", str(corpus), "ingest", "-q", str(PLAN_2022))[0] == 0
    monkeypatch.chdir(corpus)
    monkeypatch.delenv("CORPUSDIFF_CORPUS", raising=False)
    code, _, err = run("ingest", str(SEEDS / "futian-2025-01-plan-report.txt"))
    assert code == 2 and "--corpus ." in err and len(err.splitlines()) == 1
    assert not (corpus / "corpus").exists()
    assert run("--corpus", ".", "ingest", "-q", str(SEEDS / "futian-2025-01-plan-report.txt"))[0] == 0


def test_a_timeline_of_a_series_of_one_edition_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    assert run("--corpus", str(corpus), "ingest", "-q", str(PLAN_2022))[0] == 0
    code, _, err = run("--corpus", str(corpus), "timeline", "--series", "futian-plan")
    assert code == 2 and "series futian-plan has 1 edition" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("timeline", "no schema file"),
        ("trace", "no schema file"),
        ("review", "each `diff` follows docs/diff-schema.json"),
    ],
)
def test_json_help_says_which_part_follows_the_diff_schema(command: str, said: str) -> None:
    """Only a diff follows docs/diff-schema.json: timeline and trace JSON do not, review's `diff`s do."""
    code, out, _ = run(command, "--help")
    flat = " ".join(out.split())
    assert code == 0 and said in flat
    assert "json (schema: docs/diff-schema.json)" not in flat


@pytest.mark.parametrize(("command", "header"), [("terms", "词语"), ("indicators", "指标")])
def test_a_grid_of_editions_folds_to_width_and_a_pipe_gets_whole_rows(
    tmp_path: Path, command: str, header: str
) -> None:
    """Editions side by side run past a terminal: `--width` folds the grid into blocks of
    editions, each under the row labels; output that is no terminal keeps its whole rows."""
    corpus = tmp_path / "c"
    assert run("--corpus", str(corpus), "ingest", "-q", *map(str, sorted(SEEDS.glob("futian-*plan*"))))[0] == 0
    code, whole, _ = run("--corpus", str(corpus), command, "--series", "futian-plan")
    assert code == 0
    code, folded, _ = run("--corpus", str(corpus), command, "--series", "futian-plan", "--width", "70")
    assert code == 0
    headers = [line for line in folded.splitlines() if header in line.split()]
    assert len(headers) > 1 and all(display_width(line) <= 70 for line in headers)
    assert len([line for line in whole.splitlines() if header in line.split()]) == 1


@pytest.mark.parametrize("command", [("site", "build"), ("review",)])
def test_a_missing_corpus_folder_is_named_not_built_empty_or_blamed_on_git(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A mistyped --corpus (or the wrong working folder) is one line naming the folder; `site
    build` used to build an empty site, `review` to say the folder was outside git."""
    missing = tmp_path / "corpsu"
    out = tmp_path / "site"
    args = [*command, "--out", str(out)] if command[0] == "site" else list(command)
    result = CliRunner().invoke(main, ["--corpus", str(missing), *args])
    assert result.exit_code == 2
    assert result.stderr == f"corpusdiff: error: {missing}: no corpus here; run `corpusdiff ingest FILE…` first, or give --corpus DIR\n"
    assert not out.exists()


@pytest.mark.parametrize("command", ["normalize", "ingest"])
def test_the_genre_option_s_help_names_every_genre_whole_within_80_columns(command: str) -> None:
    """click breaks help lines at hyphens: the genres read `five-` and `year-plan-review`."""
    result = CliRunner().invoke(main, [command, "--help"], terminal_width=80)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert max(display_width(line) for line in lines) <= 80
    start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("--genre"))
    end = next(n for n, line in enumerate(lines) if n > start and line.lstrip().startswith("--"))
    named = re.findall(r"[a-z]+(?:-[a-z]+)*-?", " ".join(lines[start:end]).split("one of:")[1])
    assert named == list(GENRES)


def test_list_of_a_series_the_corpus_lacks_names_the_series_it_has(tmp_path: Path) -> None:
    """A typo'd --series printed `no documents`, as for an empty corpus."""
    corpus = tmp_path / "c"
    runner = CliRunner()
    ingested = runner.invoke(main, ["--corpus", str(corpus), "ingest", str(SEEDS / "futian-2022-01-plan-report.txt")])
    assert ingested.exit_code == 0
    result = runner.invoke(main, ["--corpus", str(corpus), "list", "--series", "futian-plans"])
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "no documents in series 'futian-plans'; known series: futian-plan\n"

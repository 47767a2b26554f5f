"""The git review workflow in real repositories: log, history branch, diff driver, review."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import git
import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.conftest import SEEDS
from tests.hostile import assert_one_line_refusal

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
MID_2023 = SEEDS / "futian-2023-10-mid-year-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"
ENV = {
    "GIT_AUTHOR_NAME": "Reviewer",
    "GIT_AUTHOR_EMAIL": "r@example.org",
    "GIT_COMMITTER_NAME": "Reviewer",
    "GIT_COMMITTER_EMAIL": "r@example.org",
}


def cli(corpus: Path, *args: str):
    return CliRunner().invoke(main, ["--corpus", str(corpus), *args])


def git_run(cwd: Path, *args: str) -> str:
    env = {**os.environ, **ENV}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    assert cli(root, "ingest", str(PLAN_2022), str(PLAN_2025)).exit_code == 0
    return root


def test_log_tells_editions_normalisation_changes_and_hand_corrections(corpus: Path) -> None:
    path = corpus / "futian/annual-plan/2022-01.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("加快构建现代产业体\n", "加快构建现代产业体系\n"),
        encoding="utf-8",
    )
    git_run(corpus, "commit", "-qam", "fix truncated heading")
    lines = cli(corpus, "log", "futian/annual-plan/2022-01").stdout.splitlines()
    assert len(lines) == 2
    assert "hand correction" in lines[0] and "fix truncated heading" in lines[0]
    assert "new edition" in lines[1] and "source c09c8b56640" in lines[1] and "dialect 1" in lines[1]


def test_history_branch_has_one_dated_commit_per_edition(corpus: Path) -> None:
    assert cli(corpus, "ingest", str(MID_2023)).exit_code == 0
    result = cli(corpus, "history", "futian-plan")
    assert result.exit_code == 0, result.output
    repo = git.Repo(corpus)
    commits = list(repo.iter_commits("history/futian-plan"))[::-1]
    assert [c.authored_datetime.strftime("%Y-%m") for c in commits] == ["2022-01", "2023-10", "2025-01"]
    assert all(list(c.stats.files) == ["futian-plan.md"] for c in commits)
    blame = git_run(corpus, "blame", "history/futian-plan", "--", "futian-plan.md")
    assert "2022-01-01" in blame and "2025-01-01" in blame
    first = repo.git.rev_parse("history/futian-plan")
    assert cli(corpus, "history", "futian-plan").exit_code == 0
    assert repo.git.rev_parse("history/futian-plan") == first


def test_history_of_an_unknown_series_is_a_clear_error(corpus: Path) -> None:
    result = cli(corpus, "history", "nope")
    assert result.exit_code == 2 and "known series: futian-plan" in result.stderr


@pytest.mark.parametrize("branch", ["main", "work"])
def test_history_never_replaces_a_branch_of_other_work(corpus: Path, branch: str) -> None:
    """`--branch main` (checked out) or a branch of someone's work: its commits would be replaced
    by the synthetic history; refused in one line, the branch where it was."""
    repo = git.Repo(corpus)
    repo.git.branch("-M", "main")
    repo.git.branch("work")
    before = repo.git.rev_parse(branch)
    result = cli(corpus, "history", "futian-plan", "--branch", branch)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1 and "--branch" in result.stderr
    assert repo.git.rev_parse(branch) == before


def test_diff_driver_changes_git_diff_and_no_ext_diff_restores_it(corpus: Path) -> None:
    path = corpus / "futian/annual-plan/2022-01.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("新增9510座学位", "新增1万座学位"), encoding="utf-8"
    )
    plain = git_run(corpus, "diff")
    assert plain.startswith("diff --git")
    assert cli(corpus, "git", "install").exit_code == 0
    aligned = git_run(corpus, "diff")
    assert aligned.startswith("corpusdiff futian/annual-plan/2022-01.md")
    assert "[改写]" in aligned and "数字变化：9510座 → 1万座" in aligned
    assert git_run(corpus, "diff", "--no-ext-diff") == plain
    git_run(corpus, "commit", "-qam", "edit")
    assert "[改写]" in git_run(corpus, "log", "-p", "--ext-diff", "-1")
    (corpus / "site.yaml").write_text("language: en\n", encoding="utf-8")  # the labels follow the corpus
    english = git_run(corpus, "log", "-p", "--ext-diff", "-1")
    assert "[REWORDED]" in english and "figure changed: 9510座 → 1万座" in english
    assert cli(corpus, "git", "uninstall").exit_code == 0
    assert git_run(corpus, "show", "--ext-diff").count("diff --git") >= 1


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["doc.md", "/nonexistent", "0000000", "100644", "/nonexistent2", "0000000", "100644"], "/nonexistent: no such"),
        (["a", "b", "c", "d", "e", "f", "g"], "b: no such file"),
        (["a", "b"], "7 arguments"),
    ],
)
def test_the_diff_driver_given_paths_that_are_no_files_says_so_in_one_line(
    corpus: Path, args: list[str], phrase: str
) -> None:
    assert_one_line_refusal(cli(corpus, "git", "diff-driver", *args), phrase)


def test_the_diff_driver_shows_a_side_that_is_no_utf8_as_not_canonical(corpus: Path, tmp_path: Path) -> None:
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"---\n\xff\xfe\n")
    document = str(corpus / "futian/annual-plan/2022-01.md")
    result = cli(corpus, "git", "diff-driver", "doc.md", str(binary), "0", "100644", document, "0", "100644")
    assert result.exit_code == 0 and "not canonical on one side" in result.stdout


def test_review_of_a_first_mid_year_report_and_of_a_revision(corpus: Path) -> None:
    """The mid-year report is the first of its kind in futian-plan: it is not compared with an
    annual plan (like with like: tests/workflow/test_review_like_with_like.py)."""
    git_run(corpus, "branch", "-M", "main")
    git_run(corpus, "checkout", "-qb", "next")
    assert cli(corpus, "ingest", str(MID_2023)).exit_code == 0
    path = corpus / "futian/annual-plan/2022-01.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("新增9510座学位", "新增1万座学位"), encoding="utf-8"
    )
    git_run(corpus, "commit", "-qam", "hand correction")
    result = cli(corpus, "review", "--format", "json")
    assert result.exit_code == 0, result.output
    items = {item["id"]: item for item in json.loads(result.stdout)}
    assert items["futian/mid-year-report/2023-10"]["change"] == "first of its kind"
    assert items["futian/mid-year-report/2023-10"]["against"] == ""
    assert items["futian/mid-year-report/2023-10"]["diff"] is None
    revised = items["futian/annual-plan/2022-01"]
    assert revised["change"] == "revised"
    changed = [i for i in revised["diff"]["initiatives"] if i["status"] != "recurring"]
    assert [i["status"] for i in changed] == ["reworded"]
    markdown = cli(corpus, "review", "main..next", "--format", "markdown").stdout
    assert "| `futian/mid-year-report/2023-10` | 同类中的第一份 | — |" in markdown
    assert "| 旧 | 新 |" in markdown
    english = cli(corpus, "review", "main..next", "--format", "markdown", "--lang", "en").stdout
    assert "| `futian/mid-year-report/2023-10` | first of its kind | — |" in english


def test_review_on_main_without_upstream_asks_for_a_range(corpus: Path) -> None:
    git_run(corpus, "branch", "-M", "main")
    result = cli(corpus, "review")
    assert result.exit_code == 2 and "give a RANGE" in result.stderr


def test_review_names_the_front_matter_a_revision_changed(corpus: Path) -> None:
    """A region's name corrected shows nowhere in the body's diff: the review says so."""
    git_run(corpus, "branch", "-M", "main")
    git_run(corpus, "checkout", "-qb", "fix")
    path = corpus / "futian/annual-plan/2022-01.md"
    text = path.read_text(encoding="utf-8")
    assert "\nregion: 福田区\n" in text
    path.write_text(text.replace("\nregion: 福田区\n", "\nregion: 深圳市福田区\n"), encoding="utf-8")
    git_run(corpus, "commit", "-qam", "region")
    terminal = cli(corpus, "review", "main..fix")
    assert terminal.exit_code == 0, terminal.output
    assert "元数据改动：region 福田区 → 深圳市福田区" in terminal.stdout
    item = json.loads(cli(corpus, "review", "main..fix", "-f", "json").stdout)[0]
    assert item["front_matter"] == [{"field": "region", "old": "福田区", "new": "深圳市福田区"}]


def test_review_of_a_renamed_document_is_one_rename_with_its_id_problem(corpus: Path) -> None:
    git_run(corpus, "branch", "-M", "main")
    git_run(corpus, "checkout", "-qb", "move")
    git_run(corpus, "mv", "futian/annual-plan/2022-01.md", "futian/annual-plan/2022-02.md")
    git_run(corpus, "commit", "-qm", "rename")
    items = json.loads(cli(corpus, "review", "main..move", "-f", "json").stdout)
    assert [(i["id"], i["change"]) for i in items] == [("futian/annual-plan/2022-02", "renamed")]
    assert items[0]["against"].startswith("futian/annual-plan/2022-01@")
    assert any("does not match its path" in problem for problem in items[0]["problems"])
    assert all(i["status"] == "recurring" for i in items[0]["diff"]["initiatives"])


def test_review_of_one_revision_that_is_head_says_the_range_is_empty(corpus: Path) -> None:
    result = cli(corpus, "review", "HEAD")
    assert_one_line_refusal(result)
    assert "HEAD~1..HEAD" in result.stderr


def test_log_of_id_at_rev_lists_the_history_up_to_that_revision(corpus: Path) -> None:
    git_run(corpus, "branch", "-M", "main")
    path = corpus / "futian/annual-plan/2022-01.md"
    path.write_text(path.read_text(encoding="utf-8").replace("新增9510座学位", "新增1万座学位"), encoding="utf-8")
    git_run(corpus, "commit", "-qam", "hand correction")
    now = cli(corpus, "log", "futian/annual-plan/2022-01").stdout.splitlines()
    before = cli(corpus, "log", "futian/annual-plan/2022-01@HEAD~1").stdout.splitlines()
    assert len(now) == 2 and "hand correction" in now[0] and before == now[1:]
    assert_one_line_refusal(cli(corpus, "log", "futian/annual-plan/2022-01@nosuch"))


def test_one_document_before_and_after_a_hand_correction_heads_two_columns(corpus: Path) -> None:
    """`ID@REV` and `ID` share a date: the series views head their columns with the revision,
    in the order given."""
    doc = "futian/annual-plan/2022-01"
    path = corpus / f"{doc}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("新增9510座学位", "新增1万座学位"), encoding="utf-8")
    git_run(corpus, "commit", "-qam", "hand correction")
    table = cli(corpus, "indicators", f"{doc}@HEAD~1", doc)
    assert table.exit_code == 0, table.output
    legend = table.stdout.splitlines()[:2]
    assert legend[0].startswith("2022-01@HEAD~1  ") and legend[1].startswith("2022-01         ")
    header = next(line for line in table.stdout.splitlines() if line.startswith("指标"))
    assert header.index("2022-01@HEAD~1") < header.rindex("2022-01 ")
    terms = cli(corpus, "terms", f"{doc}@HEAD~1", doc, "--limit", "1")
    assert "2022-01@HEAD~1" in terms.stdout


def test_the_diff_driver_names_the_front_matter_a_revision_changed(corpus: Path, tmp_path: Path) -> None:
    """`git diff` after a date corrected in the front matter: the body's diff is all 未变, so
    the driver names the field, as `review` does."""
    path = corpus / "futian/annual-plan/2022-01.md"
    before = tmp_path / "before.md"
    before.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    path.write_text(before.read_text(encoding="utf-8").replace("\ndate: 2022-01\n", "\ndate: 2022-01-10\n"), encoding="utf-8")
    args = ("futian/annual-plan/2022-01.md", str(before), "0", "100644", str(path), "0", "100644")
    result = cli(corpus, "git", "diff-driver", *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == "元数据改动：date 2022-01 → 2022-01-10"


def test_review_markdown_summary_and_max_chars_fit_a_pull_request_comment(corpus: Path) -> None:
    """review -f markdown is a pull request's comment: --summary leaves out the sentence lists
    and 新旧对照 tables (saying so), --max-chars cuts the whole review at a line and says where."""
    whole = cli(corpus, "review", "HEAD~1..HEAD", "--format", "markdown").stdout
    summary = cli(corpus, "review", "HEAD~1..HEAD", "--format", "markdown", "--summary").stdout
    assert "futian/annual-plan/2025-01" in summary and "去掉 --summary 可见" in summary
    assert len(summary) < len(whole) and "### 延续条目内部增删的句子" not in summary
    cut = cli(corpus, "review", "HEAD~1..HEAD", "--format", "markdown", "--max-chars", "4000").stdout
    assert len(cut) <= 4000 and cut.rstrip().splitlines()[-1].startswith("> 报告在此截断")
    refused = cli(corpus, "review", "HEAD~1..HEAD", "--summary")
    assert refused.exit_code == 2 and "--format markdown" in refused.output

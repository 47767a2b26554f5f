"""`corpusdiff diff` as a user runs it: sides, formats, filters, exit codes."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from corpusdiff.text.chars import display_width
from tests.conftest import ROOT, SEEDS

OLD, NEW = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"
CORPUS = str(ROOT / "corpus")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--corpus", CORPUS, *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_has_the_documented_shape() -> None:
    code, out, _ = run("diff", OLD, NEW, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["schema_version"] == "2.5"
    assert data["old"]["id"] == OLD and data["new"]["id"] == NEW
    assert {"sections", "initiatives", "programmes", "summary"} <= set(data)
    assert {s["status"] for s in data["sections"]} <= {"matched", "moved", "new", "dropped"}
    for item in data["initiatives"]:
        assert item["status"] in {"recurring", "reworded", "moved", "new", "dropped"}
        for side in ("old", "new"):
            assert item[side] is None or {"address", "kind", "section", "text"} <= set(item[side])
            assert item[side] is None or item[side]["address"].startswith(data[side]["id"] + "#")
        if item["status"] == "reworded":
            assert all(op in {"=", "-", "+"} for op, _ in item["diff"])
    assert "三大产业" in data["programmes"]["recurring"]
    assert all("“" not in name for names in data["programmes"].values() for name in names)


def test_json_of_a_document_against_itself_reports_no_change() -> None:
    code, out, _ = run("diff", OLD, OLD, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {i["status"] for i in data["initiatives"]} == {"recurring"}


def test_terminal_labels_filters_and_no_colour() -> None:
    code, out, _ = run("diff", OLD, NEW, "--only", "new", "--section", "主要任务", "--no-color")
    assert code == 1
    assert "\x1b[" not in out
    body = [line for line in out.splitlines() if line.startswith("[")]
    assert body and all(line.startswith("[新增]") for line in body)
    # each section is headed, and listed only for a new unit under it: the sentences added inside
    # reworded units are theirs, not new ones (（一）稳步推进三大战略平台建设 has none)
    lines = out.splitlines()
    sections = [n for n, line in enumerate(lines) if line.startswith("== ") and "项目名称" not in line]
    assert sections and all(lines[n + 1].startswith("[新增]") for n in sections)
    assert "增加句子" not in out and "（一）稳步推进三大战略平台建设" not in out


def test_no_color_environment_is_respected() -> None:
    result = CliRunner().invoke(
        main, ["--corpus", CORPUS, "diff", OLD, NEW], env={"NO_COLOR": "1"}, color=True
    )
    assert "\x1b[" not in result.stdout


def test_markdown_report_has_a_side_by_side_table() -> None:
    code, out, _ = run("diff", OLD, NEW, "--format", "markdown")
    assert code == 1
    assert "| 旧 | 新 |" in out and "旧版：`futian/annual-plan/2022-01`（2022年1月）" in out
    assert out.startswith("# 福田区2021年")
    _, english, _ = run("diff", OLD, NEW, "--format", "markdown", "--lang", "en")
    assert "| 旧 (old) | 新 (new) |" in english and "Old: `futian/annual-plan/2022-01` (2022-01)" in english


def test_raw_report_and_canonical_file_sides(tmp_path: Path) -> None:
    canonical = ROOT / "corpus" / f"{NEW}.md"
    code, out, _ = run(
        "diff", str(SEEDS / "futian-2022-01-plan-report.txt"), str(canonical), "--format", "json"
    )
    assert code == 1
    assert json.loads(out)["new"]["id"] == NEW


def test_unknown_class_and_missing_side_are_clear_errors() -> None:
    code, _, err = run("diff", OLD, NEW, "--only", "nonsense")
    assert code == 2 and "nonsense" in err
    code, _, err = run("diff", OLD, "futian/annual-plan/1999-01")
    assert code == 2 and "no document" in err and "Traceback" not in err


def _git_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "c"
    CliRunner().invoke(
        main, ["--corpus", str(corpus), "ingest", str(SEEDS / "futian-2022-01-plan-report.txt")]
    )
    return corpus


def test_id_at_revision(tmp_path: Path) -> None:
    corpus = _git_corpus(tmp_path)
    document = corpus / f"{OLD}.md"
    document.write_text(
        document.read_text(encoding="utf-8").replace("新增9510座学位", "新增1万座学位"), encoding="utf-8"
    )
    subprocess.run(
        ["git", "commit", "-qam", "hand correction"],
        cwd=corpus,
        check=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
            "PATH": "/usr/bin:/bin",
        },
    )
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), "diff", f"{OLD}@HEAD~1", OLD, "--format", "json"]
    )
    assert result.exit_code == 1
    changed = [i for i in json.loads(result.stdout)["initiatives"] if i["status"] != "recurring"]
    assert [i["status"] for i in changed] == ["reworded"]
    assert changed[0]["figures"] == [{"old": "9510座", "new": "1万座"}]
    assert "same document" not in result.stderr  # a hand correction is the same id, not the same text


def test_override_file_pins_a_pairing(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "alignments").mkdir(exist_ok=True)
    (corpus / "alignments" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml").write_text(
        "pin:\n  - old: （五）全力创建文明城市\n    new: （六）持续强化社会民生保障，建设高质量民生福地\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "diff", OLD, NEW, "--format", "json"])
    data = json.loads(result.stdout)
    assert any("pinned by alignments/" in note for note in data["overrides"])
    pinned = [s for s in data["sections"] if s["pinned"]]
    assert [(s["old"]["heading"], s["new"]["heading"]) for s in pinned] == [
        ("全力创建文明城市", "持续强化社会民生保障，建设高质量民生福地")
    ]


def test_override_file_settles_initiatives_in_the_json(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", corpus)
    _, out, _ = run("diff", OLD, NEW, "--format", "json")
    plain = json.loads(out)["initiatives"]
    call = next(i for i in plain if i["level"] == "unit" and i["status"] == "dropped" and "nearest" in i)
    new_call = next(i for i in plain if i["level"] == "unit" and i["status"] == "new" and "nearest" in i)
    (corpus / "alignments").mkdir(exist_ok=True)
    (corpus / "alignments" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml").write_text(
        f"pin:\n  - old: {call['old']['address']}\n    new: {call['nearest']['address']}\n"
        f"forbid:\n  - new: {new_call['new']['address'].partition('#')[2]}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "diff", OLD, NEW, "--format", "json"])
    data = json.loads(result.stdout)
    pinned = {(i["old"] and i["old"]["address"], i["new"] and i["new"]["address"]) for i in data["initiatives"] if i.get("pinned")}
    assert pinned == {(call["old"]["address"], call["nearest"]["address"]), (None, new_call["new"]["address"])}
    assert sum("pinned by alignments/" in n for n in data["overrides"]) == 1
    assert sum("continues nothing" in n for n in data["overrides"]) == 1


def test_a_reviewer_completes_the_alignments_template_and_the_diff_follows(tmp_path: Path) -> None:
    """The workflow docs/diff-output.md describes: write the doubtful calls as an overrides file,
    uncomment one choice, and the diff gives that answer; the template as written decides nothing."""
    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", corpus)
    target = corpus / "alignments" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml"
    target.parent.mkdir(exist_ok=True)

    def diff_json() -> dict:
        result = CliRunner().invoke(main, ["--corpus", str(corpus), "diff", OLD, NEW, "--format", "json"])
        return json.loads(result.stdout)

    plain = diff_json()
    written = CliRunner().invoke(main, ["--corpus", str(corpus), "diff", OLD, NEW, "-o", str(target)])
    assert written.exit_code == 1, written.output
    template = target.read_text(encoding="utf-8")
    doubtful = [i for i in plain["initiatives"] if "nearest" in i and not i.get("relation")]
    assert template.count("#  - old:") + template.count("#  - new:") == 2 * len(doubtful) > 0
    assert diff_json()["initiatives"] == plain["initiatives"]  # nothing decided yet
    lines = template.split("\n")
    first = lines.index("pin:") + 2  # the first pin entry: a comment, then its two lines
    lines[first : first + 2] = [line.removeprefix("#") for line in lines[first : first + 2]]
    target.write_text("\n".join(lines), encoding="utf-8")
    old_anchor, new_anchor = (lines[first + k].split(": ")[1] for k in (0, 1))
    pinned = [i for i in diff_json()["initiatives"] if i.get("pinned")]
    assert [(i["old"]["address"], i["new"]["address"]) for i in pinned] == [
        (f"{OLD}#{old_anchor}", f"{NEW}#{new_anchor}")
    ]


def test_json_validates_against_the_documented_schema() -> None:
    import jsonschema

    schema = json.loads((ROOT / "docs" / "diff-schema.json").read_text(encoding="utf-8"))
    for new in (NEW, "futian/mid-year-report/2023-10"):
        _, out, _ = run("diff", OLD, new, "--format", "json")
        jsonschema.validate(json.loads(out), schema)


def test_summary_fits_a_40_line_screen_at_80_columns() -> None:
    code, out, _ = run("diff", OLD, NEW, "--summary", "--width", "80")
    assert code == 1
    assert len(out.splitlines()) <= 40
    assert "新增条目（" in out and "删除条目（" in out and "\n== " not in out


def test_section_filters_the_summary_and_an_unknown_section_is_one_line() -> None:
    code, out, _ = run("diff", OLD, NEW, "--summary", "--section", "主要任务")
    assert code == 1
    parts = [line.split()[0] for line in out.splitlines() if re.match(r"  \S+ \d+ → \d+：", line)]
    assert parts == ["主要任务"]
    code, out, err = run("diff", OLD, NEW, "--section", "没有这一节")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "没有这一节" in err and "--outline" in err


def test_sure_summary_lists_fewer_names_and_is_a_terminal_view() -> None:
    _, every, _ = run("diff", OLD, NEW, "--summary")
    code, sure, _ = run("diff", OLD, NEW, "--summary", "--sure")
    assert code == 1
    assert "?" in every and "?" not in sure and "项把握低，未列出）" in sure
    assert len(sure) < len(every)
    code, out, err = run("diff", OLD, NEW, "--sure", "--format", "csv")
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "--sure" in err


def test_terminal_is_not_wrapped_when_piped_unless_a_width_is_given() -> None:
    _, piped, _ = run("diff", OLD, NEW, "--level", "unit")
    _, wrapped, _ = run("diff", OLD, NEW, "--level", "unit", "--width", "72")
    assert max(map(display_width, piped.splitlines())) > 72
    assert max(map(display_width, wrapped.splitlines())) <= 72
    assert "增加句子" not in piped


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_word_and_excel_need_an_output_file(fmt: str) -> None:
    code, out, err = run("diff", OLD, NEW, "--format", fmt)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "-o" in err and "Traceback" not in err


def test_comparison_table_files_by_format_or_by_extension(tmp_path: Path) -> None:
    import docx
    import openpyxl

    code, _, _ = run("diff", OLD, NEW, "-o", str(tmp_path / "table.docx"))
    assert code == 1
    word_rows = len(docx.Document(str(tmp_path / "table.docx")).tables[0].rows)
    code, _, _ = run("diff", OLD, NEW, "--format", "xlsx", "-o", str(tmp_path / "table.sheet"))
    assert code == 1
    excel_rows = openpyxl.load_workbook(io.BytesIO((tmp_path / "table.sheet").read_bytes())).active.max_row
    code, out, _ = run("diff", OLD, NEW, "--format", "csv")
    assert code == 1 and not out.startswith("\ufeff")
    csv_rows = len(list(csv.reader(io.StringIO(out))))
    assert word_rows == excel_rows == csv_rows > 100  # the header and one row per unit group or heading
    run("diff", OLD, NEW, "-o", str(tmp_path / "table.csv"))
    assert (tmp_path / "table.csv").read_text(encoding="utf-8") == "\ufeff" + out


@pytest.mark.parametrize("name", ["changes.pdf", "changes.html", "changes.doc", "changes.xls"])
def test_an_output_file_of_a_format_diff_does_not_write_is_refused(tmp_path: Path, name: str) -> None:
    """`-o changes.pdf` would get terminal text under a PDF's name; one line says which
    extensions choose a format, and nothing is written."""
    code, out, err = run("diff", OLD, NEW, "-o", str(tmp_path / name))
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert ".docx" in err and "--format" in err
    assert not (tmp_path / name).exists()


def test_section_cuts_the_comparison_table_too() -> None:
    _, whole, _ = run("diff", OLD, NEW, "--format", "csv")
    _, tasks, _ = run("diff", OLD, NEW, "--format", "csv", "--section", "主要任务")
    rows = list(csv.reader(io.StringIO(tasks)))[1:]
    assert 0 < len(rows) < len(list(csv.reader(io.StringIO(whole)))) - 1
    assert all("主要任务" in row[1] or row[4] == "标题" for row in rows)


def test_summary_is_a_terminal_view_and_an_unwritable_output_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("diff", OLD, NEW, "--summary", "--format", "json")
    assert code == 2 and len(err.splitlines()) == 1
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code, _, err = run("diff", OLD, NEW, "-o", str(blocker / "table.docx"))
    assert code == 2 and len(err.splitlines()) == 1 and "cannot write" in err
    assert f"{blocker} is a file, not a folder" in err  # it said `File exists`, naming no file


def test_report_labels_follow_the_corpus_language_and_lang_overrides_it(tmp_path: Path) -> None:
    """`language: en` in site.yaml makes the labels English, as it does the site's; --lang
    wins over it; JSON does not change with the language; a bad --lang is one line, exit 2."""
    import shutil

    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", corpus)
    site = corpus / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")

    def labels(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(main, ["--corpus", str(corpus), "diff", OLD, NEW, *args])
        return result.exit_code, result.stdout, result.stderr

    assert "DROPPED initiatives (" in labels("--summary")[1]
    assert "删除条目（" in labels("--summary", "--lang", "zh")[1]
    assert labels("--format", "csv")[1].startswith("No.,Section,Old (2022-01),New (2025-01),Class (类别),")
    assert labels("--format", "csv", "--lang", "zh")[1].startswith(
        "序号,章节,旧（2022年1月）,新（2025年1月）,类别,"
    )
    assert labels("--format", "json")[1] == run("diff", OLD, NEW, "--format", "json")[1]
    code, out, err = labels("--lang", "fr")
    assert code == 2 and out == "" and "--lang" in err and "Traceback" not in err
    site.write_text("language: fr\n", encoding="utf-8")
    code, _, err = labels("--summary")
    assert code == 2 and len(err.splitlines()) == 1 and "language must be one of zh, en" in err
    assert labels("--summary", "--lang", "en")[0] == 1  # --lang needs no site.yaml


#: Two sections of the 2019 national report (tests/data/national-gwr/wikisource/2019.txt), and
#: the targets table a new user put into the Word edition of it under the 主要预期目标 paragraph.
GWR_2019 = ROOT / "tests" / "data" / "national-gwr" / "wikisource" / "2019.txt"
TARGET_ROWS = (("指标", "目标"), ("城镇新增就业", "1100万人以上"), ("城镇调查失业率", "5.5%左右"))


def _report_2019(tmp_path: Path) -> tuple[Path, Path]:
    """The excerpt as text, and as a .docx made with python-docx (Title, Heading 1, one table)."""
    import docx

    lines = [line.strip() for line in GWR_2019.read_text(encoding="utf-8").splitlines() if line.strip()]
    second = next(at for at, line in enumerate(lines) if line.startswith("二、"))
    targets = next(at for at, line in enumerate(lines) if line.startswith("今年经济社会发展的主要预期目标是"))
    excerpt = [lines[second], lines[second + 1], lines[targets]]  # heading, first and 主要预期目标 paragraphs
    old = tmp_path / "2019.txt"
    old.write_text("政府工作报告\n\n" + "\n\n".join(excerpt) + "\n", encoding="utf-8")
    document = docx.Document()
    document.add_heading("政府工作报告", level=0)
    document.add_heading(excerpt[0], level=1)
    for paragraph in excerpt[1:]:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=len(TARGET_ROWS), cols=2)
    for r, row in enumerate(TARGET_ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    new = tmp_path / "2019.docx"
    document.save(str(new))
    return old, new


def test_a_table_added_in_the_word_edition_shows_in_terminal_markdown_and_json(tmp_path: Path) -> None:
    old, new = _report_2019(tmp_path)
    code, out, _ = run("diff", str(old), str(new), "--no-color")
    assert code == 1  # a table added is a difference
    section = out.split("== 二、2019年经济社会发展总体要求和政策取向")[1]
    assert "[新增] 表格1（2行）：指标 | 目标" in section
    assert "+ 增加行：城镇新增就业 | 1100万人以上" in section
    assert section.index("主要预期目标") < section.index("表格1")
    _, markdown, _ = run("diff", str(old), str(new), "--format", "markdown")
    assert "## 表格的变化（1）" in markdown
    assert "- **新增** 表格1（2行）：指标 \\| 目标 — *2019年经济社会发展总体要求和政策取向*" in markdown
    assert "  - \\+ 增加行：城镇调查失业率 \\| 5.5%左右" in markdown  # the sign escaped: no nested list
    _, english, _ = run("diff", str(new), str(old), "--no-color", "--lang", "en")
    assert "[DROPPED] table 1 (2 rows): 指标 | 目标" in english and "Tables: 0 new, 1 dropped" in english
    _, data, _ = run("diff", str(old), str(new), "--format", "json")
    [added] = json.loads(data)["tables"]
    assert added["status"] == "new" and added["new"]["rows"] == [list(row) for row in TARGET_ROWS]


GWR_2022, MID_2023 = "futian/government-work-report/2022-01-21", "futian/mid-year-report/2023-10"


def test_a_pair_of_other_genres_or_in_reverse_order_is_a_warning_and_json_is_unchanged() -> None:
    code, out, err = run("diff", GWR_2022, NEW, "--format", "json")
    assert code == 1 and json.loads(out)["old"]["id"] == GWR_2022
    assert err == (
        "corpusdiff: warning: different genres (government-work-report → annual-plan): "
        "the diff reads NEW as the edition after OLD\n"
    )
    code, out, err = run("diff", NEW, OLD, "--summary")
    assert code == 1 and out
    assert err == (
        "corpusdiff: warning: OLD is newer than NEW (2025-01 → 2022-01): the diff reads NEW as the edition after OLD\n"
    )


def test_editions_of_one_series_in_order_give_no_warning() -> None:
    for old, new in ((OLD, NEW), (OLD, MID_2023)):  # an annual plan and a mid-year report: one series
        code, _, err = run("diff", old, new, "--summary")
        assert code == 1 and err == ""


@pytest.mark.parametrize(
    ("fmt", "name", "advice"),
    [
        ("docx", "x.xlsx", "choose --format xlsx or end the name in .docx"),
        ("json", "x.md", "choose --format markdown or end the name in .json"),
        ("terminal", "x.pdf", "end the name in .txt"),
    ],
)
def test_an_output_name_of_another_format_than_the_format_asked_is_refused(
    tmp_path: Path, fmt: str, name: str, advice: str
) -> None:
    """`-f docx -o x.xlsx` wrote a Word file under an Excel name; nothing is written now."""
    code, out, err = run("diff", OLD, NEW, "--format", fmt, "-o", str(tmp_path / name))
    assert code == 2 and out == ""
    assert err == f"corpusdiff: error: -o {name}: --format {fmt} does not write a {name[1:]} file; {advice}\n"
    assert not (tmp_path / name).exists()


def test_markdown_summary_and_max_chars_shorten_the_report_and_other_formats_refuse_them() -> None:
    _, whole, _ = run("diff", OLD, NEW, "--format", "markdown")
    code, summary, _ = run("diff", OLD, NEW, "--format", "markdown", "--summary")
    assert code == 1 and len(summary) < len(whole) and "去掉 --summary 可见" in summary
    code, cut, _ = run("diff", OLD, NEW, "--format", "markdown", "--max-chars", "5000")
    assert code == 1 and len(cut) <= 5000 and "--max-chars" in cut.splitlines()[-1]
    for args in (("--max-chars", "5000"), ("--max-chars", "5000", "--format", "json"), ("--summary", "-f", "csv")):
        code, _, err = run("diff", OLD, NEW, *args)
        assert code == 2 and len(err.splitlines()) == 1, args
    code, _, err = run("diff", OLD, NEW, "-f", "markdown", "--max-chars", "10")
    assert code == 2 and "--max-chars" in err


def test_each_json_initiative_names_its_comparison_table_row() -> None:
    """JSON's `row` is the 序号 of the CSV row holding the initiative's units (the terminal's #n)."""
    _, out, _ = run("diff", OLD, NEW, "--format", "json")
    _, table, _ = run("diff", OLD, NEW, "--format", "csv")
    row_of = {
        address: int(row[0])
        for row in list(csv.reader(io.StringIO(table)))[1:]
        if row[0]
        for address in row[6].splitlines() + row[7].splitlines()
    }
    initiatives = json.loads(out)["initiatives"]
    assert initiatives
    for item in initiatives:
        units = [item[side] or (item.get("within") or {}).get(side) for side in ("old", "new")]
        expected = {row_of[unit["address"]] for unit in units if unit}
        assert expected == {item["row"]}, item


def test_only_and_level_are_never_ignored_silently() -> None:
    """--only and --level filter the terminal listing: --summary honours --only, and where they
    would do nothing (another format; --level with --summary) the user is told in one line."""
    code, out, _ = run("diff", OLD, NEW, "--summary", "--only", "dropped")
    assert code == 1 and "删除条目（" in out and "新增条目（" not in out
    for args in (("-f", "json", "--only", "new"), ("-f", "markdown", "--level", "task"), ("--summary", "--level", "unit")):
        code, out, err = run("diff", OLD, NEW, *args)
        assert code == 2 and not out and len(err.splitlines()) == 1, args
    assert run("diff", OLD, NEW, "-f", "json", "--level", "sentence")[0] == 2  # said, even as the default
    assert run("diff", OLD, NEW, "-f", "json")[0] == 1


@pytest.mark.parametrize(("name", "relation", "label"), [("merged", "merge", "[合并]"), ("split", "split", "[拆分]")])
def test_only_merged_or_split_lists_the_extra_pairs_the_json_reports(name: str, relation: str, label: str) -> None:
    """A merge's or a split's extra pairs carry the status of their change (moved, reworded), so
    `--only moved` could not list them alone; `--only merged` / `split` lists those the JSON
    marks with that relation, each on its own line, and nothing else."""
    _, out, _ = run("diff", OLD, NEW, "--format", "json")
    expected = sorted(
        (item["old"]["address"].rpartition("#p")[2], item["new"]["address"].rpartition("#p")[2])
        for item in json.loads(out)["initiatives"]
        if item.get("relation") == relation and item["old"]["address"].rpartition("#")[2].startswith("p")
        and item["new"]["address"].rpartition("#")[2].startswith("p")
    )
    code, out, _ = run("diff", OLD, NEW, "--only", name, "--level", "unit", "--no-color", "--width", "0")
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("[")]
    assert lines and all(line.startswith(label) for line in lines)
    listed = sorted(re.findall(r"^\S+ #\d+ 旧¶(\d+) 新¶(\d+) ", "\n".join(lines), re.M))
    assert listed == expected

"""Two governments whose names read alike (苏州市 and 宿州市 are both `suzhou`; 鼓楼区 of 南京市
and of 福州市 both `gulou`) are two series, without a manifest: the first keeps the plain slug,
the other gets one of its own, in its series and its ids, and ingest says so. The 宿州 and 苏州
plans are the 株洲 plans of tests/data/elsewhere with the city renamed, as a user meets them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.store.test_corpus_namesakes import GULOU_REPORT

_ZHUZHOU = Path(__file__).parent.parent / "data" / "elsewhere"


def _run(corpus: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--corpus", str(corpus), *args])
    return result.exit_code, result.stdout, result.stderr


def _plans(folder: Path) -> tuple[Path, Path]:
    """宿州's 2024 plan (a.txt) and 苏州's 2025 plan (b.txt)."""
    suzhou_anhui, suzhou_jiangsu = folder / "a.txt", folder / "b.txt"
    suzhou_anhui.write_text(
        (_ZHUZHOU / "zhuzhou-2024-plan.txt").read_text(encoding="utf-8").replace("株洲", "宿州"), encoding="utf-8"
    )
    suzhou_jiangsu.write_text(
        (_ZHUZHOU / "zhuzhou-2025-plan.txt").read_text(encoding="utf-8").replace("株洲", "苏州"), encoding="utf-8"
    )
    return suzhou_anhui, suzhou_jiangsu


def _joined_by_manifest(folder: Path) -> tuple[Path, Path]:
    """A corpus whose manifest puts 苏州's plan (b.txt) in `suzhou-plan`, the series of 宿州's:
    the corpus and its manifest."""
    corpus = folder / "corpus"
    corpus.mkdir()
    manifest = corpus / "manifest.yaml"
    manifest.write_text("b.txt:\n  series: suzhou-plan\n", encoding="utf-8")
    return corpus, manifest


def _series_by_id(corpus: Path) -> dict[str, str]:
    code, out, _ = _run(corpus, "list")
    assert code == 0
    return {line.split()[0]: line.split()[2] for line in out.splitlines()}


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (
            "宿州 first",
            {"suzhou/annual-plan/2024-01-09": "suzhou-plan", "su1zhou/annual-plan/2025-01-08": "su1zhou-plan"},
        ),
        (
            "苏州 first",
            {"suzhou/annual-plan/2025-01-08": "suzhou-plan", "su4zhou/annual-plan/2024-01-09": "su4zhou-plan"},
        ),
    ],
)
def test_homophone_cities_ingested_one_after_the_other_are_two_series(
    tmp_path: Path, order: str, expected: dict[str, str]
) -> None:
    """The first keeps `suzhou`; the other is told apart by the tone of the syllable whose
    character differs (苏 su1, 宿 su4), and the note says how to choose its series instead."""
    suzhou_anhui, suzhou_jiangsu = _plans(tmp_path)
    first, second = (suzhou_anhui, suzhou_jiangsu) if order == "宿州 first" else (suzhou_jiangsu, suzhou_anhui)
    corpus = tmp_path / "corpus"
    assert _run(corpus, "ingest", str(first))[0] == 0
    code, _, err = _run(corpus, "ingest", str(second))
    assert code == 0
    assert _series_by_id(corpus) == expected
    assert "two governments" in err and f"set `series:` under {second.name} in manifest.yaml" in err


def test_homophone_cities_in_one_run_are_two_series_the_first_given_keeping_the_plain_slug(
    tmp_path: Path,
) -> None:
    suzhou_anhui, suzhou_jiangsu = _plans(tmp_path)
    corpus = tmp_path / "corpus"
    assert _run(corpus, "ingest", str(suzhou_anhui), str(suzhou_jiangsu))[0] == 0
    assert _series_by_id(corpus) == {
        "suzhou/annual-plan/2024-01-09": "suzhou-plan",
        "su1zhou/annual-plan/2025-01-08": "su1zhou-plan",
    }
    again = _run(corpus, "ingest", str(suzhou_jiangsu), str(suzhou_anhui))
    assert again[0] == 0 and again[1].split() == [
        "unchanged",
        "su1zhou/annual-plan/2025-01-08",
        "unchanged",
        "suzhou/annual-plan/2024-01-09",
    ]


def test_review_does_not_compare_one_city_with_its_homophone(tmp_path: Path) -> None:
    suzhou_anhui, suzhou_jiangsu = _plans(tmp_path)
    corpus = tmp_path / "corpus"
    _run(corpus, "ingest", str(suzhou_anhui))
    _run(corpus, "ingest", str(suzhou_jiangsu))
    code, out, _ = _run(corpus, "review", "HEAD~1..HEAD")
    assert code == 0
    assert out.splitlines()[0] == "=== su1zhou/annual-plan/2025-01-08：系列中的第一份"
    assert "suzhou/annual-plan/2024-01-09" not in out


def test_a_manifest_series_still_wins(tmp_path: Path) -> None:
    """A series the manifest gives is the series, even one that puts the two cities together
    (then ingest warns of two governments in one series, as before)."""
    suzhou_anhui, suzhou_jiangsu = _plans(tmp_path)
    corpus, _ = _joined_by_manifest(tmp_path)
    _run(corpus, "ingest", str(suzhou_anhui))
    code, _, err = _run(corpus, "ingest", str(suzhou_jiangsu))
    assert code == 0
    assert _series_by_id(corpus) == {
        "suzhou/annual-plan/2024-01-09": "suzhou-plan",
        "suzhou/annual-plan/2025-01-08": "suzhou-plan",
    }
    assert "two governments in one series" in err


def test_a_report_keeps_the_series_the_corpus_holds_it_in(tmp_path: Path) -> None:
    """Ingested with a manifest series that the user then removes: ingesting it again does not
    move it (a corpus written before ingest parted namesakes keeps its series the same way)."""
    suzhou_anhui, suzhou_jiangsu = _plans(tmp_path)
    corpus, manifest = _joined_by_manifest(tmp_path)
    _run(corpus, "ingest", str(suzhou_anhui), str(suzhou_jiangsu))
    manifest.unlink()
    code, out, _ = _run(corpus, "ingest", str(suzhou_jiangsu))
    assert (code, out.split()[:2]) == (0, ["unchanged", "suzhou/annual-plan/2025-01-08"])
    assert _series_by_id(corpus)["suzhou/annual-plan/2025-01-08"] == "suzhou-plan"


def test_districts_of_one_name_in_two_named_cities_are_two_series(tmp_path: Path) -> None:
    """鼓楼区 of 南京市 keeps `gulou`; 福州市's, whose meeting names its city, is `fuzhou-gulou`."""
    nanjing, fuzhou = tmp_path / "nanjing.txt", tmp_path / "fuzhou.txt"
    nanjing.write_text(
        GULOU_REPORT.format(date="2024年1月9日", city="南京市", speaker="陈某", review="过去一年，全区软件业收入增长12%。"),
        encoding="utf-8",
    )
    fuzhou.write_text(
        GULOU_REPORT.format(date="2024年1月10日", city="福州市", speaker="林某", review="过去一年，三坊七巷保护取得新进展。"),
        encoding="utf-8",
    )
    corpus = tmp_path / "corpus"
    _run(corpus, "ingest", str(nanjing))
    code, _, err = _run(corpus, "ingest", str(fuzhou))
    assert code == 0
    assert _series_by_id(corpus) == {
        "gulou/government-work-report/2024-01-09": "gulou-gwr",
        "fuzhou-gulou/government-work-report/2024-01-10": "fuzhou-gulou-gwr",
    }
    assert "this report is 福州市鼓楼区's, but gulou/government-work-report/2024-01-09 is 南京市鼓楼区's" in err


def test_a_new_edition_joins_its_government_where_an_older_corpus_put_it(tmp_path: Path) -> None:
    """A corpus where 宿州 and 苏州 share `suzhou-plan` (ingest did not part them, or a manifest
    did that the user removed): 苏州's next plan joins its own editions, with the warning of two
    governments in one series, rather than start a third series."""
    suzhou_anhui, suzhou_jiangsu = _plans(tmp_path)
    corpus, manifest = _joined_by_manifest(tmp_path)
    _run(corpus, "ingest", str(suzhou_anhui), str(suzhou_jiangsu))
    manifest.unlink()
    next_plan = tmp_path / "c.txt"
    next_plan.write_text(
        suzhou_jiangsu.read_text(encoding="utf-8").replace("2025", "2026").replace("2024", "2025"), encoding="utf-8"
    )
    code, out, err = _run(corpus, "ingest", str(next_plan))
    assert (code, out.split()[:2]) == (0, ["added", "suzhou/annual-plan/2026-01-08"])
    assert _series_by_id(corpus)["suzhou/annual-plan/2026-01-08"] == "suzhou-plan"
    assert "two governments in one series" in err

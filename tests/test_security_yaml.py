"""Issue 17, finding 4 (and 17): every YAML a corpus holds is read by one limited loader."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusdiff import yamlsafe
from corpusdiff.errors import CorpusError

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
)


def test_an_alias_bomb_in_the_manifest_is_refused_at_once(tmp_path: Path) -> None:
    from corpusdiff.store.corpus import load_manifest

    (tmp_path / "manifest.yaml").write_text(BOMB, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(CorpusError) as excinfo:
        load_manifest(tmp_path)
    assert time.monotonic() - started < 2
    message = str(excinfo.value)
    assert "\n" not in message and "manifest.yaml: line 1:" in message


def test_an_alias_in_site_yaml_is_refused(tmp_path: Path) -> None:
    from corpusdiff.store.vocabulary import load_vocabulary

    (tmp_path / "site.yaml").write_text("vocabulary:\n  stopwords: &w [甲乙]\nx: *w\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"site.yaml: line 2:\d+: .*anchors"):
        load_vocabulary(tmp_path)


@pytest.mark.parametrize("text", ["- pin\n- forbid\n", "pin: &p []\nforbid: *p\n", "pin: [\n"])
def test_a_bad_alignments_file_is_one_line_naming_it(text: str) -> None:
    from corpusdiff.store.corpus import parse_overrides

    with pytest.raises(CorpusError) as excinfo:
        parse_overrides(text, "a__b.yaml", "alignments/a__b.yaml")
    assert str(excinfo.value).startswith("alignments/a__b.yaml") and "\n" not in str(excinfo.value)


def test_a_front_matter_alias_is_reported_by_check(tmp_path: Path) -> None:
    from corpusdiff.types.document import Metadata
    from corpusdiff.workflow.check import _check_front_matter

    doc, text = tmp_path / "x.md", "---\n" + BOMB + "---\n\n# t\n"
    problems = list(_check_front_matter(tmp_path, doc, text, Metadata(), {}))
    assert problems and "anchors" in str(problems[0])


def test_limits() -> None:
    from corpusdiff import yamlsafe

    assert yamlsafe.load("a: [1, {b: c}]\n", "f") == {"a": [1, {"b": "c"}]}
    for text in ("[" * 200 + "]" * 200, "x" * (yamlsafe.MAX_BYTES + 1), "a: 2026-13-45\n", b"\xff: 1"):
        with pytest.raises(CorpusError):
            yamlsafe.load(text, "f")


yaml_like = st.text(
    alphabet=st.sampled_from(list("ab:- &*!|>'\"[]{},#?\n\t0123456789.%@`\\\x00é中")), max_size=300
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(yaml_like, st.text(max_size=200)))
def test_the_loader_raises_only_corpus_error_and_returns_quickly(text: str) -> None:
    from corpusdiff import yamlsafe

    started = time.monotonic()
    try:
        yamlsafe.load(text, "random.yaml")
    except CorpusError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("random.yaml")
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("name", ["manifest.yaml", "alignments/a__b.yaml", "notes/a__b.yaml", "site.yaml"])
def test_a_named_pipe_in_place_of_a_yaml_file_is_refused_not_waited_for(tmp_path: Path, name: str) -> None:
    """An unpacked corpus may hold a named pipe where a YAML file goes: `check` and `ingest`
    waited on it for ever. Read in a process of its own, so a regression fails, not hangs."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    code = "import sys; from pathlib import Path; from corpusdiff.store.files import read_yaml; read_yaml(Path(sys.argv[1]))"
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=20
    )
    assert done.returncode != 0 and "not a regular file" in done.stderr.splitlines()[-1]


def test_a_number_too_long_to_read_says_so_in_the_users_terms() -> None:
    """A 5,000-digit number was refused with Python's own advice (use
    sys.set_int_max_str_digits() to increase the limit), which no corpus author can follow."""
    with pytest.raises(CorpusError) as refused:
        yamlsafe.load("notes: [{new: p1, note: " + "9" * 5000 + "}]\n", "notes/a.yaml")
    message = str(refused.value)
    assert "sys." not in message and "4300 digits" in message and "quote it" in message

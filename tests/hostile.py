"""Builders for untrusted corpora (issue 17), and the assertion every refusal must meet.

A corpus from elsewhere is input from strangers: `hostile_corpus` makes one holding what a
hostile contributor could commit (tests/test_hostile_corpus.py runs every writing command on
it); `assert_one_line_refusal` is the contract for whatever corpusdiff refuses: exit 2, one
line on stderr, no traceback, no internal error.
"""

from __future__ import annotations

from click.testing import Result


def assert_one_line_refusal(result: Result, *phrases: str) -> None:
    """Exit 2 with exactly one `corpusdiff: error:` line holding every phrase."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("corpusdiff: error: "), result.stderr
    assert "internal error" not in lines[0] and "Traceback" not in result.stderr, result.stderr
    for phrase in phrases:
        assert phrase in lines[0], (phrase, lines[0])

"""The one YAML reader for everything a corpus holds (manifest.yaml, site.yaml, alignments/,
document front matter): a corpus from elsewhere is untrusted input (docs/security.md).

`yaml.safe_load` builds no objects but plain data; what it does not limit is the work: an
alias bomb (`a: &a [*b, *b, …]`) expands to gigabytes, deep nesting exhausts the stack. This
loader refuses aliases and anchors outright (nothing a corpus writes needs them), caps the
size of the text, the nesting depth and the number of nodes, and turns every problem into
one CorpusError line naming the file and line:column (`site.yaml: line 3:20: not valid
YAML (…); fix it`).

Parsing only: reading a YAML file from disk is the store's (`store.files.read_yaml`), which
hands the bytes to `load`. It also stands in for the `yaml` module where a module only reads and dumps (`from corpusdiff
import yamlsafe as yaml`): `safe_load` is the limited loader, `safe_dump` and `YAMLError` are
PyYAML's.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from yaml import YAMLError, safe_dump
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import Node

from corpusdiff.errors import CorpusError

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "YAMLError", "load", "safe_dump", "safe_load"]

#: Larger texts are refused before parsing (a corpus's YAML is a few kilobytes).
MAX_BYTES = 1_000_000
#: Deeper nesting of mappings and sequences is refused.
MAX_DEPTH = 50
#: More nodes (scalars, sequences, mappings) are refused.
MAX_NODES = 200_000


class _Refused(YAMLError):
    def __init__(self, problem: str, mark: object) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


class _LimitedLoader(yaml.SafeLoader):
    """SafeLoader without aliases or anchors, with a depth and a node count limit."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused("aliases (*name) are not allowed", event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise _Refused("anchors (&name) are not allowed", event.start_mark)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused(f"more than {MAX_NODES} values", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nested deeper than {MAX_DEPTH} levels", event.start_mark)
            return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


def load(text: str | bytes, where: str | Path) -> Any:
    """The data of one YAML document, or CorpusError (`<where>: line <l>:<c>: …`, one line).

    `where` names the file (or `front matter`) in the message."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise CorpusError(f"{where}: larger than {MAX_BYTES} bytes; refused")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{where}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    if len(text) > MAX_BYTES:
        raise CorpusError(f"{where}: larger than {MAX_BYTES} characters; refused")
    loader: _LimitedLoader | None = None
    try:
        loader = _LimitedLoader(text)  # the reader checks the characters here already
        return loader.get_single_data()
    except YAMLError as exc:
        raise CorpusError(_describe(where, exc)) from None
    except RecursionError:
        raise CorpusError(f"{where}: not valid YAML (nested too deeply); fix it") from None
    except Exception as exc:  # e.g. a date such as 2026-13-45 that is no date: ValueError
        if "int_max_str_digits" in str(exc):  # Python's advice is for programmers, not authors
            raise CorpusError(
                f"{where}: a number of more than {sys.get_int_max_str_digits()} digits; quote it or fix it"
            ) from None
        problem = _one_line(str(exc)) or exc.__class__.__name__
        raise CorpusError(f"{where}: not valid YAML ({problem}); fix it") from None
    finally:
        if loader is not None:
            loader.dispose()


def safe_load(text: str | bytes, where: str | Path = "front matter") -> Any:
    """`load`, under PyYAML's name (a stand-in for `yaml.safe_load`)."""
    return load(text, where)


def _describe(where: str | Path, exc: YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or exc.__class__.__name__
    if mark is None:
        return f"{where}: not valid YAML ({_one_line(str(problem))}); fix it"
    line, column = mark.line + 1, mark.column + 1
    return f"{where}: line {line}:{column}: not valid YAML ({_one_line(str(problem))}); fix it"


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]

"""What every page builder of the site shares: the page environment, the build report, a
document as the site sees it, and the corpus's site settings."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpusdiff import __version__
from corpusdiff.errors import CorpusError
from corpusdiff.render.diff import CLASSES
from corpusdiff.store.files import read_yaml
from corpusdiff.strings import DEFAULT_LANGUAGE, catalogue, check_language, status_labels
from corpusdiff.types.document import Metadata

if TYPE_CHECKING:  # Jinja2 is imported where used
    from jinja2 import Environment

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
SITE_CONFIG = "site.yaml"
DOWNLOADS = "download/"  # binary sources, served as attachments (site/serve.py, docs/security.md)


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # tasks (documents, pairs) rendered this time
    removed: list[str] = field(default_factory=list)  # files of an earlier build the corpus no longer has
    warnings: list[str] = field(default_factory=list)  # one line each: what was left out, and why
    series_rendered: bool = False  # the series views (site_series.py) were rendered this time
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return len(self.written) + len(self.unchanged)


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    meta: Metadata
    #: where the site keeps a copy of the verified raw source: raw/… (text, a .txt) or
    #: download/… (a binary format); "" when the source is missing or was not verified
    raw_page: str = ""

    @property
    def url(self) -> str:
        return f"doc/{self.id}.html"

    @property
    def raw_is_download(self) -> bool:
        return self.raw_page.startswith(DOWNLOADS)


@functools.cache
def environment(language: str = DEFAULT_LANGUAGE) -> Environment:
    """The templates, with the strings of `language` (`t("key", field=…)`), the labels of the
    change classes and a `when` filter for dates (`2025年1月` in Chinese)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    strings = catalogue(language)
    env.globals.update(version=__version__, t=strings, labels=status_labels(language), classes=CLASSES)
    env.filters["when"] = strings.date
    env.filters["genre"] = strings.genre
    return env


def relative_root(page: str) -> str:
    return "../" * page.count("/")


@functools.cache
def site_stamp() -> str:
    """Code, templates and static files: a change to any of them rebuilds every page."""
    from corpusdiff.store.cache import code_stamp

    digest = hashlib.sha256(code_stamp().encode())
    for path in sorted([*TEMPLATES.iterdir(), *STATIC.iterdir()]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def site_language(root: Path) -> str:
    """The interface language `language:` of <corpus>/site.yaml sets: zh (the default) or en."""
    config = root / SITE_CONFIG
    if not config.is_file():
        return DEFAULT_LANGUAGE
    return check_language(site_config(config).get("language", DEFAULT_LANGUAGE), str(config))


def listed_id_problems(config: Mapping[str, Any], ids: Collection[str]) -> list[str]:
    """What site.yaml's `pairs:` and `timelines:` name wrongly: a document the corpus lacks (a
    typo in an id the analyst asked to publish, which the site would leave out without a word)
    or a pair that is not `old:`/`new:`."""
    problems = []
    for number, pair in enumerate(config.get("pairs") or [], 1):
        if not (isinstance(pair, dict) and pair.get("old") and pair.get("new")):
            problems.append(f"site.yaml: pairs entry {number} needs `old:` and `new:` document ids")
            continue
        problems += [
            f"site.yaml: pairs entry {number} names {pair[side]!r}, which is not in the corpus"
            for side in ("old", "new")
            if pair[side] not in ids
        ]
    for entry in config.get("timelines") or []:
        listed = entry.get("documents") if isinstance(entry, dict) else None
        problems += [
            f"site.yaml: timeline {entry.get('name')!r} names {doc!r}, which is not in the corpus"
            for doc in (listed if isinstance(listed, list) else [])
            if doc not in ids
        ]
    return problems


def site_config(path: Path) -> dict[str, Any]:
    """<corpus>/site.yaml, read by the limited YAML loader (a corpus from elsewhere is untrusted
    input); one CorpusError line when it is not a mapping or is a link that leaves the corpus."""
    if not path.resolve().is_relative_to(path.parent.resolve()):
        raise CorpusError(f"{path}: is a link to a file outside the corpus; replace it with the file itself")
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise CorpusError(
            f"{path}: must be a mapping of settings (pairs:, timelines:, vocabulary:, language:)"
        )
    return data

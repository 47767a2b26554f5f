"""What every page builder of the site shares: the page environment, the build report, a
document as the site sees it, and the writers that keep unchanged pages untouched."""

from __future__ import annotations

import functools
import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpusdiff import __version__, yamlsafe
from corpusdiff.errors import CorpusError
from corpusdiff.render.diff import CLASSES, LABELS
from corpusdiff.types.document import Metadata

if TYPE_CHECKING:  # Jinja2 is imported where used
    from jinja2 import Environment

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
SITE_CONFIG = "site.yaml"


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # tasks (documents, pairs) rendered this time
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
    raw_page: str = ""  # where the site keeps a copy of the raw source ("" when it is missing)

    @property
    def url(self) -> str:
        return f"doc/{self.id}.html"


@functools.cache
def environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(version=__version__, labels=LABELS, classes=CLASSES)
    return env


def relative_root(page: str) -> str:
    return "../" * page.count("/")


def write_page(out: Path, page: str, text: str, report: BuildReport) -> None:
    """Write only what changed, so unchanged pages keep their files (and timestamps)."""
    target = out / page
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        report.unchanged.append(page)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    report.written.append(page)


def copy_page(out: Path, page: str, source: Path, report: BuildReport) -> None:
    target = out / page
    if target.is_file() and target.read_bytes() == source.read_bytes():
        report.unchanged.append(page)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    report.written.append(page)


@functools.cache
def site_stamp() -> str:
    """Code, templates and static files: a change to any of them rebuilds every page."""
    from corpusdiff.store.cache import code_stamp

    digest = hashlib.sha256(code_stamp().encode())
    for path in sorted([*TEMPLATES.iterdir(), *STATIC.iterdir()]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def site_config(path: Path) -> dict[str, Any]:
    """<corpus>/site.yaml, read by the limited YAML loader (a corpus from elsewhere is untrusted
    input); one CorpusError line when it is not a mapping."""
    data = yamlsafe.read(path) or {}
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: must be a mapping of settings (pairs:, timelines:, vocabulary:)")
    return data

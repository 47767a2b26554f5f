"""The static HTML site: index, document pages, aligned diff pages, 新旧对照 tables,
programmes and offline search. Every page is plain files that work from file:// and any
static host; nothing is fetched from the network. Document text is always escaped."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml
from markupsafe import Markup, escape

from corpusdiff import __version__
from corpusdiff.compare import DiffResult, Initiative, compare
from corpusdiff.corpus import entries
from corpusdiff.markdown import parse
from corpusdiff.metadata import GENRES
from corpusdiff.programmes import extract_programmes, plain
from corpusdiff.report import CLASSES, LABELS, grouped, summary
from corpusdiff.sides import Side, load_overrides
from corpusdiff.tree import build_tree

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
SITE_CONFIG = "site.yaml"


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return len(self.written) + len(self.unchanged)


@dataclass(frozen=True)
class Doc:
    id: str
    path: Path
    text: str
    document: object  # NormalizedDocument

    @property
    def meta(self):  # -> Metadata
        return self.document.metadata

    @property
    def url(self) -> str:
        return f"doc/{self.id}.html"


def _environment():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(version=__version__, labels=LABELS, classes=CLASSES)
    return env


def _root(page: str) -> str:
    return "../" * page.count("/")


def _markdown_renderer():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"html": False}).enable("table").use(front_matter_plugin)


def render_document_body(text: str) -> tuple[Markup, list[dict[str, object]], list[tuple[str, str]]]:
    """HTML body (raw HTML disabled), the outline, and (anchor, text) of each paragraph."""
    md = _markdown_renderer()
    tokens = md.parse(text)
    outline, paragraphs = [], []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            anchor = f"h{len(outline)}"
            token.attrSet("id", anchor)
            outline.append({"level": int(token.tag[1]), "anchor": anchor, "text": tokens[index + 1].content})
        elif token.type == "paragraph_open":
            anchor = f"p{len(paragraphs)}"
            token.attrSet("id", anchor)
            paragraphs.append((anchor, tokens[index + 1].content))
    html = md.renderer.render(tokens, md.options, {})
    return Markup(html), outline, paragraphs


def _inline_html(item: Initiative, side: str) -> Markup:
    if item.diff:
        parts = []
        for op, text in item.diff:
            if op == "=":
                parts.append(escape(text))
            elif op == "-" and side == "old":
                parts.append(Markup("<del>{}</del>").format(text))
            elif op == "+" and side == "new":
                parts.append(Markup("<ins>{}</ins>").format(text))
        return Markup("").join(parts)
    if side == "old":
        text = item.old_sentence or (item.old.text if item.old and item.level == "unit" else "")
    else:
        text = item.new_sentence or (item.new.text if item.new and item.level == "unit" else "")
    return escape(text)


def _pair_page(old_id: str, new_id: str, suffix: str = "") -> str:
    return f"diff/{old_id.replace('/', '.')}__{new_id.replace('/', '.')}{suffix}.html"


def _diff_context(result: DiffResult, page: str, old: Doc, new: Doc) -> dict[str, object]:
    blocks, changes = [], []
    for number, (match, items) in enumerate(grouped(result)):
        anchor = f"s{number}"
        rendered = []
        for item in items:
            item_anchor = f"i{len(changes)}-{len(rendered)}"
            if item.status != "recurring":
                text = (
                    item.new_sentence
                    or item.old_sentence
                    or ((item.new or item.old).heading if (item.new or item.old) else "")
                    or (item.new or item.old).text[:40]
                )
                changes.append({"anchor": item_anchor, "status": item.status, "text": text[:60]})
            rendered.append(
                {
                    "status": item.status,
                    "anchor": item_anchor,
                    "sentence": item.level == "sentence",
                    "similarity": item.similarity if item.old and item.new and item.level == "unit" else 0,
                    "old": _inline_html(item, "old"),
                    "new": _inline_html(item, "new"),
                    "figures": item.figures,
                }
            )
        status = match.status if match else "matched"
        blocks.append(
            {
                "anchor": anchor,
                "status": status,
                "status_label": LABELS.get(status, status.upper()),
                "old_heading": _full_heading(match.old) if match else "",
                "new_heading": _full_heading(match.new) if match else "(before the first heading)",
                "entries": rendered,
            }
        )
    counts = summary(result)
    return {
        "root": _root(page),
        "title": f"{old.meta.title} → {new.meta.title}",
        "old": old.meta,
        "new": new.meta,
        "old_url": _root(page) + old.url,
        "new_url": _root(page) + new.url,
        "duizhao_url": _root(page) + _pair_page(old.id, new.id, "-duizhao"),
        "counts": [(k, counts["initiatives"][k]) for k in CLASSES],
        "section_counts": list(counts["sections"].items()),
        "programmes": result.programmes,
        "notes": result.notes,
        "changes": changes,
        "blocks": blocks,
    }


def _full_heading(section) -> str:
    return f"{section.label}{section.heading}".strip() if section else ""


def _duizhao_context(result: DiffResult, page: str, old: Doc, new: Doc) -> dict[str, object]:
    rows = [
        {"status": i.status, "old": _inline_html(i, "old"), "new": _inline_html(i, "new")}
        for i in result.initiatives
        if i.status in ("reworded", "moved") and i.level == "unit"
    ]
    return {
        "root": _root(page),
        "title": f"新旧对照 {old.meta.title}",
        "old": old.meta,
        "new": new.meta,
        "diff_url": _root(page) + _pair_page(old.id, new.id),
        "rows": rows,
    }


def _pairs(root: Path, docs: list[Doc]) -> tuple[list[tuple[Doc, Doc]], list[tuple[Doc, Doc]]]:
    """Consecutive editions of each series, and extra pairs listed in <corpus>/site.yaml."""
    by_series: dict[str, list[Doc]] = {}
    for doc in docs:
        by_series.setdefault(doc.meta.series, []).append(doc)
    consecutive = []
    for series_docs in by_series.values():
        series_docs.sort(key=lambda d: (d.meta.date, d.id))
        consecutive += list(pairwise(series_docs))
    extra = []
    config = root / SITE_CONFIG
    if config.is_file():
        by_id = {d.id: d for d in docs}
        for pair in (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("pairs", []):
            if pair.get("old") in by_id and pair.get("new") in by_id:
                extra.append((by_id[pair["old"]], by_id[pair["new"]]))
    return consecutive, extra


def _write(out: Path, page: str, text: str, report: BuildReport) -> None:
    """Write only what changed, so unchanged pages keep their files (and timestamps)."""
    target = out / page
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        report.unchanged.append(page)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    report.written.append(page)


def _copy(out: Path, page: str, source: Path, report: BuildReport) -> None:
    target = out / page
    if target.is_file() and target.read_bytes() == source.read_bytes():
        report.unchanged.append(page)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    report.written.append(page)


def build_site(root: Path, out: Path, progress: Callable[[list], Iterable] = iter) -> BuildReport:
    """Build (or update) the site for the corpus at `root` into `out`."""
    from corpusdiff import gitstore

    started = time.perf_counter()
    report = BuildReport()
    env = _environment()
    docs = [
        Doc(e.id, e.path, text, parse(text))
        for e in entries(root)
        for text in [e.path.read_text(encoding="utf-8")]
    ]
    docs.sort(key=lambda d: (d.meta.series, d.meta.date, d.id))
    consecutive, extra = _pairs(root, docs)
    try:
        repo = gitstore.open_repo(root)
        repo_root, commit = (
            gitstore.work_tree(repo),
            (repo.head.commit.hexsha[:10] if repo.head.is_valid() else ""),
        )
    except Exception:
        repo_root, commit = root.resolve(), ""
    tasks: list[tuple[str, object]] = [("doc", d) for d in docs] + [("diff", p) for p in consecutive + extra]
    search: list[list[object]] = []
    for kind, task in progress(tasks):
        if kind == "doc":
            _build_document(env, out, task, repo_root, report, search, docs.index(task))
        else:
            _build_diff(env, out, root, *task, report)
    for asset in sorted(STATIC.iterdir()):
        _copy(out, f"static/{asset.name}", asset, report)
    _build_index(env, out, docs, consecutive, extra, commit, report)
    _build_programmes(env, out, docs, report)
    index = {
        "documents": [{"url": d.url, "title": d.meta.title, "date": d.meta.date} for d in docs],
        "paragraphs": search,
    }
    _write(
        out,
        "search-index.js",
        "window.CORPUSDIFF_INDEX = " + json.dumps(index, ensure_ascii=False) + ";\n",
        report,
    )
    _write(out, "search.html", env.get_template("search.html").render(root="", title="Search"), report)
    report.seconds = time.perf_counter() - started
    return report


def _build_document(
    env, out: Path, doc: Doc, repo_root: Path, report: BuildReport, search: list, number: int
) -> None:
    page = doc.url
    body, outline, paragraphs = render_document_body(doc.text)
    search.extend([number, anchor, text] for anchor, text in paragraphs)
    raw_url = ""
    source = doc.meta.source
    if source and (repo_root / source.file).is_file():
        raw_page = f"raw/{doc.id}/{Path(source.file).name}"
        _copy(out, raw_page, repo_root / source.file, report)
        raw_url = _root(page) + raw_page
    _write(out, f"md/{doc.id}.md", doc.text, report)
    html = env.get_template("document.html").render(
        root=_root(page),
        title=doc.meta.title,
        meta=doc.meta,
        body=body,
        outline=outline,
        raw_url=raw_url,
        markdown_url=_root(page) + f"md/{doc.id}.md",
    )
    _write(out, page, html, report)


def _build_diff(env, out: Path, root: Path, old: Doc, new: Doc, report: BuildReport) -> None:
    old_tree, new_tree = build_tree(old.document), build_tree(new.document)
    overrides = load_overrides(root, Side(old.id, old.id, old_tree), Side(new.id, new.id, new_tree))
    result = compare(old_tree, new_tree, overrides)
    page = _pair_page(old.id, new.id)
    _write(out, page, env.get_template("diff.html").render(**_diff_context(result, page, old, new)), report)
    page = _pair_page(old.id, new.id, "-duizhao")
    _write(
        out, page, env.get_template("duizhao.html").render(**_duizhao_context(result, page, old, new)), report
    )


def _diff_summary(old: Doc, new: Doc) -> dict[str, object]:
    return {
        "url": _pair_page(old.id, new.id),
        "old_date": old.meta.date,
        "new_date": new.meta.date,
        "old_title": old.meta.title,
        "new_title": new.meta.title,
    }


def _build_index(env, out, docs, consecutive, extra, commit, report) -> None:
    regions: dict[str, dict[str, dict[str, object]]] = {}
    for doc in docs:
        series = regions.setdefault(doc.meta.region or "—", {}).setdefault(
            doc.meta.series, {"name": doc.meta.series, "documents": [], "diffs": []}
        )
        series["documents"].append(
            {
                "url": doc.url,
                "title": doc.meta.title,
                "date": doc.meta.date,
                "genre": GENRES.get(doc.meta.genre, doc.meta.genre),
            }
        )
    for old, new in consecutive:
        tree_counts = _counts_for(out, old, new)
        entry = _diff_summary(old, new) | {"counts": tree_counts}
        regions[old.meta.region or "—"][old.meta.series]["diffs"].append(entry)
    html = env.get_template("index.html").render(
        root="",
        title="Reports and what changed",
        documents=docs,
        commit=commit,
        regions=[(r, list(s.values())) for r, s in sorted(regions.items())],
        series=[s for r in regions.values() for s in r],
        extra_diffs=[_diff_summary(o, n) for o, n in extra],
    )
    _write(out, "index.html", html, report)


def _counts_for(out: Path, old: Doc, new: Doc) -> list[tuple[str, int]]:
    """Counts shown on the index, read back from the diff page just written (no second diff)."""
    import re

    page = (out / _pair_page(old.id, new.id)).read_text(encoding="utf-8")
    summary_html = page.split('<section class="summary">', 1)[1].split("</p>", 1)[0]
    found = re.findall(r'status-(\w+)">[A-Z]+ (\d+)<', summary_html)
    return [(k, int(v)) for k, v in found if k != "recurring"]


def _build_programmes(env, out: Path, docs: list[Doc], report: BuildReport) -> None:
    texts = {d.id: [b.text for b in d.document.blocks if hasattr(b, "text")] for d in docs}
    ordered = sorted(docs, key=lambda d: (d.meta.date, d.id))
    names: list[str] = []
    for doc in ordered:
        names += [p.name for p in extract_programmes(texts[doc.id]) if p.name not in names]
    plain_texts = {d.id: plain("\n".join(texts[d.id])) for d in ordered}
    rows = [{"name": n, "seen": [n in plain_texts[d.id] for d in ordered]} for n in names]
    html = env.get_template("programmes.html").render(
        root="",
        title="Programmes",
        programmes=rows,
        documents=[{"url": d.url, "date": d.meta.date, "series": d.meta.series} for d in ordered],
    )
    _write(out, "programmes.html", html, report)

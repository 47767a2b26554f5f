"""The static HTML site: index, document pages, aligned diff pages, 新旧对照 tables,
programmes and offline search. Every page is plain files that work from file:// and any
static host; nothing is fetched from the network. Document text is always escaped."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote

from markupsafe import Markup

from corpusdiff.compare.programmes import mentioned, plain
from corpusdiff.errors import CorpusError
from corpusdiff.parallel import SERIAL, Runner
from corpusdiff.read import decode, formats
from corpusdiff.render.diff import CLASSES, edition_name, summary
from corpusdiff.site.common import (
    DOWNLOADS,
    SITE_CONFIG,
    STATIC,
    BuildReport,
    Doc,
    environment,
    listed_id_problems,
    relative_root,
    site_config,
    site_language,
    site_stamp,
)
from corpusdiff.site.diffpage import pair_page
from corpusdiff.site.output import SiteOutput, open_output
from corpusdiff.site.serve import HEADERS_FILE, headers_file
from corpusdiff.store import files
from corpusdiff.store.corpus import Corpus, Entry, document_id
from corpusdiff.store.diffs import cached_compare
from corpusdiff.store.resolve import load_overrides
from corpusdiff.store.vocabulary import load_vocabulary
from corpusdiff.strings import DEFAULT_LANGUAGE, Strings, catalogue
from corpusdiff.text.stopwords import DEFAULT_STOPWORDS
from corpusdiff.types.diff import Overrides, Status
from corpusdiff.types.document import Metadata
from corpusdiff.types.notes import ReviewerNote

if TYPE_CHECKING:  # imported where used
    from jinja2 import Environment
    from markdown_it import MarkdownIt

#: The build state kept between builds (STATE_FILE): per task key, its input hash, its pages
#: and the data the index, programmes and search pages need (read back from JSON).
_State = dict[str, dict[str, Any]]


def _markdown_renderer() -> MarkdownIt:
    """The reader of canonical documents (`markdown.TEXT_ONLY`): a `[text](url)` of a document
    from elsewhere is shown as written, as every command reads it, never published as a link or
    a remote image (a tracking pixel) that `review` never showed."""
    from corpusdiff.canonical.markdown import markdown_reader

    return markdown_reader()


def render_document_body(text: str) -> tuple[Markup, list[dict[str, object]], list[tuple[str, str]]]:
    """HTML body (raw HTML disabled), the outline, and (anchor, text) of each paragraph. An outline
    entry's `at` is the number of paragraphs before its heading: where search lists it."""
    md = _markdown_renderer()
    tokens = md.parse(text)
    outline: list[dict[str, object]] = []
    paragraphs: list[tuple[str, str]] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            anchor = f"h{len(outline)}"
            token.attrSet("id", anchor)
            text = tokens[index + 1].content
            outline.append({"level": int(token.tag[1]), "anchor": anchor, "text": text, "at": len(paragraphs)})
        elif token.type == "paragraph_open":
            anchor = f"p{len(paragraphs)}"
            token.attrSet("id", anchor)
            paragraphs.append((anchor, tokens[index + 1].content))
    html = md.renderer.render(tokens, md.options, {})
    return Markup(html), outline, paragraphs


#: The pairs of a series the site builds by default: each edition against the next and the
#: one after (consecutive, and one further), so a new edition costs two comparisons; the pair
#: picker reaches the others after `site build --pairs all` (or `--pairs N`).
DEFAULT_REACH = 2


@dataclass(frozen=True)
class Pairs:
    """The editions of each series (oldest first) and the pairs the site builds."""

    series: dict[str, list[Doc]]
    window: list[tuple[Doc, Doc]]  # editions of one series at most `reach` apart
    extra: list[tuple[Doc, Doc]]  # listed in <corpus>/site.yaml and not in the window

    @property
    def built(self) -> list[tuple[Doc, Doc]]:
        return self.window + self.extra


def select_pairs(root: Path, docs: list[Doc], reach: int | None = DEFAULT_REACH) -> Pairs:
    """The editions of each series at most `reach` apart (None: every pair of a series), and
    the extra pairs listed in <corpus>/site.yaml."""
    from corpusdiff.series.timeline import comparison_pairs

    by_series: dict[str, list[Doc]] = {}
    for doc in docs:
        by_series.setdefault(doc.meta.series, []).append(doc)
    window = []
    for series_docs in by_series.values():
        series_docs.sort(key=lambda d: (d.meta.date, d.id))
        pairs = comparison_pairs(len(series_docs), reach)
        window += [(series_docs[i], series_docs[j]) for i, j in sorted(pairs)]
    extra: list[tuple[Doc, Doc]] = []
    config = root / SITE_CONFIG
    if config.is_file():
        by_id = {d.id: d for d in docs}
        for pair in site_config(config).get("pairs") or []:
            if isinstance(pair, dict) and pair.get("old") in by_id and pair.get("new") in by_id:
                chosen = (by_id[pair["old"]], by_id[pair["new"]])
                if chosen not in window and chosen not in extra:
                    extra.append(chosen)
    return Pairs(by_series, window, extra)


# --- page tasks: pure functions of their inputs, run in any process, skipped when unchanged ---


@dataclass(frozen=True)
class PairLink:
    """A pair page a document page lists: the other edition, and which side the document is."""

    url: str  # relative to the site
    other_date: str
    other_title: str
    side: str  # "old" or "new": the document's side of the pair


@dataclass(frozen=True)
class PageTask:
    """The inputs of the pages of one document (`new` only) or one pair of editions."""

    new: Doc
    old: Doc | None = None
    overrides: Overrides | None = None
    stopwords: tuple[str, ...] = DEFAULT_STOPWORDS
    notes: tuple[ReviewerNote, ...] = ()
    language: str = DEFAULT_LANGUAGE
    pairs: tuple[PairLink, ...] = ()  # of a document: the pair pages that include it

    @property
    def key(self) -> str:
        return pair_page(self.old.id, self.new.id) if self.old else self.new.url

    def input_hash(self) -> str:
        parts = [
            site_stamp(),
            self.new.text,
            self.new.raw_page,
            self.old.text if self.old else "",
            repr(self.overrides),
            repr(self.stopwords),
            repr(self.notes),
            self.language,
            repr(self.pairs),
        ]
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PageOutput:
    pages: dict[str, str | bytes]
    data: dict[str, Any]  # what the index, programmes and search pages need from this task


def render_task(task: PageTask) -> PageOutput:
    """All pages of one task (runs in worker processes: only picklable inputs and outputs)."""
    return _render_diff(task) if task.old else _render_document(task)


def _dated_name(meta: Metadata, strings: Strings) -> str:
    """A page's title that tells the editions of a series apart (browser tabs, bookmarks): the
    report's name with its region, and its date as the page's body writes it (a tab read
    `2017-03-05` over a page dated `2017年3月5日`)."""
    return f"{edition_name(meta)} {strings.date(meta.date)}".strip()


def _render_document(task: PageTask) -> PageOutput:
    from corpusdiff.site.search import FOLD_SCRIPT, document_fold

    doc = task.new
    page = doc.url
    root = relative_root(page)
    body, outline, paragraphs = render_document_body(doc.text)
    html = (
        environment(task.language)
        .get_template("document.html")
        .render(
            root=root,
            title=_dated_name(doc.meta, catalogue(task.language)),
            meta=doc.meta,
            body=body,
            outline=outline,
            raw_url=root + quote(doc.raw_page) if doc.raw_page else "",
            raw_download=doc.raw_is_download,
            markdown_url=root + f"md/{doc.id}.md",
            pairs=[replace(link, url=root + link.url) for link in task.pairs],
            fold=document_fold(doc.text),
            fold_script=root + FOLD_SCRIPT,
        )
    )
    data = {"paragraphs": paragraphs, "headings": [(h["anchor"], h["text"], h["at"]) for h in outline]}
    return PageOutput({page: html, f"md/{doc.id}.md": doc.text}, data)


def _render_diff(task: PageTask) -> PageOutput:
    from corpusdiff.render.notes import place_notes
    from corpusdiff.render.table import comparison_table
    from corpusdiff.site import diffpage
    from corpusdiff.store.resolve import canonical_tree

    old, new = task.old, task.new
    assert old is not None  # render_task sends only pairs here
    result = cached_compare(canonical_tree(old.text), canonical_tree(new.text), task.overrides, task.stopwords)
    table = comparison_table(result)
    placed = place_notes(table, task.notes)
    env, strings = environment(task.language), catalogue(task.language)
    pages: dict[str, str | bytes] = {
        pair_page(old.id, new.id): env.get_template("diff.html").render(
            **diffpage.diff_context(result, table, placed, old, new, strings)
        ),
        pair_page(old.id, new.id, diffpage.DUIZHAO + ".html"): env.get_template("duizhao.html").render(
            **diffpage.duizhao_context(table, placed, old, new, strings)
        ),
        **diffpage.export_files(table, old, new, strings),
    }
    counts = summary(result)["initiatives"]
    return PageOutput(
        pages,
        {
            "counts": [(k, counts[k]) for k in CLASSES if k != Status.RECURRING],
            "orphans": [f"{note.source}: {note.key}" for note in placed.orphans],
        },
    )


def build_site(
    root: Path,
    out: Path,
    progress: Callable[[int], Callable[[int], None]] = lambda total: lambda n: None,
    runner: Runner = SERIAL,
    reach: int | None = DEFAULT_REACH,
) -> BuildReport:
    """Build (or update) the site for the corpus at `root` into `out`.

    Pages whose inputs (documents, overrides, notes, code and templates) are unchanged since
    the last build, and whose files are as that build wrote them, are not rendered again; the
    rest are rendered by `runner`, possibly in parallel. Every file is written atomically;
    files of documents the corpus no longer has are removed (site/output.py). Only what the
    corpus holds is published (docs/security.md). `progress(total)` returns the callback that
    counts rendered tasks. `reach`: the pairs of a series built, editions at most this far
    apart (None: every pair).
    """
    started = time.perf_counter()
    report = BuildReport()
    refuse_output_around_corpus(root, out)
    repo_root, commit = _repository(root)
    sources = {e.id: _verified_source(e, repo_root, report) for e in _documents_inside(root, report)}
    docs = [_doc(entry, raw_page) for entry, _path, raw_page in sources.values()]
    docs.sort(key=lambda d: (d.meta.series, d.meta.date, d.id))
    # every setting is read before the first write
    language = site_language(root)
    pairs = select_pairs(root, docs, reach)
    if (root / SITE_CONFIG).is_file():
        report.warnings += listed_id_problems(site_config(root / SITE_CONFIG), {d.id for d in docs})
    tasks = _tasks(root, docs, pairs, language)
    with open_output(out, report) as output:
        for entry, path, raw_page in sources.values():
            if path is not None:
                output.write(raw_page, _read_verified(entry, path))
        state = _render_tasks(output, tasks, runner, progress)
        for asset in sorted(STATIC.iterdir()):
            output.write(f"static/{asset.name}", asset.read_bytes())
        state[SERIES_VIEWS] = _series_views(
            root, output, docs, output.tasks.get(SERIES_VIEWS), state, runner, language, reach, pairs
        )
        env = environment(language)
        output.write(PAIRS_SCRIPT, pairs_script(pairs, catalogue(language)))
        _build_index(env, output, docs, pairs, commit, state)
        _build_programmes(env, output, docs, state)
        _build_search(env, output, docs, state)
        output.write(HEADERS_FILE, headers_file())
        output.finish(state)
    report.warnings += [
        f"note {orphan}: the diff no longer has this change (`corpusdiff check` lists such notes)"
        for old, new in pairs.built
        for orphan in state[pair_page(old.id, new.id)]["data"].get("orphans", [])
    ]
    report.seconds = time.perf_counter() - started
    return report


def _tasks(root: Path, docs: list[Doc], pairs: Pairs, language: str) -> list[PageTask]:
    """A task per document page (with the pairs that include it) and per pair page."""
    from corpusdiff.store.notes import load_notes

    stopwords = load_vocabulary(root).stopwords
    links: dict[str, list[PairLink]] = {d.id: [] for d in docs}
    for old, new in pairs.built:
        url = pair_page(old.id, new.id)
        links[old.id].append(PairLink(url, new.meta.date, new.meta.title, "old"))
        links[new.id].append(PairLink(url, old.meta.date, old.meta.title, "new"))
    return [PageTask(d, language=language, pairs=tuple(links[d.id])) for d in docs] + [
        PageTask(
            new,
            old,
            load_overrides(root, old.id, new.id),
            stopwords,
            load_notes(root, old.id, new.id),
            language,
        )
        for old, new in pairs.built
    ]


#: The editions of each series and the pair pages built, for the pair picker (static/app.js)
#: of the index and the diff pages: one script beside them, so that a pair page need not be
#: rendered again when another pair is built.
PAIRS_SCRIPT = "pairs.js"


def pairs_script(pairs: Pairs, strings: Strings) -> str:
    data = {
        "series": {
            name: [
                {"id": d.id, "label": strings.date(d.meta.date) or d.id, "title": d.meta.title} for d in docs
            ]
            for name, docs in pairs.series.items()
        },
        "pairs": {f"{old.id}|{new.id}": pair_page(old.id, new.id) for old, new in pairs.built},
    }
    return "window.CORPUSDIFF_PAIRS = " + json.dumps(data, ensure_ascii=False) + ";\n"


def refuse_output_around_corpus(root: Path, out: Path) -> None:
    """The site never goes inside the corpus (the next ingest and check would see its Markdown
    copies as documents, the next build would publish itself) nor around it (publishing the
    output would publish the corpus)."""
    corpus, site = root.resolve(), out.resolve()
    if site.is_relative_to(corpus):
        raise CorpusError(f"{out}: the site would be inside the corpus {corpus}; choose an --out outside it")
    if corpus.is_relative_to(site):
        raise CorpusError(f"{out}: the site would contain the corpus {corpus}; choose an --out beside it")


def _render_tasks(
    output: SiteOutput,
    tasks: list[PageTask],
    runner: Runner,
    progress: Callable[[int], Callable[[int], None]],
) -> _State:
    """Render the tasks whose inputs or files changed; the state of every task."""
    previous = output.tasks
    todo = [t for t in tasks if not _up_to_date(output, previous.get(t.key), t)]
    output.report.rendered = [t.key for t in todo]
    fresh: _State = {}
    for index, rendered in runner.each(render_task, todo, progress(len(todo))):
        task = todo[index]
        for page, text in rendered.pages.items():
            output.write(page, text)
        fresh[task.key] = {"hash": task.input_hash(), "pages": sorted(rendered.pages), "data": rendered.data}
    for task in tasks:
        if task.key not in fresh:
            for page in previous[task.key]["pages"]:
                output.keep(page)
    return {t.key: fresh.get(t.key) or previous[t.key] for t in tasks}


SERIES_VIEWS = "series-views"  # the state key of the timeline, indicators, trace and terms pages


def _series_views(
    root: Path,
    output: SiteOutput,
    docs: list[Doc],
    previous: dict[str, Any] | None,
    state: _State,
    runner: Runner,
    language: str,
    reach: int | None = DEFAULT_REACH,
    pairs: Pairs | None = None,
) -> dict[str, object]:
    """The timeline, indicators, trace and terms pages (site_series.py), given the paragraphs
    of the document pages, which trace passages link to; the timelines reach as far as the
    pair pages built (`timeline_reach`), and a step's evidence links the page of its pair."""
    from corpusdiff.site.series import build_series_views, timeline_reach

    paragraphs = {d.id: [tuple(p) for p in state[d.url]["data"]["paragraphs"]] for d in docs}
    built = [(old.id, new.id) for old, new in pairs.built] if pairs else []
    return build_series_views(
        root, output, docs, previous, paragraphs, runner, language, timeline_reach(reach), built
    )


def _repository(root: Path) -> tuple[Path, str]:
    from corpusdiff.store import git as gitstore

    try:
        repo = gitstore.open_repo(root)
        return gitstore.work_tree(repo), gitstore.head_commit(repo)
    except Exception:  # a corpus outside git still gets a site
        return root.resolve(), ""


def _documents_inside(root: Path, report: BuildReport) -> list[Entry]:
    """The corpus's documents, without those that are links to files outside it (the index
    never reads them: `Corpus.links_out`)."""
    corpus = Corpus(root)
    for link in corpus.links_out:
        report.warnings.append(
            f"{document_id(root, link)}: {link} is a link to a file outside the corpus; not published"
        )
    return list(corpus.entries)


def _doc(entry: Entry, raw_page: str) -> Doc:
    return Doc(entry.id, files.read_corpus_text(entry.path), entry.metadata, raw_page)


def _verified_source(entry: Entry, repo_root: Path, report: BuildReport) -> tuple[Entry, Path | None, str]:
    """The document, its raw source and where the site publishes it; (entry, None, "") when the
    source is missing, or (with a warning) named outside the corpus's repository or not the
    bytes its sha256 records: a corpus from elsewhere must not publish the builder's files."""
    source = entry.metadata.source
    if source is None or not source.file:
        return entry, None, ""
    relative = PurePosixPath(source.file)
    if relative.is_absolute() or "\\" in source.file or {"..", ".git"} & set(relative.parts):
        report.warnings.append(
            f"{entry.id}: source.file {source.file!r} is not a path inside the corpus's repository; "
            "the raw source is not published"
        )
        return entry, None, ""
    path = (repo_root / relative).resolve()  # an in-repository link's target, read without following
    if not path.is_relative_to(repo_root):
        report.warnings.append(
            f"{entry.id}: source file {source.file} is a link to a file outside the corpus's repository; "
            "the raw source is not published"
        )
        return entry, None, ""
    try:
        data = files.read_regular(path, decode.MAX_REPORT_BYTES)  # one at a time: read again to copy
    except files.NotARegularFile as exc:
        report.warnings.append(
            f"{entry.id}: source file {source.file} is {exc.kind}, not a file; the raw source is not published"
        )
        return entry, None, ""
    except OSError:
        return entry, None, ""  # missing, or replaced by a link since: `corpusdiff check` reports it
    if data is None:
        return entry, None, ""  # larger than any report: `corpusdiff check` reports it
    if hashlib.sha256(data).hexdigest() != source.sha256.lower():
        report.warnings.append(
            f"{entry.id}: source file {source.file} does not match its recorded sha256; the raw source "
            "is not published (`corpusdiff check` says more)"
        )
        return entry, None, ""
    return entry, path, source_page(entry.id, relative.name, data)


def source_page(doc_id: str, name: str, data: bytes) -> str:
    """Where a source is published, told from its bytes, never from its name: text of any
    kind (plain, HTML, SVG, Markdown) as a .txt, which no browser runs; a binary format as a
    download named for what it is (a PDF called report.html is report.html.pdf)."""
    found = formats.sniff_binary(data)
    if found is None:
        return f"raw/{doc_id}/{_with_suffix(name, '.txt')}"
    suffix = {"pdf": ".pdf", "docx": ".docx", "doc": ".doc"}.get(found[0], ".bin")
    return f"{DOWNLOADS}{doc_id}/{_with_suffix(name, suffix)}"


def _with_suffix(name: str, suffix: str) -> str:
    return name if name.lower().endswith(suffix) else name + suffix


def _read_verified(entry: Entry, path: Path) -> bytes:
    """The source `_verified_source` verified, read again to be copied: the same bytes, or the
    build stops (it was changed, or swapped for a named pipe, since)."""
    try:
        data = files.read_regular(path, decode.MAX_REPORT_BYTES)
    except OSError as exc:
        raise CorpusError(
            f"{path}: changed while the site was being built ({exc.strerror or exc}); build it again"
        ) from None
    assert entry.metadata.source is not None  # a verified source
    if data is None or hashlib.sha256(data).hexdigest() != entry.metadata.source.sha256.lower():
        raise CorpusError(f"{path}: changed while the site was being built; build it again")
    return data


def _up_to_date(output: SiteOutput, previous: dict[str, Any] | None, task: PageTask) -> bool:
    if not previous or previous.get("hash") != task.input_hash():
        return False
    return all(output.intact(page) for page in previous["pages"])


SEARCH_INDEX = "search-index"  # the state key of the search index's files


def _build_search(env: Environment, output: SiteOutput, docs: list[Doc], state: _State) -> None:
    """The search page and its index (site/search.py: one file, or shards past a few MB); the
    index is kept as it is when no paragraph, title or setting changed and its files are intact."""
    from corpusdiff.site.search import SearchDocument, index_hash, reading_order, search_files

    strings = cast("Strings", env.globals["t"])
    documents = [
        SearchDocument(
            d.url,
            d.meta.title,
            strings.date(d.meta.date) or d.meta.date,
            reading_order(state[d.url]["data"]["paragraphs"], state[d.url]["data"]["headings"]),
        )
        for d in docs
    ]
    digest = index_hash(documents, site_stamp())
    previous = output.tasks.get(SEARCH_INDEX)
    if previous and previous.get("hash") == digest and all(output.intact(p) for p in previous["pages"]):
        pages = previous["pages"]
        for page in pages:
            output.keep(page)
    else:
        files = search_files(documents)
        for path, script in files.items():
            output.write(path, script)
        pages = sorted(files)
    state[SEARCH_INDEX] = {"hash": digest, "pages": pages, "data": {}}
    output.write(
        "search.html", env.get_template("search.html").render(root="", title=strings("search.title"))
    )


def _pair_entry(old: Doc, new: Doc, state: _State) -> dict[str, object]:
    return {
        "url": pair_page(old.id, new.id),
        "old_date": old.meta.date,
        "new_date": new.meta.date,
        "old_title": old.meta.title,
        "new_title": new.meta.title,
        "counts": [tuple(c) for c in state[pair_page(old.id, new.id)]["data"]["counts"]],
    }


def _build_index(
    env: Environment,
    output: SiteOutput,
    docs: list[Doc],
    pairs: Pairs,
    commit: str,
    state: _State,
) -> None:
    """Series by region: each series' editions, its pair picker and its pair pages (in the
    window); the site.yaml pairs outside the window last."""
    regions: dict[str, dict[str, dict[str, Any]]] = {}
    for doc in docs:
        series = regions.setdefault(doc.meta.region or "—", {}).setdefault(
            doc.meta.series, {"name": doc.meta.series, "documents": [], "diffs": []}
        )
        series["documents"].append(
            {
                "url": doc.url,
                "id": doc.id,
                "title": doc.meta.title,
                "date": doc.meta.date,
                "genre": doc.meta.genre,
            }
        )
    for old, new in pairs.window:
        regions[old.meta.region or "—"][old.meta.series]["diffs"].append(_pair_entry(old, new, state))
    strings = cast("Strings", env.globals["t"])
    html = env.get_template("index.html").render(
        root="",
        title=strings("index.title"),
        documents=docs,
        commit=commit,
        regions=[(r, list(s.values())) for r, s in sorted(regions.items())],
        series=[s for r in regions.values() for s in r],
        extra_diffs=[_pair_entry(o, n, state) for o, n in pairs.extra],
        series_views=state[SERIES_VIEWS]["data"]["views"],
    )
    output.write("index.html", html)


PROGRAMMES = "programmes"  # the state key of each series' programme names


def _series_programmes(docs: list[Doc], output: SiteOutput, state: _State) -> tuple[dict[str, list[str]], set[str]]:
    """Each document's programme names, read with the other editions of its series as
    evidence (`edition_programmes`), as its timeline lists them: a name the diff pages call new
    in an edition is listed for it here too; and the documents printed in traditional characters,
    whose text names them in simplified characters only in its simplified copy. A series whose
    texts and code are as at the last build keeps what that build read: reading names loads
    jieba's word tags (seconds), which a build with nothing to do must not spend
    (docs/architecture.md, incremental builds), nor a copy of every text."""
    from corpusdiff.series.timeline import edition_programmes, tree_texts
    from corpusdiff.store.resolve import canonical_tree
    from corpusdiff.text.script import searchable

    by_series: dict[str, list[Doc]] = {}
    for doc in docs:
        by_series.setdefault(doc.meta.series or doc.id, []).append(doc)
    previous = (output.tasks.get(PROGRAMMES) or {}).get("data", {}).get("series", {})
    stamp = site_stamp()
    kept: dict[str, dict[str, Any]] = {}
    for key, members in by_series.items():
        digest = _series_digest(members, stamp)
        if previous.get(key, {}).get("hash") == digest:
            kept[key] = previous[key]
            continue
        names = edition_programmes([tree_texts(canonical_tree(doc.text)) for doc in members])
        kept[key] = {
            "hash": digest,
            "listed": dict(zip((doc.id for doc in members), names, strict=True)),
            "traditional": [doc.id for doc in members if searchable(doc.text) != doc.text],
        }
    state[PROGRAMMES] = {"hash": "", "pages": [], "data": {"series": kept}}
    listed = {doc_id: list(names) for entry in kept.values() for doc_id, names in entry["listed"].items()}
    return listed, {doc_id for entry in kept.values() for doc_id in entry.get("traditional", [])}


def _series_digest(members: list[Doc], stamp: str) -> str:
    """What a series' programme names are read from: its editions' ids and texts, in order, and the code."""
    digest = hashlib.sha256(stamp.encode())
    for doc in members:
        digest.update(f"\0{doc.id}\0{doc.text}".encode())
    return digest.hexdigest()


def _build_programmes(env: Environment, output: SiteOutput, docs: list[Doc], state: _State) -> None:
    """Programmes named by more than one edition first, most editions first (the programmes
    a series carries on), then those of one edition; by first mention within each. An edition
    that quotes a name is ●, one that names it unquoted ○ (the rule `diff` calls a programme
    recurring by, and the timeline's track): 2022 says “互联网+督查” with nothing around it
    that shows a programme, and was left blank although `diff 2019 2022` has it recurring."""
    from corpusdiff.series.timeline import MENTIONED, QUOTED
    from corpusdiff.text.script import searchable

    ordered = sorted(docs, key=lambda d: (d.meta.date, d.id))
    listed, traditional = _series_programmes(ordered, output, state)
    named = {d.id: set(listed[d.id]) for d in ordered}
    plains = {d.id: plain(searchable(d.text) if d.id in traditional else d.text) for d in ordered}
    names = list(dict.fromkeys(n for d in ordered for n in listed[d.id]))
    rows: list[dict[str, Any]] = [
        {
            "name": n,
            "seen": [QUOTED if n in named[d.id] else MENTIONED if mentioned(n, plains[d.id]) else "" for d in ordered],
        }
        for n in names
    ]
    rows.sort(key=lambda row: -sum(map(bool, row["seen"])))  # stable: first mention within equal counts
    strings = cast("Strings", env.globals["t"])
    html = env.get_template("programmes.html").render(
        root="",
        title=strings("programmes.title"),
        shared=[row for row in rows if sum(map(bool, row["seen"])) > 1],
        single=[row for row in rows if sum(map(bool, row["seen"])) <= 1],
        documents=[{"url": d.url, "date": d.meta.date, "series": d.meta.series} for d in ordered],
    )
    output.write("programmes.html", html)

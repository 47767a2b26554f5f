"""Series views on the static site: a timeline page per series (and per `timelines:` entry of
site.yaml), and one page each for indicators, the five-year-plan trace and the term index.

Each view reads many documents at once, so the views are built together after the document
and pair pages, and skipped as a whole when no input changed (state key `series-views`). The
expensive steps are independent jobs, one per edition set and view (its timeline page, its
section of the indicators and terms pages) and one per five-year plan (trace): they run
through the build's runner and their results are kept in the disk cache, keyed by the texts
they read, so a new edition renders its own set again and takes every other set from the cache.
Page contexts are pure functions of the library's results; document text is always escaped.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, overload

from markupsafe import Markup

from corpusdiff.errors import CorpusError
from corpusdiff.parallel import Runner
from corpusdiff.render import indicators as render_indicators
from corpusdiff.render.timeline import SAME, link_text, other_groups_note, thread_cells
from corpusdiff.series import indicators as ind
from corpusdiff.series import terms as tm
from corpusdiff.series import timeline as tl
from corpusdiff.series import trace as tr
from corpusdiff.series.editions import column_labels, is_before, missing_years, trace_warnings, year_spans
from corpusdiff.series.indicator_extraction import extract_indicators
from corpusdiff.site.common import (
    SITE_CONFIG,
    Doc,
    environment,
    relative_root,
    site_config,
    site_stamp,
)
from corpusdiff.site.diffpage import pair_page
from corpusdiff.site.labels import Box, Label, Segment, place, text_width
from corpusdiff.store import cache
from corpusdiff.store.diffs import CachedCompare
from corpusdiff.strings import DEFAULT_LANGUAGE, Strings, catalogue
from corpusdiff.types.diff import DiffResult, Overrides
from corpusdiff.types.document import NormalizedDocument
from corpusdiff.types.edition import Edition
from corpusdiff.types.genre import CARRYING_OUT_GENRES, FIVE_YEAR_PLAN
from corpusdiff.types.tree import DocTree
from corpusdiff.types.vocabulary import Vocabulary

if TYPE_CHECKING:
    from corpusdiff.site.output import SiteOutput

FIXED_PAGES = {"indicators": "indicators.html", "trace": "trace.html", "terms": "terms.html"}
#: Per presence: the glyph and the catalogue key of its meaning (corpusdiff/strings.py).
PRESENCE_MARKS = {
    tl.QUOTED: ("●", "timeline.quoted"),
    tl.MENTIONED: ("○", "timeline.mentioned"),
    "": ("—", "timeline.absent"),
}


#: The site's timelines compare editions at least this far apart (consecutive ones, and those
#: one edition apart to find gaps), so a new edition costs two comparisons, not one per
#: edition of its series. `corpusdiff timeline` compares all pairs.
TIMELINE_REACH = 2


@dataclass(frozen=True)
class EditionSet:
    """Editions viewed together, oldest first: one series, or a `timelines:` entry of site.yaml."""

    name: str
    source: str  # "series" or "site.yaml"
    docs: tuple[Doc, ...]
    page: str  # timeline/<safe name>.html

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.docs)

    @property
    def anchor(self) -> str:
        """Unique among the sets of one page, and stable when other sets come and go."""
        return Path(self.page).stem


# --- which editions go together --------------------------------------------------------------


def load_timeline_config(root: Path) -> list[tuple[str, list[str]]]:
    """The `timelines:` entries of <corpus>/site.yaml as (name, document ids)."""
    config = root / SITE_CONFIG
    if not config.is_file():
        return []
    entries = site_config(config).get("timelines") or []
    found = []
    for entry in entries:
        if not (isinstance(entry, dict) and entry.get("name") and isinstance(entry.get("documents"), list)):
            raise CorpusError(f"{config}: each `timelines` entry needs a `name` and a `documents` list")
        found.append((str(entry["name"]), [str(d) for d in entry["documents"]]))
    return found


def edition_sets(
    docs: Sequence[Doc], configured: Sequence[tuple[str, list[str]]], minimum: int
) -> list[EditionSet]:
    """Every series with at least `minimum` editions, then each configured set with editions of
    its own (one listing exactly a series' editions is that series' set, not a second one)."""
    by_series: dict[str, list[Doc]] = {}
    for doc in docs:
        by_series.setdefault(doc.meta.series, []).append(doc)
    candidates = [(name, "series", series_docs) for name, series_docs in by_series.items()]
    by_id = {d.id: d for d in docs}
    candidates += [(name, "site.yaml", [by_id[i] for i in ids if i in by_id]) for name, ids in configured]
    sets: list[EditionSet] = []
    for name, source, chosen in candidates:
        ordered = tuple(sorted(chosen, key=lambda d: (d.meta.date, d.id)))
        if len(ordered) < minimum or any(s.ids == tuple(d.id for d in ordered) for s in sets):
            continue
        page = _unique_page(name, {s.page for s in sets})
        sets.append(EditionSet(name, source, ordered, page))
    return sets


def _unique_page(name: str, taken: set[str]) -> str:
    """A file name that cannot escape the site or clash: names from documents are untrusted."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")
    if safe != name:
        safe = f"{safe or 'timeline'}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
    page, number = f"timeline/{safe}.html", 1
    while page in taken:
        number += 1
        page = f"timeline/{safe}-{number}.html"
    return page


def trace_inputs(docs: Sequence[Doc]) -> tuple[list[Doc], list[Doc]]:
    """Five-year plans, and the reports that say how a plan is carried out, traced against them
    (oldest first): the yearly reports and a plan's reviews (types.genre.CARRYING_OUT_GENRES)."""
    ordered = sorted(docs, key=lambda d: (d.meta.date, d.id))
    return [d for d in ordered if d.meta.genre == FIVE_YEAR_PLAN], [
        d for d in ordered if d.meta.genre in CARRYING_OUT_GENRES
    ]


def plan_reports(plan: Doc, reports: Sequence[Doc]) -> list[Doc]:
    """The reports a plan's trace follows: those `corpusdiff trace` takes without a word, of the
    plan's region, from its date on and within its period (series.trace.check_plan refuses an
    earlier report, series.editions.trace_warnings warns of the others). Traced into every
    report, Futian's 2021–2025 plan was addressed by the 2013 national work report at 0.82."""
    return [
        r for r in reports if not is_before(r.meta.date, plan.meta.date) and not trace_warnings(plan.meta, [r.meta])
    ]


# --- the expensive steps, as picklable jobs --------------------------------------------------


def _tree(doc_id: str, text: str) -> DocTree:
    from corpusdiff.store.resolve import canonical_tree

    return tl.named(canonical_tree(text), doc_id)


@dataclass(frozen=True)
class TraceJob:
    plan: tuple[str, str]
    reports: tuple[tuple[str, str], ...]
    stopwords: tuple[str, ...]

    def run(self) -> tr.Trace:
        return tr.trace(_tree(*self.plan), [_tree(*r) for r in self.reports], stopwords=self.stopwords)


@dataclass(frozen=True)
class TermsJob:
    editions: tuple[tuple[str, str, str, str], ...]  # (id, date, title, text)
    stopwords: tuple[str, ...]

    def run(self) -> tm.TermIndex:
        sources = [(Edition(i, date, title), _tree(i, text)) for i, date, title, text in self.editions]
        return tm.index_editions(sources, stopwords=self.stopwords)


TIMELINE, INDICATORS, TERMS = "timeline", "indicators", "terms"


@dataclass(frozen=True)
class SetJob:
    """One edition set's part of a series view: its timeline page, or its section of the
    indicators or terms page. Each is cached on its own, so a new edition renders its own
    set again, not every set of the corpus."""

    view: str  # TIMELINE, INDICATORS or TERMS
    edition_set: EditionSet
    vocabulary: Vocabulary  # part of the job's repr, so of its cache key
    overrides: tuple[tuple[tuple[str, str], Overrides], ...] = ()  # of the set's pairs (timeline)
    language: str = DEFAULT_LANGUAGE
    reach: int | None = TIMELINE_REACH  # the timeline's pairs: editions at most this far apart (None: all)
    pair_pages: tuple[tuple[str, str], ...] = ()  # the set's pairs (old id, new id) the site has a page of
    cells: int = 0  # the room of the set's terms section (its share of SITE_TERMS_CELLS)

    def run(self) -> str:
        if self.view == TIMELINE:
            return _timeline_page(
                self.edition_set,
                dict(self.overrides),
                self.vocabulary.stopwords,
                self.language,
                self.reach,
                frozenset(self.pair_pages),
            )
        if self.view == INDICATORS:
            return _indicators_section(self.edition_set, self.vocabulary.indicator_aliases, self.language)
        return _terms_section(self.edition_set, self.vocabulary.stopwords, self.language, self.cells)


Job = TraceJob | TermsJob | SetJob


def run_job(job: Job) -> object:
    """Module-level, so process pools can pickle it."""
    return job.run()


def _job_key(job: Job) -> list[str]:
    """Content, not names of files: the disk cache lives under the code stamp as well, and
    rendered HTML under the templates' (the site stamp)."""
    stamp = site_stamp() if isinstance(job, SetJob) else ""
    return [type(job).__name__, hashlib.sha256((stamp + repr(job)).encode("utf-8")).hexdigest()]


@overload
def cached_run(job: TraceJob) -> tr.Trace: ...
@overload
def cached_run(job: TermsJob) -> tm.TermIndex: ...
@overload
def cached_run(job: SetJob) -> str: ...
def cached_run(job: Job) -> tr.Trace | tm.TermIndex | str:
    """A job's result, from the disk cache when an earlier run computed it (a job inside a job)."""
    run: Callable[[], tr.Trace | tm.TermIndex | str] = job.run
    return cache.memo("series", _job_key(job), run)


def run_jobs(jobs: Sequence[Job], runner: Runner) -> list[object]:
    """Results in job order: cached ones from disk, the rest computed by `runner`."""
    results = [cache.load("series", _job_key(job)) for job in jobs]
    todo = [n for n, result in enumerate(results) if result is None]
    for n, result in zip(todo, runner.map(run_job, [jobs[n] for n in todo]), strict=True):
        cache.save("series", _job_key(jobs[n]), result)
        results[n] = result
    return results


# --- the entry point -------------------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    docs: tuple[Doc, ...]
    timelines: tuple[EditionSet, ...]
    indicator_sets: tuple[EditionSet, ...]
    plans: tuple[Doc, ...]
    reports: tuple[Doc, ...]
    overrides: dict[tuple[str, str], Overrides]
    vocabulary: Vocabulary
    language: str = DEFAULT_LANGUAGE
    reach: int | None = TIMELINE_REACH  # of the timelines' pairs (`timeline_reach`)
    pair_pages: frozenset[tuple[str, str]] = frozenset()  # the pairs (old id, new id) the site has a page of

    def input_hash(self) -> str:
        parts = [site_stamp(), self.language, str(self.reach), *(f"{d.id}\0{d.text}" for d in self.docs)]
        parts.append(repr(sorted(self.pair_pages)))
        parts += [repr((s.name, s.page, s.ids)) for s in (*self.timelines, *self.indicator_sets)]
        parts += [repr(sorted(self.overrides.items())), repr(self.vocabulary)]
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def gather_inputs(
    root: Path,
    docs: Sequence[Doc],
    language: str = DEFAULT_LANGUAGE,
    reach: int | None = TIMELINE_REACH,
    pair_pages: Collection[tuple[str, str]] = (),
) -> Inputs:
    """Everything the views read, from the corpus directory (the only I/O before rendering);
    the timelines compare editions at most `reach` apart (None: all pairs), and link a step's
    evidence to its pair's page when the site has one (`pair_pages`)."""
    from corpusdiff.store.resolve import load_overrides
    from corpusdiff.store.vocabulary import load_vocabulary

    configured = load_timeline_config(root)
    timelines = edition_sets(docs, configured, minimum=2)
    overrides = {
        (old.id, new.id): load_overrides(root, old.id, new.id)
        for s in timelines
        for old, new in _pairs_of(s, reach)
    }
    plans, reports = trace_inputs(docs)
    return Inputs(
        tuple(docs),
        tuple(timelines),
        tuple(edition_sets(docs, configured, 1)),
        tuple(plans),
        tuple(reports),
        overrides,
        load_vocabulary(root),
        language,
        reach,
        frozenset(pair_pages),
    )


def timeline_reach(pairs_reach: int | None) -> int | None:
    """How far apart the editions a site timeline compares are: as far as the pair pages
    built (`site build --pairs`; None: all pairs, as `corpusdiff timeline` compares, so that
    the site's threads are the command's), but never less than TIMELINE_REACH."""
    return None if pairs_reach is None else max(pairs_reach, TIMELINE_REACH)


def _pairs_of(edition_set: EditionSet, reach: int | None) -> list[tuple[Doc, Doc]]:
    docs = edition_set.docs
    return [(docs[i], docs[j]) for i, j in tl.comparison_pairs(len(docs), reach)]


def build_series_views(
    root: Path,
    output: SiteOutput,
    docs: Sequence[Doc],
    previous: dict[str, Any] | None,
    paragraphs: dict[str, list[tuple[str, str]]],
    runner: Runner,
    language: str = DEFAULT_LANGUAGE,
    reach: int | None = TIMELINE_REACH,
    pair_pages: Collection[tuple[str, str]] = (),
) -> dict[str, object]:
    """Write the series-view pages unless their inputs are unchanged; return their state entry.

    `paragraphs` maps document ids to the (anchor, text) paragraphs of their pages, to link
    trace passages to the paragraph rather than the section; the timelines compare editions at
    most `reach` apart (None: all pairs) and link to the pair pages built (`pair_pages`)."""
    inputs = gather_inputs(root, docs, language, reach, pair_pages)
    digest = inputs.input_hash()
    if previous and previous.get("hash") == digest and all(output.intact(p) for p in previous["pages"]):
        for page in previous["pages"]:
            output.keep(page)
        return previous
    pages = render_views(inputs, paragraphs, runner)
    for page, html in pages.items():
        output.write(page, html)
    output.report.series_rendered = True
    return {"hash": digest, "pages": sorted(pages), "data": {"views": index_entries(inputs)}}


def index_entries(inputs: Inputs) -> dict[str, object]:
    """What the index page's "Series views" section lists."""
    return {
        "timelines": [
            {
                "url": s.page,
                "name": s.name,
                "kinds": series_kinds(s, catalogue(inputs.language)),
                "source": s.source,
                "dates": [d.meta.date for d in s.docs],
            }
            for s in inputs.timelines
        ],
        "pages": FIXED_PAGES,
        "plans": [d.meta.title for d in inputs.plans],
    }


def render_views(
    inputs: Inputs, paragraphs: dict[str, list[tuple[str, str]]], runner: Runner
) -> dict[str, str]:
    """Every series-view page by its path in the site."""
    vocabulary, language = inputs.vocabulary, inputs.language
    set_jobs = [
        SetJob(TIMELINE, s, vocabulary, _overrides_of(inputs, s), language, inputs.reach, _pages_of(inputs, s))
        for s in inputs.timelines
    ]
    set_jobs += [SetJob(INDICATORS, s, vocabulary, language=language) for s in inputs.indicator_sets]
    cells = SITE_TERMS_CELLS // max(1, len(inputs.timelines))  # the page's room, shared by its sets
    set_jobs += [SetJob(TERMS, s, vocabulary, language=language, cells=cells) for s in inputs.timelines]
    traced = [(plan, plan_reports(plan, inputs.reports)) for plan in inputs.plans]
    trace_jobs = [
        TraceJob((plan.id, plan.text), tuple((r.id, r.text) for r in reports), vocabulary.stopwords)
        for plan, reports in traced
        if reports
    ]
    results = iter(run_jobs([*set_jobs, *trace_jobs], runner))  # set jobs give HTML, trace jobs a Trace
    timelines, indicator_sets = inputs.timelines, inputs.indicator_sets
    pages = {s.page: cast(str, next(results)) for s in timelines}
    pages[FIXED_PAGES["indicators"]] = _indicators_page(
        [(s, cast(str, next(results))) for s in indicator_sets], language
    )
    terms = [(s, cast(str, next(results))) for s in timelines]
    pages[FIXED_PAGES["terms"]] = _terms_page(terms, language)
    pages[FIXED_PAGES["trace"]] = _trace_page(inputs, [cast(tr.Trace, r) for r in results], paragraphs)
    return pages


def _pages_of(inputs: Inputs, edition_set: EditionSet) -> tuple[tuple[str, str], ...]:
    """The pairs of the set's editions the site has a page of (part of its job's cache key)."""
    ids = set(edition_set.ids)
    return tuple(sorted(p for p in inputs.pair_pages if p[0] in ids and p[1] in ids))


def _overrides_of(inputs: Inputs, edition_set: EditionSet) -> tuple[tuple[tuple[str, str], Overrides], ...]:
    return tuple(((o.id, n.id), inputs.overrides[(o.id, n.id)]) for o, n in _pairs_of(edition_set, inputs.reach))


def _timeline_page(
    edition_set: EditionSet,
    overrides: dict[tuple[str, str], Overrides],
    stopwords: tuple[str, ...],
    language: str = DEFAULT_LANGUAGE,
    reach: int | None = TIMELINE_REACH,
    pair_pages: frozenset[tuple[str, str]] = frozenset(),
) -> str:
    docs = edition_set.docs
    trees = [_tree(d.id, d.text) for d in docs]
    pairs = tl.comparison_pairs(len(docs), reach)
    by_index = {(i, j): overrides[(docs[i].id, docs[j].id)] for i, j in pairs}
    # the comparisons' own cache, which the pair pages fill with the same pairs: a diff kept
    # again under the series views' key was a second copy of every diff, encoded a second time
    diffs = tl.pairwise_diffs(trees, pairs, by_index, job=CachedCompare(stopwords))
    timeline = tl.build_timeline(trees, diffs)
    rows = {
        pair: rows_by_pair(diff)
        for diff in diffs
        if (pair := (diff.old.metadata.id, diff.new.metadata.id)) in pair_pages
    }
    context = timeline_context(edition_set, timeline, edition_set.page, language, reach, pair_pages, rows)
    env = environment(language)
    return env.get_template("timeline.html").render(**context)


def _indicators_section(edition_set: EditionSet, aliases: Mapping[str, str], language: str) -> str:
    root = relative_root(FIXED_PAGES["indicators"])
    context = indicator_section(edition_set, root, aliases, catalogue(language))
    return environment(language).get_template("indicators_section.html").render(s=context)


def _indicators_page(sections: Sequence[tuple[EditionSet, str]], language: str) -> str:
    listed = [{"anchor": f"set-{s.anchor}", "name": s.name, "html": Markup(html)} for s, html in sections]
    root = relative_root(FIXED_PAGES["indicators"])
    env = environment(language)
    title = catalogue(language)("indicators.title")
    return env.get_template("indicators.html").render(root=root, title=title, sections=listed)


def _trace_page(
    inputs: Inputs, traces: Sequence[tr.Trace], paragraphs: dict[str, list[tuple[str, str]]]
) -> str:
    return (
        environment(inputs.language)
        .get_template("trace.html")
        .render(
            root=relative_root(FIXED_PAGES["trace"]),
            title=catalogue(inputs.language)("trace.title"),
            plans=[trace_context(t, paragraphs, n) for n, t in enumerate(traces)],
            reports=[d.id for d in inputs.reports],
            any_plan=bool(inputs.plans),
            threshold=tr.THRESHOLD,
        )
    )


def _terms_section(edition_set: EditionSet, stopwords: tuple[str, ...], language: str, cells: int) -> str:
    job = TermsJob(tuple((d.id, d.meta.date, d.meta.title, d.text) for d in edition_set.docs), stopwords)
    index = cached_run(job)
    context = terms_context(edition_set, index, cells)
    env = environment(language)
    return env.get_template("terms_section.html").render(s=context, statuses=tm.STATUSES)


def _terms_page(sections: Sequence[tuple[EditionSet, str]], language: str) -> str:
    listed = [{"name": s.name, "html": Markup(html)} for s, html in sections]
    return (
        environment(language)
        .get_template("terms.html")
        .render(
            root=relative_root(FIXED_PAGES["terms"]),
            title=catalogue(language)("terms.title"),
            sets=listed,
            statuses=tm.STATUSES,
        )
    )


# --- timeline ---------------------------------------------------------------------------------


def _pointer_url(pointer: str, root: str) -> str:
    """`<id>#h<n>` -> the site's document page and anchor."""
    doc_id, _, anchor = pointer.partition("#")
    return f"{root}doc/{doc_id}.html" + (f"#{anchor}" if anchor else "")


def _editions(docs: Sequence[Doc], labels: Sequence[str], root: str) -> list[dict[str, str]]:
    return [
        {"id": d.id, "label": label, "title": d.meta.title, "url": root + d.url}
        for d, label in zip(docs, labels, strict=True)
    ]


#: Per pair of units (old address, new address), the number of the 新旧对照表 row that holds both.
PairRows = Mapping[tuple[str, str], int]


def timeline_context(
    edition_set: EditionSet,
    timeline: tl.Timeline,
    page: str,
    language: str = DEFAULT_LANGUAGE,
    reach: int | None = TIMELINE_REACH,
    pair_pages: Collection[tuple[str, str]] = (),
    pair_rows: Mapping[tuple[str, str], PairRows] | None = None,
) -> dict[str, object]:
    """Groups first, then tasks, one row per thread; programmes shared by editions up front.
    Each level has the terminal's note under its title (`other_groups_note`: which group cells
    are no （一） heading), with the page's dates. The page says which pairs of editions were
    compared (`reach`), since `corpusdiff timeline` compares all and may join more. Each row
    gives its steps' evidence as `--format markdown` does, linked to the page of the pair of
    editions compared where the site has one (`pair_pages`), at the pair's row where
    `pair_rows` knows it."""
    root = relative_root(page)
    labels = column_labels(timeline.editions)
    label_of = dict(zip((e.id for e in timeline.editions), labels, strict=True))
    strings = catalogue(language)
    dated = {edition: strings.date(label) for edition, label in label_of.items()}
    rows: dict[str, list[dict[str, object]]] = {level: [] for level in tl.LEVELS}
    one_edition = {level: single_threads(timeline, level, label_of, root) for level in tl.LEVELS}
    for thread in timeline.threads:
        if len(thread.items) == 1:
            continue
        row = thread_row(thread, timeline.editions, label_of, root)
        row["steps"] = step_links(thread, dated, strings, root, pair_pages, pair_rows or {})
        rows[thread.level].append(row)
    notes = {
        level: other_groups_note(
            [t for t in timeline.threads if t.level == level], timeline.editions, dated, strings
        )
        for level in tl.LEVELS
    }
    shared = [p for p in timeline.programmes if sum(bool(m) for m in p.presence) > 1]
    single = [p for p in timeline.programmes if sum(bool(m) for m in p.presence) <= 1]
    return {
        "root": root,
        "title": f"Timeline: {edition_set.name}",
        "name": edition_set.name,
        "kinds": series_kinds(edition_set, strings),
        "source": edition_set.source,
        "editions": _editions(edition_set.docs, labels, root),
        "levels": [  # titles are catalogue keys
            {"id": "groups", "title": "timeline.groups", "rows": rows[tl.GROUP], "note": notes[tl.GROUP]}
            | one_edition[tl.GROUP],
            {"id": "tasks", "title": "timeline.tasks", "rows": rows[tl.TASK], "note": notes[tl.TASK]}
            | one_edition[tl.TASK],
        ],
        "shared_programmes": [programme_row(p, label_of) for p in shared],
        "single_programmes": [programme_row(p, label_of) for p in single],
        "marks": list(PRESENCE_MARKS.values()),
        "compared": _compared(reach, len(timeline.editions), strings),
        "missing": _missing(edition_set, strings),
    }


def series_kinds(edition_set: EditionSet, strings: Strings) -> str:
    """`政府工作报告`: the kinds of report of a series' editions, which the index heads it with
    beside its id (an id alone, `national-gwr`, is no name a Chinese reader knows); "" for a
    set named in site.yaml, whose name is the reader's own."""
    if edition_set.source != "series":
        return ""
    genres = dict.fromkeys(doc.meta.genre for doc in edition_set.docs if doc.meta.genre)
    return strings("list.sep").join(strings.genre(genre) for genre in genres)


def _missing(edition_set: EditionSet, strings: Strings) -> str:
    """The years of a yearly series no edition covers, which the grid's columns step over as if
    consecutive (`corpusdiff timeline` warns of them on stderr), or ""."""
    years = missing_years([doc.meta for doc in edition_set.docs])
    return strings("timeline.missing_years", years=year_spans(years)) if years else ""


def _compared(reach: int | None, editions: int, strings: Strings) -> str:
    """Which pairs of editions the threads come from: all of them (the command's threads), or
    those at most `reach` apart (a lineage that skips more editions is then not joined)."""
    if reach is None or reach >= editions - 1:
        return strings("timeline.pairs_all")
    return strings("timeline.pairs_within", n=reach)


def single_threads(
    timeline: tl.Timeline, level: str, label_of: Mapping[str, str], root: str
) -> dict[str, object]:
    """The threads of one item at a level, listed by edition under the grid: a row of one
    cell among the grid's 20-odd columns told a reader nothing but its edition, and over the
    national reports 306 of 996 task rows were such, most of a 2.4 MB page."""
    by_edition: dict[str, list[dict[str, str]]] = {}
    for thread in timeline.threads:
        if thread.level == level and len(thread.items) == 1:
            item = thread.items[0]
            link = {"heading": item.heading, "url": _pointer_url(item.pointer, root)}
            by_edition.setdefault(item.edition, []).append(link)
    editions = [
        {"label": label_of[e.id], "items": by_edition[e.id]} for e in timeline.editions if e.id in by_edition
    ]
    return {"single": editions, "single_count": sum(len(e["items"]) for e in editions)}


def thread_row(
    thread: tl.Thread, editions: Sequence[Edition], label_of: dict[str, str], root: str
) -> dict[str, object]:
    """One cell per edition: the heading, linked; whether it repeats the previous one; None if absent."""
    cells: list[dict[str, object] | None] = []
    for edition, shown in zip(editions, thread_cells(thread, editions), strict=True):
        item = thread.item_in(edition.id)
        if item is None:
            cells.append(None)
            continue
        cells.append(
            {"heading": item.heading, "url": _pointer_url(item.pointer, root), "same": shown == SAME}
        )
    return {
        "cells": cells,
        "first": label_of[thread.first],
        "last": label_of[thread.last],
        "gaps": [label_of[g] for g in thread.gaps],
    }


def step_links(
    thread: tl.Thread,
    label_of: Mapping[str, str],
    strings: Strings,
    root: str,
    pair_pages: Collection[tuple[str, str]],
    pair_rows: Mapping[tuple[str, str], PairRows] | None = None,
) -> list[dict[str, object]]:
    """Each step's evidence (`2023年10月→2025年1月（桥接：2022年1月→2025年1月 的对比） 移动 (高 0.84)`)
    with the page of the diff it names at the row of its pair (`#r31`; the page alone where the
    row is not known), or None where the site has no page of that pair."""
    return [
        {
            "text": link_text(link, dict(label_of), strings),
            "url": _step_url(link, root, pair_pages, pair_rows or {}),
            "bridge": link.bridge,
        }
        for link in thread.links
    ]


def _step_url(
    link: tl.ThreadLink,
    root: str,
    pair_pages: Collection[tuple[str, str]],
    pair_rows: Mapping[tuple[str, str], PairRows],
) -> str | None:
    diff = (link.diff[0], link.diff[1])
    if diff not in pair_pages:
        return None
    number = pair_rows.get(diff, {}).get((link.pair[0], link.pair[1])) if len(link.pair) == 2 else None
    return root + pair_page(*diff) + (f"#r{number}" if number else "")


def rows_by_pair(result: DiffResult) -> dict[tuple[str, str], int]:
    """The rows of the diff's 新旧对照表 (the diff page's `#r<n>`) by the pairs of units in them:
    a merge or split row holds every pair of its old and new units."""
    from corpusdiff.render.table import comparison_table

    return {
        (old.address, new.address): row.number
        for row in comparison_table(result).unit_rows
        for old in row.old
        for new in row.new
    }


def programme_row(track: tl.ProgrammeTrack, label_of: dict[str, str]) -> dict[str, object]:
    """A mark per edition (a glyph with its meaning, so it reads without colour)."""
    return {
        "name": track.name,
        "marks": [PRESENCE_MARKS[mark] for mark in track.presence],
        "first": label_of[track.first],
        "last": label_of[track.last],
    }


# --- indicators -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartPoint:
    year: int
    role: str  # target | achieved
    value: Decimal
    label: str  # the figure as the page prints it


def indicator_section(
    edition_set: EditionSet,
    root: str,
    aliases: Mapping[str, str] = ind.DEFAULT_ALIASES,
    strings: Strings | None = None,
) -> dict[str, object]:
    """The aligned indicator table of one set of editions, with charts and target vs achieved,
    labelled in the site's language (`strings`, default the default language's)."""
    strings = strings or catalogue()
    sets = [extract_indicators(_document(d)) for d in edition_set.docs]
    table = ind.indicator_table(sets, aliases)
    urls = {d.id: root + d.url for d in edition_set.docs}
    half = [not c.period.is_year for c in table.columns]  # a part of the year (H1, 1-9月)
    rows = []
    for r, row in enumerate(table.rows):
        cells = [
            _indicator_cell(cell, urls[column.doc_id], strings)
            for column, cell in zip(table.columns, row.cells, strict=True)
        ]
        points = chart_points(table.columns, row.cells, half, strings)
        charts = [
            chart_svg(row.name, caption, group, f"chart-{edition_set.anchor}-{r}-{g}", strings)
            for g, (caption, group) in enumerate(points)
        ]
        rows.append(
            {
                "name": row.name,
                "cells": cells,
                "charts": charts,
                "versus": target_vs_achieved(table, row, half, strings),
            }
        )
    return {
        "anchor": f"set-{edition_set.anchor}",
        "name": edition_set.name,
        "source": edition_set.source,
        "editions": [
            {"url": urls[s.doc_id], "title": s.title, "date": s.date, "found": s.found} for s in table.sets
        ],
        "columns": [
            {
                "date": c.date,
                "url": urls[c.doc_id],
                "role": c.role,
                "year": c.year,
                "period": render_indicators.period_label(c.period, strings) if h else "",
            }
            for c, h in zip(table.columns, half, strict=True)
        ],
        "rows": rows,
    }


def _document(doc: Doc) -> NormalizedDocument:
    from corpusdiff.canonical.markdown import parse

    document = parse(doc.text)
    return replace(document, metadata=replace(document.metadata, id=doc.id))


#: A figure of this many characters or fewer is kept on one line (`（未说明）`, `1100万人以上`):
#: squeezed by 18 edition columns, the table broke them a character or two a line; a longer
#: wording (`实际增长与经济增长同步`) wraps.
SHORT_FIGURE = 8


def _indicator_cell(cell: ind.Cell, doc_url: str, strings: Strings) -> dict[str, str]:
    """A cell's text in the site's language: (未说明) on a Chinese page, never (not stated)."""
    pointer = next((r.pointer for r in cell.records if r.pointer.startswith("p")), "")
    text = render_indicators.cell_text(cell, strings)
    return {
        "status": cell.status,
        "text": text,
        "html": _short_figures_whole(text),
        "url": f"{doc_url}#{pointer}" if pointer else doc_url,
    }


def _short_figures_whole(text: str) -> Markup:
    """A cell's figures, each short one in a <span> the style sheet keeps on one line: the line
    may break between `56.9万亿元` and `+7.7%`, never inside `（未说明）`."""
    return Markup(" ").join(
        Markup("<span>{}</span>").format(figure) if len(figure) <= SHORT_FIGURE else figure
        for figure in text.split(" ")
    )


def target_vs_achieved(
    table: ind.IndicatorTable, row: ind.Row, half: Sequence[bool], strings: Strings | None = None
) -> list[str]:
    """`2021年：目标 +6.8% → 完成 5318.2亿元 +8.6%` for each year that has both."""
    strings = strings or catalogue()
    by_key: dict[tuple[str, int], str] = {}
    for column, cell, is_half in zip(table.columns, row.cells, half, strict=True):
        if cell.status == "stated" and column.year is not None:
            by_key.setdefault(
                (column.role, column.year), render_indicators.cell_text(cell, strings) + (f" ({column.period})" if is_half else "")
            )
    years = sorted({year for _, year in by_key})
    return [
        strings(
            "indicators.target_vs_achieved",
            year=year,
            target=by_key[("target", year)],
            achieved=by_key[("achieved", year)],
        )
        for year in years
        if ("target", year) in by_key and ("achieved", year) in by_key
    ]


def _number(record: ind.Indicator) -> Decimal | None:
    """A decline is plotted below zero whether the report writes 下降5.1% or -5.1%; a range
    (6.5%－7%) at its middle."""
    low, high = record.figure.low, record.figure.high
    if low is None:
        return None
    value = (low + high) / 2 if high is not None else low
    return -abs(value) if record.change == "decline" else value


def chart_points(
    columns: Sequence[ind.Column],
    cells: Sequence[ind.Cell],
    half: Sequence[bool],
    strings: Strings | None = None,
) -> list[tuple[str, list[ChartPoint]]]:
    """Numeric figures grouped by what they measure (rate or level) and unit: one chart per group
    with at least two points; a year keeps the first figure of each role. A half-year level is
    left out: on a line with annual levels it would read as a collapse; so is a five-year plan's
    cumulative figure (`〔13.5〕`), which beside yearly rates would read as a leap. Captions are in
    the language of `strings`."""
    strings = strings or catalogue()
    groups: dict[tuple[str, str], dict[tuple[str, int], ChartPoint]] = {}
    for column, cell, is_half in zip(columns, cells, half, strict=True):
        for record in cell.records:
            value = _number(record) if record.status == "stated" and record.value else None
            measure = "level" if record.change == "level" else "rate"
            over_years = column.period.spans_years
            if value is None or column.year is None or over_years or (is_half and measure == "level"):
                continue
            label = render_indicators.short_text(record, strings) + (f" {column.period}" if is_half else "")
            points = groups.setdefault((measure, record.unit), {})
            points.setdefault((column.role, column.year), ChartPoint(column.year, column.role, value, label))
    return [
        (_chart_caption(measure, unit, strings), list(points.values()))
        for (measure, unit), points in groups.items()
        if len(points) >= 2
    ]


def _chart_caption(measure: str, unit: str, strings: Strings) -> str:
    """`增减幅度，%` or `水平，万人`: what a chart's values are, and their unit."""
    name = strings(f"indicators.chart.{measure}")
    return strings("indicators.chart.caption", measure=name, unit=unit) if unit else name


CHART_WIDTH, CHART_HEIGHT = 360, 190
_MARGIN = {"left": 30, "right": 30, "top": 34, "bottom": 44}  # room for labels below the lowest point


def chart_svg(
    name: str, caption: str, points: Sequence[ChartPoint], chart_id: str, strings: Strings | None = None
) -> Markup:
    """A static line chart: achieved solid with filled dots, target dashed with open dots, every
    point labelled with its figure; no script, readable without colour. Its title, description
    (what a screen reader says) and legend are in the language of `strings`."""
    strings = strings or catalogue()
    title = strings("indicators.chart.title", name=name, caption=caption)

    def said(p: ChartPoint) -> str:
        return strings("indicators.chart.point", role=strings(f"indicators.{p.role}"), year=p.year, label=p.label)

    described = (said(p) for p in sorted(points, key=lambda p: p.year))
    x_of, y_of = _scales(points)
    parts = [
        Markup(
            '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
            'width="{w}" height="{h}" role="img" aria-labelledby="{id}-t {id}-d">'
        ).format(w=CHART_WIDTH, h=CHART_HEIGHT, id=chart_id),
        Markup('<title id="{}-t">{}</title>').format(chart_id, title),
        Markup('<desc id="{}-d">{}</desc>').format(chart_id, "; ".join(described)),
        Markup('<text x="4" y="12" class="caption">{}</text>').format(caption),
        Markup('<text x="{}" y="12" text-anchor="end" class="legend">{}</text>').format(
            CHART_WIDTH - 4, strings("indicators.chart.legend")
        ),
    ]
    zero = y_of(Decimal(0))
    parts.append(
        Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#999" stroke-width="1"/>').format(
            _MARGIN["left"] - 10, zero, CHART_WIDTH - _MARGIN["right"] + 10, zero
        )
    )
    for year in sorted({p.year for p in points}):
        parts.append(
            Markup('<text x="{}" y="{}" text-anchor="middle" class="year">{}</text>').format(
                x_of(year), CHART_HEIGHT - 6, year
            )
        )
    shown = _labels_shown(points, _labels_above(points), x_of, y_of)
    unlabelled = {p: said(p) for p in points if p not in shown}
    for role in ind.ROLES:
        in_role = sorted((p for p in points if p.role == role), key=lambda p: p.year)
        parts += _series(in_role, shown, unlabelled, x_of, y_of)
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _scales(points: Sequence[ChartPoint]) -> tuple[Callable[[int], str], Callable[[Decimal], str]]:
    """Years across (to scale), values up with zero always in range, so a small change does not
    look like a large one."""
    years = [p.year for p in points]
    low, high = min(years), max(years)
    values = [p.value for p in points] + [Decimal(0)]
    bottom, top = min(values), max(values)
    span = (top - bottom) or Decimal(1)
    width = CHART_WIDTH - _MARGIN["left"] - _MARGIN["right"]
    height = CHART_HEIGHT - _MARGIN["top"] - _MARGIN["bottom"]

    def x_of(year: int) -> str:
        share = (year - low) / (high - low) if high > low else 0.5
        return f"{_MARGIN['left'] + share * width:.1f}"

    def y_of(value: Decimal) -> str:
        return f"{_MARGIN['top'] + float((top - value) / span) * height:.1f}"

    return x_of, y_of


def _labels_above(points: Sequence[ChartPoint]) -> set[ChartPoint]:
    """Points labelled above themselves: achieved ones, unless a target of the same year lies
    higher; then the higher of the two is labelled above, the lower below, so labels do not meet."""

    def height(point: ChartPoint) -> tuple[Decimal, bool]:
        return point.value, point.role == "achieved"

    above = set()
    for point in points:
        other = next((p for p in points if p.year == point.year and p.role != point.role), None)
        if (height(point) > height(other)) if other else point.role == "achieved":
            above.add(point)
    return above


_FONT_PX = 10  # svg.chart's font-size in style.css


def _label_spot(
    point: ChartPoint, is_above: bool, x_of: Callable[[int], str], y_of: Callable[[Decimal], str]
) -> tuple[str, str, str]:
    """A figure's x, baseline y and anchor: above its point or below it, inward at the edges."""
    y = float(y_of(point.value))
    label_y = f"{y - 7:.1f}" if is_above else f"{y + 15:.1f}"
    label_x, anchor = _label_place(float(x_of(point.year)))
    return label_x, label_y, anchor


def _label_box(point: ChartPoint, spot: tuple[str, str, str]) -> Box:
    x, y, anchor = float(spot[0]), float(spot[1]), spot[2]
    width = text_width(point.label, _FONT_PX)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, left + width, y - _FONT_PX, y + 0.2 * _FONT_PX)


def _labels_shown(
    points: Sequence[ChartPoint],
    above: set[ChartPoint],
    x_of: Callable[[int], str],
    y_of: Callable[[Decimal], str],
) -> dict[ChartPoint, bool]:
    """The points whose figure is printed beside them, each with whether above it: each line's
    first and last, then year by year those whose figure, on its side or the other, meets no
    figure already printed, no point and no line (a first or last figure where none is clear
    stands on its side all the same). Over nine editions every
    figure printed ran into its neighbours (`+7.5%左右+7.7%+7.4%`); the others are in the
    point's tooltip, the chart's description and the table above."""
    ends = _line_ends(points)
    order = ends + sorted((p for p in points if p not in ends), key=lambda p: (p.year, p.role))
    sides = {p: (p in above, p not in above) for p in order}
    candidates = [
        Label(tuple(_label_box(p, _label_spot(p, side, x_of, y_of)) for side in sides[p]), p in ends) for p in order
    ]
    dots = [_dot(float(x_of(p.year)), float(y_of(p.value))) for p in points]
    segments: list[Segment] = [
        (float(x_of(a.year)), float(y_of(a.value)), float(x_of(b.year)), float(y_of(b.value)))
        for line in _lines(points)
        for a, b in itertools.pairwise(line)
    ]
    chosen = place(candidates, dots, segments)
    return {p: sides[p][spot] for p, spot in zip(order, chosen, strict=True) if spot is not None}


def _dot(x: float, y: float) -> Box:
    return Box(x - 4, x + 4, y - 4, y + 4)


def _lines(points: Sequence[ChartPoint]) -> list[list[ChartPoint]]:
    """Each role's points by year: the lines of the chart."""
    return [sorted((p for p in points if p.role == role), key=lambda p: p.year) for role in ind.ROLES]


def _line_ends(points: Sequence[ChartPoint]) -> list[ChartPoint]:
    """The first and last point of each role's line."""
    return [p for line in _lines(points) for p in dict.fromkeys(line[:1] + line[-1:])]


def _label_place(x: float) -> tuple[str, str]:
    """Where a point's figure stands and how it is anchored: centred on the point, but from the
    point inwards at the chart's first and last year, where a centred figure ran past the edge
    and was cut (4800亿元左右 lost its 4)."""
    if x <= _MARGIN["left"]:
        return f"{x - 6:.1f}", "start"
    if x >= CHART_WIDTH - _MARGIN["right"]:
        return f"{x + 6:.1f}", "end"
    return f"{x:.1f}", "middle"


def _series(
    points: Sequence[ChartPoint],
    shown: Mapping[ChartPoint, bool],
    unlabelled: Mapping[ChartPoint, str],
    x_of: Callable[[int], str],
    y_of: Callable[[Decimal], str],
) -> list[Markup]:
    """One role's line (dashed for targets) and its points, each with its figure above or below
    it (`shown`: whether above) or, where the figure would run into another (`unlabelled`), in
    its tooltip."""
    if not points:
        return []
    target = points[0].role == "target"
    coordinates = " ".join(f"{x_of(p.year)},{y_of(p.value)}" for p in points)
    parts = []
    if len(points) > 1:
        parts.append(
            Markup('<polyline points="{}" fill="none" stroke="currentColor" stroke-width="1.5"{}/>').format(
                coordinates, Markup(' stroke-dasharray="5 3"') if target else ""
            )
        )
    for p in points:
        x, y = x_of(p.year), y_of(p.value)
        fill = "#fff" if target else "currentColor"
        if p in unlabelled:
            parts.append(
                Markup('<circle cx="{}" cy="{}" r="3.5" stroke="currentColor" fill="{}"><title>{}</title></circle>').format(
                    x, y, fill, unlabelled[p]
                )
            )
            continue
        parts.append(Markup('<circle cx="{}" cy="{}" r="3.5" stroke="currentColor" fill="{}"/>').format(x, y, fill))
        label_x, label_y, anchor = _label_spot(p, shown[p], x_of, y_of)
        parts.append(
            Markup('<text x="{}" y="{}" text-anchor="{}" class="value {}">{}</text>').format(
                label_x, label_y, anchor, p.role, p.label
            )
        )
    return parts


# --- trace ------------------------------------------------------------------------------------


def trace_context(
    result: tr.Trace, paragraphs: dict[str, list[tuple[str, str]]], number: int
) -> dict[str, object]:
    """Plan items in document order, indented by depth, and those no report addresses."""
    labels = column_labels(result.reports)
    label_of = dict(zip((e.id for e in result.reports), labels, strict=True))
    items = [trace_item(item, result, label_of, paragraphs) for item in result.items]
    return {
        "anchor": f"plan-{number}",
        "title": result.plan.title,
        "url": _pointer_url(result.plan.id, ""),
        "reports": [
            {"label": label, "url": _pointer_url(e.id, ""), "title": e.title}
            for e, label in zip(result.reports, labels, strict=True)
        ],
        "rows": items,
        "unaddressed": [i for i in items if not i["addressed"]],
    }


def trace_item(
    item: tr.PlanItem,
    result: tr.Trace,
    label_of: dict[str, str],
    paragraphs: dict[str, list[tuple[str, str]]],
) -> dict[str, object]:
    """Per report the best score and a link to its passage, or None below the threshold."""
    best_passage: dict[str, tr.Passage] = {}
    for candidate in item.passages:
        best_passage.setdefault(candidate.doc, candidate)
    cells: list[dict[str, object] | None] = []
    for edition, score in zip(result.reports, item.best, strict=True):
        passage = best_passage.get(edition.id)
        cells.append({"score": f"{score:.2f}", "url": passage_url(passage, paragraphs)} if passage else None)
    return {
        "heading": item.heading,
        "path": " › ".join(item.path),
        "depth": min(item.depth, 5),
        "url": _pointer_url(item.pointer, ""),
        "addressed": bool(item.passages),
        "cells": cells,
        "passages": [
            {
                "report": label_of[p.doc],
                "path": " › ".join(p.path),
                "sentence": p.sentence,
                "plan_sentence": p.plan_sentence,
                "score": f"{p.score:.2f}",
                "url": passage_url(p, paragraphs),
            }
            for p in item.passages
        ],
    }


def passage_url(passage: tr.Passage, paragraphs: dict[str, list[tuple[str, str]]]) -> str:
    """The paragraph holding the matched sentence when the page has exactly one candidate, else
    the heading of the passage's section."""
    candidates = [anchor for anchor, text in paragraphs.get(passage.doc, []) if passage.sentence in text]
    if len(candidates) > 1:
        candidates = [
            anchor
            for anchor, text in paragraphs[passage.doc]
            if passage.sentence in text and text in passage.text
        ]
    if len(candidates) == 1:
        return _pointer_url(f"{passage.doc}#{candidates[0]}", "")
    return _pointer_url(passage.pointer, "")


# --- terms ------------------------------------------------------------------------------------


#: A terms page holds at most this many cells (rows times columns, one column per edition),
#: shared by its sections: at the seeds' 1,528 terms of three editions the page is 264 KB,
#: under the site's 300 KB, while the national reports (two series, 8,077 terms of 23
#: editions in one) made one of 853 KB, most of its rows words one old edition used twice.
#: Past it, a section keeps every programme name and the most used words; `corpusdiff terms
#: --series … --format csv` gives every term.
SITE_TERMS_CELLS = 15_000


def terms_context(edition_set: EditionSet, index: tm.TermIndex, cells: int) -> dict[str, object]:
    """The terms a section has room for (`cells`, its share of SITE_TERMS_CELLS), most
    distinctive of an edition first, with their counts per edition, and how many more the
    index holds."""
    labels = column_labels(index.editions)
    label_of = dict(zip((e.id for e in index.editions), labels, strict=True))
    shown = _with_room(index.terms, cells // (_TERM_COLUMNS + len(index.editions)))
    series = {d.meta.series for d in edition_set.docs}
    return {
        "anchor": f"terms-{edition_set.anchor}",
        "name": edition_set.name,
        "editions": _editions(edition_set.docs, labels, ""),
        "counts": {status: len(index.select(status)) for status in tm.STATUSES},
        "left": len(index.terms) - len(shown),
        "series": series.pop() if len(series) == 1 else "",
        "rows": [
            {
                "term": t.term,
                "kind": t.kind,
                "status": t.status,
                "first": label_of[t.first],
                "last": label_of[t.last],
                "total": t.total,
                "counts": list(t.counts.values()),
            }
            for t in shown
        ],
    }


#: The columns of a terms row before the editions': term, kind, status, first, last, total.
_TERM_COLUMNS = 6


def _with_room(terms: Sequence[tm.Term], rows: int) -> list[tm.Term]:
    """`terms` in their order, or when they are more than `rows`, every programme name and the
    most used words up to `rows`: an index an analyst searches for the words a report keeps
    using, which rare words crowd out."""
    if len(terms) <= rows:
        return list(terms)
    programmes = [t for t in terms if t.kind == tm.PROGRAMME]
    words = sorted((t for t in terms if t.kind != tm.PROGRAMME), key=lambda t: -t.total)
    kept = {id(t) for t in [*programmes, *words[: max(0, rows - len(programmes))]]}
    return [t for t in terms if id(t) in kept]

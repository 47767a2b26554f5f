"""Series views on the static site: a timeline page per series (and per `timelines:` entry of
site.yaml), and one page each for indicators, the five-year-plan trace and the term index.

Each view reads many documents at once, so the views are built together after the document
and pair pages, and skipped as a whole when no input changed (state key `series-views`). The
expensive steps are independent jobs, one per edition set and view (its timeline page, its
section of the indicators and terms pages) and one per five-year plan (trace): they run
through the build's runner and their results are kept in the disk cache, keyed by the texts
they read, so a new edition renders its own set again and takes every other set from the cache.
Page contexts are pure functions of the library's results (`timeline_view`, `indicators_view`,
`trace_view`, `terms_view`); document text is always escaped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, overload

from markupsafe import Markup

from corpusdiff.parallel import Runner
from corpusdiff.series import terms as tm
from corpusdiff.series import timeline as tl
from corpusdiff.series import trace as tr
from corpusdiff.site.common import (
    Doc,
    environment,
    relative_root,
    site_stamp,
)
from corpusdiff.site.edition_sets import (
    EditionSet,
    edition_sets,
    load_timeline_config,
    plan_reports,
    trace_inputs,
)
from corpusdiff.site.indicators_view import indicator_section
from corpusdiff.site.terms_view import SITE_TERMS_CELLS, terms_context
from corpusdiff.site.timeline_view import TIMELINE_REACH, rows_by_pair, series_kinds, timeline_context
from corpusdiff.site.trace_view import trace_context
from corpusdiff.store import cache
from corpusdiff.store.diffs import CachedCompare
from corpusdiff.strings import DEFAULT_LANGUAGE, catalogue
from corpusdiff.types.diff import Overrides
from corpusdiff.types.edition import Edition
from corpusdiff.types.tree import DocTree
from corpusdiff.types.vocabulary import Vocabulary

if TYPE_CHECKING:
    from corpusdiff.site.output import SiteOutput

FIXED_PAGES = {"indicators": "indicators.html", "trace": "trace.html", "terms": "terms.html"}


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

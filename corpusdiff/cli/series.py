"""Commands over a series of editions: terms, timeline, trace, indicators."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from corpusdiff.cli.common import (
    echo_long,
    fit_option,
    fit_width,
    format_option,
    handle_errors,
    language_option,
    open_corpus,
    progress_counter,
    refuse_missing_corpus,
    runner_for,
    runner_options,
    strings_for,
    table_format_option,
    warn,
)
from corpusdiff.errors import CorpusError, InputError
from corpusdiff.strings import counted

if TYPE_CHECKING:
    from corpusdiff.store.corpus import Corpus
    from corpusdiff.types.document import Metadata
    from corpusdiff.types.edition import Edition
    from corpusdiff.types.tree import DocTree


_TERM_STATUSES = {"new": "new-in-latest", "dropped": "dropped", "steady": "steady", "all": None}


_TERMINAL_TERM_LIMIT = 40


@click.command(name="terms")
@click.argument("docs", nargs=-1, metavar="[DOC]...")
@click.option("--series", help="Only documents of this series (needed when the corpus holds several).")
@table_format_option("terminal table, json (editions and terms) or csv (one line per term).")
@click.option(
    "--status",
    type=click.Choice(tuple(_TERM_STATUSES)),
    default="all",
    show_default=True,
    help="new: only in the latest edition; dropped: not in the latest edition; steady: in both.",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Index words used at least N times in all editions together (programme names always).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help=f"Show at most N terms, in the --sort order (default: {_TERMINAL_TERM_LIMIT} in the terminal, "
    "all in json and csv; 0: all).",
)
@click.option(
    "--sort",
    "order",
    type=click.Choice(("keyness", "frequency")),
    default="keyness",
    show_default=True,
    help="keyness: most distinctive of an edition first (log-likelihood against the other editions); "
    "frequency: most used first.",
)
@click.option(
    "--edition",
    metavar="ID",
    help="Rank by the keyness of this edition (an id, a date, or a year naming one of the indexed editions) "
    "against the others.",
)
@click.option("--term", "text", metavar="TEXT", help="Look up one term: its counts and keyness per edition.")
@fit_option
@language_option
@click.pass_context
@handle_errors
def terms_command(
    ctx: click.Context,
    docs: tuple[str, ...],
    series: str | None,
    fmt: str,
    status: str,
    min_count: int,
    limit: int | None,
    order: str,
    edition: str | None,
    text: str | None,
    width: int | None,
    lang: str | None,
) -> None:
    """Key words and programme names across editions: counts, keyness, first and last edition, status.

    DOCs (oldest first) are corpus ids, ID@REV, canonical files or raw reports; the default is
    every corpus document ordered by date, and --series is needed when the corpus holds several
    series. Terms are ranked by how distinctive they are of an
    edition (log-likelihood against the other editions); function words are never terms. The
    status compares with the latest edition: new-in-latest, dropped (not in the latest) or
    steady. See docs/terms.md.
    """
    from corpusdiff.render import jsontext
    from corpusdiff.render import terms as render_terms
    from corpusdiff.series import terms

    for option, given in (("--term", text), ("--edition", edition)):
        if given is not None and not given.strip():
            raise InputError(f"{option} is empty (an unset shell variable?); give a value or leave the option out")
    corpus = open_corpus(ctx)
    sources = _term_sources(corpus, docs, series)
    index = terms.index_editions(
        sources, min_total=1 if text else min_count, stopwords=corpus.vocabulary.stopwords
    )
    ranked_in = terms.edition_id(index, edition) if edition and not text else None
    _warn_mixed_editions([tree.metadata for _, tree in sources], "terms")
    if text:
        found = terms.look_up(index, text, sources)
        if fmt == "json":
            click.echo(jsontext.dumps(render_terms.lookup_json(index, found)))
        elif fmt == "csv":
            click.echo(render_terms.index_csv(index, found.rows()), nl=False)
        else:
            click.echo(render_terms.lookup_terminal(index, found, strings_for(ctx, lang)), nl=False)
        return
    if limit is None and fmt == "terminal":
        limit = _TERMINAL_TERM_LIMIT
    chosen = index.select(_TERM_STATUSES[status], order, ranked_in)
    shown = chosen[:limit] if limit else chosen
    if fmt == "json":
        click.echo(jsontext.dumps(render_terms.index_json(index, shown, order, ranked_in)))
    elif fmt == "csv":
        click.echo(render_terms.index_csv(index, shown, ranked_in), nl=False)
    else:
        strings = strings_for(ctx, lang)
        hidden = len(chosen) - len(shown)
        click.echo(render_terms.index_terminal(index, shown, hidden, ranked_in, strings, fit_width(width)), nl=False)


def _warn_mixed_editions(editions: list[Metadata], reader: str) -> None:
    """Say on stderr when `reader` chains editions of several regions (or a plan among reports)
    as one series: its statuses or threads then compare one region with another; and which
    years of one yearly series no edition covers (2019 and 2021 are then side by side)."""
    from corpusdiff.series.editions import missing_years_warning, timeline_warning

    warning = timeline_warning(editions, reader) or missing_years_warning(editions, reader)
    if warning:
        click.echo(f"corpusdiff: warning: {warning}", err=True)


def _term_sources(corpus: Corpus, docs: tuple[str, ...], series: str | None) -> list[tuple[Edition, DocTree]]:
    """(Edition, DocTree) pairs of the DOCs in the order given (the user says which edition is
    the latest), or of the corpus by date; only `series`'s."""
    from corpusdiff.store.resolve import load_editions

    if docs:
        specs = list(docs)
    else:
        refuse_missing_corpus(corpus.root)
        if not series:
            _refuse_mixed_series(corpus)
        specs = [e.id for e in corpus.entries if not series or e.metadata.series == series]
    editions = load_editions(corpus, specs, by_date=not docs)
    chosen = [(e.edition, e.tree) for e in editions if not series or e.tree.metadata.series == series]
    if not chosen:
        raise CorpusError(f"no documents{f' of series {series}' if series else ''} to index")
    return chosen


def _refuse_mixed_series(corpus: Corpus) -> None:
    """Statuses compare with the latest edition, so indexing several series by date makes one
    series' last report the "latest" of all the others (the terms of every other series dropped)."""
    names = sorted(corpus.by_series)
    if len(names) > 1:
        raise CorpusError(
            f"the corpus holds {len(names)} series ({', '.join(names)}): choose one with --series SERIES, "
            "or name the DOCs to index together, oldest first"
        )


@click.command()
@click.argument("docs", nargs=-1, metavar="DOC...")
@click.option("--series", help="Add every corpus document of this series.")
@click.option(
    "--level",
    type=click.Choice(("group", "task", "all")),
    default="all",
    show_default=True,
    help="Threads of （一） groups, of the units below them (numbered tasks; paragraphs and list items "
    "where a report has no numbered tasks), or both.",
)
@click.option(
    "--match",
    "focus",
    metavar="TEXT",
    help="Only the threads with an item whose heading or text mentions TEXT, and the programmes "
    "named so, in every format (traditional characters and quotation marks aside).",
)
@format_option("editions, threads and programmes as docs/timeline.md describes; no schema file")
@fit_option
@runner_options
@language_option
@click.pass_context
@handle_errors
def timeline(
    ctx: click.Context,
    docs: tuple[str, ...],
    series: str | None,
    level: str,
    focus: str | None,
    fmt: str,
    width: int | None,
    jobs: int | None,
    scheduler: str,
    lang: str | None,
) -> None:
    """Follow initiatives across editions: one thread per lineage, and programme presence.

    Each DOC is a corpus id, ID@REV, a canonical Markdown file or a raw report; editions are
    ordered by date. Consecutive editions are compared with `diff` and the differ's pairs of
    initiative units chained into threads; editions further apart are compared too, to find
    lineages that skip an edition. An item is in two threads only where the differ reports a
    merge or split. JSON and Markdown give each step's evidence (diff, class, confidence).
    See docs/timeline.md.
    """
    from corpusdiff.render import jsontext
    from corpusdiff.render.timeline import to_json, to_markdown, to_terminal
    from corpusdiff.series import timeline as tl
    from corpusdiff.store.diffs import CachedCompare
    from corpusdiff.store.resolve import edition_specs, load_editions

    if focus is not None and not focus.strip():
        raise InputError("--match is empty (an unset shell variable?); give a text or leave the option out")
    corpus = open_corpus(ctx)
    specs = edition_specs(corpus, docs, series)
    if len(specs) < 2 and series and not docs:
        raise InputError(
            f"series {series} has {counted(len(specs), 'edition')}: a timeline needs two or more; "
            "`corpusdiff list` shows the series and their editions"
        )
    if len(specs) < 2:
        raise click.UsageError("give at least two editions (DOC... or --series NAME)")
    editions = load_editions(corpus, specs)
    trees = [e.tree for e in editions]
    _warn_mixed_editions([tree.metadata for tree in trees], "the timeline")
    pairs = tl.comparison_pairs(len(trees))
    overrides = {(i, j): corpus.overrides(editions[i].doc_id, editions[j].doc_id) for i, j in pairs}
    done = progress_counter("comparing", minimum=4)(len(pairs))
    job = CachedCompare(corpus.vocabulary.stopwords)
    diffs = tl.pairwise_diffs(trees, pairs, overrides, runner_for(jobs, scheduler), done, job, job.known)
    result = tl.select(tl.build_timeline(trees, diffs), tl.LEVELS if level == "all" else (level,))
    if focus:
        result = tl.matching(result, focus.strip())
        if not result.threads and not result.programmes:
            warn(f"no thread or programme mentions {focus.strip()!r}; `corpusdiff terms --term` counts a word")
    if fmt == "json":
        click.echo(jsontext.dumps(to_json(result)))
    else:
        strings = strings_for(ctx, lang)
        echo_long(
            to_markdown(result, strings)
            if fmt == "markdown"
            else to_terminal(result, strings=strings, fit=fit_width(width))
        )


@click.command(name="trace")
@click.argument("plan")
@click.argument("docs", nargs=-1, required=True, metavar="DOC...")
@format_option("plan, reports, items and unaddressed as docs/timeline.md describes; no schema file")
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Cosine a passage needs to count as addressing a plan item (default 0.4, see docs/timeline.md).",
)
@click.option("--passages", is_flag=True, help="Terminal: show each report's best passage under each item.")
@language_option
@click.pass_context
@handle_errors
def trace_command(
    ctx: click.Context,
    plan: str,
    docs: tuple[str, ...],
    fmt: str,
    threshold: float | None,
    passages: bool,
    lang: str | None,
) -> None:
    """Which reports address each item of a five-year PLAN, where, and which items none mentions.

    PLAN and each DOC are a corpus id, ID@REV, a canonical Markdown file or a raw report.
    PLAN must be a five-year plan (genre five-year-plan) and no DOC may predate it.
    Plan sentences are compared with report sentences by TF-IDF cosine. See docs/timeline.md.
    """
    from corpusdiff.render import jsontext
    from corpusdiff.render import trace as render
    from corpusdiff.series import trace as tr
    from corpusdiff.series.editions import trace_warnings
    from corpusdiff.store.resolve import load_editions

    corpus = open_corpus(ctx)
    [plan_edition] = load_editions(corpus, [plan])
    reports = [e.tree for e in load_editions(corpus, docs)]
    tr.check_plan(plan_edition.tree.metadata, [report.metadata for report in reports])
    for warning in trace_warnings(plan_edition.tree.metadata, [report.metadata for report in reports]):
        click.echo(f"corpusdiff: warning: {warning}", err=True)
    cutoff = tr.THRESHOLD if threshold is None else threshold
    result = tr.trace(plan_edition.tree, reports, cutoff, stopwords=corpus.vocabulary.stopwords)
    if fmt == "json":
        click.echo(jsontext.dumps(render.to_json(result)))
    else:
        strings = strings_for(ctx, lang)
        echo_long(
            render.to_markdown(result, strings)
            if fmt == "markdown"
            else render.to_terminal(result, passages, strings=strings)
        )


@click.command(name="indicators")
@click.argument("docs", nargs=-1, metavar="DOC...")
@click.option("--series", help="Add every corpus document of this series.")
@table_format_option(
    "terminal table, json (documents, records and the aligned table) or csv (one line per record)."
)
@click.option("--role", type=click.Choice(("target", "achieved")), help="Only targets or only results.")
@fit_option
@language_option
@click.pass_context
@handle_errors
def indicators_command(
    ctx: click.Context,
    docs: tuple[str, ...],
    series: str | None,
    fmt: str,
    role: str | None,
    width: int | None,
    lang: str | None,
) -> None:
    """Quantitative targets and results (主要目标, appendix indicator tables) across editions.

    Each DOC is a corpus id, ID@REV, a canonical Markdown file or a raw report; editions are
    ordered by date. A document without any indicator list or table is a warning on stderr.
    See docs/indicators.md.
    """
    from corpusdiff.render import indicators as shown
    from corpusdiff.render import jsontext
    from corpusdiff.series import indicators
    from corpusdiff.series.indicator_extraction import extract_indicators
    from corpusdiff.store.resolve import edition_specs, load_editions

    corpus = open_corpus(ctx)
    specs = edition_specs(corpus, docs, series)
    if not specs:
        raise click.UsageError("give the editions (DOC... or --series NAME)")
    editions = load_editions(corpus, specs, documents=True)
    _warn_mixed_editions([e.document.metadata for e in editions], "the table")
    found = [extract_indicators(e.document) for e in editions]
    for each in found:
        if not each.found:
            click.echo(f"corpusdiff: warning: {each.doc_id}: no indicator list or table found", err=True)
    table = indicators.indicator_table(
        indicators.select_role(found, role), corpus.vocabulary.indicator_aliases
    )
    if fmt == "json":
        click.echo(jsontext.dumps(shown.to_json(table)))
    elif fmt == "csv":
        click.echo(shown.to_csv(table), nl=False)
    else:
        click.echo(shown.render_terminal(table, strings_for(ctx, lang), fit_width(width)), nl=False)

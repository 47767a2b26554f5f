"""Commands that read reports in and show what the corpus holds: normalize, ingest, list, show,
check, log, history."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from corpusdiff.cli.common import (
    corpus_root,
    handle_errors,
    open_corpus,
    progress_counter,
    refuse_missing_corpus,
    runner_for,
    runner_options,
    write_output,
)
from corpusdiff.errors import CorpusError, InputError
from corpusdiff.strings import counted
from corpusdiff.types.genre import GENRES

if TYPE_CHECKING:
    from corpusdiff.types.document import NormalizedDocument

#: A genre names the id and the series: one corpusdiff does not define (a typo, a path) is refused.
GENRE = click.Choice(tuple(GENRES))


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@click.option("--title", help="Override the detected title.")
@click.option("--date", help="Override the publication date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--genre", type=GENRE, metavar="GENRE", help=f"Override the genre, one of: {', '.join(GENRES)}.")
@click.option("--region", help="Override the region (e.g. 福田区).")
@click.option("--series", help="Override the series id.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings.")
@click.pass_context
@handle_errors
def normalize(ctx: click.Context, file: Path, output: Path | None, quiet: bool, **fields: str | None) -> None:
    """Turn a raw report FILE into canonical Markdown (stdout, or -o OUT).

    FILE may be text in any common encoding (UTF-8, GB18030, UTF-16, with or without
    BOM), a portal's HTML page, a Word .docx or Word 97–2003 .doc, a PDF with a text layer, a CSV export with
    the report's text in one cell or a paragraph a row (the format is told from the content; see
    docs/inputs.md), or an existing canonical Markdown file, which comes back unchanged.
    Anything else (XML, tables of figures, images, archives, scans) is refused with one
    line. When the corpus (--corpus) has a manifest entry for FILE's name, its fields are
    applied too; the options here win over both. `-o FILE` re-normalises canonical Markdown
    in place; a raw report is never overwritten with its Markdown.
    """
    from corpusdiff.canonical.markdown import render

    if output:
        _refuse_replacing_a_raw_report(file, output)
    text = render(_normalized_file(ctx, file, _given_fields(fields), quiet=quiet))
    if output:
        write_output(output, text)
    else:
        click.echo(text, nl=False)


def _refuse_replacing_a_raw_report(file: Path, output: Path) -> None:
    """`-o` naming the input re-normalises canonical Markdown in place (what `check` advises);
    a raw report (text, PDF, Word) would be replaced by its Markdown, whose recorded sha256
    would then name bytes that no longer exist."""
    from corpusdiff.canonical.markdown import is_canonical_text
    from corpusdiff.read.decode import read_report

    if not (file.is_file() and output.is_file() and output.samefile(file)):
        return
    if is_canonical_text(read_report(file).text):
        return
    other = file.with_suffix(".md") if file.suffix != ".md" else file.with_name(f"{file.stem}-canonical.md")
    raise InputError(
        f"{output}: is the input file, a raw report its Markdown would replace; give another -o file "
        f"(e.g. -o {other}), or omit -o for standard output"
    )


def _normalized_file(
    ctx: click.Context, file: Path, fields: dict[str, str], *, quiet: bool
) -> NormalizedDocument:
    """`file` normalised with the corpus manifest's fields for it and `fields` over them; the
    warnings on stderr unless `quiet`."""
    from corpusdiff.normalize.entry import normalize_file, refuse_non_report
    from corpusdiff.store.corpus import manifest_overrides

    overrides = manifest_overrides(corpus_root(ctx), file.name)
    overrides.update(fields)
    document = normalize_file(file, overrides)
    refuse_non_report(file.name, document, overrides)
    if not quiet:
        for warning in document.warnings:
            click.echo(f"corpusdiff: warning: {file.name}: {warning}", err=True)
    return document


def _given_fields(fields: dict[str, str | None]) -> dict[str, str]:
    """The metadata options the user gave, checked at the door (a date must be YYYY,
    YYYY-MM or YYYY-MM-DD naming a real day; no value may hold a control character; click refuses a
    genre corpusdiff does not define)."""
    from corpusdiff.text.chars import control_in_field
    from corpusdiff.text.dates import is_publication_date

    given = {key: value for key, value in fields.items() if value}
    for key, value in given.items():
        control = control_in_field(value)
        if control is not None:
            raise InputError(f"--{key} holds a control character ({control}); give the value without it")
    date = given.get("date")
    if date is not None and not is_publication_date(date):
        raise InputError(f"--date {date!r}: not a date; give YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-01)")
    return given


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--title", help="Override the detected title (single FILE only).")
@click.option("--date", help="Override the publication date (single FILE only).")
@click.option(
    "--genre",
    type=GENRE,
    metavar="GENRE",
    help=f"Override the genre (single FILE only), one of: {', '.join(GENRES)}.",
)
@click.option("--region", help="Override the region (single FILE only).")
@click.option("--series", help="Override the series id (single FILE only).")
@click.option("--force", is_flag=True, help="Overwrite documents that have uncommitted hand edits.")
@click.option(
    "--replace",
    is_flag=True,
    help="A FILE that is a report the corpus holds from another file (its .docx beside a .txt): "
    "make FILE that document's source, committed as a new revision of it; the other file's copy "
    "under sources/ is removed in that commit (git's history keeps it).",
)
@click.option(
    "--as-new",
    is_flag=True,
    help="A FILE that is a report the corpus holds from another file: add it as a document of its "
    "own beside it (id ending -2). Without --replace or --as-new such a FILE is refused.",
)
@click.option(
    "--allow-detached", is_flag=True, help="Commit even on a detached HEAD (the commits belong to no branch)."
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@runner_options
@click.pass_context
@handle_errors
def ingest(
    ctx: click.Context,
    files: tuple[Path, ...],
    force: bool,
    replace: bool,
    as_new: bool,
    allow_detached: bool,
    quiet: bool,
    jobs: int | None,
    scheduler: str,
    **fields: str | None,
) -> None:
    """Normalise report FILES into the corpus and commit each changed document.

    The corpus directory (--corpus, default ./corpus) is created, and a git repository
    initialised there, when it is not already inside one; a folder that holds corpus
    documents but no repository (its .git removed) is refused, and so is the default ./corpus
    when the current folder is itself a corpus (give --corpus .). Each added or changed document
    becomes one commit carrying its provenance as trailers (Source-sha256,
    Dialect-version, Corpusdiff-version); an unchanged report commits nothing. A bulk run
    that changes more than 20 documents commits them 100 to a commit, with one trailer
    group per document. A report the corpus already holds from another file (the same
    edition as .txt and .docx, say) is refused, naming the document, unless --replace or
    --as-new says what to do with it. Reports are normalised on all cores (--jobs) or on a Dask cluster
    (--scheduler). Per-source metadata overrides live in <corpus>/manifest.yaml.

    Nothing is written during an unfinished merge, rebase, cherry-pick or revert, beside a
    stale git lock file, or through a symlink; a failure (a full disk) puts back what was
    not committed yet.
    """
    from corpusdiff.store.ingest import SecondSource
    from corpusdiff.store.ingest import ingest as run_ingest

    if replace and as_new:
        raise InputError("--replace and --as-new contradict each other; give one")
    _refuse_corpus_in_corpus(ctx)
    second_source = SecondSource.REPLACE if replace else SecondSource.AS_NEW if as_new else SecondSource.REFUSE
    results = run_ingest(
        corpus_root(ctx),
        list(files),
        _given_fields(fields),
        force=force,
        progress=progress_counter("normalising", quiet=quiet),
        runner=runner_for(jobs, scheduler),
        allow_detached=allow_detached,
        second_source=second_source,
    )
    for result in results:
        if not quiet:
            for warning in result.warnings:
                click.echo(f"corpusdiff: warning: {result.id}: {warning}", err=True)
            commit = f" ({result.commit[:10]})" if result.commit else ""
            click.echo(f"{result.action:9} {result.id}{commit}")


def _refuse_corpus_in_corpus(ctx: click.Context) -> None:
    """`ingest` run inside a corpus without --corpus would make the default ./corpus a second
    corpus within it, committed into the first's repository; say so instead."""
    from click.core import ParameterSource

    from corpusdiff.store.corpus import Corpus

    folder = corpus_root(ctx)
    if ctx.find_root().get_parameter_source("corpus_dir") is not ParameterSource.DEFAULT or folder.exists():
        return
    if Corpus(Path.cwd()).entries:
        raise InputError(
            f"the current folder is a corpus itself, and no {folder}/ is in it: give --corpus . to ingest "
            "into it (or run from the folder that holds the corpus)"
        )


@click.command(name="list")
@click.option("--series", help="Only documents of this series.")
@click.pass_context
@handle_errors
def list_documents(ctx: click.Context, series: str | None) -> None:
    """List the corpus's documents: id, date, series and title."""
    corpus = open_corpus(ctx)
    refuse_missing_corpus(corpus.root)
    rows = [e for e in corpus.entries if not series or e.metadata.series == series]
    rows.sort(key=lambda e: (e.metadata.series, e.metadata.date, e.id))
    width = max((len(e.id) for e in rows), default=2)
    series_width = max((len(e.metadata.series) for e in rows), default=2)
    for entry in rows:
        meta = entry.metadata
        click.echo(f"{entry.id:<{width}}  {meta.date:<10}  {meta.series:<{series_width}}  {meta.title}")
    if not rows and series and corpus.entries:  # a typo'd series: say which there are
        known = ", ".join(sorted(corpus.by_series))
        click.echo(f"no documents in series {series!r}; known series: {known}", err=True)
    elif not rows:
        click.echo("no documents", err=True)


@click.command()
@click.argument("doc_id", metavar="ID")
@click.option("--outline", is_flag=True, help="Show only the heading outline, indented by level.")
@click.pass_context
@handle_errors
def show(ctx: click.Context, doc_id: str, outline: bool) -> None:
    """Print the canonical Markdown of document ID (or its outline).

    ID may be ID@REV, the document as a git revision holds it (`…@HEAD~1`, `…@v2024`), or a
    report file, normalised as `normalize` does (with the corpus manifest's fields for it), so
    `show report.pdf --outline` checks the headings found before an ingest.
    """
    from dataclasses import replace

    from corpusdiff.canonical.markdown import render
    from corpusdiff.store.corpus import outline as outline_of
    from corpusdiff.store.corpus import read_document
    from corpusdiff.store.files import read_corpus_text
    from corpusdiff.store.resolve import load_document
    from corpusdiff.text.chars import visible_controls

    corpus = open_corpus(ctx)
    if Path(doc_id).is_dir():  # not `no document …`, as if the folder were an id mistyped
        raise InputError(f"{doc_id}: is a directory; give a report file or a corpus id")
    if Path(doc_id).is_file():
        document = _normalized_file(ctx, Path(doc_id), {}, quiet=False)
        text = render(document)
    elif "@" in doc_id:
        document = load_document(doc_id, corpus)
        stored = replace(document.metadata, id=doc_id.rsplit("@", 1)[0])  # as the revision holds it
        document = replace(document, metadata=stored)
        text = render(document)
    elif not outline:  # as stored, but for control characters, which a terminal would obey
        click.echo(visible_controls(read_corpus_text(corpus.find(doc_id).path)), nl=False)
        return
    else:
        document = read_document(corpus, doc_id)
    if not outline:
        click.echo(text, nl=False)
        return
    for level, heading in outline_of(document):
        click.echo(f"{'  ' * (level - 1)}{heading}")


@click.command()
@click.pass_context
@handle_errors
def check(ctx: click.Context) -> None:
    """Check the corpus: canonical text, valid front matter, sources present with the recorded
    sha256, unique ids, alignment overrides naming existing documents and, in them, headings or
    initiatives the documents have; and what an interrupted ingest left (files never committed,
    temporaries) and symlinks leaving the corpus.

    Prints one line per problem (`path: problem`) and exits 1 when there is any, 0 otherwise.
    Made for CI and pre-commit (see .pre-commit-hooks.yaml).
    """
    from corpusdiff.text.chars import visible_name
    from corpusdiff.workflow.check import check_corpus

    root = corpus_root(ctx)
    if not root.is_dir():
        raise CorpusError(f"{root}: no such folder, so no corpus here; give --corpus DIR")
    problems = check_corpus(root)
    for problem in problems:
        click.echo(visible_name(f"{problem.path}: {problem.message}"))
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo("corpus ok", err=True)


@click.command()
@click.argument("doc_id", metavar="ID")
@click.pass_context
@handle_errors
def log(ctx: click.Context, doc_id: str) -> None:
    """History of document ID (ID@REV: up to revision REV): new editions, normalisation changes
    and hand corrections.

    Ingest commits carry trailers (Source-sha256, Dialect-version, Corpusdiff-version);
    commits without them are hand corrections.
    """
    from corpusdiff.store import git as gitstore

    root = corpus_root(ctx)
    doc_id, _, up_to = doc_id.partition("@")
    entry = open_corpus(ctx).find(doc_id)
    repo = gitstore.open_repo(root)
    for revision in gitstore.history(repo, entry.path, up_to or "HEAD"):
        detail = ""
        if revision.trailers:
            detail = (
                f"  [source {revision.trailers.get('Source-sha256', '')[:12]}, "
                f"dialect {revision.trailers.get('Dialect-version', '?')}]"
            )
        click.echo(f"{revision.sha[:10]}  {revision.date}  {revision.kind:21}  {revision.subject}{detail}")


@click.command()
@click.argument("series")
@click.option(
    "--branch",
    help="Branch to write (default: history/SERIES); never the branch checked out, nor one whose "
    "commits history did not write.",
)
@click.pass_context
@handle_errors
def history(ctx: click.Context, series: str, branch: str | None) -> None:
    """Write a branch with one commit per edition of SERIES, dated by publication.

    Then `git log -p history/SERIES` and `git blame history/SERIES -- SERIES.md` show, line by
    line, in which edition each paragraph first appeared. Rebuilding gives the same commits.
    """
    from corpusdiff.workflow.history import build_history

    result = build_history(open_corpus(ctx, strict=True), series, branch)
    click.echo(
        f"{result.branch}: {counted(len(result.commits), 'edition')} of {result.path} ({result.commits[-1][:10]})"
    )
    click.echo(f"try: git blame {result.branch} -- {result.path}")

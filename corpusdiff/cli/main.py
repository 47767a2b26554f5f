"""The `corpusdiff` command line: a thin layer over the library."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from corpusdiff import __version__
from corpusdiff.errors import CorpusdiffError, CorpusError, InputError
from corpusdiff.strings import LANGUAGES, counted

if TYPE_CHECKING:
    from corpusdiff.parallel import Runner
    from corpusdiff.render.diff import Detail
    from corpusdiff.store.corpus import Corpus
    from corpusdiff.strings import Strings
    from corpusdiff.types.diff import DiffResult, Status
    from corpusdiff.types.document import Metadata, NormalizedDocument
    from corpusdiff.types.edition import Edition
    from corpusdiff.types.notes import ReviewerNote
    from corpusdiff.types.tree import DocTree

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"corpusdiff: error: {message}", err=True)
    sys.exit(code)


def handle_errors(command: F) -> F:
    """Turn known problems into one line on stderr and exit 2; unexpected ones into a hint."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return command(*args, **kwargs)
        except CorpusdiffError as exc:
            _fail(str(exc))
        except click.exceptions.ClickException:
            raise
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(130)
        except Exception as exc:
            damaged = _damaged_repository(ctx, exc)
            if damaged is not None:
                _fail(str(damaged))
            if ctx.find_root().obj and ctx.find_root().obj.get("debug"):
                raise
            _fail(f"internal error: {exc.__class__.__name__}: {exc} (rerun with --debug for the traceback)")

    return cast(F, wrapper)


def _damaged_repository(ctx: click.Context, exc: Exception) -> CorpusError | None:
    """A git failure that a damaged repository explains (objects deleted or corrupt): said so
    in one line, never as an internal error."""
    from corpusdiff.store import git as gitstore

    root = ctx.find_root().obj
    if not root or not gitstore.raised_by_git(exc):
        return None
    corpus = root["corpus"]
    return gitstore.damaged_repository(corpus if corpus.is_dir() else Path.cwd())


class OneLineErrors(click.Group):
    """The command group, its usage errors said in one line: click's own form (the usage, a
    hint and the error over four lines) breaks the rule every other error keeps (`_fail`):
    one line on stderr naming what is wrong and what to do, exit 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "corpusdiff"
            _fail(f"{exc.format_message().rstrip('.')}; see `{where} --help`", exc.exit_code)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            click.echo("corpusdiff: aborted", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corpusdiff")
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("corpus"),
    show_default=True,
    envvar="CORPUSDIFF_CORPUS",
    help="Corpus directory (canonical Markdown under git); also CORPUSDIFF_CORPUS.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks of unexpected errors.")
@click.pass_context
def main(ctx: click.Context, corpus_dir: Path, debug: bool) -> None:
    """Normalise yearly government reports into a versioned Markdown corpus and diff editions.

    \b
    Typical use:
      corpusdiff normalize report.txt          # canonical Markdown on stdout
      corpusdiff ingest seeds/*.txt            # add reports to ./corpus, one commit each
      corpusdiff list                          # what the corpus holds
      corpusdiff show futian/annual-plan/2022-01 --outline
      corpusdiff diff futian/annual-plan/2022-01 futian/annual-plan/2025-01 --summary
      corpusdiff diff OLD NEW -o 对照表.docx  # the 新旧对照表 as a Word table
      corpusdiff site build                    # the HTML site in site/build
    """
    from corpusdiff.store import cache

    cache.install()
    ctx.ensure_object(dict)
    ctx.obj["corpus"] = corpus_dir
    ctx.obj["debug"] = debug


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@click.option("--title", help="Override the detected title.")
@click.option("--date", help="Override the publication date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--genre", help="Override the genre (annual-plan, mid-year-report, …).")
@click.option("--region", help="Override the region (e.g. 福田区).")
@click.option("--series", help="Override the series id.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings.")
@click.pass_context
@handle_errors
def normalize(ctx: click.Context, file: Path, output: Path | None, quiet: bool, **fields: str | None) -> None:
    """Turn a raw report FILE into canonical Markdown (stdout, or -o OUT).

    FILE may be text in any common encoding (UTF-8, GB18030, UTF-16, with or without
    BOM), a portal's HTML page, a Word .docx, a PDF with a text layer, a CSV export with
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
        from corpusdiff.store.files import write_atomic

        write_atomic(output, text)
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

    overrides = manifest_overrides(_corpus_dir(ctx), file.name)
    overrides.update(fields)
    document = normalize_file(file, overrides)
    refuse_non_report(file.name, document, overrides)
    if not quiet:
        for warning in document.warnings:
            click.echo(f"corpusdiff: warning: {file.name}: {warning}", err=True)
    return document


def _corpus_dir(ctx: click.Context) -> Path:
    return ctx.find_root().obj["corpus"]


def _refuse_corpus_in_corpus(ctx: click.Context) -> None:
    """`ingest` run inside a corpus without --corpus would make the default ./corpus a second
    corpus within it, committed into the first's repository; say so instead."""
    from click.core import ParameterSource

    from corpusdiff.store.corpus import Corpus

    folder = _corpus_dir(ctx)
    if ctx.find_root().get_parameter_source("corpus_dir") is not ParameterSource.DEFAULT or folder.exists():
        return
    if Corpus(Path.cwd()).entries:
        raise InputError(
            f"the current folder is a corpus itself, and no {folder}/ is in it: give --corpus . to ingest "
            "into it (or run from the folder that holds the corpus)"
        )


def _corpus(ctx: click.Context, strict: bool = False) -> Corpus:
    """The command's corpus index: built once at the edge, read on first use, handed down. A
    document with broken front matter is left out with a warning, unless `strict` (a command
    that writes from the corpus stops instead)."""
    from corpusdiff.store.corpus import Corpus

    return Corpus(_corpus_dir(ctx), warn=None if strict else _warn)


def _refuse_missing_corpus(root: Path) -> None:
    """A corpus folder that does not exist is a mistyped --corpus or the wrong working folder:
    say so, rather than build an empty site or blame git."""
    if not root.is_dir():
        raise CorpusError(f"{root}: no corpus here; run `corpusdiff ingest FILE…` first, or give --corpus DIR")


def _warn(problem: str) -> None:
    """One warning line on stderr: the command goes on."""
    click.echo(f"corpusdiff: warning: {problem}", err=True)


def progress_counter(
    label: str, minimum: int = 2, quiet: bool = False
) -> Callable[[int], Callable[[int], None]]:
    """For library calls that report as `progress(total)` -> `done(n)`: a progress bar on stderr
    from `minimum` items, closed when all are done; none when stderr is no terminal (a log or a
    pipe would get its label alone, run into the next line)."""

    def start(total: int) -> Callable[[int], None]:
        if quiet or total < minimum or not sys.stderr.isatty():
            return lambda n: None
        bar = click.progressbar(length=total, label=label, file=sys.stderr)
        bar.render_progress()
        left = [total]

        def done(n: int) -> None:
            bar.update(n)
            left[0] -= n
            if left[0] <= 0:
                bar.render_finish()

        return done

    return start


def runner_options(command: F) -> F:
    """`--jobs` and `--scheduler` for batch commands (see corpusdiff.parallel)."""
    command = click.option(
        "--scheduler",
        envvar="CORPUSDIFF_SCHEDULER",
        default="",
        metavar="ADDRESS",
        help="Run the work on the Dask scheduler at ADDRESS (e.g. tcp://host:8786) instead of local processes.",
    )(command)
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes  [default: all cores; 1 = no pool].",
    )(command)


def language_option(command: F) -> F:
    """`--lang zh|en` for the commands that print a report: the language of its labels."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=None,
        help="Language of the report's labels and headings: zh or en  [default: `language:` of "
        "<corpus>/site.yaml, as for the site; else zh]. JSON and error messages are the same in both.",
    )(command)


def fit_option(command: F) -> F:
    """`--width COLUMNS` for the commands that print editions side by side: a grid of ten
    editions runs to hundreds of columns, and a terminal wraps every row of it."""
    return click.option(
        "--width",
        type=click.IntRange(min=0),
        metavar="COLUMNS",
        default=None,
        help="Terminal: fold the grid wider than this many columns into blocks of editions, one "
        "under the other beside the row labels; 0 not at all (default: the terminal's width "
        "when writing to one, else not folded).",
    )(command)


def _fit(width: int | None) -> int:
    """The columns a terminal grid may take: `--width`, else the terminal's when writing to one,
    else 0 (never folded: a file or a pipe gets the whole rows)."""
    import shutil

    if width is not None:
        return width
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else 0


#: The fewest characters --max-chars allows: the title, counts and the note on what was cut.
_MIN_CHARS = 2000


def max_chars_option(command: F) -> F:
    """`--max-chars N` for the Markdown reports, which are pasted where length is limited."""
    return click.option(
        "--max-chars",
        type=click.IntRange(min=_MIN_CHARS),
        metavar="N",
        default=None,
        help="Markdown: cut the report at a line to at most N characters, ending with a note of "
        "the lines and sections left out (65536 fits a GitHub pull-request body or comment).",
    )(command)


def _strings(ctx: click.Context, lang: str | None) -> Strings:
    """The labels of a report: in the --lang asked for, else in the corpus's site language."""
    from corpusdiff.site.common import site_language
    from corpusdiff.strings import catalogue

    return catalogue(lang or site_language(_corpus_dir(ctx)))


def _runner(jobs: int | None, scheduler: str) -> Runner:
    from corpusdiff.parallel import Runner

    return Runner(jobs=jobs, scheduler=scheduler)


def _given_fields(fields: dict[str, str | None]) -> dict[str, str]:
    """The metadata options the user gave, checked at the door (a date must be YYYY,
    YYYY-MM or YYYY-MM-DD naming a real day; no value may hold a control character)."""
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


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--title", help="Override the detected title (single FILE only).")
@click.option("--date", help="Override the publication date (single FILE only).")
@click.option("--genre", help="Override the genre (single FILE only).")
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
    from corpusdiff.store.corpus import SecondSource
    from corpusdiff.store.corpus import ingest as run_ingest

    if replace and as_new:
        raise InputError("--replace and --as-new contradict each other; give one")
    _refuse_corpus_in_corpus(ctx)
    second_source = SecondSource.REPLACE if replace else SecondSource.AS_NEW if as_new else SecondSource.REFUSE
    results = run_ingest(
        _corpus_dir(ctx),
        list(files),
        _given_fields(fields),
        force=force,
        progress=progress_counter("normalising", quiet=quiet),
        runner=_runner(jobs, scheduler),
        allow_detached=allow_detached,
        second_source=second_source,
    )
    for result in results:
        if not quiet:
            for warning in result.warnings:
                click.echo(f"corpusdiff: warning: {result.id}: {warning}", err=True)
            commit = f" ({result.commit[:10]})" if result.commit else ""
            click.echo(f"{result.action:9} {result.id}{commit}")


@main.command(name="list")
@click.option("--series", help="Only documents of this series.")
@click.pass_context
@handle_errors
def list_documents(ctx: click.Context, series: str | None) -> None:
    """List the corpus's documents: id, date, series and title."""
    corpus = _corpus(ctx)
    _refuse_missing_corpus(corpus.root)
    rows = [e for e in corpus.entries if not series or e.metadata.series == series]
    rows.sort(key=lambda e: (e.metadata.series, e.metadata.date, e.id))
    width = max((len(e.id) for e in rows), default=2)
    series_width = max((len(e.metadata.series) for e in rows), default=2)
    for entry in rows:
        meta = entry.metadata
        click.echo(f"{entry.id:<{width}}  {meta.date:<10}  {meta.series:<{series_width}}  {meta.title}")
    if not rows:
        click.echo("no documents", err=True)


@main.command()
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
    from corpusdiff.store.resolve import load_document
    from corpusdiff.text.chars import visible_controls

    corpus = _corpus(ctx)
    if Path(doc_id).is_file():
        document = _normalized_file(ctx, Path(doc_id), {}, quiet=False)
        text = render(document)
    elif "@" in doc_id:
        document = load_document(doc_id, corpus)
        stored = replace(document.metadata, id=doc_id.rsplit("@", 1)[0])  # as the revision holds it
        document = replace(document, metadata=stored)
        text = render(document)
    elif not outline:  # as stored, but for control characters, which a terminal would obey
        click.echo(visible_controls(corpus.find(doc_id).path.read_text(encoding="utf-8")), nl=False)
        return
    else:
        document = read_document(corpus, doc_id)
    if not outline:
        click.echo(text, nl=False)
        return
    for level, heading in outline_of(document):
        click.echo(f"{'  ' * (level - 1)}{heading}")


_TERM_STATUSES = {"new": "new-in-latest", "dropped": "dropped", "steady": "steady", "all": None}
_TERMINAL_TERM_LIMIT = 40


def table_format_option(help_text: str) -> Callable[[F], F]:
    """`-f terminal|json|csv` for the commands whose output is a table."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(("terminal", "json", "csv")),
        default="terminal",
        show_default=True,
        help=help_text,
    )


@main.command(name="terms")
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
    from corpusdiff.series import terms

    for option, given in (("--term", text), ("--edition", edition)):
        if given is not None and not given.strip():
            raise InputError(f"{option} is empty (an unset shell variable?); give a value or leave the option out")
    corpus = _corpus(ctx)
    sources = _term_sources(corpus, docs, series)
    index = terms.index_editions(
        sources, min_total=1 if text else min_count, stopwords=corpus.vocabulary.stopwords
    )
    ranked_in = terms.edition_id(index, edition) if edition and not text else None
    _warn_mixed_editions([tree.metadata for _, tree in sources], "terms")
    if text:
        found = terms.look_up(index, text, sources)
        if fmt == "json":
            click.echo(jsontext.dumps(terms.lookup_json(index, found)))
        elif fmt == "csv":
            click.echo(terms.index_csv(index, found.rows()), nl=False)
        else:
            click.echo(terms.lookup_terminal(index, found, _strings(ctx, lang)), nl=False)
        return
    if limit is None and fmt == "terminal":
        limit = _TERMINAL_TERM_LIMIT
    chosen = index.select(_TERM_STATUSES[status], order, ranked_in)
    shown = chosen[:limit] if limit else chosen
    if fmt == "json":
        click.echo(jsontext.dumps(terms.index_json(index, shown, order, ranked_in)))
    elif fmt == "csv":
        click.echo(terms.index_csv(index, shown, ranked_in), nl=False)
    else:
        strings = _strings(ctx, lang)
        hidden = len(chosen) - len(shown)
        click.echo(terms.index_terminal(index, shown, hidden, ranked_in, strings, _fit(width)), nl=False)


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
        _refuse_missing_corpus(corpus.root)
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


_FORMATS = ("terminal", "json", "markdown")


def format_option(json_help: str) -> Callable[[F], F]:
    """`-f terminal|json|markdown`; `json_help` says what the command's JSON holds (only a
    diff follows docs/diff-schema.json, so each command says which part of its JSON does)."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(_FORMATS),
        default="terminal",
        show_default=True,
        help=f"terminal text (labels and colour), json ({json_help}), or markdown "
        "(ready to paste into a pull request or a memo).",
    )


#: The diff's formats; the last three are the 新旧对照表 (render/table.py).
_DIFF_FORMATS = ("terminal", "json", "markdown", "csv", "docx", "xlsx")
#: The diff's formats that carry the reviewer notes of the pair.
_NOTED_FORMATS = ("json", "markdown")
#: Formats that are files, never text on a terminal.
_FILE_FORMATS = {"docx": "a Word", "xlsx": "an Excel"}
#: The format an -o file's name asks for when --format is not given.
_SUFFIX_FORMATS = {".json": "json", ".md": "markdown", ".csv": "csv", ".docx": "docx", ".xlsx": "xlsx"}
#: The extension of each format's files (terminal text: .txt).
_FORMAT_SUFFIXES = {name: suffix for suffix, name in _SUFFIX_FORMATS.items()}
#: Extensions of documents diff does not write: `-o changes.pdf` is refused rather than given
#: terminal text under a PDF's name.
_UNWRITTEN_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".doc", ".xls", ".odt", ".ods", ".rtf", ".pptx"})


@main.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(_DIFF_FORMATS),
    default=None,
    help="terminal text (labels and colour; the default), json (schema: docs/diff-schema.json), "
    "markdown (ready to paste into a pull request or a memo), or the 新旧对照表 (every unit of "
    "both editions, numbered, by section, with a 修改说明) as csv, docx (a Word table) or xlsx "
    "(an Excel sheet); docx and xlsx need -o. Default: from the -o file's extension, else terminal; "
    "an -o extension of another format is refused.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE instead of standard output (terminal text without colour; a CSV file "
    "gets a byte-order mark so that Excel reads it as UTF-8).",
)
@click.option(
    "--summary",
    is_flag=True,
    help="Terminal: only the counts and the new and dropped initiatives by name, part by part. "
    "Markdown: the report without the sentences added or removed inside continuing initiatives "
    "and the 新旧对照 table (a national pair's then fits a pull-request comment).",
)
@max_chars_option
@click.option(
    "--level",
    type=click.Choice(("task", "unit", "sentence")),
    default="sentence",
    show_default=True,
    help="Terminal: list only numbered tasks and （一） groups (task), every initiative unit "
    "(unit), or also the sentences added or removed inside continuing units (sentence).",
)
@click.option(
    "--only",
    help="Terminal: comma-separated classes to list: new,dropped,reworded,moved,recurring "
    "(with --summary: of new and dropped, those named).",
)
@click.option(
    "--sure",
    is_flag=True,
    help="Terminal: leave out the calls of new and dropped the differ doubts (a unit of the other "
    "edition may continue them; shown with 把握低 or ?) and say how many, so that what is listed "
    "can be quoted.",
)
@click.option(
    "--section",
    "focus",
    metavar="TEXT",
    help="Only the sections whose heading (with its numbering) or an ancestor's contains TEXT, "
    "in every format, counts included.",
)
@click.option(
    "--width",
    type=click.IntRange(min=0),
    metavar="COLUMNS",
    default=None,
    help="Terminal: wrap lines to this many columns, 0 not at all "
    "(default: the terminal's width when writing to one, else not wrapped).",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Force colour on or off (default: on for a terminal, off when NO_COLOR is set).",
)
@click.option(
    "--pager/--no-pager", default=None, help="Page long terminal output (default: when interactive)."
)
@language_option
@click.pass_context
@handle_errors
def diff(
    ctx: click.Context,
    old: str,
    new: str,
    fmt: str | None,
    output: Path | None,
    summary: bool,
    max_chars: int | None,
    level: str,
    only: str | None,
    sure: bool,
    focus: str | None,
    width: int | None,
    color: bool | None,
    pager: bool | None,
    lang: str | None,
) -> None:
    """Compare two editions section by section: what is new, dropped, reworded, moved.

    OLD and NEW are each a corpus document id (futian/annual-plan/2022-01), ID@REV for the
    document at a git revision, a canonical Markdown file, or a raw report (normalised on
    the fly). Reviewer overrides in <corpus>/alignments/<old>__<new>.yaml pin or forbid
    section pairings. See docs/diff-output.md. Exit status: 0 no differences, 1 differences,
    2 trouble.
    """
    from corpusdiff.render.diff import CLASSES, Detail, in_sections
    from corpusdiff.series.editions import diff_warning
    from corpusdiff.store.diffs import cached_compare
    from corpusdiff.store.resolve import load_side
    from corpusdiff.types.diff import Status

    if output:
        _check_output_name(output, fmt)
    fmt = fmt or (_SUFFIX_FORMATS.get(output.suffix.lower(), "terminal") if output else "terminal")
    named = [c.strip() for c in only.split(",")] if only else []
    unknown = sorted(set(named) - set(CLASSES))
    if unknown:
        raise click.BadParameter(
            f"unknown class {', '.join(unknown)}; use {', '.join(CLASSES)}", param_hint="--only"
        )
    wanted = [Status(name) for name in named] or None
    if fmt in _FILE_FORMATS and output is None:
        raise InputError(f"--format {fmt} writes {_FILE_FORMATS[fmt]} file, not text: give -o FILE.{fmt}")
    if summary and fmt not in ("terminal", "markdown"):
        raise InputError(f"--summary is a terminal or Markdown view; --format {fmt} has the counts in its own form")
    if max_chars and fmt != "markdown":
        raise InputError(f"--max-chars cuts a Markdown report; --format {fmt} is not cut: use --format markdown")
    if sure and fmt != "terminal":
        raise InputError(f"--sure is a terminal view; --format {fmt} marks each doubtful call instead")
    _refuse_unused_listing_options(ctx, fmt, summary, bool(named))
    corpus = _corpus(ctx)
    old_side, new_side = load_side(old, corpus), load_side(new, corpus)
    same_text = old_side.tree.units == new_side.tree.units
    mismatch = diff_warning(old_side.tree.metadata, new_side.tree.metadata, same_text)
    if mismatch:
        click.echo(f"corpusdiff: warning: {mismatch}", err=True)
    overrides = corpus.overrides(old_side.doc_id, new_side.doc_id)
    result = cached_compare(old_side.tree, new_side.tree, overrides, corpus.vocabulary.stopwords)
    if focus:
        found = in_sections(result, focus)
        if found is None:
            raise InputError(
                f"--section {focus!r}: no heading of either edition contains it; "
                f"see the headings with `corpusdiff show {old_side.doc_id or old} --outline`"
            )
        result = found
    strings = _strings(ctx, lang) if fmt != "json" else None
    if fmt == "terminal":
        view = _TerminalView(wanted, summary, Detail(level), sure)
        _diff_terminal(result, output, view, width, color, pager, strings)
    else:
        from corpusdiff.store.notes import load_notes

        notes = load_notes(corpus.root, old_side.doc_id, new_side.doc_id) if fmt in _NOTED_FORMATS else ()
        _diff_report(result, fmt, output, notes, strings, _MarkdownView(summary, max_chars))
    sys.exit(1 if result.has_changes() else 0)


def _refuse_unused_listing_options(ctx: click.Context, fmt: str, summary: bool, only: bool) -> None:
    """--only and --level choose what the terminal listing shows; where they would be ignored
    (another format; --level with the summary, which lists no detail) say so rather than
    hand back a report the user believes is filtered."""
    from click.core import ParameterSource

    level = ctx.get_parameter_source("level") is not ParameterSource.DEFAULT
    if (only or level) and fmt != "terminal":
        option = "--only" if only else "--level"
        raise InputError(
            f"{option} chooses what the terminal lists; --format {fmt} has every class and level "
            "(filter its status or 类别 instead)"
        )
    if level and summary:
        raise InputError("--level chooses the detail of the full listing; --summary lists initiatives by name only")


def _check_output_name(output: Path, fmt: str | None) -> None:
    """Refuse an -o name whose extension promises another format than the one written: a
    Word file named x.xlsx, terminal text named changes.pdf, JSON named x.md."""
    suffix = output.suffix.lower()
    if not fmt and suffix in _UNWRITTEN_SUFFIXES:
        raise InputError(
            f"-o {output.name}: diff does not write {output.suffix} files; end the name in "
            f"{', '.join(_SUFFIX_FORMATS)} or .txt (terminal text), or choose with --format"
        )
    named = _SUFFIX_FORMATS.get(suffix)
    if fmt and (suffix in _UNWRITTEN_SUFFIXES or (named and named != fmt)):
        fix = f"choose --format {named} or " if named else ""
        raise InputError(
            f"-o {output.name}: --format {fmt} does not write a {output.suffix} file; "
            f"{fix}end the name in {_FORMAT_SUFFIXES.get(fmt, '.txt')}"
        )


@dataclass(frozen=True)
class _TerminalView:
    """What the terminal views of `diff` list: classes, the summary or the list, the detail,
    and whether doubtful calls are left out."""

    wanted: list[Status] | None
    summary: bool
    detail: Detail
    sure: bool


def _diff_terminal(
    result: DiffResult,
    output: Path | None,
    view: _TerminalView,
    width: int | None,
    color: bool | None,
    pager: bool | None,
    strings: Strings | None = None,
) -> None:
    """The terminal views: wrapped to the terminal, coloured and paged when it is one."""
    import os
    import shutil

    from corpusdiff.render.diff import to_summary, to_terminal

    interactive = output is None and sys.stdout.isatty()
    if width is None:
        width = shutil.get_terminal_size().columns if interactive else 0
    use_color = output is None and (
        color if color is not None else interactive and not os.environ.get("NO_COLOR")
    )
    if view.summary:
        text = to_summary(result, view.wanted, color=use_color, width=width, strings=strings, sure=view.sure)
    else:
        text = to_terminal(
            result, view.wanted, color=use_color, detail=view.detail, width=width, strings=strings, sure=view.sure
        )
    if output is not None:
        _write(output, text)
    elif pager if pager is not None else (interactive and text.count("\n") > 60):
        click.echo_via_pager(text, color=use_color)
    else:
        click.echo(text, nl=False, color=use_color)


@dataclass(frozen=True)
class _MarkdownView:
    """How short the Markdown report is: the summary, and a limit in characters."""

    summary: bool = False
    max_chars: int | None = None


def _diff_report(
    result: DiffResult,
    fmt: str,
    output: Path | None,
    notes: Sequence[ReviewerNote] = (),
    strings: Strings | None = None,
    view: _MarkdownView = _MarkdownView(),
) -> None:
    """JSON or Markdown (with the reviewer notes) or the 新旧对照表, to standard output or the -o
    file (a CSV file with a byte-order mark, which Excel needs to read it as UTF-8)."""
    content = _report(result, fmt, notes, strings, view)
    if output is None:
        click.echo(content, nl=False)
    else:
        _write(output, "\ufeff" + content if fmt == "csv" and isinstance(content, str) else content)


def _report(
    result: DiffResult,
    fmt: str,
    notes: Sequence[ReviewerNote] = (),
    strings: Strings | None = None,
    view: _MarkdownView = _MarkdownView(),
) -> str | bytes:
    from corpusdiff.render import jsontext
    from corpusdiff.render.diff import to_json, to_markdown, within_limit

    if fmt == "json":
        return jsontext.dumps(to_json(result, notes)) + "\n"
    if fmt == "markdown":
        report = to_markdown(result, notes, strings, summary=view.summary)
        return within_limit(report, view.max_chars, strings) if view.max_chars else report
    from corpusdiff.render import export
    from corpusdiff.render.table import comparison_table

    table = comparison_table(result)
    writer = export.to_csv if fmt == "csv" else export.to_docx if fmt == "docx" else export.to_xlsx
    return writer(table, strings)


def _write(output: Path, content: str | bytes) -> None:
    """Write the -o file atomically; a path that cannot be written is one line, exit 2."""
    from corpusdiff.store.files import write_atomic, write_bytes_atomic

    try:
        if isinstance(content, bytes):
            write_bytes_atomic(output, content)
        else:
            write_atomic(output, content)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from exc


@main.command()
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
    corpus = _corpus(ctx)
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
    diffs = tl.pairwise_diffs(trees, pairs, overrides, _runner(jobs, scheduler), done, job)
    result = tl.select(tl.build_timeline(trees, diffs), tl.LEVELS if level == "all" else (level,))
    if focus:
        result = tl.matching(result, focus.strip())
        if not result.threads and not result.programmes:
            _warn(f"no thread or programme mentions {focus.strip()!r}; `corpusdiff terms --term` counts a word")
    if fmt == "json":
        click.echo(jsontext.dumps(to_json(result)))
    else:
        strings = _strings(ctx, lang)
        _echo_long(
            to_markdown(result, strings)
            if fmt == "markdown"
            else to_terminal(result, strings=strings, fit=_fit(width))
        )


def _echo_long(text: str) -> None:
    """Print, through a pager when interactive and long."""
    if sys.stdout.isatty() and text.count("\n") > 60:
        click.echo_via_pager(text)
    else:
        click.echo(text, nl=False)


@main.command(name="trace")
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

    corpus = _corpus(ctx)
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
        strings = _strings(ctx, lang)
        _echo_long(
            render.to_markdown(result, strings)
            if fmt == "markdown"
            else render.to_terminal(result, passages, strings=strings)
        )


@main.command(name="indicators")
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
    from corpusdiff.render import jsontext
    from corpusdiff.series import indicators
    from corpusdiff.store.resolve import edition_specs, load_editions

    corpus = _corpus(ctx)
    specs = edition_specs(corpus, docs, series)
    if not specs:
        raise click.UsageError("give the editions (DOC... or --series NAME)")
    editions = load_editions(corpus, specs, documents=True)
    _warn_mixed_editions([e.document.metadata for e in editions], "the table")
    found = [indicators.extract_indicators(e.document) for e in editions]
    for each in found:
        if not each.found:
            click.echo(f"corpusdiff: warning: {each.doc_id}: no indicator list or table found", err=True)
    table = indicators.indicator_table(
        indicators.select_role(found, role), corpus.vocabulary.indicator_aliases
    )
    if fmt == "json":
        click.echo(jsontext.dumps(indicators.to_json(table)))
    elif fmt == "csv":
        click.echo(indicators.to_csv(table), nl=False)
    else:
        click.echo(indicators.render_terminal(table, _strings(ctx, lang), _fit(width)), nl=False)


@main.command()
@click.pass_context
@handle_errors
def check(ctx: click.Context) -> None:
    """Check the corpus: canonical text, valid front matter, sources present with the recorded
    sha256, unique ids, alignment overrides naming existing documents; and what an interrupted
    ingest left (files never committed, temporaries) and symlinks leaving the corpus.

    Prints one line per problem (`path: problem`) and exits 1 when there is any, 0 otherwise.
    Made for CI and pre-commit (see .pre-commit-hooks.yaml).
    """
    from corpusdiff.workflow.check import check_corpus

    root = _corpus_dir(ctx)
    if not root.is_dir():
        raise CorpusError(f"{root}: no such folder, so no corpus here; give --corpus DIR")
    problems = check_corpus(root)
    for problem in problems:
        click.echo(f"{problem.path}: {problem.message}")
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo("corpus ok", err=True)


@main.command()
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

    root = _corpus_dir(ctx)
    doc_id, _, up_to = doc_id.partition("@")
    entry = _corpus(ctx).find(doc_id)
    repo = gitstore.open_repo(root)
    for revision in gitstore.history(repo, entry.path, up_to or "HEAD"):
        detail = ""
        if revision.trailers:
            detail = (
                f"  [source {revision.trailers.get('Source-sha256', '')[:12]}, "
                f"dialect {revision.trailers.get('Dialect-version', '?')}]"
            )
        click.echo(f"{revision.sha[:10]}  {revision.date}  {revision.kind:21}  {revision.subject}{detail}")


@main.command()
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

    result = build_history(_corpus(ctx, strict=True), series, branch)
    click.echo(
        f"{result.branch}: {counted(len(result.commits), 'edition')} of {result.path} ({result.commits[-1][:10]})"
    )
    click.echo(f"try: git blame {result.branch} -- {result.path}")


@main.group(name="git")
def git_group() -> None:
    """Register corpusdiff as git's diff driver for corpus documents.

    After `corpusdiff git install`, `git diff` on corpus files shows the section-aligned view;
    `git log -p --ext-diff` and `git show --ext-diff` do too (git runs external drivers in
    log and show only when asked). `--no-ext-diff` shows the plain line diff.
    """


@git_group.command(name="install")
@click.pass_context
@handle_errors
def git_install(ctx: click.Context) -> None:
    """Add the diff attribute to .gitattributes and the driver to the repository's config."""
    from corpusdiff.workflow.gitdriver import install

    path = install(_corpus_dir(ctx))
    click.echo(f'installed: {path} and .git/config [diff "corpusdiff"]; commit .gitattributes to share it')


@git_group.command(name="uninstall")
@click.pass_context
@handle_errors
def git_uninstall(ctx: click.Context) -> None:
    """Remove what `git install` added."""
    from corpusdiff.workflow.gitdriver import uninstall

    uninstall(_corpus_dir(ctx))
    click.echo("uninstalled")


@git_group.command(name="diff-driver", hidden=True)
@click.argument("args", nargs=-1)
@click.pass_context
@handle_errors
def git_diff_driver(ctx: click.Context, args: tuple[str, ...]) -> None:
    """Called by git: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE."""
    from corpusdiff.workflow.gitdriver import driver_text

    if len(args) < 5:
        raise InputError(
            f"git passes a diff driver 7 arguments (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX "
            f"NEW-MODE), not {len(args)}; `git diff` runs it after `corpusdiff git install`"
        )
    click.echo(driver_text(args[0], args[1], args[4], _corpus_dir(ctx)), nl=False)


@main.command()
@click.argument("range_spec", metavar="[RANGE]", required=False)
@format_option(
    "a list of {id, change, against, diff, notes}; each `diff` follows docs/diff-schema.json"
)
@click.option(
    "--summary",
    is_flag=True,
    help="Markdown: each diff without the sentences added or removed inside continuing "
    "initiatives and the 新旧对照 table.",
)
@max_chars_option
@runner_options
@language_option
@click.pass_context
@handle_errors
def review(
    ctx: click.Context,
    range_spec: str | None,
    fmt: str,
    summary: bool,
    max_chars: int | None,
    jobs: int | None,
    scheduler: str,
    lang: str | None,
) -> None:
    """Review corpus changes in RANGE (default: this branch against its upstream or main).

    A newly ingested report is compared with the previous edition of the same kind in its series
    (an annual plan with the annual plan before it, never with a mid-year report), and the edition
    after it, when there is one already, with it (2019 ingested after 2021: 2021 now follows
    2019; so after a deleted edition); a changed document (normalisation fix, hand correction) with its own revision at the range's base,
    naming the front-matter fields it changed; a document moved (`git mv`) with its text before,
    as one rename. RANGE is A..B, or A alone for A..HEAD.
    Reviewer notes on a pair (<corpus>/notes/<old>__<new>.yaml) are shown with its diff, as
    committed at the head of RANGE (not as the working tree has them).
    The comparisons run on all cores (--jobs) or on a Dask cluster (--scheduler).
    """
    from corpusdiff.render import jsontext
    from corpusdiff.render import review as render
    from corpusdiff.render.diff import within_limit
    from corpusdiff.workflow.review import committed_notes
    from corpusdiff.workflow.review import review as run_review

    if (summary or max_chars) and fmt != "markdown":
        raise InputError("--summary and --max-chars shorten the Markdown review: add --format markdown")
    _refuse_missing_corpus(_corpus_dir(ctx))
    items = run_review(
        _corpus_dir(ctx), range_spec, _runner(jobs, scheduler), progress_counter("comparing", minimum=4)
    )
    notes = render.notes_of(items, committed_notes(_corpus_dir(ctx), range_spec))
    if fmt == "json":
        click.echo(jsontext.dumps(render.to_json(items, notes)))
    elif fmt == "markdown":
        report = render.to_markdown(items, notes, _strings(ctx, lang), summary=summary)
        click.echo(within_limit(report, max_chars, _strings(ctx, lang)) if max_chars else report, nl=False)
    else:
        click.echo(render.to_terminal(items, notes, _strings(ctx, lang)), nl=False)


site_out_option = click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site/build"),
    show_default=True,
    help="The site directory.",
)


@main.group(name="site")
def site_group() -> None:
    """Build or preview the static HTML site (index, documents, diffs, programmes, search)."""


class PairsReach(click.ParamType):
    """`--pairs N` (editions at most N apart) or `--pairs all`."""

    name = "N|all"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int | None:
        if value is None or isinstance(value, int):
            return value
        if str(value).lower() == "all":
            return None
        if str(value).isdigit() and int(value) >= 1:
            return int(value)
        self.fail(f"{value!r}: give a number of editions (1, 2, …) or `all`", param, ctx)


@site_group.command(name="build")
@site_out_option
@click.option(
    "--pairs",
    "reach",
    type=PairsReach(),
    default="2",
    show_default=True,
    help="Which pairs of editions of a series get a diff page: editions at most N apart (1: "
    "consecutive ones; 2: also the one after), or all pairs (`all`, for a small series). The "
    "pair picker reaches the pairs built; pairs listed in site.yaml are always built.",
)
@runner_options
@click.pass_context
@handle_errors
def site_build(ctx: click.Context, out: Path, reach: int | None, jobs: int | None, scheduler: str) -> None:
    """Build the site into OUT; open OUT/index.html from disk.

    Pages whose inputs (documents, reviewer overrides and notes, corpusdiff itself) have not
    changed since the last build are neither rendered nor rewritten; the rest are rendered on
    all cores (--jobs) or on a Dask cluster (--scheduler). Files of documents the corpus no
    longer has are removed; files you added to OUT yourself stay. OUT must not be inside the
    corpus. Raw sources are published only when they are inside the corpus's repository and
    match their sha256: text as .txt, PDF and Word files as downloads. The interface is in
    Chinese; `language: en` in <corpus>/site.yaml makes it English (docs/site.md).
    """
    from corpusdiff.site.build import build_site

    _refuse_missing_corpus(_corpus_dir(ctx))
    report = build_site(
        _corpus_dir(ctx),
        out,
        progress=progress_counter("building site", minimum=20),
        runner=_runner(jobs, scheduler),
        reach=reach,
    )
    for warning in report.warnings:
        click.echo(f"corpusdiff: warning: {warning}", err=True)
    removed = f", {len(report.removed)} removed" if report.removed else ""
    click.echo(
        f"{report.pages} files: {len(report.written)} written, {len(report.unchanged)} unchanged{removed}, "
        f"in {report.seconds:.1f} s"
    )
    click.echo(f"open {(out / 'index.html').resolve().as_uri()}  (or: corpusdiff site serve --out {out})")


@site_group.command(name="serve")
@site_out_option
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free one).",
)
@handle_errors
def site_serve(out: Path, port: int) -> None:
    """Preview the built site on http://127.0.0.1:PORT/ (Ctrl-C to stop).

    Raw sources are sent as a static host with the site's _headers file sends them: binary
    formats as downloads, nothing type-sniffed (docs/security.md).
    """
    from corpusdiff.site.serve import preview_server

    if not (out / "index.html").is_file():
        raise CorpusError(f"{out}: no built site; run `corpusdiff site build --out {out}` first")
    with preview_server(out, port) as server:
        click.echo(f"serving {out} on http://127.0.0.1:{server.server_port}/")
        server.serve_forever()

"""What every command shares: errors said in one line, the corpus it works on, and the options
several commands take (jobs, language, width, formats)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from corpusdiff.errors import CorpusdiffError, CorpusError
from corpusdiff.strings import LANGUAGES

if TYPE_CHECKING:
    from corpusdiff.parallel import Runner
    from corpusdiff.store.corpus import Corpus
    from corpusdiff.strings import Strings

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 2) -> None:
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
            fail(str(exc))
        except click.exceptions.ClickException:
            raise
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(130)
        except Exception as exc:
            damaged = _damaged_repository(ctx, exc)
            if damaged is not None:
                fail(str(damaged))
            if ctx.find_root().obj and ctx.find_root().obj.get("debug"):
                raise
            fail(f"internal error: {exc.__class__.__name__}: {exc} (rerun with --debug for the traceback)")

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


def corpus_root(ctx: click.Context) -> Path:
    return ctx.find_root().obj["corpus"]


def open_corpus(ctx: click.Context, strict: bool = False) -> Corpus:
    """The command's corpus index: built once at the edge, read on first use, handed down. A
    document with broken front matter is left out with a warning, unless `strict` (a command
    that writes from the corpus stops instead)."""
    from corpusdiff.store.corpus import Corpus

    return Corpus(corpus_root(ctx), warn=None if strict else warn)


def refuse_missing_corpus(root: Path) -> None:
    """A corpus folder that does not exist is a mistyped --corpus or the wrong working folder:
    say so, rather than build an empty site or blame git."""
    if not root.is_dir():
        raise CorpusError(f"{root}: no corpus here; run `corpusdiff ingest FILE…` first, or give --corpus DIR")


def warn(problem: str) -> None:
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


def fit_width(width: int | None) -> int:
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


def strings_for(ctx: click.Context, lang: str | None) -> Strings:
    """The labels of a report: in the --lang asked for, else in the corpus's site language."""
    from corpusdiff.site.common import site_language
    from corpusdiff.strings import catalogue

    return catalogue(lang or site_language(corpus_root(ctx)))


def runner_for(jobs: int | None, scheduler: str) -> Runner:
    from corpusdiff.parallel import Runner

    return Runner(jobs=jobs, scheduler=scheduler)


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


def echo_long(text: str) -> None:
    """Print, through a pager when interactive and long."""
    if sys.stdout.isatty() and text.count("\n") > 60:
        click.echo_via_pager(text)
    else:
        click.echo(text, nl=False)


def write_output(output: Path, content: str | bytes) -> None:
    """Write an -o file atomically; what the system refuses (a folder on the way that is a file,
    a read-only folder, a full disk) is one line, exit 2, never an internal error."""
    from corpusdiff.store.diskerrors import disk_error
    from corpusdiff.store.files import write_atomic, write_bytes_atomic

    try:
        if isinstance(content, bytes):
            write_bytes_atomic(output, content)
        else:
            write_atomic(output, content)
    except OSError as exc:
        raise disk_error(exc, output, where="its folder", instead="give another -o") from None

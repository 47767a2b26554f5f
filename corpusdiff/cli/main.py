"""The `corpusdiff` command line: a thin layer over the library.

The group is here; each command lives in the module of its kind (documents, diff, series,
gitflow, site), with what they share in `common`, and is imported when it runs."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from corpusdiff import __version__
from corpusdiff.cli.common import fail

#: Every command: its module in this package and its function there.
COMMANDS = {
    "normalize": "documents:normalize",
    "ingest": "documents:ingest",
    "list": "documents:list_documents",
    "show": "documents:show",
    "check": "documents:check",
    "log": "documents:log",
    "history": "documents:history",
    "diff": "diff:diff",
    "terms": "series:terms_command",
    "timeline": "series:timeline",
    "trace": "series:trace_command",
    "indicators": "series:indicators_command",
    "review": "gitflow:review",
    "git": "gitflow:git_group",
    "site": "site:site_group",
}


#: Stands for a hyphen while click wraps help text (one column wide, as a hyphen is).
_UNBREAKABLE_HYPHEN = "\u2011"


class HyphenSafeFormatter(click.HelpFormatter):
    """click's help formatter, never breaking a line at a hyphen: textwrap does, and an option
    (`--as-` / `new`), a path (`docs/diff-` / `output.md`) or a genre (`five-` / `year-plan`)
    then reads as two words, neither of them one a user can type."""

    def write_text(self, text: str) -> None:
        self._unbroken(lambda: super(HyphenSafeFormatter, self).write_text(_hold(text)))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        held = [(first, _hold(second)) for first, second in rows]
        self._unbroken(lambda: super(HyphenSafeFormatter, self).write_dl(held, col_max, col_spacing))

    def _unbroken(self, write: Callable[[], None]) -> None:
        start = len(self.buffer)
        write()
        self.buffer[start:] = [part.replace(_UNBREAKABLE_HYPHEN, "-") for part in self.buffer[start:]]


def _hold(text: str) -> str:
    return text.replace("-", _UNBREAKABLE_HYPHEN)


class HelpContext(click.Context):
    """The context of every corpusdiff command: its help is formatted by HyphenSafeFormatter."""

    formatter_class = HyphenSafeFormatter


def _with_help_context(command: click.Command) -> click.Command:
    """`command`, and a group's commands, formatting their help with HyphenSafeFormatter."""
    command.context_class = HelpContext
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _with_help_context(sub)
    return command


class OneLineErrors(click.Group):
    """The command group, its usage errors said in one line: click's own form (the usage, a
    hint and the error over four lines) breaks the rule every other error keeps (`fail`):
    one line on stderr naming what is wrong and what to do, exit 2."""

    context_class = HelpContext

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "corpusdiff"
            fail(f"{exc.format_message().rstrip('.')}; see `{where} --help`", exc.exit_code)
        except click.ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            click.echo("corpusdiff: aborted", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A command from its module, imported now: a cold `diff` loads neither the series views
        nor the site (help loads them all, to list them)."""
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module, name = COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(f"corpusdiff.cli.{module}"), name)
        assert isinstance(command, click.Command)
        return _with_help_context(command)


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

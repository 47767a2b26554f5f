"""`corpusdiff diff`: two editions compared, in the terminal or as JSON, Markdown, CSV, Word or
Excel."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from corpusdiff.cli.common import (
    handle_errors,
    language_option,
    max_chars_option,
    open_corpus,
    strings_for,
    write_output,
)
from corpusdiff.errors import InputError

if TYPE_CHECKING:
    from corpusdiff.render.diff_terminal import Detail
    from corpusdiff.strings import Strings
    from corpusdiff.types.diff import DiffResult
    from corpusdiff.types.notes import ReviewerNote


#: The diff's formats; the last three are the 新旧对照表 (render/table.py).
_DIFF_FORMATS = ("terminal", "json", "markdown", "csv", "docx", "xlsx", "alignments")


#: The diff's formats that carry the reviewer notes of the pair.
_NOTED_FORMATS = ("json", "markdown")


#: Formats that are files, never text on a terminal.
_FILE_FORMATS = {"docx": "a Word", "xlsx": "an Excel"}


#: The format an -o file's name asks for when --format is not given.
_SUFFIX_FORMATS = {
    ".json": "json",
    ".md": "markdown",
    ".csv": "csv",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".yaml": "alignments",
}


#: The extension of each format's files (terminal text: .txt).
_FORMAT_SUFFIXES = {name: suffix for suffix, name in _SUFFIX_FORMATS.items()}


#: Extensions of documents diff does not write: `-o changes.pdf` is refused rather than given
#: terminal text under a PDF's name.
_UNWRITTEN_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".doc", ".xls", ".odt", ".ods", ".rtf", ".pptx"})


@click.command()
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
    "(an Excel sheet); docx and xlsx need -o; or alignments, the calls of new and dropped the "
    "differ doubts as a reviewer's overrides file to complete (YAML, every entry commented out). "
    "Default: from the -o file's extension, else terminal; an -o extension of another format is refused.",
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
    help="Terminal: comma-separated classes to list: new,dropped,reworded,moved,recurring, and "
    "merged,split for the extra pairs of merges and splits (with --summary: of new and dropped, "
    "those named).",
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
    pairs of sections or initiatives (marked （已审定）). See docs/diff-output.md. Exit status:
    0 no differences, 1 differences, 2 trouble.
    """
    from corpusdiff.render.diff import SELECTABLE, in_sections
    from corpusdiff.render.diff_terminal import Detail
    from corpusdiff.series.editions import diff_warning
    from corpusdiff.store.diffs import cached_compare
    from corpusdiff.store.resolve import load_side

    if output:
        _check_output_name(output, fmt)
    fmt = fmt or (_SUFFIX_FORMATS.get(output.suffix.lower(), "terminal") if output else "terminal")
    named = [c.strip() for c in only.split(",")] if only else []
    unknown = sorted(set(named) - set(SELECTABLE))
    if unknown:
        raise click.BadParameter(
            f"unknown class {', '.join(unknown)}; use {', '.join(SELECTABLE)}", param_hint="--only"
        )
    wanted = named or None
    if fmt in _FILE_FORMATS and output is None:
        raise InputError(f"--format {fmt} writes {_FILE_FORMATS[fmt]} file, not text: give -o FILE.{fmt}")
    if summary and fmt not in ("terminal", "markdown"):
        raise InputError(f"--summary is a terminal or Markdown view; --format {fmt} has the counts in its own form")
    if max_chars and fmt != "markdown":
        raise InputError(f"--max-chars cuts a Markdown report; --format {fmt} is not cut: use --format markdown")
    if sure and fmt != "terminal":
        raise InputError(f"--sure is a terminal view; --format {fmt} marks each doubtful call instead")
    _refuse_unused_listing_options(ctx, fmt, summary, bool(named))
    corpus = open_corpus(ctx)
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
    strings = strings_for(ctx, lang) if fmt != "json" else None
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

    wanted: list[str] | None
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

    from corpusdiff.render.diff_terminal import to_summary, to_terminal

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
        write_output(output, text)
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
        write_output(output, "\ufeff" + content if fmt == "csv" and isinstance(content, str) else content)


def _report(
    result: DiffResult,
    fmt: str,
    notes: Sequence[ReviewerNote] = (),
    strings: Strings | None = None,
    view: _MarkdownView = _MarkdownView(),
) -> str | bytes:
    from corpusdiff.render import jsontext
    from corpusdiff.render.diff_json import to_json
    from corpusdiff.render.diff_markdown import to_markdown, within_limit

    if fmt == "json":
        return jsontext.dumps(to_json(result, notes)) + "\n"
    if fmt == "markdown":
        report = to_markdown(result, notes, strings, summary=view.summary)
        return within_limit(report, view.max_chars, strings) if view.max_chars else report
    if fmt == "alignments":
        from corpusdiff.render.diff_alignments import to_alignments
        from corpusdiff.strings import catalogue

        return to_alignments(result, strings or catalogue())
    from corpusdiff.render import export
    from corpusdiff.render.table import comparison_table

    table = comparison_table(result)
    writer = export.to_csv if fmt == "csv" else export.to_docx if fmt == "docx" else export.to_xlsx
    return writer(table, strings)

"""The git review workflow: `review` of a branch against its base, and the git diff driver
(`git install`, `git uninstall`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from corpusdiff.cli.common import (
    corpus_root,
    format_option,
    handle_errors,
    language_option,
    max_chars_option,
    progress_counter,
    refuse_missing_corpus,
    runner_for,
    runner_options,
    strings_for,
)
from corpusdiff.errors import InputError

if TYPE_CHECKING:
    pass


@click.group(name="git")
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

    path = install(corpus_root(ctx))
    click.echo(f'installed: {path} and .git/config [diff "corpusdiff"]; commit .gitattributes to share it')


@git_group.command(name="uninstall")
@click.pass_context
@handle_errors
def git_uninstall(ctx: click.Context) -> None:
    """Remove what `git install` added."""
    from corpusdiff.workflow.gitdriver import uninstall

    uninstall(corpus_root(ctx))
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
    click.echo(driver_text(args[0], args[1], args[4], corpus_root(ctx)), nl=False)


@click.command()
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
    from corpusdiff.render.diff_markdown import within_limit
    from corpusdiff.workflow.review import committed_notes
    from corpusdiff.workflow.review import review as run_review

    if (summary or max_chars) and fmt != "markdown":
        raise InputError("--summary and --max-chars shorten the Markdown review: add --format markdown")
    refuse_missing_corpus(corpus_root(ctx))
    items = run_review(
        corpus_root(ctx), range_spec, runner_for(jobs, scheduler), progress_counter("comparing", minimum=4)
    )
    notes = render.notes_of(items, committed_notes(corpus_root(ctx), range_spec))
    if fmt == "json":
        click.echo(jsontext.dumps(render.to_json(items, notes)))
    elif fmt == "markdown":
        report = render.to_markdown(items, notes, strings_for(ctx, lang), summary=summary)
        click.echo(within_limit(report, max_chars, strings_for(ctx, lang)) if max_chars else report, nl=False)
    else:
        click.echo(render.to_terminal(items, notes, strings_for(ctx, lang)), nl=False)

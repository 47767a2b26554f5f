"""`corpusdiff site build` and `site serve`: the static HTML site of the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from corpusdiff.cli.common import (
    corpus_root,
    handle_errors,
    progress_counter,
    refuse_missing_corpus,
    runner_for,
    runner_options,
)
from corpusdiff.errors import CorpusError

if TYPE_CHECKING:
    pass


site_out_option = click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site/build"),
    show_default=True,
    help="The site directory.",
)


@click.group(name="site")
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

    refuse_missing_corpus(corpus_root(ctx))
    report = build_site(
        corpus_root(ctx),
        out,
        progress=progress_counter("building site", minimum=20),
        runner=runner_for(jobs, scheduler),
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

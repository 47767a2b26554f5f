"""The docs promise commands a newcomer will type: every `make <target>` that README.md or a
page of docs/ names in code must exist in the Makefile (a rewrite of the Makefile once dropped
`make eval` while the README still offered it)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: `make demo`, `make eval ARGS=--verbose`: a target named inside backticks.
_MAKE_IN_CODE = re.compile(r"`make ([a-z][a-z-]*)[^`]*`")
_TARGET = re.compile(r"^([a-z][a-z-]*):", re.MULTILINE)


def _documented_targets() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in _MAKE_IN_CODE.findall(page.read_text(encoding="utf-8")):
            found.setdefault(target, set()).add(page.name)
    return found


def test_every_documented_make_target_exists() -> None:
    targets = set(_TARGET.findall((ROOT / "Makefile").read_text(encoding="utf-8")))
    documented = _documented_targets()
    assert {"demo", "test", "eval"} <= set(documented)
    missing = {t: sorted(pages) for t, pages in documented.items() if t not in targets}
    assert not missing, f"documented but not in the Makefile: {missing}"


def test_the_version_a_commit_records_is_the_one_the_package_declares() -> None:
    """Every ingest commit's `Corpusdiff-version` trailer names the reader that wrote the document
    (docs/canonical-markdown.md, rule 17): the version in the code and the one pip installs from
    pyproject.toml must be one, or `git log` names a reader that never existed."""
    import tomllib

    from corpusdiff import __version__

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert declared == __version__


# --- what the docs name exists ---------------------------------------------------------------
# The pages name modules (`render/table.py`, `store.ingest.SAME_REPORT`) and show commands; a
# rename or a dropped option leaves them pointing at nothing (`similarity.py` and
# `compare.compare` outlived their code). The CLI reference, docs/cli.md, is generated and
# checked by itself (tests/cli/test_cli_reference.py).

PAGES = [ROOT / "README.md", *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "cli.md")]
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_PY_PATH = re.compile(r"^[\w./-]*\w\.py$")
#: `store.ingest.SAME_REPORT`, `render.grid.fold`, `corpusdiff.text.vectors`; not file names.
_DOTTED = re.compile(r"^(?:corpusdiff\.)?([a-z_]+(?:\.[A-Za-z_]\w*)+)(?:\(\))?$")
_FILE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".md", ".txt", ".html", ".csv", ".js", ".css", ".toml")
#: Where a path the docs give is looked for: from the repository root, then inside the package.
_PY_HOMES = (ROOT, ROOT / "corpusdiff")


def _code_spans() -> list[tuple[str, str]]:
    return [(page.name, span.strip()) for page in PAGES for span in _CODE_SPAN.findall(page.read_text(encoding="utf-8"))]


def _python_file_exists(name: str) -> bool:
    if "/" in name:
        return any((home / name).is_file() for home in _PY_HOMES)
    return any(True for folder in ("corpusdiff", "tests", "benchmarks", "docs") for _ in (ROOT / folder).rglob(name))


def _names_something(dotted: str) -> bool:
    """A module of corpusdiff, or an attribute of one (`series.trace.check_plan`)."""
    import importlib

    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module("corpusdiff." + ".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


def test_every_python_file_the_docs_name_exists() -> None:
    missing = [(page, span) for page, span in _code_spans() if _PY_PATH.match(span) and not _python_file_exists(span)]
    assert not missing, f"named in the docs, no such file: {missing}"


def test_every_module_and_name_the_docs_give_in_dotted_form_exists() -> None:
    import pkgutil

    import corpusdiff

    packages = {module.name for module in pkgutil.iter_modules(corpusdiff.__path__)}
    missing = []
    for page, span in _code_spans():
        match = _DOTTED.match(span)
        if not match or span.endswith(_FILE_SUFFIXES) or match.group(1).split(".")[0] not in packages:
            continue
        if not _names_something(match.group(1)):
            missing.append((page, span))
    assert not missing, f"named in the docs, not in corpusdiff: {missing}"


#: `segment.use_store`, `trace.PLAN_JARGON`: a module named without its package. git's own
#: configuration section `core.` (`core.fsmonitor`) shares a module's name and is no such name.
_GIT_SECTIONS = ("core",)


def _modules_by_short_name() -> dict[str, list[str]]:
    import pkgutil

    import corpusdiff

    found: dict[str, list[str]] = {}
    for module in pkgutil.walk_packages(corpusdiff.__path__, "corpusdiff."):
        found.setdefault(module.name.rsplit(".", 1)[1], []).append(module.name)
    return found


def _attribute_of_one(modules: list[str], attributes: list[str]) -> bool:
    import importlib

    for name in modules:
        found: object = importlib.import_module(name)
        for attribute in attributes:
            found = getattr(found, attribute, None)
        if found is not None:
            return True
    return False


def test_every_name_the_docs_give_by_its_module_alone_exists() -> None:
    """docs/architecture.md said the text layer's stores are handed in by `segment.use_store` and
    `dictindex.use_directory` long after both became `stores.use`: a name given as `module.name`
    without its package was checked by nothing."""
    modules = _modules_by_short_name()
    missing = []
    for page, span in _code_spans():
        match = _DOTTED.match(span)
        if not match or span.endswith((*_FILE_SUFFIXES, ".xml")):
            continue
        first, *attributes = match.group(1).split(".")
        by_module_alone = first in modules and first not in _GIT_SECTIONS and not (ROOT / "corpusdiff" / first).is_dir()
        if by_module_alone and not _attribute_of_one(modules[first], attributes):
            missing.append((page, span))
    assert not missing, f"named in the docs, not in corpusdiff: {missing}"


# --- canonical-markdown.md's After examples are the corpus's lines ---------------------------

_AFTER_REFERENCE = re.compile(r"`([\w/-]+\.md)`,? lines? ((?:\d+(?:–\d+)?(?: \(header\))?(?:, | and )?)+)")


def _after_examples() -> list[tuple[str, list[str], list[str]]]:
    """(the **After** line, the corpus lines it cites, the example's lines) for each example of
    docs/canonical-markdown.md that cites lines of a corpus document."""
    lines = (ROOT / "docs" / "canonical-markdown.md").read_text(encoding="utf-8").split("\n")
    found = []
    for at, line in enumerate(lines):
        if not line.startswith("**After**"):
            continue
        head = " ".join(lines[at : lines.index("", at)])
        fence = next(i for i in range(at, len(lines)) if lines[i].startswith("```"))
        example = lines[fence + 1 : lines.index("```", fence + 1)]
        cited = []
        for document, numbers in _AFTER_REFERENCE.findall(head):
            text = (ROOT / "corpus" / "futian" / document).read_text(encoding="utf-8").split("\n")
            for first, last in re.findall(r"(\d+)(?:–(\d+))?", numbers):
                cited += text[int(first) - 1 : int(last or first)]
        if cited:
            found.append((line, cited, example))
    return found


def _shown_in(example_line: str, cited: list[str]) -> bool:
    """An example line is a cited line, or pieces of one in order where `…` cuts it."""
    pieces = [piece for piece in example_line.split("…") if piece]
    for line in cited:
        at = 0
        for piece in pieces:
            at = line.find(piece, at)
            if at < 0:
                break
            at += len(piece)
        else:
            return True
    return False


def test_canonical_markdown_examples_are_the_lines_they_cite() -> None:
    """A front-matter field added to every document (`level:`) moved each body line one down, and
    the page's `line 21`, `lines 263–267` pointed one line above what they showed."""
    examples = _after_examples()
    assert len(examples) >= 15
    wrong = [
        f"{head[:90]}: {line[:40]}"
        for head, cited, example in examples
        for line in example
        if line.strip() not in ("", "…") and not _shown_in(line, cited)
    ]
    assert not wrong, "\n".join(wrong)


# --- the commands the docs show parse --------------------------------------------------------

_PROMPT = re.compile(r"^\s*\$ (.*)$")
#: A usage line's placeholder (`OLD`, `FILE…`, `<id>`, `[--summary]`, `terminal|json`): a form, no command.
_PLACEHOLDER = re.compile(r"…|<|\[|\||\b[A-Z][A-Z_@]+\b")


def _shell_commands(page: Path) -> list[str]:
    """The command lines of a page's console examples (`$ …`, a trailing `\\` joining the next
    line) and of its inline code, each cut into its `&&`-joined commands."""
    text = page.read_text(encoding="utf-8")
    lines: list[str] = []
    for line in re.sub(r"\\\n\s*", " ", text).splitlines():
        prompt = _PROMPT.match(line)
        if prompt:
            lines.append(prompt.group(1))
    lines += [span for span in _CODE_SPAN.findall(text) if span.startswith("corpusdiff ")]
    return [part.strip() for line in lines for part in line.split("&&")]


def _corpusdiff_words(command: str) -> list[str] | None:
    """The arguments of a corpusdiff command line, up to a pipe or redirection; None for
    another program or a usage form with placeholders."""
    import shlex

    if not command.startswith("corpusdiff ") or _PLACEHOLDER.search(command):
        return None
    words = shlex.split(command, comments=True)
    for stop, word in enumerate(words):
        if word in {"|", ">", ">>", "<"} or word.startswith(("2>", ">")):
            return words[1:stop]
    return words[1:]


def _parse_without_running(words: list[str]) -> None:
    """Parse as `corpusdiff WORDS` would, group by group, and run nothing. An unknown command or
    option or a value outside an option's choices raises click.UsageError; a missing argument or
    a path that does not exist here is the example's context, not an error of the page."""
    import warnings

    import click

    from corpusdiff.cli.main import main

    command: click.Command = main
    context: click.Context | None = None
    name = "corpusdiff"
    while True:
        try:
            with warnings.catch_warnings():  # click 8.2+ names the subcommand's words protected_args
                warnings.simplefilter("ignore", DeprecationWarning)
                context = command.make_context(name, list(words), parent=context)
                rest = [*getattr(context, "protected_args", []), *context.args]
        except click.exceptions.Exit:  # --help, --version
            return
        except click.MissingParameter:
            return
        except click.BadParameter as exc:
            if isinstance(getattr(exc.param, "type", None), click.Path):
                return
            raise
        if not isinstance(command, click.Group) or not rest:
            return
        name, words = rest[0], rest[1:]
        found = command.get_command(context, name)
        if found is None:
            raise click.UsageError(f"no command {name!r}")
        command = found


def test_every_corpusdiff_command_the_docs_show_parses() -> None:
    import click

    checked, failed = 0, []
    for page in PAGES:
        for command in _shell_commands(page):
            words = _corpusdiff_words(command)
            if words is None:
                continue
            checked += 1
            try:
                _parse_without_running(words)
            except click.UsageError as exc:
                failed.append(f"{page.name}: `{command}`: {exc.format_message()}")
    assert checked >= 40  # the pages' examples were found at all
    assert not failed, "\n".join(failed)


# --- a page's synopsis is its command's -------------------------------------------------------

_SYNOPSIS_START = re.compile(r"^corpusdiff (?:\[--corpus DIR\] )?([a-z]+) ")
_SYNOPSIS_OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)(?:/(--[a-z][a-z-]*))?(?: ([a-z]+(?:\|[a-z]+)+))?")


def _synopses() -> list[tuple[str, str, str]]:
    """(page, command, its usage text) from each page's opening block: a line starting with
    `corpusdiff` and the indented lines under it."""
    found = []
    for page in PAGES[1:]:
        block = page.read_text(encoding="utf-8").split("```", 2)
        if len(block) < 3 or not block[1].startswith("\ncorpusdiff "):
            continue
        for line in block[1].strip("\n").splitlines():
            start = _SYNOPSIS_START.match(line)
            if start:
                found.append((page.name, start.group(1), line))
            elif line.startswith(" ") and found:
                found[-1] = (*found[-1][:2], found[-1][2] + " " + line.strip())
    return found


def test_each_page_s_synopsis_names_every_option_of_its_command_with_its_choices() -> None:
    """diff's synopsis lacked --sure, --max-chars and --lang, timeline's --jobs and --scheduler,
    while the options had been added."""
    import click

    from corpusdiff.cli.main import main

    synopses = _synopses()
    assert {command for _, command, _ in synopses} >= {"diff", "indicators", "timeline", "trace", "terms"}
    wrong = []
    for page, name, usage in synopses:
        command = main.get_command(click.Context(main), name)
        assert command is not None, f"{page}: no command {name}"
        options = [p for p in command.params if isinstance(p, click.Option) and "--help" not in p.opts]
        shown = {m.group(1): m.group(3) for m in _SYNOPSIS_OPTION.finditer(usage)}
        for param in options:
            named = [option for option in param.opts if option in shown]
            choices = list(param.type.choices) if isinstance(param.type, click.Choice) else None
            if not named:
                wrong.append(f"{page}: {name} {param.opts[-1]} missing")
            elif choices and shown[named[0]] and shown[named[0]].split("|") != choices:
                wrong.append(f"{page}: {name} {named[0]} shows {shown[named[0]]}, takes {'|'.join(choices)}")
        known = {option for param in options for option in param.opts} | {"--corpus"}
        wrong += [f"{page}: {name} has no {option}" for option in shown if option not in known]
    assert not wrong, "\n".join(wrong)

"""Synthetic corpora for scale benchmarks: realistic new editions of the seed plan reports.

    python benchmarks/synthetic.py --n 100 --seed 7 --out DIR

writes N raw reports (`DIR/<region>-<date>-<genre>.txt`, plain text that `corpusdiff ingest`
takes as it is), next to each its ground truth (`<name>.truth.json`), and `DIR/index.json`
listing the series in edition order. Same N and seed, same bytes.

Model of change
---------------
A *series* is one region's plan report, one edition a year, ten years long (the last series of
an N that is not a multiple of ten is shorter). Its first edition is one of the three plan
seeds (2022 and 2025 annual plans, 2023 mid-year report, taken from their canonical Markdown)
with 福田区/福田 replaced by the region's name, so the normaliser detects region, genre and date
from the title and date line as it does for the seeds. Regions come from a fixed list: the
districts of Shenzhen, then invented ones (示例一区, 示例甲一区, …).

Edition k+1 is made from edition k alone, by seeded random operations on its *task part*, the
numbered tasks `1.…` grouped under `（一）…` headings, which is what readers compare:

- drop 1–3 tasks (never the last task of a group);
- move 0–2 tasks to another group;
- add about as many tasks as were dropped (±1, so sizes stay stable): a heading and sentences from
  the five-year plan outline, a seed that is never a template, recombined across its sections;
- reword 3–5 tasks: synonyms from a small table and two adjacent clauses swapped, sentence
  after sentence until about a tenth of the task's characters changed (past corpusdiff's 4 %
  limit for "recurring");
- change 3–6 figures (`5318.2亿元`, `8.6%`) by ±5–30 %, in tasks and in the review part;
- rename 1–2 group headings (synonyms, another lead verb);
- renumber: groups and tasks are numbered by position when the text is written;
- update years: every `20XX年` within two years of the edition's year moves on one year,
  title and date line included.

The review part changes only in figures and years, targets and appendix tables only in years;
real editions rewrite far more. The model trades that for a known right answer to every change.

Ground truth (`<name>.truth.json`): the expected front matter and heading count, the operations in the order
applied (names as they were before the step's renames and year update), and two tables keyed
by identity rather than text: `groups` (old and new heading of each group) and `tasks` (old
and new heading, number and group of each task, and the class corpusdiff should give it:
dropped, new, moved, reworded when its text changed in any way, else recurring).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from corpusdiff.canonical.markdown import parse
from corpusdiff.normalize.metadata import default_series
from corpusdiff.structure import split_label
from corpusdiff.text.sentences import sentences
from corpusdiff.text.slugs import slugify_region
from corpusdiff.types.document import (
    Block,
    Box,
    Heading,
    ListItem,
    Metadata,
    NormalizedDocument,
    Paragraph,
    Table,
)

ROOT = Path(__file__).resolve().parent.parent
EDITIONS_PER_SERIES = 10
#: The plan seeds that start a series, and the seed that lends sentences to new tasks.
TEMPLATE_IDS = ("futian/annual-plan/2022-01", "futian/annual-plan/2025-01", "futian/mid-year-report/2023-10")
DONOR_ID = "futian/five-year-plan/2021"

SHENZHEN_DISTRICTS = (
    "福田区",
    "罗湖区",
    "南山区",
    "盐田区",
    "宝安区",
    "龙岗区",
    "龙华区",
    "坪山区",
    "光明区",
)
_NUMERALS = "一二三四五六七八九十"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
#: Invented names keep at most four characters before 区, as region detection expects.
REGIONS = (
    *SHENZHEN_DISTRICTS,
    *(f"示例{n}区" for n in _NUMERALS),
    *(f"示例{s}{n}区" for s in _STEMS for n in _NUMERALS),
)

#: Word pairs a drafter swaps between editions; each may be replaced in either direction.
SYNONYMS = (
    ("推进", "推动"),
    ("加快", "加速"),
    ("提升", "提高"),
    ("完善", "健全"),
    ("加强", "强化"),
    ("积极", "大力"),
    ("全面", "全方位"),
    ("持续", "不断"),
    ("打造", "构建"),
    ("优化", "改善"),
    ("促进", "带动"),
    ("深入", "纵深"),
    ("着力", "致力"),
    ("扎实", "切实"),
    ("开展", "实施"),
    ("支持", "扶持"),
    ("力争", "争取"),
)
LEAD_VERBS = ("持续", "全面", "加快", "着力", "稳步", "扎实", "全力", "深入")

_YEAR_RE = re.compile(r"(?<!\d)(20\d\d)(?=\s*年)")
_FIGURE_RE = re.compile(
    r"(?<![\d.第])(\d+(?:\.\d+)?)"
    r"(万平方米|平方公里|平方米|亿元|万元|万人|公里|千米|公顷|亿|万|元|%|个|家|所|座|项|套|人|张|条|宗|栋|户|亩|场|辆|台|处)"
)
_DATE_LINE_RE = re.compile(r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月$")
_CN_DIGITS = "〇一二三四五六七八九"


# --- data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """A numbered task: its heading without the number, and the blocks under it."""

    uid: int
    heading: str
    body: tuple[Block, ...]


@dataclass(frozen=True)
class Group:
    """A `（一）…` group of tasks; intro blocks stand between its heading and its first task."""

    uid: int
    heading: str
    intro: tuple[Block, ...]
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Edition:
    """One report: title, the blocks before and after the task part, and the task part."""

    region: str
    genre: str
    year: int
    month: int
    title: str
    head: tuple[Block, ...]
    groups: tuple[Group, ...]
    tail: tuple[Block, ...]
    next_uid: int  # the uid the next added task gets

    @property
    def date(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Context:
    """What every step of a derivation may look at besides the edition it changes."""

    old: Edition
    donors: tuple[Donor, ...]


@dataclass(frozen=True)
class Donor:
    """A section of the five-year plan that new tasks borrow a heading and sentences from."""

    heading: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Sources:
    """What the generator starts from: template editions (as of 福田区) and donor sections."""

    templates: tuple[tuple[str, Edition], ...]
    donors: tuple[Donor, ...]


@dataclass(frozen=True)
class GeneratedFile:
    """One raw report to write, with its ground truth (see the module docstring)."""

    name: str
    text: str
    truth: dict


# --- reading the seeds (the only file I/O besides the CLI) ------------------------------


def load_sources(corpus_dir: Path = ROOT / "corpus") -> Sources:
    """Templates and donors from the committed canonical Markdown of the seeds."""

    def read(doc_id: str) -> NormalizedDocument:
        return parse((corpus_dir / f"{doc_id}.md").read_text(encoding="utf-8"))

    documents = {doc_id: read(doc_id) for doc_id in TEMPLATE_IDS}
    templates = tuple((key, edition_from_blocks(doc.metadata, doc.blocks)) for key, doc in documents.items())
    return Sources(templates, donors_from_blocks(read(DONOR_ID).blocks))


def edition_from_blocks(metadata: Metadata, blocks: Sequence[Block]) -> Edition:
    """Split a plan report at its task part: the groups around the numbered tasks."""
    start, end = _task_part(blocks)
    groups = _groups(blocks[start:end])
    year, month = (int(part) for part in metadata.date.split("-")[:2])
    head, tail = tuple(blocks[:start]), tuple(blocks[end:])
    return Edition(
        metadata.region, metadata.genre, year, month, metadata.title, head, groups, tail, end - start
    )


def _task_part(blocks: Sequence[Block]) -> tuple[int, int]:
    """From the group heading before the first numbered task to the next heading of another kind."""

    def is_heading(i: int, *kinds: str) -> bool:
        return isinstance(blocks[i], Heading) and blocks[i].kind in kinds

    first_task = next(i for i in range(len(blocks)) if is_heading(i, "num"))
    start = max(i for i in range(first_task) if is_heading(i, "paren"))
    others = ("pian", "zhang", "jie", "cn", "appendix")
    end = next((i for i in range(start, len(blocks)) if is_heading(i, *others)), len(blocks))
    return start, end


def _groups(blocks: Sequence[Block]) -> tuple[Group, ...]:
    """Groups and tasks of a task part; a block's position is its uid."""
    groups: list[Group] = []
    for uid, block in enumerate(blocks):
        group = groups[-1] if groups else None
        if isinstance(block, Heading) and block.kind == "paren":
            groups.append(Group(uid, split_label(block.text)[1], (), ()))
        elif isinstance(block, Heading):
            groups[-1] = replace(group, tasks=(*group.tasks, Task(uid, split_label(block.text)[1], ())))
        elif group.tasks:
            last = replace(group.tasks[-1], body=(*group.tasks[-1].body, block))
            groups[-1] = replace(group, tasks=(*group.tasks[:-1], last))
        else:
            groups[-1] = replace(group, intro=(*group.intro, block))
    return tuple(groups)


def donors_from_blocks(blocks: Sequence[Block]) -> tuple[Donor, ...]:
    """`一、…` sections with a short plain heading and at least two usable sentences."""
    donors = []
    heading, found = "", []
    for block in (*blocks, Heading("", "end")):
        if isinstance(block, Heading):
            if _usable_heading(heading) and len(found) >= 2:
                donors.append(Donor(heading, tuple(found)))
            heading = split_label(block.text)[1] if block.kind == "cn" else ""
            found = []
        elif isinstance(block, Paragraph) and heading:
            found.extend(s for s in sentences(block.text) if _usable_sentence(s))
    return tuple(donors)


def _usable_heading(text: str) -> bool:
    return 4 <= len(text) <= 24 and not re.search(r"[，：；。、！？“”]", text)


def _usable_sentence(text: str) -> bool:
    return (
        15 <= len(text) <= 120 and text.endswith("。") and split_label(text)[0] == "" and "专栏" not in text
    )


# --- series -----------------------------------------------------------------------------


def generate(n: int, seed: int, sources: Sources) -> Iterator[GeneratedFile]:
    """N editions in series of ten, series after series; each series has its own random stream,
    so the first series of N = 100 and of N = 1,000 are the same files."""
    series_count = -(-n // EDITIONS_PER_SERIES)
    if series_count > len(REGIONS):
        raise ValueError(f"at most {len(REGIONS) * EDITIONS_PER_SERIES} editions ({len(REGIONS)} regions)")
    for index in range(series_count):
        length = min(EDITIONS_PER_SERIES, n - index * EDITIONS_PER_SERIES)
        rng = random.Random(f"corpusdiff-synthetic:{seed}:{index}")
        template_id, template = sources.templates[index % len(sources.templates)]
        yield from series(rename_region(template, REGIONS[index]), template_id, length, rng, sources.donors)


def series(
    first: Edition, template_id: str, length: int, rng: random.Random, donors: Sequence[Donor]
) -> Iterator[GeneratedFile]:
    edition, previous = first, None
    operations: list[dict] = [{"op": "template", "template": template_id}]
    for number in range(length):
        if number:
            edition, operations = derive(previous, rng, donors)
        truth = ground_truth(previous, edition, operations, template_id, number)
        yield GeneratedFile(file_name(edition), render_raw(edition), truth)
        previous = edition


def rename_region(edition: Edition, region: str) -> Edition:
    """The template as it would read for another district."""
    old, new = edition.region, region
    old_stem, new_stem = old.removesuffix("区"), region.removesuffix("区")

    def swap(text: str) -> str:
        return text.replace(old, new).replace(old_stem, new_stem)

    return replace(map_text(edition, swap), region=region)


def file_name(edition: Edition) -> str:
    return f"{slugify_region(edition.region)}-{edition.date}-{edition.genre}.txt"


# --- one edition to the next ------------------------------------------------------------


def derive(old: Edition, rng: random.Random, donors: Sequence[Donor]) -> tuple[Edition, list[dict]]:
    """The next year's edition and the operations that made it, in order."""
    log: list[dict] = []
    edition, context = old, Context(old, tuple(donors))
    for step in (drop_tasks, move_tasks, add_tasks, reword_tasks, change_figures, rename_groups):
        edition, done = step(edition, rng, context)
        log.extend(done)
    before = _numbers(old)
    renumbered = sum(1 for uid, number in _numbers(edition).items() if before.get(uid, number) != number)
    log.append({"op": "renumber", "tasks_renumbered": renumbered})
    edition, count = update_years(edition)
    log.append({"op": "update_years", "from": old.year, "to": edition.year, "replacements": count})
    return edition, log


def _movable_tasks(edition: Edition) -> list[tuple[int, int]]:
    """(group, task) positions whose group keeps at least one task when the task leaves."""
    return [
        (g, t)
        for g, group in enumerate(edition.groups)
        if len(group.tasks) > 1
        for t in range(len(group.tasks))
    ]


def drop_tasks(edition: Edition, rng: random.Random, context: Context) -> tuple[Edition, list[dict]]:
    log = []
    for _ in range(rng.randint(1, 3)):
        places = _movable_tasks(edition)
        g, t = rng.choice(places)
        group = edition.groups[g]
        log.append({"op": "drop_task", "task": group.tasks[t].heading, "group": group.heading})
        edition = _with_group(edition, g, replace(group, tasks=group.tasks[:t] + group.tasks[t + 1 :]))
    return edition, log


def move_tasks(edition: Edition, rng: random.Random, context: Context) -> tuple[Edition, list[dict]]:
    log = []
    for _ in range(rng.randint(0, 2)):
        places = _movable_tasks(edition)
        g, t = rng.choice(places)
        target = rng.choice([i for i in range(len(edition.groups)) if i != g])
        task = edition.groups[g].tasks[t]
        log.append(
            {
                "op": "move_task",
                "task": task.heading,
                "from": edition.groups[g].heading,
                "to": edition.groups[target].heading,
            }
        )
        source = edition.groups[g]
        edition = _with_group(edition, g, replace(source, tasks=source.tasks[:t] + source.tasks[t + 1 :]))
        edition = _insert_task(edition, target, task, rng)
    return edition, log


def add_tasks(edition: Edition, rng: random.Random, context: Context) -> tuple[Edition, list[dict]]:
    """About as many tasks as were dropped (one more or fewer at random), so sizes stay stable."""
    dropped = _task_count(context.old) - _task_count(edition)
    wanted = max(1, dropped + rng.choice((-1, 0, 1)))
    log = []
    taken = _headings(edition)
    for _ in range(wanted):
        donor = rng.choice([d for d in context.donors if d.heading not in taken])
        taken.add(donor.heading)
        task = Task(
            edition.next_uid, donor.heading, new_task_body(donor, rng, context.donors, edition.region)
        )
        target = rng.randrange(len(edition.groups))
        log.append({"op": "add_task", "task": task.heading, "group": edition.groups[target].heading})
        edition = _insert_task(replace(edition, next_uid=edition.next_uid + 1), target, task, rng)
    return edition, log


def new_task_body(
    donor: Donor, rng: random.Random, donors: Sequence[Donor], region: str
) -> tuple[Block, ...]:
    """Two or three sentences of the donor in order, then one or two from other sections."""
    own = rng.sample(range(len(donor.sentences)), min(len(donor.sentences), rng.randint(2, 3)))
    picked = [donor.sentences[i] for i in sorted(own)]
    for other in rng.sample(donors, rng.randint(1, 2)):
        picked.append(rng.choice(other.sentences))
    stem = region.removesuffix("区")
    text = "".join(picked).replace("福田区", region).replace("福田", stem)
    return (Paragraph(text),)


def reword_tasks(edition: Edition, rng: random.Random, context: Context) -> tuple[Edition, list[dict]]:
    old_uids = {task.uid for group in context.old.groups for task in group.tasks}
    places = [
        (g, t)
        for g, group in enumerate(edition.groups)
        for t, task in enumerate(group.tasks)
        if task.uid in old_uids
    ]
    log = []
    taken = _headings(edition)
    for g, t in rng.sample(places, min(len(places), rng.randint(3, 5))):
        task = edition.groups[g].tasks[t]
        body, changed = reword_body(task.body, rng)
        heading = task.heading
        if rng.random() < 0.3:
            candidate = swap_synonyms(heading, rng, limit=1)
            heading = candidate if candidate not in taken else heading
        if not changed and heading == task.heading:
            continue
        taken.add(heading)
        entry = {"op": "reword", "task": task.heading, "sentences": changed}
        if heading != task.heading:
            entry["new_heading"] = heading
        log.append(entry)
        edition = _with_task(edition, g, t, replace(task, heading=heading, body=body))
    return edition, log


def reword_body(
    body: tuple[Block, ...], rng: random.Random, share: float = 0.1
) -> tuple[tuple[Block, ...], int]:
    """Rewrite sentences in random order until about `share` of the characters changed."""
    texts = [b.text if isinstance(b, (Paragraph, ListItem)) else None for b in body]
    spots = [(i, s) for i, text in enumerate(texts) if text for s in range(len(sentences(text)))]
    total = sum(len(text) for text in texts if text)
    changed_chars, changed = 0, 0
    for i, s in rng.sample(spots, len(spots)):
        if changed_chars >= share * total:
            break
        parts = sentences(texts[i])
        new, weight = reword_sentence(parts[s], rng)
        if new != parts[s]:
            parts[s] = new
            texts[i] = "".join(parts)
            changed_chars += weight
            changed += 1
    blocks = tuple(replace(b, text=texts[i]) if texts[i] is not None else b for i, b in enumerate(body))
    return blocks, changed


def reword_sentence(sentence: str, rng: random.Random) -> tuple[str, int]:
    """Synonyms and, when there are three clauses or more, two inner clauses swapped; returns the
    sentence and roughly how many characters a diff sees deleted and inserted."""
    text, weight = _swap_counted(sentence, rng, limit=2)
    end = text[-1] if text[-1] in "。；！？" else ""
    clauses = text.removesuffix(end).split("，")
    if len(clauses) >= 3:
        i = rng.randrange(1, len(clauses) - 1)
        if clauses[i] != clauses[i + 1]:
            clauses[i], clauses[i + 1] = clauses[i + 1], clauses[i]
            weight += 2 * min(len(clauses[i]), len(clauses[i + 1]))
    return "，".join(clauses) + end, weight


def swap_synonyms(text: str, rng: random.Random, limit: int) -> str:
    """Replace every occurrence of up to `limit` words of the synonym table (either direction)."""
    return _swap_counted(text, rng, limit)[0]


def _swap_counted(text: str, rng: random.Random, limit: int) -> tuple[str, int]:
    options = [(a, b) for pair in SYNONYMS for a, b in (pair, pair[::-1]) if a in text]
    used: set[str] = set()
    weight = 0
    for a, b in rng.sample(options, len(options)):
        if len(used) >= 2 * limit:
            break
        if a in used or b in used:
            continue
        used.update((a, b))
        weight += text.count(a) * (len(a) + len(b))
        text = text.replace(a, b)
    return text, weight


def change_figures(edition: Edition, rng: random.Random, context: Context) -> tuple[Edition, list[dict]]:
    """Figures move by 5–30 % either way, in tasks and in paragraphs of the review part."""
    log = []
    tasks = [
        (g, t)
        for g, group in enumerate(edition.groups)
        for t, task in enumerate(group.tasks)
        if _has_figure(task.body)
    ]
    for g, t in rng.sample(tasks, min(len(tasks), rng.randint(2, 4))):
        task = edition.groups[g].tasks[t]
        body, old, new = _change_one_figure(task.body, rng)
        log.append({"op": "change_figure", "task": task.heading, "old": old, "new": new})
        edition = _with_task(edition, g, t, replace(task, body=body))
    review = [i for i, block in enumerate(edition.head) if _has_figure((block,))]
    for i in sorted(rng.sample(review, min(len(review), rng.randint(1, 2)))):
        (block,), old, new = _change_one_figure((edition.head[i],), rng)
        log.append({"op": "change_figure", "paragraph": edition.head[i].text[:20], "old": old, "new": new})
        edition = replace(edition, head=(*edition.head[:i], block, *edition.head[i + 1 :]))
    return edition, log


def _has_figure(blocks: Sequence[Block]) -> bool:
    return any(isinstance(b, (Paragraph, ListItem)) and _FIGURE_RE.search(b.text) for b in blocks)


def _change_one_figure(blocks: tuple[Block, ...], rng: random.Random) -> tuple[tuple[Block, ...], str, str]:
    spots = [
        (i, m)
        for i, b in enumerate(blocks)
        if isinstance(b, (Paragraph, ListItem))
        for m in _FIGURE_RE.finditer(b.text)
    ]
    i, match = rng.choice(spots)
    new = scaled(match.group(1), rng) + match.group(2)
    text = blocks[i].text
    block = replace(blocks[i], text=text[: match.start()] + new + text[match.end() :])
    return (*blocks[:i], block, *blocks[i + 1 :]), match.group(0), new


def scaled(figure: str, rng: random.Random) -> str:
    """A figure ±5–30 %, with as many decimals as before, never the same figure."""
    decimals = len(figure.partition(".")[2])
    factor = 1 + rng.choice((-1, 1)) * rng.uniform(0.05, 0.3)
    value = f"{float(figure) * factor:.{decimals}f}"
    if value == figure or float(value) <= 0:
        value = f"{float(figure) + 10**-decimals:.{decimals}f}"
    return value


def rename_groups(edition: Edition, rng: random.Random, context: Context) -> tuple[Edition, list[dict]]:
    log = []
    for g in rng.sample(range(len(edition.groups)), rng.randint(1, 2)):
        group = edition.groups[g]
        heading = renamed(group.heading, rng, taken=_headings(edition))
        log.append({"op": "rename_group", "old": group.heading, "new": heading})
        edition = _with_group(edition, g, replace(group, heading=heading))
    return edition, log


def renamed(heading: str, rng: random.Random, taken: set[str]) -> str:
    """Another lead verb (or a first one) and a synonym: `全力创建文明城市` → `扎实创建文明城市`."""
    for _ in range(20):
        lead = next((verb for verb in LEAD_VERBS if heading.startswith(verb)), "")
        verb = rng.choice([v for v in LEAD_VERBS if v != lead])
        candidate = swap_synonyms(verb + heading.removeprefix(lead), rng, limit=1)
        if candidate != heading and candidate not in taken:
            return candidate
    raise ValueError(f"no new name for {heading}")


def update_years(edition: Edition) -> tuple[Edition, int]:
    """Next year's edition: years near this edition's move on by one; the date line follows."""
    count = 0

    def shift(text: str) -> str:
        nonlocal count

        def one(match: re.Match[str]) -> str:
            nonlocal count
            year = int(match.group(1))
            if abs(year - edition.year) > 2:
                return match.group(1)
            count += 1
            return str(year + 1)

        return _DATE_LINE_RE.sub(
            lambda m: chinese_year(m.group(1), edition.year + 1) + f"年{m.group(2)}月",
            _YEAR_RE.sub(one, text),
        )

    return replace(map_text(edition, shift), year=edition.year + 1), count


def chinese_year(written: str, year: int) -> str:
    """`二○二二` for 2023 -> `二○二三`, keeping the zero the report used (○ or 〇)."""
    zero = next((c for c in written if c in "〇○零"), "〇")
    return "".join(zero if d == "0" else _CN_DIGITS[int(d)] for d in str(year))


# --- helpers over the plain data --------------------------------------------------------


def map_text(edition: Edition, change: Callable[[str], str]) -> Edition:
    """The edition with `change` applied to every piece of text in it."""

    def block(b: Block) -> Block:
        if isinstance(b, Table):
            return Table(tuple(tuple(change(cell) for cell in row) for row in b.rows))
        if isinstance(b, Box):
            return Box(change(b.title), tuple(block(inner) for inner in b.blocks))
        return replace(b, text=change(b.text))

    def blocks(items: Sequence[Block]) -> tuple[Block, ...]:
        return tuple(block(b) for b in items)

    groups = tuple(
        replace(
            g,
            heading=change(g.heading),
            intro=blocks(g.intro),
            tasks=tuple(replace(t, heading=change(t.heading), body=blocks(t.body)) for t in g.tasks),
        )
        for g in edition.groups
    )
    return replace(
        edition,
        title=change(edition.title),
        head=blocks(edition.head),
        groups=groups,
        tail=blocks(edition.tail),
    )


def _with_group(edition: Edition, index: int, group: Group) -> Edition:
    return replace(edition, groups=(*edition.groups[:index], group, *edition.groups[index + 1 :]))


def _with_task(edition: Edition, g: int, t: int, task: Task) -> Edition:
    group = edition.groups[g]
    return _with_group(edition, g, replace(group, tasks=(*group.tasks[:t], task, *group.tasks[t + 1 :])))


def _insert_task(edition: Edition, g: int, task: Task, rng: random.Random) -> Edition:
    group = edition.groups[g]
    at = rng.randint(0, len(group.tasks))
    return _with_group(edition, g, replace(group, tasks=(*group.tasks[:at], task, *group.tasks[at:])))


def _task_count(edition: Edition) -> int:
    return sum(len(group.tasks) for group in edition.groups)


def _headings(edition: Edition) -> set[str]:
    return {g.heading for g in edition.groups} | {t.heading for g in edition.groups for t in g.tasks}


def _numbers(edition: Edition) -> dict[int, int]:
    """Task uid -> its number when written (tasks are numbered through the whole part)."""
    tasks = [task for group in edition.groups for task in group.tasks]
    return {task.uid: number for number, task in enumerate(tasks, start=1)}


def _task_text(task: Task) -> str:
    return task.heading + "".join(b.text for b in task.body if isinstance(b, (Paragraph, ListItem)))


# --- output -----------------------------------------------------------------------------


def render_raw(edition: Edition) -> str:
    """Plain text as a converter gives it: title, date line, one block per line, headings with
    their numbering, tables as tab-separated rows, blank lines between blocks."""
    return "\n\n".join([edition.title, *(_raw_block(b) for b in all_blocks(edition))]) + "\n"


def all_blocks(edition: Edition) -> tuple[Block, ...]:
    """Every block in reading order, group and task headings numbered by position."""
    blocks: list[Block] = list(edition.head)
    number = 0
    for index, group in enumerate(edition.groups, start=1):
        blocks.append(Heading(f"（{cn_numeral(index)}）{group.heading}", "paren"))
        blocks.extend(group.intro)
        for task in group.tasks:
            number += 1
            blocks.append(Heading(f"{number}.{task.heading}", "num"))
            blocks.extend(task.body)
    return (*blocks, *edition.tail)


def _raw_block(block: Block) -> str:
    if isinstance(block, Table):
        return "\n".join("\t".join(row) for row in block.rows)
    if isinstance(block, Box):
        return "\n".join([block.title, *(_raw_block(b) for b in block.blocks)])
    if isinstance(block, ListItem):
        return f"- {block.text}"
    return block.text


def cn_numeral(number: int) -> str:
    """1..99 in Chinese numerals: 1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十."""
    tens, ones = divmod(number, 10)
    prefix = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return prefix + (_NUMERALS[ones - 1] if ones else "")


def ground_truth(
    old: Edition | None, new: Edition, operations: list[dict], template_id: str, number: int
) -> dict:
    """What the normaliser should detect and what the differ should find against `old`."""
    metadata = Metadata(title=new.title, region=new.region, genre=new.genre, date=new.date)
    truth = {
        "file": file_name(new),
        "previous": file_name(old) if old else None,
        "edition": number,
        "template": template_id,
        "expected": {
            "title": new.title,
            "region": new.region,
            "genre": new.genre,
            "date": new.date,
            "series": default_series(metadata),
            "headings": len([b for b in all_blocks(new) if isinstance(b, Heading)]),
        },
        "operations": operations,
    }
    if old is not None:
        truth["groups"] = [
            {"old": a.heading, "new": b.heading} for a, b in zip(old.groups, new.groups, strict=True)
        ]
        truth["tasks"] = task_table(old, new, operations)
    return truth


def task_table(old: Edition, new: Edition, operations: list[dict]) -> list[dict]:
    """Each task of either edition, joined by identity, with the class it should get."""

    def places(edition: Edition) -> dict[int, tuple[Task, Group]]:
        return {task.uid: (task, group) for group in edition.groups for task in group.tasks}

    before, after = places(old), places(new)
    numbers_old, numbers_new = _numbers(old), _numbers(new)
    rows = []
    for uid in [*before, *(u for u in after if u not in before)]:
        (task_a, group_a), (task_b, group_b) = before.get(uid, (None, None)), after.get(uid, (None, None))
        if task_b is None:
            expected = "dropped"
        elif task_a is None:
            expected = "new"
        elif group_a.uid != group_b.uid:
            expected = "moved"
        else:
            expected = "reworded" if _task_text(task_a) != _task_text(task_b) else "recurring"
        rows.append(
            {
                "old": task_a.heading if task_a else None,
                "new": task_b.heading if task_b else None,
                "old_number": numbers_old.get(uid),
                "new_number": numbers_new.get(uid),
                "old_group": group_a.heading if group_a else None,
                "new_group": group_b.heading if group_b else None,
                "expected": expected,
            }
        )
    return rows


def truth_json(truth: dict) -> str:
    return json.dumps(truth, ensure_ascii=False, indent=1) + "\n"


def index_json(files: Sequence[GeneratedFile], n: int, seed: int) -> str:
    """The series in edition order, so a benchmark can diff consecutive editions."""
    series: dict[str, list[str]] = {}
    for item in files:
        series.setdefault(item.truth["expected"]["series"], []).append(item.name)
    return json.dumps({"n": n, "seed": seed, "series": series}, ensure_ascii=False, indent=1) + "\n"


def write_corpus(n: int, seed: int, out: Path, sources: Sources | None = None) -> list[GeneratedFile]:
    """Generate and write the files; returns what was written (texts included)."""
    out.mkdir(parents=True, exist_ok=True)
    files = list(generate(n, seed, sources or load_sources()))
    for item in files:
        (out / item.name).write_text(item.text, encoding="utf-8")
        (out / item.name.replace(".txt", ".truth.json")).write_text(truth_json(item.truth), encoding="utf-8")
    (out / "index.json").write_text(index_json(files, n, seed), encoding="utf-8")
    return files


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="number of editions (reports)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed and N, same bytes)")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    files = write_corpus(args.n, args.seed, args.out)
    seconds = time.perf_counter() - start
    megabytes = sum(len(item.text.encode("utf-8")) for item in files) / 1e6
    series_count = len({item.truth["expected"]["series"] for item in files})
    print(
        f"{len(files)} reports in {series_count} series, {megabytes:.1f} MB, in {seconds:.1f} s -> {args.out}"
    )


if __name__ == "__main__":
    sys.exit(main())

"""The initiative units of a report and the parts they stand in: a numbered task, a paragraph that
opens with a lead sentence, an indicator or target line, a （一） group; the role of each part
(opening, review, targets, tasks, closing) from its heading and content, read in either script;
each unit's lead, with the report's names for itself made neutral.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from corpusdiff.structure import is_salutation
from corpusdiff.text.lines import is_speaker_name
from corpusdiff.text.numbering import ORDINAL, PLAIN, base_kind
from corpusdiff.text.occasion import (
    is_byline,
    is_date_line,
    is_lone_byline,
    is_occasion,
    is_presenting_body,
)
from corpusdiff.text.script import simplified
from corpusdiff.text.sentences import SENTENCE_STOPS
from corpusdiff.text.slugs import region_stem
from corpusdiff.types.diff import Role
from corpusdiff.types.document import Level
from corpusdiff.types.tree import GROUP, DocTree, Unit, in_reading_order, section_and_ancestors

#: Section kinds whose headings are initiative units themselves (the （一） groups).
GROUP_KINDS = frozenset({"paren"})


def is_group_kind(kind: str) -> bool:
    """A （一） heading, or one of a sequence nested inside a section and numbered like the
    sections (1986's 一、…五、 inside 二、): a group of the initiatives under it, as a part is."""
    return base_kind(kind) in GROUP_KINDS or base_kind(kind) != kind


_ROLE_WORDS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.APPENDIX, re.compile(r"^(附件|附表|附录|附[：:]|(?:名词|术语)(?:[、和及]术语)?(?:解释|注释|说明)$)")),
    (Role.TARGETS, re.compile(r"主要目标|预期目标|总体要求|政策取向|总体部署|目标任务|发展目标")),
    (Role.REVIEW, re.compile(r"回顾|总结|执行情况|完成情况|(?:发展|工作|运行)情况|上半年|成就|主要成效|工作成效")),
    (Role.TASKS, re.compile(r"任务|重点工作|主要工作|工作建议|的建议|工作安排|工作部署|工作计划|下半年|草案|预算安排")),
)
_TASK_WORDS = dict(_ROLE_WORDS)[Role.TASKS]
LEAD_END_RE = re.compile(f"[{SENTENCE_STOPS}]")
LEAD_MARK_RE = re.compile(
    r"^(?:[—一－-]{2}|[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\d+[.．、]|[一二三四五六七八九十]+、)"
)


@lru_cache(maxsize=4096)
def role_of(heading: str) -> Role:
    """The role a top-level section plays, from the words of its heading (in either script:
    `工作任務` is a tasks part too). Cached: `unit_roles` asks it of every part for every unit."""
    heading = simplified(heading)
    for role, words in _ROLE_WORDS:
        if words.search(heading):
            return role
    return Role.OTHER


def initiative_units(tree: DocTree) -> tuple[Unit, ...]:
    """The tree's units plus one unit per group heading — a （一） group, or a task area laid
    out as a part of its own — in reading order; a group's index follows the tree's own units
    so the tree's numbering is kept."""
    groups: list[Unit] = []
    first_paragraph = _first_paragraphs(tree)
    areas = task_areas(tree)
    for section in tree.sections:
        if is_group_kind(section.kind) or section.index in areas:
            text = group_text(section.heading)
            paragraph = first_paragraph.get(section.index, 0)
            groups.append(
                Unit(len(tree.units) + len(groups), section.index, GROUP, section.heading, text, paragraph)
            )
    return (*tree.units, *groups)


def group_text(heading: str) -> str:
    """A group unit's text: its heading, read as a sentence."""
    return f"{heading}。"


def is_speech_frame(unit: Unit) -> bool:
    """A line of the speech's frame before the first heading — the date or occasion line, the
    speaker or the body that presents the report, the salutation (`二〇二五年一月`,
    `——2022年1月21日在…会议上`, `周江涛`, `各位代表：`), and the salutation alone wherever it
    stands (`各位代表！` opening the closing part): every edition has them and none carries an
    initiative, so no view calls them new, dropped or reworded, nor threads them."""
    text = unit.text.strip()
    if unit.section is not None:
        return is_salutation(text)
    return _is_frame_line(text)


@lru_cache(maxsize=4096)
def _is_frame_line(text: str) -> bool:
    """`is_speech_frame` of a line before the first heading: asked for each such unit of both
    editions in every comparison (a timeline's editions are compared with many others), and
    each answer costs a conversion to simplified characters and seven patterns."""
    compact = simplified(text.replace(" ", "").replace("\u3000", ""))
    return bool(
        is_salutation(text)
        or is_occasion(compact)
        or is_date_line(compact)
        or is_byline(text)
        or is_lone_byline(text)
        or is_speaker_name(compact)
        or is_presenting_body(text)
    )


def reading_order(tree: DocTree) -> tuple[Unit, ...]:
    """The initiative units in the order a reader meets them: a group heading before its units."""
    return in_reading_order(initiative_units(tree))


def _first_paragraphs(tree: DocTree) -> dict[int, int]:
    """Each section's place in reading order: its first paragraph, or for a heading with no text
    under it (`（一）强化要素保障` right before `（二）…`) the first paragraph after it, so that it
    is read where it stands, never before the report's opening."""
    first: dict[int, int] = {}
    for unit in tree.units:
        for section in section_and_ancestors(tree, unit.section):
            first.setdefault(section, unit.paragraph)
    following = max((unit.paragraph for unit in tree.units), default=0) + 1
    for index in sorted((s.index for s in tree.sections), reverse=True):
        following = first.setdefault(index, following)
    return first


def unit_roles(tree: DocTree, units: Sequence[Unit]) -> list[Role]:
    """Each unit's role: that of its top-level section; before any heading, the preamble. The
    opening block of a task part that sets the year's targets (national reports of some years
    open `三、2021年重点工作` with the target list) plays the targets role."""
    parts = part_roles(tree)
    roles = [_section_role(tree, unit.section, parts) for unit in units]
    opening = _target_openings(tree, parts)
    return [Role.TARGETS if unit.index in opening else role for unit, role in zip(units, roles, strict=True)]


def _target_openings(tree: DocTree, parts: dict[int, Role]) -> set[int]:
    """Units directly under a tasks part's heading, before its first sub-heading, when they
    hold a target list: of a part named for the tasks, or of one that holds both (`_combined_part`)."""
    found: set[int] = set()
    for section in tree.sections:
        if section.parent is not None or parts.get(section.index) is not Role.TASKS:
            continue
        if role_of(section.heading) not in (Role.TASKS, Role.TARGETS):
            continue
        opening = [u for u in tree.units if u.section == section.index]
        if any(u.kind == "target" for u in opening):
            found.update(u.index for u in opening if not _TRANSITION.search(u.text))
    return found


#: The sentence that hands over from the targets to the tasks (`今年要重点做好以下几方面工作。`).
_TRANSITION = re.compile(r"以下[几]?(?:个)?方面工作|重点做好以下")


def _section_role(tree: DocTree, section: int | None, parts: dict[int, Role]) -> Role:
    """The role of the part a section is in; text before the first heading opens the report,
    but a report without headings (1954's) is all body, no opening."""
    if section is None:
        return Role.PREAMBLE if tree.sections else Role.OTHER
    top = tree.sections[section]
    while top.parent is not None:
        top = tree.sections[top.parent]
    return parts[top.index]


def part_roles(tree: DocTree) -> dict[int, Role]:
    """The role of each top-level part, from its heading's words; a part whose heading names no
    role and that follows the targets or the tasks is a task area: some years lay each area of
    the year's work out as a part of its own (`三、把改革开放扎实推向纵深`, `四、协调推动经济稳定
    增长和结构优化`) where other years group them as （一）… under one tasks part. Then what the
    layout says where the words do not (`_laid_out_roles`)."""
    roles: dict[int, Role] = {}
    previous = Role.PREAMBLE
    for section in tree.sections:
        if section.parent is not None:
            continue
        if section.synthetic:  # an unheaded closing part goes on in the role before it
            roles[section.index] = previous
            continue
        role = role_of(section.heading)
        if role is Role.OTHER and previous in (Role.TARGETS, Role.TASKS):
            role = Role.TASKS
        roles[section.index] = previous = role
    return _laid_out_roles(tree, roles)


def _laid_out_roles(tree: DocTree, roles: dict[int, Role]) -> dict[int, Role]:
    """What the layout says of parts whose headings name their role otherwise or not at all, so
    that a year's parts pair with last year's by what they hold, not by the words of headings:
    - a targets part that holds the year's （一） groups and has no tasks part after it
      (`二、2024年工作总体要求和主要任务`) is the tasks part, its opening block the targets
      (`_target_openings`), as where the tasks have a part of their own;
    - an opening part whose heading names no role (`一、过去一年的工作`) and that the targets
      follow, as a part or as a tasks part's opening block, or a part named the tasks right
      after it, reviews the past period: these reports open with the review;
    - and parts named by no role between the review and the tasks set the targets."""
    tops = [s.index for s in tree.sections if s.parent is None and not s.synthetic]
    plans_follow = any(roles[index] is Role.TARGETS for index in tops[1:]) or _tasks_named_next(tree, tops)
    combined = _combined_part(tree, roles, tops)
    if combined is not None:
        roles = _with_role(tree, roles, combined, Role.TASKS)
    if tops and roles[tops[0]] is Role.OTHER and (plans_follow or _target_openings(tree, roles)):
        roles = _with_role(tree, roles, tops[0], Role.REVIEW)
    return _targets_between(tree, roles, tops)


def _tasks_named_next(tree: DocTree, tops: Sequence[int]) -> bool:
    """The second part's heading names the tasks (1977: `一、一年来的工作`, `二、今后的任务`): a
    report with no targets part goes review, tasks."""
    return len(tops) > 1 and role_of(tree.sections[tops[1]].heading) is Role.TASKS


def _targets_between(tree: DocTree, roles: dict[int, Role], tops: Sequence[int]) -> dict[int, Role]:
    """Parts named by no role between the review and the tasks set the targets and the policy
    stance (`二、今年经济社会发展的总体思路`): these reports go review, targets, tasks."""
    review = next((n for n, index in enumerate(tops) if roles[index] is Role.REVIEW), None)
    tasks = next((n for n, index in enumerate(tops) if roles[index] is Role.TASKS), None)
    if review is None or tasks is None:
        return roles
    for index in tops[review + 1 : tasks]:
        if roles[index] is Role.OTHER:
            roles = _with_role(tree, roles, index, Role.TARGETS)
    return roles


def _with_role(tree: DocTree, roles: dict[int, Role], part: int, role: Role) -> dict[int, Role]:
    """`roles` with `part` given `role`, and the unheaded closing part right after it too."""
    changed = {**roles, part: role}
    for section in tree.sections[part + 1 :]:
        if section.parent is None:
            if not section.synthetic:
                break
            changed[section.index] = role
    return changed


def _combined_part(tree: DocTree, roles: dict[int, Role], tops: Sequence[int]) -> int | None:
    """The last targets part, when it holds （一） groups and no part after it is named a tasks
    part; task areas may follow it (`三、加强政府自身建设`) when its heading names the tasks too
    (`二、2004年工作的总体要求和主要任务`), else they are the tasks and its groups the policy's.
    `tops`: the headed top-level parts."""
    targets = [index for index in tops if roles[index] is Role.TARGETS]
    if not targets:
        return None
    part = targets[-1]
    later = [index for index in tops if index > part]
    if any(role_of(tree.sections[index].heading) is Role.TASKS for index in later):
        return None
    if any(roles[index] is Role.TASKS for index in later) and not _names_tasks(tree.sections[part].heading):
        return None
    has_groups = any(s.parent == part and is_group_kind(s.kind) for s in tree.sections)
    return part if has_groups else None


def _names_tasks(heading: str) -> bool:
    """Whether a heading names the tasks besides the targets (主要任务, not 主要目标任务)."""
    return _TASK_WORDS.search(simplified(heading).replace("目标任务", "目标")) is not None


#: The roles that say how a report is laid out.
LAYOUT_ROLES = frozenset({Role.REVIEW, Role.TARGETS, Role.TASKS})


def roles_correspond(old_tree: DocTree, new_tree: DocTree) -> bool:
    """Whether parts constrain pairing: only when both editions are laid out in at least two
    recognised parts (review, targets, tasks). Older reports name their parts by topic
    (`一、关于国民经济调整`), or have no parts at all; there a unit may continue anywhere."""
    return _laid_out(old_tree) and _laid_out(new_tree)


def _laid_out(tree: DocTree) -> bool:
    return len(set(part_roles(tree).values()) & LAYOUT_ROLES) >= 2


def task_areas(tree: DocTree) -> set[int]:
    """Top-level parts that are areas of work (see `part_roles`), each a group of initiatives
    as a （一） heading is: the task areas of a report laid out by role, and every part named by
    topic in a report that is not (`一、关于经济体制改革`)."""
    roles = part_roles(tree)
    laid_out = _laid_out(tree)
    parts = {
        index
        for index, role in roles.items()
        if role_of(tree.sections[index].heading) is Role.OTHER
        and not tree.sections[index].synthetic
        and (role is Role.TASKS or not laid_out)
    }
    topics = set() if laid_out else _topics_within_topics(tree)
    return parts | _topics_under_titles(tree) | topics


#: Heading kinds that never stand as a group of their own: a numbered task (`1.`) is a unit,
#: and an ordinal heading (`第一，…`) opens the paragraph unit after it (structure.py).
_RUN_IN_KINDS = frozenset({"num", ORDINAL})


def _topics_within_topics(tree: DocTree) -> set[int]:
    """In a report laid out by topic, the headed sections inside a part, named by topic too
    (1981's ten guidelines `一、…十、` under `（二）今后经济建设的方针`, 1957's `关于教育改革问题`
    under `二、关于社会主义建设`): what a reader takes as the groups of the initiatives, where
    a report laid out by role has its （一） groups. A heading that opens its own paragraph
    unit (`第一，…`) or a numbered task is a unit already."""
    return {
        section.index
        for section in tree.sections
        if section.parent is not None
        and not section.synthetic
        and base_kind(section.kind) not in _RUN_IN_KINDS
        and role_of(section.heading) is Role.OTHER
    }


def _topics_under_titles(tree: DocTree) -> set[int]:
    """Numbered parts named by topic right under an unnumbered part title (1988's `一、…` under
    `今后五年建设和改革的目标、方针和任务`): the report's parts by topic, one level down."""
    return {
        section.index
        for section in tree.sections
        if section.parent is not None
        and tree.sections[section.parent].kind == PLAIN
        and role_of(section.heading) is Role.OTHER
    }


def lead_of(unit: Unit) -> str:
    """The unit's lead: its heading, or its first sentence, without numbering or dashes."""
    text = unit.heading or LEAD_END_RE.split(unit.text, maxsplit=1)[0]
    return LEAD_MARK_RE.sub("", text.strip())


#: How a report names its own region besides its name (`智慧城区` is `智慧福田`, `我国` is `中国`):
#: in leads they are one referent, whatever word a year chose.
_SELF_WORDS: dict[str, tuple[str, ...]] = {
    Level.NATIONAL: ("我国", "全国", "中国", "国家"),
    Level.PROVINCIAL: ("我省", "全省", "本省"),
    Level.CITY: ("我市", "全市", "本市", "城市"),
    Level.DISTRICT: ("我区", "全区", "本区", "城区"),
    Level.COUNTY: ("我县", "全县", "本县", "县域"),
}
_SELF = "\u3400"  # a character no report prints (CJK Extension A), kept as a word character


def self_names(tree: DocTree) -> tuple[str, ...]:
    """The words by which a report names its own region, longest first: its region's name with
    and without the suffix, and its level's words for itself."""
    meta = tree.metadata
    names = [meta.region, region_stem(meta.region)] if meta.region and meta.level != Level.NATIONAL else []
    names += _SELF_WORDS.get(meta.level, ())
    return tuple(sorted({n for n in names if len(n) >= 2}, key=len, reverse=True))


def neutral_lead(lead: str, names: Sequence[str]) -> str:
    """The lead with the report's names for its own region made one mark."""
    for name in names:
        lead = lead.replace(name, _SELF)
    return lead

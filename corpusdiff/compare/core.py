"""Two document trees -> a DiffResult: aligned sections, classified initiatives, programmes.

Steps: (1) align sections kind by kind, outermost first, on TF-IDF cosine of their whole
content plus their heading, preferring pairs whose parents are aligned (`sections`); (2) pair
initiative units of the same part by one model and one assignment (`units`, `features`,
`matching`, `groups`); (3) inside paired units, match sentences, so new and dropped commitments
inside a continuing task are found too; then classify every unit with its confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from corpusdiff.compare import params
from corpusdiff.compare.features import Features, Match, candidate_features, pair_scores
from corpusdiff.compare.inline import changed_figures, token_diff
from corpusdiff.compare.matching import UnitPairs, match_units, pairs_by_structure, prefer_whole_copies
from corpusdiff.compare.overrides import UnitOverrides, first_pins, review_overrides
from corpusdiff.compare.params import MATCHER, MatcherParams
from corpusdiff.compare.programmes import compare_programmes, extract_programmes
from corpusdiff.compare.script import (
    align_as_simplified,
    as_simplified,
    diff_as_simplified,
    original_sections,
    own_units,
)
from corpusdiff.compare.sections import (
    _home,
    _plain_parts,
    align_sections,
    group_links,
    group_section_pairs,
    regrouped_sections,
)
from corpusdiff.compare.tables import compare_tables
from corpusdiff.compare.units import GROUP, is_speech_frame, roles_correspond, unit_roles
from corpusdiff.text import segment
from corpusdiff.text.figures import FIGURE_RE
from corpusdiff.text.segment import DEFAULT_STOPWORDS, Segmenter, remember_segmentations, segmenter
from corpusdiff.text.sentences import sentences
from corpusdiff.text.vectors import similarity_matrix, tfidf_vectors
from corpusdiff.types.diff import (
    DiffResult,
    Figure,
    Initiative,
    Level,
    Overrides,
    Relation,
    SectionMatch,
    Status,
)
from corpusdiff.types.tree import DocTree, Unit


def compare(
    old: DocTree,
    new: DocTree,
    overrides: Overrides | None = None,
    stopwords: tuple[str, ...] = DEFAULT_STOPWORDS,
    matcher: MatcherParams = MATCHER,
) -> DiffResult:
    """The full comparison of two editions (same inputs, same result). `stopwords` are the
    corpus's (its vocabulary); words in them never count as evidence. `matcher`: the initiative
    matcher's weights and thresholds (params.py's unless a calibration scores others)."""
    seen_old, seen_new = as_simplified(old), as_simplified(new)  # one script (compare/script.py)
    reviewed = review_overrides(seen_old, seen_new, overrides or Overrides())
    seg = editions_segmenter(seen_old, seen_new, stopwords)
    unit_pairs = match_initiative_units(seen_old, seen_new, seg, matcher, reviewed.units)
    sections = align_sections(
        seen_old, seen_new, seg, reviewed.sections, group_section_pairs(unit_pairs), group_links(unit_pairs)
    )
    sections = original_sections(old, new, sections)
    fold = seen_old is not old or seen_new is not new
    if fold:
        unit_pairs = replace(
            unit_pairs, old_units=own_units(old, unit_pairs.old_units), new_units=own_units(new, unit_pairs.new_units)
        )
    initiatives = classify_units(old, new, seg, sections, unit_pairs, fold)
    sections = regrouped_sections(old, new, sections, initiatives)
    programmes = compare_programmes(_all_text(seen_old), _all_text(seen_new), one_edition=same_edition(old, new))
    remember_segmentations(seg)
    tables = compare_tables(old, new)
    return DiffResult(
        old, new, tuple(sections), tuple(initiatives), programmes, reviewed.notes, tables,
        old_units=unit_pairs.old_units, new_units=unit_pairs.new_units,
    )


def same_edition(old: DocTree, new: DocTree) -> bool:
    """Both trees are one edition: a document and a revision of it (the git diff driver, review,
    `diff ID@REV ID`), or one report read from two sources (its region, genre and date alike)."""
    a, b = old.metadata, new.metadata
    return (bool(a.id) and a.id == b.id) or (
        bool(a.date) and (a.region, a.genre, a.date) == (b.region, b.genre, b.date)
    )


def editions_segmenter(old: DocTree, new: DocTree, stopwords: tuple[str, ...] = DEFAULT_STOPWORDS) -> Segmenter:
    """The segmenter `compare` cuts two editions with: the programme names both use are words
    of its dictionary, and the corpus's stopwords never count as evidence."""
    texts = [u.text for u in old.units] + [u.text for u in new.units]
    return segmenter(tuple(p.name for p in extract_programmes(texts)), stopwords)


def prepare_editions(trees: Sequence[DocTree], stopwords: tuple[str, ...] = DEFAULT_STOPWORDS) -> None:
    """Do in this process, once, what every comparison of these editions starts with and what
    each worker of a pool would otherwise do again: import numpy and scipy, load jieba's
    dictionary and (when the programme names need it) its tagger, and segment each edition's
    units. A parent calls it before its pool forks (`parallel.Primed`); the workers inherit it.
    The units are segmented with no domain words, so every piece lands where every pair's
    segmenter looks first (`text.segment.SHARED_PIECES`): a piece cuts the same in any domain
    that has none of its words, and a piece with one is cut again in its pair's domain, as
    without this. Answers do not change; only who computes them."""
    import numpy  # noqa: F401
    from scipy.optimize import linear_sum_assignment  # noqa: F401
    from scipy.sparse import csr_matrix  # noqa: F401

    seg = Segmenter((), stopwords=stopwords)
    for tree in {id(tree): tree for tree in trees}.values():
        texts = [unit.text for unit in as_simplified(tree).units]
        extract_programmes(texts)
        held = len(segment.SHARED_PIECES)
        for text in texts:
            seg.words(text)
        if len(segment.SHARED_PIECES) < held:  # full, started again: the rest is the workers'
            return


def compare_job(
    job: tuple[DocTree, DocTree, Overrides | None]
    | tuple[DocTree, DocTree, Overrides | None, tuple[str, ...]],
) -> DiffResult:
    """`compare(*job)`: one picklable call for batch runners (corpusdiff.parallel)."""
    return compare(*job)


def _all_text(tree: DocTree) -> list[str]:
    return [s.heading for s in tree.sections] + [u.text for u in tree.units]


def classify_units(
    old: DocTree,
    new: DocTree,
    seg: Segmenter,
    sections: Sequence[SectionMatch],
    unit_pairs: UnitPairs,
    fold: bool = False,
) -> list[Initiative]:
    """Describe each pair of the initiative matcher (`match_initiative_units`): its class, the
    word-level diff, figures and sentences inside; and each unit left over, new or dropped.
    `fold`: an edition holds traditional characters, read as simplified (compare/script.py)."""
    # section pairs (old -> new); looked up with a unit's home, None for a unit outside sections
    pairs: dict[int | None, int] = {
        m.old.index: m.new.index for m in sections if m.old and m.new and not m.relation
    }
    old_units, new_units, matches = unit_pairs.old_units, unit_pairs.new_units, unit_pairs.matches
    roles_old, roles_new = unit_pairs.roles
    result: list[Initiative] = []
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    plain_old, plain_new = _plain_parts(old), _plain_parts(new)

    def moved(a: Unit, b: Unit) -> bool:
        """Whether a continuing unit now sits under another group. Units sitting directly in
        a part keep their role, which pairing already holds: the year's targets printed at the
        head of the tasks part one year and in a part of their own the next have not moved
        anywhere an analyst would look."""
        old_home, new_home = _home(old, a), _home(new, b)
        if old_home in plain_old and new_home in plain_new:
            return False
        return pairs.get(old_home) != new_home

    reviewed = unit_pairs.reviewed
    for match in matches:
        a, b = old_units[match.old], new_units[match.new]
        part = roles_old[match.old]
        unit, *in_sentences = _matched_unit(a, b, match.probability, moved(a, b), seg, fold)
        result.append(replace(unit, relation=match.relation, part=part, pinned=_pinned(match, reviewed)))
        # the shared side of a merge or split has its sentences reported by its own pair
        shared = {Relation.MERGE: Status.NEW, Relation.SPLIT: Status.DROPPED}.get(Relation(match.relation))
        result.extend(replace(item, part=part) for item in in_sentences if item.status != shared)
        paired_old.add(match.old)
        paired_new.add(match.new)
    nearest_old, nearest_new = nearest_partners(unit_pairs)
    for k, u in enumerate(old_units):
        if k not in paired_old:
            near, p = _doubt(new_units, nearest_old.get(k))
            pinned = reviewed.decided(k, None)
            result.append(
                Initiative(Status.DROPPED, u, None, 0.0, part=roles_old[k], nearest=near, nearest_probability=p, pinned=pinned)
            )
    for k, u in enumerate(new_units):
        if k not in paired_new:
            near, p = _doubt(old_units, nearest_new.get(k))
            pinned = reviewed.decided(None, k)
            result.append(
                Initiative(Status.NEW, None, u, 0.0, part=roles_new[k], nearest=near, nearest_probability=p, pinned=pinned)
            )
    result.sort(key=_initiative_order)
    return [item for item in result if not _frame_only(item)]


def _frame_only(item: Initiative) -> bool:
    """An item of the speech's frame alone (a date line paired with a date line, a byline
    dropped): the units are matched like any other, so that every other unit keeps its place,
    but no view reports them."""
    units = [unit for unit in (item.old, item.new) if unit is not None]
    return all(is_speech_frame(unit) for unit in units)


def nearest_partners(unit_pairs: UnitPairs) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[int, float]]]:
    """Each unit's likeliest candidate in the other edition and the model's probability for
    the two (old unit -> (new unit, p); new unit -> (old unit, p)): what a call of new or
    dropped is measured against."""
    best_old: dict[int, tuple[int, float]] = {}
    best_new: dict[int, tuple[int, float]] = {}
    for (i, j), p in unit_pairs.scores.items():
        if p > best_old.get(i, (-1, -1.0))[1]:
            best_old[i] = (j, p)
        if p > best_new.get(j, (-1, -1.0))[1]:
            best_new[j] = (i, p)
    return best_old, best_new


def _doubt(others: Sequence[Unit], nearest: tuple[int, float] | None) -> tuple[Unit | None, float]:
    """What makes a call of new or dropped doubtful: a partner the model gives at least
    DOUBTFUL_UNPAIRED (calls without one are right far more often: params), with its probability."""
    if nearest is None or nearest[1] < params.DOUBTFUL_UNPAIRED:
        return None, 0.0
    return others[nearest[0]], nearest[1]




def match_initiative_units(
    old: DocTree,
    new: DocTree,
    seg: Segmenter,
    matcher: MatcherParams = MATCHER,
    reviewed: UnitOverrides | None = None,
) -> UnitPairs:
    """Every pairing step of the differ, in order: the model's assignment with a reviewer's pins
    and identical texts forced, merges and splits, whole copies preferred, then the layout's
    pairs, never a pair the reviewer forbade. One place, so that what examines the pairs
    (tests.diagnose_initiatives) sees the differ's own."""
    return match_candidates(old, new, candidate_features(old, new, seg, matcher), matcher, reviewed)


Candidates = tuple[tuple[Unit, ...], tuple[Unit, ...], dict[tuple[int, int], Features]]


def match_candidates(
    old: DocTree,
    new: DocTree,
    candidates: Candidates,
    matcher: MatcherParams = MATCHER,
    reviewed: UnitOverrides | None = None,
) -> UnitPairs:
    """`match_initiative_units` from the candidate pairs `candidate_features` found: the costly
    part (segmenting, vectors) done once, a calibration scores many weights and thresholds on it."""
    reviewed = reviewed or UnitOverrides()
    old_units, new_units, features = candidates
    if reviewed:
        features = {pair: value for pair, value in features.items() if reviewed.allows(pair)}
    roles_old, roles_new = unit_roles(old, old_units), unit_roles(new, new_units)
    identical = (
        _identical(old_units, new_units, roles_old, roles_new)
        if roles_correspond(old, new)
        else _identical(old_units, new_units, [""] * len(old_units), [""] * len(new_units))
    )
    forced = first_pins([*reviewed.pins, *(pair for pair in identical if reviewed.allows(pair))])
    scores = pair_scores(features, matcher)
    matches = prefer_whole_copies(
        old_units, new_units, match_units(old_units, new_units, features, forced, matcher, scores)
    )
    matches += pairs_by_structure(old, new, old_units, new_units, matches, features, matcher)
    if reviewed:
        matches = [_as_reviewed(m, reviewed) for m in matches if reviewed.allows((m.old, m.new)) or _pinned(m, reviewed)]
    return UnitPairs(old_units, new_units, (roles_old, roles_new), features, matches, scores, reviewed)


def _pinned(match: Match, reviewed: UnitOverrides) -> bool:
    return not match.relation and reviewed.decided(match.old, match.new)


def _as_reviewed(match: Match, reviewed: UnitOverrides) -> Match:
    """A pinned pair is one initiative for certain, whatever the model scored it."""
    return replace(match, probability=1.0) if _pinned(match, reviewed) else match


def _identical(
    old_units: Sequence[Unit], new_units: Sequence[Unit], roles_old: Sequence[str], roles_new: Sequence[str]
) -> list[tuple[int, int]]:
    """Units with the very same text in the same part are one initiative, whatever their
    words weigh (a unit of punctuation or stopwords alone has no vector to compare)."""
    waiting: dict[tuple[str, str], list[int]] = {}
    for j, unit in enumerate(new_units):
        waiting.setdefault((roles_new[j], unit.text), []).append(j)
    pairs = []
    for i, unit in enumerate(old_units):
        free = waiting.get((roles_old[i], unit.text))
        if free:
            pairs.append((i, free.pop(0)))
    return pairs


def _initiative_order(item: Initiative) -> tuple[int, int, int, int]:
    """Reading order of the new edition (dropped units at their old place); a group before
    its first unit, a unit before the sentences inside it."""
    level = 0 if item.level == Level.UNIT else 1
    unit = item.new if item.new is not None else item.old
    if unit is None:
        return (0, 0, 0, level)
    other = item.old.index if (item.new is not None and item.old is not None) else -1
    return (unit.paragraph, 0 if unit.kind == GROUP else 1, unit.index * 10000 + other, level)


def _matched_unit(a: Unit, b: Unit, value: float, moved: bool, seg: Segmenter, fold: bool = False) -> list[Initiative]:
    def align(old_s: list[str], new_s: list[str]) -> list[tuple[str, str]]:
        return _align_sentences(old_s, new_s, seg)

    def words(old_s: str, new_s: str) -> list[tuple[str, str]]:
        return token_diff(old_s, new_s, seg.tokens)

    in_old, in_new = sentences(a.text) or [a.text], sentences(b.text) or [b.text]
    aligned = align_as_simplified(in_old, in_new, align) if fold else align(in_old, in_new)
    diff: list[tuple[str, str]] = []
    figures: list[Figure] = []
    for old_s, new_s in aligned:
        if old_s and new_s:
            piece = diff_as_simplified(old_s, new_s, words) if fold else words(old_s, new_s)
            figures.extend(changed_figures(piece))
            diff.extend(piece)
        elif old_s:
            diff.append(("-", old_s))
        else:
            diff.append(("+", new_s))
    # recurring is the same words: an edit of a few characters (改革 → 变革) is what a reader
    # of two editions looks for, so it is never hidden as "unchanged"
    if moved:
        status = Status.MOVED
    elif all(op == "=" for op, _ in diff):
        status = Status.RECURRING
    else:
        status = Status.REWORDED
    unit = Initiative(
        status,
        a,
        b,
        round(value, 3),
        diff=_merge_runs(diff) if status != Status.RECURRING else (),
        figures=tuple(figures),
    )
    if status == Status.RECURRING or max(len(sentences(a.text)), len(sentences(b.text))) < 2:
        return [unit]
    sentence_items = [
        Initiative(Status.DROPPED, a, b, 0.0, level=Level.SENTENCE, old_sentence=o)
        for o, n in aligned
        if o and not n and len(o) > 6
    ]
    sentence_items += [
        Initiative(Status.NEW, a, b, 0.0, level=Level.SENTENCE, new_sentence=n)
        for o, n in aligned
        if n and not o and len(n) > 6
    ]
    return [unit, *sentence_items]


def _merge_runs(diff: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for op, text in diff:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return tuple(out)


def _align_identical_sentences(old_s: list[str], new_s: list[str]) -> list[tuple[str, str]]:
    """The alignment of two units too long to weigh every sentence against every other (a whole
    report in one paragraph): identical sentences continue each other, a run replaced by a run
    of as many is read sentence for sentence, anything else is removed or added."""
    from difflib import SequenceMatcher

    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old_s, new_s, autojunk=False).get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            out += zip(old_s[i1:i2], new_s[j1:j2], strict=True)
        else:
            out += [(o, "") for o in old_s[i1:i2]] + [("", n) for n in new_s[j1:j2]]
    return out


def _align_sentences(old_s: list[str], new_s: list[str], seg: Segmenter) -> list[tuple[str, str]]:
    """Sentence pairs (old, new) in the new edition's order; unmatched ones with an empty side.
    Two one-sentence units continue each other sentence for sentence: an indicator line whose
    figures all changed is still the same line."""
    if len(old_s) == 1 and len(new_s) == 1:
        return [(old_s[0], new_s[0])]
    if len(old_s) * len(new_s) > params.MAX_SENTENCE_PAIRS:
        return _align_identical_sentences(old_s, new_s)
    # figures are masked: a sentence whose figure changed (实施重点项目1000个 → 1200个) is the
    # same sentence with a figure change, not one removed and another added
    vectors = tfidf_vectors([seg.words(FIGURE_RE.sub("#", s)) for s in (*old_s, *new_s)])
    rows = similarity_matrix(vectors[: len(old_s)], vectors[len(old_s) :])
    match: dict[int, int] = {}
    for i, sentence in enumerate(old_s):
        same = [j for j, other in enumerate(new_s) if other == sentence and j not in match.values()]
        if same:
            match[i] = same[0]
    for value, i, j in sorted(
        ((v, i, j) for i, row in enumerate(rows) for j, v in row.items()), reverse=True
    ):
        if value >= params.SENTENCE_THRESHOLD and i not in match and j not in match.values():
            match[i] = j
    by_new = {j: i for i, j in match.items()}
    out: list[tuple[str, str]] = []
    pending = [i for i in range(len(old_s)) if i not in match]
    for j, sentence in enumerate(new_s):
        old_i = by_new.get(j)
        if old_i is not None:
            while pending and pending[0] < old_i:
                out.append((old_s[pending.pop(0)], ""))
            out.append((old_s[old_i], sentence))
        else:
            out.append(("", sentence))
    out.extend((old_s[i], "") for i in pending)
    return out

"""Two document trees -> a DiffResult: aligned sections, classified initiatives, programmes.

Steps: (1) align sections kind by kind, outermost first, on TF-IDF cosine of their whole
content plus their heading, preferring pairs whose parents are aligned; (2) match initiative
units inside aligned top-level parts, best pairs first; (3) inside matched units, match
sentences, so new and dropped commitments inside a continuing task are found too.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from corpusdiff.compare.inline import changed_figures, token_diff
from corpusdiff.compare.programmes import compare_programmes, extract_programmes
from corpusdiff.structure import sentences
from corpusdiff.text.segment import Segmenter, remember_segmentations, segmenter
from corpusdiff.text.vectors import cosine, similarity_matrix, tfidf_vectors
from corpusdiff.types.diff import DiffResult, Initiative, Overrides, SectionMatch
from corpusdiff.types.tree import DocTree, Section, Unit

SECTION_THRESHOLD = 0.2
UNIT_THRESHOLD = 0.3
SENTENCE_THRESHOLD = 0.45
PARENT_BONUS = 0.1
GAP_THRESHOLD = 0.1
#: The unit cosine at which tasks left unpaired by sections and by UNIT_THRESHOLD may still
#: continue each other (given anchors, see `_TaskPass`): task texts are rewritten from year to
#: year, and the labelled pairs the differ used to miss scored 0.11-0.21.
LEFTOVER_TASK_THRESHOLD = 0.1
#: Anchors (words only two tasks share, see `task_anchors`) a pair needs to displace pairs
#: without any, and that a left-over task needs with its favourite to count as merged into it.
REMATCH_ANCHORS = 3
MERGE_ANCHORS = 2
RECURRING_EDIT_RATIO = 0.04
#: How much a section's heading counts against its content: task headings name the task.
HEADING_WEIGHT = {"num": 0.5}


def compare(old: DocTree, new: DocTree, overrides: Overrides | None = None) -> DiffResult:
    """The full comparison of two editions (pure: same inputs, same result)."""
    overrides = overrides or Overrides()
    texts_old = [u.text for u in old.units]
    texts_new = [u.text for u in new.units]
    domain = tuple(p.name for p in extract_programmes(texts_old + texts_new))
    seg = segmenter(domain)
    sections, notes = align_sections(old, new, seg, overrides)
    initiatives = classify_units(old, new, seg, sections)
    programmes = compare_programmes(_all_text(old), _all_text(new))
    remember_segmentations(seg)
    return DiffResult(old, new, tuple(sections), tuple(initiatives), programmes, tuple(notes))


def compare_job(job: tuple[DocTree, DocTree, Overrides | None]) -> DiffResult:
    """`compare(*job)`: one picklable call for batch runners (corpusdiff.parallel)."""
    return compare(*job)


def _all_text(tree: DocTree) -> list[str]:
    return [s.heading for s in tree.sections] + [u.text for u in tree.units]


# --- sections ---------------------------------------------------------------------------


def _subtree_text(tree: DocTree) -> list[str]:
    texts = [s.heading for s in tree.sections]
    for unit in tree.units:
        section = unit.section
        while section is not None:
            texts[section] += unit.text
            section = tree.sections[section].parent
    return texts


def _heading_matches(section: Section, text: str) -> bool:
    return text in (section.heading, f"{section.label}{section.heading}".strip())


def align_sections(old: DocTree, new: DocTree, seg: Segmenter, overrides: Overrides):
    """1:1 section pairs, then splits/merges; returns (matches, notes about overrides)."""
    old_texts, new_texts = _subtree_text(old), _subtree_text(new)
    old_words = [seg.words(t) for t in old_texts]
    new_words = [seg.words(t) for t in new_texts]
    content = tfidf_vectors(old_words + new_words)
    heads = tfidf_vectors([_bigrams(s.heading) for s in (*old.sections, *new.sections)])
    n_old = len(old.sections)

    @functools.cache
    def score(i: int, j: int) -> float:
        if old_texts[i] == new_texts[j]:
            return 1.0
        weight = HEADING_WEIGHT.get(old.sections[i].kind, 0.25)
        body = cosine(content[i], content[n_old + j])
        return (1 - weight) * body + weight * cosine(heads[i], heads[n_old + j])

    pairs: dict[int, int] = {}
    pinned: set[int] = set()
    notes = []
    forbidden = set()
    for old_text, new_text in overrides.forbid:
        for i in (s.index for s in old.sections if _heading_matches(s, old_text)):
            for j in (s.index for s in new.sections if _heading_matches(s, new_text)):
                forbidden.add((i, j))
                notes.append(f"forbidden by {overrides.source}: {old_text} ≠ {new_text}")
    for old_text, new_text in overrides.pin:
        olds = [s.index for s in old.sections if _heading_matches(s, old_text)]
        news = [s.index for s in new.sections if _heading_matches(s, new_text)]
        if olds and news:
            pairs[olds[0]] = news[0]
            pinned.add(olds[0])
            notes.append(f"pinned by {overrides.source}: {old_text} = {new_text}")
        else:
            notes.append(f"override in {overrides.source} names a heading not found: {old_text} / {new_text}")

    kinds = sorted({s.depth for s in old.sections} | {s.depth for s in new.sections})
    for depth in kinds:
        candidates = []
        for a in (s for s in old.sections if s.depth == depth and s.index not in pairs):
            for b in (s for s in new.sections if s.depth == depth and s.kind == a.kind):
                if (a.index, b.index) in forbidden or b.index in pairs.values():
                    continue
                if depth and pairs.get(_top(old, a.index)) != _top(new, b.index):
                    continue
                value = score(a.index, b.index)
                if value < SECTION_THRESHOLD:
                    continue
                if _parents_aligned(a, b, pairs):
                    value += PARENT_BONUS
                candidates.append((value, a.index, b.index))
        taken = set(pairs.values())
        for _value, i, j in sorted(candidates, reverse=True):
            if i not in pairs and j not in taken:
                pairs[i] = j
                taken.add(j)
        _fill_gaps(old, new, depth, pairs, forbidden, score)

    matches: list[SectionMatch] = []
    reverse = {j: i for i, j in pairs.items()}
    for i, j in sorted(pairs.items()):
        a, b = old.sections[i], new.sections[j]
        status = "matched" if _parents_aligned(a, b, pairs) else "moved"
        matches.append(SectionMatch(status, a, b, round(score(i, j), 3), pinned=i in pinned))
    for a in old.sections:
        if a.index not in pairs:
            best = _closest([(a.index, j) for j in reverse if new.sections[j].kind == a.kind], score)
            if best is not None:
                matches.append(SectionMatch("matched", a, new.sections[best[2]], best[0], relation="merge"))
            else:
                matches.append(SectionMatch("dropped", a, None, 0.0))
    for b in new.sections:
        if b.index not in reverse:
            best = _closest([(i, b.index) for i in pairs if old.sections[i].kind == b.kind], score)
            if best is not None:
                matches.append(SectionMatch("matched", old.sections[best[1]], b, best[0], relation="split"))
            else:
                matches.append(SectionMatch("new", None, b, 0.0))
    matches.sort(key=_section_order)
    return matches, notes


def _bigrams(text: str) -> list[str]:
    """Character bigrams of a heading: `医养` still meets `医疗养老` half way."""
    chars = [c for c in text if c.isalnum()]
    return [a + b for a, b in pairwise(chars)]


def _fill_gaps(old: DocTree, new: DocTree, depth: int, pairs: dict[int, int], forbidden, score) -> None:
    """Between two aligned neighbours, unaligned sections correspond in order when they are at
    all alike: reports keep their order far more often than they reshuffle."""
    olds = [s.index for s in old.sections if s.depth == depth]
    news = [s.index for s in new.sections if s.depth == depth]

    def eligible(gap_old: list[int], gap_new: list[int]) -> dict[tuple[int, int], float]:
        return {
            (i, j): score(i, j)
            for i in gap_old
            for j in gap_new
            if old.sections[i].kind == new.sections[j].kind
            and (i, j) not in forbidden
            and _top_aligned(old, new, i, j, pairs)
        }

    for parent_old, parent_new in list(pairs.items()):
        kids_old = [i for i in olds if old.sections[i].parent == parent_old and i not in pairs]
        kids_new = [j for j in news if new.sections[j].parent == parent_new and j not in pairs.values()]
        for i, j in _monotone_assignment(kids_old, kids_new, eligible(kids_old, kids_new)):
            pairs[i] = j
    chain = _increasing_chain(sorted((i, j) for i, j in pairs.items() if i in olds))
    anchors = [(-1, -1), *chain, (10**9, 10**9)]
    for (i1, j1), (i2, j2) in pairwise(anchors):
        gap_old = [i for i in olds if i1 < i < i2 and i not in pairs]
        gap_new = [j for j in news if j1 < j < j2 and j not in pairs.values()]
        for i, j in _monotone_assignment(gap_old, gap_new, eligible(gap_old, gap_new)):
            pairs[i] = j


def _monotone_assignment(left: list[int], right: list[int], scores: dict[tuple[int, int], float]):
    """Order-preserving pairs maximising the total score (a small sequence alignment)."""
    rows, cols = len(left), len(right)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for a in range(rows - 1, -1, -1):
        for b in range(cols - 1, -1, -1):
            value = scores.get((left[a], right[b]), 0.0)
            take = value + best[a + 1][b + 1] if value >= GAP_THRESHOLD else -1.0
            best[a][b] = max(take, best[a + 1][b], best[a][b + 1])
    a = b = 0
    while a < rows and b < cols:
        value = scores.get((left[a], right[b]), 0.0)
        if value >= GAP_THRESHOLD and best[a][b] == value + best[a + 1][b + 1]:
            yield left[a], right[b]
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1


def _increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs in order on both sides (ties broken the same way either side)."""
    best: list[list[tuple[int, int]]] = []
    for index, (i, j) in enumerate(pairs):
        options = [best[k] for k in range(index) if pairs[k][1] < j]
        longest = max(options, key=lambda chain: (len(chain), [-p[1] for p in chain]), default=[])
        best.append([*longest, (i, j)])
    return max(best, key=len, default=[])


def _top_aligned(old: DocTree, new: DocTree, i: int, j: int, pairs: dict[int, int]) -> bool:
    if old.sections[i].parent is None:
        return new.sections[j].parent is None
    return pairs.get(_top(old, i)) == _top(new, j)


def _section_order(match: SectionMatch) -> tuple[int, int]:
    if match.new is not None:
        return (match.new.index, match.old.index if match.old else -1)
    return (match.old.index if match.old else 0, -1)


def _closest(pairs: Sequence[tuple[int, int]], score) -> tuple[float, int, int] | None:
    """The best-scoring (old, new) pair that is clearly alike, for the extra side of a split or merge."""
    options = [(round(score(i, j), 3), i, j) for i, j in pairs]
    options = [option for option in options if option[0] >= SECTION_THRESHOLD * 1.5]
    return max(options) if options else None


def _parents_aligned(a: Section, b: Section, pairs: dict[int, int]) -> bool:
    if a.parent is None or b.parent is None:
        return a.parent is None and b.parent is None
    return pairs.get(a.parent) == b.parent


# --- initiatives ------------------------------------------------------------------------


def _top(tree: DocTree, section: int | None) -> int | None:
    while section is not None and tree.sections[section].parent is not None:
        section = tree.sections[section].parent
    return section


def _home(tree: DocTree, unit: Unit) -> int | None:
    """The section a unit lives in; a task lives in its group, not in its own heading."""
    if unit.kind == "task" and unit.section is not None:
        return tree.sections[unit.section].parent
    return unit.section


def classify_units(
    old: DocTree, new: DocTree, seg: Segmenter, sections: Sequence[SectionMatch]
) -> list[Initiative]:
    pairs = {m.old.index: m.new.index for m in sections if m.old and m.new and not m.relation}
    vectors = tfidf_vectors([seg.words(u.text) for u in (*old.units, *new.units)])
    rows = similarity_matrix(vectors[: len(old.units)], vectors[len(old.units) :])
    candidates = []
    for i, row in enumerate(rows):
        a = old.units[i]
        for j, value in row.items():
            b = new.units[j]
            if value < UNIT_THRESHOLD or not _same_part(old, new, a, b, pairs):
                continue
            bonus = PARENT_BONUS if pairs.get(_home(old, a)) == _home(new, b) else 0.0
            candidates.append((value + bonus, value, i, j))
    matched: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    _pair_identical_units(old, new, pairs, matched, taken)
    extra: list[tuple[int, int, float]] = []
    for i, j, value, relation in _aligned_tasks(old, new, sections):
        if relation:
            extra.append((i, j, value))
        else:
            matched[i] = (j, value)
            taken.add(j)
    for _, value, i, j in sorted(candidates, reverse=True):
        if i not in matched and j not in taken:
            matched[i] = (j, value)
            taken.add(j)
    extra = [(i, j, value) for i, j, value in extra if i not in matched or j not in taken]
    anchors = task_anchors(old, new, seg)
    _TaskPass(old, new, rows, pairs, matched, taken, extra, anchors).run()
    result: list[Initiative] = []

    def add(i: int, j: int, value: float, relation: str = "") -> None:
        unit, *in_sentences = _matched_unit(old, new, old.units[i], new.units[j], value, pairs, seg)
        result.append(replace(unit, relation=relation, anchors=anchors.get((i, j), ())))
        # the shared side of a merge or split has its sentences reported by its own pair
        shared = {"merge": "new", "split": "dropped"}.get(relation)
        result.extend(item for item in in_sentences if item.status != shared)

    for i, (j, value) in sorted(matched.items()):
        add(i, j, value)
    for i, j, value in extra:  # the extra side of a split or a merge
        add(i, j, value, "split" if i in matched else "merge")
    merged = {i for i, _, _ in extra}
    split = {j for _, j, _ in extra}
    result.extend(
        Initiative("dropped", u, None, 0.0) for u in old.units if u.index not in matched.keys() | merged
    )
    result.extend(Initiative("new", None, u, 0.0) for u in new.units if u.index not in taken | split)
    result.sort(key=lambda item: _initiative_order(item))
    return result


@dataclass
class _TaskPass:
    """The last word on task pairs, from the words only two tasks share (*anchors*, such as a
    programme or a place named by one task of each edition and by no other task): evidence of
    lineage that TF-IDF dilutes in long, rewritten task texts. Mutates `matched`, `taken`, `extra`."""

    old: DocTree
    new: DocTree
    rows: list[dict[int, float]]  # unit cosines, old x new
    pairs: dict[int, int]
    matched: dict[int, tuple[int, float]]
    taken: set[int]
    extra: list[tuple[int, int, float]]
    anchors: dict[tuple[int, int], tuple[str, ...]]

    def run(self) -> None:
        self.unpair_unsupported()
        self.rematch_on_anchors()
        self.pair_leftovers()
        self.merge_leftovers()

    def _tasks(self, tree: DocTree) -> list[int]:
        return [u.index for u in tree.units if u.kind == "task"]

    def _free_old(self) -> list[int]:
        used = self.matched.keys() | {i for i, _, _ in self.extra}
        return [i for i in self._tasks(self.old) if i not in used]

    def _free_new(self) -> list[int]:
        used = self.taken | {j for _, j, _ in self.extra}
        return [j for j in self._tasks(self.new) if j not in used]

    def _cosines(self, i: int) -> dict[int, float]:
        """Cosines of old task `i` with the new tasks of the same part."""
        a = self.old.units[i]
        return {
            j: value
            for j, value in self.rows[i].items()
            if self.new.units[j].kind == "task"
            and _same_part(self.old, self.new, a, self.new.units[j], self.pairs)
        }

    def unpair_unsupported(self) -> None:
        """Tasks paired only by their position between aligned neighbours (a section score below
        SECTION_THRESHOLD) stay paired only with some support from their contents."""
        for i, (j, value) in list(self.matched.items()):
            if self.old.units[i].kind != "task" or value >= SECTION_THRESHOLD or self.anchors.get((i, j)):
                continue
            if self._cosines(i).get(j, 0.0) < LEFTOVER_TASK_THRESHOLD:
                del self.matched[i]
                self.taken.discard(j)

    def rematch_on_anchors(self) -> None:
        """A pair with REMATCH_ANCHORS anchors and the higher cosine replaces the pairs of its
        two tasks when those share no anchor at all (headings alike, contents apart)."""
        partner = {j: i for i, (j, _) in self.matched.items()}
        for (i, j), words in sorted(self.anchors.items(), key=lambda item: -len(item[1])):
            value = self._cosines(i).get(j, 0.0)
            if len(words) < REMATCH_ANCHORS or self.matched.get(i, (None,))[0] == j:
                continue
            displaced = [(i, self.matched[i][0])] if i in self.matched else []
            displaced += [(partner[j], j)] if j in partner else []
            if any(
                self.anchors.get(pair) or self._cosines(pair[0]).get(pair[1], 0.0) >= value
                for pair in displaced
            ):
                continue
            for a, b in displaced:
                del self.matched[a]
                self.taken.discard(b)
                partner.pop(b, None)
            self.matched[i] = (j, value)
            self.taken.add(j)
            partner[j] = i

    def pair_leftovers(self) -> None:
        """Tasks left over on both sides, best pairs first (1:1), when alike and anchored."""
        new_free = set(self._free_new())
        options = sorted(
            (
                (value, i, j)
                for i in self._free_old()
                for j, value in self._cosines(i).items()
                if j in new_free
            ),
            reverse=True,
        )
        for value, i, j in options:
            if value < LEFTOVER_TASK_THRESHOLD or not self.anchors.get((i, j)):
                continue
            if i not in self.matched and j not in self.taken:
                self.matched[i] = (j, value)
                self.taken.add(j)

    def merge_leftovers(self) -> None:
        """A task still left over whose favourite is paired, with MERGE_ANCHORS anchors: a merge
        (old side) or a split (new side)."""
        cosines = {i: self._cosines(i) for i in self._tasks(self.old)}
        for i in self._free_old():
            best = self._favourite({(i, j): value for j, value in cosines[i].items()})
            if best and best[1] in self.taken:
                self.extra.append((*best, cosines[i][best[1]]))
        for j in self._free_new():
            best = self._favourite({(i, j): row[j] for i, row in cosines.items() if j in row})
            if best and best[0] in self.matched:
                self.extra.append((*best, cosines[best[0]][j]))

    def _favourite(self, options: dict[tuple[int, int], float]) -> tuple[int, int] | None:
        """The best-scoring pair, if alike enough and anchored enough."""
        best = max(options, key=options.__getitem__, default=None)
        if best is None or options[best] < LEFTOVER_TASK_THRESHOLD:
            return None
        return best if len(self.anchors.get(best, ())) >= MERGE_ANCHORS else None


def task_anchors(old: DocTree, new: DocTree, seg: Segmenter) -> dict[tuple[int, int], tuple[str, ...]]:
    """(old task, new task) -> the words of two or more characters that these two tasks use and
    no other task of either edition does."""
    holders: dict[str, list[tuple[str, int]]] = {}
    for side, tree in (("old", old), ("new", new)):
        for unit in tree.units:
            if unit.kind == "task":
                for word in dict.fromkeys(w for w in seg.words(unit.text) if len(w) >= 2):
                    holders.setdefault(word, []).append((side, unit.index))
    anchors: dict[tuple[int, int], list[str]] = {}
    for word, units in holders.items():
        if len(units) == 2 and units[0][0] == "old" and units[1][0] == "new":
            anchors.setdefault((units[0][1], units[1][1]), []).append(word)
    return {pair: tuple(words) for pair, words in anchors.items()}


def _pair_identical_units(
    old: DocTree, new: DocTree, pairs: dict[int, int], matched: dict, taken: set[int]
) -> None:
    """Units with the very same text in the same part are the same initiative, whatever
    their words weigh (a unit of stopwords alone has no TF-IDF vector)."""
    free: dict[str, list[int]] = {}
    for unit in new.units:
        free.setdefault(unit.text, []).append(unit.index)
    for unit in old.units:
        for j in free.get(unit.text, []):
            if _same_part(old, new, unit, new.units[j], pairs):
                free[unit.text].remove(j)
                matched[unit.index] = (j, 1.0)
                taken.add(j)
                break


def _aligned_tasks(old: DocTree, new: DocTree, sections: Sequence[SectionMatch]):
    """Tasks whose numbered sections were aligned are the same initiative."""
    task_of_old = {u.section: u.index for u in old.units if u.kind == "task"}
    task_of_new = {u.section: u.index for u in new.units if u.kind == "task"}
    for match in sections:
        if match.old and match.new and match.old.kind == "num":
            i, j = task_of_old.get(match.old.index), task_of_new.get(match.new.index)
            if i is not None and j is not None:
                yield i, j, match.similarity, match.relation


def _initiative_order(item: Initiative) -> tuple[int, int, int]:
    if item.new is not None:
        return (item.new.index, item.old.index if item.old else -1, 0 if item.level == "unit" else 1)
    return (item.old.index if item.old else 0, -1, 0 if item.level == "unit" else 1)


def _same_part(old: DocTree, new: DocTree, a: Unit, b: Unit, pairs: dict[int, int]) -> bool:
    """Units are compared only inside aligned top-level parts (review with review, plan with plan)."""
    top_a, top_b = _top(old, a.section), _top(new, b.section)
    if top_a is None or top_b is None:
        return top_a is None and top_b is None
    return pairs.get(top_a) == top_b


def _matched_unit(old, new, a: Unit, b: Unit, value: float, pairs, seg: Segmenter) -> list[Initiative]:
    aligned = _align_sentences(sentences(a.text) or [a.text], sentences(b.text) or [b.text], seg)
    diff: list[tuple[str, str]] = []
    figures = []
    for old_s, new_s in aligned:
        if old_s and new_s:
            piece = token_diff(old_s, new_s, seg.tokens)
            figures.extend(changed_figures(piece))
            diff.extend(piece)
        elif old_s:
            diff.append(("-", old_s))
        else:
            diff.append(("+", new_s))
    changed = sum(len(text) for op, text in diff if op != "=")
    ratio = changed / max(1, len(a.text) + len(b.text))
    if pairs.get(_home(old, a)) != _home(new, b):
        status = "moved"
    elif ratio <= RECURRING_EDIT_RATIO and not figures:
        status = "recurring"
    else:
        status = "reworded"
    unit = Initiative(
        status,
        a,
        b,
        round(value, 3),
        diff=_merge_runs(diff) if status != "recurring" else (),
        figures=tuple(figures),
    )
    if status == "recurring" or max(len(sentences(a.text)), len(sentences(b.text))) < 2:
        return [unit]
    sentence_items = [
        Initiative("dropped", a, b, 0.0, level="sentence", old_sentence=o)
        for o, n in aligned
        if o and not n and len(o) > 6
    ]
    sentence_items += [
        Initiative("new", a, b, 0.0, level="sentence", new_sentence=n)
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


def _align_sentences(old_s: list[str], new_s: list[str], seg: Segmenter) -> list[tuple[str, str]]:
    """Sentence pairs (old, new) in the new edition's order; unmatched ones with an empty side."""
    vectors = tfidf_vectors([seg.words(s) for s in (*old_s, *new_s)])
    rows = similarity_matrix(vectors[: len(old_s)], vectors[len(old_s) :])
    match: dict[int, int] = {}
    for i, sentence in enumerate(old_s):
        same = [j for j, other in enumerate(new_s) if other == sentence and j not in match.values()]
        if same:
            match[i] = same[0]
    for value, i, j in sorted(
        ((v, i, j) for i, row in enumerate(rows) for j, v in row.items()), reverse=True
    ):
        if value >= SENTENCE_THRESHOLD and i not in match and j not in match.values():
            match[i] = j
    by_new = {j: i for i, j in match.items()}
    out: list[tuple[str, str]] = []
    pending = [i for i in range(len(old_s)) if i not in match]
    for j, sentence in enumerate(new_s):
        i = by_new.get(j)
        if i is not None:
            while pending and pending[0] < i:
                out.append((old_s[pending.pop(0)], ""))
            out.append((old_s[i], sentence))
        else:
            out.append(("", sentence))
    out.extend((old_s[i], "") for i in pending)
    return out

"""Does a candidate signal separate continuing units the model scores low from unrelated ones?

`python -m tests.separation_initiatives` (tuned label files only; held-out files are refused). Issue
14: most continuing units the differ calls dropped or new have their labelled partner at p < 0.5 or
never scored (the MIN_CHAR_COSINE / MIN_LEAD prefilter). A new signal is worth building only if it
tells those labelled pairs from the other pairs of the same units. For every pair of units that hold
labelled units, in the same part and of compatible kinds, not linked by the differ, this prints each
signal's AUC between labelled (`same`; with `--related`, `related` too) and unlabelled pairs, among the scored pairs at p < 0.5 and
among the pairs never scored; then, among the scored ones, the out-of-fold AUC of the model's
log-odds alone and with the signal (a logistic fit leaving each label file out in turn): what the
signal adds to the evidence the model has.

Signals: `neighbours` (the units just before and after each, in reading order, are linked with each
other), `gap` (the two lie between the same one-to-one pairs), `group votes` (units of their two
enclosing groups are linked, up to three), `sections` (the sections they live in are aligned by
compare's section aligner), `contained` (share of the smaller unit's rare-word weight, IDF over
both editions' units, found in the other), `lead head` (the leads' first words of two or more
characters are equal); issue 14 (W4), evidence about meaning: `lsa K` (cosine of the two units in
a K-dimensional latent topic space, `text.vectors.latent_cosine_matrix`, learned from the TF-IDF of
both editions' units over their words), `lsa2 K` (the same over character bigrams), `lsa+c K` and
`lsa2+c K` (the space learned with every other edition of the pair's corpus too, the reports in the
same folder: which words go together is a corpus's own knowledge, no labels are read). The sizes
K are LATENT_DIMENSIONS; the space is chosen by the out-of-fold column only. Issue 14 (X3), meaning
between leads (headline to headline, 智慧福田全面建设 -> 智慧城区成效显著): `lead lsa K` / `lead lsa2 K`
(the cosine of the two units' leads in a space learned from both editions' leads, over words /
character bigrams), `+c` (with the corpus's other editions' leads), `+u` (learned from every unit
of both editions and the corpus, the leads placed in it); `ppmi` and `ppmi lead` (each word a
vector of the words it shares a sentence with more often than chance, over the sentences of both
editions and the corpus's others; a unit or lead is its words' TF-IDF-weighted sum,
`text.vectors.ppmi_cosine_matrix`). Last, the gate table: among the pairs the prefilter never
scores, how many labelled ones each meaning signal ranks in its top N (what a gate letting those
N pairs through to the model would let in, and at what cost in pairs).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.calibrate_initiatives import editions, fit, labelled_units, tuned_files
from tests.crossval_initiatives import HeldOut

if TYPE_CHECKING:
    import numpy as np

    from corpusdiff.compare.core import Candidates
    from corpusdiff.compare.matching import UnitPairs
    from corpusdiff.text.segment import Segmenter
    from corpusdiff.types.tree import DocTree, Unit

#: The latent-space sizes tried for the topic signals (`lsa K`: words, `lsa2 K`: character bigrams).
LATENT_DIMENSIONS = (10, 25, 50, 100, 200)
#: The latent-space sizes tried for the leads (short texts: fewer directions).
LEAD_DIMENSIONS = (10, 25, 50, 100)
#: How the leads' latent space is learned: from the two editions' leads, with the corpus's other
#: leads (`+c`), or from every unit of the editions and the corpus (`+u`).
LEAD_SPACES = ("", "+c", "+u")
#: The gate table's sizes: a gate lets the N never-scored pairs a signal ranks highest through.
GATE_SIZES = (100, 500, 2000)
SIGNALS = (
    "neighbours",
    "gap",
    "group votes",
    "sections",
    "contained",
    "lead head",
    *(f"lsa {k}" for k in LATENT_DIMENSIONS),
    *(f"lsa2 {k}" for k in LATENT_DIMENSIONS),
    *(f"lsa+c {k}" for k in LATENT_DIMENSIONS),
    *(f"lsa2+c {k}" for k in LATENT_DIMENSIONS),
    *(f"lead {tokens}{space} {k}" for tokens in ("lsa", "lsa2") for space in LEAD_SPACES for k in LEAD_DIMENSIONS),
    "ppmi",
    "ppmi lead",
)
#: The signals about meaning, ranked for the gate table.
MEANING = tuple(name for name in SIGNALS if name.startswith(("lsa", "lead lsa", "ppmi")))
#: The probability below which a labelled pair is one the model misses.
LOW = 0.5


@dataclass(frozen=True)
class PairRow:
    """One pair of units of a label file: its label, the model's probability (None: never
    scored), and each signal's value."""

    file: str
    label: int
    probability: float | None
    signals: tuple[float, ...]


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """The chance that a positive scores above a negative (ties count half); NaN without both."""
    if not positives or not negatives:
        return math.nan
    from scipy.stats import mannwhitneyu

    return float(mannwhitneyu(positives, negatives).statistic) / (len(positives) * len(negatives))


def containment(left: Sequence[Sequence[str]], right: Sequence[Sequence[str]]) -> np.ndarray:
    """left x right: the share of the smaller unit's rare-word weight (IDF over all the units of
    both lists, words of two or more characters, each counted once) that the other unit holds."""
    import numpy as np
    from scipy.sparse import csr_matrix

    documents = [sorted({w for w in doc if len(w) >= 2}) for doc in (*left, *right)]
    tokens = [w for doc in documents for w in doc]
    if not tokens:
        return np.zeros((len(left), len(right)))
    rows = np.repeat(np.arange(len(documents)), [len(doc) for doc in documents])
    vocabulary, columns = np.unique(np.array(tokens), return_inverse=True)
    idf = np.log(len(documents) / np.bincount(columns, minlength=len(vocabulary)))
    present = csr_matrix((np.ones(len(tokens)), (rows, columns)), shape=(len(documents), len(vocabulary)))
    weighted = csr_matrix(present.multiply(idf[None, :]))
    shared = (weighted[: len(left)] @ present[len(left) :].T).toarray()
    mass = np.asarray(weighted.sum(axis=1)).ravel()
    smaller = np.minimum(mass[: len(left), None], mass[None, len(left) :])
    return np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)


def topic_signals(
    left: Sequence[Sequence[str]], right: Sequence[Sequence[str]], context: Sequence[Sequence[str]] = ()
) -> list[Callable[[int, int], float]]:
    """The cosine of the two units in a latent topic space learned from both editions' units and
    `context` (LSA, `latent_cosine_matrix`), one signal per size in LATENT_DIMENSIONS."""
    from corpusdiff.text.vectors import latent_cosine_matrix

    def signal(cosines: np.ndarray) -> Callable[[int, int], float]:
        return lambda i, j: float(cosines[i, j])

    return [signal(latent_cosine_matrix(left, right, k, context)) for k in LATENT_DIMENSIONS]


def lead_signals(
    leads: Sequence[Sequence[Sequence[str]]],
    units: Sequence[Sequence[str]],
    dimensions: Sequence[int] = LEAD_DIMENSIONS,
) -> list[Callable[[int, int], float]]:
    """The cosine of two units' leads in a latent space learned from the editions' leads (`leads`:
    old, new, the corpus's others), with the corpus's other leads too, or with every unit (`units`:
    both editions' and the corpus's): each of LEAD_SPACES, one signal per size in `dimensions`."""
    from corpusdiff.text.vectors import latent_cosine_matrix

    def signal(cosines: np.ndarray) -> Callable[[int, int], float]:
        return lambda i, j: float(cosines[i, j])

    contexts = {"": (), "+c": leads[2], "+u": units}
    return [
        signal(latent_cosine_matrix(leads[0], leads[1], k, contexts[space]))
        for space in LEAD_SPACES
        for k in dimensions
    ]


def ppmi_signals(
    texts: tuple[Sequence[str], Sequence[str], Sequence[str]],
    leads: tuple[Sequence[str], Sequence[str]],
    seg: Segmenter,
) -> list[Callable[[int, int], float]]:
    """`ppmi` and `ppmi lead`: the PPMI cosines of the units' words and of their leads' words,
    the co-occurrences counted within the sentences of both editions' and the corpus's units."""
    from corpusdiff.text.sentences import sentences
    from corpusdiff.text.vectors import ppmi_cosine_matrix

    said = [seg.words(s) for part in texts for t in part for s in sentences(t)]
    words = [[list(seg.words(t)) for t in part] for part in (*texts[:2], *leads)]
    whole = ppmi_cosine_matrix(words[0], words[1], said)
    lead = ppmi_cosine_matrix(words[2], words[3], said)
    return [lambda i, j: float(whole[i, j]), lambda i, j: float(lead[i, j])]


def corpus_units(labels: Mapping[str, Any]) -> list[Unit]:
    """The initiative units of every other edition of the corpus the label file's pair belongs to
    (the reports beside its two in the same folder): a corpus knows its own vocabulary."""
    from corpusdiff.compare.units import initiative_units
    from corpusdiff.normalize.entry import normalize_file
    from corpusdiff.structure import build_tree
    from tests.eval_initiatives import raw_path

    pair = {raw_path(labels["meta"][side]) for side in ("old", "new")}
    if not all(path.is_file() and path.suffix for path in pair):
        return []  # editions built in a test, not read from a corpus
    folder, suffix = next(iter(pair)).parent, next(iter(pair)).suffix
    others = sorted(p for p in folder.glob(f"*{suffix}") if p not in pair and p.name != "README.md")
    return [u for path in others for u in initiative_units(build_tree(normalize_file(path)))]


def corpus_texts(labels: Mapping[str, Any]) -> list[str]:
    """The texts of `corpus_units`."""
    return [u.text for u in corpus_units(labels)]


def _orders(old: DocTree, new: DocTree, found: UnitPairs) -> tuple[list[int], list[int]]:
    """Each side's unit indices (into the candidates' lists) in reading order."""
    from corpusdiff.compare.units import reading_order

    out = []
    for tree, units in ((old, found.old_units), (new, found.new_units)):
        at = {u.index: k for k, u in enumerate(units)}
        out.append([at[u.index] for u in reading_order(tree)])
    return out[0], out[1]


def neighbours_signal(orders: tuple[list[int], list[int]], linked: set[tuple[int, int]]) -> Callable[[int, int], float]:
    """Half for each side (before, after) whose reading-order neighbours are linked."""
    old_order, new_order = orders
    rank_old = {k: r for r, k in enumerate(old_order)}
    rank_new = {k: r for r, k in enumerate(new_order)}

    def value(i: int, j: int) -> float:
        hits = 0
        for step in (-1, 1):
            a, b = rank_old[i] + step, rank_new[j] + step
            if 0 <= a < len(old_order) and 0 <= b < len(new_order):
                hits += (old_order[a], new_order[b]) in linked
        return hits / 2

    return value


def gap_signal(orders: tuple[list[int], list[int]], one_to_one: set[tuple[int, int]]) -> Callable[[int, int], float]:
    """Half for each side (before, after) where the nearest one-to-one paired units are paired
    with each other (or both ends of the report)."""
    partner = dict(one_to_one)
    paired = ({i for i, _ in one_to_one}, {j for _, j in one_to_one})
    ranks = [{k: r for r, k in enumerate(order)} for order in orders]

    def nearest(side: int, k: int, step: int) -> int | None:
        order, r = orders[side], ranks[side][k] + step
        while 0 <= r < len(order) and order[r] not in paired[side]:
            r += step
        return order[r] if 0 <= r < len(order) else None

    def value(i: int, j: int) -> float:
        hits = 0
        for step in (-1, 1):
            a, b = nearest(0, i, step), nearest(1, j, step)
            hits += (a is None and b is None) or (a is not None and partner.get(a) == b)
        return hits / 2

    return value


def group_votes_signal(old: DocTree, new: DocTree, found: UnitPairs, linked: set[tuple[int, int]]) -> Callable[[int, int], float]:
    """The links between the two units' enclosing groups, up to three, over three."""
    from corpusdiff.compare.groups import enclosing_groups

    old_group, new_group = enclosing_groups(old, found.old_units), enclosing_groups(new, found.new_units)
    votes = Counter((old_group[i], new_group[j]) for i, j in linked if i in old_group and j in new_group)

    def value(i: int, j: int) -> float:
        if i not in old_group or j not in new_group:
            return 0.0
        return min(votes[(old_group[i], new_group[j])], 3) / 3

    return value


def sections_signal(old: DocTree, new: DocTree, found: UnitPairs, seg: Segmenter) -> Callable[[int, int], float]:
    """1 when the sections the two units live in are aligned (or both are outside any section)."""
    from corpusdiff.compare.sections import _home, align_sections

    aligned = {(m.old.index, m.new.index) for m in align_sections(old, new, seg) if m.old and m.new}

    def value(i: int, j: int) -> float:
        homes = (_home(old, found.old_units[i]), _home(new, found.new_units[j]))
        return float(homes in aligned or homes == (None, None))

    return value


def lead_head_signal(found: UnitPairs, seg: Segmenter) -> Callable[[int, int], float]:
    """1 when the two leads open with the same word of two or more characters."""
    from corpusdiff.compare.units import lead_of

    def head(unit: Any) -> str | None:
        return next((w for w in seg.words(lead_of(unit)) if len(w) >= 2), None)

    heads = ([head(u) for u in found.old_units], [head(u) for u in found.new_units])
    return lambda i, j: float(heads[0][i] is not None and heads[0][i] == heads[1][j])


def pair_rows(
    name: str,
    labels: Mapping[str, Any],
    trees: tuple[DocTree, DocTree, Candidates] | None = None,
    related: bool = False,
) -> list[PairRow]:
    """Every pair of units holding labelled units, same part, compatible kinds, not linked by the
    differ, with its label, probability and signals; `trees` (old, new, candidates) when already
    built, else read from the label file's reports. A `related` pair is left out (it could be argued
    either way, as the calibration has it) or, with `related`, labelled too: a unit with only a
    `related` partner is wrongly called dropped or new (`make eval`). Refuses a held-out file."""
    from corpusdiff.compare.core import editions_segmenter, match_candidates
    from corpusdiff.compare.features import _bigrams, _compatible, probability
    from corpusdiff.compare.units import lead_of, roles_correspond

    if labels["meta"].get("held_out"):
        raise HeldOut(f"{name} is held out: its labels choose nothing (see tests/data/labels/initiatives/README.md)")
    old, new, candidates = trees or editions(labels)
    seg = editions_segmenter(old, new)
    found = match_candidates(old, new, candidates)
    linked = {(m.old, m.new) for m in found.matches}
    one_to_one = {(m.old, m.new) for m in found.matches if not m.relation}
    orders = _orders(old, new, found)
    contained = containment(
        [seg.words(u.text) for u in found.old_units], [seg.words(u.text) for u in found.new_units]
    )
    texts = ([u.text for u in found.old_units], [u.text for u in found.new_units])
    other_units = corpus_units(labels)
    others = [u.text for u in other_units]
    words = ([seg.words(t) for t in texts[0]], [seg.words(t) for t in texts[1]], [seg.words(t) for t in others])
    bigrams = ([_bigrams(t) for t in texts[0]], [_bigrams(t) for t in texts[1]], [_bigrams(t) for t in others])
    topics = [
        *topic_signals(words[0], words[1]),
        *topic_signals(bigrams[0], bigrams[1]),
        *topic_signals(*words),
        *topic_signals(*bigrams),
    ]
    leads = [[lead_of(u) for u in units] for units in (found.old_units, found.new_units, other_units)]
    topics += [
        *lead_signals([[seg.words(t) for t in part] for part in leads], [w for part in words for w in part]),
        *lead_signals([[_bigrams(t) for t in part] for part in leads], [b for part in bigrams for b in part]),
        *ppmi_signals((*texts, others), (leads[0], leads[1]), seg),
    ]
    signals: list[Callable[[int, int], float]] = [
        neighbours_signal(orders, linked),
        gap_signal(orders, one_to_one),
        group_votes_signal(old, new, found, linked),
        sections_signal(old, new, found, seg),
        lambda i, j: float(contained[i, j]),
        lead_head_signal(found, seg),
        *topics,
    ]
    marked = labelled_units(labels, old, new, candidates)
    same_part = roles_correspond(old, new)
    rows = []
    for i in sorted(marked.hosts_old):
        for j in sorted(marked.hosts_new):
            a, b = found.old_units[i], found.new_units[j]
            if (i, j) in linked or (not related and (i, j) in marked.arguable) or not _compatible(a, b):
                continue
            if same_part and found.roles[0][i] != found.roles[1][j]:
                continue
            features = candidates[2].get((i, j))
            p = probability(features) if features else None
            label = (i, j) in marked.positives or (related and (i, j) in marked.arguable)
            rows.append(PairRow(name, int(label), p, tuple(s(i, j) for s in signals)))
    return rows


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def out_of_fold_auc(rows: Sequence[PairRow], signal: int | None) -> float:
    """AUC of a logistic fit on the model's log-odds (and `signal`, when given), each label file's
    rows scored by the fit on the other files' rows."""
    def features(r: PairRow) -> tuple[float, ...]:
        assert r.probability is not None
        return (_logit(r.probability),) if signal is None else (_logit(r.probability), r.signals[signal])

    scores: list[tuple[float, int]] = []
    for name in sorted({r.file for r in rows}):
        weights = fit([(features(r), r.label) for r in rows if r.file != name])
        for r in rows:
            if r.file == name:
                scores.append((weights[0] + sum(w * v for w, v in zip(weights[1:], features(r), strict=True)), r.label))
    return auc([s for s, y in scores if y], [s for s, y in scores if not y])


def separation(rows: Sequence[PairRow], value: Callable[[PairRow], float]) -> float:
    """The AUC of `value` between the labelled rows and the others."""
    return auc([value(r) for r in rows if r.label], [value(r) for r in rows if not r.label])


def _signal(index: int) -> Callable[[PairRow], float]:
    return lambda row: row.signals[index]


def table(rows: Sequence[PairRow]) -> str:
    """Each signal's AUC among the missed scored pairs and the never-scored ones, and what it adds
    to the model's log-odds out of fold."""
    low = [r for r in rows if r.probability is not None and r.probability < LOW]
    unscored = [r for r in rows if r.probability is None]
    alone = out_of_fold_auc(low, None)

    def counts(part: Sequence[PairRow]) -> str:
        return f"{sum(r.label for r in part)} labelled / {sum(1 - r.label for r in part)} other"

    out = [
        f"scored at p < {LOW}: {counts(low)};  never scored: {counts(unscored)}",
        f"{'signal':16} {'AUC p<' + str(LOW):>9} {'AUC unscored':>13} {'out of fold: p alone -> p + signal':>36}",
    ]
    for k, name in enumerate(SIGNALS):
        low_auc, unscored_auc = (separation(part, _signal(k)) for part in (low, unscored))
        out.append(f"{name:16} {low_auc:9.3f} {unscored_auc:13.3f} {alone:29.3f} -> {out_of_fold_auc(low, k):.3f}")
    out.append(f"the model's own probability, same rows: AUC {separation(low, lambda r: r.probability or 0.0):.3f}")
    return "\n".join(out)


def gate_table(rows: Sequence[PairRow]) -> str:
    """For each meaning signal, the labelled pairs among the N never-scored pairs it ranks highest
    (each N of GATE_SIZES): what a gate through the prefilter would let in, at the cost of N
    more pairs for the model to score (ties broken against the labelled pairs)."""
    unscored = [r for r in rows if r.probability is None]
    head = " ".join(f"{'top ' + str(n):>9}" for n in GATE_SIZES)
    out = [
        f"never scored: {sum(r.label for r in unscored)} labelled among {len(unscored)}; labelled pairs a gate "
        "would let through",
        f"{'signal':16} {head}",
    ]
    for name in MEANING:
        k = SIGNALS.index(name)
        ranked = sorted(unscored, key=lambda r: (-r.signals[k], r.label))
        out.append(f"{name:16} " + " ".join(f"{sum(r.label for r in ranked[:n]):9d}" for n in GATE_SIZES))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.separation_initiatives", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="tuned label files (default: all of them)")
    parser.add_argument(
        "--related", action="store_true", help="count `related` pairs as labelled too (as make eval's dropped/new do)"
    )
    args = parser.parse_args(argv)
    rows: list[PairRow] = []
    try:
        for path in args.files or tuned_files():
            rows += pair_rows(path.stem, json.loads(path.read_text(encoding="utf-8")), related=args.related)
    except HeldOut as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(table(rows))
    print()
    print(gate_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

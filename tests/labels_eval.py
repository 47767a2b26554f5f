"""Score the differ against the hand-labelled pairs in tests/data/labels/ (used by the tests
and printable on its own: `python -m tests.labels_eval`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from corpusdiff.store.diffs import cached_compare
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.diff import DiffResult
from corpusdiff.types.tree import DocTree

ROOT = Path(__file__).resolve().parent.parent
LABELS = Path(__file__).parent / "data" / "labels"


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, category: str, ok: bool, what: str) -> None:
        self.total[category] = self.total.get(category, 0) + 1
        self.right[category] = self.right.get(category, 0) + int(ok)
        if not ok:
            self.misses.append(f"{category}: {what}")

    @property
    def accuracy(self) -> float:
        return sum(self.right.values()) / max(1, sum(self.total.values()))


def load(doc_id: str) -> DocTree:
    return tree_from_markdown((ROOT / "corpus" / f"{doc_id}.md").read_text(encoding="utf-8"))


def _full(section) -> str:
    return f"{section.label}{section.heading}".strip()


def _task(tree: DocTree, heading: str):
    for unit in tree.units:
        if unit.kind == "task" and unit.section is not None and _full(tree.sections[unit.section]) == heading:
            return unit
    return None


def _unit_status(result: DiffResult, side: str, text: str) -> set[str]:
    """Statuses given to the unit or sentence that holds `text` on one side."""
    statuses = set()
    for item in result.initiatives:
        unit = item.old if side == "old" else item.new
        sentence = item.old_sentence if side == "old" else item.new_sentence
        if item.level == "sentence" and sentence and (text in sentence or sentence.rstrip("。；") in text):
            statuses.add(item.status)
        elif item.level == "unit" and unit is not None and text in unit.text:
            statuses.add(item.status if (item.old is None or item.new is None) else "kept")
    return statuses


def _names(values) -> list[str]:
    return [v.replace("“", "").replace("”", "") for v in values]


def _has(names: list[str], label: str) -> bool:
    return any(n == label or (len(n) >= 2 and n in label) or label in n for n in names)


def score_pair(path: Path) -> tuple[Score, DiffResult]:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    old, new = load(spec["old"]), load(spec["new"])
    result = cached_compare(old, new)  # the disk cache's copy when the tests made it already
    score = Score()
    for pair in spec.get("task_pairs", []):
        a, b = _task(old, pair["old"]), _task(new, pair["new"])
        ok = (
            a is not None
            and b is not None
            and any(i.old == a and i.new == b and i.level == "unit" for i in result.initiatives)
        )
        score.add("task pairs", ok, f"{pair['old']} -> {pair['new']}")
    for side, key in (("old", "dropped_tasks"), ("new", "new_tasks")):
        wanted = "dropped" if side == "old" else "new"
        for item in spec.get(key, []):
            text = item[side]
            unit = _task(old if side == "old" else new, text)
            if unit is not None:  # a whole task: it must not be paired (or merged) with any
                ok = not any(
                    i.level == "unit" and i.old and i.new and unit in (i.old, i.new)
                    for i in result.initiatives
                )
            else:
                ok = wanted in _unit_status(result, side, text.rstrip("。"))
            score.add(key, ok, text)
    for pair in spec.get("group_pairs", []):
        matches = result.sections
        if pair["old"] and pair["new"]:
            ok = any(
                m.old and m.new and _full(m.old) == pair["old"] and _full(m.new) == pair["new"]
                for m in matches
            )
        elif pair["old"]:
            ok = any(
                m.old and _full(m.old) == pair["old"] and (m.new is None or m.relation == "merge")
                for m in matches
            )
        else:
            ok = any(
                m.new and _full(m.new) == pair["new"] and (m.old is None or m.relation == "split")
                for m in matches
            )
        score.add("group pairs", ok, f"{pair['old']} -> {pair['new']}")
    for kind in ("recurring", "new", "dropped"):
        names = _names(getattr(result.programmes, kind))
        for label in spec.get("programmes", {}).get(kind, []):
            score.add(f"programmes {kind}", _has(names, str(label)), str(label))
    return score, result


def main() -> None:
    for path in sorted(LABELS.glob("*__*.yaml")):
        score, _ = score_pair(path)
        print(f"{path.stem}: {score.accuracy:.1%}")
        for category, total in score.total.items():
            print(f"  {category:22} {score.right[category]}/{total}")
        for miss in score.misses:
            print("   miss", miss)


if __name__ == "__main__":
    main()

"""Cold CLI diff of the raw 2022 and 2025 plans, measured interleaved against two baselines in
the same run: difflib.HtmlDiff().make_file on the same two files' lines (run as a script), and
the floor "start Python, import jieba, segment both texts". Prints a table, writes JSON."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "seeds" / "futian-2022-01-plan-report.txt"
NEW = ROOT / "seeds" / "futian-2025-01-plan-report.txt"
ROUNDS = 5

DIFFLIB = f"""
import difflib
a = open({str(OLD)!r}, encoding="utf-8").read().splitlines()
b = open({str(NEW)!r}, encoding="utf-8").read().splitlines()
difflib.HtmlDiff().make_file(a, b)
"""
FLOOR = f"""
import jieba, logging
jieba.setLogLevel(logging.WARNING)
for name in ({str(OLD)!r}, {str(NEW)!r}):
    jieba.lcut(open(name, encoding="utf-8").read())
"""
COMMANDS = {
    "corpusdiff diff (cold CLI)": [
        sys.executable,
        "-m",
        "corpusdiff",
        "--corpus",
        str(ROOT / "corpus"),
        "diff",
        str(OLD),
        str(NEW),
        "--format",
        "json",
    ],
    "difflib HtmlDiff script": [sys.executable, "-c", DIFFLIB],
    "floor: python + jieba segment": [sys.executable, "-c", FLOOR],
}


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def _warm_diff_ms() -> float:
    from corpusdiff.compare import compare
    from corpusdiff.tree import tree_from_markdown

    old = tree_from_markdown((ROOT / "corpus/futian/annual-plan/2022-01.md").read_text(encoding="utf-8"))
    new = tree_from_markdown((ROOT / "corpus/futian/annual-plan/2025-01.md").read_text(encoding="utf-8"))
    compare(old, new)
    runs = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        compare(old, new)
        runs.append(time.perf_counter() - start)
    return min(runs) * 1000


def main() -> None:
    timings: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(ROUNDS):  # interleaved, so machine noise hits every command alike
        for name, command in COMMANDS.items():
            timings[name].append(_time(command))
    medians = {name: statistics.median(values) for name, values in timings.items()}
    baseline = medians["difflib HtmlDiff script"]
    result = {
        name: {"median_s": round(value, 3), "ratio_to_difflib": round(value / baseline, 2)}
        for name, value in medians.items()
    }
    result["in-process diff, warm (ms)"] = {"best_ms": round(_warm_diff_ms(), 1)}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "cli_diff.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    for name, values in result.items():
        print(f"{name:32} " + "  ".join(f"{k}={v}" for k, v in values.items()))


if __name__ == "__main__":
    main()

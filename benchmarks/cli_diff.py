"""Cold CLI diff of the raw 2022 and 2025 plans, measured interleaved against two baselines in
the same run: difflib.HtmlDiff().make_file on the same two files' lines (run as a script), and
the floor "start Python, import jieba, segment both texts". Prints a table, writes JSON.

The CLI is timed three ways, each a new process: with the disk cache (corpusdiff.cache)
already holding these two reports, as every run after the first finds it; with a cache that
holds only the index of jieba's dictionary (corpusdiff.dictindex), as a first diff of two new
reports finds it on a machine that has segmented anything before; and with an empty cache, as
the very first run ever does (the index is built, then the normaliser and the differ run).

Each is timed by the wall clock and by the CPU time of the process (user + system, which other
load on a shared machine hardly changes). Every process may write bytecode: a cold process is a
new process, not a package never compiled (pip compiles modules at install, Python writes
`__pycache__` on first import); under PYTHONDONTWRITEBYTECODE, as some shells and CI images set
it, every timed run would compile corpusdiff's modules from source again, while difflib's
standard library ships compiled."""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from corpusdiff.text.dictindex import INDEX_DIR  # noqa: E402

OLD = ROOT / "seeds" / "futian-2022-01-plan-report.txt"
NEW = ROOT / "seeds" / "futian-2025-01-plan-report.txt"
ROUNDS = 9

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
CLI_DIFF = [
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
]
WARM_CACHE = tempfile.mkdtemp(prefix="corpusdiff-bench-cache-")
INDEX_ONLY = "index only"
COMMANDS = {
    "corpusdiff diff, cold process, cache warm": (CLI_DIFF, WARM_CACHE),
    "corpusdiff diff, cold process, new pair": (CLI_DIFF, INDEX_ONLY),
    "corpusdiff diff, cold process, empty cache": (CLI_DIFF, ""),
    "difflib HtmlDiff script": ([sys.executable, "-c", DIFFLIB], None),
    "floor: python + jieba segment": ([sys.executable, "-c", FLOOR], None),
}


def _time(command: list[str], cache: str | None) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of `command` in a new process."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache == INDEX_ONLY:
        cache = tempfile.mkdtemp(prefix="corpusdiff-bench-index-")
        shutil.copytree(Path(WARM_CACHE) / INDEX_DIR, Path(cache) / INDEX_DIR)
    if cache is not None:
        env["CORPUSDIFF_CACHE_DIR"] = cache or tempfile.mkdtemp(prefix="corpusdiff-bench-empty-")
    before, start = _children_cpu(), time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - start, _children_cpu() - before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _warm_diff_ms() -> float:
    from corpusdiff.compare.core import compare
    from corpusdiff.structure import tree_from_markdown

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
    _time(CLI_DIFF, WARM_CACHE)  # fills the warm cache (and writes the bytecode)
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(ROUNDS):  # interleaved, so machine noise hits every command alike
        for name, (command, cache) in COMMANDS.items():
            timings[name].append(_time(command, cache))
    walls = {name: statistics.median(wall for wall, _ in values) for name, values in timings.items()}
    cpus = {name: statistics.median(cpu for _, cpu in values) for name, values in timings.items()}
    baseline = "difflib HtmlDiff script"
    result: dict[str, dict[str, float]] = {
        name: {
            "median_s": round(walls[name], 3),
            "ratio_to_difflib": round(walls[name] / walls[baseline], 2),
            "cpu_median_s": round(cpus[name], 3),
            "cpu_ratio_to_difflib": round(cpus[name] / cpus[baseline], 2),
        }
        for name in COMMANDS
    }
    result["in-process diff, warm (ms)"] = {"best_ms": round(_warm_diff_ms(), 1)}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "cli_diff.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    for name, values in result.items():
        print(f"{name:44} " + "  ".join(f"{k}={v}" for k, v in values.items()))


if __name__ == "__main__":
    main()

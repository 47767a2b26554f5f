"""`corpusdiff timeline` over a series of national work reports, this working tree's code against
the code of a git revision (`--baseline`, default `main`, exported with `git archive`), measured
interleaved in the same run. Prints a table, writes benchmarks/results/timeline.json.

The reports (tests/data/national-gwr/wikisource-older: the 14 of series national-gwr, 91 pairs;
`--set recent`: the 9 of wikisource/, 36 pairs) are ingested once into a temporary corpus, which
both codes read. Each round runs, for each code, one new process of
`corpusdiff timeline --series national-gwr --format json` (all cores, as a user runs it; `--jobs 1`: in
one process, the differ's own speed without a pool's) two ways:

- new pairs: a disk cache holding only the index of jieba's dictionary (corpusdiff.dictindex),
  as a first timeline of reports never compared finds it: every pair is compared;
- warm: the code's own disk cache, filled by an unmeasured run before the rounds, as every
  timeline after the first finds it.

Each is timed by the wall clock and by CPU time (user + system of the process and its pool's
workers, which other load on a shared machine hardly changes). Medians per code and way, and
ratios this / baseline (below 1 is faster). Both codes must print the same JSON, byte for
byte: the run says so (`same_output`). Processes may write bytecode (see cli_diff.py)."""

from __future__ import annotations

import argparse
import hashlib
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

from benchmarks.revisions import export  # noqa: E402
from corpusdiff.text.dictindex import INDEX_DIR  # noqa: E402

SETS = {
    "older": ROOT / "tests" / "data" / "national-gwr" / "wikisource-older",
    "recent": ROOT / "tests" / "data" / "national-gwr" / "wikisource",
}
SERIES = "national-gwr"
ROUNDS = 3
NEW_PAIRS, WARM = "new pairs", "warm"


def _env(code: Path, cache: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(code), CORPUSDIFF_CACHE_DIR=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def ingest(reports: Path, corpus: Path, cache: Path) -> None:
    command = [sys.executable, "-m", "corpusdiff", "--corpus", str(corpus), "ingest"]
    files = sorted(str(p) for p in reports.glob("*.txt"))
    subprocess.run([*command, *files], check=True, env=_env(ROOT, cache), capture_output=True, cwd=ROOT)


def timeline(code: Path, corpus: Path, cache: Path, jobs: int | None = None) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one timeline in a new process, and its output's digest;
    `jobs`: the timeline's --jobs (None: every core, as a user runs it)."""
    command = [sys.executable, "-m", "corpusdiff", "--corpus", str(corpus), "timeline"]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    before, start = _children_cpu(), time.perf_counter()
    # run from the code's folder: `python -m` puts the working directory first on the path
    done = subprocess.run(
        [*command, "--series", SERIES, "--format", "json"], check=True, env=_env(code, cache), capture_output=True, cwd=code
    )
    return time.perf_counter() - start, _children_cpu() - before, hashlib.sha256(done.stdout).hexdigest()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _index_only(index: Path, work: Path) -> Path:
    """A fresh cache holding jieba's dictionary index and nothing else."""
    cache = Path(tempfile.mkdtemp(prefix="cache-new-", dir=work))
    shutil.copytree(index, cache / INDEX_DIR)
    return cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main", help="git revision whose code is the baseline")
    parser.add_argument("--set", dest="reports", choices=tuple(SETS), default="older")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument(
        "--jobs", type=int, help="the timeline's --jobs (default: every core); 1 times the differ alone, without a pool"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="corpusdiff-bench-timeline-"))
    baseline = f"baseline ({args.baseline})"
    try:
        codes = {"this tree": ROOT, baseline: export(args.baseline, work / "baseline-code")}
        corpus = work / "corpus"
        warm = {name: work / f"cache-{n}" for n, name in enumerate(codes)}
        ingest(SETS[args.reports], corpus, warm["this tree"])
        index = warm["this tree"] / INDEX_DIR  # built by the first timeline, then copied
        for name, code in codes.items():  # fills each code's warm cache (and writes its bytecode)
            if name != "this tree":
                shutil.copytree(index, warm[name] / INDEX_DIR)
            timeline(code, corpus, warm[name])
        times: dict[str, dict[str, list[tuple[float, float]]]] = {
            name: {NEW_PAIRS: [], WARM: []} for name in codes
        }
        digests: set[str] = set()
        for _ in range(args.rounds):  # interleaved, so machine noise hits both codes alike
            for name, code in codes.items():
                for way, cache in ((NEW_PAIRS, _index_only(index, work)), (WARM, warm[name])):
                    wall, cpu, digest = timeline(code, corpus, cache, args.jobs)
                    times[name][way].append((wall, cpu))
                    digests.add(digest)
                    if way == NEW_PAIRS:
                        shutil.rmtree(cache, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result: dict[str, object] = {
        f"{name}, {way}": {
            "wall_median_s": round(statistics.median(w for w, _ in runs), 2),
            "cpu_median_s": round(statistics.median(c for _, c in runs), 2),
        }
        for name, ways in times.items()
        for way, runs in ways.items()
    }
    for way in (NEW_PAIRS, WARM):
        this, base = times["this tree"][way], times[baseline][way]
        result[f"ratio this / baseline, {way}"] = {
            "wall": round(statistics.median(w for w, _ in this) / statistics.median(w for w, _ in base), 2),
            "cpu": round(statistics.median(c for _, c in this) / statistics.median(c for _, c in base), 2),
        }
    result["reports"] = args.reports
    result["rounds"] = args.rounds
    result["jobs"] = args.jobs or os.cpu_count()
    result["same_output"] = len(digests) == 1
    result["load_average"] = [round(x, 1) for x in os.getloadavg()]
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "timeline.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, values in result.items():
        shown = "  ".join(f"{k}={v}" for k, v in values.items()) if isinstance(values, dict) else values
        print(f"{name:42} {shown}")


if __name__ == "__main__":
    main()

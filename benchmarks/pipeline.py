"""The whole pipeline at scale: ingest, consecutive diffs and the site, on synthetic corpora.

    python benchmarks/pipeline.py [--sizes 10,100,1000] [--seed 7] [--jobs J] [--keep DIR] [--skip-dask]

For each N, in a fresh directory, with its own empty disk cache (CORPUSDIFF_CACHE_DIR) so runs
at different N start alike, the figures are:

- generate: writing the N raw reports with benchmarks/synthetic.py (in-process; not pipeline).
- baseline: the machine's own speed in this run, best of three: `unicodedata.normalize("NFKC")`
  over every line of the N generated texts (the baseline of normalize_throughput.py). Every
  `x baseline` figure is a step's time divided by it, so a slower or busier machine moves both.
- ingest: `corpusdiff --corpus C ingest FILES... --quiet`, one subprocess (git repository
  created, reports normalised, documents committed).
- diffs: every pair of consecutive editions of every series compared in one subprocess with
  `corpusdiff.parallel.Runner(jobs).map` (canonical_tree + compare + report.summary), timed
  around the map only (start-up and imports excluded); pairs/s.
- site warm: `site build` into an empty out dir, with the cache the diffs just filled.
- site cold: `site build` into an empty out dir with an empty cache: the first build ever.
- incremental: one more edition of the last series ingested, then `site build` over the
  cold build's out dir; also as a fraction of the cold full build.
- per report: a step's time / N (diffs: / pairs); growth: per-report time at N divided by
  per-report time at the smallest N of the run (1.0 = linear scaling).
- CPU: user + system seconds of the step's process and the children it waited for (pool
  workers, not Dask workers). Other people's work on a shared machine stretches wall time
  much more than CPU time, so CPU growth is the steadier figure; the one-minute load average
  before each step is kept in the JSON to show how busy the machine was.
- peak RSS: the largest resident set of any single process of the step's process tree
  (os.wait4's ru_maxrss of the subprocess, which covers its waited-for children, such as
  process-pool workers). It is not the sum over processes: with a pool of J workers the
  tree can hold up to about J + 1 times that at once.

Once per run: `site build --jobs 1` against the default (all cores) on N = 100 (or the largest
N), and, when `distributed` is importable, `site build --scheduler` on a LocalCluster of one
and then two single-threaded workers on the largest N (fresh out dir and cache each time).

Prints a table and writes benchmarks/results/pipeline.json. Editing corpusdiff's code during a
run invalidates its cache and site hashes; the run notices and flags the N it happened in.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, not only as `python -m benchmarks.pipeline`
    sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import (  # noqa: E402
    EDITIONS_PER_SERIES,
    REGIONS,
    GeneratedFile,
    Sources,
    load_sources,
    rename_region,
    series,
    write_corpus,
)

RESULTS = ROOT / "benchmarks" / "results" / "pipeline.json"
DEFAULT_SIZES = (10, 100, 1000)
JOBS_COMPARISON_N = 100
#: Bytes of file names per ingest command; far below ARG_MAX, so one chunk up to N ≈ 1,000.
ARGUMENT_BYTES = 100_000
CORPUSDIFF = [sys.executable, "-m", "corpusdiff"]


# --- measuring one subprocess ---------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    """Wall time, CPU time (user + system, the process and the children it waited for) and the
    peak RSS of the largest single process of one command's tree."""

    seconds: float
    cpu_s: float
    peak_rss_mb: float
    output: str
    load_before: float = 0.0  # one-minute load average when the command started


def run_measured(command: Sequence[str], env: dict[str, str]) -> Measured:
    """Run `command` to the end; its rusage from wait4 covers the children it waited for."""
    with tempfile.TemporaryFile() as output:
        load = os.getloadavg()[0]
        start = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=output, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:6])}… exited {process.returncode}:\n{text[-3000:]}")
    return Measured(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text, load)


def combined(parts: Sequence[Measured]) -> Measured:
    return Measured(
        sum(p.seconds for p in parts),
        sum(p.cpu_s for p in parts),
        max(p.peak_rss_mb for p in parts),
        "".join(p.output for p in parts),
        parts[0].load_before,
    )


def best_of(function: Callable[[], object], repeat: int = 3) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def nfkc_all(texts: Sequence[str]) -> None:
    for text in texts:
        "\n".join(unicodedata.normalize("NFKC", line) for line in text.split("\n"))


# --- the pipeline steps ---------------------------------------------------------------------


def with_cache(cache: Path) -> dict[str, str]:
    return {**os.environ, "CORPUSDIFF_CACHE_DIR": str(cache)}


def accepts_option(command: str, option: str) -> bool:
    """Whether `corpusdiff COMMAND --help` lists `option` (batch options arrive command by command)."""
    shown = subprocess.run(
        [*CORPUSDIFF, *command.split(), "--help"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return option in shown.stdout


def file_chunks(files: Sequence[Path], limit: int = ARGUMENT_BYTES) -> list[list[Path]]:
    """Consecutive groups of files whose names together stay under `limit` bytes."""
    groups: list[list[Path]] = [[]]
    size = 0
    for path in files:
        length = len(os.fsencode(path)) + 1
        if groups[-1] and size + length > limit:
            groups.append([])
            size = 0
        groups[-1].append(path)
        size += length
    return groups


def ingest(corpus: Path, files: Sequence[Path], env: dict[str, str], jobs_args: list[str]) -> Measured:
    return combined(
        [
            run_measured(
                [*CORPUSDIFF, "--corpus", str(corpus), "ingest", *map(str, group), "--quiet", *jobs_args], env
            )
            for group in file_chunks(files)
        ]
    )


def site_build(corpus: Path, out: Path, env: dict[str, str], extra_args: Sequence[str] = ()) -> Measured:
    return run_measured(
        [*CORPUSDIFF, "--corpus", str(corpus), "site", "build", "--out", str(out), *extra_args], env
    )


def files_written(build: Measured) -> dict[str, int] | None:
    """`N files: W written, U unchanged` from site build's summary line, when it says so."""
    match = re.search(r"(\d+) files: (\d+) written, (\d+) unchanged", build.output)
    return (
        dict(zip(("files", "written", "unchanged"), map(int, match.groups()), strict=True)) if match else None
    )


def consecutive_pairs(corpus: Path) -> list[tuple[str, str]]:
    """Paths of consecutive editions, series by series, in date order (as the site pairs them)."""
    from corpusdiff.store.corpus import entries

    by_series: dict[str, list] = {}
    for entry in entries(corpus):
        by_series.setdefault(entry.metadata.series, []).append(entry)
    pairs = []
    for editions in by_series.values():
        editions.sort(key=lambda e: (e.metadata.date, e.id))
        pairs += [(str(old.path), str(new.path)) for old, new in pairwise(editions)]
    return pairs


def diff_pair(paths: tuple[str, str]) -> dict[str, dict[str, int]]:
    """One consecutive diff's summary counts (runs in pool workers: module level, plain data)."""
    from corpusdiff.compare.core import compare
    from corpusdiff.render.diff import summary
    from corpusdiff.store.resolve import canonical_tree

    old, new = (canonical_tree(Path(path).read_text(encoding="utf-8")) for path in paths)
    return summary(compare(old, new))


def diff_worker(corpus: str, jobs: int | None) -> None:
    """Step 3 inside its own process, so its memory is its own; prints one JSON line."""
    from corpusdiff.parallel import Runner

    pairs = consecutive_pairs(Path(corpus))
    start = time.perf_counter()
    summaries = Runner(jobs=jobs).map(diff_pair, pairs)
    seconds = time.perf_counter() - start
    initiatives = sum((Counter(s["initiatives"]) for s in summaries), Counter())
    print(json.dumps({"pairs": len(pairs), "seconds": seconds, "initiatives": dict(initiatives)}))


def run_diffs(corpus: Path, env: dict[str, str], jobs: int | None) -> tuple[Measured, dict]:
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from benchmarks.pipeline import diff_worker; "
    code += f"diff_worker({str(corpus)!r}, {jobs!r})"
    measured = run_measured([sys.executable, "-c", code], env)
    return measured, json.loads(measured.output.strip().splitlines()[-1])


def next_edition(files: Sequence[GeneratedFile], seed: int, sources: Sources) -> GeneratedFile:
    """The edition that would follow the last series of `files`, from the generator's own series
    and random stream (`generate` seeds series `index` with this same string); a new edition of
    an existing series, which N + 1 reports would not be when N is a multiple of ten."""
    index = (len(files) - 1) // EDITIONS_PER_SERIES
    length = len(files) - index * EDITIONS_PER_SERIES
    rng = random.Random(f"corpusdiff-synthetic:{seed}:{index}")
    template_id, template = sources.templates[index % len(sources.templates)]
    first = rename_region(template, REGIONS[index])
    *earlier, extra = series(first, template_id, length + 1, rng, sources.donors)
    if [f.text for f in earlier] != [f.text for f in files[-length:]]:
        raise RuntimeError("the generator no longer seeds series as next_edition assumes")
    return extra


def dask_speedup(corpus: Path, work: Path) -> dict[str, object]:
    """`site build --scheduler` on a LocalCluster of one, then two single-threaded workers."""
    try:
        from distributed import LocalCluster
    except ImportError as exc:
        return {"skipped": f"distributed is not importable ({exc}); pip install dask distributed"}
    seconds, loads = {}, []
    for workers in (1, 2):
        cache = work / f"cache-dask-{workers}"
        # The workers render the pages, so they need the cache setting; they inherit ours.
        with (
            _environment("CORPUSDIFF_CACHE_DIR", str(cache)),
            LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        ):
            arguments = ["--scheduler", cluster.scheduler_address]
            build = site_build(corpus, work / f"site-dask-{workers}", with_cache(cache), arguments)
        seconds[workers] = build.seconds
        loads.append(build.load_before)
    return {
        "workers_1_s": seconds[1],
        "workers_2_s": seconds[2],
        "speedup_2_vs_1": seconds[1] / seconds[2],
        "load_before": loads,
    }


@contextmanager
def _environment(name: str, value: str):
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def jobs_speedup(corpus: Path, work: Path) -> dict[str, float]:
    """Site build on one process against all cores, each into a fresh out dir with a fresh cache."""
    one = site_build(corpus, work / "site-jobs-1", with_cache(work / "cache-jobs-1"), ["--jobs", "1"])
    every = site_build(corpus, work / "site-jobs-all", with_cache(work / "cache-jobs-all"))
    return {
        "jobs_1_s": one.seconds,
        "jobs_all_s": every.seconds,
        "jobs_1_cpu_s": one.cpu_s,
        "jobs_all_cpu_s": every.cpu_s,
        "load_before": [one.load_before, every.load_before],
        "cores": os.cpu_count() or 1,
        "speedup": one.seconds / every.seconds,
    }


# --- one size -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    seed: int
    jobs: int | None
    ingest_jobs_args: list[str]
    site_jobs_args: list[str]


def package_state() -> str:
    """A hash of corpusdiff's files: when it moves during a run (someone edited the code), the
    disk cache and the site's page hashes were invalidated mid-run and the timings are off."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "corpusdiff").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()


def run_size(
    n: int, work: Path, options: Options, sources: Sources, compare_jobs: bool, try_dask: bool
) -> dict[str, object]:
    """Every figure for one N (see the module docstring), measured in `work`."""
    raw, corpus, cache = work / "raw", work / "corpus", work / "cache"
    code_before = package_state()
    say(f"N={n}: generating")
    start = time.perf_counter()
    files = write_corpus(n, options.seed, raw, sources)
    generate_s = time.perf_counter() - start
    texts = [f.text for f in files]
    baseline_s = best_of(lambda: nfkc_all(texts))
    expected_pairs = n - len({f.truth["expected"]["series"] for f in files})
    env = with_cache(cache / "run")

    say(f"N={n}: ingest")
    ingested = ingest(corpus, [raw / f.name for f in files], env, options.ingest_jobs_args)
    say(f"N={n}: diffs")
    diffs, diff_result = run_diffs(corpus, env, options.jobs)
    if diff_result["pairs"] != expected_pairs:
        raise RuntimeError(f"{diff_result['pairs']} consecutive pairs found, {expected_pairs} expected")
    say(f"N={n}: site build (warm, then cold cache)")
    warm = site_build(corpus, work / "site-warm", env, options.site_jobs_args)
    cold_env = with_cache(cache / "cold")
    cold = site_build(corpus, work / "site", cold_env, options.site_jobs_args)

    extra_runs: dict[str, object] = {}
    if compare_jobs:
        say(f"N={n}: site build --jobs 1 against all cores")
        extra_runs["jobs_comparison"] = {"n": n, **jobs_speedup(corpus, work)}
    if try_dask:
        say(f"N={n}: Dask LocalCluster, 1 then 2 workers")
        extra_runs["dask"] = {"n": n, **dask_speedup(corpus, work)}

    say(f"N={n}: one more edition, ingest and incremental site build")
    extra = next_edition(files, options.seed, sources)
    (work / "extra").mkdir()
    (work / "extra" / extra.name).write_text(extra.text, encoding="utf-8")
    extra_ingest = ingest(corpus, [work / "extra" / extra.name], cold_env, options.ingest_jobs_args)
    incremental = site_build(corpus, work / "site", cold_env, options.site_jobs_args)

    code_changed = package_state() != code_before
    if code_changed:
        say(
            f"N={n}: WARNING: corpusdiff's code changed during the run; cache and incremental figures are off"
        )
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    result = {
        "n": n,
        "code_changed_during_run": code_changed,
        "series": n - expected_pairs,
        "pairs": diff_result["pairs"],
        "input_mb": megabytes,
        "generate_s": generate_s,
        "baseline_nfkc_s": baseline_s,
        "ingest": step(ingested, n, baseline_s),
        "diffs": step(diffs, diff_result["pairs"], baseline_s)
        | {"map_s": diff_result["seconds"], "pairs_per_s": diff_result["pairs"] / diff_result["seconds"]},
        "diff_initiatives": diff_result["initiatives"],
        "site_warm": step(warm, n, baseline_s) | {"pages": files_written(warm)},
        "site_cold": step(cold, n, baseline_s) | {"pages": files_written(cold)},
        "extra_edition": extra.name,
        "extra_ingest_s": extra_ingest.seconds,
        "site_incremental": step(incremental, 1, baseline_s)
        | {"pages": files_written(incremental), "fraction_of_cold_full": incremental.seconds / cold.seconds},
    }
    return result | extra_runs


def step(measured: Measured, units: int, baseline_s: float) -> dict[str, float]:
    return {
        "seconds": measured.seconds,
        "per_unit_ms": measured.seconds / max(units, 1) * 1000,
        "x_baseline": measured.seconds / baseline_s,
        "cpu_s": measured.cpu_s,
        "cpu_per_unit_ms": measured.cpu_s / max(units, 1) * 1000,
        "peak_rss_mb": measured.peak_rss_mb,
        "load_before": measured.load_before,
    }


def add_growth(results: list[dict]) -> None:
    """Per-unit wall and CPU time at each N over the same at the smallest N."""
    first = results[0]
    for result in results:
        for name in ("ingest", "diffs", "site_warm", "site_cold"):
            result[name]["growth"] = result[name]["per_unit_ms"] / first[name]["per_unit_ms"]
            result[name]["cpu_growth"] = result[name]["cpu_per_unit_ms"] / first[name]["cpu_per_unit_ms"]


# --- output ---------------------------------------------------------------------------------

ROWS: tuple[tuple[str, Callable[[dict], object], str], ...] = (
    ("series", lambda r: r["series"], "{}"),
    ("input MB", lambda r: r["input_mb"], "{:.1f}"),
    ("generate s (not pipeline)", lambda r: r["generate_s"], "{:.1f}"),
    ("baseline NFKC s", lambda r: r["baseline_nfkc_s"], "{:.3f}"),
    ("ingest s", lambda r: r["ingest"]["seconds"], "{:.1f}"),
    ("ingest ms/report", lambda r: r["ingest"]["per_unit_ms"], "{:.0f}"),
    ("ingest CPU ms/report", lambda r: r["ingest"]["cpu_per_unit_ms"], "{:.0f}"),
    ("ingest x baseline", lambda r: r["ingest"]["x_baseline"], "{:.0f}"),
    ("ingest growth (wall, CPU)", lambda r: _pair(r["ingest"]), "{}"),
    ("ingest peak RSS MB", lambda r: r["ingest"]["peak_rss_mb"], "{:.0f}"),
    ("diffs: pairs", lambda r: r["pairs"], "{}"),
    ("diffs s (map)", lambda r: r["diffs"]["map_s"], "{:.1f}"),
    ("diffs pairs/s (map)", lambda r: r["diffs"]["pairs_per_s"], "{:.2f}"),
    ("diffs CPU ms/pair", lambda r: r["diffs"]["cpu_per_unit_ms"], "{:.0f}"),
    ("diffs growth (wall, CPU)", lambda r: _pair(r["diffs"]), "{}"),
    ("diffs peak RSS MB", lambda r: r["diffs"]["peak_rss_mb"], "{:.0f}"),
    ("site warm s", lambda r: r["site_warm"]["seconds"], "{:.1f}"),
    ("site warm ms/report", lambda r: r["site_warm"]["per_unit_ms"], "{:.0f}"),
    ("site warm growth (wall, CPU)", lambda r: _pair(r["site_warm"]), "{}"),
    ("site cold s", lambda r: r["site_cold"]["seconds"], "{:.1f}"),
    ("site cold ms/report", lambda r: r["site_cold"]["per_unit_ms"], "{:.0f}"),
    ("site cold CPU ms/report", lambda r: r["site_cold"]["cpu_per_unit_ms"], "{:.0f}"),
    ("site cold x baseline", lambda r: r["site_cold"]["x_baseline"], "{:.0f}"),
    ("site cold growth (wall, CPU)", lambda r: _pair(r["site_cold"]), "{}"),
    ("site cold peak RSS MB", lambda r: r["site_cold"]["peak_rss_mb"], "{:.0f}"),
    ("site cold: load avg before", lambda r: r["site_cold"]["load_before"], "{:.1f}"),
    ("extra edition ingest s", lambda r: r["extra_ingest_s"], "{:.1f}"),
    ("site incremental s", lambda r: r["site_incremental"]["seconds"], "{:.1f}"),
    ("incremental / cold full", lambda r: r["site_incremental"]["fraction_of_cold_full"], "{:.3f}"),
    ("incremental files written", lambda r: (r["site_incremental"]["pages"] or {}).get("written"), "{}"),
    ("code changed mid-run", lambda r: "YES" if r["code_changed_during_run"] else "no", "{}"),
)


def _pair(figures: dict[str, float]) -> str:
    return f"{figures['growth']:.2f},{figures['cpu_growth']:.2f}"


def table(results: list[dict]) -> str:
    width = max(len(label) for label, _, _ in ROWS)
    lines = [f"{'N':<{width}}" + "".join(f"{r['n']:>10}" for r in results)]
    for label, value, form in ROWS:
        lines.append(f"{label:<{width}}" + "".join(f"{_cell(value, r, form):>10}" for r in results))
    return "\n".join(lines)


def _cell(value: Callable[[dict], object], result: dict, form: str) -> str:
    found = value(result)
    return "—" if found is None else form.format(found)


def once_lines(results: list[dict]) -> list[str]:
    lines = []
    for result in results:
        if "jobs_comparison" in result:
            c = result["jobs_comparison"]
            lines.append(
                f"site cold, N={c['n']}: --jobs 1 {c['jobs_1_s']:.1f} s, all {c['cores']} cores "
                f"{c['jobs_all_s']:.1f} s, speed-up {c['speedup']:.2f} "
                f"(CPU {c['jobs_1_cpu_s']:.0f} s vs {c['jobs_all_cpu_s']:.0f} s)"
            )
        if "dask" in result:
            d = result["dask"]
            if "skipped" in d:
                lines.append(f"Dask: skipped: {d['skipped']}")
            else:
                lines.append(
                    f"Dask site build, N={d['n']}: 1 worker {d['workers_1_s']:.1f} s, "
                    f"2 workers {d['workers_2_s']:.1f} s, speed-up {d['speedup_2_vs_1']:.2f}"
                )
    return lines


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_sizes(text: str) -> list[int]:
    sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    if not sizes or sizes[0] < 2:
        raise argparse.ArgumentTypeError("sizes are integers ≥ 2, e.g. 10,100")
    return sizes


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=parse_sizes, default=list(DEFAULT_SIZES), help="N values, e.g. 10,100"
    )
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--keep", type=Path, help="keep the corpora, sites and caches under this directory")
    parser.add_argument("--skip-dask", action="store_true", help="do not measure the Dask LocalCluster")
    args = parser.parse_args(argv)

    jobs_args = ["--jobs", str(args.jobs)] if args.jobs else []
    options = Options(
        args.seed,
        args.jobs,
        jobs_args if accepts_option("ingest", "--jobs") else [],
        jobs_args if accepts_option("site build", "--jobs") else [],
    )
    if jobs_args and not options.ingest_jobs_args:
        say("ingest does not take --jobs yet: ingest runs with its default")
    sources = load_sources()
    compare_at = JOBS_COMPARISON_N if JOBS_COMPARISON_N in args.sizes else args.sizes[-1]
    results = []
    for n in args.sizes:
        with _work_dir(args.keep, n) as work:
            results.append(
                run_size(
                    n, work, options, sources, n == compare_at, n == args.sizes[-1] and not args.skip_dask
                )
            )
    add_growth(results)
    summary = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "seed": args.seed,
        "jobs": args.jobs or "all cores",
        "ingest_takes_jobs": accepts_option("ingest", "--jobs"),
        "results": results,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    for line in once_lines(results):
        print(line)
    if args.skip_dask:
        print("Dask: skipped (--skip-dask)")
    print(f"-> {RESULTS.relative_to(ROOT)}")


@contextmanager
def _work_dir(keep: Path | None, n: int):
    if keep is None:
        with tempfile.TemporaryDirectory(prefix=f"corpusdiff-pipeline-{n}-") as work:
            yield Path(work)
        return
    work = keep / f"n{n}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    yield work


if __name__ == "__main__":
    main()

"""Normalise throughput on the seeds, in-process after start-up, as a ratio to a baseline.

Baseline (same run, same text): Python's own `unicodedata.normalize("NFKC")` over every
line, the cheapest standard text-normalisation pass. Run with `make bench`; prints a table
and writes benchmarks/results/normalize.json.
"""

from __future__ import annotations

import json
import statistics
import time
import unicodedata
from pathlib import Path

from corpusdiff.canonical.markdown import render
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import read_report

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 7


def _best_of(function, repeat: int = REPEAT) -> tuple[float, float]:
    """Best and median wall time: the best is the least noisy estimate of the cost."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings), statistics.median(timings)


def main() -> None:
    reports = [read_report(path) for path in sorted((ROOT / "seeds").glob("*.txt"))]
    megabytes = sum(report.size for report in reports) / 1e6

    def normalise_all() -> None:
        for report in reports:
            render(normalize_raw(report))

    def baseline() -> None:
        for report in reports:
            "\n".join(unicodedata.normalize("NFKC", line) for line in report.text.split("\n"))

    normalise_all()
    ours, ours_median = _best_of(normalise_all)
    base, _ = _best_of(baseline)
    result = {
        "input_mb": round(megabytes, 3),
        "normalize_s_best": round(ours, 4),
        "normalize_s_median": round(ours_median, 4),
        "normalize_mb_per_s_one_core": round(megabytes / ours, 2),
        "baseline_nfkc_s_best": round(base, 4),
        "ratio_normalize_to_baseline": round(ours / base, 1),
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "normalize.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()

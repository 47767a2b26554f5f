"""Time to first content of the 2022 → 2025 diff page in headless Chromium, this code's page
against the page main's code builds, measured in the same run (issue 18: no worse than today).

Both sites are built from the seed corpus (`corpus/`) into temporary folders, each with its own
empty disk cache: this working tree's code, and the code of a git revision (`--baseline`,
default `main`) exported with `git archive`. Then, in ROUNDS interleaved rounds, each page is
opened from file:// in a fresh browser context and two times are read from the browser's own
timing: navigation start to DOMContentLoaded (the HTML parsed and its scripts run: the page's
script lays the changes out side by side before this event) and to first contentful paint.
Medians, ratios (this / baseline: below 1 is faster) and page sizes go to
benchmarks/results/site_first_content.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from benchmarks.revisions import export  # noqa: E402

PAGE = "diff/futian.annual-plan.2022-01__futian.annual-plan.2025-01.html"
ROUNDS = 15
#: Debian's chromium, a reader's browser; else the headless shell `make browser` installs for the
#: tests (both runs of a comparison use the same one, so the ratio holds either way).
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-headless-shell") or "/usr/bin/chromium"
TIMING = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return [nav.domContentLoadedEventEnd, paint ? paint.startTime : null];
}"""


def build(code: Path, out: Path, cache: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(code), CORPUSDIFF_CACHE_DIR=str(cache))
    command = [sys.executable, "-m", "corpusdiff", "--corpus", str(ROOT / "corpus"), "site", "build"]
    # run from the code's folder: `python -m` puts the working directory first on the path
    subprocess.run(
        [*command, "--out", str(out), "--jobs", "1"], check=True, env=env, capture_output=True, cwd=code
    )


def measure(sites: dict[str, Path], rounds: int) -> dict[str, dict[str, list[float]]]:
    from playwright.sync_api import sync_playwright

    times: dict[str, dict[str, list[float]]] = {name: {"dcl_ms": [], "fcp_ms": []} for name in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for site in sites.values():  # one unmeasured visit each: the file cache is warm for both
            page = browser.new_page()
            page.goto((site / PAGE).as_uri())
            page.close()
        for _ in range(rounds):
            for name, site in sites.items():
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto((site / PAGE).as_uri(), wait_until="load")
                page.wait_for_timeout(50)  # the paint entry is recorded just after load
                dcl, fcp = page.evaluate(TIMING)
                times[name]["dcl_ms"].append(dcl)
                if fcp is not None:
                    times[name]["fcp_ms"].append(fcp)
                context.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main", help="git revision whose code builds the baseline page")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="corpusdiff-bench-site-"))
    try:
        baseline_code = export(args.baseline, work / "baseline-code")
        sites = {"this tree": work / "site-this", f"baseline ({args.baseline})": work / "site-baseline"}
        build(ROOT, sites["this tree"], work / "cache-this")
        build(baseline_code, sites[f"baseline ({args.baseline})"], work / "cache-baseline")
        times = measure(sites, args.rounds)
        this, baseline = times["this tree"], times[f"baseline ({args.baseline})"]
        result: dict[str, object] = {
            name: {
                "page_bytes": (site / PAGE).stat().st_size,
                "largest_html_bytes": max(p.stat().st_size for p in site.rglob("*.html")),
                **{key: round(statistics.median(values), 1) for key, values in times[name].items() if values},
            }
            for name, site in sites.items()
        }
        result["ratio this / baseline"] = {
            key: round(statistics.median(this[key]) / statistics.median(baseline[key]), 2)
            for key in ("dcl_ms", "fcp_ms")
            if this[key] and baseline[key]
        }
        result["rounds"] = args.rounds
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "site_first_content.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    for name, values in result.items():
        shown = "  ".join(f"{k}={v}" for k, v in values.items()) if isinstance(values, dict) else values
        print(f"{name:24} {shown}")


if __name__ == "__main__":
    main()

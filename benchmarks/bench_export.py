"""Benchmark of `lip export`: building every open-data file in memory, shipped plan and synthetic plans.

Run: python benchmarks/bench_export.py [--sizes 1000 5000] [--repeat 3]
Each plan is loaded once; the time is the median of --repeat runs of exports() (CSV, XLSX, JSON,
DCAT), without writing. Also printed: the size of the files. Not a test: figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import REPO, write_synthetic_plan

from lip_build.history.stamp import detect
from lip_build.outputs.opendata import exports
from lip_build.pipeline import load_plan


def measure(root: Path, repeat: int) -> tuple[int, float, dict[str, int]]:
    plan = load_plan(root).plan
    if plan is None:
        raise SystemExit(f"Plan in {root} ist nicht gültig")
    version = detect(root, plan.info.stand)
    times, files = [], {}
    for _ in range(repeat):
        start = time.perf_counter()
        files = exports(plan, version)
        times.append(time.perf_counter() - start)
    return len(plan.massnahmen), statistics.median(times), {name: len(data) for name, data in files.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"Mediane aus {args.repeat} Läufen")
    print(f"{'Plan':<22}{'Maßnahmen':>10}{'Export s':>10}{'XLSX kB':>9}{'JSON kB':>9}{'CSV kB':>8}")
    with tempfile.TemporaryDirectory() as temp:
        plans = [("ausgelieferter Plan", REPO)]
        plans += [(f"synthetisch {n}", write_synthetic_plan(Path(temp) / f"plan-{n}", n)) for n in args.sizes]
        for name, root in plans:
            count, seconds, sizes = measure(root, args.repeat)
            print(
                f"{name:<22}{count:>10}{seconds:>10.2f}{sizes['katalog.xlsx'] // 1000:>9}"
                f"{sizes['plan.json'] // 1000:>9}{sizes['massnahmen.csv'] // 1000:>8}",
                flush=True,
            )


if __name__ == "__main__":
    main()

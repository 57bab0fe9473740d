"""Benchmark of `lip export`: building every open-data file in memory, shipped plan and synthetic plans.

Run: python benchmarks/bench_export.py [--sizes 1000 5000] [--repeat 3]
Each plan is loaded once; the time is the median of --repeat runs of exports() (CSV, XLSX, JSON,
DCAT), without writing. Also printed: the size of the files, and the time `lip import status` needs to
read the unchanged katalog.xlsx and compare it with the plan (everything but writing). Not a test:
figures, not pass/fail.
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

from lip_build.commands.status_import import reference
from lip_build.edit.status_import import changes, read_tables
from lip_build.history.stamp import detect
from lip_build.model.plan import Plan
from lip_build.outputs.opendata import exports
from lip_build.outputs.opendata.columns import columns
from lip_build.pipeline import load_plan


def import_time(plan: Plan, workbook: bytes, repeat: int) -> float:
    """`lip import status` on the unchanged workbook without writing: read, fresh reference, compare."""
    titles = {c.key: c.label for c in columns("massnahme")}
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        kind, uploaded = read_tables("katalog.xlsx", workbook)
        found = changes("katalog.xlsx", uploaded, *reference(kind, plan), plan, titles)
        times.append(time.perf_counter() - start)
        assert not found
    return statistics.median(times)


def measure(root: Path, repeat: int) -> tuple[int, float, dict[str, int], float]:
    plan = load_plan(root).plan
    if plan is None:
        raise SystemExit(f"Plan in {root} ist nicht gültig")
    version = detect(root, plan.info.stand)
    times, files = [], {}
    for _ in range(repeat):
        start = time.perf_counter()
        files = exports(plan, version)
        times.append(time.perf_counter() - start)
    sizes = {name: len(data) for name, data in files.items()}
    return len(plan.massnahmen), statistics.median(times), sizes, import_time(plan, files["katalog.xlsx"], repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"Mediane aus {args.repeat} Läufen")
    print(f"{'Plan':<22}{'Maßnahmen':>10}{'Export s':>10}{'XLSX kB':>9}{'JSON kB':>9}{'CSV kB':>8}{'Import s':>10}")
    with tempfile.TemporaryDirectory() as temp:
        plans = [("ausgelieferter Plan", REPO)]
        plans += [(f"synthetisch {n}", write_synthetic_plan(Path(temp) / f"plan-{n}", n)) for n in args.sizes]
        for name, root in plans:
            count, seconds, sizes, reading = measure(root, args.repeat)
            print(
                f"{name:<22}{count:>10}{seconds:>10.2f}{sizes['katalog.xlsx'] // 1000:>9}"
                f"{sizes['plan.json'] // 1000:>9}{sizes['massnahmen.csv'] // 1000:>8}{reading:>10.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()

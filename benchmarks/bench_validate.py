"""Benchmark of `lip validate`: time and peak memory for the shipped plan and synthetic plans.

Run: python benchmarks/bench_validate.py [--sizes 100 1000 5000] [--repeat 3]
Prints one row per plan; each measurement runs in a fresh Python process so that peak
memory (max RSS) belongs to that plan alone. Not a test: figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import REPO, write_synthetic_plan

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from lip_build.pipeline import load_plan
start = time.perf_counter()
result = load_plan(Path(sys.argv[1]))
elapsed = time.perf_counter() - start
print(json.dumps({
    "seconds": elapsed,
    "files": result.files,
    "diagnostics": len(result.diagnostics),
    "measures": len(result.plan.massnahmen) if result.plan else None,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def measure(root: Path, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _CHILD, str(root)], capture_output=True, text=True, check=True)
        data = json.loads(done.stdout)
        data["wall_seconds"] = time.perf_counter() - started
        runs.append(data)
    best = min(runs, key=lambda r: r["seconds"])
    best["max_rss_mb"] = max(r["max_rss_mb"] for r in runs)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    header = f"{'Plan':<22}{'Maßnahmen':>10}{'Dateien':>9}{'Prüfung s':>11}{'ms/Maßn.':>10}{'CLI s':>8}{'Peak MB':>9}"
    print(header)
    print("-" * len(header))
    rows = [("ausgelieferter Plan", REPO)]
    with tempfile.TemporaryDirectory() as temp:
        for size in args.sizes:
            rows.append((f"synthetisch {size}", write_synthetic_plan(Path(temp) / f"plan-{size}", size)))
        for name, root in rows:
            data = measure(root, args.repeat)
            if data["diagnostics"]:
                print(f"{name}: {data['diagnostics']} Befunde – der Plan ist nicht sauber", file=sys.stderr)
            count = data["measures"] or 0
            per = 1000 * data["seconds"] / count if count else float("nan")
            print(
                f"{name:<22}{count:>10}{data['files']:>9}{data['seconds']:>11.3f}{per:>10.3f}"
                f"{data['wall_seconds']:>8.2f}{data['max_rss_mb']:>9.0f}"
            )


if __name__ == "__main__":
    main()

"""Benchmark of `lip validate`: time, its floor and peak memory for the shipped plan and synthetic plans.

Run: python benchmarks/bench_validate.py [--sizes 100 1000 5000] [--repeat 5]

For every plan, two things are measured, each run in a fresh Python process (so that peak memory
belongs to that run alone), --repeat times, and the median is printed:
- "Prüfung": load_plan(), i.e. everything `lip validate` does after the interpreter started;
- "Boden" (the floor): only reading every content file and composing its front matter with
  libyaml (yaml.compose with CSafeLoader), the least any YAML-based check must do.
The two are run in turn (check, floor, check, …), so that a slow spell of a shared machine slows both
alike. The ratio Prüfung/Boden shows what the checks cost on top (goal: at most 2). Also printed: the
time per measure (flat from 100 to 5,000 means linear), the `lip validate` command line end to
end (median wall time) and the peak memory (max RSS of the runs): "Peak MB" of the checking process,
"Kind MB" of the child it forks to read 45 % of a plan of 1,000 files or more (load/forked.py; 0 when
none ran). The floor is one process; the check uses both cores from that size. Not a test: figures.
Goals (issue 8): 5,000 measures under 1.5 s and at most 2 × the floor; shipped plan under 0.25 s;
memory under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import REPO, write_synthetic_plan

_CHECK = """
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
    "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""

_FLOOR = """
import json, resource, sys, time
from pathlib import Path
import yaml
root = Path(sys.argv[1])
start = time.perf_counter()
nodes = 0
for folder in ("content", "handlungsfelder"):
    for path in sorted((root / folder).rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            end = text.find("\\n---", 3)
            nodes += yaml.compose(text[4:end], Loader=yaml.CSafeLoader) is not None
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "files": nodes,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, root: Path) -> dict[str, float]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True)
    data: dict[str, float] = json.loads(done.stdout)
    data["wall_seconds"] = time.perf_counter() - started
    return data


def _cli(root: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).with_name("lip")), "--plan", str(root), "validate"], capture_output=True, check=False
    )
    return time.perf_counter() - started


def measure(root: Path, repeat: int) -> dict[str, float]:
    _child(_FLOOR, root)  # warm the file system cache for both measurements
    checks, floors = [], []
    for _ in range(repeat):  # in turn, so that a slow spell of the machine meets both alike
        checks.append(_child(_CHECK, root))
        floors.append(_child(_FLOOR, root))
    return {
        "seconds": statistics.median(r["seconds"] for r in checks),
        "floor": statistics.median(r["seconds"] for r in floors),
        "files": checks[0]["files"],
        "diagnostics": checks[0]["diagnostics"],
        "measures": checks[0]["measures"] or 0,
        "cli": statistics.median(_cli(root) for _ in range(repeat)),
        "max_rss_mb": max(r["max_rss_mb"] for r in checks),
        "child_rss_mb": max(r["child_rss_mb"] for r in checks),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=5, help="Läufe je Plan (Median)")
    args = parser.parse_args()
    header = (
        f"{'Plan':<22}{'Maßnahmen':>10}{'Dateien':>9}{'Prüfung s':>11}{'Boden s':>9}{'Faktor':>8}"
        f"{'ms/Maßn.':>10}{'CLI s':>8}{'Peak MB':>9}{'Kind MB':>9}"
    )
    print(f"Mediane aus {args.repeat} Läufen, je Lauf ein neuer Python-Prozess")
    print(header)
    print("-" * len(header))
    rows = [("ausgelieferter Plan", REPO)]
    with tempfile.TemporaryDirectory() as temp:
        for size in args.sizes:
            rows.append((f"synthetisch {size}", write_synthetic_plan(Path(temp) / f"plan-{size}", size)))
        for name, root in rows:
            data = measure(root, args.repeat)
            if data["diagnostics"]:
                print(f"{name}: {data['diagnostics']:.0f} Befunde – der Plan ist nicht sauber", file=sys.stderr)
            count = data["measures"]
            per = 1000 * data["seconds"] / count if count else float("nan")
            print(
                f"{name:<22}{count:>10.0f}{data['files']:>9.0f}{data['seconds']:>11.3f}{data['floor']:>9.3f}"
                f"{data['seconds'] / data['floor']:>8.2f}{per:>10.3f}{data['cli']:>8.2f}{data['max_rss_mb']:>9.0f}"
                f"{data['child_rss_mb']:>9.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()

"""Benchmark of the Sachstandsbericht (`lip bericht`): build time and page count, shipped plan and synthetic plans.

Run: python benchmarks/bench_bericht.py [--sizes 1000] [--repeat 3]
The shipped plan is copied into a temporary folder and built there (the status changes come from this
repository's history, which holds its two reporting commits). A synthetic plan is generated into a fresh
Git repository with two commits, one per reporting date (31.12.2026, 30.06.2027), so that the report
lists real status changes read from Git. Every build runs in a fresh Python process; the time is that of
reading the plan as of the Stichtag, reading the changes from Git and building PDF and DOCX, after the
plan was loaded; the median of --repeat runs. Not a test: figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import REPO, write_synthetic_plan

_CHILD = """
import datetime as dt, json, sys, time
from pathlib import Path
from lip_build.history.stamp import detect
from lip_build.history.transitions import since
from lip_build.outputs.bericht import build_bericht
from lip_build.outputs.bericht.assemble import Auftrag
from lip_build.outputs.progress import Progress
from lip_build.pipeline import load_plan
from lip_build.view.stichtag import zum_stichtag
root, history = Path(sys.argv[1]), Path(sys.argv[2])
plan = load_plan(root).plan
stichtag = dt.date(2027, 6, 30)
start = time.perf_counter()
stand = zum_stichtag(plan, stichtag)
verlauf = since(history, "31.12.2026")
git = time.perf_counter() - start
out = build_bericht(root, Auftrag("1234/2027", stand, verlauf, stichtag), detect(history, plan.info.stand),
                    Progress(quiet=True), root / ".lip-drucksache" / "bericht")
seconds = time.perf_counter() - start
(root / "bericht.pdf").write_bytes(out["pdf"])
print(json.dumps({"seconds": seconds, "git": git, "wechsel": len(verlauf.bis(stichtag)), "docx": len(out["docx"])}))
"""


def _run(root: Path, history: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(root), str(history)],
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(root: Path, history: Path, repeat: int) -> dict[str, str]:
    runs = [_run(root, history) for _ in range(repeat)]
    pdf = (root / "bericht.pdf").read_bytes()
    return {
        "bericht_s": f"{statistics.median(r['seconds'] for r in runs):.2f}",
        "davon_git_s": f"{statistics.median(r['git'] for r in runs):.2f}",
        "wechsel": str(int(runs[-1]["wechsel"])),
        "pdf_seiten": str(len(PdfReader(io.BytesIO(pdf)).pages)),
        "pdf_mb": f"{len(pdf) / 1e6:.1f}",
        "docx_kb": f"{runs[-1]['docx'] / 1e3:.0f}",
    }


def _git(folder: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Benchmark",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Benchmark",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=True, env=env)


def synthetic_repository(folder: Path, measures: int) -> Path:
    """A synthetic plan in Git: first commit with the report of 31.12.2026, second with that of 30.06.2027."""
    write_synthetic_plan(folder, measures, reports=1)
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "Bericht zum 31.12.2026")
    shutil.rmtree(folder / "handlungsfelder")
    staging = folder.parent / f"{folder.name}-neu"
    write_synthetic_plan(staging, measures, reports=2)
    shutil.copytree(staging / "handlungsfelder", folder / "handlungsfelder")
    shutil.rmtree(staging)
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "Bericht zum 30.06.2027")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000], help="Maßnahmen je synthetischem Plan")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        shipped = Path(temp) / "ausgeliefert"
        for name in ("content", "handlungsfelder", "templates"):
            shutil.copytree(REPO / name, shipped / name)
        rows.append({"plan": "ausgeliefert", "massnahmen": "66", **measure(shipped, REPO, args.repeat)})
        for size in args.sizes:
            folder = synthetic_repository(Path(temp) / f"synthetisch-{size}", size)
            rows.append({"plan": "synthetisch", "massnahmen": str(size), **measure(folder, folder, args.repeat)})
    headers = list(rows[0])
    widths = [max(len(h), *(len(r[h]) for r in rows)) for h in headers]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    for row in rows:
        print("  ".join(row[h].ljust(w) for h, w in zip(headers, widths, strict=True)))


if __name__ == "__main__":
    main()

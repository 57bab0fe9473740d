"""Benchmark of the website build (issue 3). Not a test: it prints figures, not pass/fail.

Run: python benchmarks/bench_site.py [--repeat 3] [--sizes 1000] [--commits 200] [--nur-serve]

Each plan is copied into a Git repository of its own with a history, as on a build server: half of
--commits commits (each changing one measure), the tag v2.0, then the other half. So the site shows
the change history of every goal and measure and the page "Änderungen seit Version v2.0".
--commits 0 builds plain folders without Git (no history, as before issue 5).

1. build_site() for the shipped plan (validation excluded), each run in a fresh Python process,
   and how much of it reading the history from Git takes;
2. the same generated pages built by plain MkDocs (same config, nav and Markdown files), also in a
   fresh process, and the ratio of the two (goal: ≤ 1.25), plus both command lines end to end;
3. the rebuild in `lip serve` after editing one measure's title (check + page tree + MkDocs for the pages
   whose source changed, about a dozen; goal: < 1 s; the watcher waits another 0.3 s for an editor to
   finish writing). The first edit after a commit is timed apart: it marks the version in every page's
   footer as changed, so it rebuilds the whole site;
4. build_site() for synthetic plans (benchmarks/synthetic.py) with 1,000 measures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import REPO, write_synthetic_plan

PYTHON = sys.executable
PARTS = ("content", "handlungsfelder", "templates", "mkdocs.yml")

_LIP = """
import json, sys, time
from pathlib import Path
from lip_build.outputs.progress import Progress
from lip_build.pipeline import load_plan
from lip_build.history.stamp import detect
root = Path(sys.argv[1])
plan = load_plan(root).plan
version = detect(root, plan.info.stand)
start, cpu = time.perf_counter(), time.process_time()
from lip_build.outputs.site import build_site
build_site(root, plan, version, Progress(quiet=True))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
pages = sum(1 for _ in (root / "site").rglob("index.html"))
size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
try:  # the history alone, once more (lip before issue 5 has none)
    from lip_build.outputs.site.git_history import read_history
    from lip_build.outputs.site.settings import load_settings
    begin = time.perf_counter()
    read_history(root, plan, load_settings(root))
    history = time.perf_counter() - begin
except ImportError:
    history = 0.0
print(json.dumps({"seconds": seconds, "cpu": cpu, "pages": pages, "bytes": size, "history": history}))
"""

_EXPORT = """
import secrets, sys, yaml
from pathlib import Path
from lip_build.outputs.site import site_tree
from lip_build.outputs.site.engine import SAFE_EXTENSION, mkdocs_nav, write_docs
from lip_build.outputs.site.settings import read_config
from lip_build.pipeline import load_plan
from lip_build.history.stamp import detect
root, work = Path(sys.argv[1]), Path(sys.argv[2])
plan = load_plan(root).plan
tree = site_tree(root, plan, detect(root, plan.info.stand))
nonce = secrets.token_hex(16)
write_docs(tree, work / "docs", nonce)
config = read_config(root)
config["docs_dir"] = str(work / "docs")
config["site_dir"] = str(work / "site")
config["nav"] = mkdocs_nav(tree.nav)
config["theme"]["custom_dir"] = str(root / config["theme"]["custom_dir"])
config["extra"]["lip_version"] = tree.version
changes = getattr(tree, "changes", None)
config["extra"]["lip_aenderungen"] = {"path": changes.path, "title": changes.title} if changes else None
config["markdown_extensions"] = [*config.get("markdown_extensions", []), {SAFE_EXTENSION: {"nonce": nonce}}]
(work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
"""

_MKDOCS = """
import json, logging, sys, time
start, cpu = time.perf_counter(), time.process_time()
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").setLevel(logging.WARNING)
build(load_config(config_file=sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}))
"""

_SERVE = """
import json, statistics, sys, time
from pathlib import Path
from lip_build.outputs.site.serve import Preview
root = Path(sys.argv[1])
preview = Preview(root, lambda message: None)
preview.rebuild()
measure = next((root / "handlungsfelder").rglob("massnahmen/*.md"))
original = measure.read_text(encoding="utf-8")
times = []
for i in range(int(sys.argv[2]) + 1):  # the first edit after a commit changes every page's footer (Stand …, geändert)
    measure.write_text(original.replace("titel: ", f"titel: Version {i} – ", 1), encoding="utf-8")
    start = time.perf_counter()
    assert preview.rebuild()
    times.append(time.perf_counter() - start)
rendered = getattr(preview, "rendered", None)  # pages built by the last rebuild (lip before: all)
measure.write_text(original, encoding="utf-8")
preview.close()
print(json.dumps({"seconds": statistics.median(times[1:]), "first": times[0], "all": times[1:], "rendered": rendered}))
"""


def _copy(target: Path) -> Path:
    import shutil

    for name in PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


def _git(root: Path, *args: str, stamp: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for who in ("AUTHOR", "COMMITTER"):
        env.update({f"GIT_{who}_NAME": "Benchmark", f"GIT_{who}_EMAIL": "benchmark@example.org"})
        if stamp:
            env[f"GIT_{who}_DATE"] = stamp
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def make_history(root: Path, commits: int) -> None:
    """A Git repository with `commits` commits that each change one measure, tagged v2.0 halfway."""
    (root / ".gitignore").write_text("/site/\n", encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Erste Fassung", stamp="2026-01-01T10:00:00+01:00")
    measures = sorted(root.glob("handlungsfelder/*/massnahmen/*.md"))
    for number in range(1, commits + 1):
        measure = measures[number * 7 % len(measures)]
        text = measure.read_text(encoding="utf-8").rstrip("\n")
        measure.write_text(f"{text} Ergänzung {number}.\n", encoding="utf-8")
        stamp = f"2026-{1 + number * 10 // (commits + 1):02d}-{1 + number % 28:02d}T10:00:00+01:00"
        _git(root, "commit", "-q", "-a", "-m", f"{measure.stem}: Ergänzung {number}", stamp=stamp)
        if number == commits // 2:
            _git(root, "tag", "v2.0")


def _child(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run([PYTHON, "-c", code, *args], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start


def _median(runs: list[float]) -> str:
    return f"{statistics.median(runs):.2f} s (Läufe: {', '.join(f'{r:.2f}' for r in runs)})"


def _bench_serve(root: Path, repeat: int) -> None:
    serve = _child(_SERVE, str(root), str(max(repeat, 3)))
    runs = ", ".join(f"{r:.2f}" for r in serve["all"])  # type: ignore[attr-defined]
    rendered = f"{serve['rendered']} Seiten neu" if serve.get("rendered") is not None else "alle Seiten neu"
    print(f"  lip serve, Neuaufbau nach Änderung einer Maßnahme: {serve['seconds']:.2f} s Median, {rendered}")
    print(f"    (Läufe: {runs}; Ziel < 1 s; erste Änderung nach einem Commit: {serve['first']:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--commits", type=int, default=200, help="commits in the history (0: no Git)")
    parser.add_argument("--nur-serve", action="store_true", help="only part 3, the rebuild in lip serve")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lip-bench-site-") as temp:
        work = Path(temp)
        os.environ["GIT_CEILING_DIRECTORIES"] = str(work)  # never the history of a repository around /tmp
        root = _copy(work / "plan")
        if args.commits:
            make_history(root, args.commits)
        if args.nur_serve:
            _bench_serve(root, args.repeat)
            return
        plain = work / "plain"
        _child(_LIP, str(root))  # warm the file cache, and a first site to replace
        subprocess.run([PYTHON, "-c", _EXPORT, str(root), str(plain)], check=True)
        lip_runs, mkdocs_runs = [], []
        for _ in range(args.repeat):  # interleaved, so that both see the same load on the machine
            lip_runs.append(_child(_LIP, str(root)))
            mkdocs_runs.append(_child(_MKDOCS, str(plain / "mkdocs.yml")))
        pages = int(lip_runs[0]["pages"])
        git_text = f"Git mit {args.commits} Commits und Tag v2.0" if args.commits else "ohne Git"
        print(f"Plan im Repository ({git_text}): {pages} Seiten, {lip_runs[0]['bytes'] / 1e6:.1f} MB")
        print(f"  davon Verlauf und Synopse aus Git lesen: {_median([r['history'] for r in lip_runs])}")
        for key, what in (("seconds", "Zeit"), ("cpu", "CPU-Zeit")):
            lip = [r[key] for r in lip_runs]
            mkdocs = [r[key] for r in mkdocs_runs]
            print(f"  {what}: build_site()            {_median(lip)}")
            print(f"  {what}: MkDocs, gleiche Seiten  {_median(mkdocs)}")
            print(
                f"  {what}: Verhältnis lip / MkDocs  Median {statistics.median(lip) / statistics.median(mkdocs):.2f}, "
                f"bester Lauf {min(lip) / min(mkdocs):.2f} (Ziel ≤ 1,25)"
            )

        lip_cli = [_wall([str(Path(PYTHON).parent / "lip"), "--plan", str(root), "build", "--site", "-q"])]
        lip_cli += [
            _wall([str(Path(PYTHON).parent / "lip"), "--plan", str(root), "build", "--site", "-q"])
            for _ in range(args.repeat - 1)
        ]
        mkdocs_cli = [
            _wall([str(Path(PYTHON).parent / "mkdocs"), "build", "-q", "-f", str(plain / "mkdocs.yml")])
            for _ in range(args.repeat)
        ]
        print(f"  Befehl „lip build --site“ (mit Prüfung, Python-Start): {_median(lip_cli)}")
        print(f"  Befehl „mkdocs build“ (gleiche Seiten, Python-Start): {_median(mkdocs_cli)}")

        _bench_serve(root, args.repeat)

        for size in args.sizes:
            big = write_synthetic_plan(work / f"synthetisch-{size}", size)
            if args.commits:
                make_history(big, args.commits)
            runs_big = [_child(_LIP, str(big)) for _ in range(max(1, args.repeat - 1))]
            first = runs_big[0]
            print(
                f"Synthetischer Plan mit {size} Maßnahmen ({git_text}): {int(first['pages'])} Seiten, "
                f"{first['bytes'] / 1e6:.1f} MB; build_site(): {_median([r['seconds'] for r in runs_big])}"
            )
            print(f"  davon Verlauf und Synopse aus Git lesen: {_median([r['history'] for r in runs_big])}")


if __name__ == "__main__":
    main()

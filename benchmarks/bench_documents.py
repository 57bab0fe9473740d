"""Benchmark of the Drucksache: PDF and DOCX build time and page count, shipped plan and synthetic plans.

Run: python benchmarks/bench_documents.py [--sizes 1000] [--repeat 3] [--docx-seiten]
Each plan is copied (or generated) into a temporary folder and built there, so dist/ of the
repository stays untouched. Every build runs in a fresh Python process (Typst caches layouts
within a process, which would flatter repeated builds); the time is that of build_documents
after the plan was loaded, the median of --repeat runs. PDF and DOCX are timed separately and
together ("beide": what "lip build" does, the DOCX in parallel with the PDF).
--docx-seiten counts the DOCX pages by converting it with LibreOffice (soffice), if installed.
First line: `lip build --pdf` end to end against compiling the Typst source it generated alone
(goal: at most 1.6 ×). Not a test: figures, not pass/fail. Goal: the PDF of the shipped plan in under 5 s.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import REPO, write_synthetic_plan

from lip_build.pipeline import load_plan


def _copy_shipped(target: Path) -> Path:
    for name in ("content", "handlungsfelder", "templates"):
        shutil.copytree(REPO / name, target / name)
    return target


def _docx_pages(docx: Path) -> str:
    soffice = shutil.which("soffice")
    if soffice is None:
        return "–"
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", out, str(docx)],
            capture_output=True,
            check=False,
            timeout=1800,
        )
        converted = list(Path(out).glob("*.pdf"))
        return str(len(PdfReader(converted[0]).pages)) if converted else "?"


_CHILD = """
import json, sys, time
from pathlib import Path
from lip_build.outputs.drucksache import build_documents
from lip_build.outputs.progress import Progress
from lip_build.pipeline import load_plan
from lip_build.history.stamp import detect
root, formats = Path(sys.argv[1]), set(sys.argv[2].split(","))
plan = load_plan(root).plan
start = time.perf_counter()
written = build_documents(root, plan, detect(root, plan.info.stand), formats, Progress(quiet=True))
print(json.dumps({"seconds": time.perf_counter() - start, "files": [str(p) for p in written]}))
"""


def _run(root: Path, formats: str) -> tuple[float, list[Path]]:
    """One build in a fresh Python process, so that no cache of an earlier build helps."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(root), formats], capture_output=True, text=True, check=True, timeout=3600
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return float(result["seconds"]), [Path(p) for p in result["files"]]


def measure(root: Path, repeat: int, docx_pages: bool) -> dict[str, str]:
    result = load_plan(root)
    if result.plan is None:
        raise SystemExit(f"Plan in {root} ist nicht gültig")
    row = {"massnahmen": str(len(result.plan.massnahmen))}
    for fmt in ("pdf", "docx"):
        runs = [_run(root, fmt) for _ in range(repeat)]
        written = runs[-1][1][0]
        row[f"{fmt}_s"] = f"{statistics.median(t for t, _ in runs):.2f}"
        row[f"{fmt}_mb"] = f"{written.stat().st_size / 1e6:.1f}"
        if fmt == "pdf":
            row["pdf_seiten"] = str(len(PdfReader(io.BytesIO(written.read_bytes())).pages))
        else:
            row["docx_seiten"] = _docx_pages(written) if docx_pages else "–"
    row["beide_s"] = f"{statistics.median(_run(root, 'pdf,docx')[0] for _ in range(repeat)):.2f}"
    return row


_TYPST_ALONE = """
import re, sys, time, typst
from pathlib import Path
from lip_build.outputs.drucksache.render_typst import FONTS, SELECTION, part_main, resource
root = Path(sys.argv[1])
work = root / ".lip-drucksache"
source = (work / "drucksache.typ").read_text(encoding="utf-8")
parts = re.findall(r'^#lip-teil\\("([a-z0-9-]+)"\\)', source, re.M) if sys.argv[2] == "1" else []
for teil in [None, *parts]:  # the whole, then (as lip build does) each part in the same process
    (work / SELECTION).write_text(teil or "", encoding="utf-8")
    main = part_main(work / "drucksache.typ", teil) if teil else work / "drucksache.typ"  # from lip build --pdf
    typst.compile(str(main), root=str(root), font_paths=[str(resource(root, FONTS))], ignore_system_fonts=True,
                  pdf_standards=["a-2a", "ua-1"], timestamp=0)
(work / SELECTION).write_text("", encoding="utf-8")
"""


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, timeout=3600)
    return time.perf_counter() - started


def pdf_against_typst(root: Path, repeat: int) -> tuple[float, float, float]:
    """Medians of `lip build --pdf` end to end and of compiling its Typst source alone, the whole document
    and then the whole and each part (Drucksache ohne Anlagen, each Anlage) as lip does; each a fresh process."""
    lip = str(Path(sys.executable).with_name("lip"))
    build = statistics.median(_wall([lip, "--plan", str(root), "build", "--pdf"]) for _ in range(repeat))
    alone = statistics.median(_wall([sys.executable, "-c", _TYPST_ALONE, str(root), "0"]) for _ in range(repeat))
    parts = statistics.median(_wall([sys.executable, "-c", _TYPST_ALONE, str(root), "1"]) for _ in range(repeat))
    return build, alone, parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000], help="Maßnahmen der synthetischen Pläne")
    parser.add_argument("--repeat", type=int, default=3, help="Läufe je Format (Median)")
    parser.add_argument("--docx-seiten", action="store_true", help="DOCX-Seiten mit LibreOffice zählen")
    parser.add_argument("--nur-vergleich", action="store_true", help="nur lip build --pdf gegen Typst allein")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        build, alone, parts = pdf_against_typst(_copy_shipped(Path(temp) / "vergleich"), args.repeat)
        print(
            f"Ausgelieferter Plan, Mediane aus {args.repeat} Läufen (je ein neuer Prozess): "
            f"lip build --pdf {build:.2f} s; nur Typst-Satz der erzeugten Quelle: ganz {alone:.2f} s "
            f"(Faktor {build / alone:.2f}), ganz und jeder Teil einzeln wie lip {parts:.2f} s "
            f"(Faktor {build / parts:.2f}; Ziel: höchstens 1,6)"
        )
    if args.nur_vergleich:
        return
    columns = ["plan", "massnahmen", "pdf_s", "pdf_seiten", "pdf_mb", "docx_s", "docx_seiten", "docx_mb", "beide_s"]
    print(" ".join(f"{c:>11}" for c in columns))
    with tempfile.TemporaryDirectory() as temp:
        plans = [("ausgeliefert", _copy_shipped(Path(temp) / "ausgeliefert"))]
        for size in args.sizes:
            plans.append((f"synth-{size}", write_synthetic_plan(Path(temp) / f"synth-{size}", size)))
        for name, root in plans:
            row = {"plan": name, **measure(root, args.repeat, args.docx_seiten)}
            print(" ".join(f"{row[c]:>11}" for c in columns), flush=True)


if __name__ == "__main__":
    main()

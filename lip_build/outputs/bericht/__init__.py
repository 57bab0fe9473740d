"""The Sachstandsbericht (`lip bericht`): an Informationsdrucksache on the state of implementation.

The same pipeline as the Drucksache (outputs/drucksache): the assembled Markdown (assemble.py here) is
read by pandoc, checked, set by Typst as PDF/A-2a + PDF/UA-1 and written by pandoc as DOCX with the same
templates. Intermediate files stay in <root>/.lip-drucksache/bericht/; both documents are built in
memory and written to <root>/dist/ only when both succeeded, each atomically.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lip_build.atomic import atomic_file
from lip_build.errors import BuildError
from lip_build.history.stamp import Version
from lip_build.model.plan import Plan
from lip_build.outputs.bericht.assemble import Auftrag, assemble
from lip_build.outputs.drucksache import DIST, setzen
from lip_build.outputs.drucksache.paths import work_dir
from lip_build.outputs.progress import Progress

FORMATS = ("pdf", "docx")


def dateiname(plan: Plan, auftrag: Auftrag, endung: str) -> str:
    """ "LIP-2.0-Sachstandsbericht-2027-06-30.pdf"."""
    version = re.sub(r"[^A-Za-z0-9.]+", "-", plan.info.version).strip("-")
    return f"LIP-{version}-Sachstandsbericht-{auftrag.stichtag.isoformat()}.{endung}"


_DATEINAME = re.compile(r"LIP-[A-Za-z0-9.-]+-Sachstandsbericht-(\d{4}-\d{2}-\d{2})\.(?:pdf|docx)")


def stichtag_der_datei(name: str) -> dt.date | None:
    """The Stichtag of a report by its file name (`dateiname`); None for any other file."""
    found = _DATEINAME.fullmatch(name)
    if found is None:
        return None
    try:
        return dt.date.fromisoformat(found.group(1))
    except ValueError:
        return None


def build_bericht(root: Path, auftrag: Auftrag, version: Version, progress: Progress, work: Path) -> dict[str, bytes]:
    """PDF and DOCX of the report by extension, built in `work` (intermediate files)."""
    work.mkdir(parents=True, exist_ok=True)
    with progress.step("Sachstandsbericht: Markdown aus dem Plan zum Stichtag zusammenstellen"):
        dok = assemble(auftrag, version)
    return setzen(root, work, dok, version, set(FORMATS), progress).dateien


def write_bericht(root: Path, auftrag: Auftrag, version: Version, progress: Progress) -> list[Path]:
    """Build the report and write PDF and DOCX to <root>/dist/; returns the files."""
    plan = auftrag.stand.plan
    try:
        outputs = build_bericht(root, auftrag, version, progress, work_dir(root) / "bericht")
        written = []
        for endung in FORMATS:
            target = root / DIST / dateiname(plan, auftrag, endung)
            atomic_file(target, outputs[endung])
            written.append(target)
    except OSError as error:
        raise BuildError(
            f"Der Sachstandsbericht konnte nicht erstellt werden: {error.strerror or error} "
            f"({error.filename or root}). Prüfen Sie, ob der Ordner beschreibbar ist und genug Speicherplatz frei ist."
        ) from None
    return written

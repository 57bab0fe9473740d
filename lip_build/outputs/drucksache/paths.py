"""Where the documents go, what they are called, and where templates and fonts come from."""

from __future__ import annotations

import re
from pathlib import Path

from lip_build.errors import BuildError
from lip_build.model.plan import Plan

LIP_REPO = Path(__file__).resolve().parents[3]  # the lip repository, with templates/ and fonts/
WORK = ".lip-drucksache"  # intermediate files of the last build (ignored by Git)


EINZELN = "einzeln"  # dist/einzeln/: the Drucksache without Anlagen and each Anlage as a PDF of its own


def _clean(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-")


def dateiname(plan: Plan, endung: str) -> str:
    """ "LIP-2.0-Drucksache-2610-2026.pdf"; "2610/2026 E1" becomes "2610-2026-E1"."""
    return f"LIP-{_clean(plan.info.version)}-Drucksache-{_clean(plan.drucksache.nummer)}.{endung}"


def teil_dateiname(plan: Plan, teil: str) -> str:
    """ "LIP-2.0-Drucksache-2610-2026-Anlage-1.pdf" for the part "anlage-1"; the Drucksache alone is
    "…-ohne-Anlagen.pdf"."""
    suffix = "ohne-Anlagen" if teil == "drucksache" else _clean(teil).capitalize()
    return dateiname(plan, "pdf").removesuffix(".pdf") + f"-{suffix}.pdf"


def resource(root: Path, relative: str) -> Path:
    """A template or font folder: the plan's own if it has one, else the one shipped with lip."""
    for base in (root, LIP_REPO):
        candidate = base / relative
        if candidate.exists():
            return candidate
    raise BuildError(
        f"„{relative}“ fehlt: weder der Plan ({root}) noch lip ({LIP_REPO}) enthält diese Datei. "
        "Stellen Sie den Ordner aus dem Repository wieder her (git checkout -- templates fonts)."
    )


def work_dir(root: Path) -> Path:
    work = root / WORK
    work.mkdir(parents=True, exist_ok=True)
    return work

"""Step 1: the whole Drucksache as one Markdown document, assembled from the validated model.

The same Markdown feeds the PDF and the DOCX. Texts of the model sit in `lip-text` divs that
name their file, so that later steps can check images and shift headings per text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lip_build import schema as s
from lip_build.history.stamp import Version
from lip_build.model.plan import Plan
from lip_build.outputs.drucksache import anlage_plan, anlage_uebersicht
from lip_build.outputs.drucksache.blocks import blocks, div
from lip_build.outputs.drucksache.drucksache import Anlage, Kopf, drucksache_markdown, kopf
from lip_build.outputs.drucksache.escape import md
from lip_build.outputs.drucksache.tables import Tabelle, Tabellen
from lip_build.view.formats import plan_stand


@dataclass(frozen=True)
class Dokument:
    markdown: str
    titel: str  # document title (PDF metadata, DOCX core properties)
    autorin: str
    kopfzeile: str  # "Drucksache Nr. 2610/2026", on every page
    fusszeile: str  # the plan's version and date, "Version 2.0 · Stand 20.11.2026", on every page
    herkunft: str  # the commit it was built from: metadata and colophon only (Version.herkunft)
    entwurf: bool
    kopf: Kopf
    tabellen: tuple[Tabelle, ...]  # filled into the `lip-tabelle` placeholders (tables.py)


def anlagen(plan: Plan) -> tuple[Anlage, ...]:
    return (
        Anlage(1, anlage_plan.titel(plan), anlage_plan.IDENTIFIER),
        Anlage(2, anlage_uebersicht.TITEL, anlage_uebersicht.IDENTIFIER),
    )


KOLOPHON = "lip-kolophon"


def fusszeile(plan: Plan) -> str:
    """What every page says about the state of the plan: its version and date, as on the title page of
    Anlage 1. The commit is the build's business; it goes into the metadata and the colophon."""
    return plan_stand(plan.info.version, plan.info.stand)


def assemble(plan: Plan, version: Version) -> Dokument:
    liste = anlagen(plan)
    d = plan.drucksache
    tabellen = Tabellen()
    herkunft = f"Erstellt mit lip aus {version.herkunft}."
    markdown = blocks(
        [
            drucksache_markdown(plan, liste, tabellen),
            div(KOLOPHON, md(herkunft)),
            anlage_plan.anlage_plan_markdown(plan, 1, tabellen),
            anlage_uebersicht.anlage_uebersicht_markdown(plan, 2, tabellen),
        ]
    )
    return Dokument(
        markdown=markdown + "\n",
        titel=f"{s.DRUCKSACHE_ART.label(d.art)} Nr. {d.nummer}: {d.titel}",
        autorin=plan.info.herausgeberin,
        kopfzeile=f"Drucksache Nr. {d.nummer}",
        fusszeile=fusszeile(plan),
        herkunft=herkunft,
        entwurf=plan.info.status == "entwurf",
        kopf=kopf(plan, liste),
        tabellen=tuple(tabellen.items),
    )

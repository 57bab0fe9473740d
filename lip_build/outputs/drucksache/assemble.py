"""Step 1: the whole Drucksache as one Markdown document, assembled from the validated model.

The same Markdown feeds the PDF and the DOCX. Texts of the model sit in `lip-text` divs that
name their file, so that later steps can check images and shift headings per text. Each part (the
Drucksache itself, each Anlage) sits in a `lip-teil` div: the PDF is also set once per part, for the
council information system, which keeps the Drucksache and each Anlage as files of their own (OParl).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from lip_build import schema as s
from lip_build.history.stamp import Version
from lip_build.model.plan import Plan
from lip_build.outputs.drucksache import anlage_plan, anlage_stellungnahmen, anlage_uebersicht
from lip_build.outputs.drucksache.blocks import blocks, div
from lip_build.outputs.drucksache.drucksache import Anlage, Kopf, drucksache_markdown, kopf
from lip_build.outputs.drucksache.escape import md
from lip_build.outputs.drucksache.tables import Tabelle, Tabellen
from lip_build.view.formats import plan_stand

TEIL = "lip-teil"  # a part of the document; attribute lip-name


@dataclass(frozen=True)
class Teil:
    """The Drucksache itself or one Anlage, also set as a PDF of its own."""

    name: str  # "drucksache", "anlage-1": in file names and for the template (render_typst.SELECTION)
    titel: str  # "Drucksache ohne Anlagen", "Anlage 1: Lokaler Integrationsplan 2.0"
    dokumenttitel: str  # the PDF's title: "Anlage 1 zur Beschlussdrucksache Nr. 2610/2026: …"
    zeilenkopf_tabellen: int  # tables with row headers in this part (pdf_tags.py)


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
    teile: tuple[Teil, ...]


def anlagen(plan: Plan) -> tuple[Anlage, ...]:
    """The Anlagen in their order; the statements and their responses only where the plan has statements."""
    liste = [
        Anlage(1, anlage_plan.titel(plan), anlage_plan.IDENTIFIER),
        Anlage(2, anlage_uebersicht.TITEL, anlage_uebersicht.IDENTIFIER),
    ]
    if plan.stellungnahmen:
        liste.append(Anlage(3, anlage_stellungnahmen.TITEL, anlage_stellungnahmen.IDENTIFIER))
    return tuple(liste)


# The content of each Anlage, by its identifier: (plan, its number, the tables) → Markdown.
_INHALT: dict[str, Callable[[Plan, int, Tabellen], str]] = {
    anlage_plan.IDENTIFIER: anlage_plan.anlage_plan_markdown,
    anlage_uebersicht.IDENTIFIER: anlage_uebersicht.anlage_uebersicht_markdown,
    anlage_stellungnahmen.IDENTIFIER: anlage_stellungnahmen.anlage_stellungnahmen_markdown,
}

KOLOPHON = "lip-kolophon"


def teile(plan: Plan) -> tuple[tuple[str, str], ...]:
    """Name and title of each part, the Drucksache first: ("anlage-1", "Anlage 1: Lokaler Integrationsplan 2.0")."""
    return (
        ("drucksache", "Drucksache ohne Anlagen"),
        *((f"anlage-{a.nummer}", f"Anlage {a.nummer}: {a.titel}") for a in anlagen(plan)),
    )


def fusszeile(plan: Plan) -> str:
    """What every page says about the state of the plan: its version and date, as on the title page of
    Anlage 1. The commit is the build's business; it goes into the metadata and the colophon."""
    return plan_stand(plan.info.version, plan.info.stand)


def assemble(plan: Plan, version: Version) -> Dokument:
    liste = anlagen(plan)
    d = plan.drucksache
    tabellen = Tabellen()
    herkunft = f"Erstellt mit lip aus {version.herkunft}."
    art = s.DRUCKSACHE_ART.label(d.art)
    gesetzt: list[Teil] = []

    def teil(name: str, titel: str, dokumenttitel: str, markdown: Callable[[], str]) -> str:
        before = tabellen.zeilenkopf_tabellen()
        content = markdown()
        gesetzt.append(Teil(name, titel, dokumenttitel, tabellen.zeilenkopf_tabellen() - before))
        return div(TEIL, content, lip_name=name)

    (vorlage, vorlage_titel), *namen = teile(plan)
    markdown = blocks(
        [
            teil(
                vorlage,
                vorlage_titel,
                f"{art} Nr. {d.nummer} (ohne Anlagen): {d.titel}",
                lambda: blocks([drucksache_markdown(plan, liste, tabellen), div(KOLOPHON, md(herkunft))]),
            ),
            *(
                teil(
                    name,
                    titel,
                    f"Anlage {a.nummer} zur {art} Nr. {d.nummer}: {a.titel}",
                    partial(_INHALT[a.identifier], plan, a.nummer, tabellen),
                )
                for (name, titel), a in zip(namen, liste, strict=True)
            ),
        ]
    )
    return Dokument(
        markdown=markdown + "\n",
        titel=f"{art} Nr. {d.nummer}: {d.titel}",
        autorin=plan.info.herausgeberin,
        kopfzeile=f"Drucksache Nr. {d.nummer}",
        fusszeile=fusszeile(plan),
        herkunft=herkunft,
        entwurf=plan.info.status == "entwurf",
        kopf=kopf(plan, liste),
        tabellen=tuple(tabellen.items),
        teile=tuple(gesetzt),
    )

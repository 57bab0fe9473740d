"""The decision list of one session as PDF (`lip sitzung beschlussliste DATEI`), for its minutes.

Built like the Synopse: the template templates/typst/beschlussliste.typ, the shipped fonts, PDF/A-2a
and PDF/UA-1 and German errors come from the Drucksache's compile step; the content goes to Typst only
as data (beschlussliste.json), never as markup. Gremien only, never persons. Intermediate files are
written to <root>/.lip-drucksache/beschlussliste/ and removed after a successful build.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from lip_build import schema as s
from lip_build.atomic import atomic_file
from lip_build.errors import BuildError
from lip_build.history.stamp import Version
from lip_build.model.plan import Plan, Sitzung
from lip_build.outputs.drucksache.paths import resource, work_dir
from lip_build.outputs.drucksache.render_typst import compile_pdf
from lip_build.view.formats import anzahl, datum, plan_stand
from lip_build.view.plantext import label
from lip_build.view.steckbrief import field_label

TEMPLATE = "templates/typst/beschlussliste.typ"
WORK = "beschlussliste"
DATA = "beschlussliste.json"
DIST = "dist"


@dataclass(frozen=True)
class Angabe:
    label: str
    wert: str


@dataclass(frozen=True)
class Erlaeuterung:
    label: str
    text: str


@dataclass(frozen=True)
class Zeile:
    nr: int
    element: str  # "Maßnahme 1.3.2 Titel"
    kennung: str  # "BIL-M03"
    beschluss: str  # the label of schema.BESCHLUSS_ART
    erlaeuterung: tuple[Erlaeuterung, ...]


@dataclass(frozen=True)
class Daten:
    dokumenttitel: str
    herausgeberin: str
    titel: str
    untertitel: str
    gremium: str
    angaben: tuple[Angabe, ...]
    tagesordnung: tuple[str, ...]
    spalten: tuple[str, ...]
    beschluesse: tuple[Zeile, ...]
    keine_beschluesse: str
    fusszeile: str
    herkunft: str


def dateiname(sitzung: Sitzung) -> str:
    """ "Beschlussliste-lenkungsgruppe-2024-03-12.pdf" """
    return f"Beschlussliste-{sitzung.id}.pdf"


def daten(plan: Plan, sitzung: Sitzung, version: Version) -> Daten:
    gremium = plan.gremium(sitzung.gremium)

    def f(key: str) -> str:
        return field_label("sitzung", f"beschluesse[].{key}")

    zeilen = []
    for nr, b in enumerate(sitzung.beschluesse, start=1):
        notes = [(f("aenderung"), b.aenderung), (f("begruendung"), b.begruendung)]
        zeilen.append(
            Zeile(
                nr,
                label(plan, plan.element(b.element)),
                b.element,
                s.BESCHLUSS_ART.label(b.entscheidung),
                tuple(Erlaeuterung(k, v) for k, v in notes if v),
            )
        )
    zahl = anzahl(len(zeilen), "Beschluss", "Beschlüsse")
    return Daten(
        dokumenttitel=f"Beschlussliste: {sitzung.titel} am {datum(sitzung.datum)}",
        herausgeberin=plan.info.herausgeberin,
        titel=sitzung.titel,
        untertitel=f"{plan.info.titel} · {zahl}",
        gremium=gremium.name,
        angaben=(
            Angabe(field_label("sitzung", "gremium"), gremium.name),
            Angabe(field_label("sitzung", "datum"), datum(sitzung.datum)),
            Angabe("Datei", sitzung.quelle.pfad),
        ),
        tagesordnung=sitzung.tagesordnung,
        spalten=("Nr.", f("element"), f("entscheidung"), "Erläuterung"),
        beschluesse=tuple(zeilen),
        keine_beschluesse="In dieser Sitzung wurden keine Beschlüsse zu Zielen oder Maßnahmen gefasst.",
        fusszeile=f"{sitzung.titel}, {datum(sitzung.datum)} · {plan_stand(plan.info.version, plan.info.stand)}",
        herkunft=f"Erstellt mit lip aus {version.herkunft}.",
    )


def render_pdf(root: Path, plan: Plan, sitzung: Sitzung, version: Version) -> bytes:
    work = work_dir(root) / WORK
    try:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        shutil.copyfile(resource(root, TEMPLATE), work / "vorlage.typ")
        payload = json.dumps(asdict(daten(plan, sitzung, version)), ensure_ascii=False, indent=1)
        (work / DATA).write_text(payload, encoding="utf-8")
        main = work / "beschlussliste.typ"
        main.write_text(f'#import "vorlage.typ": beschlussliste\n#beschlussliste(json("{DATA}"))\n', encoding="utf-8")
    except OSError as error:
        raise BuildError(
            f"Die Beschlussliste konnte nicht vorbereitet werden: {error.strerror or error} "
            f"({error.filename or root}). Prüfen Sie, ob der Ordner beschreibbar ist."
        ) from None
    pdf = compile_pdf(root, main, version)  # on failure the files stay for a look
    shutil.rmtree(work, ignore_errors=True)
    with contextlib.suppress(OSError):
        work.parent.rmdir()  # the work folder, if nothing else is in it
    return pdf


def write_pdf(root: Path, plan: Plan, sitzung: Sitzung, version: Version) -> Path:
    """Build the decision list and write it to dist/ completely or not at all; returns the file."""
    pdf = render_pdf(root, plan, sitzung, version)
    target = root / DIST / dateiname(sitzung)
    try:
        atomic_file(target, pdf)
    except OSError as error:
        raise BuildError(
            f"Die Beschlussliste konnte nicht nach „{target}“ geschrieben werden: {error.strerror or error}. "
            "Prüfen Sie, ob der Ordner beschreibbar ist."
        ) from None
    return target


def find_sitzung(root: Path, plan: Plan, datei: Path) -> Sitzung | None:
    """The session whose file is `datei` (relative to the current folder or absolute)."""
    wanted = datei.resolve()
    return next((x for x in plan.sitzungen if (root / x.quelle.pfad).resolve() == wanted), None)

"""`lip new`: a new goal or measure from a template in templates/neu/, with the next free ID."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jinja2

from lip_build.atomic import atomic_file
from lip_build.check.document import Document, read_documents, records
from lip_build.check.placeholders import PLATZHALTER, PRUEFEN
from lip_build.check.reviews import goal_fingerprint
from lip_build.check.suggest import did_you_mean
from lip_build.diagnostics import Diagnostics
from lip_build.errors import ScaffoldError
from lip_build.model.plan import Begriff, Drucksache, Handlungsfeld, Organisationseinheiten, Ziel

TEMPLATE_DIR = Path("templates") / "neu"
_FOLDERS = {"ziel": "ziele", "massnahme": "massnahmen"}
_LETTER = {"ziel": "Z", "massnahme": "M"}


def next_id(documents: list[Document], root: Path, art: str, code: str) -> str:
    """The next free ID of a kind in a field: one above the highest in use anywhere in the plan."""
    letter = _LETTER[art]
    pattern = re.compile(rf"^{code}-{letter}(\d{{2,3}})$")
    used = {m.value for d in documents for m in d.checked.definitions if m.kind == art}
    used |= {p.stem for p in (root / "handlungsfelder").glob(f"*/{_FOLDERS[art]}/*.md")}
    numbers = [int(match.group(1)) for value in used if (match := pattern.match(value))]
    number = max(numbers, default=0) + 1
    return f"{code}-{letter}{number:02d}"


def create(root: Path, art: str, handlungsfeld: str, titel: str, ziel: str | None = None) -> Path:
    titel = titel.strip()
    if not titel or any(ord(c) < 32 for c in titel):
        raise ScaffoldError("Der Titel darf nicht leer sein und keine Zeilenumbrüche enthalten.")
    documents, _ = read_documents(root, Diagnostics())
    code = handlungsfeld.strip().upper()
    fields = {hf.code: hf for _, hf in records(documents, "handlungsfeld", Handlungsfeld)}
    feld = fields.get(code)
    if feld is None or not feld.ordner:
        known = sorted(fields)
        raise ScaffoldError(
            f"Das Handlungsfeld „{handlungsfeld}“ gibt es nicht.{did_you_mean(code, known)} "
            f"Vorhanden: {', '.join(known)}."
        )
    values = _defaults(documents, feld, art, code, ziel)
    values.update(id=next_id(documents, root, art, code), titel=titel, handlungsfeld=code, jahr=dt.date.today().year)
    values.update(platzhalter=PLATZHALTER, pruefen=PRUEFEN)  # what the check reports until it is filled in
    text = _environment(root).get_template(f"{art}.md.j2").render(**values)
    target = root / "handlungsfelder" / feld.ordner / _FOLDERS[art] / f"{values['id']}.md"
    _write_new(target, text)
    return target


def _defaults(
    documents: list[Document], feld: Handlungsfeld, art: str, code: str, ziel: str | None
) -> dict[str, object]:
    if art == "ziel":
        return {}
    goal_docs = {z.id: doc for doc, z in records(documents, "ziel", Ziel) if z.handlungsfeld == code}
    goals = sorted(goal_docs)
    if ziel is None:
        if not goals:
            raise ScaffoldError(
                f"Im Handlungsfeld {code} gibt es noch kein Ziel. Legen Sie zuerst eines an: "
                f'lip new ziel --handlungsfeld {code} --titel "…"'
            )
        ziel = goals[0]
    elif ziel not in goals:
        raise ScaffoldError(
            f"Das Ziel „{ziel}“ gibt es im Handlungsfeld {code} nicht.{did_you_mean(ziel, goals)} "
            f"Das erste Ziel einer Maßnahme liegt in ihrem eigenen Handlungsfeld: {', '.join(goals)}."
        )
    zielgruppen = sorted(b.id for _, b in records(documents, "zielgruppe", Begriff))
    einheiten = [
        e.oe for _, v in records(documents, "organisationseinheiten", Organisationseinheiten) for e in v.einheiten
    ]
    drucksache_oe = next((d.oe for _, d in records(documents, "drucksache", Drucksache)), None)
    if not zielgruppen or not einheiten:
        raise ScaffoldError("Zielgruppen oder Organisationseinheiten fehlen im Plan; prüfen Sie mit „lip validate“.")
    return {
        "ziel": ziel,
        "fingerprint": goal_fingerprint(goal_docs[ziel]) or "",
        "herkunft": feld.expertengruppe,
        "zielgruppe": "stadtgesellschaft" if "stadtgesellschaft" in zielgruppen else zielgruppen[0],
        "oe": drucksache_oe if drucksache_oe in einheiten else einheiten[0],
    }


def _environment(root: Path) -> jinja2.Environment:
    folder = root / TEMPLATE_DIR
    if not folder.is_dir():
        raise ScaffoldError(f"Die Vorlagen fehlen: Ordner „{TEMPLATE_DIR.as_posix()}“ im Plan.")
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder), keep_trailing_newline=True, undefined=jinja2.StrictUndefined
    )
    environment.filters["yaml_text"] = lambda text: json.dumps(str(text), ensure_ascii=False)
    return environment


def _write_new(target: Path, text: str) -> None:
    """Write atomically and never overwrite: a half-written or replaced file would lose work."""
    try:
        atomic_file(target, text, overwrite=False)
    except FileExistsError:
        raise ScaffoldError(f"Die Datei {target.name} gibt es schon; nichts wurde überschrieben.") from None

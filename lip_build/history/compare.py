"""The Synopse: what changed between two versions of the plan, item by item.

Items are matched by their stable identity, not by their file: goals and measures by ID,
Handlungsfelder by code, Gremien and vocabularies by ID, plan-wide files (chapters, glossary,
Drucksache …) by path. The same ID under another path is a move or rename, not a removal plus
an addition. Front matter is compared field by field, text word by word (textdiff.py).

The comparison reads documents after the field check only (loader.read_documents), so an old
version with validation errors can still be compared: a value that failed its check is shown
as written and marked "(ungültig)"; a file that cannot be read at all is missing.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from lip_build.check.document import Document
from lip_build.history.flatten import Feld, flatten, invalid
from lip_build.history.textdiff import TextDiff, compare_text
from lip_build.memo import Memo


class Aenderung(enum.Enum):
    GEAENDERT = "geändert"
    VERSCHOBEN = "verschoben"
    NEU = "neu"
    ENTFERNT = "entfernt"
    UNVERAENDERT = "unverändert"


ART_LABEL = {
    "plan": "Plan",
    "kapitel": "Kapitel",
    "leichte_sprache": "Leichte Sprache",
    "handlungsfeld": "Handlungsfeld",
    "ziel": "Ziel",
    "massnahme": "Maßnahme",
    "gremium": "Gremium",
    "zielgruppe": "Zielgruppe",
    "querschnittsthema": "Querschnittsthema",
    "sitzung": "Sitzung",
    "stellungnahme": "Stellungnahme",
    "glossar": "Glossar",
    "zeitleiste": "Zeitleiste",
    "organisationseinheiten": "Organisationseinheiten",
    "drucksache": "Drucksache",
}
_ORDER = {name: rank for rank, name in enumerate(ART_LABEL)}
BOOKKEEPING = ("geprueft",)  # keys that record work on the file, not content of the plan
_BY_ID = ("ziel", "massnahme", "gremium", "zielgruppe", "querschnittsthema", "sitzung", "stellungnahme")
_IN_FIELD = ("handlungsfeld", "ziel", "massnahme")


@dataclass(frozen=True)
class Stand:
    """One side of a comparison: a Git revision, or the working folder (based on a commit)."""

    bezeichnung: str  # as the user named it: "v2.0", "origin/main", "HEAD~1", or "Arbeitsordner"
    commit: str | None = None  # the revision's commit; for the working folder the checked-out one
    datum: dt.datetime | None = None  # commit date
    tag: str | None = None
    arbeitsordner: bool = False  # the files as they are in the folder, not as committed
    geaendert: bool = False  # the working folder has uncommitted changes to the plan

    @property
    def text(self) -> str:
        """For headings: "v2.0 (Commit a1b2c3d vom 29.09.2022)", "Commit a1b2c3d vom 29.09.2022",
        "Arbeitsordner (Commit a1b2c3d vom 29.09.2022, mit nicht eingecheckten Änderungen)"."""
        details = []
        if self.commit:
            tag = f", Tag {self.tag}" if self.tag and self.tag != self.bezeichnung else ""
            when = f" vom {self.datum:%d.%m.%Y}" if self.datum else ""
            details.append(f"Commit {self.commit[:7]}{tag}{when}")
        if self.geaendert:
            details.append("mit nicht eingecheckten Änderungen")
        if self.commit and not self.arbeitsordner and self.commit.startswith(self.bezeichnung.lower()):
            return details[0]  # the user named the commit itself
        return f"{self.bezeichnung} ({', '.join(details)})" if details else self.bezeichnung


@dataclass(frozen=True)
class Fassung:
    """An item as it reads in one version."""

    pfad: str
    titel: str | None
    handlungsfeld: str | None
    felder: tuple[Feld, ...]
    text: str
    ziele: tuple[str, ...] = ()  # measures: the goals they serve

    def wert(self, schluessel: str) -> str | None:
        return next((f.wert for f in self.felder if f.schluessel == schluessel), None)


@dataclass(frozen=True)
class Feldaenderung:
    schluessel: str
    bisher: str | None  # None: the key was not there
    neu: str | None
    text: TextDiff | None = None  # word diff, for longer texts in both versions


@dataclass(frozen=True)
class Element:
    art: str  # kind of file, as in loader.FILE_KINDS: "massnahme", "ziel", "kapitel" …
    id: str  # ID, Handlungsfeld code, or path for plan-wide files
    bisher: Fassung | None
    neu: Fassung | None
    felder: tuple[Feldaenderung, ...]  # changes of content, in the order of the schema
    text: TextDiff
    vermerke: tuple[Feldaenderung, ...] = ()  # bookkeeping only (geprueft): no change of content

    @property
    def aenderung(self) -> Aenderung:
        if self.bisher is None:
            return Aenderung.NEU
        if self.neu is None:
            return Aenderung.ENTFERNT
        if self.bisher.pfad != self.neu.pfad:
            return Aenderung.VERSCHOBEN
        return Aenderung.GEAENDERT if self.felder or self.text.geaendert else Aenderung.UNVERAENDERT

    @property
    def inhalt_geaendert(self) -> bool:
        return bool(self.felder) or self.text.geaendert

    @property
    def fassung(self) -> Fassung:
        """The newest version of the item (the old one for a removed item)."""
        found = self.neu or self.bisher
        assert found is not None
        return found

    @property
    def titel(self) -> str | None:
        return self.fassung.titel

    @property
    def bezeichnung(self) -> str:
        """ "Maßnahme BIL-M03", "Handlungsfeld BIL", "Kapitel 01-haltung", "Glossar"."""
        label = ART_LABEL.get(self.art, self.art)
        if self.art in _BY_ID or self.art == "handlungsfeld":
            return f"{label} {self.id}"
        if self.art == "kapitel":
            return f"{label} {PurePosixPath(self.id).stem}"
        return label

    @property
    def handlungsfelder(self) -> tuple[str, ...]:
        """Codes of the Handlungsfelder the item belongs to, in either version."""
        codes = [f.handlungsfeld for f in (self.bisher, self.neu) if f and f.handlungsfeld]
        return tuple(dict.fromkeys(codes))


@dataclass(frozen=True)
class Synopse:
    bisher: Stand
    neu: Stand
    elemente: tuple[Element, ...]  # every item of both versions, in the order of the plan

    @property
    def geaendert(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elemente if e.aenderung is not Aenderung.UNVERAENDERT)

    def anzahl(self, aenderung: Aenderung) -> int:
        return sum(1 for e in self.elemente if e.aenderung is aenderung)

    def element(self, art: str, id: str) -> Element | None:
        return next((e for e in self.elemente if e.art == art and e.id == id), None)


# --- building ------------------------------------------------------------------------------

_ID_STEM = re.compile(r"^[A-Za-z0-9-]+$")


def _identity(doc: Document) -> str:
    name = doc.kind.name
    if name in _BY_ID:
        stem = PurePosixPath(doc.path).stem
        return doc.identifier or (stem if _ID_STEM.match(stem) else doc.path)
    if name == "handlungsfeld":
        return doc.identifier or doc.path
    return doc.path


def _fassung(doc: Document) -> Fassung:
    values = doc.values
    titel = values.get("titel") or values.get("name")
    if doc.kind.name == "handlungsfeld":
        feld = values.get("code")
    elif doc.kind.name in _IN_FIELD or doc.kind.name == "gremium":
        feld = values.get("handlungsfeld")
    else:
        feld = None
    ziele = values.get("ziele") if doc.kind.name == "massnahme" else None
    return Fassung(
        pfad=doc.path,
        titel=str(titel) if titel else None,
        handlungsfeld=str(feld) if feld else None,
        felder=flatten(doc.kind.spec, values) + invalid(doc.source.front, values),
        text=doc.source.body.strip(),
        ziele=tuple(str(z) for z in ziele) if isinstance(ziele, list) else (),
    )


def _field_changes(old: Fassung | None, new: Fassung | None) -> tuple[Feldaenderung, ...]:
    before = {f.schluessel: f.wert for f in old.felder} if old else {}
    after = {f.schluessel: f.wert for f in new.felder} if new else {}
    keys = list(after) + [k for k in before if k not in after]
    changes = []
    for key in keys:
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        words = None
        if a is not None and b is not None and min(len(a.split()), len(b.split())) >= 8:
            words = compare_text(a, b)
        changes.append(Feldaenderung(key, a, b, words))
    return tuple(changes)


def _is_bookkeeping(change: Feldaenderung) -> bool:
    return change.schluessel.split(".", 1)[0].split("[", 1)[0] in BOOKKEEPING


def _content(doc: Document | None) -> tuple[str, str, str, str] | None:
    """All that a document is read from: its kind, path and text (front matter and body)."""
    return None if doc is None else (doc.kind.name, doc.path, doc.source.front_text, doc.source.body)


# Comparisons by the content of both versions: `lip serve` compares only the items edited since its last build.
_ELEMENTS: Memo[tuple[object, ...], Element] = Memo()


def _element(art: str, identity: str, old: Document | None, new: Document | None) -> Element:
    key = (art, identity, _content(old), _content(new))
    return _ELEMENTS.get(key, lambda: _compared(art, identity, old, new))


def _compared(art: str, identity: str, old: Document | None, new: Document | None) -> Element:
    a = _fassung(old) if old else None
    b = _fassung(new) if new else None
    text = compare_text(a.text if a else "", b.text if b else "")
    changes = _field_changes(a, b)
    content = tuple(c for c in changes if not _is_bookkeeping(c))
    return Element(art, identity, a, b, content, text, tuple(c for c in changes if _is_bookkeeping(c)))


def compare_documents(old: Document, new: Document) -> Element:
    """Two versions of one item's file (its history on the site: history/steps.py)."""
    return _element(new.kind.name, _identity(new), old, new)


def _pairs(old: list[Document], new: list[Document]) -> Iterable[tuple[Document | None, Document | None]]:
    """Match documents of one identity: same path first, then in order; the rest are added/removed."""
    rest_old = [d for d in old if d.path not in {n.path for n in new}]
    rest_new = [d for d in new if d.path not in {o.path for o in old}]
    for doc in old:
        match = next((n for n in new if n.path == doc.path), None)
        if match is not None:
            yield doc, match
    yield from zip(rest_old, rest_new, strict=False)
    yield from ((a, None) for a in rest_old[len(rest_new) :])
    yield from ((None, b) for b in rest_new[len(rest_old) :])


def _grouped(documents: list[Document]) -> dict[tuple[str, str], list[Document]]:
    groups: dict[tuple[str, str], list[Document]] = {}
    for doc in sorted(documents, key=lambda d: d.path):
        groups.setdefault((doc.kind.name, _identity(doc)), []).append(doc)
    return groups


def _field_order(documents: list[Document]) -> list[str]:
    plan = next((d for d in documents if d.kind.name == "plan"), None)
    order = plan.values.get("handlungsfelder") if plan else None
    return [str(code) for code in order] if isinstance(order, list) else []


def _natural(text: str) -> tuple[object, ...]:
    """Sort key in which BIL-M9 comes before BIL-M10 (the split puts the digit runs at odd places)."""
    return tuple(int(part) if index % 2 else part for index, part in enumerate(re.split(r"(\d+)", text)))


def compare(old: list[Document], new: list[Document], bisher: Stand, neu: Stand) -> Synopse:
    """Compare two versions of the plan, given as the documents of each."""
    before, after = _grouped(old), _grouped(new)
    elements = []
    for key in list(after) + [k for k in before if k not in after]:
        for a, b in _pairs(before.get(key, []), after.get(key, [])):
            elements.append(_element(key[0], key[1], a, b))
    fields = _field_order(new) + [c for c in _field_order(old) if c not in _field_order(new)]

    def position(element: Element) -> tuple[object, ...]:
        feld = element.fassung.handlungsfeld if element.art in _IN_FIELD else None
        rank = fields.index(feld) if feld in fields else len(fields)
        group = (_ORDER["handlungsfeld"], rank) if feld is not None else (_ORDER.get(element.art, 99), 0)
        reihenfolge = element.fassung.wert("reihenfolge") if element.art == "kapitel" else None
        within = (_IN_FIELD.index(element.art) if feld is not None else 0, _natural(reihenfolge or ""))
        return (*group, *within, _natural(element.id), element.fassung.pfad)

    return Synopse(bisher, neu, tuple(sorted(elements, key=position)))

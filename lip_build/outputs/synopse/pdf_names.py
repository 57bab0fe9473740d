"""Names instead of identifiers in the Synopse PDF: "eltern" → "Eltern und Familien", "40" →
"Fachbereich Schule (40)", "eg-bildung" → "Expert*innengruppe Bildung".

The names come from the two compared versions themselves (the newer name wins), so the PDF
needs nothing but the Synopse. An identifier without a name in either version is shown as written.
"""

from __future__ import annotations

import re

from lip_build import schema as s
from lip_build.history.compare import Synopse


def _reference_kinds() -> dict[str, str]:
    """Keys (list positions written as []) whose values are identifiers, and what they identify.

    Read from the schema's Ref and Partner fields of every kind of file, so a new reference field
    is named in the Synopse without a second list to keep.
    """
    found: dict[str, str] = {}
    for spec in s.SPECS.values():
        for key, field in s.walk(spec):
            target = field.type.item if isinstance(field.type, s.ListOf) else field.type
            if isinstance(target, s.Ref):
                found[key] = target.kind
            elif isinstance(target, s.Partner):
                found[key] = "oe"
    return found


_REFERENCES = _reference_kinds()
_NAMED = ("handlungsfeld", "zielgruppe", "querschnittsthema", "gremium")
_OE_NAME = re.compile(r"^einheiten\[(?P<oe>[^\]]+)\]\.name$")


class Namen:
    """Names of Handlungsfelder, target groups, themes, Gremien and OEs of both versions."""

    def __init__(self, synopse: Synopse) -> None:
        self._names: dict[tuple[str, str], str] = {}
        for element in synopse.elemente:
            for fassung in (element.bisher, element.neu):  # the newer version last: its names win
                if fassung is None:
                    continue
                if element.art in _NAMED and fassung.titel:
                    self._names[(element.art, element.id)] = fassung.titel
                if element.art == "organisationseinheiten":
                    for feld in fassung.felder:
                        found = _OE_NAME.match(feld.schluessel)
                        if found:
                            self._names[("oe", found.group("oe"))] = f"{feld.wert} ({found.group('oe')})"

    def eintraege(self, key: str, value: str) -> list[str] | None:
        """The named entries of a reference ("kinder, eltern" → two names); None: no reference."""
        kind = _REFERENCES.get(re.sub(r"\[[^\]]*\]", "[]", key))
        if kind is None:
            return None
        return [self._names.get((kind, part), part) for part in value.split(", ")]

    def wert(self, key: str, value: str) -> str:
        """The value of a front-matter key as readers know it; lists ("a, b") name each entry."""
        entries = self.eintraege(key, value)
        return value if entries is None else ", ".join(entries)
